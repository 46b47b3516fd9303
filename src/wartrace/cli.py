"""The command line: thin commands over the library, errors reported in one place."""
from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import click

from wartrace import __version__
from wartrace.errors import InputError, WartraceError

DEFAULT_DB = "wartrace.db"
db_option = click.option("--db", default=DEFAULT_DB, show_default=True, metavar="PATH|URL",
                         help="SQLite file (created if missing) or database URL.")


max_bytes_option = click.option("--max-bytes", type=click.IntRange(1), default=None, metavar="N",
                                help="Refuse inputs larger than N bytes (default 50 MiB).")
timeout_option = click.option("--timeout", type=click.FloatRange(0.1), default=None, metavar="SECONDS",
                              help="Give up on a URL after this long (default 30 s).")


def _run_options(max_bytes: int | None, timeout: float | None, workers: int = 1, cluster: str | None = None):
    from wartrace.pipeline.runner import RunOptions

    defaults = RunOptions()
    return RunOptions(max_bytes=max_bytes or defaults.max_bytes, fetch_timeout=timeout or defaults.fetch_timeout,
                      workers=workers, cluster=cluster)


class WartraceGroup(click.Group):
    """Turns every wartrace error into one line plus a hint, and never shows a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WartraceError as err:
            click.secho(f"Error: {err}", err=True, fg="red")
            click.echo(f"Hint: {err.hint}", err=True)
            ctx.exit(err.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted; finished documents are saved, run again to resume.", err=True)
            ctx.exit(130)
        except Exception as err:  # a bug: say so plainly
            if os.environ.get("WARTRACE_DEBUG"):
                raise
            click.secho(f"Error: unexpected {type(err).__name__}: {err}", err=True, fg="red")
            click.echo("Hint: this is a bug in wartrace; set WARTRACE_DEBUG=1 to see the traceback.", err=True)
            ctx.exit(1)


@click.group(cls=WartraceGroup)
@click.version_option(__version__, prog_name="wartrace")
def cli() -> None:
    """wartrace: dated, located events and sourced numbers from war reporting.

    Example: wartrace run reports/ --db battle.db && wartrace export --db battle.db --format gold --out out/
    """


def _store(db: str):
    from wartrace.store import open_store

    return open_store(db)


class _Progress:
    """A progress bar on stderr for long runs in a terminal; silent otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar = None
        self.phase = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.enabled or total < 5:
            return
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = click.progressbar(length=total, label=f"{phase:8}", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _print_summary(summary, store) -> None:
    parts = [f"{summary.count('new')} new", f"{summary.count('new-version')} new versions",
             f"{summary.count('unchanged')} unchanged"]
    click.echo(f"ingested: {', '.join(parts)}")
    click.echo(f"processed: {summary.processed} documents ({summary.skipped} already up to date); "
               f"{summary.events} events, {summary.claims} claims; {summary.regrouped} claim groups reconciled")
    for source, stage, message in summary.failed:
        click.secho(f"failed [{stage}] {source}: {message}", err=True, fg="yellow")
    if summary.failed:
        click.echo(f"{len(summary.failed)} failures recorded; `wartrace docs --failed --db {_db_arg(store)}` lists them.",
                   err=True)


def _db_arg(store) -> str:
    url = store.url
    return url[len("sqlite:///"):] if url.startswith("sqlite:///") else url


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL...")
@db_option
@max_bytes_option
@timeout_option
def ingest(inputs: tuple[str, ...], db: str, max_bytes: int | None, timeout: float | None) -> None:
    """Store reports (files, folders, http(s) URLs) without running the other stages.

    Example: wartrace ingest reports/ https://example.org/article.html --db battle.db
    """
    from wartrace.pipeline.runner import RunSummary, ingest as ingest_inputs

    store = _store(db)
    summary = RunSummary()
    ingest_inputs(store, inputs, summary, _run_options(max_bytes, timeout))
    for o in summary.ingested:
        note = " (already stored: nothing to do)" if o.status == "unchanged" else ""
        click.echo(f"{o.status:12} {o.doc_id[:12]}  v{o.version}  {o.name}{note}")
    for source, _stage, message in summary.failed:
        click.secho(f"failed       {source}: {message}", err=True, fg="yellow")
    sys.exit(1 if summary.failed else 0)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="CORPUS...")
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
@max_bytes_option
@timeout_option
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes for the document stages (one writer stores the results).")
@click.option("--cluster", default=None, metavar="ADDRESS|local",
              help="Run the document stages on a Dask cluster (scheduler address), or on a local one.")
def run(inputs: tuple[str, ...], db: str, quiet: bool, max_bytes: int | None, timeout: float | None,
        workers: int, cluster: str | None) -> None:
    """Ingest CORPUS (files, folders, URLs) and run every stage over new or stale documents.

    The exit status is 1 if any document failed (it is quarantined; the others are kept).
    Documents already processed by the same stage versions are skipped, so a re-run
    after an interruption resumes where it stopped.

    Example: wartrace run ../shared/corpus/raqqa-2017 --db raqqa.db --workers 2
    """
    from wartrace.pipeline.runner import run as run_pipeline

    store = _store(db)
    progress = _Progress(not quiet)
    try:
        summary = run_pipeline(store, inputs, _run_options(max_bytes, timeout, workers, cluster), progress=progress)
    finally:
        progress.close()
    _print_summary(summary, store)
    click.echo(f"database: {_db_arg(store)}")
    sys.exit(0 if summary.ok else 1)


@cli.command()
@click.option("--db", default="wartrace-demo.db", show_default=True, metavar="PATH|URL",
              help="Where to store the demo results.")
def demo(db: str) -> None:
    """Run the whole pipeline on the bundled demo reports and say where the results are.

    Example: wartrace demo
    """
    from wartrace.pipeline.runner import run as run_pipeline

    corpus = resources.files("wartrace.demo") / "corpus"
    store = _store(db)
    with resources.as_file(corpus) as folder:
        summary = run_pipeline(store, [str(folder)])
    click.echo("wartrace demo: the bundled reports\n")
    _list_documents(store.documents())
    click.echo("")
    _print_summary(summary, store)
    where = _db_arg(store)
    click.echo(f"\nResults are in {where}. Next: `wartrace docs --db {where}`, "
               f"`wartrace show mosul-timeline.md --db {where}`, "
               f"`wartrace export --db {where} --format gold --out out/`.")
    sys.exit(0 if summary.ok else 1)


def _list_documents(docs) -> None:
    if not docs:
        click.echo("no documents")
        return
    for d in docs:
        title = (d.title or "")[:60]
        click.echo(f"{d.id[:12]}  v{d.version}{'' if d.current else ' (old)'}  {d.published or '----------'}  "
                   f"{d.words:>6} words  {d.media_type:14} {d.name}  {title}")


@cli.command()
@db_option
@click.option("--all", "show_all", is_flag=True, help="Include superseded versions.")
@click.option("--failed", is_flag=True, help="List quarantined inputs and their errors instead.")
def docs(db: str, show_all: bool, failed: bool) -> None:
    """List the stored documents (or the failures).

    Example: wartrace docs --db raqqa.db
    """
    store = _store(db)
    if failed:
        rows = store.failures()
        for f in rows:
            click.echo(f"{f['failed_at']}  [{f['stage']}] {f['code']}  {f['source']}: {f['message']}")
        if not rows:
            click.echo("no failures")
        return
    _list_documents(store.documents(include_superseded=show_all))


@cli.command()
@click.argument("doc")
@db_option
@click.option("--original", is_flag=True, help="Print the original text instead of the cleaned text.")
def show(doc: str, db: str, original: bool) -> None:
    """Show a document's metadata and its cleaned text. DOC is an id prefix or a file name.

    Example: wartrace show 000_bd109fa419851313.txt --db raqqa.db
    """
    store = _store(db)
    matches = store.find_documents(doc)
    if not matches:
        raise InputError("WT109", ref=doc)
    if len(matches) > 1:
        raise InputError("WT110", ref=doc, count=len(matches))
    d = store.get_document(matches[0].id)
    for label, value in (("id", d.id), ("source", d.source), ("name", d.name), ("version", d.version),
                         ("type", d.media_type), ("encoding", d.encoding), ("title", d.title),
                         ("author", d.author), ("published", f"{d.published} ({d.published_from})" if d.published else None),
                         ("language", d.language), ("ingested", d.ingested_at)):
        if value is not None:
            click.echo(f"{label:10} {value}")
    click.echo("")
    click.echo(d.original_text if original else d.text)


@cli.command()
@db_option
@click.option("--format", "fmt", default="gold", show_default=True,
              help="Export format: gold, jsonl, geojson, acled, ucdp, csv (one file per table), "
                   "datasette (metadata.json). See docs/publishing.md.")
@click.option("--out", required=True, metavar="DIR", help="Output folder.")
def export(db: str, fmt: str, out: str) -> None:
    """Export events and claims in the field's formats (docs/publishing.md).

    `gold` writes DIR/events.jsonl and DIR/claims.jsonl as the scorers read them.

    Example: wartrace export --db raqqa.db --format gold --out predictions/
    """
    from wartrace.export import EXPORTERS

    if fmt not in EXPORTERS:
        raise InputError("WT111", name=fmt, choices=", ".join(sorted(EXPORTERS)))
    counts = EXPORTERS[fmt](_store(db), out)
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items()) + f" written to {Path(out)}")


@cli.command()
@click.argument("in_dir", type=click.Path(file_okay=False))
@click.argument("out_dir", type=click.Path(file_okay=False))
def timeml(in_dir: str, out_dir: str) -> None:
    """Tag TempEval-3 TimeML files: read IN_DIR (DOCID, DCT, TEXT), write OUT_DIR with TIMEX3 tags.

    Example: wartrace timeml te3-input/ te3-output/
    """
    from wartrace.time.timeml import annotate_dir

    if not Path(in_dir).is_dir():
        raise InputError("WT101", path=in_dir)
    counts = annotate_dir(in_dir, out_dir)
    click.echo(f"{counts['timexes']} TIMEX3 tags in {counts['files']} files written to {out_dir}")


format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="Output format.")


def _print_rows(rows: list[dict[str, Any]], fmt: str, table: Any) -> None:
    """Print rows as JSON, as CSV (nested values as JSON), or with the `table` printer."""
    import csv
    import json

    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        if not rows:
            return
        writer = csv.DictWriter(click.get_text_stream("stdout"), fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in r.items()})
    elif not rows:
        click.echo("nothing to show (run `wartrace run` first)")
    else:
        table(rows)


def _num(x: float | None) -> str:
    return "-" if x is None else (f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}")


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"



# --- events and claims ------------------------------------------------------------------


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if not (since or until):
        return True
    if not date:
        return False
    return (since is None or date[: len(since)] >= since[: len(date)]) and \
        (until is None or date[: len(until)] <= until[: len(date)])


def _matches(value: str | None, wanted: str | None) -> bool:
    return wanted is None or (value is not None and wanted.casefold() in value.casefold())


@cli.command()
@db_option
@click.option("--type", "type_", default=None, help="Only this event type (capture, clash, airstrike, ...).")
@click.option("--since", default=None, metavar="DATE", help="Events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Events on or before DATE.")
@click.option("--place", default=None, help="Place name contains this text.")
@click.option("--actor", default=None, help="An actor's name contains this text.")
@click.option("--doc", default=None, help="Only events of this document (file name).")
@format_option
def events(db: str, type_: str | None, since: str | None, until: str | None, place: str | None,
           actor: str | None, doc: str | None, fmt: str) -> None:
    """List extracted events with their date, place, actors and quote.

    Example: wartrace events --db battle.db --type capture --since 2017-07 --place Mosul
    """
    import json

    rows = []
    for r in _store(db).rows("events"):
        actors = json.loads(r["actors_json"])
        if (type_ and r["type"] != type_) or not _in_range(r["date"], since, until) \
                or not _matches(r["place_name"], place) or (doc and r["doc_name"] != doc) \
                or (actor and not any(_matches(a, actor) for a in [*actors, r["target"]])):
            continue
        rows.append({"id": r["id"], "doc": r["doc_name"], "start": r["start_offset"], "end": r["end_offset"],
                     "type": r["type"], "date": r["date"], "date_precision": r["date_precision"],
                     "place": r["place_name"], "place_kind": r["place_kind"], "latitude": r["latitude"],
                     "longitude": r["longitude"], "actors": actors, "target": r["target"],
                     "factuality": r["factuality"], "quote": r["quote"]})

    def table(rows: list[dict[str, Any]]) -> None:
        for r in rows:
            who = ", ".join(r["actors"]) + (f" → {r['target']}" if r["target"] else "")
            click.echo(f"{r['date'] or '?':10} {(r['date_precision'] or '')[:5]:5} {r['type']:13} "
                       f"{(r['place'] or '-')[:24]:24} {who[:30]:30} {r['doc'][:12]}@{r['start']}: "
                       f"“{_short(r['quote'], 70)}”")
        click.echo(f"{len(rows)} events")

    _print_rows(rows, fmt, table)


@cli.command()
@db_option
@click.option("--what", default=None, help="Only this kind of figure (killed, displaced, control_share, ...).")
@click.option("--since", default=None, metavar="DATE", help="Figures as of DATE or later.")
@click.option("--until", default=None, metavar="DATE", help="Figures as of DATE or earlier.")
@click.option("--place", default=None, help="Place name contains this text.")
@click.option("--actor", default=None, help="Source, holder or perpetrator contains this text.")
@click.option("--doc", default=None, help="Only claims of this document (file name).")
@format_option
def claims(db: str, what: str | None, since: str | None, until: str | None, place: str | None,
           actor: str | None, doc: str | None, fmt: str) -> None:
    """List every number the reports state, with its range, qualifier, source and quote.

    Example: wartrace claims --db raqqa.db --what killed --actor Airwars
    """
    from wartrace.store.ledger import figure_text

    rows = []
    for r in _store(db).rows("claims"):
        if (what and r["what"] != what) or not _in_range(r["as_of"], since, until) \
                or not _matches(r["place_name"], place) or (doc and r["doc_name"] != doc) \
                or (actor and not any(_matches(v, actor) for v in (r["attributed_to"], r["actor"], r["who"]))):
            continue
        rows.append({"id": r["id"], "doc": r["doc_name"], "start": r["start_offset"], "end": r["end_offset"],
                     "what": r["what"], "who": r["who"], "low": r["low"], "high": r["high"],
                     "qualifier": r["qualifier"], "figure": figure_text(r["low"], r["high"], r["qualifier"]),
                     "attributed_to": r["attributed_to"], "as_of": r["as_of"], "place": r["place_name"],
                     "actor": r["actor"], "unit": r["unit"], "quote": r["quote"]})

    def table(rows: list[dict[str, Any]]) -> None:
        for r in rows:
            counted = f"{r['what']} {r['who'] or ''}".strip()
            click.echo(f"{r['figure']:>18} {counted[:22]:22} {r['as_of'] or '-':10} "
                       f"{(r['attributed_to'] or '(document)')[:24]:24} {r['doc'][:12]}@{r['start']}: "
                       f"“{_short(r['quote'], 60)}”")
        click.echo(f"{len(rows)} claims")

    _print_rows(rows, fmt, table)


# --- the ledger ---------------------------------------------------------------------

@cli.command()
@db_option
@click.option("--policy", default="ucdp", show_default=True, help="Estimate policy: ucdp, conservative, range (or name.vN).")
@click.option("--what", default=None, help="Only groups counting this (killed, displaced, ...).")
@format_option
def ledger(db: str, policy: str, what: str | None, fmt: str) -> None:
    """Claim groups with an estimate, a grade, and every source's figure and quote.

    Example: wartrace ledger --db raqqa.db --what killed --policy conservative
    """
    from wartrace.reconcile import resolve_name
    from wartrace.store.ledger import ledger_view

    rows = [r for r in ledger_view(_store(db), resolve_name(policy)) if what is None or r["what"] == what]

    def table(rows: list[dict[str, Any]]) -> None:
        for r in rows:
            who = f" {r['who']}" if r["who"] else ""
            unit = f" ({r['unit']})" if r["unit"] else ""
            flag = "  ⚠ contradiction" if r["contradicted"] else ""
            click.secho(f"{r['what']}{who}{unit} @ {r['scope']} [{r['kind']}]  best {_num(r['best'])}  "
                        f"low {_num(r['low'])}  high {_num(r['high'])}  ({r['policy']})  {r['grade']}: "
                        f"{r['grade_reason']}{flag}", bold=True)
            for c in r["claims"]:
                mark = " " if c["current"] else "↻"
                click.echo(f"  {mark} {c['figure']:>16}  {c['as_of'] or '-':10}  {c['source'][:28]:28}  "
                           f"{c['doc']}@{c['start']}: “{_short(c['quote'], 70)}”")
        click.echo("(↻ = updated by a later figure)")

    _print_rows(rows, fmt, table)


@cli.command()
@db_option
@format_option
def conflicts(db: str, fmt: str) -> None:
    """Figures that contradict each other, with both quotes and sources.

    Example: wartrace conflicts --db raqqa.db --format json
    """
    from wartrace.store.ledger import conflicts_view

    def table(rows: list[dict[str, Any]]) -> None:
        for r in rows:
            click.secho(f"{r['group']}: {r['reason']}", bold=True)
            for side in ("first", "second"):
                c = r[side]
                click.echo(f"    {c['source'][:30]:30} {c['doc']}@{c['start']}: “{_short(c['quote'], 80)}”")

    _print_rows(conflicts_view(_store(db)), fmt, table)


@cli.command()
@click.argument("place", required=False)
@db_option
@format_option
@click.option("--plot", "plot_path", default=None, metavar="FILE",
              help="Also draw control over time to FILE (.png, .svg or .pdf; needs the `plot` extra).")
def control(place: str | None, db: str, fmt: str, plot_path: str | None) -> None:
    """Who held each place when (from captures), and the city's share over time.

    Example: wartrace control "Central stadium" --db battle.db
    """
    from wartrace.store.ledger import control_view

    view = control_view(_store(db), place)
    rows = [{"kind": "period", **p} for p in view["periods"]] + [{"kind": "share", **s} for s in view["shares"]]

    def table(rows: list[dict[str, Any]]) -> None:
        for p in (r for r in rows if r["kind"] == "period"):
            quote = f"  “{_short(p['evidence'][0]['quote'], 60)}”" if p["evidence"] else ""
            click.echo(f"{(p['place'] or p['place_id'])[:32]:32} {p['holder'][:20]:20} "
                       f"{p['from'] or '…':10} → {p['until'] or 'now':10}{quote}")
        shares = [r for r in rows if r["kind"] == "share"]
        if shares:
            click.secho("\nshare of place held (origin: derived from captured neighbourhoods, or reported)", bold=True)
        for s in shares:
            value = _num(s["low"]) + (f"–{_num(s['high'])}" if s["high"] is not None else "")
            click.echo(f"{(s['place'] or s['place_id'])[:24]:24} {s['date']} {s['actor'][:20]:20} {value:>8}%  "
                       f"{s['origin']:19} {s['doc'] or ''}")

    _print_rows(rows, fmt, table)
    if plot_path:
        from wartrace.export.plots import plot_control

        drawn = plot_control(view, plot_path, title=place)
        click.echo(f"plot: {drawn['places']} places, {drawn['periods']} periods, "
                   f"{drawn['share points']} share points written to {plot_path}", err=True)


from wartrace.web.cli import register as _register_web  # noqa: E402 - after the group exists

_register_web(cli)


def main() -> None:
    cli(prog_name="wartrace")


if __name__ == "__main__":
    main()

"""The pipeline runner: ingest the inputs, then run every document stage in order.

Each document's results are saved in one transaction together with the versions of
the stages that made them, so a re-run skips finished documents and an interrupted
run leaves either a document's whole result or none of it. A document that fails
in a stage is quarantined (recorded in `failures` with its error) and the run goes on.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from wartrace.errors import WartraceError
from wartrace.ingest import Input, Skipped, discover, load_input
from wartrace.ingest.sources import FETCH_TIMEOUT, MAX_BYTES
from wartrace.pipeline.parallel import DaskExecutor, DocResult, Executor, ProcessExecutor, SerialExecutor
from wartrace.pipeline.stage import Stage, check_order
from wartrace.store import DocumentSummary, IngestOutcome, Store

ProgressFn = Callable[[str, int, int], None]  # (phase, done, total)


def default_stage_types() -> tuple[type, ...]:
    """Every document stage that exists, in pipeline order (classes: names and versions
    are known without building the stages, which loads gazetteers and lexicons)."""
    from wartrace.actors.stage import ActorsStage
    from wartrace.claims.stage import ClaimsStage
    from wartrace.events import EventsStage
    from wartrace.places.stage import PlacesStage
    from wartrace.segment import SegmentStage
    from wartrace.time.stage import TimeStage

    return check_order([SegmentStage, TimeStage, PlacesStage, ActorsStage, EventsStage, ClaimsStage])


def default_stages() -> tuple[Stage, ...]:
    """Every document stage, built."""
    return tuple(stage_type() for stage_type in default_stage_types())


@dataclass
class RunSummary:
    ingested: list[IngestOutcome] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (source, stage, message)
    processed: int = 0
    skipped: int = 0
    events: int = 0
    claims: int = 0
    regrouped: int = 0  # claim groups re-reconciled

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, status: str) -> int:
        return sum(1 for o in self.ingested if o.status == status)


@dataclass(frozen=True)
class RunOptions:
    max_bytes: int = MAX_BYTES
    allow_loopback_urls: bool = False
    fetch_timeout: float = FETCH_TIMEOUT
    workers: int = 1
    cluster: str | None = None  # a Dask scheduler address, or "local"


def ingest(store: Store, refs: Sequence[str], summary: RunSummary, options: RunOptions = RunOptions(),
           progress: ProgressFn | None = None) -> None:
    """Store every input; an input that cannot be read is recorded as a failure."""
    items = list(discover(list(refs)))
    for i, item in enumerate(items):
        if isinstance(item, Skipped):
            _fail(store, summary, item.source, "ingest", item.error)
        else:
            _ingest_one(store, item, summary, options)
        if progress:
            progress("ingest", i + 1, len(items))


def _ingest_one(store: Store, item: Input, summary: RunSummary, options: RunOptions) -> None:
    try:
        doc, raw = load_input(item, max_bytes=options.max_bytes, allow_loopback_urls=options.allow_loopback_urls,
                              fetch_timeout=options.fetch_timeout)
    except WartraceError as err:
        _fail(store, summary, item.source, "ingest", err)
        return
    except (MemoryError, RecursionError, ValueError, TypeError, LookupError, OSError) as err:
        _fail(store, summary, item.source, "ingest", err)
        return
    summary.ingested.append(store.put_document(doc, raw))


def _fail(store: Store, summary: RunSummary, source: str, stage: str, err: BaseException, doc_id: str | None = None) -> None:
    detail = None
    if isinstance(err, WartraceError):
        code, message = err.code, err.message
    else:
        code = "WT502"
        message = f"{type(err).__name__}: {err}".splitlines()[0][:500]
        detail = "".join(traceback.format_exception(err))[-8000:]
    store.record_failure(source, stage, code, message, doc_id, detail)
    summary.failed.append((source, stage, message))


def process(store: Store, stages: Sequence[Stage] | None = None, summary: RunSummary | None = None,
            progress: ProgressFn | None = None, doc_ids: Iterable[str] | None = None,
            workers: int = 1, cluster: str | None = None, executor: Executor | None = None) -> RunSummary:
    """Run the document stages over every current document whose results are missing or stale.

    With `workers` > 1 the stages run in a local process pool, with `cluster` on Dask
    (an address, or "local"); custom `stages` run in this process. An `executor` made by
    `make_executor` may be passed in (and is then left open). Results are saved here,
    one transaction per document, in document order.
    """
    plan = check_order(list(stages) if stages is not None else default_stage_types())
    summary = summary or RunSummary()
    wanted = {s.name: s.version for s in plan}
    done = store.stage_versions()
    selected = set(doc_ids) if doc_ids is not None else None
    docs = [d for d in store.documents() if selected is None or d.id in selected]
    todo = [d for d in docs if done.get(d.id) != wanted]
    summary.skipped += len(docs) - len(todo)
    if not todo:
        return summary
    hints = _date_hints(store, todo)
    own = executor is None
    executor = executor or make_executor(stages, workers, cluster)
    try:
        work = ((doc, hints.get(doc.id, {})) for doc in (store.get_document(d.id) for d in todo))
        for i, result in enumerate(executor.map(work)):
            _save(store, result, wanted, summary)
            if progress:
                progress("process", i + 1, len(todo))
    finally:
        if own:
            executor.close()
    return summary


def _date_hints(store: Store, todo: Sequence[DocumentSummary]) -> dict[str, dict[str, Any]]:
    """Initial annotations for undated news documents: a date hint from the corpus."""
    if not any(d.published is None for d in todo):
        return {}
    from wartrace.pipeline.corpus import dct_hints

    hints = dct_hints(store.get_document(d.id) for d in store.documents())
    return {doc_id: {"doc.dct_hint": h["date"], "doc.dct_hint_source": h} for doc_id, h in hints.items()}


def make_executor(stages: Sequence[Stage] | None = None, workers: int = 1, cluster: str | None = None) -> Executor:
    """Custom stage lists run here; the default ones can be rebuilt in other processes,
    whose workers start building them at once."""
    if stages is not None:
        return SerialExecutor(check_order(list(stages)))
    if cluster:
        return DaskExecutor(default_stages, cluster, workers=max(workers, 2))
    if workers > 1:
        return ProcessExecutor(default_stages, workers)
    return SerialExecutor(default_stages())


def _save(store: Store, result: DocResult, wanted: dict[str, str], summary: RunSummary) -> None:
    doc = result.document
    if result.failed_stage is not None:
        store.record_failure(doc.source, result.failed_stage, result.error_code or "WT502", result.message or "",
                             doc.id, result.detail)
        summary.failed.append((doc.source, result.failed_stage, result.message or ""))
        return
    store.save_results(doc, wanted, result.annotations, result.events, result.claims)
    summary.processed += 1
    summary.events += len(result.events)
    summary.claims += len(result.claims)


def reconcile_corpus(store: Store) -> int:
    """The corpus-level stage: bring the ledger up to date with every stored claim and
    event, recomputing only the claim groups whose members changed. Returns their number."""
    from wartrace.reconcile import reconcile
    from wartrace.store.ledger import save_ledger, sourced_claims, sourced_events, stored_fingerprints

    ledger = reconcile(sourced_claims(store), sourced_events(store), stored=stored_fingerprints(store))
    return save_ledger(store, ledger)


def run(store: Store, refs: Sequence[str], options: RunOptions = RunOptions(),
        stages: Sequence[Stage] | None = None, progress: ProgressFn | None = None) -> RunSummary:
    """Ingest `refs` into `store`, run every document stage over what needs it, then reconcile."""
    summary = RunSummary()
    parallel = stages is None and (options.workers > 1 or options.cluster)
    # Workers start (and load their stages) while this process ingests.
    executor = make_executor(stages, options.workers, options.cluster) if parallel else None
    try:
        ingest(store, refs, summary, options, progress)
        process(store, stages, summary, progress, executor=executor)
    finally:
        if executor is not None:
            executor.close()
    summary.regrouped = reconcile_corpus(store)
    return summary

"""The pipeline runner: ingest the inputs, then run every document stage in order.

Each document's results are saved in one transaction together with the versions of
the stages that made them, so a re-run skips finished documents and an interrupted
run leaves either a document's whole result or none of it. A document that fails
in a stage is quarantined (recorded in `failures` with its error) and the run goes on.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from wartrace.errors import WartraceError
from wartrace.ingest import Input, Skipped, discover, load_input
from wartrace.ingest.sources import FETCH_TIMEOUT, MAX_BYTES
from wartrace.pipeline.stage import DocState, Stage, check_order
from wartrace.store import IngestOutcome, Store

ProgressFn = Callable[[str, int, int], None]  # (phase, done, total)


def default_stages() -> tuple[Stage, ...]:
    """Every document stage that exists, in pipeline order."""
    from wartrace.segment import SegmentStage

    return check_order([SegmentStage()])


@dataclass
class RunSummary:
    ingested: list[IngestOutcome] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (source, stage, message)
    processed: int = 0
    skipped: int = 0
    events: int = 0
    claims: int = 0

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
            progress: ProgressFn | None = None, doc_ids: Iterable[str] | None = None) -> RunSummary:
    """Run the document stages over every current document whose results are missing or stale."""
    stages = check_order(list(stages if stages is not None else default_stages()))
    summary = summary or RunSummary()
    wanted = {s.name: s.version for s in stages}
    done = store.stage_versions()
    docs = [d for d in store.documents() if doc_ids is None or d.id in set(doc_ids)]
    todo = [d for d in docs if done.get(d.id) != wanted]
    summary.skipped += len(docs) - len(todo)
    for i, summ in enumerate(todo):
        doc = store.get_document(summ.id)
        state = DocState(doc)
        failed_stage = None
        try:
            for stage in stages:
                failed_stage = stage.name
                state = stage(state)
        except Exception as err:  # quarantine the document, keep the run going
            _fail(store, summary, doc.source, failed_stage or "?", err, doc.id)
            continue
        events = state.annotations.get("doc.events", ())
        claims = state.annotations.get("doc.claims", ())
        kept = {k: v for k, v in state.annotations.items() if k not in ("doc.events", "doc.claims")}
        store.save_results(doc, wanted, kept, events, claims)
        summary.processed += 1
        summary.events += len(events)
        summary.claims += len(claims)
        if progress:
            progress("process", i + 1, len(todo))
    return summary


def reconcile_corpus(store: Store) -> None:
    """The corpus-level stage: rebuild the ledger from every stored claim and event."""
    from wartrace.reconcile import reconcile
    from wartrace.store.ledger import save_ledger, sourced_claims, sourced_events

    save_ledger(store, reconcile(sourced_claims(store), sourced_events(store)))


def run(store: Store, refs: Sequence[str], options: RunOptions = RunOptions(),
        stages: Sequence[Stage] | None = None, progress: ProgressFn | None = None) -> RunSummary:
    """Ingest `refs` into `store`, run every document stage over what needs it, then reconcile."""
    summary = RunSummary()
    ingest(store, refs, summary, options, progress)
    process(store, stages, summary, progress)
    reconcile_corpus(store)
    return summary

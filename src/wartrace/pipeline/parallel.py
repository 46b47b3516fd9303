"""Where document stages run: in this process, in a local process pool, or on a Dask cluster.

Whatever runs the stages, results come back in input order and only the calling
process writes to the store (a single writer), so every executor gives the same
database as a serial run.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Callable, Iterable, Iterator, Mapping, Protocol, Sequence

from wartrace.errors import WartraceError
from wartrace.model import Claim, Document, Event
from wartrace.pipeline.stage import DocState, Stage
from wartrace.store.db import JsonText, encode_annotation

StageFactory = Callable[[], Sequence[Stage]]


@dataclass(frozen=True)
class DocResult:
    """What the stages made of one document, or why they failed on it."""

    document: Document
    annotations: dict[str, JsonText] = field(default_factory=dict)  # encoded where the stages ran
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    failed_stage: str | None = None
    error_code: str | None = None
    message: str | None = None
    detail: str | None = None


Work = tuple[Document, Mapping[str, Any]]  # a document and its initial annotations (corpus hints)


def apply_stages(doc: Document, stages: Sequence[Stage], initial: Mapping[str, Any] | None = None) -> DocResult:
    state = DocState(doc, MappingProxyType(dict(initial or {})))
    current = None
    try:
        for stage in stages:
            current = stage.name
            state = stage(state)
    except WartraceError as err:
        return DocResult(doc, failed_stage=current, error_code=err.code, message=err.message)
    except Exception as err:  # quarantine the document, keep the run going
        message = f"{type(err).__name__}: {err}".splitlines()[0][:500]
        return DocResult(doc, failed_stage=current, error_code="WT502", message=message,
                         detail="".join(traceback.format_exception(err))[-8000:])
    annotations = dict(state.annotations)
    events = tuple(annotations.pop("doc.events", ()))
    claims = tuple(annotations.pop("doc.claims", ()))
    encoded = {key: encode_annotation(value) for key, value in annotations.items()}
    return DocResult(doc, encoded, events, claims)


@lru_cache(maxsize=4)
def _stages_in_worker(factory: StageFactory) -> tuple[Stage, ...]:
    """Stages are built once per worker process (models load once), then reused."""
    return tuple(factory())


def _build_stages(factory: StageFactory) -> None:
    _stages_in_worker(factory)


def apply_batch(work: Sequence[Work], factory: StageFactory) -> list[DocResult]:
    stages = _stages_in_worker(factory)
    return [apply_stages(d, stages, initial) for d, initial in work]


def _batches(docs: Iterable[Work], size: int) -> Iterator[list[Work]]:
    batch: list[Work] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Executor(Protocol):
    def map(self, work: Iterable[Work]) -> Iterator[DocResult]: ...

    def close(self) -> None: ...


class SerialExecutor:
    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = tuple(stages)

    def map(self, work: Iterable[Work]) -> Iterator[DocResult]:
        for d, initial in work:
            yield apply_stages(d, self.stages, initial)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A pool of worker processes on this machine; each builds the stages once.

    One document a task by default: documents differ a hundredfold in length, and larger
    batches leave one worker idle while the other finishes the last batch."""

    def __init__(self, factory: StageFactory, workers: int, batch_size: int = 1) -> None:
        import multiprocessing

        self.factory = factory
        self.batch_size = batch_size
        self.pool = multiprocessing.get_context("spawn").Pool(workers)
        # One build task per worker, queued now: workers load their stages while the caller
        # is still ingesting. (A worker that misses its task builds on its first batch.)
        self.pool.map_async(_build_stages, [factory] * workers, chunksize=1)

    def map(self, docs: Iterable[Work]) -> Iterator[DocResult]:
        from functools import partial

        work = partial(apply_batch, factory=self.factory)
        for results in self.pool.imap(work, _batches(docs, self.batch_size)):
            yield from results

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


class DaskExecutor:
    """Batches of documents shipped to a Dask cluster (`address`), or to a local one ("local")."""

    def __init__(self, factory: StageFactory, address: str, workers: int = 2, batch_size: int = 8,
                 window: int = 16) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as err:  # pragma: no cover - depends on the extra
            from wartrace.errors import PipelineError

            raise PipelineError("WT503", reason=str(err)) from None
        self.factory = factory
        self.batch_size = batch_size
        self.window = window
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)

    def map(self, docs: Iterable[Work]) -> Iterator[DocResult]:
        # A bounded window of batches in flight: memory stays flat, order is kept.
        pending = []
        for batch in _batches(docs, self.batch_size):
            pending.append(self.client.submit(apply_batch, batch, self.factory, pure=False))
            if len(pending) >= self.window:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

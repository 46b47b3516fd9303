"""The stage contract: what a stage reads, what it adds, and its version.

A stage is a callable object ``stage(doc: DocState) -> DocState``. It declares the
annotation keys it ``requires`` and ``assigns`` (``"doc.sentences"``,
``"doc.timexes"``...), so a pipeline with a broken order is refused when it is built,
not halfway through a run. ``version`` is bumped whenever the stage's output changes,
so stored results of an older version are recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, ClassVar, Mapping, Protocol, Sequence

from wartrace.errors import PipelineError
from wartrace.model import Document

BASE_KEYS = frozenset({"doc.text", "doc.meta"})


@dataclass(frozen=True)
class DocState:
    """A document on its way through the pipeline: the stored document plus annotations.

    ``annotations`` is read-only; ``with_annotation`` returns a new state.
    """

    document: Document
    annotations: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def text(self) -> str:
        return self.document.clean.text

    def __getitem__(self, key: str) -> Any:
        return self.annotations[key]

    def with_annotation(self, key: str, value: Any) -> DocState:
        merged = dict(self.annotations)
        merged[key] = value
        return replace(self, annotations=MappingProxyType(merged))


class Stage(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def __call__(self, doc: DocState) -> DocState: ...


def check_order(stages: Sequence[Stage]) -> tuple[Stage, ...]:
    """Return the stages if each one's requirements are met by those before it."""
    available = set(BASE_KEYS)
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise PipelineError("WT501", stage=stage.name, missing=", ".join(sorted(missing)))
        available |= stage.assigns
    return tuple(stages)

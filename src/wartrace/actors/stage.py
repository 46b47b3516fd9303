"""The actors stage: every actor mention of a document, resolved to a canonical actor.

Reads: doc.text, doc.sentences. Adds: doc.actors (tuple[ActorMention]; each is a
SourcedActorMention whose ``via`` says how it was resolved), sorted by offset.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from wartrace.actors.finder import ActorFinder
from wartrace.actors.registry import Registry, load_registry, shipped_registries
from wartrace.pipeline.stage import DocState


@dataclass(frozen=True)
class ActorsConfig:
    """``user_files``: extra registry YAML files (later entries replace earlier ones with
    the same id). ``roll_up``: report a unit under the actor it is part of (a brigade
    -> its army), as the gold annotation does."""

    include_shipped: bool = True
    user_files: tuple[str, ...] = ()
    roll_up: bool = True


class ActorsStage:
    name: ClassVar[str] = "actors"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.sentences"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.actors"})

    def __init__(self, config: ActorsConfig | None = None) -> None:
        self.config = config or ActorsConfig()
        registries = list(shipped_registries()) if self.config.include_shipped else []
        registries += [load_registry(p) for p in self.config.user_files]
        self.registry = Registry.merged(registries)
        self.finder = ActorFinder(self.registry, roll_up=self.config.roll_up)

    def __call__(self, doc: DocState) -> DocState:
        sentences = doc.annotations.get("doc.sentences", ())
        return doc.with_annotation("doc.actors", self.finder.find(doc.text, sentences))

"""Actors: a canonical registry and the stage that resolves actor mentions to it."""
from wartrace.actors.finder import ActorFinder, SourcedActorMention
from wartrace.actors.registry import ActorEntry, Registry, load_registry, parse_registry, shipped_registries
from wartrace.actors.stage import ActorsConfig, ActorsStage

__all__ = ["ActorEntry", "ActorFinder", "ActorsConfig", "ActorsStage", "Registry", "SourcedActorMention",
           "load_registry", "parse_registry", "shipped_registries"]

"""The canonical actor registry: versioned YAML data with aliases, kind and ACLED inter."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from wartrace.errors import PolicyError
from wartrace.model import ActorRef

KINDS = frozenset({"state_force", "non_state_armed_group", "militia", "coalition", "government",
                   "civilians", "organization", "media", "person"})
_DATA_PACKAGE = "wartrace.actors.data"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    inter: int | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()  # matched with their exact capitals
    tags: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    part_of: str | None = None
    registry: str | None = None

    def ref(self) -> ActorRef:
        return ActorRef(self.id, self.name, self.kind, self.inter, self.registry)


@dataclass(frozen=True, slots=True)
class Descriptor:
    """A description ("US-backed forces") that names one of several actors."""

    phrase: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class Registry:
    name: str
    version: str
    entries: tuple[ActorEntry, ...]
    descriptors: tuple[Descriptor, ...] = ()
    _by_id: dict[str, ActorEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def get(self, actor_id: str) -> ActorEntry | None:
        return self._by_id.get(actor_id)

    @classmethod
    def merged(cls, registries: Iterable[Registry]) -> Registry:
        """One registry from several; a later entry with the same id replaces an earlier."""
        regs = tuple(registries)
        by_id: dict[str, ActorEntry] = {}
        descriptors: list[Descriptor] = []
        for r in regs:
            by_id.update({e.id: e for e in r.entries})
            descriptors.extend(r.descriptors)
        name = "+".join(r.name for r in regs)
        version = "+".join(r.version for r in regs)
        return cls(name, version, tuple(by_id.values()), tuple(descriptors))


def _tuple(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v is not None and str(v).strip())


def parse_registry(text: str, path: str | Path = "<string>") -> Registry:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise PolicyError("WT303", path=str(path), reason=str(err)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("actors"), list):
        raise PolicyError("WT303", path=str(path), reason="expected a mapping with an 'actors' list")
    name, version = str(doc.get("registry") or Path(str(path)).stem), str(doc.get("version", "1"))
    label = f"{name}@{version}"
    entries = []
    for row in doc["actors"]:
        if not isinstance(row, dict) or not row.get("id") or not row.get("name"):
            raise PolicyError("WT303", path=str(path), reason=f"an actor needs an id and a name: {row!r}")
        kind = row.get("kind", "organization")
        if kind not in KINDS:
            raise PolicyError("WT303", path=str(path), reason=f"{row['id']}: kind {kind!r} not in {sorted(KINDS)}")
        entries.append(ActorEntry(
            id=str(row["id"]), name=str(row["name"]), kind=kind, inter=row.get("inter"),
            aliases=_tuple(row.get("aliases")), acronyms=_tuple(row.get("acronyms")),
            tags=_tuple(row.get("tags")), demonyms=_tuple(row.get("demonyms")),
            country=row.get("country"), part_of=row.get("part_of"), registry=label,
        ))
    descriptors = tuple(Descriptor(str(d["phrase"]), _tuple(d.get("candidates")))
                        for d in doc.get("descriptors") or ())
    return Registry(name, version, tuple(entries), descriptors)


def load_registry(path: str | Path) -> Registry:
    p = Path(path)
    try:
        return parse_registry(p.read_text(encoding="utf-8"), p)
    except OSError as err:
        raise PolicyError("WT303", path=str(p), reason=err.strerror or str(err)) from None


@lru_cache(maxsize=1)
def shipped_registries() -> tuple[Registry, ...]:
    out = []
    for item in sorted(resources.files(_DATA_PACKAGE).iterdir(), key=lambda t: t.name):
        if item.name.endswith((".yaml", ".yml")) and item.is_file():
            out.append(parse_registry(item.read_text(encoding="utf-8"), f"{_DATA_PACKAGE}/{item.name}"))
    return tuple(out)

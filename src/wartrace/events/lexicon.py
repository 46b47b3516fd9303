"""The trigger lexicon (data/triggers.yaml) loaded and compiled once.

A trigger entry becomes a ``TriggerEntry`` with one compiled pattern; the word lists
become frozensets (single words) and longest-first phrase tuples. Nothing here decides
whether a match is an event: that is rules.py's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

EVENT_TYPES = (
    "capture", "advance", "clash", "airstrike", "shelling", "explosion",
    "violence_against_civilians", "displacement", "agreement", "declaration", "discovery",
)

_BOUNDARY_BEFORE = r"(?<![\w'’-])"
_BOUNDARY_AFTER = r"(?![\w-])"


@dataclass(frozen=True)
class TriggerEntry:
    type: str
    pattern: str
    regex: re.Pattern
    pos: str = "verb"  # verb | noun
    object_required: bool = False
    subject_place: bool = False
    loser_subject: bool = False
    agent_after: str | None = None
    nominal: str | None = None  # "restricted"
    context: str | None = None
    generic: bool = False  # "made progress": no object of its own


@dataclass(frozen=True)
class Lexicon:
    version: str
    entries: tuple[TriggerEntry, ...]
    words: dict[str, tuple[str, ...]]

    def set(self, name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.words.get(name, ()))

    def phrases(self, name: str) -> tuple[str, ...]:
        """The list's entries, longest first (for prefix/suffix tests)."""
        return tuple(sorted((w.lower() for w in self.words.get(name, ())), key=len, reverse=True))

    def regex(self, name: str) -> re.Pattern:
        """One case-insensitive regex matching any entry of a list as whole words."""
        return _list_regex(self, name)


@lru_cache(maxsize=None)
def _list_regex_cached(key: tuple[str, ...]) -> re.Pattern:
    alts = sorted(key, key=len, reverse=True)
    body = "|".join(a if _looks_regex(a) else re.escape(a) for a in alts)
    return re.compile(_BOUNDARY_BEFORE + "(?:" + body + ")" + _BOUNDARY_AFTER, re.IGNORECASE)


def _looks_regex(s: str) -> bool:
    return any(c in s for c in "?()[]\\")


def _list_regex(lex: Lexicon, name: str) -> re.Pattern:
    return _list_regex_cached(tuple(w.lower() for w in lex.words.get(name, ())))


def _entry(type_: str, raw: dict[str, Any]) -> TriggerEntry:
    pattern = raw["pattern"]
    regex = re.compile(_BOUNDARY_BEFORE + "(?:" + pattern + ")" + _BOUNDARY_AFTER, re.IGNORECASE)
    return TriggerEntry(
        type=type_, pattern=pattern, regex=regex, pos=raw.get("pos", "verb"),
        object_required=raw.get("object") == "required",
        subject_place=bool(raw.get("subject_place")), loser_subject=bool(raw.get("loser_subject")),
        agent_after=raw.get("agent_after"), nominal=raw.get("nominal"), context=raw.get("context"),
        generic=bool(raw.get("generic")),
    )


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    entries: list[TriggerEntry] = []
    for type_, rows in (data.get("triggers") or {}).items():
        if type_ not in EVENT_TYPES:
            raise ValueError(f"unknown event type in lexicon: {type_}")
        entries.extend(_entry(type_, row) for row in rows or ())
    words = {k: tuple(str(w) for w in v) for k, v in (data.get("words") or {}).items()}
    return Lexicon(str(data.get("version", "0")), tuple(entries), words)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("wartrace.events").joinpath("data/triggers.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text))

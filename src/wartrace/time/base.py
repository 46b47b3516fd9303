"""The shape of a rule and of what it reads out of a match.

A rule is a compiled pattern plus a function that turns a match into a ``Reading``
(or None to reject the match after all). Patterns are case-sensitive; the parts that
may come in any case are wrapped in ``(?i:...)`` so that "May" the month is not "may"
the verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from wartrace.time.context import Context
from wartrace.time.values import Point


@dataclass(frozen=True, slots=True)
class Reading:
    """A normalized expression before it becomes a Timex.

    ``point`` is the calendar point a DATE/TIME denotes (it becomes the flow's
    reference when ``anchors`` is true); ``anchor`` is "dct", "ref" or None.
    ``precision`` overrides the point's own (stated ranges of a few days: "week").
    """

    type: str
    value: str
    point: Point | None = None
    mod: str | None = None
    anchor: str | None = None
    anchors: bool = True
    precision: str | None = None
    start_trim: int = 0  # characters to drop from the match's start (a leading word)


Handler = Callable[[re.Match, Context], "Reading | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    read: Handler
    priority: int = 0  # breaks ties between equally long matches


def rule(name: str, pattern: str, read: Handler, priority: int = 0) -> Rule:
    return Rule(name, re.compile(pattern), read, priority)


class MatchView:
    """A match seen through renamed or rewritten groups, so one reader serves several patterns."""

    def __init__(self, match: re.Match, **overrides: str | None):
        self._match = match
        self._groups = {**match.groupdict(), **overrides}

    def __getitem__(self, key: str) -> str | None:
        return self._groups.get(key)

    def groupdict(self) -> dict[str, str | None]:
        return self._groups

    def start(self, *group) -> int:
        return self._match.start(*group)

    def end(self, *group) -> int:
        return self._match.end(*group)

    def group(self, *group) -> str:
        return self._match.group(*group)


def ci(pattern: str) -> str:
    """Case-insensitive piece of a case-sensitive pattern."""
    return f"(?i:{pattern})"


def date_reading(point: Point | None, anchor: str | None = None, mod: str | None = None,
                 type_: str = "DATE", anchors: bool = True, precision: str | None = None) -> Reading | None:
    if point is None or not 1 <= point.year <= 9999:
        return None  # "3000 years ago" from a modern date is no calendar date we can write
    return Reading(type_, point.value, point, mod, anchor, anchors, precision)


def fixed(type_: str, value: str, mod: str | None = None) -> Reading:
    """A value that needs no anchor (PRESENT_REF, a duration, a set)."""
    return Reading(type_, value, None, mod, None, False)


MOD_WORDS = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "dawn": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "close": "END",
    "turn": "END",
}


def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    first = word.lower().replace("the ", "").replace("-", " ").split()
    for w in first:
        if w in MOD_WORDS:
            return MOD_WORDS[w]
    return None

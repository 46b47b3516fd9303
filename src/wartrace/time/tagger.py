"""Find and normalize the temporal expressions of a text in one pass.

Every rule proposes matches; where matches overlap the longest readable one wins.
Accepted expressions are then read in text order, so each can lean on the dates
before it (the flow), and each records what it was computed from.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from wartrace.model import Timex
from wartrace.time import absolute, clock, relative, spans
from wartrace.time.base import Reading, Rule
from wartrace.time.context import NEWS, Context, Flow
from wartrace.time.values import Point

RULES: tuple[Rule, ...] = (*absolute.RULES, *relative.RULES, *spans.RULES, *clock.RULES)
_NO_POINT_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
# a date in a pluperfect clause ("had captured three days earlier") or in brackets lies
# behind the story's reference time and must not move it
_PLUPERFECT_CLAUSE = re.compile(r"\bhad\b[^,;:.!?\n]*$")
_OPEN_BRACKET = re.compile(r"\([^)]*$")
# "have fled since Sunday": a background date the story does not move to
_SINCE = re.compile(r"\bsince\s+$", re.I)


@dataclass(frozen=True, slots=True)
class Found:
    """A Timex plus what sentence dating needs: the point it stands for and its precision."""

    timex: Timex
    point: Point | None
    precision: str | None
    last: Point | None = None  # a stated range's last day ("3-4 July" -> 4 July)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: object

    @property
    def rank(self) -> tuple[int, int, int]:
        return (self.end - self.start, self.rule.priority, -self.start)


def candidates(text: str) -> list[_Candidate]:
    found = []
    for rule_ in RULES:
        for m in rule_.pattern.finditer(text):
            if m.end() > m.start():
                found.append(_Candidate(m.start(), m.end(), rule_, m))
    found.sort(key=lambda c: (c.start, -c.end))
    return found


def _clusters(found: list[_Candidate]):
    """Runs of candidates that overlap one another (transitively)."""
    cluster: list[_Candidate] = []
    end = -1
    for cand in found:
        if cluster and cand.start >= end:
            yield cluster
            cluster = []
        cluster.append(cand)
        end = max(end, cand.end) if len(cluster) > 1 else cand.end
    if cluster:
        yield cluster


def tag(text: str, dct: dt.date | None = None, kind: str = NEWS, flow: Flow | None = None) -> list[Found]:
    """All temporal expressions of ``text``, normalized against ``dct`` and the flow."""
    ctx = Context(text, dct, kind, flow or Flow())
    out: list[Found] = []
    for cluster in _clusters(candidates(text)):
        pending = sorted(cluster, key=lambda c: c.rank, reverse=True)
        accepted: list[tuple[_Candidate, Reading]] = []
        while pending:
            best = pending.pop(0)
            if best.rule.name != "holiday" and _is_title(text, best.start, best.end):
                continue
            try:
                reading = best.rule.read(best.match, ctx)
            except (ValueError, OverflowError):  # arithmetic past the calendar's ends
                reading = None
            if reading is None:
                continue
            accepted.append((best, reading))
            pending = [c for c in pending if c.end <= best.start or c.start >= best.end]
        for cand, reading in sorted(accepted, key=lambda a: a[0].start):
            out.append(_record(ctx, cand, reading, len(out)))
    return out


_TITLE_WORDS = frozenset("today tonight tomorrow yesterday day days week weeks month months year years hours minutes".split())
_WORD = re.compile(r"[A-Za-z]+")
_YEAR_DIGITS = re.compile(r"\d{4}")


def _is_title(text: str, start: int, end: int) -> bool:
    """A name, not a time: "ABC's "This Week"", "60 Minutes", "VOA Today" (a capitalized time
    word inside a sentence); "Fiscal Year 2015" with its year stays a date."""
    if _YEAR_DIGITS.search(text, start, end):
        return False
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if word[0].isupper() and word[1:].islower() and word.lower() in _TITLE_WORDS:
            if m.start() > start:
                return True
            before = text[max(0, start - 3):start].rstrip()
            if before and before[-1].isalnum():
                return True
    return False


_HEADING = re.compile(r"#{1,6}\s|={2,6}")


def _in_heading(text: str, start: int) -> bool:
    """Whether ``start`` lies on a heading line ("## 2016"): a heading's year opens a section."""
    line_start = text.rfind("\n", 0, start) + 1
    return _HEADING.match(text, line_start) is not None


def _aside(text: str, start: int) -> bool:
    before = text[max(0, start - 120):start]
    return bool(_PLUPERFECT_CLAUSE.search(before) or _OPEN_BRACKET.search(before[-40:]) or _SINCE.search(before[-12:]))


def _record(ctx: Context, cand: _Candidate, reading: Reading, index: int) -> Found:
    flow = ctx.flow
    start = cand.start + reading.start_trim
    anchor = reading.anchor
    if anchor == "ref":
        anchor = f"timex:{flow.reference_index}" if flow.reference_index is not None else "dct"
    elif anchor == "ref:day":
        anchor = f"timex:{flow.day_reference_index}"
    point = reading.point
    precision = reading.precision or (point.precision if point is not None else None)
    if reading.type == "DURATION" or reading.type == "SET":
        timex_precision = None
    else:
        timex_precision = precision
    timex = Timex(start, cand.end, ctx.text[start:cand.end], reading.type, reading.value,
                  timex_precision, reading.mod, anchor)
    moves = point is not None and reading.anchors and reading.value not in _NO_POINT_VALUES
    aside = moves and _aside(ctx.text, start)
    if moves and reading.type in ("DATE", "TIME"):
        flow.aside, flow.aside_index = (point, index) if aside else (None, None)
    if moves and not aside:
        if point.granularity not in ("decade", "century"):
            previous = flow.reference
            # a flashback (a date before the last one, and before the story's own year, that of
            # the document's first full date; a heading's year opens a section instead): the
            # story's year comes back past its paragraph (``Context.year_for``)
            # (a second date of the same flashback keeps it: "the 2020 X airstrikes ... the 2020 Y incident")
            before_story = flow.focus_year is not None and point.year < flow.focus_year and not _in_heading(ctx.text, start)
            if before_story and ((previous is not None and point.year < previous.year and point.start() < previous.start())
                                 or flow.main_year is not None):
                flow.main_year = flow.focus_year
            else:
                flow.main_year = None
            flow.year_end = cand.end
            if flow.focus_year is None and reading.anchor is None and point.granularity in ("day", "time"):
                flow.focus_year = point.year  # the first full date states the story's year
        flow.reference, flow.reference_index = point, index
        if point.granularity in ("day", "time"):
            flow.day_reference, flow.day_reference_index = point.date_only(), index
        if point.granularity not in ("decade", "century"):
            flow.year, flow.year_index = point.year, index
        if point.granularity == "quarter":
            flow.quarter, flow.quarter_end = point, cand.end
    # sentence dating wants where the expression starts ("7-9 June" -> 7 June)
    dated = Point.parse(reading.value) if reading.type in ("DATE", "TIME") else None
    last = None
    if dated is not None and point is not None and point.granularity == "day" and point != dated:
        last = point  # a stated range: the flow goes on from its last day
    return Found(timex, dated or point, precision, last)

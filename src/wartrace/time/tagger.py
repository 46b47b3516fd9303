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


@dataclass(frozen=True, slots=True)
class Found:
    """A Timex plus what sentence dating needs: the point it stands for and its precision."""

    timex: Timex
    point: Point | None
    precision: str | None


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


def _aside(text: str, start: int) -> bool:
    before = text[max(0, start - 120):start]
    return bool(_PLUPERFECT_CLAUSE.search(before) or _OPEN_BRACKET.search(before[-40:]))


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
    if point is not None and reading.anchors and reading.value not in _NO_POINT_VALUES and not _aside(ctx.text, start):
        flow.reference, flow.reference_index = point, index
        if point.granularity in ("day", "time"):
            flow.day_reference, flow.day_reference_index = point.date_only(), index
        if point.granularity not in ("decade", "century"):
            flow.year, flow.year_index = point.year, index
        if point.granularity == "quarter":
            flow.quarter, flow.quarter_end = point, cand.end
    # sentence dating wants where the expression starts ("7-9 June" -> 7 June)
    dated = Point.parse(reading.value) if reading.type in ("DATE", "TIME") else None
    return Found(timex, dated or point, precision)

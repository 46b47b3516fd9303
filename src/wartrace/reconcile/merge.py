"""One event, many reports: merge event mentions that describe the same happening.

Rule `merge.same-event.v1`: two mentions are the same event when they have the same
type and place, their dates fall within each other's precision (day and week dates
whose spans overlap; month and year dates only when equal), and their actors are
compatible (the same initiator, or one of them names none).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from wartrace.reconcile.grading import grade_event
from wartrace.reconcile.records import Grade, SourcedEvent, period

RULE = "merge.same-event.v1"
_FINE = {"day", "week", None}
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}


@dataclass(frozen=True)
class MergedEvent:
    key: str
    type: str
    date: str | None
    date_precision: str | None
    place_id: str | None
    place_name: str | None
    place_kind: str | None
    actors: tuple[str, ...]
    target: str | None
    mentions: tuple[SourcedEvent, ...]
    grade: Grade


def _same(a: SourcedEvent, b: SourcedEvent) -> bool:
    if a.type != b.type or a.place_id != b.place_id or (a.place_id is None and a.place_kind != b.place_kind):
        return False
    if a.actors and b.actors and a.actors[0] != b.actors[0]:
        return False
    if a.date_precision in _FINE and b.date_precision in _FINE:
        pa, pb = period(a.date, a.date_precision), period(b.date, b.date_precision)
        if pa is None or pb is None:
            return pa is None and pb is None
        return pa[0] <= pb[1] and pb[0] <= pa[1]
    return a.date == b.date and a.date_precision == b.date_precision


def _link_overlapping(spans: list[tuple[Any, Any, int]], union: Callable[[int, int], None]) -> None:
    """Union every chain of overlapping closed intervals (start, end, index): sorted by start,
    an interval overlaps an earlier one of its chain exactly when it starts before the
    chain's furthest end."""
    spans.sort(key=lambda s: (s[0], s[2]))
    head, reach = -1, None
    for start, end, i in spans:
        if head >= 0 and start <= reach:
            union(head, i)
            reach = max(reach, end)
        else:
            head, reach = i, end


def _date_bucket(e: SourcedEvent) -> tuple[Any, tuple[Any, Any]]:
    """Events can only be the same when their buckets are equal; inside a bucket, when
    their spans overlap. Coarse dates must be equal; fine ones overlap in time."""
    if e.date_precision in _FINE:
        span = period(e.date, e.date_precision)
        return ("fine", span is None), span or (0, 0)
    return ("coarse", e.date, e.date_precision), (0, 0)


def merge_events(events: Sequence[SourcedEvent]) -> list[MergedEvent]:
    """Clusters are the connected components of the `_same` relation, found without
    comparing every pair: per bucket and per initiator, a sweep over date spans (an event
    naming no initiator is compatible with every initiator, so it joins each sweep)."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    buckets: dict[tuple, list[tuple[Any, Any, int, str | None]]] = {}
    for i, e in enumerate(events):
        when, (first, last) = _date_bucket(e)
        key = (e.type, e.place_id, e.place_kind if e.place_id is None else None, when)
        buckets.setdefault(key, []).append((first, last, i, e.actors[0] if e.actors else None))
    for members in buckets.values():
        anyone = [(a, b, i) for a, b, i, who in members if who is None]
        initiators = {who for *_, who in members if who is not None}
        for who in initiators:
            _link_overlapping([(a, b, i) for a, b, i, w in members if w == who] + anyone, union)
        if not initiators:
            _link_overlapping(anyone, union)
    clusters: dict[int, list[SourcedEvent]] = {}
    for i, e in enumerate(events):
        clusters.setdefault(find(i), []).append(e)
    merged = []
    for members in clusters.values():
        members.sort(key=lambda e: (e.doc, e.start))
        lead = min(members, key=lambda e: (_RANK.get(e.date_precision, 4), e.doc, e.start))
        actors = next((m.actors for m in members if m.actors), ())
        target = next((m.target for m in members if m.target), None)
        key = f"{lead.type}|{lead.place_id or lead.place_kind or '-'}|{lead.date or '-'}|{members[0].id}"
        merged.append(MergedEvent(key, lead.type, lead.date, lead.date_precision, lead.place_id, lead.place_name,
                                  lead.place_kind, actors, target, tuple(members), grade_event(members)))
    merged.sort(key=lambda m: (m.date or "9999", m.type, m.place_name or ""))
    return merged

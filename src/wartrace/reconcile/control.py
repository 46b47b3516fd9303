"""Who held each place when, from capture events; and the city's share over time.

Rule `control.captures.v1`: a capture by X on date d (dated to a day or a few days) starts
X's hold on the place from d to the next capture by someone else; the capture's target
is taken to have held it before. Advances do not change hands (no full control stated). A city's derived share
for X on a date is the fraction of its known neighbourhoods X holds then. Reported
shares (control_share claims) are listed beside it; in a two-sided fight a share
reported for the other side gives the complement, marked as derived.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from wartrace.reconcile.records import SourcedClaim, SourcedEvent, period

RULE = "control.captures.v1"


@dataclass(frozen=True)
class ControlPeriod:
    place_id: str
    place_name: str | None
    holder: str
    start: str | None  # ISO date the hold began (None: before the first report)
    end: str | None  # ISO date it ended (None: still held at the last report)
    evidence: tuple[SourcedEvent, ...]  # captures that started it


@dataclass(frozen=True)
class SharePoint:
    place_id: str
    date: str
    actor: str
    low: float
    high: float | None
    origin: str  # "derived" (from captured neighbourhoods), "reported", "reported-complement"
    claim: SourcedClaim | None = None


def _day(e: SourcedEvent) -> str | None:
    span = period(e.date, e.date_precision)
    return span[0].isoformat() if span else None


def control_history(events: Sequence[SourcedEvent]) -> list[ControlPeriod]:
    captures: dict[str, list[SourcedEvent]] = defaultdict(list)
    for e in events:
        # Only captures dated to a day or a few days can be put in order.
        if e.type == "capture" and e.place_id and e.actors and e.date_precision in ("day", "week") and _day(e):
            captures[e.place_id].append(e)
    periods: list[ControlPeriod] = []
    for place_id, caps in captures.items():
        caps.sort(key=lambda e: (_day(e), e.doc, e.start))
        place_periods: list[ControlPeriod] = []
        first = caps[0]
        if first.target and first.target != first.actors[0]:
            place_periods.append(ControlPeriod(place_id, first.place_name, first.target, None, _day(first), ()))
        for cap in caps:
            holder = cap.actors[0]
            last = place_periods[-1] if place_periods else None
            if last and last.holder == holder and last.end is None:
                place_periods[-1] = ControlPeriod(place_id, last.place_name, holder, last.start, None,
                                                  last.evidence + (cap,))
                continue
            if last and last.end is None:
                place_periods[-1] = ControlPeriod(place_id, last.place_name, last.holder, last.start, _day(cap),
                                                  last.evidence)
            place_periods.append(ControlPeriod(place_id, cap.place_name, holder, _day(cap), None, (cap,)))
        periods.extend(place_periods)
    return periods


def holder_on(periods: Sequence[ControlPeriod], place_id: str, day: str) -> str | None:
    for p in periods:
        if p.place_id == place_id and (p.start is None or p.start <= day) and (p.end is None or day < p.end):
            return p.holder
    return None


def derived_shares(periods: Sequence[ControlPeriod], children: dict[str, set[str]]) -> list[SharePoint]:
    """For each city with known neighbourhoods: each actor's share on every change date."""
    points = []
    for city, hoods in children.items():
        if not hoods:
            continue
        dates = sorted({p.start for p in periods if p.place_id in hoods and p.start})
        actors = sorted({p.holder for p in periods if p.place_id in hoods})
        for day in dates:
            for actor in actors:
                held = sum(1 for h in hoods if holder_on(periods, h, day) == actor)
                points.append(SharePoint(city, day, actor, round(100.0 * held / len(hoods), 1), None, "derived"))
    return points


def reported_shares(claims: Sequence[SourcedClaim]) -> list[SharePoint]:
    """control_share claims as points; with exactly two holders at a place, each side's
    figure also gives the other side's complement."""
    by_place: dict[str, list[SourcedClaim]] = defaultdict(list)
    for c in claims:
        if c.what == "control_share" and c.place_id and c.actor and c.as_of and c.low is not None:
            by_place[c.place_id].append(c)
    points = []
    for place_id, items in by_place.items():
        holders = sorted({c.actor for c in items})
        for c in items:
            day = period(c.as_of)[0].isoformat() if period(c.as_of) else c.as_of
            high = c.high if c.high is not None and c.high != c.low else None
            points.append(SharePoint(place_id, day, c.actor, c.low, high, "reported", c))
            if len(holders) == 2:
                other = holders[1] if c.actor == holders[0] else holders[0]
                points.append(SharePoint(place_id, day, other, *_complement(c), "reported-complement", c))
    points.sort(key=lambda p: (p.place_id, p.actor, p.date))
    return points


def _complement(c: SourcedClaim) -> tuple[float, float | None]:
    """(low, high) of the other side's share when one side holds c's share."""
    if c.high is None and c.qualifier in ("at_least", "more_than"):
        return 0.0, 100 - c.low  # the other side holds at most the rest
    top = c.high if c.high is not None else c.low
    return 100 - top, (100 - c.low if top != c.low else None)

"""What the ledger reads and writes: stored claims and events, groups, estimates, periods.

The reconciler works on these plain records so that every rule can be tested on a
hand-built claim set, without a database.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

INF = math.inf


@dataclass(frozen=True, slots=True)
class SourcedClaim:
    """A stored claim with what the ledger needs to show and weigh it."""

    id: int
    doc: str  # document file name
    publisher: str  # who published the document (same publisher counts once)
    what: str
    low: float | None
    high: float | None
    qualifier: str
    quote: str
    start: int = 0
    end: int = 0
    who: str | None = None
    attributed_to: str | None = None
    as_of: str | None = None
    place_id: str | None = None
    place_name: str | None = None
    place_kind: str | None = None
    place_parent: str | None = None
    actor: str | None = None
    unit: str | None = None
    context: str = ""  # the sentence the claim stands in
    event_types: tuple[str, ...] = ()  # types of the events its sentence reports

    @property
    def source(self) -> str:
        """Who the figure comes from: the credited organization, else the publisher."""
        return self.attributed_to or self.publisher

    def interval(self, about_margin: float) -> tuple[float, float]:
        """The values the claim allows, as a closed interval."""
        low = self.low if self.low is not None else 0.0
        high = self.high if self.high is not None else low
        if self.qualifier in ("at_least", "more_than"):
            return low, INF
        if self.qualifier in ("up_to", "less_than"):
            top = self.high if self.high is not None else low
            return (self.low if self.high is not None and self.low is not None and self.low != self.high else 0.0), top
        if self.qualifier == "about":
            return low * (1 - about_margin), high * (1 + about_margin)
        return low, high

    def point(self) -> float:
        """A single figure for the claim: the stated value, a range's middle, an open bound."""
        if self.qualifier in ("up_to", "less_than") and self.high is not None:
            return self.high if self.low is None or self.low == self.high else (self.low + self.high) / 2
        low = self.low if self.low is not None else 0.0
        if self.high is None or self.high == low:
            return low
        return (low + self.high) / 2


@dataclass(frozen=True, slots=True)
class SourcedEvent:
    id: int
    doc: str
    publisher: str
    type: str
    quote: str
    start: int
    end: int
    date: str | None
    date_precision: str | None
    place_id: str | None
    place_name: str | None
    place_kind: str | None
    place_parent: str | None
    actors: tuple[str, ...]
    target: str | None


def period(date: str | None, precision: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) can mean."""
    if not date:
        return None
    try:
        parts = [int(p) for p in date[:10].split("-")]
        if precision == "week" and len(parts) == 3:
            first = dt.date(*parts)
            return first, first + dt.timedelta(days=6)
        if len(parts) == 3 and precision not in ("month", "year"):
            d = dt.date(*parts)
            return d, d
        if len(parts) >= 2 and precision != "year":
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class ClaimGroup:
    """Claims that measure the same quantity, and the rule that put them together."""

    key: str
    what: str
    who: str | None
    scope: str  # place id, or "battle"
    scope_name: str | None
    kind: str  # cumulative or incident
    unit: str | None
    rule: str  # name.version of the grouping rule
    claims: tuple[SourcedClaim, ...]
    updated: frozenset[int] = field(default_factory=frozenset)  # claim ids superseded by later figures

    @property
    def current(self) -> tuple[SourcedClaim, ...]:
        return tuple(c for c in self.claims if c.id not in self.updated)

    def fingerprint(self, rules: str) -> str:
        """Changes when a member claim (a new row id) or a rule or policy version changes."""
        import hashlib

        ids = ",".join(str(c.id) for c in sorted(self.claims, key=lambda c: c.id))
        return hashlib.sha1(f"{self.key}|{rules}|{ids}".encode()).hexdigest()


@dataclass(frozen=True)
class Contradiction:
    group: str
    first: SourcedClaim
    second: SourcedClaim
    reason: str


@dataclass(frozen=True)
class Estimate:
    group: str
    policy: str  # name.version
    best: float | None
    low: float | None
    high: float | None
    explanation: str


@dataclass(frozen=True)
class Grade:
    grade: str  # Confirmed, Fair, Weak, Contested, Discounted
    sources: int  # independent publishers
    reason: str

"""Named, versioned estimate policies. A changed behaviour is a new version, never an edit.

* `ucdp.v1`: best / low / high as UCDP GED keeps them; best leans to the lower figure
  when sources cannot be ranked (the lower median of the claims' figures), low is the
  lowest figure stated, high the highest.
* `conservative.v1`: ACLED's rule, the most conservative (lowest) credible figure.
* `range.v1`: Airwars' min–max over the stated figures; no single best.

Each works on a group's current claims (those no later figure updates).
"""
from __future__ import annotations

from typing import Callable, Sequence

from wartrace.errors import PolicyError
from wartrace.reconcile.records import ClaimGroup, Estimate, SourcedClaim

PolicyFn = Callable[[ClaimGroup], Estimate]
POLICIES: dict[str, PolicyFn] = {}
DEFAULT_POLICY = "ucdp.v1"


def policy(name: str) -> Callable[[PolicyFn], PolicyFn]:
    def register(fn: PolicyFn) -> PolicyFn:
        if name in POLICIES:
            raise PolicyError("WT301", name=name)
        POLICIES[name] = fn
        return fn

    return register


def get_policy(name: str) -> PolicyFn:
    """A policy by full name ("ucdp.v1") or family name ("ucdp": its newest version)."""
    if name in POLICIES:
        return POLICIES[name]
    versions = sorted((n for n in POLICIES if n.split(".")[0] == name), key=lambda n: int(n.rsplit("v", 1)[-1]))
    if versions:
        return POLICIES[versions[-1]]
    raise PolicyError("WT302", name=name, choices=", ".join(sorted(POLICIES)))


def resolve_name(name: str) -> str:
    fn = get_policy(name)
    return next(n for n, f in POLICIES.items() if f is fn)


def _lows(claims: Sequence[SourcedClaim]) -> list[float]:
    return [c.low if c.low is not None else c.point() for c in claims]


def _highs(claims: Sequence[SourcedClaim]) -> list[float]:
    return [c.high if c.high is not None else c.point() for c in claims]


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"


@policy("ucdp.v1")
def ucdp(group: ClaimGroup) -> Estimate:
    claims = group.current
    if not claims:
        return Estimate(group.key, "ucdp.v1", None, None, None, "no current claims")
    points = sorted(c.point() for c in claims)
    best = points[(len(points) - 1) // 2]
    low, high = min(_lows(claims)), max(_highs(claims))
    why = (f"best {_fmt(best)} is the lower median of {len(points)} current figure(s); "
           f"low {_fmt(low)} and high {_fmt(high)} are the lowest and highest stated")
    return Estimate(group.key, "ucdp.v1", best, low, high, why)


@policy("conservative.v1")
def conservative(group: ClaimGroup) -> Estimate:
    claims = group.current
    if not claims:
        return Estimate(group.key, "conservative.v1", None, None, None, "no current claims")
    lowest = min(claims, key=lambda c: (c.low if c.low is not None else c.point()))
    value = lowest.low if lowest.low is not None else lowest.point()
    why = f"the most conservative figure, {_fmt(value)}, from {lowest.source}"
    return Estimate(group.key, "conservative.v1", value, value, value, why)


@policy("range.v1")
def min_max(group: ClaimGroup) -> Estimate:
    claims = group.current
    if not claims:
        return Estimate(group.key, "range.v1", None, None, None, "no current claims")
    low, high = min(_lows(claims)), max(_highs(claims))
    why = f"minimum {_fmt(low)} to maximum {_fmt(high)} over {len(claims)} current figure(s)"
    return Estimate(group.key, "range.v1", None, low, high, why)

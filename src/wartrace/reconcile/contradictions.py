"""Claims of one group that cannot both be true.

Rule `contradiction.interval.v1`: two current claims of a group whose as-of periods
overlap (or are both unknown) contradict when the ranges they allow do not overlap,
unless one source gives both in one sentence (parts of one statement).
"about" widens a figure by a margin on both sides; "at least"/"more than" are open
above; "up to"/"less than" open below. A claim that a later figure updates is never a
contradiction: the number changed, the sources did not disagree.
"""
from __future__ import annotations

from itertools import combinations

from wartrace.reconcile.records import ClaimGroup, Contradiction, SourcedClaim, period

RULE = "contradiction.interval.v1"
ABOUT_MARGIN = 0.10


def _same_period(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Both dated with overlapping periods, or both undated (a dated and an undated
    figure may well describe different moments)."""
    pa, pb = period(a.as_of), period(b.as_of)
    if pa is None or pb is None:
        return pa is None and pb is None
    return pa[0] <= pb[1] and pb[0] <= pa[1]


def _one_statement(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Figures one source gives in one sentence are parts of one statement, not a dispute."""
    return a.doc == b.doc and a.source == b.source and bool(a.context) and a.context == b.context


def find_contradictions(group: ClaimGroup, about_margin: float = ABOUT_MARGIN) -> list[Contradiction]:
    out = []
    for a, b in combinations(group.current, 2):
        if _one_statement(a, b):
            continue
        if group.kind != "episode" and not _same_period(a, b):  # an episode's figures are one moment
            continue
        (alo, ahi), (blo, bhi) = a.interval(about_margin), b.interval(about_margin)
        if ahi < blo or bhi < alo:
            out.append(Contradiction(group.key, a, b, f"{_describe(a)} does not fit {_describe(b)}"))
    return out


def _describe(c: SourcedClaim) -> str:
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to ",
             "less_than": "less than "}
    value = f"{c.low:,.0f}" if c.low is not None else "?"
    if c.high is not None and c.low is not None and c.high != c.low:
        value += f"–{c.high:,.0f}"
    return f"{words.get(c.qualifier, '')}{value} ({c.source}, {c.doc})"

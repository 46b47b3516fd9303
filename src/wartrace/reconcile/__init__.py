"""Reconcile stage: claims into groups and estimates, events merged, control over time.

Reads: every stored claim and event (a corpus-level stage, run after the document
stages). Adds: the ledger tables (claim groups with a grade, one estimate row per group
and policy, contradictions, merged events, control periods and share series). Every row
records the rule or policy version that made it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from wartrace.reconcile.contradictions import find_contradictions
from wartrace.reconcile.control import ControlPeriod, SharePoint, control_history, derived_shares, reported_shares
from wartrace.reconcile.grading import grade_group
from wartrace.reconcile.grouping import group_claims
from wartrace.reconcile.merge import MergedEvent, merge_events
from wartrace.reconcile.policies import DEFAULT_POLICY, POLICIES, get_policy, resolve_name
from wartrace.reconcile.records import ClaimGroup, Contradiction, Estimate, Grade, SourcedClaim, SourcedEvent

__all__ = ["DEFAULT_POLICY", "POLICIES", "Ledger", "reconcile", "get_policy", "resolve_name"]


@dataclass(frozen=True)
class Ledger:
    groups: tuple[ClaimGroup, ...]
    grades: dict[str, Grade]
    estimates: tuple[Estimate, ...]
    contradictions: tuple[Contradiction, ...]
    merged: tuple[MergedEvent, ...]
    periods: tuple[ControlPeriod, ...]
    shares: tuple[SharePoint, ...]
    fingerprints: dict[str, str] = field(default_factory=dict)  # group key -> fingerprint
    unchanged: frozenset[str] = frozenset()  # group keys whose stored rows are still right


def rules_signature(policies: Sequence[str]) -> str:
    from wartrace.reconcile import contradictions, grading, grouping

    return "|".join([grouping.RULE, contradictions.RULE, grading.RULE, *sorted(policies)])


def reconcile(claims: Sequence[SourcedClaim], events: Sequence[SourcedEvent],
              policies: Sequence[str] = tuple(POLICIES), stored: Mapping[str, str] | None = None) -> Ledger:
    """The whole ledger. Groups whose fingerprint equals the `stored` one ({key: fingerprint})
    are not recomputed: their rows in the store are still right."""
    groups = group_claims(claims)
    signature = rules_signature(policies)
    fingerprints = {g.key: g.fingerprint(signature) for g in groups}
    unchanged = frozenset(k for k, f in fingerprints.items() if stored and stored.get(k) == f)
    contradictions: list[Contradiction] = []
    grades: dict[str, Grade] = {}
    estimates: list[Estimate] = []
    for g in groups:
        if g.key in unchanged:
            continue
        found = find_contradictions(g)
        contradictions.extend(found)
        grades[g.key] = grade_group(g, found)
        estimates.extend(get_policy(p)(g) for p in policies)
    periods = control_history(events)
    children: dict[str, set[str]] = defaultdict(set)
    for e in events:
        if e.place_id and e.place_kind == "neighbourhood" and e.place_parent:
            children[e.place_parent].add(e.place_id)
    shares = derived_shares(periods, children) + reported_shares(claims)
    return Ledger(tuple(groups), grades, tuple(estimates), tuple(contradictions), tuple(merge_events(events)),
                  tuple(periods), tuple(shares), fingerprints, unchanged)

"""Grades on the Airwars scale, computed from support and disagreement, with the reason.

Rule `grade.support.v1`:
* Contested: sources contradict each other (or blame different perpetrators).
* Confirmed: the party said to be responsible states the figure itself.
* Fair: two or more independent publishers report it, without contradiction.
* Weak: a single publisher.
"""
from __future__ import annotations

from typing import Sequence

from wartrace.reconcile.records import ClaimGroup, Contradiction, Grade, SourcedEvent

RULE = "grade.support.v1"


def _norm(name: str | None) -> str:
    return (name or "").casefold().strip()


def grade_group(group: ClaimGroup, contradictions: Sequence[Contradiction]) -> Grade:
    publishers = sorted({c.publisher for c in group.claims})
    n = len(publishers)
    perpetrators = {_norm(c.actor) for c in group.claims if c.actor and group.what in ("killed", "wounded")}
    if contradictions:
        return Grade("Contested", n, f"{len(contradictions)} pair(s) of figures contradict each other")
    if len(perpetrators) > 1:
        return Grade("Contested", n, "sources blame different perpetrators: " + ", ".join(sorted(perpetrators)))
    admitted = [c for c in group.claims if c.actor and _norm(c.attributed_to) == _norm(c.actor)]
    if admitted:
        return Grade("Confirmed", n, f"{admitted[0].actor} itself states the figure")
    if n >= 2:
        return Grade("Fair", n, f"{n} independent publishers report it: {', '.join(publishers)}")
    return Grade("Weak", n, f"a single publisher ({publishers[0]})" if publishers else "no source")


def grade_event(mentions: Sequence[SourcedEvent]) -> Grade:
    publishers = sorted({m.publisher for m in mentions})
    initiators = {m.actors[0] for m in mentions if m.actors}
    if len(initiators) > 1:
        return Grade("Contested", len(publishers), "reports name different actors: " + ", ".join(sorted(initiators)))
    if len(publishers) >= 2:
        return Grade("Fair", len(publishers), f"{len(publishers)} independent publishers report it")
    return Grade("Weak", len(publishers), f"a single publisher ({publishers[0]})" if publishers else "no source")

"""Whose people a figure counts: civilians, all, or the armed side named in or near its phrase.

"900 rebel fighters" names its side; "their twelve fighters" takes the clause's
subject; a bare "3,000 militants" takes the side the document most often writes before
that noun; a side we cannot resolve ("U.S. soldiers" with no actor mention) stays
"fighters".
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from wartrace.claims.counted import Counted, head_kind
from wartrace.claims.sentence import SentenceView

SIDE_WORDS = frozenset({"coalition", "government", "rebel", "regime", "enemy", "allied",
                        "opposition", "militia", "army", "pro-government", "loyalist"})


def side_from_context(view: SentenceView, first: int, counted: Counted,
                       sides: dict[str, str]) -> str | None:
    """The side of "their twelve fighters" (the clause's subject, named first)
    or of a bare "3,000 militants" (the document's usual side for that noun); None
    when the phrase names a side we could not resolve ("U.S. soldiers", "coalition
    fighters")."""
    if view.lower(first - 1) in ("their", "its"):  # the clause's subject, named first
        before = [a for a in view.actors if a.end <= view.tokens[first].start and a.actor.kind != "civilians"]
        return before[0].actor.name if before else None
    modifiers = view.tokens[counted.first:counted.head]
    if any(t.is_acronym or t.text[0].isupper() or t.lower in SIDE_WORDS for t in modifiers):
        return None
    return sides.get(view.lower(counted.head))


def fighter_sides(views: Sequence[SentenceView]) -> dict[str, str]:
    """The side a document means by a bare fighter noun: "the 3,000 militants" are the
    side it most often writes before "militants" ("rebel militants"). Keyed by noun; a
    side is kept only when it dominates (>= 60%, at least twice)."""
    by_noun: dict[str, Counter[str]] = {}
    for view in views:
        for i in range(1, len(view.tokens)):
            kind, _ = head_kind(view, i)
            if kind != "fighters":
                continue
            before = view.tokens[max(0, i - 2)]
            mentions = [a for a in view.actors_in(before.start, view.tokens[i - 1].end)
                        if a.actor.kind != "civilians" and a.end <= view.tokens[i].start]
            if mentions:
                name = mentions[-1].actor.name
                by_noun.setdefault(view.lower(i), Counter())[name] += 1
    sides = {}
    for noun, counts in by_noun.items():
        name, n = counts.most_common(1)[0]
        if n >= 2 and n >= 0.6 * sum(counts.values()):
            sides[noun] = name
    return sides


def who_of(view: SentenceView, counted: Counted | None, kind: str, antecedent_who: str | None,
           has_antecedent: bool) -> str | None:
    """The who of a counted phrase; antecedent_who is the who of the figure a borrowed
    or anaphoric phrase ("others", "such casualties") points back to."""
    if kind in ("vehicles", "strikes"):
        return None
    if counted is None or counted.kind == "borrowed" or counted.anaphoric:
        if has_antecedent:
            return antecedent_who
        return "all" if counted is None or counted.kind == "borrowed" else _default_who(kind)
    lo = counted.first if not counted.distributive else _phrase_start(view, counted.head)
    words = [view.lower(k) for k in range(lo, counted.head + 1)]
    if "civilian" in words or kind == "civilians":
        return "civilians"
    mentions = view.actors_in(view.tokens[lo].start, view.tokens[counted.head].end)
    if mentions:
        if any(m.actor.kind == "civilians" for m in mentions):
            return "civilians"
        return mentions[-1].actor.name
    if view.lower(counted.head) in ("members", "member"):
        # "94,000 members of the security forces": the group named after "of"
        k = counted.head + 1
        if view.lower(k) == "of" and k + 1 < len(view.tokens):
            after = [a for a in view.actors_in(view.tokens[k + 1].start, view.end)
                     if a.actor.kind != "civilians" and view.token_at(a.start) <= k + 3]
            if after:
                return after[0].actor.name
        return "all"  # members of what, we cannot tell
    return _default_who(kind)


def _default_who(kind: str) -> str | None:
    return {"fighters": "fighters", "group": "fighters", "civilians": "civilians"}.get(kind, "all")


def _phrase_start(view: SentenceView, head: int) -> int:
    k = head
    while k > 0 and head - k < 6 and (view.tokens[k - 1].is_word or view.tokens[k - 1].is_acronym) \
            and view.lower(k - 1) not in ("the", "a", "an", "of", "and", "by", "in", "with"):
        k -= 1
    return k

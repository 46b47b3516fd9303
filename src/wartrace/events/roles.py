"""Who did it to whom: actor mentions around a trigger, and each side's opponent.

The initiator is the trigger's subject (the nearest actor before it in its clause that
is not only supporting: "supported by X", "with the help of X"), the agent of a passive
("by X"), or the actor of a noun trigger ("X counter-attack", "attacks by X"). The target
is its object ("against X", "from X", "attacked X"). When the text does not say, the
opponent is read from the document's own statistics: the most mentioned fighting actor
that is not the initiator's ally, explicit "X attacked Y" pairs counting most. Nothing
about any particular war is written here.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from wartrace.model import ActorMention

NON_BELLIGERENT_KINDS = frozenset({
    "civilians", "media", "organization", "organisation", "ngo", "monitor", "international_organization",
    "person", "humanitarian", "un", "news_agency", "government", "politician",
})
CIVILIANS = "civilians"
_SUPPORT_RE = re.compile(
    r"\b(?:supported|backed|aided|assisted|escorted|accompanied|reinforced)\s+by\s*$|"
    r"(?:with\s+the\s+)?(?:support|help|backing|assistance|cover|aid)\s+(?:of|from)\s+(?:[\w'’–-]+\s+){0,2}$|"
    r"(?:with\s+the\s+)?(?:support|help|backing|assistance|cover|aid)\s+(?:of|from)\s*$|"
    r"(?:alongside|along\s+with|together\s+with|in\s+support\s+of)\s*$", re.IGNORECASE)
_TARGET_PREP_RE = re.compile(r"\b(?:against|on|upon|from|at|with|of|targeting|toward|towards)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AGENT_RE = re.compile(r"\bby\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def is_belligerent(m: ActorMention) -> bool:
    return m.actor.kind not in NON_BELLIGERENT_KINDS and m.actor.name != CIVILIANS


class DocActors:
    """Document-level actor statistics: mention counts, alliances, explicit pairs."""

    def __init__(self, text: str, mentions: list[ActorMention]):
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.counts: Counter[str] = Counter(m.actor.name for m in self.mentions if is_belligerent(m))
        self.kinds = {m.actor.name: m.actor.kind for m in self.mentions}
        self.allies: dict[str, set[str]] = defaultdict(set)
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.type_initiators: dict[str, Counter[str]] = defaultdict(Counter)
        self._find_alliances()

    def _find_alliances(self) -> None:
        ms = self.mentions
        for i, m in enumerate(ms):
            before = self.text[max(0, m.start - 40):m.start]
            if not _SUPPORT_RE.search(before):
                continue
            # the supported actor: nearest belligerent mention before the cue (same sentence),
            # or the first one after the supporter ("Supported by X, the Y attacked")
            supported = None
            for p in reversed(ms[:i]):
                if m.start - p.end > 120 or re.search(r"[.;!?]", self.text[p.end:m.start]):
                    break
                if is_belligerent(p) and p.actor.name != m.actor.name:
                    supported = p
                    break
            if supported is None:
                for q in ms[i + 1:i + 3]:
                    if q.start - m.end > 80 or re.search(r"[.;!?]", self.text[m.end:q.start]):
                        break
                    if is_belligerent(q) and q.actor.name != m.actor.name:
                        supported = q
                        break
            if supported is not None and is_belligerent(m):
                self.ally(supported.actor.name, m.actor.name)

    def ally(self, a: str, b: str) -> None:
        if a != b:
            self.allies[a].add(b)
            self.allies[b].add(a)

    def allied(self, a: str, b: str) -> bool:
        return b in self.allies.get(a, ())

    def note_pair(self, initiator: str, target: str) -> None:
        if initiator != target and target != CIVILIANS:
            self.pairs[(initiator, target)] += 1

    def opponent(self, name: str | None) -> str | None:
        if name is None:
            return None
        best, best_score = None, 0.0
        for other, n in self.counts.items():
            if other == name or self.allied(name, other):
                continue
            score = n + 5 * (self.pairs[(name, other)] + self.pairs[(other, name)])
            for ally in self.allies.get(name, ()):
                score += 3 * (self.pairs[(ally, other)] + self.pairs[(other, ally)])
            if score > best_score:
                best, best_score = other, score
        return best

    def default_initiator(self, type_: str) -> str | None:
        c = self.type_initiators.get(type_)
        if c:
            return c.most_common(1)[0][0]
        total: Counter[str] = Counter()
        for k, cc in self.type_initiators.items():
            if k not in ("displacement", "discovery"):
                total.update(cc)
        total.pop(CIVILIANS, None)
        if total:
            return total.most_common(1)[0][0]
        return self.counts.most_common(1)[0][0] if self.counts else None


def supporting(text: str, m: ActorMention, floor: int) -> bool:
    """Is this mention only a supporter ("supported by X", "with the help of X")?"""
    return bool(_SUPPORT_RE.search(text[max(floor, m.start - 40):m.start]))


def after_target_prep(text: str, m: ActorMention, floor: int) -> bool:
    return bool(_TARGET_PREP_RE.search(text[max(floor, m.start - 30):m.start]))


def after_agent_by(text: str, m: ActorMention, floor: int) -> bool:
    return bool(_AGENT_RE.search(text[max(floor, m.start - 40):m.start]))

"""Actor mentions: registry names, descriptions, generic references, new organisations
and the people who speak for them.

Passes, each over the whole cleaned text, longest match first:

1. names: registry aliases (any case, any dash or "U.S." spelling) and acronyms (exact
   capitals); "X-led"/"X-backed" modifiers are skipped ("X-led Y" is Y);
2. "<demonym> forces/troops/army..." -> that country's state force ("Russian troops");
3. descriptors ("US-backed forces") -> the first of their candidates the document names;
4. unknown organisations: capitalized names ending in Brigade, Front, Council... kept as
   new actors;
5. generic references ("the militants", "the group") -> the actor they most likely
   refer to: the first compatible actor of the nearest sentence before them;
6. speakers: "X, a spokesman for Y" / "Y spokesman X" tie person X to Y; later mentions
   of X's surname ("Dillon said") are resolved to Y.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from wartrace.actors.registry import ActorEntry, Registry
from wartrace.model import ActorMention, ActorRef, Sentence
from wartrace.places.normalize import match_key

_DASH = "[-–—‐]"
_BOUNDARY_L = r"(?<![\w@])"
_BOUNDARY_R = r"(?![\w])"
_FORCE_NOUNS = (r"armed forces|special forces|special operations forces|security forces|ground forces|"
                r"air force|forces|troops|army|military|soldiers|units|servicemen|artillery|aircraft|"
                r"warplanes|jets|navy|marines|paratroopers|airstrikes|air strikes|strikes|tanks|drones|"
                r"helicopters|gunships")
_ORG_HEADS = {
    "brigade": "non_state_armed_group", "brigades": "non_state_armed_group",
    "battalion": "non_state_armed_group", "battalions": "non_state_armed_group",
    "regiment": "non_state_armed_group", "division": "non_state_armed_group",
    "corps": "non_state_armed_group", "army": "non_state_armed_group",
    "front": "non_state_armed_group", "forces": "non_state_armed_group",
    "militia": "militia", "militias": "militia", "legion": "non_state_armed_group",
    "units": "non_state_armed_group", "guard": "non_state_armed_group",
    "guards": "non_state_armed_group", "group": "non_state_armed_group",
    "council": "government", "committee": "organization", "organization": "organization",
    "organisation": "organization", "observatory": "organization", "network": "organization",
    "agency": "media", "ministry": "government", "movement": "organization",
}
_NEW_ORG = re.compile(
    r"\b((?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))(?:\s+(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th)|of|for|and|the|al-\w+)){0,5}?"
    r"\s+(?:" + "|".join(h.capitalize() for h in _ORG_HEADS) + r"))\b(?!\s+(?:base|headquarters|barracks))")
_GENERIC = re.compile(
    r"\b(?:the|these|those|its|their|remaining)\s+(?:remaining\s+|last\s+|local\s+|foreign\s+|hardline\s+)?"
    r"(militants|jihadists|terrorists|extremists|insurgents|rebels|group|organi[sz]ation|coalition|alliance|"
    r"regime|army|separatists|invaders|occupiers)\b", re.IGNORECASE)
_SPEAKER_ROLE = (r"(?:spokesman|spokeswoman|spokesperson|commander|official|leader|chief|head|director|"
                 r"envoy|representative|general|colonel|officer|minister|secretary)")
_PERSON = r"(?:[A-Z][a-z’'-]+|al-[A-Z][a-z]+)(?:[\s\xa0]+(?:[A-Z][a-z’'-]+|[A-Z]\.|al-[A-Z][a-z]+|bin|ibn|Abu)){1,3}"
_PERSON_THEN_ROLE = re.compile(
    r"(?P<person>" + _PERSON + r"),\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,4}?(?i:" + _SPEAKER_ROLE +
    r")\s+(?:of|for)\s+(?:[\w’'-]+\s+){0,5}?(?:the\s+)?")
_ROLE_THEN_PERSON = re.compile(
    r"(?i:" + _SPEAKER_ROLE + r"),?\s+(?:(?:Army\s+|Air\s+Force\s+)?(?:Col\.|Colonel|Gen\.|General|Maj\.|Major|Lt\.|Capt\.|Brig\.)\s+)?"
    r"(?P<person>" + _PERSON + r")")
_TITLE_WORDS = frozenset({"Col", "Colonel", "Gen", "General", "Maj", "Major", "Army", "Lt", "Capt", "Brig", "Air", "Force"})
# Generic word -> (preferred tags, acceptable kinds)
_GENERIC_FITS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "militants": (("jihadist",), frozenset({"non_state_armed_group", "militia"})),
    "jihadists": (("jihadist",), frozenset({"non_state_armed_group"})),
    "terrorists": (("jihadist",), frozenset({"non_state_armed_group"})),
    "extremists": (("jihadist",), frozenset({"non_state_armed_group"})),
    "insurgents": (("jihadist", "rebel"), frozenset({"non_state_armed_group"})),
    "rebels": (("rebel",), frozenset({"non_state_armed_group"})),
    "separatists": (("separatist",), frozenset({"non_state_armed_group"})),
    "group": (("group",), frozenset({"non_state_armed_group", "organization", "militia"})),
    "organization": (("group",), frozenset({"non_state_armed_group", "organization"})),
    "organisation": (("group",), frozenset({"non_state_armed_group", "organization"})),
    "coalition": (("coalition",), frozenset({"coalition"})),
    "alliance": (("alliance", "coalition"), frozenset({"coalition", "non_state_armed_group"})),
    "regime": (("government",), frozenset({"state_force", "government"})),
    "army": (("government",), frozenset({"state_force"})),
    "invaders": ((), frozenset({"state_force"})),
    "occupiers": ((), frozenset({"state_force"})),
}

_FIGHTER_WORDS = frozenset({"militants", "jihadists", "terrorists", "extremists", "insurgents", "rebels", "separatists"})
# Generic word -> tags of actors it never refers to, even as the nearest of a fitting kind
_GENERIC_NEVER: dict[str, tuple[str, ...]] = {
    "rebels": ("jihadist",), "jihadists": ("rebel",), "terrorists": ("rebel",), "extremists": ("rebel",),
}


@dataclass(frozen=True, slots=True)
class SourcedActorMention(ActorMention):
    """An ActorMention that also says how it was resolved: name, demonym, descriptor,
    new, generic or speaker."""

    via: str = "name"


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    actor: str  # registry id, or "new:<slug>"
    via: str


def _alias_pattern(alias: str) -> str:
    out = []
    for word in re.split(r"(\s+|[-–—‐])", alias):
        if not word or word.isspace():
            out.append(r"\s+" if word else "")
        elif re.fullmatch(r"[-–—‐]", word):
            out.append(_DASH + r"\s?")
        elif word in ("US", "U.S."):
            out.append(r"U\.?S\.?")
        else:
            out.append(re.escape(word))
    return "".join(out)


def _alternation(names: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return None
    return re.compile(_BOUNDARY_L + "(?:" + "|".join(_alias_pattern(n) for n in names) + ")" + _BOUNDARY_R, flags)


class ActorFinder:
    """Finds and resolves actor mentions against one registry (built once)."""

    def __init__(self, registry: Registry, roll_up: bool = True) -> None:
        self.registry = registry
        self.roll_up = roll_up
        self._by_alias: dict[str, str] = {}
        self._by_acronym: dict[str, str] = {}
        for e in registry.entries:
            for a in (e.name, *e.aliases):
                self._by_alias.setdefault(self._alias_key(a), e.id)
            for a in e.acronyms:
                self._by_acronym.setdefault(self._acronym_key(a), e.id)
        words = [a for e in registry.entries for a in (e.name, *e.aliases) if not self._is_acronym(a, e)]
        acronyms = [a for e in registry.entries for a in e.acronyms] + \
                   [e.name for e in registry.entries if self._is_acronym(e.name, e)]
        self._names = _alternation(words, re.IGNORECASE)
        self._acronyms = _alternation(acronyms)
        self._demonym_of = {d: e.id for e in registry.entries for d in e.demonyms}
        self._demonyms = re.compile(
            _BOUNDARY_L + r"(" + "|".join(_alias_pattern(d) for d in sorted(self._demonym_of, key=len, reverse=True))
            + r")(?:\s+(?:" + _FORCE_NOUNS + r")|-led\s+(?:forces|troops))\b") if self._demonym_of else None
        # ("Turkish-led forces" are that country's; "Turkish-backed forces" are a descriptor's proxies)
        self._descriptor_of = {self._alias_key(d.phrase): d.candidates for d in registry.descriptors}
        self._descriptors = _alternation([d.phrase for d in registry.descriptors], re.IGNORECASE)

    # --- keys ---------------------------------------------------------------------------

    @staticmethod
    def _alias_key(text: str) -> str:
        text = re.sub(r"U\.?S\.?(?=\W|$)", "US", text)
        return re.sub(r"[\s\-–—‐]+", " ", text.casefold()).strip()

    @staticmethod
    def _acronym_key(text: str) -> str:
        return re.sub(r"[\s\-–—‐.]+", "", text)

    @staticmethod
    def _is_acronym(name: str, e: ActorEntry) -> bool:
        return name in e.acronyms or (name.isupper() and len(name) <= 5)

    def entry(self, actor_id: str) -> ActorEntry | None:
        return self.registry.get(actor_id)

    # --- passes -------------------------------------------------------------------------

    def _names_pass(self, text: str) -> list[_Hit]:
        hits = []
        for pattern, key_of, table in ((self._names, self._alias_key, self._by_alias),
                                       (self._acronyms, self._acronym_key, self._by_acronym)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                actor = table.get(key_of(m.group()))
                if actor is None and table is self._by_acronym:
                    actor = self._by_alias.get(self._alias_key(m.group()))
                if actor is None:
                    continue
                # "X-led Y", "US-backed forces": the modifier is not the actor.
                if re.match(_DASH + r"(?:led|backed|supported|allied|aligned)\b", text[m.end():m.end() + 12]):
                    continue
                hits.append(_Hit(m.start(), m.end(), actor, "name"))
        return hits

    def _demonym_pass(self, text: str) -> list[_Hit]:
        if self._demonyms is None:
            return []
        out = []
        for m in self._demonyms.finditer(text):
            key = m.group(1)
            actor = self._demonym_of.get(key) or self._demonym_of.get(re.sub(r"\.", "", key))
            if actor is None:
                actor = next((a for d, a in self._demonym_of.items() if self._alias_key(d) == self._alias_key(key)), None)
            if actor:
                out.append(_Hit(m.start(), m.end(), actor, "demonym"))
        return out

    def _descriptor_pass(self, text: str, named: Counter[str]) -> list[_Hit]:
        if self._descriptors is None:
            return []
        out = []
        for m in self._descriptors.finditer(text):
            cands = self._descriptor_of.get(self._alias_key(m.group()), ())
            present = [c for c in cands if named[c]]
            actor = max(present, key=lambda c: named[c]) if present else (cands[0] if cands else None)
            if actor:
                out.append(_Hit(m.start(), m.end(), actor, "descriptor"))
        return out

    def _new_org_pass(self, text: str) -> list[_Hit]:
        out = []
        for m in _NEW_ORG.finditer(text):
            name = re.sub(r"^(?:The|the)\s+", "", m.group(1))
            if len(name.split()) < 2 and not name[0].isdigit():
                continue
            if re.search(r"\b(?:base|headquarters|barracks) of (?:the )?$", text[max(0, m.start() - 30):m.start(1)]):
                continue  # "the base of the 17th Division" is a site
            out.append(_Hit(m.end(1) - len(name), m.end(1), "new:" + name, "new"))
        return out

    @staticmethod
    def _longest(hits: Iterable[_Hit]) -> list[_Hit]:
        kept: list[_Hit] = []
        for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
            if kept and h.start < kept[-1].end:
                continue
            kept.append(h)
        return kept

    # --- resolution ---------------------------------------------------------------------

    def _fits(self, actor: str, word: str, strict: bool) -> bool:
        e = self.entry(actor)
        if e is None:
            return not strict and word in ("group", "organization", "organisation", "militants")
        tags, kinds = _GENERIC_FITS[word]
        if strict:
            return any(t in e.tags for t in tags)
        return e.kind in kinds and not any(t in e.tags for t in _GENERIC_NEVER.get(word, ()))

    def _generic_pass(self, text: str, hits: Sequence[_Hit], sentences: Sequence[Sentence]) -> list[_Hit]:
        starts = [s.start for s in sentences] or [0]
        def sentence_of(pos: int) -> int:
            return max(bisect.bisect_right(starts, pos) - 1, 0)
        taken = [(h.start, h.end) for h in hits]
        by_sentence: dict[int, list[_Hit]] = {}
        for h in hits:
            by_sentence.setdefault(sentence_of(h.start), []).append(h)
        out = []
        for m in _GENERIC.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            word = m.group(1).lower()
            here = sentence_of(m.start())
            chosen = None
            for strict in (True, False):
                for k in range(here, max(here - 6, -1), -1):
                    before = [h for h in by_sentence.get(k, ()) if h.end <= m.start() and self._fits(h.actor, word, strict)]
                    if before:
                        # Same sentence: the nearest; an earlier sentence: its first (its subject).
                        chosen = before[-1] if k == here else before[0]
                        break
                if chosen:
                    break
                # a word for a kind of fighter: an actor of that kind named anywhere earlier ("the
                # FSA, a rebel group" in the lead) beats a nearer one of another kind ("the rebels"
                # are not the jihadists they fight). Words for a form ("the coalition", "the
                # group") stay local: a report's "coalition" on the ground may be another one.
                earlier = [h for h in hits if h.end <= m.start() and self._fits(h.actor, word, True)] \
                    if word in _FIGHTER_WORDS else []
                if earlier:
                    chosen = earlier[-1]
                    break
            if chosen is not None:
                out.append(_Hit(m.start(), m.end(), chosen.actor, "generic"))
        return out

    def _speaker_pass(self, text: str, hits: Sequence[_Hit]) -> list[_Hit]:
        orgs = sorted((h for h in hits if h.via != "generic"), key=lambda h: h.start)
        person_org: dict[str, str] = {}
        out = []
        for m in _PERSON_THEN_ROLE.finditer(text):
            org = next((h for h in orgs if m.end() <= h.start <= m.end() + 40), None)
            if org:
                out.append(_Hit(m.start("person"), m.end("person"), org.actor, "speaker"))
        for m in _ROLE_THEN_PERSON.finditer(text):
            org = next((h for h in reversed(orgs) if m.start() - 30 <= h.end <= m.start() + 1), None)
            if org:
                out.append(_Hit(m.start("person"), m.end("person"), org.actor, "speaker"))
        for h in out:
            words = [w for w in text[h.start:h.end].split() if w not in _TITLE_WORDS]
            if words and len(words[-1]) >= 4:
                person_org.setdefault(match_key(re.sub(r"[’']s?$", "", words[-1])), h.actor)
        if person_org:
            taken = [(h.start, h.end) for h in (*hits, *out)]
            for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
                actor = person_org.get(match_key(m.group()))
                if actor and not any(s < m.end() and m.start() < e for s, e in taken):
                    out.append(_Hit(m.start(), m.end(), actor, "speaker"))
        return out

    def _ref(self, actor: str) -> ActorRef:
        if actor.startswith("new:"):
            name = actor[4:]
            head = name.split()[-1].lower()
            kind = _ORG_HEADS.get(head, "organization")
            if "military council" in name.lower():
                kind = "non_state_armed_group"
            inter = {"non_state_armed_group": 2, "militia": 3, "government": 1}.get(kind)
            return ActorRef("new:" + match_key(name).replace(" ", "-"), name, kind, inter, "new")
        e = self.entry(actor)
        seen = set()
        while self.roll_up and e.part_of and e.part_of not in seen and self.entry(e.part_of):
            seen.add(e.id)
            e = self.entry(e.part_of)
        return e.ref()

    def find(self, text: str, sentences: Sequence[Sentence] = ()) -> tuple[SourcedActorMention, ...]:
        hits = self._longest([*self._names_pass(text), *self._demonym_pass(text)])
        named = Counter(h.actor for h in hits)
        hits = self._longest([*hits, *self._descriptor_pass(text, named)])
        hits = self._longest([*hits, *(h for h in self._new_org_pass(text)
                                       if not any(x.start < h.end and h.start < x.end for x in hits))])
        hits = sorted([*hits, *self._speaker_pass(text, hits)], key=lambda h: h.start)
        hits = self._longest([*hits, *self._generic_pass(text, hits, sentences)])
        return tuple(
            SourcedActorMention(h.start, h.end, text[h.start:h.end], self._ref(h.actor),
                                generic=h.via == "generic", via=h.via)
            for h in hits
        )

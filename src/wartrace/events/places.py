"""Place candidates of a sentence, the document's focus city, and event scope.

The places stage resolves named places. The events rules add what a gazetteer cannot
hold: references to the document's city ("the city", "the southern city", "northern
X"), definite sites ("the nearby cement plant", "the rebel-held stadium") named by their
words, and unnamed places ("a ruined fortress", "two villages") that keep only a kind.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from wartrace.events.lexicon import Lexicon
from wartrace.events.text import Tok
from wartrace.model import PlaceMention, PlaceRef

CITY_KINDS = frozenset({"city", "town"})
KIND_MAP = {  # gazetteer kinds -> the eleven-type export's place_kind values
    "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "district": "neighbourhood",
    "site": "site", "camp": "site", "city": "city", "town": "city", "village": "village",
    "region": "region", "country": "country", "river": "region", "sea": "region", "area": "region",
    "island": "region", "mountain": "region",
}
_STOP_TEXT = frozenset(
    """this that these those one two the a an it its he she they we i you his her their our some any all
    each every other another such there here then today now later earlier meanwhile however""".split()
)
_SITE_ADJ_DROP = frozenset(
    """the a an nearby former notorious infamous main so-called strategic important key local same entire
    whole remaining last other besieged embattled famous large huge big small major main""".split()
)
_MONTHS = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
_GUESS_STOP = frozenset(
    """the a an this that these those it its he she they we i his her their our on in at by of and or but
    with from for to as after before during while when where which who also then later however meanwhile
    despite according following several some many most all both each every other another one two three
    several islamic state government army forces military troops""".split()
)
_ORG_WORDS = frozenset(
    """forces force army armies brigade brigades division regiment battalion corps council front units unit
    party movement guard guards group groups militia militias police ministry government committee observatory
    agency news times post press television tv radio network organization organisation coalition alliance
    command operation operations brigades battalions company directorate service services navy airforce
    air battle offensive campaign siege war revolution republic people's peoples""".split()
)
_PLACE_FOLLOWERS = frozenset(
    """village town city district neighbourhood neighborhood suburb area region province governorate oblast
    and or on in at from by to after before with as which where while but near south north east west
    southeast southwest northeast northwest itself proper was were is are had has have for during until
    since the a an its their also later then again""".split()
)
_DET_WORDS = frozenset(
    """the a an another one two three four five six seven eight nine ten eleven twelve several some few numerous
    many other more its their his her this that these those dozens""".split()
)
_STOP_WORDS = frozenset(
    """of in on at to from by with into for and or but as near around was were is are had has have been be
    which who that where while than then also""".split()
)
_GENERIC_SITES = frozenset("""area areas position positions building buildings complex headquarters""".split())
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "another": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None,
    "some": None, "few": None, "numerous": None, "many": None, "dozens": None, "other": None, "more": None,
}


@dataclass
class PlaceCand:
    start: int
    end: int
    ref: PlaceRef | None  # None: an unnamed place, known by its kind only
    kind: str | None
    source: str  # places | city-ref | site | unnamed
    part_of_city: bool = False  # "northern X", "the southern city": the city, but not all of it
    count: int | None = None  # "two villages" -> 2
    locator_only: bool = False  # "X's old city": X only locates the next place
    anaphoric: bool = False  # "the village" resolved to an earlier mention
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        if self.ref is not None:
            return ("ref", self.ref.id)
        return ("unnamed", self.kind)


def export_kind(ref: PlaceRef | None, kind: str | None) -> str | None:
    k = ref.kind if ref is not None else kind
    return KIND_MAP.get(k, k) if k else None


def _text_ref(name: str, kind: str) -> PlaceRef:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return PlaceRef(id=f"text:{kind}:{slug}", name=name, kind=kind, gazetteer="events-text@1")


# --- document level ----------------------------------------------------------------------


SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
_TITLE_RE = re.compile(
    r"(?:battle|battles|siege|fall|capture|liberation|recapture|sack|storming|defen[cs]e|encirclement|massacre|bombing|assault)"
    r"\s+(?:of|for|on)\s+(?:the\s+)?(?P<name>[^(),:;]+?)\s*(?:\(|,|:|$)", re.IGNORECASE)


def title_place_name(title: str | None) -> str | None:
    """"Battle of X (2017)" -> "X"; "X offensive" -> "X"."""
    if not title:
        return None
    m = _TITLE_RE.search(title)
    if m:
        return m.group("name").strip()
    m = re.match(r"^(?:\d{4}\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:offensive|campaign|clashes|attacks?|counteroffensive)\b", title)
    return m.group("name").strip() if m else None


def focus_city(mentions: list[PlaceMention], title: str | None, first_chars: int, text: str = "",
               actor_words: frozenset[str] = frozenset()) -> PlaceRef | None:
    """The settlement the document is about: the one its title names, else the most mentioned one
    (a mention in the lead counts three times)."""
    score: Counter[str] = Counter()
    refs: dict[str, PlaceRef] = {}
    first_at: dict[str, int] = {}
    named = title_place_name(title)
    for m in mentions:
        if m.place.kind not in SETTLEMENT_KINDS:
            continue
        pid = m.place.id
        refs.setdefault(pid, m.place)
        first_at.setdefault(pid, m.start)
        score[pid] += (3 if m.start < first_chars else 1) * (1 if m.place.kind in CITY_KINDS else 0.6)
    if named:
        nl = named.lower()
        for m in mentions:
            if m.text.strip().lower() == nl or m.place.name.lower() == nl or nl in (a.lower() for a in m.place.aliases):
                refs.setdefault(m.place.id, m.place)
                first_at.setdefault(m.place.id, m.start)
                score[m.place.id] += 1000
                break
        else:
            words = named.lower().split()
            if text and len(re.findall(r"(?<![\w-])" + re.escape(named) + r"(?![\w-])", text)) >= 2 and len(words) <= 3 \
                    and named[:1].isupper() and not any(w in _ORG_WORDS or w in actor_words or w in ("capital", "caliphate") for w in words):
                return _text_ref(named, "city")
    if not score:
        return None
    best = max(score, key=lambda p: (score[p], -first_at[p]))
    return refs[best]


def distance_km(a: PlaceRef, b: PlaceRef) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    if _borrowed_coordinates(a) or _borrowed_coordinates(b):
        return None  # a name the gazetteer lacks carries its parent's (a country's capital's) point
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _borrowed_coordinates(ref: PlaceRef) -> bool:
    return ref.gazetteer == "inferred" and (ref.parent or "").startswith("country:")


# --- sentence level ----------------------------------------------------------------------


class SpanIndex:
    """Sorted spans with a fast overlap test (spans may nest but are short)."""

    def __init__(self, spans):
        self.spans = sorted((int(a), int(b)) for a, b in spans)
        self.starts = [a for a, _ in self.spans]
        self.maxlen = max((b - a for a, b in self.spans), default=0)

    def __iter__(self):
        return iter(self.spans)

    def hits(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, a - self.maxlen)
        while i < len(self.spans) and self.spans[i][0] < b:
            x, y = self.spans[i]
            if a < y and x < b:
                return True
            i += 1
        return False

    def within(self, a: int, b: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.spans) and self.spans[i][0] < b:
            out.append(self.spans[i])
            i += 1
        return out


class PlaceFinder:
    """Builds the place candidates of one sentence."""

    def __init__(self, lex: Lexicon, text: str, mentions: list[PlaceMention], focus: PlaceRef | None,
                 actor_spans: list[tuple[int, int]], trigger_spans: list[tuple[int, int]] = ()):
        self.lex = lex
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.focus = focus
        self.actor_spans = SpanIndex(actor_spans)
        self.trigger_spans = SpanIndex(trigger_spans)
        self.mentions = self._propagate(self.mentions)
        self._mention_starts = [m.start for m in self.mentions]
        self._named_site_cache: dict[str, tuple[list[int], list[str]]] = {}
        self._mention_by_text = {m.text.lower(): m.place for m in reversed(self.mentions)}  # first mention wins
        self._guess_re = re.compile(
            r"(?P<name>(?:(?:al|el|ar|as|ad|ash|an|at|Al|El|Ar|As)[-‑])?[A-Z][\w'’]*(?:[-‑][\w'’]+)*"
            r"(?:\s+(?:(?:al|el|ar|as|ad|ash|an|at)[-‑])?[A-Z][\w'’]*(?:[-‑][\w'’]+)*){0,3})")
        self.directions = lex.set("directions")
        site_nouns = sorted(lex.words.get("site_nouns", ()), key=len, reverse=True)
        self._site_alt = "|".join(re.escape(s) for s in site_nouns)
        self.site_nouns = frozenset(s.lower() for s in site_nouns)
        self.village_nouns = lex.set("village_nouns")
        self.part_nouns = frozenset({"neighborhoods", "neighbourhoods", "districts", "quarters", "suburbs", "sectors"})
        alts = sorted(set(site_nouns) | set(self.village_nouns) | {"town", "towns"} | self.part_nouns, key=len, reverse=True)
        self._noun_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in alts) + r")(?:e?s)?(?![\w-])", re.IGNORECASE)
        self._city_ref_re = re.compile(
            r"(?<![\w-])(?:the|its|their|his|her)\s+(?:(?:self-proclaimed|self-declared|de facto|so-called|former|own|main|besieged|embattled|de-facto)\s+)*"
            r"(?P<dir>(?:(?:" + "|".join(re.escape(d) for d in sorted(self.directions, key=len, reverse=True)) + r")(?:\s*,\s*|\s+and\s+|\s+or\s+)?)+\s+)?"
            r"(?P<noun>city|town|capital)(?P<tail>\s+(?:center|centre))?(?![\w-])"
            r"|(?<![\w-])(?P<noun2>capital)(?=\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z]|[\w-]+\s+[\"“]?caliphate|caliphate|[\"“]caliphate))", re.IGNORECASE)

    def _propagate(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """One sense per document: a settlement or site name the places stage resolved once is the
        same place wherever the same words recur in the document."""
        surface: dict[str, PlaceRef] = {}
        for m in mentions:
            s = m.text.strip()
            if m.place.kind in ("city", "town", "village", "neighbourhood", "neighborhood", "district", "site", "camp") \
                    and len(s) >= 4 and s[:1].isupper() and s.lower() not in _STOP_TEXT and " " not in s.strip()[:0]:
                surface.setdefault(s, m.place)
        if not surface:
            return mentions
        covered = [(m.start, m.end) for m in mentions]
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(surface, key=len, reverse=True)) + r")(?![\w-])")
        extra = []
        for mt in rx.finditer(self.text):
            a, b = mt.start(), mt.end()
            if self._overlaps(a, b, covered) or self._overlaps(a, b, self.actor_spans):
                continue
            extra.append(PlaceMention(a, b, mt.group(), surface[mt.group()]))
        return sorted(mentions + extra, key=lambda m: m.start)

    def _overlaps(self, a: int, b: int, spans) -> bool:
        if isinstance(spans, SpanIndex):
            return spans.hits(a, b)
        return any(a < y and x < b for x, y in spans)

    def candidates(self, start: int, end: int, toks: list[Tok], parens: list[tuple[int, int]],
                   recent_villages: list[PlaceRef | None]) -> list[PlaceCand]:
        text = self.text
        out: list[PlaceCand] = []
        taken: list[tuple[int, int]] = []
        # 1. named places from the places stage
        i0 = bisect.bisect_left(self._mention_starts, start - 200)
        for m in self.mentions[i0:bisect.bisect_left(self._mention_starts, end)]:
            if m.end <= start or m.start >= end:
                continue
            if m.text.strip().lower() in _STOP_TEXT or len(m.text.strip()) < 2 or m.place.name.strip().isdigit():
                continue  # (a bare number: "10 villages" is an unnamed place, step 3)
            if self._overlaps(m.start, m.end, parens):
                continue
            if self._overlaps(m.start, m.end, self.actor_spans) and m.place.kind in ("country", "region"):
                continue  # "<country> airstrikes", "<country> army": an actor, not a place
            after = text[m.end:m.end + 3]
            if m.place.kind in ("country", "region") and re.match(r" [a-z]", text[m.end:m.end + 2]) \
                    and not re.match(r" (?:on|in|at|and|or|to|from|by|for|with|was|is|were|are|had|has|which|where|that|after|before|during|until|since|near|as|but|of|the)\b", text[m.end:m.end + 12]):
                continue  # "US airstrike", "Turkish troops": an adjective, not a place
            if m.place.kind == "country" and re.match(r"[-–]?(?:backed|led|based)", text[m.end:m.end + 8]):
                continue
            if m.place.kind == "country" and (
                    re.match(r"\s+(?:also\s+|then\s+|later\s+)?(?:[a-z]+ed|said|says|claims|began|sent|took|made|struck)\b", text[m.end:m.end + 24])
                    or re.search(r"\b(?:forced|urged|allowed|accused|told|asked|warned|pushed|helped|led)\s+$", text[max(start, m.start - 12):m.start])):
                continue  # "Russia claimed ...", "forced Ukraine to commit reinforcements": the state acts
            c = PlaceCand(m.start, m.end, m.place, m.place.kind, "places")
            if m.place.kind in CITY_KINDS:
                before = text[max(start, m.start - 20):m.start].lower().split()
                if before and before[-1] in self.directions and before[-1] not in ("old", "upper", "lower", "inner", "outer"):
                    c.part_of_city = True
                    c.start = m.start - len(before[-1]) - 1
                tail = re.match(r"['’]s\s+(\w+)", text[m.end:m.end + 30])
                if tail and tail.group(1).lower() in self.directions | {"outskirts", "suburbs", "center", "centre", "countryside", "north", "south", "east", "west"}:
                    c.part_of_city = True
                # "<city> stadium": the city names a site
                site = re.match(r"\s+(" + self._site_alt + r")(?![\w-])", text[m.end:m.end + 30], re.IGNORECASE)
                if site and not re.match(r"\s+(?:city|town)", text[m.end:m.end + 8], re.IGNORECASE):
                    name = text[m.start:m.end + site.end()]
                    out.append(PlaceCand(m.start, m.end + site.end(), _text_ref(name, "site"), "site", "site"))
                    taken.append((m.start, m.end + site.end()))
                    continue
            if re.match(r"['’]s\b", after):
                j0 = bisect.bisect_right(self._mention_starts, m.end)
                nxt = [n for n in self.mentions[j0:j0 + 3] if m.end < n.start <= m.end + 40 and n.start < end]
                if nxt and not re.search(r"[,;]", text[m.end:nxt[0].start]):
                    c.locator_only = True
            out.append(c)
            taken.append((m.start, m.end))
        # 2. "the city", "the southern city", "its capital", "the city center"
        for m in self._city_ref_re.finditer(text, start, end):
            if self._overlaps(m.start(), m.end(), taken) or self.focus is None:
                continue
            if self._overlaps(m.start(), m.end(), parens):
                continue
            if m.group("noun2"):
                nxt2 = text[m.end():m.end() + 40]
                if not re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\"“]?caliphate|[\w-]+\s+[\"“]?caliphate)", nxt2, re.IGNORECASE) \
                        and not any(a <= m.end() + 4 + len(re.match(r"\s+of\s+(?:the\s+)?", nxt2).group()) < b for a, b in self.actor_spans):
                    continue
                out.append(PlaceCand(m.start(), m.end(), self.focus, self.focus.kind, "city-ref"))
                taken.append((m.start(), m.end()))
                continue
            nxt = text[m.end():m.end() + 12]
            if re.match(r"\s+of\s+[A-Z]", nxt) or re.match(r"['’]s\s+(?!north|south|east|west|center|centre|outskirts)", nxt):
                continue  # "the city of X" (X is the mention) / "the city's residents"
            part = bool(m.group("dir")) or bool(m.group("tail")) or bool(re.match(r"['’]s\s+(north|south|east|west|center|centre|outskirts)", nxt))
            if (m.group("noun") or "").lower() == "capital" and self.focus.kind not in CITY_KINDS:
                continue
            out.append(PlaceCand(m.start(), m.end(), self.focus, self.focus.kind, "city-ref", part_of_city=part))
            taken.append((m.start(), m.end()))
        # 3. noun phrases headed by a site, village, town or city-part noun
        for m in self._noun_re.finditer(text, start, end):
            a, b = m.start(), m.end()
            if self._overlaps(a, b, taken) or self._overlaps(a, b, parens):
                continue
            cand = self._noun_phrase(m, toks, start, end, out, taken, recent_villages)
            if cand is None:
                continue
            for c in [c for c in out if c.source == "places" and cand.start <= c.start and c.end <= cand.end]:
                out.remove(c)
            out.append(cand)
            taken.append((cand.start, cand.end))
        # 4. a capitalised name in object position the gazetteer does not know ("captured Arima")
        for a0, b0 in self.trigger_spans.within(start, end):
            if b0 > end:
                continue
            m = re.match(r"\s+(?:the\s+)?(?:(?:village|town|city|hamlet|settlement|suburb|district|neighbo(?:u)?rhood)s?\s+of\s+)?", text[b0:end])
            pos = b0 + (m.end() if m else 0)
            g = self._guess_re.match(text, pos, end)
            if g is None or pos == b0:
                continue
            cand = self._guess(g, start, end, out, taken, parens, text[b0:pos])
            if cand is not None:
                out.append(cand)
                taken.append((cand.start, cand.end))
        for m in re.finditer(r"(?<![\w-])(?:the\s+)?(?P<kind>village|town|city|hamlet|settlement|suburb|district|neighbo(?:u)?rhood)\s+of\s+", text[start:end], re.IGNORECASE):
            pos = start + m.end()
            g = self._guess_re.match(text, pos, end)
            if g is None:
                continue
            cand = self._guess(g, start, end, out, taken, parens, m.group(), kind_word=m.group("kind").lower())
            if cand is not None:
                out.append(cand)
                taken.append((cand.start, cand.end))
        out.sort(key=lambda c: c.start)
        # an unnamed noun in apposition to a named place ("Ratla, a village southeast of") adds nothing
        keep: list[PlaceCand] = []
        for c in out:
            if c.source == "unnamed" or (c.source == "city-ref" and c.part_of_city):
                prev = [p for p in keep if p.ref is not None and 0 <= c.start - p.end <= 14
                        and re.fullmatch(r"\s*,\s*[\"“]?(?:one of\s+)?(?:\[[^\]]*\]\s*)?", text[p.end:c.start])]
                if prev:
                    continue
            keep.append(c)
        return keep

    def _guess(self, g: re.Match, start: int, end: int, out, taken, parens, lead: str, kind_word: str | None = None) -> PlaceCand | None:
        a, b = g.start("name"), g.end("name")
        name = g.group("name")
        words = name.split()
        # trim trailing words that are not part of a place name
        while words and (words[-1].lower() in _GUESS_STOP or words[-1].lower() in _MONTHS):
            words.pop()
        if not words:
            return None
        name = " ".join(words)
        b = a + len(name)
        if words[0].lower() in _GUESS_STOP or words[0].lower() in _MONTHS or len(name) < 3 or name.isupper() and len(name) <= 5:
            return None
        if any(w.lower() in _ORG_WORDS for w in words):
            return None
        if self._overlaps(a, b, taken) or self._overlaps(a, b, self.actor_spans) or self._overlaps(a, b, parens):
            return None
        if any(c.start <= a < c.end for c in out):
            return None
        nxt = self.text[b:b + 25]
        nw = re.match(r"\s+([a-z][\w-]*)", nxt)
        if nw and nw.group(1) not in _PLACE_FOLLOWERS:
            return None  # "<nationality> advance", "<nationality> forces": an adjective
        if re.match(r"\s*(?:[-–]?(?:led|backed|held|based|controlled)|\s+(?:forces|troops|army|fighters|militants|soldiers|units|brigade|government|officials?|media|sources|military|commander|leader|spokesman|president|minister)\b)", nxt, re.IGNORECASE):
            return None
        prev = self.text[max(start, a - 25):a].lower()
        if re.search(r"\b(?:leader|commander|spokesman|spokeswoman|general|colonel|president|minister|mr|mrs|dr|emir|chief|officer|journalist|brother|son|named)\s+$", prev):
            return None
        kind = {"village": "village", "hamlet": "village", "settlement": "village", "town": "city", "city": "city",
                "suburb": "neighbourhood", "district": "neighbourhood", "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood"}.get(kind_word or "", "village")
        follow = re.match(r"\s+(village|town|city|district|neighbo(?:u)?rhood|suburb)\b", nxt, re.IGNORECASE)
        if follow:
            kind = {"village": "village", "town": "city", "city": "city"}.get(follow.group(1).lower(), "neighbourhood")
        return PlaceCand(a, b, _text_ref(name, kind), kind, "guess")

    def _bare_site(self, phrase_start: int, a: int, b: int, word: str, plural: bool) -> PlaceCand:
        """"the dam", "the airport": the site of that kind the document named before ("X Dam"),
        else an unnamed site -- a bare common noun is not a name."""
        if not plural:
            ends, names = self._named_sites(word.lower())
            i = bisect.bisect_right(ends, phrase_start)
            if i:
                return PlaceCand(phrase_start, b, self._site_ref(names[i - 1]), "site", "site")
        return PlaceCand(phrase_start, b, None, "site", "unnamed", count=None if plural else 1)

    def _named_sites(self, word: str) -> tuple[list[int], list[str]]:
        """Ends and names of every "X Dam" the text names for a site noun, found once per noun."""
        cache = self._named_site_cache
        if word not in cache:
            ends: list[int] = []
            names: list[str] = []
            for g in re.finditer(r"((?:(?:al|el|ar|as|ad|an|at)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'’-]*){0,3})\s+(?i:"
                                 + re.escape(word) + r")(?![\w-])", self.text):
                name = re.sub(r"^(?:(?:The|A|An|This|That|Its|Their|In|On|At|Of|By)\s+)+", "", g.group(1))
                if name and name.split()[0] not in ("The", "A", "An"):
                    ends.append(g.end())
                    names.append(g.group(1)[len(g.group(1)) - len(name):] + self.text[g.end(1):g.end()])
            cache[word] = (ends, names)
        return cache[word]

    def _site_ref(self, name: str) -> PlaceRef:
        """The places stage's entry for a site name when it has one (its aliases), else the name."""
        return self._mention_by_text.get(name.lower()) or _text_ref(name, "site")

    def _noun_phrase(self, m: re.Match, toks: list[Tok], start: int, end: int, out: list[PlaceCand],
                     taken: list[tuple[int, int]], recent_villages: list[PlaceRef | None]) -> PlaceCand | None:
        text = self.text
        a, b = m.start(), m.end()
        word = m.group()
        low = word.lower()
        base = low[:-2] if low.endswith("es") and low[:-2] in self.site_nouns else low[:-1] if low.endswith("s") and low[:-1] in self.site_nouns | self.village_nouns | {"town"} else low
        if base in self.site_nouns or low in self.site_nouns:
            kind = "site"
        elif base in self.village_nouns or low in self.village_nouns:
            kind = "village"
        elif base in ("town", "towns"):
            kind = "city"
        elif low in self.part_nouns:
            kind = "part"
        else:
            return None
        plural = low != base or low in self.part_nouns or low.endswith("s") and low not in self.site_nouns
        k = next((t.i for t in toks if t.start >= a), None)
        if k is None:
            return None
        mods: list[Tok] = []
        det: Tok | None = None
        j = k - 1
        while j >= 0 and toks[j].start >= start and len(mods) < 5:
            tk = toks[j]
            if tk.low in _DET_WORDS or tk.text[:1].isdigit():
                det = tk
                break
            if not tk.is_word or tk.low in _STOP_WORDS:
                break
            held = bool(re.search(r"[-–](?:held|controlled|run|occupied|led|backed|besieged)$", tk.low))
            if not held and (self._overlaps(tk.start, tk.end, self.actor_spans) or self._overlaps(tk.start, tk.end, self.trigger_spans)):
                break
            if self._overlaps(tk.start, tk.end, taken):
                break
            mods.insert(0, tk)
            j -= 1
        follow = text[b:b + 60]
        phrase_start = det.start if det is not None else (mods[0].start if mods else a)
        caps = [t for t in mods if t.cap or re.match(r"(?:al|el|ar|as|ad|ash|an|at)-[A-Z]", t.text)]
        if word[:1].isupper() and mods and len(caps) == len(mods):
            name = text[mods[0].start:b]
            return PlaceCand(mods[0].start, b, _text_ref(name, "site" if kind == "site" else kind), "site" if kind == "site" else kind, "site")
        if caps and kind != "site":
            return None
        named_after = any(b < c.start <= b + 30 and re.fullmatch(r"\s*(?:of|called|named|known as)\s+(?:the\s+)?", text[b:c.start]) for c in out)
        if named_after or re.match(r"\s*(?:of|called|named|known as)\s+(?:the\s+)?(?:(?:al|el|ar|as|ad|an|at)-)?[A-Z\d]", follow) or re.match(r"\s*:", follow) \
                or re.match(r"\s+(?:al-|el-)?[A-Z]", follow):
            return None  # the name follows ("the village of X", "the neighborhoods X, Y")
        dl = det.low if det is not None else None
        definite = dl in ("the", "its", "their", "his", "her", "this", "that")
        if kind == "part":
            if self.focus is None:
                return None
            if dl in ("this", "that") or (definite and not plural):
                return None
            return PlaceCand(phrase_start, b, self.focus, self.focus.kind, "city-ref", part_of_city=True)
        if definite:
            if kind == "village":
                if not plural and recent_villages and dl == "the":
                    ref = recent_villages[-1]
                    if ref is None:
                        return PlaceCand(phrase_start, b, None, "village", "unnamed", count=1, anaphoric=True)
                    return PlaceCand(phrase_start, b, ref, ref.kind, "places", anaphoric=True)
                return None
            if kind == "city":
                return None
            words = [t.text for t in mods if t.low not in _SITE_ADJ_DROP
                     and not re.search(r"[-–](?:held|controlled|run|occupied|led|backed)$", t.low)]
            if caps and len(caps) != len(mods):
                words = [t.text for t in mods if t in caps or t.low not in _SITE_ADJ_DROP]
            if not words and base in _GENERIC_SITES:
                return None
            if dl in ("this", "that") or (dl in ("its", "their", "his", "her") and not words):
                return None
            if not words and " " not in word.strip():
                return self._bare_site(phrase_start, a, b, word, plural)
            name = " ".join(words + [word])
            return PlaceCand(a if not words else text.index(words[0], phrase_start), b, _text_ref(name, "site"), "site", "site")
        if kind == "city" and any(t.low in self.directions for t in mods):
            return None
        if dl is None and kind == "site" and not plural:
            return None  # a bare singular noun: "hospital staff", "camp conditions"
        count = None
        if dl is not None:
            count = int(dl) if dl.isdigit() else _NUMBER_WORDS.get(dl)
        return PlaceCand(phrase_start, b, None, kind, "unnamed", count=count)

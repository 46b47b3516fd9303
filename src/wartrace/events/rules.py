"""Clause-level event rules: triggers, what cancels them, the places they govern.

One ``SentenceReader`` per document reads sentence after sentence:

1. trigger matches from the lexicon (longest match wins), plus the structural finders
   for declarations (operation + start/end verb, announcement + victory/control) and
   discoveries (finding verb + grave/cache/tunnel/bodies);
2. filters: names ("Battle of X"), parentheses, adjectival participles ("besieged
   fighters"), negation, modality and non-factive infinitives ("attempted to", "in an
   effort to"), hypotheticals, back-references ("these attacks", "With X captured"),
   habitual and meta statements, commentary on nominal captures ("the fall of X is ...");
3. places: each trigger governs the places after it up to the next trigger or clause end
   (before it, for subject-place and passive triggers); locators ("north of X", "in
   eastern X" after a place) and possessive locators are dropped; a trigger without a
   place of its own takes the place of the nearest trigger that has one, else the
   document's focus city;
4. capture -> advance when partial control is stated, for an unnamed part of a city,
   or for an ongoing (progressive) capture;
5. actors and target, date (a clause's own date expression wins over the sentence date).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from wartrace.events.lexicon import Lexicon, TriggerEntry
from wartrace.events.places import CITY_KINDS, PlaceCand, PlaceFinder, distance_km
from wartrace.events.roles import (CIVILIANS, DocActors, after_agent_by, after_target_prep, is_belligerent,
                                   supporting)
from wartrace.events.text import (BE_FORMS, HAVE_FORMS, Chunk, Tok, chunk_sentence, looks_past_verb, paren_spans,
                                  tokenize)
from wartrace.model import ActorMention, PlaceMention, PlaceRef, Sentence, SentenceDate, Timex

DETERMINERS = frozenset("the a an this that these those its their his her our your my some any each every no".split())
ADVERB_SKIP = frozenset(
    """also then later subsequently finally eventually reportedly allegedly already again further completely fully
    partially partly largely mostly almost nearly successfully quickly rapidly slowly heavily officially reportedly
    briefly temporarily effectively apparently once initially still just soon now newly recently""".split()
)
PREPOSITIONS = frozenset("of in on at to from by with into onto for against between among near toward towards over under through".split())
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
TERRITORIAL = frozenset({"capture", "advance"})
_ATTRIBUTIVE_HEADS = frozenset(
    """positions position units unit force forces men age season capability capabilities strength vehicles vehicle
    groups group drone drones operations operation aircraft helicopters helicopter jets planes troops brigade brigades
    battalion battalions experience skills training zone zones spirit power pilots pilot sorties engineers engineer
    team teams mission missions boats boat dogs dog shelters shelter squad squads disposal threat threats makers maker
    factory factories plot plots scare victims victim survivors helicopter craters crater proof resistant rifle rifles
    weapon weapons gun guns craft ship ships vessel vessels fleet route routes corridor plan plans planning planners
    capability army armies""".split()
)
REMOTE = frozenset({"airstrike", "shelling", "explosion"})


@dataclass
class Trig:
    type: str
    start: int
    end: int
    entry: TriggerEntry | None
    source: str = "lexicon"  # lexicon | declaration | discovery | official
    pos: str = "verb"
    chunk: Chunk | None = None
    passive: bool = False
    progressive: bool = False
    partial_aspect: bool = False
    places: list[tuple[PlaceCand, bool]] = field(default_factory=list)  # (place, partial)
    own_places: bool = False
    inherited: bool = False
    initiator: str | None = None
    initiator_explicit: bool = False
    co_actors: list[str] = field(default_factory=list)
    target: str | None = None
    target_explicit: bool = False
    factuality: str = "asserted"
    loser: str | None = None  # the actor who lost (loser-subject triggers)
    generic: bool = False
    no_focus_default: bool = False
    evidence_end: int = 0


@dataclass
class Found:
    """One event read from a sentence, before it becomes a model.Event."""

    type: str
    start: int
    end: int
    sentence: int
    place: PlaceCand | None
    actors: tuple[str, ...]
    target: str | None
    date: str | None
    precision: str | None
    factuality: str
    trigger: tuple[int, int]


def _date_of_timex(t: Timex) -> tuple[str, str] | None:
    if t.type not in ("DATE", "TIME") or not t.value:
        return None
    m = _DATE_RE.match(t.value)
    if not m:
        return None
    y, mo, d = m.groups()
    prec = t.precision or ("day" if d else "month" if mo else "year")
    if prec == "week" and d:
        return f"{y}-{mo}-{d}", "week"
    if d and prec == "day":
        return f"{y}-{mo}-{d}", "day"
    if mo and prec in ("day", "month", "week"):
        return f"{y}-{mo}", "month"
    return y, "year"


class SentenceReader:
    def __init__(self, lex: Lexicon, text: str, sentences: tuple[Sentence, ...], dates: tuple[SentenceDate, ...],
                 timexes: tuple[Timex, ...], places: tuple[PlaceMention, ...], actors: tuple[ActorMention, ...],
                 focus: PlaceRef | None, title: str | None):
        self.lex = lex
        self.text = text
        self.sentences = sentences
        self.dates = {d.sentence: d for d in dates}
        self.timexes = sorted(timexes, key=lambda t: t.start)
        self._tx_starts = [t.start for t in self.timexes]
        self.actors = sorted(actors, key=lambda m: m.start)
        self._ac_starts = [m.start for m in self.actors]
        self.place_mentions = sorted(places, key=lambda m: m.start)
        self.focus = focus
        self.title = (title or "").lower()
        self.doc_actors = DocActors(text, list(self.actors))
        # word lists
        w = lex
        self.neg_re = w.regex("negations")
        self.modal_re = w.regex("modal_words")
        self.hypo_re = w.regex("hypothetical")
        self.habit_re = w.regex("habitual")
        self.meta_re = w.regex("meta_predicates")
        self.report_re = w.regex("reporting_words")
        self.official_re = w.regex("official_speakers")
        self.deny_re = w.regex("denial_verbs")
        self.initial_report_re = re.compile(r"\binitial(?:ly)?\s+(?:was\s+|were\s+)?(?:reported|reports?|claimed|said)\b", re.IGNORECASE)
        self.partial_before = w.phrases("partial_before")
        self.partial_aspect_re = w.regex("partial_aspect")
        self.full_before = w.phrases("full_before")
        self.nonfactive = w.set("nonfactive_governors")
        self.factive = w.set("factive_governors")
        self.backref_det = w.set("backref_determiners")
        self.backref_prep = w.phrases("backref_prepositions")
        self.context_prep_re = re.compile(r"(?:^|\b)(?:" + "|".join(re.escape(p) for p in w.phrases("context_prepositions"))
                                          + r")\s+(?:[\w'’-]+\s+){0,3}$")
        self.civ_words = w.set("civilian_movers")
        self.combatant_words = w.set("combatant_words")
        self.air_re = w.regex("air_words")
        self.art_re = w.regex("artillery_words")
        self.support_re = w.regex("support_cues")
        self.locator_phrases = w.phrases("locator_phrases")
        self.directions = w.set("directions")
        self.imperatives = w.set("imperative_starts")
        self.op_nouns = w.set("operation_nouns")
        self.start_verbs = w.phrases("start_verbs")
        self.end_verbs = w.phrases("end_verbs")
        self.announce_re = w.regex("announce_verbs")
        self.announce_obj_re = w.regex("announce_objects")
        self.disc_verb_re = w.regex("discovery_verbs")
        self.disc_obj_re = w.regex("discovery_objects")
        # every lexicon match in the document, once
        matches = []
        for e in lex.entries:
            for m in e.regex.finditer(text):
                matches.append((m.start(), m.end(), e))
        matches.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        self.matches = matches
        self._m_starts = [m[0] for m in matches]
        self.placefinder = PlaceFinder(lex, text, list(places), focus, [(m.start, m.end) for m in self.actors],
                                       [(m[0], m[1]) for m in matches])
        self.skip_sentences = self._skipped_sections()
        self._cache: dict[int, tuple] = {}
        self._si = 0
        self.air_actors: set[str] = set()
        counts = __import__("collections").Counter(
            m.place.id for m in places if m.place.kind == "country" and not re.match(r" [a-z]|[-–]", text[m.end:m.end + 2]))
        self.main_country = counts.most_common(1)[0][0] if counts else None
        self.restart()

    def restart(self) -> None:
        """Forget what the pass read so far: the next pass over the document starts afresh."""
        self.recent_villages: list[PlaceRef | None] = []
        self.prev_found: list[Found] = []
        self.told: dict[tuple, int] = {}  # (type, place key) -> first sentence that told it
        self.last_told: dict[str, int] = {}  # type -> last sentence that told one

    # --- document scope ----------------------------------------------------------------

    def _skipped_sections(self) -> set[int]:
        skip_heads = self.lex.set("section_skip")
        out: set[int] = set()
        skipping = False
        level = 0
        for i, s in enumerate(self.sentences):
            if s.heading:
                raw = self.text[s.start:s.end].strip().strip("#=").strip().lower()
                raw = re.sub(r"[^\w\s-]", "", raw).strip()
                lvl = 1
                if skipping and lvl <= level:
                    skipping = False
                if raw in skip_heads or any(raw.endswith(" " + h) or raw.startswith(h + " ") for h in skip_heads if " " not in h and h in ("reactions", "references", "notes")):
                    skipping = True
                    level = lvl
                else:
                    skipping = False
                out.add(i)
                continue
            if skipping:
                out.add(i)
        return out

    # --- helpers -----------------------------------------------------------------------

    def _actors_in(self, a: int, b: int) -> list[ActorMention]:
        i = bisect.bisect_left(self._ac_starts, a)
        out = []
        while i < len(self.actors) and self.actors[i].start < b:
            if self.actors[i].end <= b:
                out.append(self.actors[i])
            i += 1
        return out

    def _timexes_in(self, a: int, b: int) -> list[tuple[int, Timex]]:
        i = bisect.bisect_left(self._tx_starts, a)
        out = []
        while i < len(self.timexes) and self.timexes[i].start < b:
            out.append((i, self.timexes[i]))
            i += 1
        return out

    def _tok_at(self, toks: list[Tok], pos: int) -> int:
        for t in toks:
            if t.start <= pos < t.end or t.start >= pos:
                return t.i
        return len(toks)

    # --- main entry --------------------------------------------------------------------

    def read(self, si: int) -> list[Found]:
        s = self.sentences[si]
        self._si = si
        if s.heading or si in self.skip_sentences:
            return []
        cached = self._cache.get(si)
        if cached is not None:
            trigs, toks, chunks, places, sent, a, b = cached
            self._official_declarations(trigs, sent, a, b)
            return self._emit(si, s, trigs, toks, chunks, places)
        text = self.text
        a, b = s.start, s.end
        sent = text[a:b]
        toks = tokenize(text, a, b)
        if not toks:
            return []
        if sent.rstrip().endswith("?"):
            return []
        if toks[0].low in self.imperatives and len(toks) > 1 and toks[0].text[:1].isupper() \
                and toks[1].low not in BE_FORMS | HAVE_FORMS | {"of", ",", "'s", "’s"} and not toks[1].low.endswith("ed") \
                and not any(m.start < toks[1].end and m.end > toks[0].start for m in self.place_mentions):
            return []
        if toks[0].low in ("if", "unless", "should"):
            return []
        if self._defines_subject(sent):
            return []
        lead = [x.low for x in toks[:4] if x.is_word]
        if len(lead) >= 2 and lead[0] in ("we", "i") and lead[1] in ("will", "would", "must", "should", "shall", "'ll", "call", "urge", "demand", "ask"):
            return []
        parens = paren_spans(text, a, b)
        places = self.placefinder.candidates(a, b, toks, parens, self.recent_villages)
        chunks = chunk_sentence(toks, a, b, [(p.start, p.end) for p in places])
        title_case = self._title_case(toks)
        headline = si == 0 or title_case or (s.paragraph == 0)
        trigs = self._lexicon_triggers(a, b)
        trigs += self._declarations(a, b, toks, chunks, places, parens)
        trigs += self._discoveries(a, b, toks, chunks, parens)
        trigs = self._resolve_overlaps(trigs)
        for t in trigs:
            t.chunk = self._chunk_of(chunks, t.start)
        trigs = [t for t in trigs if self._keep(t, toks, chunks, places, sent, headline, trigs)]
        self._assign_places(trigs, toks, chunks, places)
        trigs = self._adjust_types(trigs, toks, chunks, places)
        self._cache[si] = (trigs, toks, chunks, places, sent, a, b)
        self._official_declarations(trigs, sent, a, b)
        found = self._emit(si, s, trigs, toks, chunks, places)
        for p in places:
            if p.ref is not None and p.ref.kind == "village" and not p.anaphoric:
                self.recent_villages.append(p.ref)
            elif p.source == "unnamed" and p.kind == "village" and p.count == 1:
                self.recent_villages.append(None)  # "a village near X": a later "the village" is unnamed too
        self.recent_villages = self.recent_villages[-3:]
        return found

    def _defines_subject(self, sent: str) -> bool:
        """"The Battle of X was a military engagement during ...": the lead's definition of the
        document's subject names the battle and its war, it tells no event of its own."""
        name = re.sub(r"\s*\(.*?\)\s*", " ", self.title).strip()
        if len(name) < 4:
            return False
        plain = re.sub(r"[*_]", "", sent).strip().lower()
        plain = re.sub(r"^the\s+", "", plain)
        if not plain.startswith(name):
            return False
        rest = re.sub(r"\s*\(.*?\)", "", plain[len(name):])
        return bool(re.match(r"(?:\s*,[^,]{0,80},)?\s+(?:was|is|were|are)\s+(?:a|an|the|one)\b", rest))

    def _title_case(self, toks: list[Tok]) -> bool:
        words = [t for t in toks if t.is_word and len(t.text) > 3]
        if len(words) < 4:
            return False
        return sum(t.cap for t in words) >= 0.8 * len(words)

    def _chunk_of(self, chunks: list[Chunk], pos: int) -> Chunk:
        for c in reversed(chunks):
            if c.start <= pos:
                return c
        return chunks[0]

    # --- 1. triggers ---------------------------------------------------------------------

    def _lexicon_triggers(self, a: int, b: int) -> list[Trig]:
        i = bisect.bisect_left(self._m_starts, a)
        out: list[Trig] = []
        while i < len(self.matches) and self.matches[i][0] < b:
            ms, me, e = self.matches[i]
            i += 1
            if me > b:
                continue
            out.append(Trig(e.type, ms, me, e, pos=e.pos, generic=e.generic))
        return out

    def _resolve_overlaps(self, trigs: list[Trig]) -> list[Trig]:
        trigs.sort(key=lambda t: (t.start, -(t.end - t.start)))
        out: list[Trig] = []
        for t in trigs:
            clash = [o for o in out if t.start < o.end and o.start < t.end]
            if not clash:
                out.append(t)
                continue
            # structural finders (declaration, discovery) coexist with lexicon triggers
            if t.source != "lexicon" or any(o.source != "lexicon" for o in clash):
                if all(o.type != t.type for o in clash):
                    out.append(t)
                continue
            longer = [o for o in clash if (o.end - o.start) >= (t.end - t.start)]
            if longer:
                continue
            for o in clash:
                out.remove(o)
            out.append(t)
        out.sort(key=lambda t: t.start)
        return out

    def _declarations(self, a, b, toks, chunks, places, parens) -> list[Trig]:
        text = self.text
        out: list[Trig] = []
        for k, t in enumerate(toks):
            low = t.low
            # operation noun + start/end verb ("the battle began", "was launched", "came to an end")
            if (low in self.op_nouns or (k == 0 and low == "it")) and not (k > 0 and any(x.low in ("after", "before", "since", "until", "when", "once") for x in toks[max(0, k - 3):k])):
                if low in ("fighting", "war") and not self._end_after(toks, k):
                    continue
                if t.cap and k > 0 and not self._title_named(toks, k):
                    continue
                ch = self._chunk_of(chunks, t.start)
                if low == "it" and k == 0:
                    hit = self._verb_after(toks, k, self.start_verbs + self.end_verbs, ch)
                    if hit is None:
                        continue
                    out.append(Trig("declaration", t.start, hit, None, source="declaration", pos="verb"))
                    continue
                hit = self._verb_after(toks, k, self.start_verbs + self.end_verbs, ch)
                is_end = hit is not None and any(text[t.end:hit].lower().rstrip().endswith(v) for v in self.end_verbs)
                if hit is not None:
                    if low in ("offensive", "assault", "siege"):
                        continue
                    if not is_end and not self._dated_timex(a, b, parens):
                        continue  # "the battle began in the wake of ...": no date, no declaration
                    out.append(Trig("declaration", t.start, hit, None, source="declaration", pos="verb"))
                    continue
                # verb before the noun: "launched a military operation"
                if low in ("operation", "campaign", "phase", "operations"):
                    j = k - 1
                    while j >= max(0, k - 4) and (toks[j].low in DETERMINERS or toks[j].is_word and toks[j].low not in PREPOSITIONS):
                        if any(toks[j].low == v for v in self.start_verbs if " " not in v) and self._dated_timex(a, b, parens):
                            out.append(Trig("declaration", toks[j].start, t.end, None, source="declaration", pos="verb"))
                            break
                        j -= 1
        # announcement verb + victory/liberation/control object
        for m in self.announce_re.finditer(text, a, b):
            ch = self._chunk_of(chunks, m.start())
            window = text[m.end():min(ch.end, m.end() + 90)]
            obj = self.announce_obj_re.search(window)
            if obj is None:
                continue
            if re.search(r"\b(?:that|if|whether)\b", window[:obj.start()]):
                continue  # "announced that X had captured Y": the embedded event speaks for itself
            out.append(Trig("declaration", m.start(), m.end() + obj.end(), None, source="declaration", pos="verb"))
        return out

    def _dated_timex(self, a: int, b: int, parens) -> bool:
        sd = self.dates.get(self._si)
        if sd is not None and not sd.inherited and sd.precision in ("day", "week", "month") and sd.timex is None and not self.timexes:
            return True  # no date expressions were handed over, only sentence dates
        for _, x in self._timexes_in(a, b):
            if any(pa <= x.start < pb for pa, pb in parens):
                continue
            d = _date_of_timex(x)
            if d is not None and d[1] in ("day", "week", "month"):
                return True
        return False

    def _end_after(self, toks, k) -> bool:
        rest = " ".join(t.low for t in toks[k + 1:k + 6])
        return any(rest.startswith(v) or (" " + v) in (" " + rest) for v in self.end_verbs)

    def _title_named(self, toks, k) -> bool:
        """A capitalised operation noun ("the Battle of X") counts only if it is the document's subject."""
        name = " ".join(t.low for t in toks[k:k + 5])
        return bool(self.title) and any(w in self.title for w in name.split()[2:4] if len(w) > 3)

    def _verb_after(self, toks, k, verbs, ch: Chunk) -> int | None:
        """End offset of a start/end verb within 8 tokens after toks[k] in the same clause."""
        text = self.text
        for j in range(k + 1, min(len(toks), k + 9)):
            if toks[j].start >= ch.end + 1 and toks[j].start > ch.end:
                break
            if toks[j].text in (";",):
                break
            rest = text[toks[j].start:toks[j].start + 30].lower()
            for v in verbs:
                if rest.startswith(v) and (len(rest) == len(v) or not rest[len(v)].isalpha()):
                    return toks[j].start + len(v)
        return None

    def _discoveries(self, a, b, toks, chunks, parens) -> list[Trig]:
        out = []
        for m in self.disc_verb_re.finditer(self.text, a, b):
            ch = self._chunk_of(chunks, m.start())
            lo, hi = max(ch.start, m.start() - 80), min(ch.end, m.end() + 80)
            if self.disc_obj_re.search(self.text, lo, hi):
                t = Trig("discovery", m.start(), m.end(), None, source="discovery", pos="verb")
                t.no_focus_default = True
                out.append(t)
        return out

    # --- 2. filters --------------------------------------------------------------------

    def _keep(self, t: Trig, toks, chunks, places, sent, headline, all_trigs) -> bool:
        text = self.text
        ch = t.chunk
        k = self._tok_at(toks, t.start)
        if k >= len(toks):
            return False
        first = toks[k]
        # inside parentheses
        if any(pa <= t.start < pb for pa, pb in paren_spans(text, toks[0].start, toks[-1].end)):
            return False
        # part of a name ("Battle of X", "Operation Y") unless the line is in title case
        if first.cap and not first.text.isupper() and k > 0 and not self._title_case(toks) and t.source == "lexicon" \
                and toks[k - 1].text not in ('"', "“", "‘", "'", ":", "—", "-", "(") \
                and not (t.entry is not None and t.entry.context == "air_support"):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if (nxt is not None and nxt.low == "of") or toks[k - 1].cap or (nxt is not None and nxt.cap):
                return False
        e = t.entry
        t.pos = self._effective_pos(t, toks, k)
        # adjectival participles and nouns of territorial verbs
        if e is not None and t.type in TERRITORIAL | {"displacement", "violence_against_civilians", "agreement"} and e.pos == "verb":
            j = k - 1
            while j >= 0 and (toks[j].low in ADVERB_SKIP or (toks[j].low.endswith("ly") and len(toks[j].low) > 4)):
                j -= 1
            pj = toks[j] if j >= 0 else None
            if pj is not None and (pj.low in DETERMINERS or pj.text[:1].isdigit() or pj.low in ("fifteen", "two", "three", "four", "five")) \
                    and first.low.endswith(("ed", "en", "ing", "ure", "ion", "ance", "ances", "s")) and t.end - t.start == len(first.text):
                if not (t.type == "clash" or e.nominal):
                    return False
            # "the advance of", "advances were slow": a noun, not the verb
            if first.low in ("advance", "advances", "capture", "captures", "surrender", "evacuation", "rescue", "escape"):
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                if pj is not None and (pj.low in DETERMINERS or (pj.low in PREPOSITIONS and pj.low != "to") or (pj.cap and first.low.endswith("s"))):
                    if not (first.low in ("surrender", "evacuation") and pj.low in ("the", "a", "an") and t.type != "agreement"):
                        return False
                if nxt is not None and nxt.low in ("of", "was", "were", "is", "are"):
                    return False
            if first.low.endswith("ing") and t.type in TERRITORIAL and pj is not None and pj.low in ("of", "about") \
                    and not re.search(r"\b(?:process|verge|brink|course|midst|act|capable|charge)\s+of\s+$", text[max(0, t.start - 30):t.start].lower()):
                return False
            # adjectival -ing before an actor ("advancing rebel units")
            if first.low.endswith("ing") and pj is not None and (pj.low in PREPOSITIONS or pj.low in DETERMINERS):
                nxt_actor = self._actors_in(t.end, t.end + 30)
                if nxt_actor and nxt_actor[0].start - t.end <= 2:
                    return False
        nxt_tok = toks[k + 1] if k + 1 < len(toks) else None
        if t.type == "displacement" and first.low.endswith("ing") and t.end == first.end and nxt_tok is not None \
                and (nxt_tok.low in self.civ_words or nxt_tok.low in self.combatant_words):
            return False
        if nxt_tok is not None and t.end == first.end and (t.pos == "noun" or first.low in ("fighting", "bombing", "bomb", "shelling", "combat", "attack", "assault", "raiding", "strike", "air", "artillery", "mortar", "rocket", "missile", "suicide", "clearing", "siege", "explosion", "blast", "invasion")) \
                and nxt_tok.low in _ATTRIBUTIVE_HEADS:
            return False
        # context conditions
        if e is not None and e.context and not self._context_ok(e.context, t, toks, k, ch, places, sent):
            return False
        # object required: a place must follow
        if e is not None and e.object_required and not self._object_follows(t, toks, k, places, ch):
            return False
        floor = ch.first_tok
        before_text = text[toks[max(floor, k - 6)].start:t.start].lower() if k > floor else ""
        # negation right before the trigger (or its auxiliary)
        if self._negated(t, toks, k, floor) or (t.generic and re.search(r"\b(?:no|little|not)\b", text[t.start:t.end].lower())) \
                or re.search(r"\bnot\s+(?:all|every|many|much)\b", text[ch.start:t.start].lower()):
            t.factuality = "negated"
            return False
        # modality / non-factive infinitive / hypothetical
        if self._modal(t, toks, k, floor, ch):
            t.factuality = "hypothetical"
            return False
        if self.hypo_re.search(text, toks[max(floor, k - 4)].start if k > floor else t.start, t.start):
            return False
        if re.search(r"\b(?:possibility|chance|danger|threat|risk|fears?|prospect)\s+(?:of|that)\b[^,;.]{0,40}$", text[ch.start:t.start].lower()):
            return False  # "the possibility of X committing a massacre"
        prev_ch = chunks[ch.index - 1] if ch.kind == "comp" and ch.index > 0 else None
        if self.deny_re.search(text, ch.start, t.start) or (prev_ch is not None and self.deny_re.search(text, prev_ch.start, prev_ch.end)):
            t.factuality = "denied"
            return False
        # back-references: "these attacks", "such airstrikes", "its capture", "under the agreement"
        if t.pos == "noun" or (first.low.endswith(("s", "ing", "ion")) and e is not None and e.pos == "verb" and t.type not in TERRITORIAL):
            j = k - 1
            while j >= floor and (toks[j].low in ADVERB_SKIP or toks[j].low in ("continued", "repeated", "heavy", "major", "fierce", "intense", "new", "latest", "last", "recent", "renewed", "previous", "earlier", "ongoing", "close-quarter", "other") or (toks[j].is_word and toks[j].low.endswith(("ive", "al", "ful")) and toks[j].low not in DETERMINERS)):
                j -= 1
            if j >= floor and toks[j].low in self.backref_det:
                if not (toks[j].low == "that" and j > 0 and toks[j - 1].low in ("said", "stated")):
                    return False
            if t.type == "agreement" and any(before_text.endswith(p + " ") or before_text.endswith(p) for p in ("under the", "under this", "under that")):
                return False
            if t.pos == "noun" and t.type not in TERRITORIAL | {"declaration", "discovery"} and any(
                    re.search(r"\b" + re.escape(bp) + r"\s+(?:[\w-]+\s+){0,1}$", before_text) for bp in self.backref_prep + ("in course of the", "in the course of the", "in course of", "amid the")) \
                    or re.search(r"\bduring\s+the\s+$", before_text) \
                    or re.search(r"\b(?:start|beginning|end|course|height|first day|outset|wake)\s+of\s+the\s+(?:[\w-]+\s+)?$", before_text) \
                    or re.search(r"(?:^|\s)little\s+(?:[\w-]+\s+)?$", before_text):
                return False
            if t.type == "clash" and any(before_text.rstrip().endswith(p) for p in ("by the heavy", "by the", "due to the", "because of the")):
                return False
            if t.pos == "noun" and t.type not in TERRITORIAL | {"declaration", "discovery"} and self._framing_noun(t, ch):
                return False
            if t.pos == "noun" and t.type in REMOTE | {"clash"} and self._refers_back(t, ch):
                return False
        if t.pos == "noun" and t.type != "declaration":
            pre2 = text[max(ch.start, t.start - 40):t.start].lower()
            if re.search(r"\bfor\s+(?:[\w'’#-]+\s+){0,2}$", pre2) and not re.search(r"\b(?:fighting|battle|battles)\s+for\b", pre2):
                return False
            if re.search(r"\b(?:killed|died|wounded|injured|lost)\s+(?:in|during)\s+the\s+(?:[\w-]+\s+){0,2}$", pre2):
                return False
            if re.search(r"\b(?:killed|died|wounded|injured|lost|deaths?)\s+(?:by|in|from|during|as a result of|due to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", pre2) \
                    and re.search(r"\b(?:according to|say|says|said|reported|report|estimates?|estimated|monitors?|investigation|documented|tally|toll|overall|in total|total)\b", sent.lower()):
                return False
        if k == 1 and toks[0].low == "the" and t.pos == "noun" and t.type in ("clash", "airstrike", "shelling", "explosion") \
                and any(f.type in ("clash", "airstrike", "shelling", "explosion") and f.sentence == self._si - 1 for f in self.prev_found):
            return False  # "The attack severed ...": the event of the previous sentence
        # a gerund subject: "Taking X was deemed a key objective"
        if k == 0 and first.low.endswith("ing") and t.type in TERRITORIAL:
            return False
        if toks[0].low == "with" and k < len(toks) and first.low.endswith("ed") and not any(x.text == "," for x in toks[:k]):
            return False  # "With X captured, ..."
        # habitual, meta, imperative context
        if self.habit_re.search(text, ch.start, t.end):
            return False
        if self.meta_re.search(text, max(toks[0].start, t.start - 60), min(toks[-1].end, t.end + 100)) and t.type != "declaration":
            return False
        # relative clause describing an actor ("the group, which beheaded ...") is background
        if ch.kind == "rel" and t.type not in ("declaration",) and self._rel_about_actor(ch, toks):
            return False
        # nominal captures: headlines, announcements, "resulted in"
        if e is not None and e.nominal == "restricted":
            lead = text[max(ch.start, t.start - 60):t.start].lower()
            ended = any(o.type == "declaration" for o in all_trigs)
            if not (headline or self.announce_re.search(lead) or re.search(r"\b(?:resulted in|led to|ended with|culminat\w+ in|marking|marked)\s+(?:the\s+)?$", lead)
                    or (ended and re.search(r"\bwith\s+(?:the\s+)?$", lead))):
                return False
        # commentary: the event noun is the subject of an evaluative copula ("the fall of X is a symbol")
        if t.pos == "noun" and t.type in TERRITORIAL and re.search(r"\b(?:is|was|are|were|would be|will be)\s+(?:a|an|the|certainly|likely|seen|regarded|considered|also)\b", text[t.end:min(ch.end, t.end + 80)]):
            return False
        if t.type == "clash" and re.match(r"\s+(?:was|is|were|are|had been|has been)\s+(?:now\s+|finally\s+|effectively\s+)?(?:over|finished|ended)\b", text[t.end:t.end + 40]):
            return False
        if self.initial_report_re.search(text, toks[0].start, t.start):
            return False
        t.passive = self._passive(toks, k, floor)
        t.progressive = self._progressive(toks, k, floor)
        if self.partial_aspect_re.search(text, max(ch.start, t.start - 40), t.start):
            pre = re.sub(r"\s+", " ", re.sub(r"[\"“”‘’]", " ", text[max(ch.start, t.start - 40):t.start].lower()))
            if re.search(r"(?:began the process of|begun the process of|in the process of|close to|closer to|on the verge of|on the brink of|largely|partially|partly|mostly|almost|nearly|virtually|temporarily)\s+(?:\w+\s+)?$", pre) \
                    or re.search(r"\b(?:began|begun|started|begin)\s+(?:to\s+)?$", pre):
                t.partial_aspect = True
        return True

    def _refers_back(self, t: Trig, ch: Chunk) -> bool:
        """"the airstrikes resulted in ...", "injured in the attack": the definite noun names an
        event of the same type told in the last sentences, here only its outcome is new."""
        # any violent event told lately: "shelled ... One woman was injured from the attack"
        told = [self.last_told.get(x) for x in REMOTE | {"clash"}]
        if not any(x is not None and self._si - 3 <= x < self._si for x in told):
            return False
        pre = self.text[max(ch.start, t.start - 50):t.start].lower()
        if not re.search(r"\bthe\s+(?:[\w-]+\s+)?$", pre):
            return False
        post = self.text[t.end:min(ch.end, t.end + 40)].lower()
        outcome = r"^\s*(?:also\s+|reportedly\s+|then\s+)?(?:resulted in|results in|caused|causing|killed|left|destroyed|damaged|disrupted|wounded|injured|led to|forced|prompted)\b"
        victims = r"\b(?:killed|died|dead|wounded|injured|hurt)\s+(?:[\w-]+\s+){0,3}?(?:in|from|during|by)\s+the\s+(?:[\w-]+\s+)?$"
        return bool(re.match(outcome, post)) or bool(re.search(victims, pre))

    def _framing_noun(self, t: Trig, ch: Chunk) -> bool:
        """A noun that frames the report instead of telling an event: "during the 2022 invasion",
        "as part of the X offensive", "before the invasion"."""
        raw = self.text[max(ch.start, t.start - 60):t.start]
        if re.search(r"\bthe\s+(?:1[5-9]|20)\d\d(?:[-–]\d\d(?:\d\d)?)?\s+(?:[A-Z][\w'’-]*\s+){0,3}$", raw):
            return True  # "the 2016 Dabiq offensive", "in the 2022 Russian invasion": a named event, not a new one
        pre = re.sub(r"\s+", " ", raw.lower())
        if re.match(r"(?:invasion|incursion)", self.text[t.start:t.end].lower()) \
                and re.search(r"\bduring\s+the\s+(?:[\w'’-]+\s+){0,3}$", pre):
            return True  # "during the Russian invasion of X": the war's name
        return bool(self.context_prep_re.search(pre))

    def _effective_pos(self, t: Trig, toks, k) -> str:
        """Verb entries whose match is used as a noun ("the fighting", "heavy clashes", "an attack")."""
        if t.pos == "noun" or t.entry is None or t.type in TERRITORIAL:
            return t.pos
        first = toks[k]
        j = k - 1
        while j >= 0 and toks[j].text in ('"', "“", "”", "'", "‘", "’"):
            j -= 1
        while j >= 0 and toks[j].is_word and toks[j].low not in DETERMINERS and toks[j].low not in PREPOSITIONS \
                and toks[j].low not in BE_FORMS | HAVE_FORMS and toks[j].text[:1].islower() \
                and not looks_past_verb(toks[j]) and toks[j].low not in ("to", "and", "continued", "began", "started"):
            j -= 1
        pj = toks[j] if j >= 0 else None
        low = first.low
        if low.endswith("ed") or low in ("fought",):
            return "verb"
        if pj is not None and pj.low == "to" and j == k - 1 or (pj is not None and pj.low == "to" and all(x.text in ('"', "“", "”", "'", "‘", "’") for x in toks[j + 1:k])):
            return "verb"
        if pj is None or not pj.is_word or pj.low in DETERMINERS or pj.low in PREPOSITIONS:
            if pj is not None and pj.low == "to":
                return "verb"
            return "noun"
        if pj.low in BE_FORMS and low.endswith("ing"):
            return "verb"
        if j < k - 1:
            return "noun"  # adjectives before it: "heavy fighting", "fierce clashes"
        if any(m.start <= pj.start < m.end for m in self.actors) and not low.endswith("ing"):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and (nxt.low in DETERMINERS or nxt.cap):
                return "verb"
            return "noun"
        return "verb"

    def _context_ok(self, ctx: str, t: Trig, toks, k, ch, places, sent) -> bool:
        text = self.text
        win_a, win_b = max(ch.start, t.start - 80), min(ch.end, t.end + 60)
        window = text[win_a:win_b].lower()
        if ctx == "object_inside":
            return True
        if ctx == "not_physical_fall":
            return not re.match(r"\s+(?:on|onto|upon|near|in|into|from|off|short|silent|ill|asleep|apart|behind|back|below|by|to\s+(?:\d|the\s+ground))\b", text[t.end:t.end + 20].lower()) \
                and bool(re.match(r"\s*(?:to\b|$|[.,;]|\s+(?:on|in)\s+\d|\s+(?:after|following|within|without|later|again|once|that|this|on|in|by)\b)", text[t.end:t.end + 20]))
        if ctx == "not_for_a_cause":
            # "fought for change", "fighting international terrorism": a struggle, not a battle
            post = text[t.end:t.end + 50].lower()
            return not (re.match(r"\s+for\s+(?:(?:their|its|his|her|the|a|greater|more)\s+)?(?:change|freedom|independence|rights|justice|"
                                 r"democracy|equality|reform|reforms|recognition|autonomy|liberation|cause|survival|power|unity|dignity)\b", post)
                        or re.match(r"\s+(?:against\s+)?(?:international\s+|global\s+)?(?:terrorism|extremism|corruption|crime|poverty|"
                                    r"drugs|disease|fires?|wildfires)\b", post))
        if ctx == "place_in_sentence":
            return any(p.ref is not None for p in places)
        if ctx == "not_air":
            return not self.air_re.search(window)
        if ctx == "not_killed_in":
            return not re.search(r"\b(?:killed|died|wounded|injured)\s+in\s+$", text[max(ch.start, t.start - 25):t.start].lower())
        if ctx == "strike_noun":
            pre = text[max(ch.start, t.start - 30):t.start].lower()
            if re.search(r"\b(?:hunger|labor|labour|general|missile|artillery|rocket|drone)\s+$", pre):
                return False
            return True
        if ctx == "air_bombing":
            pre = text[max(ch.start, t.start - 30):t.start].lower()
            if re.search(r"\b(?:suicide|car|truck|roadside|barrel)\s+$", pre):
                return False
            if re.search(r"\b(?:artillery|mortar|tank|rocket)\b", window):
                return False
            return True
        if ctx == "air_subject":
            pre = text[max(ch.start, t.start - 60):t.start].lower()
            return bool(re.search(r"\b(?:air ?planes?|aircraft|warplanes?|jets?|bombers?|helicopters?|gunships?|drones?|air force|apaches?)\b", pre)) \
                or bool(re.search(r"\bair\s*strikes?\b|\bfrom the air\b", window))
        if ctx == "air_support":
            pre = text[max(ch.start, t.start - 70):t.start].lower()
            post = text[t.end:min(ch.end, t.end + 40)].lower()
            if self.support_re.search(pre) or re.search(r"^\s*(?:[\w-]+\s+){0,2}(?:struck|bombed|hit|pounded|targeted|attacked|strafed|fired|carried out)", post):
                return True
            return False
        if ctx == "artillery_use":
            if re.search(r"\b(?:fired|firing|fire|shelled|shelling|barrage|struck|hit|attack|attacks|launched|pounded|strikes|landed|rained|bombard\w*)\b", window):
                return True
            return False
        if ctx == "air_actor":
            return bool(self.air_re.search(text, toks[0].start, toks[-1].end))
        if ctx == "not_destroyed":
            pre = text[max(toks[0].start, t.start - 200):t.start].lower()
            if re.search(r"\b(?:destroy\w*|defus\w*|dismantl\w*|seiz\w*|captur\w*|found|discover\w*|intercept\w*|neutrali[sz]\w*|remov\w*|clear(?:ed|ing) (?:the |of )?)", pre):
                return False
            return True
        if ctx == "not_executive":
            return not re.search(r"^execut(?:ive|ives)", text[t.start:t.end + 3].lower())
        if ctx == "civilian_movers":
            return self._civilian_movers(t, toks, k, ch)
        if ctx == "civilian_killing":
            sent_text = text[toks[0].start:toks[-1].end].lower()
            if re.search(r"\b(?:air|airstrikes?|strikes?|bomb\w*|shell\w*|artillery|mortars?|rockets?|missiles?|explosi\w+|mines?|ied|vbied|suicide|crossfire|clashes|fighting)\b", sent_text):
                return False
            return any(is_belligerent(m) for m in self._actors_in(ch.start, ch.end))
        if ctx == "not_order":
            post = text[t.end:min(ch.end, t.end + 25)].lower()
            if re.match(r"\s*(?:orders?|plans?|routes?|points?|centres?|centers?|efforts?|talks|negotiations|proposals?|warnings?)\b", post):
                return False
            return True
        return True

    def _civilian_movers(self, t: Trig, toks, k, ch) -> bool:
        text = self.text
        region = text[max(ch.start, t.start - 80):min(ch.end, t.end + 40)].lower()
        words = set(re.findall(r"[a-z]+", region))
        pre_words = re.findall(r"[a-z]+", text[max(ch.start, t.start - 60):t.start].lower())
        subj = [w for w in pre_words if w in self.civ_words or w in self.combatant_words]
        if subj:
            return subj[-1] in self.civ_words
        return bool(words & self.civ_words) and not (words & self.combatant_words)

    def _object_follows(self, t: Trig, toks, k, places, ch) -> bool:
        end = min(ch.end, t.end + 60)
        cands = [p for p in places if t.end <= p.start < end]
        if re.match(r"\s+(?:full |complete |total |effective )?control\b", self.text[t.end:t.end + 25]):
            return True
        if not cands:
            return False
        gap = re.sub(r"[\"“”‘’]", " ", self.text[t.end:cands[0].start].lower())
        for ph in self.partial_before + self.full_before:
            gap = gap.replace(ph, " ")
        words = gap.split()
        if len(words) > 5 or re.search(r"[,;:]", gap):
            return False
        if any(w in PREPOSITIONS or w in BE_FORMS or w in HAVE_FORMS or w in ("and", "or", "but", "after", "before", "while", "when") for w in words if w not in ("over", "back", "into", "of")):
            return False
        if any(t.end <= m.start < cands[0].start for m in self._actors_in(t.end, cands[0].start)):
            return False  # "encircle the rebel fighters": an actor is the object
        return True

    def _negated(self, t: Trig, toks, k, floor) -> bool:
        text = self.text
        lo = toks[max(floor, k - 4)].start if k > floor else t.start
        pre = text[lo:t.start].lower()
        if re.search(r"\b(?:not|never|n't|no longer|neither|nor|failed to|unable to|little to no|without)\b(?:\s+(?:\w+\s+){0,2})?$", pre):
            return True
        if re.search(r"(?:^|\s)no\s+(?:\w+\s+)?$", pre) and t.pos == "noun" or re.search(r"(?:^|\s)no\s+$", pre):
            return True
        if re.search(r"\bno\s+(?:\w+\s+){0,2}$", pre) and t.generic:
            return True
        if re.search(r"(?:^|\s)(?:no|neither)\s+[\w-]+\s+(?:or|nor)\s+(?:[\w-]+\s+)?$", pre):
            return True  # "there was no fighting or shelling": the negation covers both
        if re.search(r"n['’]t\s+(?:\w+\s+)?$", pre):
            return True
        if re.search(r"\b(?:prevent|prevents|prevented|preventing|stopped|stopping|barred|barring|kept)\s+(?:[\w-]+\s+){0,3}from\s+$",
                     text[max(0, t.start - 60):t.start].lower()):
            return True  # "prevented civilians from evacuating"
        if re.search(r"\bany\s+(?:[\w-]+\s+)?$", pre) and re.search(r"\b(?:not|never|no|n't|without|nor)\b", text[toks[floor].start if floor < len(toks) else t.start:t.start].lower()):
            return True
        return False

    def _modal(self, t: Trig, toks, k, floor, ch) -> bool:
        text = self.text
        lo = toks[max(floor, k - 4)].start if k > floor else t.start
        pre = text[lo:t.start].lower()
        if self.modal_re.search(pre):
            # "due to" is causal unless a verb follows it
            m = self.modal_re.search(pre)
            if m.group().lower() != "due to" or t.pos == "verb" and text[t.start:t.end].lower().split()[0] in ("capture", "attack", "launch", "enter", "take"):
                return True
        # bare infinitive: "to capture"
        j = k - 1
        while j >= floor and (toks[j].low in ADVERB_SKIP or toks[j].text in ('"', "“", "”", "'", "‘", "’")):
            j -= 1
        # coordinated infinitives: "to escape or surrender"
        if j - 1 >= floor and toks[j].low in ("or", "and") and toks[j - 1].is_word:
            jj = j - 2
            while jj >= floor and toks[jj].low in ADVERB_SKIP:
                jj -= 1
            if jj >= floor and toks[jj].low == "to":
                j = jj
        if j >= floor and toks[j].low == "to" and t.pos == "verb" and not toks[k].low.endswith("ing"):
            first = toks[k].low
            if first.endswith(("ed",)) and first not in ("need",):
                return False  # "to" + past form is a preposition ("close to captured areas")
            gov = None
            g = j - 1
            while g >= floor and toks[g].low in ADVERB_SKIP:
                g -= 1
            if g >= floor:
                w = toks[g].low
                if w in self.factive or w in self.nonfactive:
                    gov = w
                elif g - 1 >= floor and toks[g - 1].low in self.nonfactive | self.factive and toks[g].low in ("not",):
                    gov = toks[g - 1].low
            if gov is None or gov in self.nonfactive:
                if t.type == "declaration":
                    return gov in self.nonfactive
                return True
        # a non-factive governor further back with no finite verb in between:
        # "vowed to continue defending X and putting up resistance"
        gov_k = k
        if t.pos == "verb" and looks_past_verb(toks[k]) and not (k > 0 and toks[k - 1].low in {"to"} | BE_FORMS | HAVE_FORMS):
            gov_k = -1  # a finite past verb states the event itself
        if t.pos == "noun":
            for g in range(k - 1, max(floor - 1, k - 5), -1):
                if looks_past_verb(toks[g]):
                    gov_k = g
                    break
        if gov_k >= 0 and t.pos == "noun" and gov_k < k and looks_past_verb(toks[gov_k]) and not (gov_k > 0 and toks[gov_k - 1].low == "to"):
            gov_k = -1
        for g in range(gov_k - 1, max(floor - 1, gov_k - 12) if gov_k >= 0 else gov_k, -1):
            w = toks[g]
            if looks_past_verb(w) and not (g + 1 < len(toks) and toks[g + 1].low == "to"):
                break
            if w.low == "to" and g > floor and (toks[g - 1].low in self.nonfactive or (g > floor + 1 and toks[g - 2].low in self.nonfactive and toks[g - 1].low in ADVERB_SKIP)):
                return True
            if w.low == "to" and g > floor and any(x.low in ("urged", "ordered", "asked", "called", "told", "instructed", "encouraged", "allowed", "forced", "commanded") for x in toks[max(floor, g - 5):g]):
                return True
        # noun subject of a modal predicate: "the attack was set to accelerate"
        if t.pos == "noun":
            post = text[t.end:min(ch.end, t.end + 60)].lower()
            if re.match(r"^(?:\s+[\w'’-]+){0,4}?\s+(?:would|will|could|might|may|should|was set to|is set to|is expected to|was expected to|were expected to|are expected to|appears? to|seems? to)\b", post):
                return True
        # nonfactive governor directly before the noun ("plans for an offensive")
        if t.pos == "noun" and (re.search(r"\b(?:plans?|planning|preparations?|preparing|prepared|threat|threats|awaiting|expects?|expected)\s+(?:for|of)?\s*(?:an?|the|new|further|[\w-]+)?\s*(?:[\w-]+\s+){0,2}$", pre)
                                or re.search(r"\b(?:call|calls|calling|called|urged|urging|demand|demanded|demanding)\s+for\s+(?:an?|the|new|further|\w+)?\s*$", pre)):
            return True
        return False

    def _passive(self, toks, k, floor) -> bool:
        j = k - 1
        while j >= floor and (toks[j].low in ADVERB_SKIP or (toks[j].low.endswith("ly") and len(toks[j].low) > 4)):
            j -= 1
        if j >= floor and toks[j].low in ("was", "were", "been", "being", "be", "is", "are", "got", "get", "gets"):
            w = toks[k].low
            return not w.endswith("ing")
        return False

    def _progressive(self, toks, k, floor) -> bool:
        j = k - 1
        while j >= floor and toks[j].low in ADVERB_SKIP:
            j -= 1
        return j >= floor and toks[j].low in ("was", "were", "is", "are", "been") and toks[k].low.endswith("ing")

    def _rel_about_actor(self, ch: Chunk, toks) -> bool:
        k = ch.first_tok - 1
        while k >= 0 and toks[k].text in (",",):
            k -= 1
        if k < 0:
            return False
        tk = toks[k]
        if any(m.start <= tk.start < m.end for m in self.actors):
            return True
        return tk.low in ("organization", "organisation", "group", "movement", "militants", "fighters", "jihadists", "terrorists", "forces", "militia", "army")

    # --- 3. places ---------------------------------------------------------------------

    def _assign_places(self, trigs: list[Trig], toks, chunks, places) -> None:
        cands = [p for p in places]
        for idx, t in enumerate(trigs):
            ch = t.chunk
            nxt = [o.start for o in trigs[idx + 1:] if o.start >= t.end and o.chunk is ch and o.type not in ("declaration",)]
            region_end = min([ch.end] + nxt)
            e = t.entry
            subject_side = (e is not None and e.subject_place) or (t.passive and t.type in TERRITORIAL)
            chosen: list[tuple[PlaceCand, bool]] = []
            if subject_side:
                prevs = [o.end for o in trigs[:idx] if o.chunk is ch and o.end <= t.start]
                lo = max([ch.start] + prevs)
                chosen = self._region_places(cands, lo, t.start, t, toks, forward=False)
                if not chosen and ch.kind == "rel" and ch.index > 0:
                    prev_ch = chunks[ch.index - 1]
                    chosen = self._region_places(cands, prev_ch.start, prev_ch.end, t, toks, forward=True, antecedent=True)
            if t.type in TERRITORIAL and not subject_side:
                for x in toks:
                    if t.end < x.start < region_end and x.low in ("was", "were", "is", "are", "had", "has", "have") and x.start > t.end + 1:
                        region_end = x.start
                        break
            if not chosen and e is not None and e.context == "object_inside":
                chosen = self._region_places(cands, t.start, t.end, t, toks, forward=True, antecedent=True)
            if not chosen:
                chosen = self._region_places(cands, t.end, region_end, t, toks, forward=True)
            if not chosen and t.pos == "noun":
                # "the X campaign", "the group's X offensive": a place right before the noun
                pre = [p for p in cands if ch.start <= p.start and p.end <= t.start and t.start - p.end <= 3]
                if pre:
                    chosen = [(pre[-1], False)]
            rel_ch = ch if ch.kind == "rel" else (chunks[ch.index - 1] if ch.kind == "coord" and ch.index > 0 and chunks[ch.index - 1].kind == "rel" else None)
            if rel_ch is not None and e is not None and e.pos == "verb" and not t.passive and not subject_side \
                    and not re.match(r"\s+(?:the|a|an|its|their|all|most|parts?|half|control)\b", self.text[t.end:t.end + 12]):
                # "the plant that the army had captured", "X, where they clashed": the antecedent
                ante = self._antecedent(trigs[:idx], cands, rel_ch)
                if ante is not None:
                    chosen = [(ante, False)]
            if not chosen and t.type in ("declaration", "discovery", "displacement", "agreement", "violence_against_civilians", "clash") or not chosen and t.generic:
                # place named before the trigger in its own clause ("In X, fighting raged")
                before = [p for p in cands if ch.start <= p.start and p.end <= t.start and not p.locator_only]
                if t.type == "declaration":
                    before = [q for q in before if t.start - q.end <= 3]
                if t.type in ("declaration", "discovery") and before:
                    chosen = [(before[-1], False)]
            t.places = chosen
            t.own_places = bool(chosen)

    def _region_places(self, cands: list[PlaceCand], lo: int, hi: int, t: Trig, toks, forward: bool,
                       antecedent: bool = False) -> list[tuple[PlaceCand, bool]]:
        text = self.text
        inside = [p for p in cands if lo <= p.start and p.end <= hi + 1]
        if not inside:
            return []
        out: list[tuple[PlaceCand, bool]] = []
        prev: PlaceCand | None = None
        prev_role = None
        partial_run = False
        anchor = t.end if forward and not antecedent else lo
        prev_dir = False
        for idx, p in enumerate(inside):
            if p.locator_only:
                continue  # "X's old city": X only says whose
            gap = text[(prev.end if prev is not None else anchor):p.start]
            gl = re.sub(r"[\"“”‘’]", " ", gap.lower())
            pre = re.sub(r"[\"“”‘’]", " ", text[max(lo, p.start - 45):p.start].lower())
            full_len = self._ends_with(pre, self.full_before)
            part_len = self._ends_with(pre, self.partial_before)
            full = full_len > part_len
            partial = not full and (part_len > 0 or self._partial_prefix(pre))
            stripped = gl
            for ph in self.partial_before + self.full_before:
                stripped = stripped.replace(ph, " ")
            cms = list(re.finditer(r"(?:^\s*,|\band\b|\bor\b|\bas well as\b|\balong with\b|\bplus\b|&|,)", stripped))
            cm = cms[0] if cms else None
            conj = cm is not None
            prep_re = r"\b(?:in|inside|of|at|near|within|on|outside|around|to|towards?|from|by|across|along|beyond|into|through|between)\b"
            # "in X and on Y": a preposition right after the conjunction starts a parallel phrase
            if cm:
                after_conj = re.sub(r"^\s*(?:" + prep_re[2:-2] + r")\b", " ", stripped[cms[-1].end():])
                prep = bool(re.search(prep_re, stripped[:cm.start()])) or bool(re.search(prep_re, after_conj))
            else:
                prep = bool(re.search(prep_re, stripped))
            if ":" in gap and not re.search(r"[.;]", gap):
                conj, prep = True, False  # "..., in which they held: A, B and C"
            coord = prev is not None and conj and not prep
            is_loc = self._locator_before(pre) and not partial
            if re.search(r"\bby\s+(?:the\s+)?$", pre):
                continue  # "by the US": an agent, not a place
            if t.type in TERRITORIAL and p.ref is not None and p.ref.kind in ("river", "sea"):
                prev, prev_role = p, "loc"
                continue
            role = "obj"
            if prev is not None and prev_role == "loc" and prev_dir and re.fullmatch(r"\s*,?\s*(?:at|in)\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?", gl):
                role = "obj"  # "south of the city at X"
            elif prev is not None and not coord and (prep or not conj):
                role = "loc"  # "X in eastern Y", "X, the largest town in Y"
            elif coord and prev_role == "loc" and prev is not None and self._same_kind(prev, p):
                role = "loc"  # "north of A and B"
            elif is_loc:
                role = "loc" if (prev is not None or self._has_later_object(inside, p, hi)) else "obj"
                if role == "obj" and t.type == "capture":
                    partial = True  # "captured areas north of X": near X, not X
            if role == "loc":
                prev, prev_role, prev_dir = p, "loc", is_loc
                continue
            if partial:
                partial_run = True
            elif full or not coord:
                partial_run = False
            out.append((p, partial_run))
            prev, prev_role, prev_dir = p, "obj", False
        if not forward:
            return out[:1] if out else []
        # a named place inside the city makes an unnamed part of the city redundant
        named_inner = [q for q, _ in out if q.ref is not None and q.source != "city-ref" and q.ref.kind not in CITY_KINDS]
        if named_inner:
            out = [(q, pa) for q, pa in out if not (q.source == "city-ref" and q.part_of_city)]
        return out

    def _antecedent(self, earlier: list[Trig], cands: list[PlaceCand], ch: Chunk) -> PlaceCand | None:
        near = [p for p in cands if p.end <= ch.start and ch.start - p.end <= 15
                and re.fullmatch(r"(?:['’]s\s+\w+)?\s*,?\s*", self.text[p.end:ch.start])]
        prev_objects = [q for o in earlier if o.places and o.chunk is not ch for q, _ in o.places]
        if near and not near[-1].locator_only and (not prev_objects or near[-1] in prev_objects):
            return near[-1]
        for o in reversed(earlier):
            if o.places and o.chunk is not ch:
                heads = [q for q, _ in o.places if q.end <= ch.start]
                if heads:
                    return heads[-1]
        ante = [p for p in cands if p.end <= ch.start and ch.start - p.end <= 3]
        return ante[-1] if ante else None

    def _locator_before(self, pre: str) -> bool:
        pre = pre.rstrip()
        pre = re.sub(r"\s+(?:the|a|an)$", "", pre)
        pre = re.sub(r"\s+(?:" + "|".join(sorted(self.directions, key=len, reverse=True)) + r")$", "", pre)
        pre = re.sub(r"\s+(?:the|a|an)$", "", pre)
        return any(pre.endswith(lp) for lp in self.locator_phrases)

    def _same_kind(self, a: PlaceCand, b: PlaceCand) -> bool:
        ka = a.ref.kind if a.ref is not None else a.kind
        kb = b.ref.kind if b.ref is not None else b.kind
        return ka == kb

    def _has_later_object(self, inside, p, hi) -> bool:
        i = inside.index(p)
        return any(not q.locator_only for q in inside[i + 1:])

    def _ends_with(self, pre: str, phrases) -> int:
        """Length of the longest phrase the text before a place ends with (skipping an article and two modifiers)."""
        pre = re.sub(r"\s+", " ", re.sub(r"[\"“”‘’]", " ", pre)).rstrip()
        for _ in range(3):
            hits = [len(ph.strip()) for ph in phrases if pre.endswith(ph.strip()) and (len(pre) == len(ph.strip()) or not pre[-len(ph.strip()) - 1].isalnum())]
            if hits:
                return max(hits)
            m = re.search(r"\s(?:the|a|an|[\w-]+)$", pre)
            if m is None or m.group().strip() in ("of", "in", "and", "to", "at", "from", "on"):
                return 0
            pre = pre[:m.start()]
        return 0

    def _partial_prefix(self, pre: str) -> bool:
        pre = re.sub(r"[\"“”‘’]", " ", pre).rstrip()
        pre = re.sub(r"\s+", " ", pre)
        for _ in range(3):  # drop the article and up to two modifiers before the place
            m = re.search(r"\s(?:the|a|an|[\w-]+)$", pre)
            if any(pre.endswith(ph.strip()) for ph in self.partial_before) or re.search(r"\d\s*%\s+of$|\d\s*(?:percent|per cent)\s+of$", pre):
                return True
            if m is None or m.group().strip() in ("of", "in", "and", "to", "at", "from", "on"):
                return False
            pre = pre[:m.start()]
        return any(pre.endswith(ph.strip()) for ph in self.partial_before)

    # --- 4. type adjustments -------------------------------------------------------------

    def _adjust_types(self, trigs: list[Trig], toks, chunks, places) -> list[Trig]:
        out: list[Trig] = []
        text = self.text
        for t in trigs:
            if t.type in TERRITORIAL and not t.own_places and t.passive:
                subj = [m for m in self._actors_in(t.chunk.start, t.start) if t.start - m.end <= 30]
                if subj:
                    continue  # "their troops were surrounded": people, not a place
            if t.type in TERRITORIAL and not t.own_places:
                e = t.entry
                if t.type == "capture":
                    continue  # a capture of nothing named is a back-reference or a figure of speech
                if t.type == "capture" and e is not None and not e.subject_place and not t.passive:
                    obj = self._actors_in(t.end, min(t.chunk.end, t.end + 40))
                    if obj and obj[0].start - t.end <= 12:
                        continue  # "captured two soldiers"
                if t.type == "advance":
                    obj = self._actors_in(t.end, min(t.chunk.end, t.end + 40))
                    ends_prep = re.search(r"\b(?:against|into|in|on|onto|to|toward|towards|through|inside|along|near|deeper|further)$", text[t.start:t.end].lower())
                    if obj and e is not None and not e.generic and not ends_prep and re.fullmatch(r"\s*(?:the|a|an|\d+|several|some|many|hundreds of|dozens of|a group of|a number of|group of|number of)?\s*", text[t.end:obj[0].start]):
                        continue  # "encircle a group of rebel fighters"
            out.append(t)
        kills = [t for t in out if t.type == "clash" and t.entry is not None and re.match(r"(?:killing|killed|kill|kills)\b", text[t.start:t.end].lower())]
        for t in kills:
            if any(o is not t and o.type in REMOTE | {"clash", "violence_against_civilians"} for o in out):
                out.remove(t)
        # a generic "made progress" that a participle elaborates ("..., capturing X") adds nothing
        final = []
        for t in out:
            if t.generic and any(o is not t and o.type in TERRITORIAL and o.start > t.start and (not t.own_places or o.chunk.kind == "part") for o in out):
                continue
            final.append(t)
        return final

    def _official_declarations(self, trigs: list[Trig], sent: str, a: int, b: int) -> None:
        """A capture stated by a party's spokesman or commander is also a declaration."""
        if any(t.type == "declaration" for t in trigs):
            return  # (also makes a second pass over cached triggers idempotent)
        caps = [t for t in trigs if t.type == "capture" and t.places]
        if not caps:
            return
        caps = [t for t in caps if t.chunk.kind == "comp" or self._in_quotes(t.start)]
        if caps and self.report_re.search(sent) and self.official_re.search(sent):
            t0 = caps[0]
            d = Trig("declaration", t0.start, t0.end, None, source="official", pos="verb")
            d.chunk = t0.chunk
            d.places = list(t0.places[:1])
            d.own_places = True
            trigs.append(d)

    def _in_quotes(self, pos: int) -> bool:
        s = next((x for x in self.sentences if x.start <= pos < x.end), None)
        if s is None:
            return False
        before = self.text[s.start:pos]
        after = self.text[pos:s.end]
        opens = before.count("“") + before.count('"')
        closes_before = before.count("”")
        if "“" in before or "”" in before:
            return before.count("“") > closes_before
        if opens % 2 == 1:
            return True
        return opens == 0 and ('"' in after or "”" in after) and not ("“" in after and after.index("“") < after.index("”") if "”" in after else False)

    # --- 5. roles, dates, records --------------------------------------------------------

    def _emit(self, si: int, s: Sentence, trigs: list[Trig], toks, chunks, places) -> list[Found]:
        # inheritance: a trigger without its own place takes the nearest trigger's place
        with_places = [t for t in trigs if t.own_places]
        for t in trigs:
            if t.own_places or t.no_focus_default:
                continue
            if t.type == "declaration" and self.focus is not None:
                t.places = [(PlaceCand(t.start, t.start, self.focus, self.focus.kind, "focus"), False)]
                t.inherited = True
                continue
            # the nearest trigger of the same clause, else the sentence's first (main) event
            near = sorted(with_places, key=lambda o: (o.chunk is not t.chunk, abs(o.start - t.start) if o.chunk is t.chunk else o.start))
            if near:
                p = near[0].places[0][0]
                if t.type in REMOTE and p.ref is not None and p.ref.kind == "site" and self.focus is not None:
                    p = PlaceCand(t.start, t.start, self.focus, self.focus.kind, "focus")
                t.places = [(p, False)]
                t.inherited = True
            elif self.focus is not None:
                fc = PlaceCand(t.start, t.start, self.focus, self.focus.kind, "focus")
                t.places = [(fc, False)]
                t.inherited = True
        found: list[Found] = []
        for t in trigs:
            self._roles(t, toks, trigs)
        for t in trigs:
            date, prec = self._date(si, s, t, chunks)
            places_ = t.places or [(None, False)]
            # several unnamed places of one kind in one clause make one record; "two villages,
            # including X" keeps one unnamed record next to X
            if t.type == "violence_against_civilians" and t.entry is not None and t.entry.context == "civilian_killing" \
                    and t.initiator and t.initiator in self.air_actors:
                t.type = "airstrike"
            for p, partial in places_:
                type_ = t.type
                if p is not None and type_ == "capture":
                    if partial or p.part_of_city or t.partial_aspect or t.progressive:
                        type_ = "advance"
                    elif p.source == "city-ref" and p.part_of_city:
                        type_ = "advance"
                if p is not None and p.ref is not None and self.focus is not None and not self._in_scope(p.ref):
                    continue
                if type_ in TERRITORIAL and p is not None and p.ref is not None and p.ref.kind == "region" and self.focus is not None:
                    continue
                if p is not None and p.source == "unnamed" and p.count is not None and p.count > 1:
                    named_after = [q for q, _ in places_ if q is not None and q.ref is not None and q.start > p.end]
                    if named_after and len(named_after) >= p.count:
                        continue
                place_key = p.key if p is not None else None
                if self._restates_told(t, type_, place_key, si):
                    continue
                self.told.setdefault((type_, place_key), si)
                self.last_told[type_] = si
                actors = tuple(dict.fromkeys([x for x in [t.initiator, *t.co_actors] if x]))
                target = t.target
                if type_ in ("agreement", "displacement"):
                    target = None
                end = max(t.end, p.end if p is not None else t.end)
                end = max(end, self._clause_end(t, p))
                found.append(Found(type_, s.start, min(end, s.end), si, p, actors, target, date, prec, t.factuality,
                                   (t.start, t.end)))
                if t.initiator and target and t.initiator_explicit and t.target_explicit:
                    self.doc_actors.note_pair(t.initiator, target)
        if found:
            self.prev_found = found
        return found

    def _restates_told(self, t: Trig, type_: str, place_key, si: int) -> bool:
        """A time clause that refers back to an event told in an earlier sentence ("After
        regaining control over X, ...", "by the time the city was recaptured", "As clashes
        continued"): no new record for it."""
        first = self.told.get((type_, place_key))
        if first is None or first >= si or place_key is None or place_key[0] != "ref":
            return False
        if t.chunk.index != 0:
            return False  # only the time clause a sentence opens with
        lead = self.text[self.sentences[si].start:t.start].lower()
        if "," in lead:
            return False  # the main clause after "During the fighting, ..." tells its own event
        return bool(re.match(r"\W*(?:after|following|once|as|by the time|during)\s+(?:$|the\s+|[\w-]+ing\b|[\w-]+\s+and\s+)", lead))

    def _clause_end(self, t: Trig, p: PlaceCand | None) -> int:
        ch = t.chunk
        return ch.end if ch is not None else t.end

    def _in_scope(self, ref: PlaceRef) -> bool:
        f = self.focus
        if f is None or ref.id == f.id:
            return True
        if ref.kind == "country":
            return self.main_country is None or ref.id == self.main_country
        d = distance_km(f, ref)
        if d is not None and d > 100:
            return False
        return True

    def _roles(self, t: Trig, toks, trigs) -> None:
        text = self.text
        ch = t.chunk
        e = t.entry
        in_chunk = self._actors_in(ch.start, ch.end)
        before = [m for m in in_chunk if m.end <= t.start]
        after = [m for m in in_chunk if m.start >= t.end]
        initiator = None
        explicit = False
        target = None
        target_explicit = False
        co: list[str] = []
        # an actor fused with the trigger ("Russian airstrikes") before any "by X" further on,
        # which may belong to another verb ("... ever since its recapture by X")
        inside = [m for m in self._actors_in(max(ch.start, t.start - 40), t.end) if m.start <= t.start < m.end]
        if inside and t.type != "discovery" and is_belligerent(inside[0]):
            initiator, explicit = inside[0].actor.name, True
        # agent after: "by X", "fell to X"
        agent_prep = e.agent_after if e is not None and e.agent_after else "by"
        for m in after[:4] if initiator is None else ():
            gap = text[t.end:m.start].lower()
            if len(gap) > 60:
                break
            if re.search(r"\b" + agent_prep + r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$", gap) and not re.search(r"[,;]", gap):
                if agent_prep == "by" and not (t.passive or t.pos == "noun" or "carried out" in gap or "conducted" in gap or e is None or t.type in REMOTE):
                    continue
                if not is_belligerent(m) and m.actor.name != CIVILIANS:
                    continue  # "... as reported by SOHR"
                initiator, explicit = m.actor.name, True
                break
        # "under X control": X took it
        if initiator is None and e is not None and e.context == "object_inside":
            ctl = re.search(r"under\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}control", text[t.start:t.end])
            if ctl:
                ms = [m for m in self._actors_in(t.start + ctl.start(), t.end) if is_belligerent(m)]
                if ms:
                    initiator, explicit = ms[0].actor.name, True
        # "the fall of X", "the defeat of X": X lost
        if initiator is None and e is not None and (e.nominal or text[t.start:t.end].lower().startswith("the defeat")):
            lost = [m for m in after[:1] if m.start - t.end <= 6 and is_belligerent(m)]
            if lost:
                target, target_explicit = lost[0].actor.name, True
                initiator = self.doc_actors.opponent(target)
        # "clashes between X and Y"
        if initiator is None and t.type == "clash":
            m2 = re.match(r"\s+between\s+", text[t.end:t.end + 12])
            if m2 and len(after) >= 2:
                initiator, explicit = after[0].actor.name, True
                target, target_explicit = after[1].actor.name, True
        # noun premodifier: "X counter-attack", "X airstrikes", "X's offensive"
        if initiator is None and t.pos == "noun" and t.type != "discovery":
            pre = [m for m in before if t.start - m.end <= 25 and not re.search(r"[,;]|\b(?:by|against|on|of|from|with|and|as)\b", text[m.end:t.start].lower())
                   and (m.actor.name != CIVILIANS or t.type == "displacement")
                   and (is_belligerent(m) or m.actor.name == CIVILIANS)]  # "SOHR reported the clashes": a monitor fights none
            if pre:
                initiator, explicit = pre[-1].actor.name, True
        # subject: nearest actor before the trigger in its clause, not a supporter or object
        loser_subject = (e is not None and e.loser_subject) or (t.passive and t.type in TERRITORIAL | {"clash"})
        supported_remote = t.type in REMOTE and bool(re.search(
            r"(?:supported|backed|aided|assisted|covered)\s+by\s+(?:[\w'’–-]+\s+){0,3}$|(?:support|help|backing|cover|assistance)\s+(?:of|from)\s+(?:[\w'’–-]+\s+){0,3}$|\b(?:despite|amid|with|under)\s+(?:[\w'’–-]+\s+){0,3}$",
            text[max(ch.start, t.start - 60):t.start].lower()))
        if initiator is None and not supported_remote:
            subj = None
            for m in reversed(before):
                adjacent = re.fullmatch(r"\s*(?:[\w-]+ly\s+|also\s+|then\s+|later\s+|finally\s+)?", text[m.end:t.start]) is not None
                if not adjacent and (supporting(text, m, ch.start) or after_target_prep(text, m, ch.start) or after_agent_by(text, m, ch.start)):
                    continue
                if t.type == "displacement" and m.actor.name == CIVILIANS:
                    continue
                if not is_belligerent(m) and m.actor.name != CIVILIANS:
                    continue
                if m.actor.name == CIVILIANS and t.type not in ("displacement",):
                    continue
                subj = m
                break
            if subj is None and ch.kind in ("coord", "part", "rel", "comp") or subj is None and ch.index > 0:
                subj = self._main_subject(toks, t)
            if subj is not None:
                if loser_subject:
                    target, target_explicit = subj.actor.name, True
                else:
                    initiator, explicit = subj.actor.name, True
        if initiator is None and loser_subject and target is not None:
            initiator = self.doc_actors.opponent(target)
        if initiator is None and t.type in REMOTE | {"clash"}:
            victim = self._victim(t, toks)
            if victim is not None:
                target, target_explicit = victim, True
                initiator = self.doc_actors.opponent(victim)
        if t.type == "displacement" and initiator == CIVILIANS:
            initiator = None
        if initiator is None and t.type == "displacement":
            initiator = CIVILIANS
        if initiator is None and t.type not in ("discovery",):
            initiator = self._default_initiator(t)
        # target: "against X", "from X", "attacked X", "clashed with X"
        if target is None:
            for m in after[:4]:
                gap = text[t.end:m.start].lower()
                if len(gap) > 50 or re.search(r"[;]", gap):
                    break
                if re.search(r"\bby\b", gap):
                    continue
                if m.actor.name == initiator:
                    continue
                if re.search(r"(?:^|\b(?:against|on|upon|from|with|targeting|of|at)\s+)(?:the\s+|its\s+|their\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}$", gap) \
                        or (gap.strip() in ("", "the") and e is not None and e.pos == "verb"):
                    if m.actor.name == CIVILIANS and t.type not in REMOTE | {"violence_against_civilians"}:
                        continue
                    target, target_explicit = m.actor.name, True
                    break
        if t.type == "violence_against_civilians":
            target = CIVILIANS
        if t.type in REMOTE and not target_explicit:
            if self._civilian_victims(t, toks):
                target = CIVILIANS
        if t.type == "displacement" and initiator != CIVILIANS:
            if any(m.actor.name == CIVILIANS for m in self._actors_in(ch.start, ch.end)) or self._civ_mentioned(t):
                co.append(CIVILIANS)
        if t.type == "agreement":
            others = [m.actor.name for m in self._actors_in(ch.start, ch.end) if is_belligerent(m) and m.actor.name != initiator]
            if others:
                co.append(others[0])
            elif initiator:
                opp = self.doc_actors.opponent(initiator)
                if opp and re.search(r"\b(?:between|with)\b", text[ch.start:ch.end].lower()):
                    co.append(opp)
        if target is None and t.type not in ("agreement", "displacement", "discovery") and initiator is not None:
            if not (t.type == "clash" and re.search(r"\bboth sides\b", text[ch.start:ch.end].lower())):
                target = self.doc_actors.opponent(initiator)
        if t.type == "clash" and re.search(r"\bboth sides\b", text[toks[0].start:toks[-1].end].lower()) and initiator:
            opp = self.doc_actors.opponent(initiator)
            if opp:
                co.append(opp)
            target = None
        if t.type == "discovery" and not explicit:
            initiator = None
        t.initiator, t.initiator_explicit = initiator, explicit
        t.target, t.target_explicit = target, target_explicit
        t.co_actors = [c for c in co if c != initiator]
        if explicit and initiator and t.type != "discovery":
            self.doc_actors.type_initiators[t.type][initiator] += 1

    def _victim(self, t: Trig, toks) -> str | None:
        """"killing four X soldiers", "X troops were injured": X is the target."""
        text = self.text
        for m in self._actors_in(toks[0].start, toks[-1].end):
            if not is_belligerent(m):
                continue
            pre = text[max(toks[0].start, m.start - 40):m.start].lower()
            post = text[m.end:m.end + 40].lower()
            if re.search(r"\b(?:killing|killed|kill|wounding|wounded|injuring|injured)\s+(?:at least\s+|more than\s+|some\s+|about\s+)?(?:[\w,]+\s+)?$", pre) \
                    or re.match(r"\s*(?:[\w-]+\s+){0,1}(?:soldiers|troops|fighters|militants|members|personnel)?\s*(?:were|was|had been)\s+(?:[\w]+\s+)?(?:killed|injured|wounded)", post):
                return m.actor.name
        return None

    def _main_subject(self, toks, t: Trig) -> ActorMention | None:
        s_start = toks[0].start
        ms = [m for m in self._actors_in(s_start, t.start)
              if not supporting(self.text, m, s_start) and not after_target_prep(self.text, m, s_start)
              and not after_agent_by(self.text, m, s_start) and m.actor.name != CIVILIANS and is_belligerent(m)
              and not self.report_re.match(self.text, m.end + 1, m.end + 20)]
        return ms[0] if ms else None

    def _default_initiator(self, t: Trig) -> str | None:
        # the initiator of the last events told (the narrative's protagonist), else the
        # document's most frequent explicit initiator of this type, of any type, or actor
        if t.type in REMOTE and self.doc_actors.type_initiators.get(t.type):
            return self.doc_actors.default_initiator(t.type)
        hero = None
        for f in reversed(self.prev_found):
            if f.actors and f.type not in ("displacement", "discovery", "violence_against_civilians", "agreement") \
                    and f.actors[0] != CIVILIANS:
                hero = f.actors[0]
                break
        hero = hero or self.doc_actors.default_initiator(t.type)
        if t.type == "clash" and t.entry is not None and "counter" in t.entry.pattern and re.match(r"counter", self.text[t.start:t.end].lower()):
            return self.doc_actors.opponent(hero) or hero
        return hero

    def _civilian_victims(self, t: Trig, toks) -> bool:
        sent = self.text[toks[0].start:toks[-1].end].lower()
        civ = re.search(r"\b(?:civilians?|families|residents|people|children|women|villagers|inhabitants|civilian lives|civilian deaths|civilian casualties)\b", sent)
        mil = re.search(r"\b(?:fighters|militants|soldiers|troops|positions|targets|jihadists|defenses|defences|headquarters|holdouts)\b", sent)
        return bool(civ) and not mil

    def _civ_mentioned(self, t: Trig) -> bool:
        ch = t.chunk
        return bool(re.search(r"\b(?:civilians?|residents|people|families|locals|inhabitants|villagers|family members)\b", self.text[ch.start:ch.end].lower()))

    def _date(self, si: int, s: Sentence, t: Trig, chunks) -> tuple[str | None, str | None]:
        ch = t.chunk
        own = [(i, x) for i, x in self._timexes_in(ch.start, ch.end) if _date_of_timex(x)]
        durs = [x for _, x in self._timexes_in(ch.start, ch.end) if self._duration_date(x)]
        other_chunk_dates = [x for _, x in self._timexes_in(s.start, s.end) if _date_of_timex(x) and not (ch.start <= x.start < ch.end)]
        if not own and durs and other_chunk_dates:
            return self._duration_date(durs[0])
        if own:
            before = [(i, x) for i, x in own if x.end <= t.start]
            pick = before[-1] if before else own[0]
            d = _date_of_timex(pick[1])
            sd = self.dates.get(si)
            # a sentence date computed from this timex may be finer (ranges, "the next day")
            if sd is not None and sd.timex == pick[0] and sd.date:
                return sd.date, sd.precision
            return d
        sd = self.dates.get(si)
        if sd is None:
            return None, None
        if sd.timex is not None and 0 <= sd.timex < len(self.timexes):
            tx = self.timexes[sd.timex]
            if s.start <= tx.start < s.end:
                tch = self._chunk_of(chunks, tx.start)
                first_trigger_chunk = ch.index
                if tch.index > first_trigger_chunk and tch.kind in ("rel", "sub") and tx.start > t.end:
                    prev = self._previous_date(si)
                    if prev is not None:
                        return prev
        return sd.date, sd.precision

    def _duration_date(self, x: Timex) -> tuple[str, str] | None:
        """"over the next (two) days": the day after the anchor, week precision."""
        if x.type != "DURATION" or not x.anchor or not x.anchor.startswith("timex:"):
            return None
        if not re.search(r"\b(?:next|following|coming|subsequent)\b.*\bdays\b", x.text.lower()):
            return None
        try:
            anchor = self.timexes[int(x.anchor.split(":")[1])]
        except (ValueError, IndexError):
            return None
        d = _date_of_timex(anchor)
        if d is None or d[1] not in ("day", "week"):
            return None
        import datetime as _dt
        y, m, dd = (int(v) for v in d[0].split("-"))
        nxt = _dt.date(y, m, dd) + _dt.timedelta(days=1)
        return nxt.isoformat(), "week"

    def _previous_date(self, si: int) -> tuple[str, str] | None:
        for j in range(si - 1, max(-1, si - 30), -1):
            sd = self.dates.get(j)
            if sd is not None and sd.date:
                if self.sentences[j].heading:
                    continue
                return sd.date, sd.precision
        return None

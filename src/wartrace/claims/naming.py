"""Naming a source: the words before "said", after "according to", inside "(... estimate)".

A source is named by the actor stage's canonical name when an actor mention covers it;
a person is mapped to the organization they speak for ("a spokesman for X", "X
spokesman Y", "Y, a commander of X"), and a person named again later ("Ivanov said")
keeps that mapping, as does an acronym of a name resolved before ("JTF" after
"Joint Task Force"). Otherwise the source's own words are kept ("local
activists", "former militia members"). UNNAMED marks a frame that names nobody: the
document's own voice ("our team"), "it was reported", "another commander".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from wartrace.claims.sentence import SentenceView
from wartrace.claims.tokens import Token

UNNAMED = "\x00unnamed"

ROLE_WORDS = frozenset("""
    spokesman spokesperson spokeswoman spokesmen spokespeople commander commanders official
    officials minister ministry secretary general colonel director chief head governor
    president envoy representative representatives officer officers source sources analyst
    leader leaders member members chairman adviser advisor ambassador mayor
""".split())
REPORT_NOUNS = frozenset("""
    report reports investigation study analysis count tally survey estimate estimates figures
    data assessment review monitoring
""".split())
TRIM_WORDS = frozenset("""
    also later then meanwhile initially further officially publicly earlier reportedly
    however overall subsequently separately previously recently now still had has have
    but and while whereas so thus yet
""".split())
ADVERBIAL_STARTS = frozenset("""
    on in by at during after before also meanwhile overall however earlier later then
    separately previously additionally furthermore moreover since until following despite
    as with when while yesterday today between from throughout within over across for
""".split())
TIME_NOUNS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                        "morning", "evening", "night", "afternoon", "hours"})
MONTH_WORDS = frozenset("""
    january february march april may june july august september october november december
""".split())
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
PRONOUNS = frozenset({"it", "they", "he", "she", "this"})
FIRST_PERSON = frozenset({"we", "our", "us", "i", "my"})
ORG_WORDS = frozenset("""
    department ministry office agency council committee command observatory commission
    organization organisation institute center centre network service services bureau
""".split())
MAX_NAME_WORDS = 7
# "another commander said": nobody we can name ("local officials" stays, like "local activists")
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "two", "three"})
ROLE_FILLERS = frozenset({"a", "an", "the", "another", "one", "some", "several", "senior",
                          "unnamed", "anonymous", "two", "other"})


@dataclass
class SourceNamer:
    text: str
    person_orgs: dict[str, str] = field(default_factory=dict)  # person or acronym -> organization

    def name(self, view: SentenceView, lo: int, hi: int, last_named: str | None) -> str | None:
        """The source named by tokens [lo, hi); UNNAMED for the document's own voice."""
        toks = view.tokens
        lo, hi = _trim(view, lo, hi)
        if lo >= hi:
            return None
        if toks[lo].text in ("“", '"'):
            close = next((k for k in range(lo + 1, hi) if toks[k].text in ("”", '"')), None)
            if close is not None and close > lo + 1:
                return clean_text(self.text[toks[lo + 1].start:toks[close - 1].end])
        first = toks[lo].lower
        if hi - lo == 1 and first in PRONOUNS or first in POSSESSIVE_PRONOUNS and hi - lo <= 3:
            return last_named or UNNAMED  # "it said", "its records show"
        if first in FIRST_PERSON and not toks[lo].is_acronym:  # "our team", not "US"
            return UNNAMED
        name = self._structured_name(view, lo, hi)
        if name is not None:
            return name
        if _role_word(toks[hi - 1]) and (
                all(t.lower in ROLE_FILLERS or _role_word(t) for t in toks[lo:hi])
                or toks[lo].lower in INDEFINITE and not any(t.is_acronym or t.text[0].isupper()
                                                            for t in toks[lo + 1:hi])):
            return UNNAMED  # "another commander", "one knowledgeable official": nobody we can name
        words = [t for t in toks[lo:hi] if t.is_word or t.is_acronym]
        if words and all(t.text[0].isupper() for t in words):  # "Ivanov said": known before
            known = [self.person_orgs[t.text] for t in words if t.text in self.person_orgs]
            if known:
                return known[-1]
        relative = next((k for k in range(lo + 1, hi) if toks[k].lower in ("who", "which", "that")), hi)
        words = [t for t in toks[lo:relative] if t.is_word or t.is_acronym]
        if len(words) > MAX_NAME_WORDS or not words:
            return None
        return clean_text(self.text[toks[lo].start:toks[relative - 1].end])  # "a volunteer who ..."

    def _structured_name(self, view: SentenceView, lo: int, hi: int) -> str | None:
        toks = view.tokens
        for k in range(lo, hi - 1):
            word = toks[k].lower
            if word in REPORT_NOUNS and view.lower(k + 1) in ("by", "from", "of"):
                j = k + 2
                while j < hi and toks[j].text in ("*", "_", "the", "The"):
                    j += 1  # markdown emphasis, an article
                if j < hi and toks[j].text[:1].isupper():
                    return self._plain(view, j, _chunk_end(toks, j, hi))
        for k in range(lo, hi):
            if _role_word(toks[k]) and view.lower(k + 1) in ("for", "of", "to", "with") and k + 2 < hi:
                name = self._role_object(view, k + 2, hi)
                if name:
                    self._remember_people(view, lo, k, name)
                    return name
        mentions = [a for a in view.actors_in(toks[lo].start, toks[hi - 1].end)
                    if a.actor.kind != "civilians" and not _after_against(view, a.start)]
        if mentions:
            name = self._mention_name(view, lo, hi, mentions)
            if name is not None:
                self._remember_people(view, lo, hi, name)
            return name
        for k in range(lo, hi):
            if _role_word(toks[k]) and k > lo:
                run = k
                while run > lo and (toks[run - 1].is_acronym or toks[run - 1].text[0].isupper()
                                    or toks[run - 1].text in ("'", "’")) and not toks[run - 1].is_digits:
                    run -= 1
                words = [t for t in toks[run:k] if t.is_word and t.lower not in ("one", "a", "the")]
                sentence_initial = words and words[0] is toks[0] and len(words) == 1 and not words[0].is_acronym
                if words and not sentence_initial:
                    text = clean_text(self.text[words[0].start:words[-1].end])
                    name = self.person_orgs.get(text, text)
                    self._remember_people(view, k, hi, name)
                    return name
        return None

    def _role_object(self, view: SentenceView, lo: int, hi: int) -> str | None:
        """ "a spokesman for X" (or for X, <appositive naming a known actor>)."""
        toks = view.tokens
        end = _chunk_end(toks, lo, hi)
        inside = [a for a in view.actors_in(toks[lo].start, toks[end - 1].end) if a.actor.kind != "civilians"]
        if not inside and end < hi and toks[end].text == ",":
            after = _chunk_end(toks, end + 1, hi)
            appositive = [a for a in view.actors_in(toks[end + 1].start, toks[after - 1].end)
                          if a.actor.kind != "civilians" and not _after_against(view, a.start)] \
                if after > end + 1 else []
            if appositive:
                name = appositive[0].actor.name
                self.person_orgs[_initials(self.text[toks[lo].start:toks[end - 1].end])] = name
                return name
        return self._plain(view, lo, end)

    def _mention_name(self, view: SentenceView, lo: int, hi: int, mentions: list) -> str | None:
        """A canonical actor name, or the text when the actor covers only part of an
        organization's name ("the Southland Ministry of Defence")."""
        toks = view.tokens
        words = [t for t in toks[lo:hi] if t.is_word or t.is_acronym]
        if any(t.lower == "former" for t in words):
            return self._plain_text(view, lo, hi)
        covered = lambda t: any(m.start <= t.start and t.end <= m.end for m in mentions)  # noqa: E731
        stray = [t for t in words if not covered(t) and t.text[0].isupper()
                 and not _role_word(t) and t.lower not in ("the",)]
        if any(t.lower in ORG_WORDS for t in stray):
            return self._plain_text(view, lo, _chunk_end(toks, lo, hi))
        joined = _joined_mentions(view, mentions)
        return joined or mentions[0].actor.name

    def _plain(self, view: SentenceView, lo: int, hi: int) -> str | None:
        mentions = [a for a in view.actors_in(view.tokens[lo].start, view.tokens[hi - 1].end)
                    if a.actor.kind != "civilians"] if lo < hi else []
        if mentions:
            return self._mention_name(view, lo, hi, mentions)
        return self._plain_text(view, lo, hi)

    def _plain_text(self, view: SentenceView, lo: int, hi: int) -> str | None:
        lo, hi = _trim(view, lo, hi)
        if lo >= hi:
            return None
        return clean_text(self.text[view.tokens[lo].start:view.tokens[hi - 1].end])

    def _remember_people(self, view: SentenceView, lo: int, hi: int, org: str) -> None:
        """Capitalized names next to a resolved organization speak for it later on."""
        for tok in view.tokens[lo:hi]:
            if tok.is_word and tok.text[0].isupper() and not _role_word(tok) and \
                    not view.actors_in(tok.start, tok.end) and len(tok.text) > 2:
                self.person_orgs[tok.text] = org



def clean_text(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text).replace("*", "").replace("_", " ")
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"['’]s$", "", text)
    return text.strip(" ,.;:“”\"'")


def _role_word(tok: Token) -> bool:
    return tok.lower in ROLE_WORDS or tok.lower.rsplit("-", 1)[-1] in ROLE_WORDS


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def _chunk_end(toks: tuple[Token, ...], lo: int, hi: int) -> int:
    for k in range(lo, hi):
        if toks[k].text in (",", "(", ";"):
            return k
    return hi


def _trim(view: SentenceView, lo: int, hi: int) -> tuple[int, int]:
    """Drop leading adverbial chunks ("On 3 February,"), edge adverbs and punctuation."""
    toks = view.tokens
    while True:
        comma = next((k for k in range(lo, hi) if toks[k].text == ","), None)
        if comma is None or comma == lo:
            break
        chunk = toks[lo:comma]
        adverbial = chunk[0].lower in ADVERBIAL_STARTS or all(
            t.lower in TRIM_WORDS or not t.is_word for t in chunk) or any(
            t.lower in MONTH_WORDS and t.text[0].isupper() or re.fullmatch(r"\d{4}", t.text)
            or t.lower in TIME_NOUNS for t in chunk)  # "A month into the invasion,"
        if not adverbial or view.actors_in(chunk[0].start, chunk[-1].end) and chunk[0].lower not in ADVERBIAL_STARTS:
            break
        lo = comma + 1
    while lo < hi and (toks[lo].lower in TRIM_WORDS or toks[lo].text in (",", "(", "—", "–", "-")
                       or toks[lo].lower in ("the", "a", "an") and hi - lo == 1):
        lo += 1
    while hi > lo and (toks[hi - 1].lower in TRIM_WORDS or toks[hi - 1].text in (",", ")", "—", "–", ".")
                       or toks[hi - 1].lower in ("initially", "widely", "not", "did")
                       or toks[hi - 1].text.endswith("ly") and toks[hi - 1].text.islower()):
        hi -= 1
    return lo, hi


def _after_against(view: SentenceView, offset: int) -> bool:
    k = view.token_at(offset)
    return view.lower(k - 1) in ("against", "on", "with", "from") or view.lower(k - 2) == "against"


def _joined_mentions(view: SentenceView, mentions: list) -> str | None:
    """ "Human Rights Watch and the UN": two sources named together."""
    if len(mentions) < 2:
        return None
    a, b = mentions[0], mentions[1]
    between = view.text[a.end:b.start].strip().lower()
    if between == "and" and a.actor.name != b.actor.name:
        return f"{a.actor.name} and {b.actor.name}"
    return None

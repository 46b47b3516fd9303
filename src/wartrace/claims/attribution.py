"""Who a document credits for a number.

Frames looked for, nearest first: a parenthesis right after the figure ("(according to
X)", "(X estimate)", "(... from X)"); a quotation holding it (its speaker); "according
to X" in the sentence; a reporting verb before it ("X said/reported/estimated that");
", X said." closing the sentence; an embedded tweet's signature line; a paragraph
introduced by "X reports that ...:". The document's own voice, first-person sources
("our team") and unnamed ones ("it was reported", "reportedly") give None.
naming.py turns the words of a frame into a source's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from wartrace.claims.naming import TRIM_WORDS, UNNAMED, SourceNamer, clean_text
from wartrace.claims.sentence import SentenceView
from wartrace.claims.tokens import Token

REPORTING_VERBS = frozenset("""
    said says say saying stated reported reports report estimated estimates
    estimate claimed claims claim announced announces told tells added adds confirmed
    confirms tweeted tweets wrote writes noted notes counted counts documented documents
    recorded records cited cites alleged alleges declared declares acknowledged acknowledges
    indicated indicates showed shows revealed reveals concluded concludes assessed quoted
""".split())
# Words that are verbs only after a subject ("UNHCR reports that"), nouns after "a", "the".
NOUN_LIKE_VERBS = frozenset("""
    report reports estimate estimates estimated claim claims records documents
    notes shows counts count say
""".split())
SUBJECT_ADVERBS = frozenset({"also", "now", "later", "still", "it", "he", "she", "which", "who",
                             "that", "further", "separately"})
NOUN_CONTEXT = frozenset("""
    a an the its their his her our this latest new of in to by for
""".split())
STATEMENT_NOUNS = frozenset("""
    statement statements report communique communiqué announcement release letter message
    tweet post
""".split())
ISSUING_VERBS = frozenset({"issued", "released", "published", "put", "sent", "posted", "made"})
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
SUBJECT_BOUNDARIES = frozenset({";", ":", "that", "but", "while", "whereas"})
ESTIMATE_TAILS = frozenset({"estimate", "estimates", "figures", "figure", "count", "claim",
                            "claims", "data", "tally"})
MAX_SUBJECT_TOKENS = 40

_SIGNATURE = re.compile(r"^[ \t]*[—–][ \t]*(?P<name>[^(\n]+?)[ \t]*\(@\w+\)[ \t]*(?P<date>[^\n]*)$",
                        re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Frame:
    kind: str  # paren, according, verb, trailing
    at: int  # token index where the frame sits
    end: int  # token index after it (for parentheses)
    name: str | None  # UNNAMED or a name


@dataclass
class DocumentSources:
    """Attribution frames of one document, built once, asked per claim."""

    text: str
    views: list[SentenceView]
    frames: dict[int, list[Frame]] = field(default_factory=dict)
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    paragraph_sources: dict[int, str] = field(default_factory=dict)
    paragraph_dates: dict[int, str] = field(default_factory=dict)
    namer: SourceNamer = field(init=False)

    def __post_init__(self) -> None:
        self.namer = SourceNamer(self.text)

    @classmethod
    def build(cls, text: str, views: list[SentenceView]) -> DocumentSources:
        sources = cls(text, views)
        last_named: str | None = None
        for view in views:
            frames = sources._frames_of(view, last_named)
            sources.frames[view.index] = frames
            named = [f.name for f in frames if f.name and f.name != UNNAMED]
            if named:
                last_named = named[-1]
        sources._find_quotes()
        sources._find_signatures()
        sources._find_colon_intros()
        return sources

    # --- asking ------------------------------------------------------------------------

    def source_for(self, view: SentenceView, start: int, end: int) -> str | None:
        frames = self.frames.get(view.index, [])
        first, stop = view.token_at(start), view.token_at(end)
        for frame in frames:
            if frame.kind == "paren" and stop <= frame.at and _same_list(view, stop, frame.at):
                return _public(frame.name)
        for q_start, q_end, speaker in self.quotes:
            if q_start <= start and end <= q_end and speaker:
                return _public(speaker)
        outside = [f for f in frames if not any(p.kind == "paren" and p.at <= f.at < p.end
                                                for p in frames)]
        # the nearest frame wins: "X said A ..., facing B, according to Y" credits B to Y
        candidates = [(first - f.end, 0, f) for f in outside
                      if f.kind in ("according", "verb") and f.at < first]
        candidates += [(f.at - stop, 1, f) for f in outside
                       if f.kind in ("according", "trailing") and f.at >= stop]
        if candidates:
            return _public(min(candidates, key=lambda c: (c[0], c[1]))[2].name)
        return self.paragraph_sources.get(view.paragraph)

    def date_for(self, view: SentenceView) -> str | None:
        """The date of an embedded tweet, from its signature line."""
        return self.paragraph_dates.get(view.paragraph)

    # --- frames of a sentence ----------------------------------------------------------

    def _frames_of(self, view: SentenceView, last_named: str | None) -> list[Frame]:
        frames: list[Frame] = []
        toks = view.tokens
        i = 0
        while i < len(toks):
            word = toks[i].lower
            if toks[i].text == "(":
                close = _closing(toks, i)
                name = self._paren_source(view, i + 1, close)
                if name:
                    frames.append(Frame("paren", i, close + 1, name))
            elif word == "according" and view.lower(i + 1) == "to":
                hi = _phrase_end(toks, i + 2)
                frames.append(Frame("according", i, hi, self.namer.name(view, i + 2, hi, last_named)))
            elif word in REPORTING_VERBS and not _is_object_use(view, i):
                frame = self._verb_frame(view, i, last_named)
                if frame is not None:
                    frames.append(frame)
            i += 1
        return frames

    def _verb_frame(self, view: SentenceView, verb: int, last_named: str | None) -> Frame | None:
        toks = view.tokens
        passive = view.lower(verb - 1) in PASSIVE_AUX or (
            view.lower(verb - 2) in PASSIVE_AUX and view.lower(verb - 1) in TRIM_WORDS | {"initially", "widely"})
        if passive:  # "it was reported (by X) that"
            if view.lower(verb + 1) == "by":
                hi = _phrase_end(toks, verb + 2)
                return Frame("verb", verb, hi, self.namer.name(view, verb + 2, hi, last_named))
            return Frame("verb", verb, verb + 1, UNNAMED)
        if view.lower(verb - 1) == "," and verb > 1 and toks[verb - 2].text in ("”", '"') \
                and _sentence_closes(toks, verb):
            hi = _phrase_end(toks, verb + 1)  # ", said a spokesman for X."
            return Frame("trailing", verb, hi, self.namer.name(view, verb + 1, hi, last_named))
        lo = _subject_start(view, verb)
        closing_comma = _closing_subject(view, lo, verb)
        if closing_comma is not None:  # "..., the US military later acknowledged."
            name = self.namer.name(view, closing_comma, verb, last_named)
            if name is not None:
                return Frame("trailing", verb, verb + 1, name)
        if lo == verb and view.lower(verb - 1) in ("that", "which") and \
                view.lower(verb - 2) in STATEMENT_NOUNS:
            issuing = _issuing_verb(view, verb - 2)
            if issuing is None:
                return None
            lo, verb_at = _subject_start(view, issuing), issuing
        else:
            verb_at = verb
        if lo >= verb_at:
            return None
        quoted = _quoted_name_before(view, lo)
        name = quoted or self.namer.name(view, lo, verb_at, last_named)
        if name is None:
            return None
        closing = _sentence_closes(toks, verb) and lo > 0 and toks[lo - 1].text in (",", "”", '"')
        return Frame("trailing" if closing else "verb", verb, verb + 1, name)

    def _paren_source(self, view: SentenceView, lo: int, hi: int) -> str | None:
        words = [view.lower(k) for k in range(lo, hi)]
        if "according" in words:
            k = lo + words.index("according")
            if view.lower(k + 1) == "to":
                return self.namer.name(view, k + 2, hi, None)
        if words and words[-1] in ESTIMATE_TAILS:
            return self.namer.name(view, lo, hi - 1, None)
        if "from" in words:
            k = lo + len(words) - 1 - words[::-1].index("from")
            return self.namer.name(view, k + 1, hi, None)
        return None

    # --- document-level frames ---------------------------------------------------------

    def _find_quotes(self) -> None:
        text = self.text
        spans: list[tuple[int, int]] = []
        for m in re.finditer(r"“[^“”]{1,3000}”", text):
            spans.append((m.start(), m.end()))
        for paragraph in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
            marks = [m.start() for m in re.finditer('"', paragraph.group())]
            for a, b in zip(marks[::2], marks[1::2]):
                spans.append((paragraph.start() + a, paragraph.start() + b + 1))
        for start, end in sorted(spans):
            self.quotes.append((start, end, self._speaker(start, end)))

    def _speaker(self, start: int, end: int) -> str | None:
        for view in self.views:
            if view.start <= end <= view.end + 1:
                close = view.token_at(end - 1)
                for frame in self.frames.get(view.index, []):
                    if frame.kind in ("verb", "trailing") and close < frame.at <= close + 16:
                        return frame.name if frame.name != UNNAMED else None
            if view.start <= start < view.end:
                opening = view.token_at(start)
                frames = [f for f in self.frames.get(view.index, [])
                          if f.kind == "verb" and f.at < opening and opening - f.at <= 4]
                if frames:
                    return frames[-1].name if frames[-1].name != UNNAMED else None
        return None

    def _find_signatures(self) -> None:
        for m in _SIGNATURE.finditer(self.text):
            before = [v for v in self.views if v.end <= m.start()]
            if not before:
                continue
            paragraph = before[-1].paragraph
            view = next(v for v in self.views if v.start <= m.start("name") < v.end + 1) \
                if any(v.start <= m.start("name") < v.end + 1 for v in self.views) else None
            name = None
            if view is not None:
                lo, hi = view.token_at(m.start("name")), view.token_at(m.end("name"))
                name = self.namer.name(view, lo, hi, None)
            self.paragraph_sources[paragraph] = _public(name or clean_text(m.group("name")))
            date = _iso_date(m.group("date"))
            if date:
                self.paragraph_dates[paragraph] = date

    def _find_colon_intros(self) -> None:
        for k, view in enumerate(self.views[:-1]):
            if not self.text[view.start:view.end].rstrip().endswith(":"):
                continue
            names = [f.name for f in self.frames.get(view.index, []) if f.kind in ("verb", "according")]
            following = self.views[k + 1]
            if names and names[-1] != UNNAMED and following.paragraph != view.paragraph:
                self.paragraph_sources.setdefault(following.paragraph, names[-1])


# --- helpers ---------------------------------------------------------------------------

def _same_list(view: SentenceView, stop: int, paren: int) -> bool:
    """The parenthesis follows the claim, or a figure coordinated with it
    ("700 regular militants and 1,500 militiamen (X's figures)")."""
    if paren - stop <= 2:
        return True
    between = view.tokens[stop:paren]
    return (paren - stop <= 8 and any(t.lower == "and" for t in between)
            and any(t.is_digits for t in between)
            and not any(t.text in ("(", ")", ";", ",", ".") for t in between))


def _public(name: str | None) -> str | None:
    return None if name in (None, UNNAMED) else name




def _quoted_name_before(view: SentenceView, lo: int) -> str | None:
    """ "“Free Voices,” the citizen network ... tweeted": a short title-case quotation
    right before the subject is the source's name."""
    toks = view.tokens
    if lo < 2 or toks[lo - 1].text not in ("”", '"'):
        return None
    opening = next((k for k in range(lo - 2, -1, -1) if toks[k].text in ("“", '"')), None)
    if opening is None:
        return None
    words = [t for t in toks[opening + 1:lo - 1] if t.is_word]
    capitals = sum(t.text[0].isupper() for t in words)
    if not 1 < len(words) <= 6 or capitals * 2 < len(words) or view.lower(lo) not in ("the", "a", "an"):
        return None
    return clean_text(view.text[toks[opening + 1].start:toks[lo - 2].end])




def _closing(toks: tuple[Token, ...], i: int) -> int:
    depth = 0
    for k in range(i, len(toks)):
        if toks[k].text == "(":
            depth += 1
        elif toks[k].text == ")":
            depth -= 1
            if depth == 0:
                return k
    return len(toks)


def _phrase_end(toks: tuple[Token, ...], lo: int) -> int:
    """End of a source phrase: the next comma, parenthesis, 'that' or clause end."""
    for k in range(lo, len(toks)):
        if toks[k].text in (",", ")", ";", ":", ".", "(", "”", '"') or toks[k].lower == "that":
            return k
    return len(toks)




def _sentence_closes(toks: tuple[Token, ...], verb: int) -> bool:
    """Only a short tail (", X said on Tuesday.") follows the verb."""
    return len(toks) - verb <= 12 and not any(t.is_digits for t in toks[verb:])


def _subject_start(view: SentenceView, verb: int) -> int:
    toks = view.tokens
    k = verb - 1
    while k >= 0 and verb - k <= MAX_SUBJECT_TOKENS:
        text = toks[k].text
        if text in SUBJECT_BOUNDARIES or toks[k].lower in SUBJECT_BOUNDARIES or text in ("”",):
            return k + 1
        if text == '"' and k > 0 and toks[k - 1].text == ",":
            return k + 1
        if text == "," and view.lower(k + 1) == "and":
            return k + 2
        k -= 1
    return max(k + 1, 0)


def _closing_subject(view: SentenceView, lo: int, verb: int) -> int | None:
    """Start of the subject of a sentence-final reporting verb after a comma."""
    toks = view.tokens
    if not _sentence_closes(toks, verb):
        return None
    commas = [k for k in range(lo, verb) if toks[k].text == ","]
    for comma in reversed(commas):
        if verb - comma > 2 or comma < verb - 1 and toks[comma + 1].is_word:
            if any(t.is_digits for t in toks[lo:comma]):
                return comma + 1
            return None
    return None


def _issuing_verb(view: SentenceView, noun: int) -> int | None:
    for k in range(noun - 1, max(-1, noun - 4), -1):
        if view.lower(k) in ISSUING_VERBS:
            return k
    return None


def _is_object_use(view: SentenceView, i: int) -> bool:
    """ "claimed the lives of", "a report by", "Islamic State": not a reporting frame."""
    word = view.lower(i)
    if i > 0 and view.tokens[i].text[0].isupper():
        return True
    if word == "claimed" and view.lower(i + 2) == "lives":
        return True
    if word in NOUN_LIKE_VERBS:
        if i == 0:
            return True
        previous = view.tokens[i - 1]
        if word.endswith("s") and word != "says":  # "UNHCR reports that", not "some reports"
            return not (previous.is_acronym or previous.text[0].isupper()
                        or previous.lower in SUBJECT_ADVERBS or view.lower(i + 1) == "that"
                        or view.actors_in(previous.start, previous.end))
        return not (previous.is_word or previous.is_acronym) or previous.lower in NOUN_CONTEXT
    return False








_MONTH_NUMBERS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_DATE = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})")


def _iso_date(text: str) -> str | None:
    """ "October 17, 2017" or "17 October 2017" as 2017-10-17."""
    m = _DATE.search(text)
    if not m:
        return None
    month = _MONTH_NUMBERS.get(m.group(2).lower())
    day = m.group(1) or m.group(3)
    if month is None:
        return None
    return f"{m.group(4)}-{month:02d}-{int(day):02d}" if day else f"{m.group(4)}-{month:02d}"

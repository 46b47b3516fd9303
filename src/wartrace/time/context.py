"""What a rule needs to resolve an expression: the document date, the flow, the tense.

``Flow`` is the running state of one pass over a document: the last date mentioned
(the reference time of narratives), the last year stated, the last quarter talked
about. ``Context`` bundles it with the text and the document kind and answers the
questions rules ask: which year does "3 July" fall in, which Tuesday is "Tuesday".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from wartrace.time.values import Point

NEWS = "news"
NARRATIVE = "narrative"

# a sentence ends at ". " or a line end, not after an abbreviation ("Oct. 13", "a.m. EDT",
# "Mr. Bush", "U.S. officials"); a dot inside a number ("$29.75") is no end at all
_STOP = re.compile(r"(?P<word>[\w.]*)[.!?][\"')]*\s|\n")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr co no vs inc corp gen sen rep gov ltd lt col sgt capt jan feb mar apr
    aug sep sept oct nov dec""".split()
)


def _ends_sentence(m: re.Match) -> bool:
    word = m["word"]
    if word is None:
        return True  # a line end
    core = word.rstrip(".").lower()
    return not core or not (len(core) == 1 or "." in core or core in _ABBREVIATIONS)


def _sentence_stops(text: str, start: int, end: int):
    return (m for m in _STOP.finditer(text, start, end) if _ends_sentence(m))


_WORD = re.compile(r"[A-Za-z']+")
_FUTURE = frozenset(
    """will 'll shall wo going scheduled expected plans plan planning intends
    intend due upcoming payable effective slated await awaits expects hopes hope
    tomorrow next coming later would might must should""".split()
)
_PAST = frozenset(
    """was were had did said told made took came went gave got began fell rose saw found
    left met sold bought paid won lost held struck hit killed ago last yesterday earlier
    knew thought brought fought caught sent spent built became ran led announced
    has have been""".split()
)
# words in -ed that are no past tense (or, like "scheduled", point ahead)
_NOT_PAST_ED = frozenset(
    """need indeed speed seed bed red shed feed proceed exceed succeed united limited based
    related scheduled expected planned proposed anticipated""".split()
)


@dataclass
class Flow:
    """Running state of one pass (mutable on purpose: it is the pass's memory, never
    stored); ``index`` fields point into the timexes found so far."""

    reference: Point | None = None  # last date mentioned, for anaphora
    reference_index: int | None = None
    day_reference: Point | None = None  # last day (or finer) mentioned, for "the next day"
    day_reference_index: int | None = None
    year: int | None = None  # last year stated, for "On 3 July"
    year_index: int | None = None
    quarter: Point | None = None  # last quarter talked about ("a year earlier" -> that quarter)
    quarter_end: int = -1
    aside: Point | None = None  # a date in an aside ("had fled in June 1998") when it is the last one
    aside_index: int | None = None
    # a stated year earlier than the story's (a flashback: "launched on 6 November 2016" in a
    # 2017 story) holds for year inference in its own paragraph only; past it the story's
    # year comes back ("from June to August" two paragraphs on is 2017)
    main_year: int | None = None  # the story's year while the flow is in a flashback
    year_end: int = -1  # where the last year was stated
    focus_year: int | None = None  # the year of the first full date: the story's own


@dataclass
class Context:
    text: str
    dct: dt.date | None
    kind: str = NEWS
    flow: Flow = field(default_factory=Flow)

    _event_starts: dict | None = field(default=None, repr=False)

    def event_starts(self) -> dict:
        """Where the text says its event began ("The battle began on 6 June 2017"), per noun."""
        if self._event_starts is None:
            from wartrace.time.relative import event_starts

            self._event_starts = event_starts(self.text)
        return self._event_starts

    @property
    def narrative(self) -> bool:
        return self.kind == NARRATIVE

    # --- anchors ----------------------------------------------------------------
    def deictic_anchor(self) -> tuple[Point | None, str | None]:
        """What "yesterday", "last week", "on Tuesday" count from."""
        if self.narrative and self.flow.reference is not None:
            return self.flow.reference, "ref"
        if self.dct is not None:
            return Point.of_date(self.dct), "dct"
        if self.flow.reference is not None:
            return self.flow.reference, "ref"
        return None, None

    def anaphoric_anchor(self, need_day: bool = False) -> tuple[Point | None, str | None]:
        """What "the next day", "two days later", "that week" count from.

        A day is counted from the last day mentioned, even if a coarser date ("since
        2014") came after it.
        """
        ref = self.flow.reference
        if need_day and (ref is None or ref.granularity not in ("day", "time")):
            if self.flow.day_reference is not None:
                return self.flow.day_reference, "ref:day"
        if ref is not None:
            return ref, "ref"
        if self.dct is not None:
            return Point.of_date(self.dct), "dct"
        return None, None

    # --- year inference ---------------------------------------------------------
    def year_for(self, month: int, day: int | None, start: int, end: int) -> tuple[int | None, str | None]:
        """The year of an expression that names a month (and a day) but no year."""
        if self.narrative or self.dct is None:
            year = self.flow.year
            if self.flow.main_year is not None and "\n" in self.text[self.flow.year_end:start]:
                # past its paragraph, a flashback's year holds only while the story goes on from
                # it ("in August 2014 ... On 9 August"); a bare year ("founded in 1832") or a date
                # that would lie before the flashback returns to the story's year
                ref = self.flow.reference
                if ref is None or ref.year != year or ref.granularity in ("year", "half", "season") \
                        or dt.date(year, month, min(day or 1, 28)) < ref.start():
                    year = self.flow.main_year
            if year is not None and self.flow.main_year is not None and self.flow.main_year - year > 25:
                # history ("ruled from 1501 to 1736"), not a flashback a bare date lives in: the
                # story's year, moving on from the story's last day
                return self._forward_year(self.flow.main_year, month, day, self.flow.day_reference), "ref"
            if year is None and self.flow.reference is not None:
                year = self.flow.reference.year
            if year is None and self.flow.aside is not None:
                year = self.flow.aside.year  # only a bracketed year so far: "The X offensive (2017) ..."
            if year is not None:
                return self._forward_year(year, month, day), "ref"
            if self.dct is None:
                return None, None
        # news: the occurrence nearest to the document date, unless it is far off and the
        # tense points the other way ("the plant closed in March" read in October)
        dct = self.dct
        near = 60 if day else 2
        far = 330 if day else 11
        nearest = min((dct.year - 1, dct.year, dct.year + 1),
                      key=lambda y: abs(_months_between(dct, y, month, day)))
        offset = _months_between(dct, nearest, month, day)
        if abs(offset) > near:
            tense = self.tense(start, end)
            if (tense == "past" and offset > 0) or (tense == "future" and offset < 0):
                other = nearest + (-1 if tense == "past" else 1)
                if abs(_months_between(dct, other, month, day)) <= far:
                    nearest = other
        return nearest, "dct"

    def _forward_year(self, year: int, month: int, day: int | None, ref: Point | None = None) -> int:
        """Narratives move forward: "3 January" after "28 December 2016" is in 2017 (counted
        from ``ref``, by default the last date mentioned)."""
        ref = ref or self.flow.reference
        if ref is None or ref.granularity in ("year", "decade", "century") or ref.year != year:
            return year
        ref_day = ref.start()
        candidate = dt.date(year, month, min(day or 1, 28))
        if (ref_day - candidate).days > 240:
            return year + 1
        return year

    # --- tense ------------------------------------------------------------------
    def tense(self, start: int, end: int) -> str | None:
        """Past or future, from the verb nearest to the expression in its sentence."""
        text = self.text
        if _SOON_AS.search(text, max(0, start - 16), start):
            return "future"
        left = max(start - 200, 0)
        for m in _sentence_stops(text, left, start):
            left = m.end()
        right_match = next(_sentence_stops(text, end, min(len(text), end + 200)), None)
        right = right_match.start() + len(right_match["word"] or "") if right_match else min(len(text), end + 200)
        before = [w.lower() for w in _WORD.findall(text, left, start)]
        after = [w.lower() for w in _WORD.findall(text, end, right)]
        back = _scan(before[::-1], leftward=True)
        ahead = _scan(after, leftward=False)
        if ahead is not None and after[ahead[0]] in _REPORTING:
            ahead = (ahead[0] + 10, ahead[1])  # "..., officials said": the report, not the event
        if back is None:
            return ahead[1] if ahead else None
        if ahead is None or back[0] <= ahead[0]:
            return back[1]
        return ahead[1]


_DETERMINERS = frozenset("the a an its his her their our your my this that these those".split())
_INTEND = frozenset(
    """planned set poised ready prepared preparing hoped wanted wants promised pledged vowed
    threatened agreed decided""".split()
)
_REPORTING = frozenset("said told reported announced added stated claimed".split())
_SOON_AS = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.I)
_MODALS = frozenset("will 'll shall would must should could might may can to".split())
_BE = frozenset("be been being is are am was were 's".split())


def _scan(words: list[str], leftward: bool) -> tuple[int, str] | None:
    """(distance, tense) of the first tense-bearing word; a passive defers to its auxiliary.

    ``words`` run away from the expression: right to left when ``leftward``.
    """
    n = len(words)
    for i, word in enumerate(words):
        # the neighbours in text order
        if leftward:
            following = words[i - 1] if i > 0 else None
            preceding = words[i + 1] if i + 1 < n else None
        else:
            following = words[i + 1] if i + 1 < n else None
            preceding = words[i - 1] if i > 0 else None
        if word == "deadline" and leftward:
            return i, "future"  # "the deadline is Dec. 15" (but "by the Tuesday deadline" can be over)
        if word in _FUTURE:
            if word == "next" and following == "to":
                continue  # "next to the embassy": a place
            if preceding in _DETERMINERS:
                continue  # "announced the plan", "the expected rise": a noun or an adjective
            if leftward and following == "to" and "had" in words[i + 1:i + 3]:
                return i, "past"  # "had been due to expire Friday": a plan that is over
            return i, "future"
        if word in _INTEND and following == "to":
            return i, "future"  # "planned to leave on Thursday", "set to resume Monday"
        if word == "be" and leftward:
            if any(aux in _MODALS for aux in words[i + 1:i + 3]):
                return i, "future"
            continue
        passive = leftward and preceding in _BE  # "would still be held": the auxiliary decides
        if word in _PAST:
            if passive and word not in _BE:
                continue
            return i, "past"
        if word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED and not word.startswith("un"):
            if passive:
                continue
            return i, "past"
    return None


def _months_between(dct: dt.date, year: int, month: int, day: int | None) -> int:
    """Signed distance from the document date, in days (day known) or months."""
    if day is None:
        return (year - dct.year) * 12 + month - dct.month
    try:
        return (dt.date(year, month, day) - dct).days
    except ValueError:
        return (year - dct.year) * 365 + (month - dct.month) * 30

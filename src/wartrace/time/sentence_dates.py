"""The date each sentence's events most likely happen on.

A sentence with dates of its own takes the most telling one: the finest, and among
equals the first, leaving aside background dates ("since 2014", a parenthesis, a
relative clause in the pluperfect: "the plant that the SDF had captured three days
earlier"). A sentence without one inherits the last date of its paragraph (FORMAT.md:
a date carries forward through a paragraph); past its paragraph only the year is kept,
or the date of the section heading the paragraph sits under ("### February 24, 2022").
Fighting that "lasted until the next morning" gets week precision from its day, a
sentence about the whole event ("During the battle, ...") only the year, and after "the
night of 3-4 July" the story goes on from 4 July. In news, sentences before any date
take the publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from wartrace.model import Sentence, SentenceDate
from wartrace.time.tagger import Found
from wartrace.time.values import Point

_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}
_BACKGROUND_LEAD = re.compile(r"(?:\bsince|\buntil|\bbefore|\bin\s+the\s+wake\s+of|\()\s*$", re.I)
# a relative clause in the pluperfect ("the plant that the SDF had captured three days
# earlier") dates an earlier event; a reported one ("stated that they had destroyed ...
# between 7-9 June") is the sentence's news
_PLUPERFECT = re.compile(r"(?<!\bsaid )(?<!\bstated )(?<!\breported )(?<!\bannounced )(?<!\bclaimed )(?<!\bconfirmed )"
                         r"\b(?:that|which|who|when|where)\b[^,;]*\bhad\b[^,;]*$", re.I)
_SUBSEQUENTLY = re.compile(r"\bsubsequently\b", re.I)
# "During the battle, ...": the whole of a months-long event, only its year (FORMAT.md vague dates)
_WHOLE_EVENT = re.compile(r"\W*(?:during|throughout)\s+the\s+(?:battle|siege|war|campaign|offensive|occupation)\b", re.I)
_UNTIL = re.compile(r"\buntil\s*$", re.I)
_NIGHT = re.compile(r"\bnight\b", re.I)
_SKIP_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def iso_date(point: Point, precision: str) -> str:
    d = point.start()
    if precision in ("day", "week"):
        return d.isoformat()
    if precision == "month":
        return d.isoformat()[:7]
    return str(d.year)


def _usable(found: Found) -> bool:
    t = found.timex
    if found.point is None or t.value in _SKIP_VALUES or t.type == "SET" or found.precision not in _RANK:
        return False
    return found.point.granularity not in ("decade", "century")


def _is_background(text: str, sentence: Sentence, found: Found) -> bool:
    before = text[sentence.start:found.timex.start]
    return bool(_BACKGROUND_LEAD.search(before) or _PLUPERFECT.search(before))


def sentence_dates(text: str, sentences: Sequence[Sentence], found: Sequence[Found],
                   published: dt.date | None = None, news: bool = False) -> tuple[SentenceDate, ...]:
    out: list[SentenceDate] = []
    usable = [(i, f) for i, f in enumerate(found) if _usable(f)]
    k = 0
    current: tuple[str, str, int | None] | None = None  # date, precision, timex
    paragraph = None
    section: tuple[int, tuple[str, str, int | None]] | None = None  # (heading level, its date)
    if news and published is not None:
        current = (published.isoformat(), "day", None)
    for index, sentence in enumerate(sentences):
        while k < len(usable) and usable[k][1].timex.start < sentence.start:
            k += 1
        own = []
        j = k
        while j < len(usable) and usable[j][1].timex.start < sentence.end:
            own.append(usable[j])
            j += 1
        level = _heading_level(text, sentence) if sentence.heading else None
        if level is not None:
            if section is not None and level <= section[0]:
                section = None  # a new section at the dated one's level or above
        if sentence.paragraph != paragraph and current is not None and paragraph is not None and not news:
            # beyond its paragraph only the year holds, or the date of the section's heading
            # ("### February 24, 2022" dates every paragraph under it)
            current = section[1] if section is not None else (current[0][:4], "year", current[2])
        paragraph = sentence.paragraph
        best = _pick(text, sentence, own)
        if level is not None and best is not None:
            i, f = best
            section = (level, (iso_date(f.point, f.precision), f.precision, i))
        if best is not None:
            i, f = best
            out.append(SentenceDate(index, iso_date(f.point, f.precision), f.precision, i, False))
            current = (iso_date(f.point, f.precision), f.precision, i)
            if _overnight(text, f):  # "in the night of 3-4 July": the story goes on on 4 July
                current = (f.last.start().isoformat(), "day", i)
        elif current is not None:
            date, precision = current[0], current[1]
            if precision == "day" and _SUBSEQUENTLY.search(text, sentence.start, sentence.end):
                precision = "week"  # "subsequently": within the next days (FORMAT.md)
            elif precision == "day" and _runs_into_next_day(text, sentence, own, date):
                precision = "week"  # "clashes lasted until the next morning" (FORMAT.md)
            if precision in ("day", "week", "month") and _WHOLE_EVENT.match(text, sentence.start, sentence.end):
                date, precision = date[:4], "year"
            out.append(SentenceDate(index, date, precision, current[2], True))
        else:
            out.append(SentenceDate(index, None, None, None, False))
    return tuple(out)


def _heading_level(text: str, sentence: Sentence) -> int:
    """1 for "# X" or "= X =", 3 for "### X"; a heading without marks counts as top level."""
    mark = re.match(r"\s*(#+|=+)", text[sentence.start:sentence.end])
    return len(mark.group(1)) if mark else 1


def _overnight(text: str, found: Found) -> bool:
    """A stated night over two days ("the night of 3-4 July")."""
    f = found
    return (f.last is not None and f.point is not None and _NIGHT.search(text, max(0, f.timex.start - 20), f.timex.end)
            is not None and (f.last.start() - f.point.start()).days == 1)


def _runs_into_next_day(text: str, sentence: Sentence, own: list[tuple[int, Found]], date: str) -> bool:
    """The sentence's fighting runs from its day "until the next morning"."""
    if len(date) != 10:
        return False
    day = dt.date.fromisoformat(date)
    for _, f in own:
        if f.point is not None and f.point.start() == day + dt.timedelta(days=1) \
                and _UNTIL.search(text, sentence.start, f.timex.start):
            return True
    return False


def _pick(text: str, sentence: Sentence, own: list[tuple[int, Found]]) -> tuple[int, Found] | None:
    if not own:
        return None
    ranked = []
    for position, (i, f) in enumerate(own):
        foreground = not _is_background(text, sentence, f)
        ranked.append(((foreground, _RANK[f.precision], -position), (i, f)))
    ranked.sort(key=lambda r: r[0], reverse=True)
    best_key, best = ranked[0]
    if not best_key[0]:
        return None  # only background dates: the sentence goes on with the flow
    return best

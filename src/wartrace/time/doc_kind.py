"""News or narrative: decides what relative dates count from.

A news piece is written on its date and talks about "yesterday" and "on Tuesday"; a
narrative (an encyclopedia article, a timeline, a report on past events) states its
dates in full and often has section headings. The choice is made from the text
alone, so it works for any source: many full dates with a year, or dated headings,
and few words that point at the writing date make a narrative. A document without
a date of its own can only be read as a narrative, unless it has a date hint (the
date of a similar dated report) and speaks like news.
"""
from __future__ import annotations

import re
from collections import Counter

from wartrace.time import lexicon as lx
from wartrace.time.context import NARRATIVE, NEWS

_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{lx.MONTH_CASED_RE}|{lx.MONTH_CASED_RE}(?:\s+\d{{1,2}},)?)\s+(?:1[5-9]|20)\d\d\b"
)
_DEICTIC = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|this\s+(?:week|morning|month)|last\s+(?:week|night|month)"
    r"|next\s+week|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)
_HEADING_LINE = re.compile(r"^(?:#{1,6}\s|={2,6}).*$", re.M)
# words counted from the day of writing, beyond _DEICTIC's: wire news says "said Thursday"
_WRITERS_NOW = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:this|last|next) (?:year|month|week))\b")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def document_kind(text: str, published: str | None, hinted: bool = False) -> str:
    """NEWS or NARRATIVE, from how the text states its dates.

    ``hinted``: ``published`` is not the document's own date but a hint (the date of a
    similar report); the document is then news only if its text points at its writing
    date ("yesterday", "on Tuesday") as well as passing the narrative tests.
    """
    if not published:
        return NARRATIVE
    if hinted and not _DEICTIC.search(text):
        return NARRATIVE
    full_dates = len(_FULL_DATE.findall(text))
    deictic = len(_DEICTIC.findall(text))
    headings = _HEADING_LINE.findall(text)
    dated_headings = sum(1 for h in headings if _FULL_DATE.search(h) or _YEAR.search(h))
    if dated_headings >= 2:
        return NARRATIVE
    if full_dates >= 4 and deictic * 3 <= full_dates and (len(headings) >= 2 or full_dates >= 8):
        return NARRATIVE
    # a text looking back from its date is a narrative when it does not speak from that date,
    # or when it is sectioned like an article ("today" there sits in a quote or a coda)
    quiet = deictic == 0 and not _WRITERS_NOW.search(text)
    if (quiet or len(headings) >= 5) and _looks_back(text, published, sectioned=len(headings) >= 2):
        return NARRATIVE
    return NEWS


def _looks_back(text: str, published: str, sectioned: bool) -> bool:
    """The text keeps naming a year before its own date and hardly names its own year: a
    retrospective (an encyclopedia article revised years after the battle), whose bare
    "3 July" belongs to the story's year, not to the year it was published in."""
    try:
        own = int(published[:4])
    except ValueError:
        return False
    years = [int(y) for y in _YEAR.findall(text)]
    years = [y for y in years if y <= own]
    if len(years) < (1 if sectioned else 2):
        return False  # one past year in a short piece is a reminder, in an article its subject
    most, _ = Counter(years).most_common(1)[0]
    return most < own and years.count(own) * 5 <= len(years)

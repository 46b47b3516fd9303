"""Rules for calendar expressions: dates, months, years, decades, seasons, quarters, holidays,
and stated ranges of days ("22-29 August", "between 7 and 9 June").

A missing year is inferred by the context (the flow's year in a narrative, the
document date and tense in news).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wartrace.time import lexicon as lx
from wartrace.time.base import MatchView, Reading, ci, date_reading, mod_of, rule
from wartrace.time.values import Point, easter, nth_weekday, safe_date

B = r"(?<![\w])"  # word start
E = r"(?![\w])"  # word end
# case-insensitive pieces (kept out of the f-strings below, which cannot hold backslashes)
FISCAL = ci(r'fiscal(?:\s+year)?|calendar|(?:the\s+)?year')
MON = rf"(?P<month>{lx.MONTH_CASED_RE}){E}"
MON2 = rf"(?P<month2>{lx.MONTH_CASED_RE}){E}"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY2 = r"(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<year>(?:1[0-9]|20)\d\d|'\d\d)(?![\d%]|,\d|\.\d)"
WD = rf"(?:(?P<weekday>{lx.WEEKDAY_CASED_RE}),?\s+)"
DASH = r"\s*[-\u2013\u2014]\s*"
MODP = ci(
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|end|beginning|start|turn)"
    r"(?:\s+of(?:\s+the)?|-|\s+))"
)
AMBIGUOUS_MONTHS = {"may", "march"}
MONTH_CUES = frozenset(
    """in since until till by from to through last next this early late mid of during before
    after between and or each every that on around about until throughout""".split()
)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if text.startswith("'"):
        two = int(text[1:])
        return 2000 + two if two < 50 else 1900 + two
    return int(text)


def _resolve_year(m, ctx, month: int, day: int | None) -> tuple[int | None, str | None]:
    year = _year(m.groupdict().get("year"))
    if year is not None:
        return year, None
    return ctx.year_for(month, day, m.start(), m.end())


def _day_point(m, ctx) -> Reading | None:
    month = lx.month_number(m["month"])
    day = int(m["day"])
    year, anchor = _resolve_year(m, ctx, month, day)
    if year is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}", None, None, None, False)
    d = safe_date(year, month, day)
    if d is None:
        return None
    return date_reading(Point.of_date(d), anchor)


def _iso(m, ctx) -> Reading | None:
    d = safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        p = Point(d.year, d.month, d.day, hour=int(m["hh"]), minute=int(m["mm"]))
        return date_reading(p, type_="TIME")
    return date_reading(Point.of_date(d))


def _numeric(m, ctx) -> Reading | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    month, day = (a, b) if a <= 12 else (b, a)  # month first unless it cannot be
    d = safe_date(y, month, day)
    return date_reading(Point.of_date(d)) if d else None


def _range(m, ctx) -> Reading | None:
    """A stated range: its first day, with week precision for a few days (FORMAT.md)."""
    g = m.groupdict()
    month2 = lx.month_number(g["month"])
    month1 = lx.month_number(g["month2"]) if g.get("month2") else month2
    day1, day2 = int(g["day"]), int(g["day2"])
    year, anchor = _resolve_year(m, ctx, month1, day1)
    if year is None:
        return None
    first = safe_date(year, month1, day1)
    last = safe_date(year if month1 <= month2 else year + 1, month2, day2)
    if first is None or last is None or last <= first:
        return None
    span = (last - first).days
    precision = "week" if span <= 10 else ("month" if first.month == last.month else "year")
    trim = len(g["lead"]) if g.get("lead") else 0
    # the flow goes on from the range's last day ("the next day" after "7-9 June" is 10 June)
    return Reading("DATE", Point.of_date(first).value, Point.of_date(last), None, anchor,
                   True, precision, trim)


def _month_range(m, ctx) -> Reading | None:
    g = m.groupdict()
    first, last = lx.month_number(g["month2"]), lx.month_number(g["month"])
    year, anchor = _resolve_year(m, ctx, first, None)
    if year is None or first == last:
        return None
    trim = len(g["lead"]) if g.get("lead") else 0
    end_year = year if first < last else year + 1
    return Reading("DATE", Point(year, first).value, Point(end_year, last), None, anchor, True,
                   "year", trim)


def _month_year(m, ctx) -> Reading | None:
    point = Point(_year(m["year"]), lx.month_number(m["month"]))
    return date_reading(point, mod=mod_of(m["mod"]))


def _month_rel_year(m, ctx) -> Reading | None:
    """"June last year", "January this year"."""
    base, anchor = ctx.deictic_anchor()
    if base is None:
        return None
    offset = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return date_reading(Point(base.year + offset, lx.month_number(m["month"])), anchor, mod_of(m["mod"]))


def _year_period(m, ctx) -> Reading | None:
    """"the 1988 quarter": the quarter under discussion, in that year."""
    quarter = ctx.flow.quarter
    if quarter is None and ctx.dct is not None:
        quarter = Point.of_date(ctx.dct).at_granularity("quarter").shift("quarter", -1)
    if quarter is None:
        return date_reading(Point(int(m["year"])))
    return date_reading(Point(int(m["year"]), quarter=quarter.quarter), anchors=False)


def _month(m, ctx) -> Reading | None:
    word = m["month"]
    low = word.lower()
    if not m["mod"]:
        if "." not in word and len(low) <= 4 and low not in ("may", "june", "july"):
            return None  # a bare "Jan" or "Dec" is more likely a name
        if low in AMBIGUOUS_MONTHS and not (_cued(ctx.text, m.start()) or _heading_alone(ctx.text, m.start(), m.end())):
            return None
    month = lx.month_number(word)
    year, anchor = ctx.year_for(month, None, m.start(), m.end())
    if year is None:
        return Reading("DATE", f"XXXX-{month:02d}", None, mod_of(m["mod"]), None, False)
    return date_reading(Point(year, month), anchor, mod_of(m["mod"]))


SEASON_CUES = frozenset("in during since until by early late mid of last next this".split())


def _heading_alone(text: str, start: int, end: int) -> bool:
    """A month that is a whole heading line ("### March") names the section's month."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(re.fullmatch(r"\s*[#=]+\s*", text[line_start:start])) and not text[end:line_end].strip(" #=")


def _cued(text: str, start: int, cues: frozenset[str] = MONTH_CUES) -> bool:
    before = text[max(0, start - 20):start].split()
    return bool(before) and before[-1].lower().strip(",(") in cues


_YEAR_COUNT_NOUN = frozenset(
    """people men women troops soldiers fighters civilians cars vehicles units shares jobs
    m km metres meters kilometres kilometers miles mi ft feet yards kg tonnes tons shells rounds
    rockets missiles mortars strikes airstrikes sorties casualties dead killed wounded prisoners
    hostages residents families refugees personnel police militants rebels""".split()
)
# before a bare number these make it a count ("up to 1500 shells"), not a year
_COUNT_LEAD = re.compile(r"\b(?:up\s+to|at\s+least|more\s+than|over|about|some|nearly|almost|around|approximately)\s+$", re.I)


def _year_only(m, ctx) -> Reading | None:
    year = _year(m["year"])
    if m["year"].startswith("'"):
        return None
    following = ctx.text[m.end():m.end() + 20].split()
    if following and following[0].lower().strip(".,;:)") in _YEAR_COUNT_NOUN:
        return None
    if not m["mod"] and _COUNT_LEAD.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None
    if year < 1900 and not _cued(ctx.text, m.start() - len(m["fiscal"] or "")):
        if not m["mod"]:
            return None
    reading = date_reading(Point(year), mod=mod_of(m["mod"]))
    if ctx.flow.year is not None and re.search(r"\bthe\s+$", ctx.text[max(0, m.start() - 5):m.start()], re.I) \
            and following and following[0][:1].isalpha():
        # "the 2014 line" once the story has a year: the year names something, the story stays put
        # (the first year of a text, "The 2016 Dabiq offensive was ...", is the story's own)
        return replace(reading, anchors=False)
    return reading


def _spelled_year(m, ctx) -> Reading | None:
    """"nineteen ninety-six", "the year two thousand"."""
    if m["century"]:
        rest = lx.number_value(m["rest"]) if m["rest"] else 0
        if rest is None or rest >= 100:
            return None
        year = int(lx.number_value(m["century"]) * 100 + rest)
    else:
        rest = lx.number_value(m["rest2"]) if m["rest2"] else 0
        if rest is None:
            return None
        year = int(2000 + rest)
    if m["month"]:
        return date_reading(Point(year, lx.month_number(m["month"])))
    return date_reading(Point(year))


def _decade(m, ctx) -> Reading | None:
    g = m.groupdict()
    if g.get("word"):
        decade = lx.DECADE_WORDS[g["word"].lower()]
        century = 19
    else:
        decade = int(g["d"])
        century = int(g["c"]) if g.get("c") else (20 if decade < 3 else 19)
    point = Point(century * 100 + decade * 10, digits=3)
    return date_reading(point, mod=mod_of(g.get("mod")))


def _century(m, ctx) -> Reading | None:
    raw = m["n"].lower()
    n = lx.ORDINALS.get(raw) or int("".join(ch for ch in raw if ch.isdigit()) or 0)
    if n <= 0:
        return None
    return date_reading(Point((n - 1) * 100, digits=2), mod=mod_of(m["mod"]))


def _season(m, ctx) -> Reading | None:
    g = m.groupdict()
    word = g["season"].lower()
    rel = (g.get("rel") or "").lower()
    season = lx.SEASONS[word]
    if word in ("fall", "spring") and not g.get("year"):
        if re.match(r"\s+of\b", ctx.text[m.end():]):
            return None  # "the fall of Mosul", "the spring of 2011" has its year
        if not ((rel and rel != "the") or g.get("mod") or _cued(ctx.text, m.start(), SEASON_CUES)):
            return None  # "prices fall", "a hot spring", "after the fall"
    month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season]
    anchor = None
    if g.get("year"):
        year = _year(g["year"])
    elif rel in ("last", "past", "previous"):
        base, anchor = ctx.deictic_anchor()
        if base is None:
            return None
        # the last one that is over: "last fall" in February is the previous year's
        year = base.year if base.start().month >= month + 3 else base.year - 1
    elif rel in ("next", "coming"):
        base, anchor = ctx.deictic_anchor()
        if base is None:
            return None
        year = base.year + 1 if base.start().month >= month else base.year
    elif rel == "this":
        base, anchor = ctx.deictic_anchor()
        if base is None:
            return None
        year = base.year
    else:
        year, anchor = ctx.year_for(month, None, m.start(), m.end())
        if year is None:
            return Reading("DATE", f"XXXX-{season}", None, mod_of(g.get("mod")), None, False)
    return date_reading(Point(year, season=season), anchor, mod_of(g.get("mod")))


_QUARTER_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _quarter(m, ctx) -> Reading | None:
    g = m.groupdict()
    quals = (g.get("qual") or "").lower()
    ordinal = g["ord"].lower()
    if ordinal in ("last", "final"):
        q = 4
    else:
        q = _QUARTER_ORD[ordinal]
    anchor = None
    if g.get("year") or g.get("qyear"):
        year = _year(g.get("year") or g.get("qyear"))
    else:
        base, anchor = ctx.deictic_anchor()
        if base is None:
            return Reading("DATE", f"XXXX-Q{q}", None, None, None, False)
        year = base.year
        if "year-earlier" in quals or "year-ago" in quals or "last year" in quals or (g.get("lead") or "").lower() == "last":
            year -= 1
        elif "next" in quals or (g.get("lead") or "").lower() == "next":
            year += 1
        elif (anchor == "dct" and q > (base.start().month - 1) // 3 + 1 and "fiscal" not in m.group().lower()
              and ctx.tense(m.start(), m.end()) == "past"):
            year -= 1  # "profits fell in the fourth quarter" read in January: last year's
    point = Point(year, quarter=q)
    compared = any(w in quals for w in ("year-earlier", "year-ago", "last year"))
    return date_reading(point, anchor, anchors=not compared)


def _half(m, ctx) -> Reading | None:
    g = m.groupdict()
    half = 1 if g["ord"].lower() == "first" else 2
    anchor = None
    if g.get("year"):
        year = _year(g["year"])
    else:
        base, anchor = ctx.deictic_anchor()
        if base is None:
            return None
        year = base.year
    return date_reading(Point(year, half=half), anchor)


def _holiday(m, ctx) -> Reading | None:
    name = " ".join(m["name"].lower().split())
    probe = {"christmas": (12, 25), "new year": (1, 1), "halloween": (10, 31),
             "valentine": (2, 14), "independence": (7, 4), "thanksgiving": (11, 25),
             "easter": (4, 1), "labor": (9, 1), "memorial": (5, 28)}
    month, day = next((md for key, md in probe.items() if key in name), (1, 1))
    if m["year"]:
        year, anchor = _year(m["year"]), None
    else:
        year, anchor = ctx.year_for(month, day, m.start(), m.end())
    if year is None:
        return None
    if "eve" in name:
        d = dt.date(year, 12, 24) if "christmas" in name else dt.date(year, 12, 31)
    elif "easter" in name:
        d = easter(year) + dt.timedelta(days=1 if "monday" in name else 0)
    elif "thanksgiving" in name:
        d = nth_weekday(year, 11, 3, 4)
    elif "labor" in name:
        d = nth_weekday(year, 9, 0, 1)
    elif "memorial" in name:
        d = nth_weekday(year, 5, 0, -1)
    else:
        d = dt.date(year, month, day)
    return date_reading(Point.of_date(d), anchor)


def _week_of(m, ctx) -> Reading | None:
    """"the week of March 6": the week that day falls in."""
    reading = _day_point(m, ctx)
    if reading is None or reading.point is None:
        return None
    week = Point.of_week(reading.point.start())
    return date_reading(week, reading.anchor)


RANGE_LEAD = ci(r"(?P<lead>(?:between|from|during|on)\s+)?")

RULES = [
    rule("iso_date", rf"{B}(?P<year>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)"
         rf"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d)?)?{E}", _iso, 5),
    rule("numeric_date", rf"{B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>(?:1[5-9]|20)\d\d|\d\d){E}", _numeric, 5),
    # "3March": Wikipedia text whose non-breaking space was lost
    rule("day_month_year", rf"{B}{WD}?(?:the\s+)?{DAY}(?:\s+of\s+|\s*){MON},?\s+{YEAR}", _day_point, 4),
    rule("month_day_year", rf"{B}{WD}?{MON}\s+{DAY},?\s+{YEAR}", _day_point, 4),
    rule("day_month", rf"{B}{WD}?(?:the\s+)?{DAY}(?:\s+of\s+|\s*){MON}", _day_point, 3),
    rule("month_day", rf"{B}{WD}?{MON}\s+(?:the\s+)?{DAY}(?!\s*(?:%|percent|-year|,\d))", _day_point, 3),
    rule("day_range", rf"{B}{RANGE_LEAD}{DAY2}(?:{DASH}|\s+(?:and|to|until|till|through|or)\s+)"
         rf"{DAY}\s+{MON}(?:,?\s+{YEAR})?", lambda m, c: _range(_swap(m), c), 6),
    rule("month_day_range", rf"{B}{RANGE_LEAD}{MON}\s+{DAY2}(?:{DASH}|\s+(?:and|to|until|till|through)\s+)"
         rf"{DAY}(?:,?\s+{YEAR})?", lambda m, c: _range(_swap(m), c), 6),
    rule("cross_month_range", rf"{B}{RANGE_LEAD}{DAY2}\s+(?P<month2>{lx.MONTH_CASED_RE})"
         rf"(?:{DASH}|\s+(?:and|to|until|till|through)\s+){DAY}\s+{MON}(?:,?\s+{YEAR})?",
         lambda m, c: _range(_swap(m), c), 6),
    rule("month_range", ci(r"(?P<lead>(?:between|from)\s+)") + rf"{MON2}(?:\s+{ci('and|to|until|till|through')}\s+|{DASH}){MON}(?:,?\s+{YEAR})?",
         _month_range, 6),
    rule("month_dash_range", rf"{B}{MON2}{DASH}{MON},?\s+{YEAR}", _month_range, 6),  # "October–November 2016"
    rule("week_of", rf"{B}{ci('the')}\s+{ci('week')}\s+{ci('of')}\s+(?:{DAY}\s+{MON}|{MON2}\s+{DAY2})(?:,?\s+{YEAR})?",
         lambda m, c: _week_of(MatchView(m, day=m["day"] or m["day2"], month=m["month"] or m["month2"]), c), 4),
    rule("month_year", rf"{B}{MODP}?{MON},?\s+(?:{ci('of')}\s+)?{YEAR}", _month_year, 3),
    rule("month", rf"{B}{MODP}?{MON}", _month, 1),
    rule("month_rel_year", rf"{B}{MODP}?{MON}\s+(?P<rel>{ci('last|this|next')})\s+{ci('year')}{E}", _month_rel_year, 3),
    rule("year_period", rf"{B}{ci('the')}\s+(?P<year>(?:1[0-9]|20)\d\d)\s+{ci('quarter|period')}{E}", _year_period, 3),
    rule("year", rf"{B}{MODP}?(?P<fiscal>{FISCAL}\s+)?{YEAR}", _year_only, 1),
    rule("spelled_year", B + r"(?:(?P<month>" + lx.MONTH_CASED_RE + r")\s+)?" + ci(
        r"(?:the\s+year\s+)?(?P<century>nineteen|eighteen)(?:\s+hundred)?(?:\s+and)?\s+(?P<rest>" + lx.NUMBER_WORD_RE
        + r")|the\s+year\s+two\s+thousand(?:\s+and\s+(?P<rest2>" + lx.NUMBER_WORD_RE + r"))?") + E,
         _spelled_year, 2),
    rule("decade", rf"{B}{MODP}?(?:{ci('the')}\s+)?{MODP.replace('mod', 'mod2')}?(?:(?P<c>1[0-9]|20)?(?P<d>\d)0'?s|'(?P<d2>\d)0s|"
         rf"(?P<word>{ci(lx.alternation(lx.DECADE_WORDS))})){E}", lambda m, c: _decade(_decade_fix(m), c), 2),
    rule("century", rf"{B}{MODP}?(?:{ci('the')}\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ci(lx.ORDINAL_RE)})[-\s]{ci('century')}{E}",
         _century, 2),
    rule("season", rf"{B}{MODP}?(?:(?P<rel>{ci('this|last|next|past|coming|previous|the')})\s+)?(?:{ci('past|coming|early|late')}\s+)?"
         rf"(?P<season>{ci(lx.SEASON_RE)})(?:\s+(?:{ci('of')}\s+)?{YEAR})?{E}", _season, 1),
    rule("quarter", rf"{B}(?:(?P<lead>{ci('the|its|a|this|last|next|that|their|his|her|our')})\s+)?"
         rf"(?P<qual>(?:(?:{ci('fiscal|year-earlier|year-ago|latest|current|comparable|same|calendar|next|last|year')}|(?:1[0-9]|20)\d\d)(?:'s)?\s+)*)"
         rf"(?P<ord>{ci('first|second|third|fourth|1st|2nd|3rd|4th|final')})[-\s](?:{ci('fiscal')}[-\s])?{ci('quarters?')}"
         rf"(?:\s+{ci('of')}\s+(?:{ci('fiscal')}\s+)?(?P<qyear>(?:1[0-9]|20)\d\d))?{E}",
         lambda m, c: _quarter(_quarter_year(m), c), 2),
    rule("half", rf"{B}{ci('the')}\s+(?P<ord>{ci('first|second|last')})\s+{ci('half')}\s+{ci('of')}\s+(?:{YEAR}|{ci('the year')})",
         _half, 2),
    rule("holiday", rf"{B}(?P<name>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)|Easter(?:\s+Sunday|\s+Monday)?|"
         rf"Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day)"
         rf"(?:,?\s+{YEAR})?{E}", _holiday, 2),
]


def _swap(m):
    """Range patterns call the first day ``day2`` (it is read first): swap the two."""
    return MatchView(m, day=m["day2"], day2=m["day"])


def _decade_fix(m):
    return MatchView(m, d=m["d2"] or m["d"], mod=m["mod"] or m["mod2"])


def _quarter_year(m):
    years = [t.replace("'s", "") for t in (m["qual"] or "").split() if t.replace("'s", "").isdigit()]
    return MatchView(m, year=years[-1] if years else None)

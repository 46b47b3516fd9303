"""Rules for times of day ("5 p.m. EST, Nov. 6", "noon Saturday", "14:30") and parts of a
day tied to a date ("in the early hours of 17 October", "the dawn of 6 June").
"""
from __future__ import annotations

from wartrace.time import absolute
from wartrace.time import lexicon as lx
from wartrace.time.base import MatchView, Reading, ci, date_reading, rule
from wartrace.time.relative import weekday_point
from wartrace.time.values import Point

B = r"(?<![\w:.])"
E = r"(?![\w])"
# case-insensitive pieces (kept out of the f-strings below, which cannot hold backslashes)
AM_PM_WORD = ci(r'a\.?m|p\.?m')
DAY_STRETCH = ci(r'the\s+(?:early\s+|small\s+|late\s+)?(?:hours|morning|afternoon|evening|night|dawn|dusk)')
ZONE = r"(?:\s+(?P<zone>E[SD]T|C[SD]T|P[SD]T|M[SD]T|GMT|UTC|BST|CET|CEST|EEST|EET|(?i:local\s+time)))?"
AMPM = r"(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm)(?![\w]))"
DATE_TAIL = (
    rf"(?:,?\s+(?:{ci('on|of')}\s+)?(?:(?P<weekday>{lx.WEEKDAY_CASED_RE})"
    rf"|(?P<day>3[01]|[12]\d|0?[1-9])\s+(?P<month>{lx.MONTH_CASED_RE})"
    rf"|(?P<month_b>{lx.MONTH_CASED_RE})\s+(?P<day_b>3[01]|[12]\d|0?[1-9])"
    rf"|(?P<dayword>{ci('today|tonight|yesterday|tomorrow')})){E})?"
)


def _date_of(m, ctx) -> tuple[Point | None, str | None]:
    """The day a time of day belongs to: the one named after it, else the flow's day."""
    g = m.groupdict()
    if g.get("weekday"):
        return weekday_point(ctx, lx.weekday_number(g["weekday"]), None, m.start(), m.end())
    if g.get("month") or g.get("month_b"):
        month = lx.month_number(g.get("month") or g["month_b"])
        day = int(g.get("day") or g["day_b"])
        year, anchor = ctx.year_for(month, day, m.start(), m.end())
        if year is None:
            return None, None
        from wartrace.time.values import safe_date

        d = safe_date(year, month, day)
        return (Point.of_date(d), anchor) if d else (None, None)
    if g.get("dayword"):
        base, anchor = ctx.deictic_anchor()
        if base is None or base.granularity not in ("day", "time"):
            return None, None
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["dayword"].lower()]
        return base.date_only().shift("day", offset), anchor
    base, anchor = ctx.anaphoric_anchor(need_day=True)
    if base is None or base.granularity not in ("day", "time"):
        return None, None
    return base.date_only(), anchor


def _clock(m, ctx) -> Reading | None:
    g = m.groupdict()
    hour = int(g["h"])
    minute = int(g["m"]) if g.get("m") else 0
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    day, anchor = _date_of(m, ctx)
    if day is None:
        return Reading("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", None, None, None, False)
    point = Point(day.year, day.month, day.day, hour=hour, minute=minute)
    return date_reading(point, anchor, type_="TIME", anchors=False)


def _named_time(m, ctx) -> Reading | None:
    word = m["word"].lower()
    day, anchor = _date_of(m, ctx)
    if day is None:
        return None
    if word in ("noon", "midday"):
        point = Point(day.year, day.month, day.day, hour=12, minute=0)
        return date_reading(point, anchor, type_="TIME", anchors=False)
    value = f"{day.value}T24"
    return Reading("TIME", value, Point(day.year, day.month, day.day, hour=0, minute=0), None, anchor, False)


def _hour_in_part(m, ctx) -> Reading | None:
    """"at 4 in the morning", "around 10 at night": a clock time with its part of the day."""
    g = m.groupdict()
    hour = int(g["h"]) if g["h"].isdigit() else int(lx.number_value(g["h"]))
    part = g["dp"].lower()
    afternoon = part in ("afternoon", "evening") or (part == "night" and hour >= 6)
    ampm = "pm" if afternoon else "am"
    reading = _clock(MatchView(m, h=str(hour), m=None, ampm=ampm), ctx)
    if reading is None:
        return None
    return Reading(reading.type, reading.value, reading.point, reading.mod, reading.anchor, reading.anchors,
                   reading.precision, len(g["lead"]))


def _part_of_date(m, ctx) -> Reading | None:
    """"in the early hours of 17 October": the date, starting early."""
    reading = absolute._day_point(m, ctx) if m["month"] else None
    if reading is None or reading.point is None:
        return None
    part = m["part"].lower()
    mod = "START" if ("early" in part or "dawn" in part) else None
    return Reading("DATE", reading.value, reading.point, mod, reading.anchor, True, None, len(m["lead"] or ""))


def _overnight(m, ctx) -> Reading | None:
    base, anchor = ctx.anaphoric_anchor(need_day=True)
    if base is None or base.granularity not in ("day", "time"):
        return None
    day = base.date_only()
    return date_reading(Point(day.year, day.month, day.day, part="NI"), anchor, type_="TIME", anchors=False)



RULES = [
    rule("clock_ampm", rf"{B}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*{AMPM}{ZONE}{DATE_TAIL}", _clock, 3),
    rule("clock_24h", rf"{B}(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?!:?\d|\.\d|\s*{AM_PM_WORD}){ZONE}{DATE_TAIL}", _clock, 2),
    rule("clock_military", rf"{B}(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:{ci('hours|hrs')}|GMT|UTC|Zulu|local\s+time){DATE_TAIL}", _clock, 2),
    rule("oclock", rf"{B}(?P<h>1[0-2]|[1-9]|{ci(lx.alternation(['one','two','three','four','five','six','seven','eight','nine','ten','eleven','twelve']))})\s+o'clock{DATE_TAIL}",
         lambda m, c: _clock(_word_hour(m), c), 2),
    rule("hour_in_part", rf"{B}(?P<lead>{ci('at|around|about|by|until|till|before|after|from|since')}\s+)"
         rf"(?P<h>1[0-2]|[1-9]|{ci(lx.alternation(['one','two','three','four','five','six','seven','eight','nine','ten','eleven','twelve']))})"
         rf"(?:\s+o'clock)?\s+{ci('in the|at')}\s+(?P<dp>{ci('morning|afternoon|evening|night')}){E}",
         _hour_in_part, 3),
    rule("named_time", rf"{B}(?P<word>{ci('noon|midday|midnight')}){DATE_TAIL}", _named_time, 2),
    rule("part_of_date", rf"{B}(?P<lead>{ci('in|on|at|during')}\s+)?(?P<part>{DAY_STRETCH})\s+{ci('of')}\s+"
         rf"(?:(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?P<month>{lx.MONTH_CASED_RE})|(?P<month_b>{lx.MONTH_CASED_RE})\s+(?P<day_b>3[01]|[12]\d|0?[1-9]))(?:,?\s+(?P<year>(?:1[0-9]|20)\d\d))?{E}",
         lambda m, c: _part_of_date(_day_fix(m), c), 4),
    rule("overnight", rf"{B}{ci('overnight')}{E}", _overnight, 0),
]


def _word_hour(m):
    h = m["h"]
    return MatchView(m, h=h if h.isdigit() else str(int(lx.number_value(h))))


def _day_fix(m):
    """Both day-month orders feed one reader."""
    if m["month_b"]:
        return MatchView(m, month=m["month_b"], day=m["day_b"])
    return m

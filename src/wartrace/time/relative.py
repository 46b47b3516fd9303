"""Rules for relative expressions.

Deictic ones ("yesterday", "last week", "on Tuesday", "two years ago") count from the
document date in news and from the flow in narratives; anaphoric ones ("the next
day", "that week", "three days later") always count from the last date mentioned.
"""
from __future__ import annotations

import datetime as dt
import re

from wartrace.time import lexicon as lx
from wartrace.time.base import MatchView, Reading, ci, date_reading, fixed, mod_of, rule
from wartrace.time.values import Point, duration_value

B = r"(?<![\w-])"
E = r"(?![\w-])"
# case-insensitive pieces (kept out of the f-strings below, which cannot hold backslashes)
DAY_BEFORE_AFTER = ci(r'the\s+day\s+(?:before|after)')
REL_UNIT = ci(r'day|night|week|weekend|month|year|quarter|decade|century|fiscal\s+year')
WEEKDAY_REL = ci(r'this\s+past|this\s+coming|last|next|this|coming|past|previous')
MONTH_REL = ci(r'last|next|this|this\s+past|this\s+coming|coming|past')
SHIFT_DIRECTION = ci(r'ago|earlier|later|from\s+now|hence|back|before|after|previously|prior')
THE_DAY = ci(r'the\s+day')
YEAR_AGO_PERIOD = ci(r'(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?:year-earlier|year-ago|year\s+earlier|year\s+ago|prior-year|last\s+year.s)\s+(?:quarter|period|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter)')
PERIOD_YEAR_AGO = ci(r'the\s+(?:same|corresponding|comparable|year-ago)\s+(?:quarter|period)\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year|of\s+last\s+year)')
QUARTER_YEAR_AGO = ci(r'the\s+quarter\s+a\s+year\s+(?:earlier|ago)')
WD_RE = lx.WEEKDAY_CASED_RE
PART = rf"(?P<part>{ci(lx.DAY_PART_RE)})"
NUM = rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{ci(lx.NUMBER_WORD_RE)}|{ci('an?|a couple of|a couple|a few|a dozen|few|several|some|many|a number of|half an?|a half')})"
MOD_LEAD = ci(
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|late|earlier|later|mid|middle|end|beginning|start|rest|remainder|turn)"
    r"(?:\s+of(?:\s+the)?|-|\s+))"
)
APPROX_WORDS = ("about", "some", "around", "roughly", "approximately", "nearly", "almost", "just over", "more than", "less than", "over", "under")

_REL = {
    "this": (0, False), "the current": (0, False), "current": (0, False), "the present": (0, False),
    "last": (-1, False), "past": (-1, False), "the past": (-1, False), "the last": (-1, False),
    "next": (1, False), "coming": (1, False), "the coming": (1, False), "this coming": (1, False),
    "this past": (-1, False), "later this": (0, False),
    "that": (0, True), "the same": (0, True), "that same": (0, True), "the very same": (0, True),
    "the next": (1, True), "the following": (1, True), "the subsequent": (1, True),
    "the ensuing": (1, True), "the previous": (-1, True), "the preceding": (-1, True),
    "the prior": (-1, True),
}
REL_RE = ci(lx.alternation(_REL))


def _rel(word: str) -> tuple[int, bool]:
    return _REL[" ".join(word.lower().split())]


def _day_part(point: Point, word: str | None) -> Point:
    if not word:
        return point
    code = lx.DAY_PARTS[word.lower()]
    return Point(point.year, point.month, point.day, part=code)


# --- today, yesterday, tomorrow -------------------------------------------------------
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


# "today's world", "today's youth", "the people of tomorrow": the present (or future) age, no day
_GENERIC_AGE = re.compile(
    r"(?:'s|\u2019s)\s+(?:world|youth|society|generation|children|kids|young|students|families|parents|"
    r"women|men|people|economy|economies|markets?|technology|computers?|consumers?|culture|standards|"
    r"politics|business|industry|companies|media|life|lifestyles?)\b", re.I)
_OF_TOMORROW = re.compile(r"(?:people|world|leaders|city|cities|weapons|technology|jobs|cars?)\s+of\s+$", re.I)


def _day_word(m, ctx) -> Reading | None:
    word = m["word"].lower()
    if word in ("today", "tomorrow") and not m["part"] and (
            _GENERIC_AGE.match(ctx.text, m.end("word"))
            or _OF_TOMORROW.search(ctx.text, max(0, m.start() - 30), m.start())):
        return None
    base, anchor = ctx.deictic_anchor()
    if base is None or base.granularity not in ("day", "time"):
        return None
    offset = _DAY_WORDS.get(word, 0)
    if m["twice"]:
        offset *= 2
    point = base.date_only().shift("day", offset)
    part = m["part"] or ("night" if word == "tonight" else None)
    if m["part"]:
        return date_reading(_day_part(point, part), anchor, mod_of(m["mod"]), "TIME")
    return date_reading(point, anchor, mod_of(m["mod"]))


def _this_part(m, ctx) -> Reading | None:
    """"this morning", "last night", "that evening", "the next morning"."""
    offset, anaphoric = _rel(m["rel"])
    part = m["part"].lower()
    base, anchor = ctx.anaphoric_anchor(need_day=True) if anaphoric else ctx.deictic_anchor()
    if base is None or base.granularity not in ("day", "time"):
        return None
    if not anaphoric and offset == -1 and part != "night":
        return None  # "last morning" is not a date
    point = base.date_only().shift("day", offset if (anaphoric or part == "night") else 0)
    return date_reading(_day_part(point, part), anchor, mod_of(m["mod"]), "TIME")


# --- this/last/next week, that day, the following month ----------------------------
def _unit(m, ctx) -> Reading | None:
    offset, anaphoric = _rel(m["rel"])
    unit = lx.UNIT_FORMS[m["unit"].lower()]
    mod = mod_of(m["mod"])
    if unit == "day" and not anaphoric:
        return None  # "this day", "last day" are not deictic days
    need_day = unit in ("day", "night", "week", "weekend")
    base, anchor = ctx.anaphoric_anchor(need_day) if anaphoric else ctx.deictic_anchor()
    aside = ctx.flow.aside
    if anaphoric and offset == 0 and unit in ("month", "year") and aside is not None:
        # "had fled in June 1998 and returned later that year": "that" points at the last date
        # mentioned, even one in a pluperfect clause that does not move the story on
        base, anchor = aside, f"timex:{ctx.flow.aside_index}"
    if base is None:
        return None
    if unit == "quarter" and offset == 0 and not anaphoric and ctx.flow.quarter is not None:
        return date_reading(ctx.flow.quarter, "ref", mod)
    if unit == "weekend":
        week = base.at_granularity("week").shift("week", offset) if offset else base.at_granularity("week")
        return Reading("DATE", week.value + "-WE", week, mod, anchor, True)
    if unit in ("second", "minute", "hour"):
        return None
    if unit in ("day", "night"):
        if base.granularity not in ("day", "time"):
            return None
        point = base.date_only().shift("day", offset)
        if unit == "night":
            return date_reading(_day_part(point, "night"), anchor, mod, "TIME")
        return date_reading(point, anchor, mod)
    if unit == "fortnight":
        return None
    current = base.at_granularity(unit)
    point = current.shift(unit, offset) if offset else current
    return date_reading(point, anchor, mod)


def _part_of_day(m, ctx) -> Reading | None:
    """"in the morning", "later in the day": a part of the day under discussion."""
    base, anchor = ctx.anaphoric_anchor(need_day=True)
    if base is None or base.granularity not in ("day", "time"):
        return None
    lead = m["lead"].lower()
    day = base.date_only()
    start = m.start("part") - 4  # "the ..." without the preposition
    mod = "START" if "early" in lead else ("END" if ("late" in lead and "later" not in lead) else None)
    if m["part"].lower() == "day":
        if not any(w in lead for w in ("early", "late")):
            return None  # "in the day" alone is generic
        return Reading("DATE", day.value, day, mod, anchor, False, None, start - m.start())
    point = _day_part(day, m["part"])
    return Reading("TIME", point.value, point, mod, anchor, False, None, start - m.start())


def _end_of_period(m, ctx) -> Reading | None:
    """"the end of the month", "by year-end": the current period, with its part."""
    unit = (m["unit"] or m["unit2"]).lower()
    base, anchor = ctx.deictic_anchor()
    if base is None:
        return None
    return date_reading(base.at_granularity(unit), anchor, mod_of(m["mod"] or "end"))


def _day_part_mod(m, ctx) -> Reading | None:
    """"mid-afternoon", "early morning": part of the day under discussion ("mid-afternoon
    yesterday": of that day)."""
    if m["word"]:
        base, anchor = ctx.deictic_anchor()
    else:
        base, anchor = ctx.anaphoric_anchor(need_day=True)
    if base is None or base.granularity not in ("day", "time"):
        return None
    day = base.date_only()
    if m["word"]:
        day = day.shift("day", _DAY_WORDS[m["word"].lower()])
    point = _day_part(day, m["part"])
    return Reading("TIME", point.value, point, mod_of(m["mod"]), anchor, False)


def _end_of_day(m, ctx) -> Reading | None:
    base, anchor = ctx.anaphoric_anchor(need_day=True)
    if base is None or base.granularity not in ("day", "time"):
        return None
    return date_reading(base.date_only(), anchor, mod_of(m["mod"]))


# --- weekdays -------------------------------------------------------------------------
def weekday_point(ctx, weekday: int, rel: str | None, start: int, end: int,
                  possessive: bool = False) -> tuple[Point | None, str | None]:
    base, anchor = ctx.deictic_anchor()
    if base is None or base.granularity not in ("day", "time"):
        return None, None
    d = base.start()
    rel = (rel or "").lower()
    back = (d.weekday() - weekday) % 7
    ahead = (weekday - d.weekday()) % 7
    if rel in ("last", "past", "previous", "this past"):
        offset = -(back or 7)
    elif rel in ("next", "coming", "this coming"):
        offset = ahead or 7
    elif rel == "this":
        offset = ahead
    elif ctx.narrative:
        offset = ahead  # narratives move forward from the last date
    elif possessive:
        offset = -back  # "Wednesday's ruling" reports what happened
    else:
        offset = ahead if ctx.tense(start, end) == "future" else -back
    return Point.of_date(d + dt.timedelta(days=offset)), anchor


def _weekday(m, ctx) -> Reading | None:
    word = m["weekday"]
    low = word.lower()
    if (low.endswith("s") and not low.endswith("'s") and low.rstrip("s") in lx.WEEKDAYS) or m["plural"]:
        return _weekday_set(m, ctx)
    if "." not in word and len(low) <= 4 and low not in ("wed",):
        return None  # "Sat", "Sun", "Mon" alone are rarely days
    if low.replace("'s", "") in ("sun", "sat", "wed", "mon"):
        return None
    weekday = lx.weekday_number(word)
    point, anchor = weekday_point(ctx, weekday, m["rel"], m.start(), m.end(), word.endswith("'s"))
    if point is None:
        return Reading("DATE", f"XXXX-WXX-{weekday + 1}", None, None, None, False)
    # "Friday night", "Friday morning" are dated to the day (news annotation mostly leaves the
    # part out); an evening or afternoon keeps it ("Friday evening" -> ...TEV), as the guidelines ask
    part = (m["part"] or "").lower()
    if part in ("evening", "afternoon"):
        return date_reading(_day_part(point, part), anchor, mod_of(m["mod"]), "TIME")
    return date_reading(point, anchor, mod_of(m["mod"]))


def _weekday_set(m, ctx) -> Reading:
    word = m["weekday"]
    weekday = lx.weekday_number(word[:-1] if word.lower().endswith("days") else word)
    value = f"XXXX-WXX-{weekday + 1}"
    if m["part"]:
        value += "T" + lx.DAY_PARTS[m["part"].lower()]
    return fixed("SET", value)


# --- last April, next summer ----------------------------------------------------------
def _rel_month(m, ctx) -> Reading | None:
    offset, _ = _rel(m["rel"])
    month = lx.month_number(m["month"])
    base, anchor = ctx.deictic_anchor()
    if base is None:
        return None
    current = base.start().month
    if offset < 0:  # "last February" said in March is a year back: the month just over is "last month"
        year = base.year if month < current - 1 else base.year - 1
    elif offset > 0:
        year = base.year if month > current else base.year + 1
    else:
        year = base.year
    return date_reading(Point(year, month), anchor, mod_of(m["mod"]))


# --- two days later, a year ago -------------------------------------------------------
_CLAUSE_GOES_ON = re.compile(r"\s+[\w$]")
_BACK = {"ago", "earlier", "before", "back", "previously", "prior", "before that"}
_DEICTIC = {"ago", "from now", "hence", "back"}


def _shift(m, ctx) -> Reading | None:
    amount = lx.number_value(m["num"])
    unit = lx.UNIT_FORMS[m["unit"].lower()]
    direction = " ".join(m["dir"].lower().split())
    sign = -1 if direction in _BACK else 1
    vague = amount is None
    approx = bool(m["approx"]) or vague
    if unit in ("second", "minute", "hour", "weekend"):
        return None
    deictic = direction in _DEICTIC
    if direction in ("after", "before") and _CLAUSE_GOES_ON.match(ctx.text, m.end()):
        return None  # "a month after Qantas suspended ...": a span up to an event, read as a duration
    if vague:
        if not deictic:  # "a few days later": a vague span after the last date, no point in time
            return fixed("DURATION", duration_value(None, unit))
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, None, False)
    base, anchor = ctx.deictic_anchor() if deictic else ctx.anaphoric_anchor(unit in ("day", "night", "week"))
    if base is None:
        return None
    quarter = ctx.flow.quarter
    compared = unit == "year" and quarter is not None and m.start() - ctx.flow.quarter_end < 1000
    if compared:  # earnings style: "a year earlier" is the same quarter of the year before
        base, anchor = quarter, "ref"
    n = int(round(amount))
    if unit in ("day", "night") and base.granularity not in ("day", "time"):
        return None
    base = base.date_only()
    # "three days later" keeps the story's day; "two years ago" is a year
    point = base.shift(unit, sign * n) if deictic else base.shift_keeping(unit, sign * n)
    if point is None:
        return None
    # "some 10 days later" is a month guess at best (FORMAT.md vague dates)
    precision = "month" if approx and point.precision in ("day", "week") else None
    return date_reading(point, anchor, "APPROX" if approx else None, anchors=not compared, precision=precision)


# --- the day before, the next day -----------------------------------------------------
def _day_before_after(m, ctx) -> Reading | None:
    base, anchor = ctx.anaphoric_anchor(need_day=True)
    if base is None or base.granularity not in ("day", "time"):
        return None
    sign = -1 if m["dir"].lower() == "before" else 1
    return date_reading(base.date_only().shift("day", sign), anchor)


# --- the day before the battle ------------------------------------------------------------
_EVENT_NOUN = r"battle|offensive|operation|siege|assault|invasion|campaign|attack|uprising|war"
_EVENT_START = re.compile(
    rf"\b[Tt]he\s+(?P<noun>{_EVENT_NOUN})\b[^.;]{{0,40}}?\b(?:began|started|commenced|opened|was\s+(?:officially\s+)?"
    rf"(?:launched|started|begun))\b[^.;]{{0,60}}?\b(?:on|in)\s+(?:the\s+(?:dawn|morning|night|evening)\s+of\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{lx.MONTH_CASED_RE})|(?P<m2>{lx.MONTH_CASED_RE})\s+(?P<d2>\d{{1,2}}),?)\s+(?P<y>(?:1[5-9]|20)\d\d)\b"
)


def event_starts(text: str) -> dict[str, dt.date]:
    """"The battle began on 6 June 2017": the day the text says its event began, per noun."""
    out: dict[str, dt.date] = {}
    for m in _EVENT_START.finditer(text):
        month = lx.month_number(m["m1"] or m["m2"])
        try:
            day = dt.date(int(m["y"]), month, int(m["d1"] or m["d2"]))
        except ValueError:
            continue
        out.setdefault(m["noun"].lower(), day)
    return out


def _day_before_event(m, ctx) -> Reading | None:
    """"the day before the battle": one day off the start the text gives for that event."""
    start = ctx.event_starts().get(m["noun"].lower())
    if start is None:
        return None
    sign = -1 if m["dir"].lower() == "before" else 1
    return date_reading(Point.of_date(start + dt.timedelta(days=sign)))


# --- financial reporting periods ------------------------------------------------------
def _last_completed_quarter(ctx, latest: bool = False) -> Point | None:
    """The quarter under discussion, else the last one over by the document date."""
    if ctx.flow.quarter is not None and not latest:
        return ctx.flow.quarter
    if ctx.dct is None:
        return None
    current = Point.of_date(ctx.dct).at_granularity("quarter")
    return current.shift("quarter", -1)


def _period(m, ctx) -> Reading | None:
    """"the quarter", "the latest period": the quarter under discussion."""
    latest = any(w in m.group().lower() for w in ("latest", "recent"))
    point = _last_completed_quarter(ctx, latest)
    if point is None:
        return None
    return date_reading(point, "ref" if ctx.flow.quarter is not None and not latest else "dct")


def _year_earlier_period(m, ctx) -> Reading | None:
    point = _last_completed_quarter(ctx)
    if point is None:
        return None
    if m.group().lower().startswith("year") and ctx.flow.quarter is None:
        point = Point(point.year)  # a bare "year-earlier" compares whole years
    return date_reading(point.shift("year", -1), "ref" if ctx.flow.quarter is not None else "dct",
                        anchors=False)


def _the_year(m, ctx) -> Reading | None:
    """"the year": the current one, unless it is a fiscal year being reported ("the year ended June 30")."""
    if _YEAR_ENDED.match(ctx.text, m.end()):
        return fixed("DURATION", "P1Y")
    base, anchor = ctx.deictic_anchor()
    if base is None:
        return None
    return date_reading(Point(base.year), anchor)


_YEAR_ENDED = re.compile(r"\s+(?:ended|ending|through|to\s+date)\b", re.I)


def _the_weekend(m, ctx) -> Reading | None:
    """"the weekend" in news is the last one (or the one under way)."""
    base, anchor = ctx.deictic_anchor()
    if base is None or base.granularity not in ("day", "time"):
        return None
    d = base.start()
    week = Point.of_week(d if d.weekday() >= 5 else d - dt.timedelta(days=7))
    return Reading("DATE", week.value + "-WE", week, None, anchor, True)


# --- PRESENT_REF and friends ----------------------------------------------------------
_REFS = {
    **dict.fromkeys(("now", "right now", "nowadays", "currently", "current", "at present", "presently",
                     "at the moment", "these days", "the present", "as of now"), "PRESENT_REF"),
    **dict.fromkeys(("recently", "recent", "more recently", "lately", "the past", "recent years"), "PAST_REF"),
    **dict.fromkeys(("the future", "future", "the near future", "the near term", "the short term",
                     "the long term", "the long run", "the short run", "a later date", "as soon as possible",
                     "the coming months", "the coming years", "coming months", "coming years"), "FUTURE_REF"),
}
_REF_CONTEXT = {
    # single words that are only temporal in some positions
    "future": lambda text, s, e: text[max(0, s - 4):s].lower().endswith("in ") or text[e:e + 1] in ",.",
    "the future": lambda text, s, e: not text[e:e + 4].lower() == " of ",
    "current": lambda text, s, e: not text[max(0, s - 5):s].lower().endswith("then "),
    # "Now, he says, ...": a discourse marker opening a sentence, no time
    "now": lambda text, s, e: not (text[s:e] == "Now" and text[e:e + 1] == ","),
}
_FORESEEABLE = re.compile(r"\bforeseeable\s+$", re.I)


def _ref_word(m, ctx) -> Reading | None:
    word = " ".join(m.group().lower().split())
    check = _REF_CONTEXT.get(word)
    if check and not check(ctx.text, m.start(), m.end()):
        return None
    if "future" in word and _FORESEEABLE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "for the foreseeable future": no time of its own
    return fixed("DATE", _REFS[word])



_DAY_WORD = ci("today|tonight|yesterday|tomorrow")
_PLURAL_WEEKDAY = lx.cased_alternation(w + "s" for w in lx.WEEKDAYS if len(w) > 4)
_NOT_A_CLAUSE = ci("the|a|an|his|her|their|its|he|she|they|it|we|I|being")
_END_OF_DAY = ci(r"(?P<mod>(?:the\s+)?(?:end|close|rest|remainder)\s+of)\s+the\s+day")
_END_OF_PERIOD = ci(r"(?P<mod>(?:the\s+)?(?:end|close|beginning|start|middle)\s+of)\s+the\s+(?P<unit>week|month|year)"
                    r"|(?P<unit2>year|month)(?:[-\s]|'s\s+)end")
_PERIOD = ci(r"the\s+(?:latest|most\s+recent|recent|same|comparable|current|reporting|fiscal|latest\s+fiscal)?\s*"
             r"(?:quarter|period|three\s+months)")
_IN_THE_PART = ci(r"(?:(?P<lead>in|during|on|through|throughout|early\s+in|late\s+in|later\s+in|earlier\s+in)\s+)"
                  r"the\s+(?P<part>morning|afternoon|evening|night|day)")
_THE_YEAR = ci(r"the\s+(?:fiscal\s+|full\s+|current\s+|calendar\s+|entire\s+|whole\s+)?year")

RULES = [
    rule("day_word", rf"{B}{MOD_LEAD}?(?P<twice>{DAY_BEFORE_AFTER}\s+)?(?P<word>{_DAY_WORD})(?:'s)?(?:\s+{PART})?{E}",
         _day_word, 3),
    rule("this_part", rf"{B}{MOD_LEAD}?(?P<rel>{REL_RE})\s+{PART}{E}", _this_part, 3),
    rule("end_of_day", B + _END_OF_DAY + E, _end_of_day, 3),
    rule("end_of_period", B + "(?:" + _END_OF_PERIOD + ")" + E, _end_of_period, 3),
    rule("day_part_mod", B + ci(r"(?P<mod>mid|late|early)[-\s]?(?P<part>morning|afternoon|evening)(?:\s+(?P<word>today|yesterday|tomorrow))?") + E,
         _day_part_mod, 2),
    rule("unit", rf"{B}{MOD_LEAD}?(?P<rel>{REL_RE})\s+(?P<unit>{REL_UNIT}){E}", lambda m, c: _unit(_fiscal_fix(m), c), 2),
    rule("weekday", rf"{B}{MOD_LEAD}?(?:(?P<rel>{WEEKDAY_REL})\s+)?(?P<weekday>{_PLURAL_WEEKDAY}|{WD_RE})"
         rf"(?:\s+{PART}(?P<plural>s)?)?{E}", _weekday, 2),
    rule("rel_month", rf"{B}{MOD_LEAD}?(?P<rel>{MONTH_REL})\s+(?P<month>{lx.MONTH_CASED_RE}){E}(?!\.?\s*\d)",
         _rel_month, 2),
    rule("shift", rf"{B}(?P<approx>{ci(lx.alternation(APPROX_WORDS))}\s+)?(?P<num>{NUM})[-\s]+(?:{ci('more|full|long')}\s+)?"
         rf"(?P<unit>{ci(lx.UNIT_RE)})\s+(?:{ci('or so')}\s+)?(?P<dir>{SHIFT_DIRECTION}){E}"
         rf"(?!\s+(?:{_NOT_A_CLAUSE})\b)", _shift, 3),
    rule("day_before_after", rf"{B}{THE_DAY}\s+(?P<dir>{ci('before|after')}){E}(?=\s*[,.;:!?)]|\s*$)",
         _day_before_after, 2),
    rule("day_before_event", rf"{B}{THE_DAY}\s+(?P<dir>{ci('before|after')})\s+{ci('the')}\s+(?P<noun>{ci(_EVENT_NOUN)}){E}",
         _day_before_event, 3),
    rule("period", B + _PERIOD + E + r"(?!\s+(?i:of)\b)", _period, 1),
    rule("part_of_day", B + _IN_THE_PART + E + r"(?!\s+(?i:of|before|after)\b)", _part_of_day, 1),
    rule("year_earlier_period", rf"{B}(?:{YEAR_AGO_PERIOD}|{PERIOD_YEAR_AGO}|{QUARTER_YEAR_AGO}){E}",
         _year_earlier_period, 3),
    rule("year_earlier_adjective", rf"{B}{ci('year-earlier|year-ago|prior-year')}{E}", _year_earlier_period, 1),
    rule("the_year", B + _THE_YEAR + E, _the_year, 1),
    rule("the_weekend", B + ci(r"the\s+weekend") + E, _the_weekend, 1),
    rule("ref_word", rf"{B}{ci(lx.alternation(_REFS))}{E}", _ref_word, 0),
]


def _fiscal_fix(m):
    """"the fiscal year" reads as a year."""
    unit = m["unit"]
    return MatchView(m, unit="year" if unit and unit.lower().startswith("fiscal") else unit)

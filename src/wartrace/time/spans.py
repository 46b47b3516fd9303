"""Rules for durations ("three days", "the past two months", "a few weeks") and sets
("every day", "each Thursday", "weekly").

A duration that starts right after the last date ("over the next two days") also
carries that start as its point, so a sentence it dates gets week precision.
"""
from __future__ import annotations

import re

from wartrace.time import lexicon as lx
from wartrace.time.base import Reading, ci, fixed, rule
from wartrace.time.values import duration_value

B = r"(?<![\w-])"
E = r"(?![\w])"
# case-insensitive pieces (kept out of the f-strings below, which cannot hold backslashes)
WORD_AMOUNT = ci(r'an?|half\s+an?|a\s+half|a\s+couple\s+of|a\s+dozen|one\s+and\s+a\s+half')
AND_A_HALF = ci(r'and\s+a\s+half')
NUM_WORD = rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{lx.NUMBER_WORD_RE})"
DUR_MOD = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN", "almost": "LESS_THAN",
    "nearly": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS", "about": "APPROX",
    "around": "APPROX", "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "an estimated": "APPROX",
}
LEADS = ("the past", "the last", "the next", "the first", "the previous", "the coming",
         "the following", "the final", "the latest", "the remaining", "the ensuing", "another",
         "an additional", "an extra", "a further", "the", "the preceding")
VAGUE = ("a few", "few", "several", "some", "many", "a couple of", "the next few", "the past few",
         "the last few", "the coming", "coming", "recent", "the following few", "numerous",
         "the next", "the following", "the past", "the last", "the first", "the early",
         "the ensuing", "the previous", "the preceding")
FORWARD = ("next", "following", "coming", "ensuing", "subsequent")
UNIT_WORDS = ci(lx.UNIT_RE)
NUMBERED = (
    rf"{B}(?P<mod>{ci(lx.alternation(DUR_MOD))}\s+)?(?P<lead>{ci(lx.alternation(LEADS))}\s+)?"
    rf"(?P<num>{ci(NUM_WORD)}|{WORD_AMOUNT})"
    rf"(?:\s+(?:{ci('to|or')})\s+(?P<num2>{ci(NUM_WORD)})|-(?P<num3>\d+))?"
    rf"(?:\s+{AND_A_HALF})?"
    rf"[-\s]+(?:(?P<adj>{ci('more|additional|full|straight|consecutive|long|trading|business|working|calendar|extra|further|hard|bloody|intense|weeks|days|months')})[-\s]+)?"
    rf"(?P<unit>{UNIT_WORDS})(?P<half>\s+{AND_A_HALF})?(?P<suffix>-{ci('long|old')})?{E}"
)


def _numbered(m, ctx) -> Reading | None:
    g = m.groupdict()
    unit = lx.UNIT_FORMS[g["unit"].lower()]
    raw = " ".join(g["num"].lower().split())
    amount = {"half a": 0.5, "half an": 0.5, "a half": 0.5, "a couple of": 2, "a dozen": 12,
              "one and a half": 1.5}.get(raw)
    if amount is None:
        amount = lx.number_value(raw)
    if amount is None:
        return None
    if g["half"] or "and a half" in m.group().lower()[: m.start("unit") - m.start()]:
        amount += 0.5
    lead = " ".join((g["lead"] or "").lower().split())
    plural = g["unit"].lower().endswith("s") or g["unit"].lower() in ("centuries", "millennia")
    if raw in ("a", "an") and plural:
        return None
    if (g["suffix"] and g["suffix"].lower() == "-old") or _AGE.match(ctx.text, m.end()):
        return None  # an age ("a 52-year-old", "52 years old"), not a span of time
    if unit == "quarter" and (_FRACTION.match(ctx.text, m.end()) or "-" in m.group()):
        return None  # "three-quarters of", "a quarter of the city"
    if lead in ("the", "a", "an") and raw in ("a", "an", "the"):
        return None
    if amount > 1 and not plural and not g["suffix"] and "-" not in m.group() and not g["num3"]:
        if not (m.group().lower().split()[-1] == g["unit"].lower() and _compound_modifier(ctx.text, m.end())):
            return None  # "three day" without a noun after it is noise
    if lead == "the" and unit == "year" and amount == 1:
        return None
    if g["num2"] and lx.number_value(g["num2"]) is None:
        return None
    if raw in ("a", "an") and not lead and _is_rate(ctx.text, m.start()):
        return fixed("SET", duration_value(1, unit))
    if unit == "second" and not plural and _compound_modifier(ctx.text, m.end()):
        return None  # "a second column": an ordinal
    mod_word = " ".join((g["mod"] or "").lower().split())
    trim = 0
    if mod_word == "over" and lead:
        mod_word, trim = "", len(g["mod"])  # "over the past two weeks": "over" is a preposition
    reading = Reading("DURATION", duration_value(amount, unit), None, DUR_MOD.get(mod_word), None, False,
                      None, trim)
    return _anchored_span(reading, lead, unit, amount, ctx)


_AGE = re.compile(r"\s+old\b")
_FRACTION = re.compile(r"\s+of\b")


def _compound_modifier(text: str, end: int) -> bool:
    """"a three day battle", "a five year low": the unit qualifies the word after it."""
    return _LOWER_WORD.match(text, end) is not None


_LOWER_WORD = re.compile(r"\s+[a-z][a-z-]*\b")


def _is_rate(text: str, start: int) -> bool:
    """"$5 a year", "$2 million a year", "four flights a week": a rate, not a duration."""
    before = [w.lower().strip(",") for w in text[max(0, start - 40):start].split()[-3:]]
    if not before:
        return False
    if before[-1] in ("twice", "once", "times", "per", "hours", "days"):
        return True
    return any(any(ch.isdigit() for ch in w) or w in ("million", "billion", "percent") for w in before)


def _anchored_span(reading: Reading, lead: str, unit: str, amount: float | None, ctx) -> Reading:
    """"the next two days" after a date starts the day after it (week precision)."""
    if not any(word in lead for word in FORWARD) or unit not in ("day", "night", "week"):
        return reading
    base, anchor = ctx.anaphoric_anchor(need_day=True) if not lead.startswith("the coming") else ctx.deictic_anchor()
    if base is None or base.granularity not in ("day", "time"):
        return reading
    start = base.date_only().shift("day", 1)
    days = (amount or 3) * (7 if unit == "week" else 1)
    precision = "week" if days <= 10 else "month"
    return Reading(reading.type, reading.value, start, reading.mod, anchor, False, precision, reading.start_trim)


def _vague(m, ctx) -> Reading | None:
    g = m.groupdict()
    unit = lx.UNIT_FORMS[g["unit"].lower()]
    lead = " ".join(g["lead"].lower().split())
    if unit == "weekend":
        return None
    if lead == "recent" and unit == "year":
        return fixed("DATE", "PAST_REF")
    if lead in ("the past", "the last", "the previous", "the preceding", "the first", "the early") and unit not in ("day", "week", "month", "year", "hour", "minute", "decade", "centurie"):
        return None
    reading = Reading("DURATION", duration_value(None, unit), None, None, None, False)
    return _anchored_span(reading, lead, unit, None, ctx)


def _bare_units(m, ctx) -> Reading | None:
    word = m["unit"].lower()
    unit = lx.UNIT_FORMS[word]
    before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
    if not before or before[-1] not in ("for", "in", "within", "after", "over", "than", "took", "take", "lasted", "last", "spent", "than", "and", "or"):
        return None
    if unit in ("second", "weekend", "fortnight"):
        return None
    return fixed("DURATION", duration_value(None, unit))


_SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
}


def _set_word(m, ctx) -> Reading | None:
    return fixed("SET", _SET_WORDS[m.group().lower()])


def _every(m, ctx) -> Reading | None:
    g = m.groupdict()
    word = g["what"].lower()
    other = (g["other"] or "").lower().startswith("other")
    if word in lx.WEEKDAYS or word[:-1] in lx.WEEKDAYS:
        day = word if word in lx.WEEKDAYS else word[:-1]
        return fixed("SET", f"XXXX-WXX-{lx.weekday_number(day) + 1}")
    if word in lx.MONTHS:
        return fixed("SET", f"XXXX-{lx.month_number(word):02d}")
    if word in lx.DAY_PARTS:
        return fixed("SET", "P1D")  # "every morning": daily
    unit = lx.UNIT_FORMS.get(word)
    if unit is None:
        return None
    return fixed("SET", duration_value(2 if other else 1, unit))



RULES = [
    rule("duration", NUMBERED, _numbered, 1),
    rule("vague_duration", rf"{B}(?P<lead>{ci(lx.alternation(VAGUE))})\s+(?:{ci('more|other|long|hard|bloody')}\s+)?"
         rf"(?P<unit>{ci(lx.alternation([u for u in lx.UNIT_FORMS if u.endswith('s') and u not in ('hrs', 'mins', 'secs', 'yrs')]))}){E}", _vague, 1),
    rule("bare_units", rf"{B}(?P<unit>{ci('days|weeks|months|years|decades|centuries|hours|minutes')}){E}", _bare_units, 0),
    rule("set_word", rf"{B}{ci(lx.alternation(_SET_WORDS))}{E}", _set_word, 1),
    rule("every", rf"{B}{ci('every|each|per')}\s+(?P<other>{ci('other|single')}\s+)?(?P<what>{ci(lx.UNIT_RE)}|{lx.WEEKDAY_CASED_RE}|"
         rf"{lx.cased_alternation(w + 's' for w in lx.WEEKDAYS if len(w) > 4)}|{lx.cased_alternation(m for m in lx.MONTHS if len(m) > 3)}|{ci('morning|evening|night|afternoon')}){E}",
         _every, 2),
]

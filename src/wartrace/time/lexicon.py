"""Word tables for English temporal expressions, and the regex pieces built from them.

Every table maps a lower-cased surface form to its meaning; the regex pieces are
plain strings so the grammar can compose them. Longer forms come first in each
alternation so "sept." wins over "sep".
"""
from __future__ import annotations

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}  # Monday = 0, as datetime.weekday()
for _number, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tues", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thurs", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    )
):
    for _name in _names:
        WEEKDAYS[_name] = _number

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# parts of the day, as TIMEX3 writes them after the date ("2017-06-06TMO")
DAY_PARTS = {
    "morning": "MO",
    "dawn": "MO",
    "daybreak": "MO",
    "sunrise": "MO",
    "afternoon": "AF",
    "midday": "MI",
    "evening": "EV",
    "dusk": "EV",
    "sunset": "EV",
    "night": "NI",
    "nightfall": "NI",
    "overnight": "NI",
}

UNITS: dict[str, str] = {
    "second": "S",
    "minute": "M",  # time unit: written after "T"
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "F",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "E",
    "century": "C",
    "millennium": "L",
}
UNIT_FORMS: dict[str, str] = {}
for _unit in UNITS:
    UNIT_FORMS[_unit] = _unit
    UNIT_FORMS[_unit + "s"] = _unit
UNIT_FORMS.update(
    {
        "centuries": "century",
        "millennia": "millennium",
        "millenniums": "millennium",
        "hrs": "hour",
        "hr": "hour",
        "mins": "minute",
        "min": "minute",
        "secs": "second",
        "yrs": "year",
    }
)
TIME_UNITS = frozenset({"second", "minute", "hour"})

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5, "half": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2,
}
VAGUE_AMOUNTS = frozenset(
    {"a few", "few", "several", "some", "many", "numerous", "a number of", "various",
     "the", "recent", "coming", "past", "last", "next", "ensuing", "following",
     "subsequent", "previous", "preceding", "the next few", "the past few",
     "the last few", "the coming", "a couple more", "more"}
)

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}

DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}


def alternation(words) -> str:
    """A non-capturing regex alternation, longest words first, dots escaped."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in ordered) + ")"


def _with_dot(names) -> list[str]:
    """Abbreviations may carry a dot: "Aug." as well as "Aug"."""
    out = []
    for name in names:
        out.append(name)
        if len(name) <= 4 and name != "may" and name != "june" and name != "july":
            out.append(name + ".")
    return out


MONTH_RE = alternation(_with_dot(MONTHS))
WEEKDAY_RE = alternation(_with_dot(WEEKDAYS)) + r"(?:'s)?"
SEASON_RE = alternation(SEASONS)
DAY_PART_RE = alternation(DAY_PARTS)
UNIT_RE = alternation(UNIT_FORMS)
_SMALL = [w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an", "half", "dozen")]
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER_WORD_RE = (
    r"(?:" + alternation(_TENS) + r"[-\s]" + alternation(_ONES) + r"|" + alternation(_SMALL) + r")"
)
ORDINAL_RE = alternation(ORDINALS)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    word = word.lower()
    if word.endswith("'s"):
        word = word[:-2]
    return WEEKDAYS[word.rstrip(".")]


def number_value(word: str) -> float | None:
    """Value of a number written in digits or words ("12", "twenty-one", "2 1/2")."""
    word = " ".join(word.lower().replace("-", " ").split())
    if not word:
        return None
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = word.split()
    if len(parts) == 2 and "/" in parts[1]:  # "2 1/2"
        whole, frac = number_value(parts[0]), parts[1].split("/")
        if whole is not None and frac[0].isdigit() and frac[1].isdigit() and int(frac[1]):
            return whole + int(frac[0]) / int(frac[1])
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def cased_alternation(words) -> str:
    """Alternation of Capitalized and UPPER forms only: month and day names are proper nouns."""
    forms = []
    for w in words:
        forms.append(w[:1].upper() + w[1:])
        forms.append(w.upper())
    return alternation(forms)


MONTH_CASED_RE = cased_alternation(_with_dot(MONTHS))
WEEKDAY_CASED_RE = cased_alternation(_with_dot(WEEKDAYS)) + r"(?:'s)?"

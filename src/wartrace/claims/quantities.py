"""Find number expressions in text and read them as (low, high, qualifier).

    >>> [ (q.low, q.high, q.qualifier) for q in find_quantities("at least 1,400 civilians") ]
    [(1400.0, None, 'at_least')]

Reads digits with separators ("4,150", "1.5 million"), word numbers ("twenty-one",
"a dozen"), vague plurals ("dozens" 24, "hundreds" 200, "tens of thousands" 20,000:
always at_least with an open top), fractions and percentages ("half", "20–25%"),
ranges ("between 150 and 250", "200-250", "from 300 to 700", "two or three") and the
hedges around them, following the gold format: a single hedged figure or a hedged
range is ``about``, "as many as"/"up to" is ``up_to`` with high = the figure, "at
least"/"more than" leave high open.

Rejected, because they are not counts: years, dates ("6 June", "1–2 July"), times,
ordinals ("3rd"), model and route numbers ("Su-24", "Highway 4"), money
("US$5,000"), measures and durations ("12 km2", "four months"), compound adjectives
("40-member", "48-hour-long"), malformed numbers ("1,0000", "10^9") and footnote
marks glued to words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wartrace.claims import lexicon as lx
from wartrace.claims.tokens import Token, tokenize, touching

QUALIFIERS = ("exact", "about", "at_least", "more_than", "up_to", "less_than")

_HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\[“\"‘'—–-]))("
    + "|".join(re.escape(h) for h in sorted(lx.HEDGES_BEFORE, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|risen|rising|rises|increased|increasing|grew|grown|climbed|jumped|went up|"
    r"fell|fallen|dropped|decreased|declined|reduced|cut)\s*$",
    re.IGNORECASE,
)
# "control over 60% of": here "over" is a preposition, not a hedge.
_OVER_AS_PREPOSITION = re.compile(r"\b(?:control|took|taken|handed|won|fought|spread)\s+over\s*$",
                                  re.IGNORECASE)
_DASHES = frozenset({"-", "–", "—", "‒", "−"})
_DATE_JOINERS = frozenset({"and", "or", "to", "through", "until", "till", ",", "-", "–", "—"})
# "4.000 rebels": a dot grouping thousands, as some writers use.
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_OPENERS = frozenset({"(", "[", "“", '"', "‘", "'", "~"})
_MAX_RANGE_RATIO = 1000


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number expression: [start, end) covers hedges too, the figure is inside it."""

    start: int
    end: int
    figure_start: int
    figure_end: int
    low: float
    high: float | None
    qualifier: str
    percent: bool = False  # a share: "40%", "half"
    vague: bool = False  # a word quantity: "dozens", "tens of thousands"
    hedge: str | None = None  # the hedge words as written, lower case

    @property
    def is_range(self) -> bool:
        return self.high is not None and self.high != self.low


@dataclass(frozen=True, slots=True)
class _Figure:
    value: float
    first: int  # token index
    stop: int  # token index after the figure
    vague: bool = False
    fraction: bool = False
    percent: bool = False
    year_like: bool = False
    suffix_hedge: str | None = None  # "1,000+" or "50-plus"


class _Reject(Exception):
    """The expression here is a number but not a count; skip its tokens."""

    def __init__(self, stop: int) -> None:
        self.stop = stop


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every count or share in text[start:end], in order."""
    tokens = tokenize(text, start, end)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        try:
            quantity, stop = _quantity_at(text, tokens, i)
        except _Reject as reject:
            i = max(reject.stop, i + 1)
            continue
        if quantity is None:
            i += 1
            continue
        found.append(quantity)
        i = max(stop, i + 1)
    return found


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in text, or None."""
    found = find_quantities(text)
    return found[0] if found else None


# --- one quantity ----------------------------------------------------------------------

def _quantity_at(text: str, tokens: list[Token], i: int) -> tuple[Quantity | None, int]:
    first = _figure_at(text, tokens, i)
    if first is None:
        return None, i + 1
    first, second, range_start = _range_after(text, tokens, first)
    stop = second.stop if second else first.stop
    _check_context(text, tokens, first, second, stop)
    percent = first.percent or first.fraction
    low, high = first.value, (second.value if second else first.value)
    figure_start, figure_end = tokens[range_start].start, tokens[stop - 1].end

    hedge_text, qualifier = _hedge_before(text, figure_start)
    start = figure_start if hedge_text is None else _hedge_start(text, figure_start, hedge_text)
    if hedge_text is None and first.suffix_hedge:
        hedge_text = first.suffix_hedge
        qualifier = lx.HEDGES_AFTER[hedge_text]
    after = _hedge_after(tokens, stop)
    if hedge_text is None and after:
        hedge_text, qualifier = after, lx.HEDGES_AFTER[after]
        stop += 2
    if second is not None and _CHANGE_VERB.search(text, max(0, figure_start - 30), figure_start):
        low = high = second.value  # "rose from 20 to 35": the figure is the new one
    end = tokens[stop - 1].end
    hedge = " ".join(hedge_text.lower().split()) if hedge_text else None

    if first.vague:
        return Quantity(start, end, figure_start, figure_end, low, None, "at_least",
                        percent, True, hedge), stop
    qualifier = _qualifier(qualifier, is_range=high != low, fraction=first.fraction)
    if qualifier in ("at_least", "more_than"):
        high = None
    return Quantity(start, end, figure_start, figure_end, low, high, qualifier, percent, False,
                    hedge), stop


def _hedge_start(text: str, figure_start: int, hedge_text: str) -> int:
    return figure_start - _spaces_before(text, figure_start) - len(hedge_text)


def _qualifier(hedged: str | None, *, is_range: bool, fraction: bool) -> str:
    if hedged is None:
        return "about" if fraction else "exact"  # "half of X" is never exact
    if is_range and hedged in ("about", "less_than"):
        return "about"
    return hedged


def _spaces_before(text: str, at: int) -> int:
    n = 0
    while at - n - 1 >= 0 and text[at - n - 1].isspace():
        n += 1
    return n


def _hedge_before(text: str, at: int) -> tuple[str | None, str | None]:
    window = text[max(0, at - 40):at]
    m = _HEDGE_BEFORE.search(window)
    if not m:
        return None, None
    phrase = m.group(1)
    if phrase.lower() == "over" and _OVER_AS_PREPOSITION.search(window):
        return None, None
    return phrase, lx.HEDGES_BEFORE[" ".join(phrase.lower().split())]


def _hedge_after(tokens: list[Token], stop: int) -> str | None:
    if stop + 1 < len(tokens) and tokens[stop].lower == "or" and tokens[stop + 1].lower in ("so", "more"):
        return f"or {tokens[stop + 1].lower}"
    return None


# --- figures ---------------------------------------------------------------------------

def _figure_at(text: str, tokens: list[Token], i: int, range_end: bool = False) -> _Figure | None:
    tok = tokens[i]
    if tok.is_digits:
        return _digit_figure(text, tokens, i, range_end)
    if tok.is_word:
        return _vague_figure(tokens, i) or _fraction_figure(tokens, i) or _word_figure(tokens, i)
    return None


def _digit_figure(text: str, tokens: list[Token], i: int, range_end: bool = False) -> _Figure | None:
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    opener_ok = prev is not None and (prev.text in _OPENERS or range_end and prev.text in _DASHES)
    if prev is not None and touching(prev, tok) and not opener_ok:
        raise _Reject(i + 1)  # "killed.23", "10^9", "$400", "#1"
    if prev is not None and prev.text == "[" and nxt is not None and nxt.text == "]":
        raise _Reject(i + 2)  # footnote mark
    value = float(tok.text.replace(",", ""))
    stop = i + 1
    after_scale = nxt is not None and nxt.lower in lx.SCALE_WORDS
    if _DOT_THOUSANDS.fullmatch(tok.text) and not after_scale:
        value = float(tok.text.replace(".", ""))
    suffix_hedge = None
    percent = False
    if nxt is not None and touching(tok, nxt):
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        glued = after is not None and touching(nxt, after)
        if nxt.is_word or nxt.is_digits:
            raise _Reject(i + 2)  # "3rd", "1990s", "4x"
        if nxt.text in (",", ".", ":", "/", "^", "×") and glued and after.is_digits:
            raise _Reject(i + 3)  # "1,0000", "10:30", "17/10"
        if nxt.text in _DASHES and glued and after.is_word:
            if after.lower in lx.COUNTING_SUFFIXES:
                suffix_hedge = "plus" if after.lower == "plus" else None
                stop = i + 1  # the suffix word stays outside the figure: "5,000-strong force"
            else:
                raise _Reject(i + 3)  # "40-member", "30-meter-long"
        elif nxt.text in ("+",):
            suffix_hedge, stop = "+", i + 2
        elif nxt.text in ("^", "/", "×", "*", "=", "@"):
            raise _Reject(i + 2)
    if stop == i + 1 and nxt is not None and nxt.lower in lx.SCALE_WORDS and not touching(tok, nxt):
        value *= lx.SCALE_WORDS[nxt.lower]
        stop = i + 2
    plain = re.fullmatch(r"\d{4}", tok.text) is not None
    year_like = plain and 1800 <= value <= 2099 and stop == i + 1
    figure = _Figure(value, i, stop, year_like=year_like, suffix_hedge=suffix_hedge)
    return _with_percent(tokens, figure)


def _with_percent(tokens: list[Token], figure: _Figure) -> _Figure:
    j = figure.stop
    if j < len(tokens):
        word = tokens[j].lower
        if word in ("%", "percent", "pct"):
            return _Figure(figure.value, figure.first, j + 1, percent=True,
                           suffix_hedge=figure.suffix_hedge)
        if word == "per" and j + 1 < len(tokens) and tokens[j + 1].lower == "cent":
            return _Figure(figure.value, figure.first, j + 2, percent=True,
                           suffix_hedge=figure.suffix_hedge)
    return figure


def _vague_figure(tokens: list[Token], i: int) -> _Figure | None:
    words = [t.lower for t in tokens[i:i + 4]]
    w = words[0]
    nxt = words[1] if len(words) > 1 else ""
    if w in ("tens", "hundreds") and nxt == "of" and len(words) > 2 and words[2] in ("thousands", "millions"):
        base = 20 if w == "tens" else 200
        return _Figure(base * (1_000 if words[2] == "thousands" else 1_000_000), i, i + 3, vague=True)
    if w == "scores" and nxt != "of":
        return None
    if w in lx.VAGUE_PLURALS:
        return _Figure(float(lx.VAGUE_PLURALS[w]), i, i + 1, vague=True)
    k = i + 1 if w == "a" and nxt in ("few",) else i
    if k < len(tokens) and tokens[k].lower in lx.VAGUE_DETERMINERS:
        if k + 1 < len(tokens) and tokens[k + 1].lower in lx.VAGUE_BASES:
            value = float(lx.VAGUE_BASES[tokens[k + 1].lower])
            stop = k + 2
            if stop < len(tokens) and tokens[stop].lower in ("thousand", "million"):
                value *= lx.SCALE_WORDS[tokens[stop].lower]  # "several hundred thousand"
                stop += 1
            return _Figure(value, i, stop, vague=True)
    return None


def _fraction_figure(tokens: list[Token], i: int) -> _Figure | None:
    w = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if w == "a" and nxt == "half" and i >= 1 and tokens[i - 1].lower == "between":
        return _Figure(50.0, i, i + 2, fraction=True)  # "between a half and two-thirds"
    if w == "half":
        if nxt in ("a", "an") and i + 2 < len(tokens) and tokens[i + 2].lower == "dozen":
            return _Figure(6.0, i, i + 3)
        return _Figure(50.0, i, i + 1, fraction=True)
    if "-" in w:
        head, _, tail = w.partition("-")
        if tail in ("third", "thirds", "quarter", "quarters") and head in lx.UNITS_WORDS:
            return _Figure(_percent(lx.UNITS_WORDS[head] * lx.FRACTION_WORDS[tail]), i, i + 1, fraction=True)
        return None
    if w in ("a", "one", "two", "three") and nxt in ("third", "thirds", "quarter", "quarters"):
        count = 1 if w in ("a", "one") else lx.UNITS_WORDS[w]
        if (count == 1) == nxt.endswith("s"):
            return None
        return _Figure(_percent(count * lx.FRACTION_WORDS[nxt]), i, i + 2, fraction=True)
    return None


def _percent(share: float) -> float:
    """A fraction as a whole percentage, as an analyst writes it ("two thirds" is 67)."""
    return float(round(share))


def _word_value(word: str) -> int | None:
    if word in lx.UNITS_WORDS:
        return lx.UNITS_WORDS[word]
    if word in lx.TENS_WORDS:
        return lx.TENS_WORDS[word]
    head, dash, tail = word.partition("-")
    if dash and head in lx.TENS_WORDS and tail in lx.UNITS_WORDS and 0 < lx.UNITS_WORDS[tail] < 10:
        return lx.TENS_WORDS[head] + lx.UNITS_WORDS[tail]
    return None


def _word_figure(tokens: list[Token], i: int) -> _Figure | None:
    first = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if "-" in first and _word_value(first) is None:
        head = first.partition("-")[0]
        if head in lx.UNITS_WORDS or head in lx.TENS_WORDS:
            raise _Reject(i + 1)  # "four-month", "seven-member"
        return None
    if first in ("a", "an"):
        if nxt not in ("dozen", "hundred", "thousand", "million"):
            return None
    elif _word_value(first) is None:
        return None
    if first == "one" and nxt in ("of", "another", "by", "'", "’", "day", "time", "point", "side"):
        return None
    if first in ("zero",):
        return None
    total, current, j, last = 0, 0, i, ""
    while j < len(tokens):
        w = tokens[j].lower
        value = _word_value(w)
        if w in ("a", "an") and j == i:
            current = 1
        elif value is not None:
            if last in ("unit", "tens") and not (last == "tens" and value < 10):
                break  # "two three" is not a number
            current += value
            last = "tens" if w in lx.TENS_WORDS else "unit"
        elif w == "hundred" and last != "scale-hundred":
            current = max(current, 1) * 100
            last = "scale-hundred"
        elif w in ("thousand", "million", "billion"):
            total += max(current, 1) * lx.SCALE_WORDS[w]
            current, last = 0, "scale"
        elif w == "dozen":
            current = max(current, 1) * 12
            last = "scale"
        elif (w == "and" and last.startswith("scale") and j + 1 < len(tokens)
              and _word_value(tokens[j + 1].lower) is not None):
            last = "and"
        else:
            break
        j += 1
    if first in ("a", "an") and j == i + 1:
        return None
    return _Figure(float(total + current), i, j)


# --- ranges ----------------------------------------------------------------------------

def _range_after(text: str, tokens: list[Token], first: _Figure) -> tuple[_Figure, _Figure | None, int]:
    """A second figure making a range with the first: (first, second or None, range_start).

    range_start is the token where the range's words begin ("between", "from")."""
    stop = first.stop
    none = (first, None, first.first)
    if first.vague or stop + 1 >= len(tokens):
        return none
    joiner = tokens[stop].lower
    before = tokens[first.first - 1].lower if first.first > 0 else ""
    if first.fraction:
        return _fraction_range(tokens, first, joiner, before) or none
    allowed = (joiner in _DASHES or (joiner == "to" and before != "up")
               or (joiner == "and" and before == "between") or joiner == "or")
    if not allowed:
        return none
    if joiner in _DASHES and touching(tokens[stop - 1], tokens[stop]) != touching(tokens[stop], tokens[stop + 1]):
        return none  # "1- Game", "300 -350": a dash on one side only is no range
    following = tokens[stop + 1]
    if not (following.is_digits or following.is_word):
        return none
    try:
        second = _figure_at(text, tokens, stop + 1, range_end=True)
    except _Reject:
        second = None
    if second is None and joiner in _DASHES and touching(tokens[stop], following) and following.is_digits:
        raise _Reject(stop + 2)  # "3-1", "2016-17": a dash between digits that is no range
    if second is None or second.vague or second.fraction:
        return none
    low, high = first.value, second.value
    scaled_second = second.stop > second.first + 1 and not second.percent or (
        second.percent and second.stop > second.first + 2)
    if scaled_second and first.stop == first.first + 1 and low < high / 1000 and tokens[second.first].is_digits:
        low *= high / float(tokens[second.first].text.replace(",", ""))  # "between 1 and 1.5 million"
    if not low < high <= low * _MAX_RANGE_RATIO or (joiner == "or" and high > low * 10):
        if joiner in _DASHES and touching(tokens[stop], following):
            raise _Reject(second.stop)
        return none
    percent = first.percent or second.percent
    first = replace(first, value=low, percent=percent)
    second = replace(second, percent=percent)
    range_start = first.first - 1 if before in ("between", "from") else first.first
    return first, second, range_start


def _fraction_range(tokens: list[Token], first: _Figure, joiner: str,
                    before: str) -> tuple[_Figure, _Figure, int] | None:
    """ "between a third and a half of the city"."""
    if before != "between" or joiner != "and":
        return None
    k = first.stop + 1
    if k < len(tokens) and tokens[k].lower == "a" and k + 1 < len(tokens) and tokens[k + 1].lower == "half":
        second = _Figure(50.0, k, k + 2, fraction=True)
    else:
        second = _fraction_figure(tokens, k)
    if second is None or not second.fraction or second.value <= first.value:
        return None
    return first, second, first.first - 1


# --- what a count must not be ----------------------------------------------------------

def _check_context(text: str, tokens: list[Token], first: _Figure, second: _Figure | None, stop: int) -> None:
    """Raise _Reject when the figure is a date, year, name, money or measure."""
    i = first.first
    prev = tokens[i - 1] if i > 0 else None
    prev2 = tokens[i - 2] if i > 1 else None
    nxt = tokens[stop] if stop < len(tokens) else None
    nxt2 = tokens[stop + 1] if stop + 1 < len(tokens) else None
    percent = first.percent or (second is not None and second.percent)
    if prev is not None and prev.lower in ("between", "from") and prev2 is not None:
        prev, prev2 = prev2, tokens[i - 3] if i > 2 else None
    if prev is not None:
        if prev.text in lx.MONTHS or prev.text in lx.CURRENCY_SIGNS:
            raise _Reject(stop)
        if prev.text in lx.NAME_BEFORE_NUMBER and first.stop == first.first + 1 and tokens[i].is_digits:
            raise _Reject(stop)
        if prev.text == "." and prev2 is not None and prev2.lower in ("no", "nos") and touching(prev2, prev):
            raise _Reject(stop)
    if nxt is not None and not percent:
        if nxt.text in lx.MONTHS or (nxt.lower == "of" and nxt2 is not None and nxt2.text in lx.MONTHS):
            raise _Reject(stop + 1)
        nxt3 = tokens[stop + 2] if stop + 2 < len(tokens) else None
        if nxt.lower in _DATE_JOINERS and nxt2 is not None and nxt2.is_digits and nxt3 is not None \
                and nxt3.text in lx.MONTHS:
            raise _Reject(stop + 3)  # "19 and 20 June"
        if nxt.lower in lx.UNIT_WORDS or nxt.lower.rstrip(".") in lx.UNIT_WORDS:
            raise _Reject(stop + 1)
    if first.year_like and (second is None or second.year_like) and not percent:
        if prev is not None and (prev.lower in lx.YEAR_CONTEXT or prev.text in lx.MONTHS):
            raise _Reject(stop)
        if second is not None or nxt is None or not (nxt.is_word and nxt.text[0].islower()):
            raise _Reject(stop)
    if tokens[i].is_digits and _at_line_start(text, tokens[i].start) and nxt is not None \
            and touching(tokens[stop - 1], nxt) and nxt.text in (".", ")", "-", "–"):
        raise _Reject(stop + 1)  # a list number: "1. ", "2) ", "1- "


def _at_line_start(text: str, at: int) -> bool:
    k = at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"

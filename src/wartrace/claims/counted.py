"""What a number counts: the noun phrase after it ("1,100 rebel fighters", "dozens of
civilians", "2,400 of their relatives"), or, when the number stands alone, the
noun it borrows ("killing three soldiers and injuring ten", "the number of rebels
... about 600", "soldiers deserted by the hundreds").
"""
from __future__ import annotations

from dataclasses import dataclass

from wartrace.claims import lexicon as lx
from wartrace.claims.quantities import Quantity
from wartrace.claims.sentence import SentenceView

MAX_MODIFIERS = 6
# Function words that end a noun phrase (matched in lower case, never on acronyms).
PHRASE_BREAKS = frozenset("""
    the a an this that these those their its his her our your my and or but nor while
    whereas as than then who whom whose which what where when in on at by from to with into
    onto for near inside outside during after before over under against across through
    toward towards within without about around among between beyond via per were was are
    is be been being had has have will would may might could should can did do does not no
    never also still reportedly allegedly only just of out up
""".split())
PARTITIVE_DETERMINERS = frozenset({"the", "their", "its", "his", "her", "our", "these", "those"})
# Heads that only point back to the people already counted: "11 others", "hundreds more".
ANAPHORIC_HEADS = frozenset({"others", "more", "other", "them", "whom", "which"})
# "three more villages": these only point back when no noun follows them.
ANAPHORIC_IF_ALONE = frozenset({"more", "other"})
DISTRIBUTIVE = (("by", "the"), ("in", "their"), ("in", "the"))


@dataclass(frozen=True, slots=True)
class Counted:
    """The counted phrase of a quantity.

    kind is a COUNTED_NOUNS kind, "group" for a capitalized collective ("Peshmerga"),
    "borrowed" when the number stands alone and takes its noun from elsewhere, or
    "none" when it counts something out of scope ("two villages", "one pocket").
    first..stop are token indices of the phrase (stop exclusive); head is the head
    noun's last token, or -1 when there is none.
    """

    kind: str
    first: int
    head: int
    stop: int
    anaphoric: bool = False  # "such casualties", "others": who comes from an earlier figure
    distributive: bool = False  # "deserted by the hundreds": the phrase is before the number
    borrowed_phrase: bool = False  # the phrase belongs to a later, coordinated figure


def head_kind(view: SentenceView, i: int) -> tuple[str | None, int]:
    """(kind, width) when token i starts a counted noun (one or two words)."""
    toks = view.tokens
    if not 0 <= i < len(toks):
        return None, 0
    if i + 1 < len(toks):
        pair = f"{toks[i].lower} {toks[i + 1].lower}"
        if pair in lx.COUNTED_NOUNS:
            return lx.COUNTED_NOUNS[pair], 2
    word = toks[i].lower
    if word in lx.COUNTED_NOUNS:
        return lx.COUNTED_NOUNS[word], 1
    if "-" in word:  # "IS-fighters"
        tail = word.rsplit("-", 1)[1]
        if tail in lx.COUNTED_NOUNS and tail not in ("members", "member"):
            return lx.COUNTED_NOUNS[tail], 1
    return None, 0


def _is_break(view: SentenceView, i: int) -> bool:
    tok = view.tokens[i]
    if tok.is_acronym or tok.is_digits:
        return tok.is_digits
    if not (tok.is_word or tok.text in ("'", "’")):
        return True
    return tok.lower in PHRASE_BREAKS


def _possessive_after(view: SentenceView, i: int) -> bool:
    """ "Forces' commander", "army's": the word is not the head of our phrase."""
    return view.lower(i + 1) in ("'", "’")


def find_counted(view: SentenceView, quantity: Quantity) -> Counted | None:
    """The phrase right after the number, or None when nothing countable follows."""
    first, stop = view.token_span(quantity)
    toks = view.tokens
    i = stop
    if i < len(toks) and toks[i].lower == "of" and (quantity.vague or i + 1 < len(toks)):
        if view.lower(i + 1) in ANAPHORIC_HEADS:
            return Counted("borrowed", i, i + 1, i + 2, anaphoric=True)
        i += 1
        while i < len(toks) and toks[i].lower in PARTITIVE_DETERMINERS:
            i += 1
    start = i
    modifiers = 0
    if i < len(toks) and toks[i].is_digits:
        return Counted("none", i, i, i + 1)  # "two 2A4 tanks", "3 1/2"
    while i < len(toks) and modifiers <= MAX_MODIFIERS:
        kind, width = head_kind(view, i)
        if kind is not None and not _possessive_after(view, i + width - 1):
            head = i + width - 1
            while True:  # "rebel reinforcements", "militia fighters": the last noun heads
                next_kind, next_width = head_kind(view, head + 1)
                if next_kind is None or next_kind not in lx.PEOPLE_KINDS or _possessive_after(view, head + next_width):
                    break
                kind, head = next_kind, head + next_width
            if _noun_used_as_adjective(view, quantity, head) or _compound_continues(view, head):
                return Counted("none", start, head, head + 1)
            if kind == "fighters" and toks[head].lower in ("members", "member") \
                    and not _armed_members(view, start, head):
                kind = "people"  # "five new members", "11 board members": of what, we cannot tell
            anaphoric = any(toks[k].lower == "such" for k in range(start, i))
            return Counted(kind, start, head, head + 1, anaphoric=anaphoric)
        word = toks[i].lower
        if word in ANAPHORIC_HEADS and i == start and not (
                word in ANAPHORIC_IF_ALONE and i + 1 < len(toks) and not _is_break(view, i + 1)
                and toks[i + 1].lower not in lx.TRIGGERS):
            return Counted("borrowed", start, i, i + 1, anaphoric=True)
        if word in lx.NON_CLAIM_NOUNS:
            return Counted("none", start, i, i + 1)
        if _is_break(view, i):
            break
        if word in lx.TRIGGERS and word not in lx.MODIFIER_TRIGGERS and head_kind(view, i + 1)[0] is None:
            break  # "23 killed"; but "dozens of evacuation trucks" goes on to its noun
        i += 1
        modifiers += 1
    if i > start and _unit_designation(view, start, i):
        return Counted("none", start, i - 1, i)  # "21 Electronic Warfare Regiment"
    if i > start and _is_group_name(view, start, i):
        covered = bool(view.actors_in(toks[i - 1].start, toks[i - 1].end))
        return Counted("group" if covered else "people", start, i - 1, i)
    if any(view.lower(k) not in lx.MODIFIER_TRIGGERS for k in range(start, i)):
        return Counted("none", start, i - 1, i)  # a noun we do not count: "one pocket of"
    return None


def _noun_used_as_adjective(view: SentenceView, quantity: Quantity, head: int) -> bool:
    """ "two rebel groups", "three Member States": a singular head after a plural count
    that another noun follows is a modifier of that noun."""
    word = view.lower(head)
    if quantity.low <= 1 or quantity.vague or word.endswith("s") or word in lx.PLURAL_WITHOUT_S:
        return False
    after = head + 1
    if after >= len(view.tokens) or _is_break(view, after):
        return False
    return view.lower(after) not in lx.TRIGGERS


UNIT_WORDS = frozenset({"regiment", "brigade", "division", "battalion", "corps", "squadron",
                        "company", "platoon", "army", "fleet", "wing", "group", "detachment"})
# Function words that end in s and may follow a noun: "fighters was", "civilians as".
S_FUNCTION_WORDS = frozenset({"is", "was", "has", "as", "its", "this", "thus", "us", "his", "towards",
                              "across", "perhaps", "besides", "whereas", "unless", "plus", "afterwards",
                              "nevertheless", "always", "sometimes", "less", "was", "does", "says"})


def _armed_members(view: SentenceView, start: int, head: int) -> bool:
    """ "rebel members", "members of the security forces": members of an armed side."""
    before = view.actors_in(view.tokens[start].start, view.tokens[head].start)
    if view.lower(head + 1) == "of" and head + 2 < len(view.tokens):
        k = head + 2
        while view.lower(k) in ("the", "its", "their"):
            k += 1
        after_head = head_kind(view, k + 1)[0] == "fighters" or head_kind(view, k)[0] == "fighters"
        after = view.actors_in(view.tokens[k].start, view.tokens[min(k + 3, len(view.tokens) - 1)].end)
        return bool(before or after or after_head)
    return bool(before)


def _unit_designation(view: SentenceView, start: int, stop: int) -> bool:
    return any(view.lower(k) in UNIT_WORDS and view.tokens[k].text[0].isupper() for k in range(start, stop))


def _compound_continues(view: SentenceView, head: int) -> bool:
    """ "25 armoured personnel carriers": a plural noun after the head means the head
    was a modifier (a verb after a plural subject would not end in s)."""
    nxt = view.tokens[head + 1] if head + 1 < len(view.tokens) else None
    return (nxt is not None and nxt.is_word and nxt.text.islower() and nxt.text.endswith("s")
            and nxt.lower not in S_FUNCTION_WORDS and nxt.lower not in lx.TRIGGERS
            and nxt.lower not in PHRASE_BREAKS and "-" not in nxt.text)


def _is_group_name(view: SentenceView, start: int, stop: int) -> bool:
    """ "500 Peshmerga", "hundreds of Kadyrovites": a capitalized collective ending the phrase."""
    last = view.tokens[stop - 1]
    if view.lower(stop) in lx.NON_CLAIM_NOUNS or last.lower in lx.NON_CLAIM_NOUNS:
        return False
    covered = bool(view.actors_in(last.start, last.end))
    capital_plural = last.text[0].isupper() and last.text.endswith("s") and len(last.text) > 3 \
        and not last.text[:-1].isupper()  # "UAVs", "IEDs" are things
    return covered or capital_plural


def distributive_counted(view: SentenceView, quantity: Quantity) -> Counted | None:
    """ "soldiers had deserted by the hundreds": the counted noun comes earlier."""
    first, _ = view.token_span(quantity)
    before = (view.lower(first - 2), view.lower(first - 1))
    if before not in DISTRIBUTIVE and view.lower(first - 1) != "by":
        return None
    for i in range(first - 3, max(-1, first - 16), -1):
        kind, _ = head_kind(view, i)
        if kind in lx.PEOPLE_KINDS:
            return Counted(kind, i, i, i + 1, distributive=True)
        if view.tokens[i].text in (";", ":"):
            break
    return None


def number_of_counted(view: SentenceView, quantity: Quantity) -> Counted | None:
    """ "The number of rebels in the town ... estimates ranging from about 600"."""
    first, _ = view.token_span(quantity)
    for i in range(first - 2, -1, -1):
        if view.lower(i) in ("number", "numbers", "estimates", "estimate", "strength") \
                and view.lower(i + 1) == "of":
            for k in range(i + 2, min(i + 2 + MAX_MODIFIERS, first)):
                kind, width = head_kind(view, k)
                if kind is not None:
                    return Counted(kind, i + 2, k + width - 1, k + width)
            return None
    return None

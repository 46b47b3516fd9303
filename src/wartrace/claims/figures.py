"""Reading a sentence's figures: what each counts, what happened to them, whose they are.

Each number becomes a Reading (or nothing): a share of a place (control.py), or a count
whose phrase (counted.py), trigger (triggers.py) and side (sides.py) give its `what` and
`who`. Listed figures then share the verb of the figure they detail ("5,000 people were
evacuated, including 400 fighters and 4,600 relatives").
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from wartrace.claims import lexicon as lx
from wartrace.claims.control import read_share
from wartrace.claims.counted import (Counted, distributive_counted, find_counted,
                                     number_of_counted)
from wartrace.claims.quantities import Quantity
from wartrace.claims.sentence import SentenceView
from wartrace.claims.sides import side_from_context, who_of
from wartrace.claims.triggers import (Trigger, modifier_trigger, population_before, trigger_after,
                                      triggers_before, what_for)
from wartrace.model import PlaceMention

AUXILIARIES = frozenset({"were", "was", "had", "have", "has", "been", "are", "is", "be"})
PEOPLE_WHATS = frozenset({"killed", "wounded", "displaced", "evacuated", "trapped", "detained"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One number read as (part of) a claim, before its source, date and place."""

    quantity: Quantity
    whats: tuple[str, ...]
    who: str | None
    start: int  # evidence span, document offsets
    end: int
    kind: str
    trigger: Trigger | None = None
    finite: bool = False  # the trigger is a verb with an auxiliary ("were killed")
    place: PlaceMention | None = None
    holder: str | None = None  # control share: who holds it
    unit: str | None = None


def read_sentence(view: SentenceView, sides: dict[str, str] | None = None) -> list[Reading]:
    readings: list[Reading | None] = []
    quantities = view.quantities
    for k, quantity in enumerate(quantities):
        next_first = view.token_span(quantities[k + 1])[0] if k + 1 < len(quantities) else len(view.tokens)
        if quantity.percent:
            readings.append(_share(view, quantity))
            continue
        previous = next((r for r in reversed(readings) if r is not None and r.kind != "share"), None)
        readings.append(_count(view, quantity, next_first, previous, sides or {}))
    _inherit_from_lists(view, readings)
    return [r for r in readings if r is not None and r.whats]


def _share(view: SentenceView, quantity: Quantity) -> Reading | None:
    share = read_share(view, quantity)
    if share is None:
        return None
    if share.kind == "people":
        return Reading(quantity, ("other",), "civilians", share.start, share.end, "share-people",
                        unit="percent")
    return Reading(quantity, ("control_share",), None, share.start, share.end, "share",
                    place=share.place, holder=share.holder, unit="percent")


def _count(view: SentenceView, quantity: Quantity, next_first: int,
           previous: Reading | None, sides: dict[str, str]) -> Reading | None:
    first, stop = view.token_span(quantity)
    if _negated(view, first):
        return None
    counted = (find_counted(view, quantity) or distributive_counted(view, quantity)
               or number_of_counted(view, quantity) or _borrow_forward(view, quantity))
    if counted is not None and counted.kind == "none":
        return None
    detached = (counted is None or counted.distributive or counted.borrowed_phrase
                or counted.first < first)  # the phrase is not right after the number
    phrase_stop = stop if detached else counted.stop
    triggers, finite = _triggers(view, counted, first, phrase_stop, next_first, detached)

    kind = counted.kind if counted is not None else "borrowed"
    antecedent = previous if counted is None or counted.anaphoric else None
    if kind == "borrowed":
        if not triggers and (counted is None or not counted.anaphoric):
            return None  # a lone number ("8240", "29") needs a verb to count anything
        if previous is None or previous.kind in ("vehicles", "strikes"):
            kind, antecedent = "people", None
        else:
            kind = previous.kind
    whats = _whats(view, counted, kind, triggers, first)  # may be empty until a list lends one
    if kind == "vehicles" and not _convoy(view, counted):
        return None

    start, end = _evidence(view, quantity, counted, detached, triggers[0] if triggers else None,
                           first, phrase_stop)
    who = who_of(view, counted, kind, antecedent.who if antecedent else None, antecedent is not None)
    if who == "fighters" and counted is not None and counted.head >= 0:
        who = side_from_context(view, first, counted, sides) or who
    unit = view.tokens[counted.head].lower if counted is not None and counted.head >= 0 else None
    return Reading(quantity, whats, who, start, end, kind, triggers[0] if triggers else None,
                   finite, unit=unit)


def _negated(view: SentenceView, first: int) -> bool:
    """ "not in the thousands", "never 500": a figure the text denies."""
    return any(view.lower(k) in ("not", "never", "n't") for k in range(max(0, first - 3), first))


def _triggers(view: SentenceView, counted: Counted | None, first: int, phrase_stop: int,
              next_first: int, detached: bool) -> tuple[list[Trigger], bool]:
    """The words saying what happened to the counted people, and whether the one after
    the phrase is a finite verb ("were killed"), which a coordinated figure may share."""
    if counted is not None and counted.kind in ("vehicles", "strikes"):
        return [], False  # things: the noun says it all
    triggers = triggers_before(view, first)
    if triggers:
        return triggers, False
    if not detached and counted.head >= 0:
        modifier = modifier_trigger(view, counted)
        if modifier is not None:
            return [modifier], False
    if counted is not None and counted.distributive:
        after = trigger_after(view, counted.stop, first)
    else:
        after = trigger_after(view, phrase_stop, next_first)
    if after is None:
        return [], False
    finite = view.lower(after.start - 1) in AUXILIARIES or view.lower(after.start - 2) in AUXILIARIES
    return [after], finite


def _whats(view: SentenceView, counted: Counted | None, kind: str, triggers: list[Trigger],
           first: int) -> tuple[str, ...]:
    if kind in ("civilians", "people") and not triggers and population_before(view, first):
        return ("other",)  # "a population of 220,000"
    head = view.lower(counted.head) if counted is not None and counted.head >= 0 else ""
    return tuple(w for w in dict.fromkeys(what_for(kind, t, head) for t in (triggers or [None])) if w)


def _evidence(view: SentenceView, quantity: Quantity, counted: Counted | None, detached: bool,
              trigger: Trigger | None, first: int, phrase_stop: int) -> tuple[int, int]:
    """The number, its phrase and an adjacent trigger: "killing 17 civilians",
    "12 civilians were killed", "soldiers had deserted by the hundreds"."""
    start, end = quantity.start, quantity.end
    distributive = counted is not None and counted.distributive
    if distributive:
        start = view.tokens[counted.first].start
    elif not detached and counted.head >= 0:
        end = view.tokens[counted.stop - 1].end
    if trigger is not None:
        if trigger.stop <= first:
            start = min(start, view.tokens[trigger.start].start)
        elif trigger.start - phrase_stop <= 4 and not distributive:
            end = max(end, view.tokens[trigger.stop - 1].end)
    return start, end


def _borrow_forward(view: SentenceView, quantity: Quantity) -> Counted | None:
    """ "the deaths of dozens and the injury of hundreds of villagers": the first figure
    counts the noun of the figure coordinated after it."""
    _, stop = view.token_span(quantity)
    if view.lower(stop) not in ("and", "or", ",", "(", "to"):
        return None
    for later in view.quantities:
        if later.start <= quantity.start:
            continue
        first, _ = view.token_span(later)
        between = _outside_parentheses([view.lower(k) for k in range(stop, first)])
        if between is None or len(between) > 5 or any(
                w not in ("and", "or", ",", "of", "the", "to") and w not in lx.TRIGGERS for w in between):
            return None
        counted = find_counted(view, later)
        if counted is None or counted.kind in ("none", "borrowed"):
            return None
        return Counted(counted.kind, counted.first, counted.head, stop, borrowed_phrase=True)
    return None


def _outside_parentheses(words: list[str]) -> list[str] | None:
    """The words outside "( ... )" groups, or None when the brackets do not pair."""
    kept, depth = [], 0
    for w in words:
        if w == "(":
            depth += 1
        elif w == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            kept.append(w)
    return kept if depth == 0 else None


MILITARY_VEHICLE_WORDS = frozenset({"armored", "armoured", "military", "combat", "tactical",
                                    "fighting", "infantry", "amphibious", "engineering"})


def _convoy(view: SentenceView, counted: Counted) -> bool:
    """Vehicles count only as a convoy or evacuation, not as equipment hit, taken or
    bought; armoured vehicles only when the text says "convoy"."""
    words = {t.lower for t in view.tokens}
    if words & lx.VEHICLE_LOSS_WORDS:
        return False
    modifiers = {view.lower(k) for k in range(counted.first, counted.head)}
    if modifiers & MILITARY_VEHICLE_WORDS:
        return "convoy" in words
    return bool(words & lx.CONVOY_WORDS)


def _inherit_from_lists(view: SentenceView, readings: list[Reading | None]) -> None:
    """ "5,000 people were evacuated, including 400 fighters and 4,600 relatives": the
    listed figures share the verb of the figure they detail; "N X and M Y were killed":
    a coordinated figure shares the finite verb that follows the list."""
    for k, reading in enumerate(readings):
        if reading is None or reading.trigger is not None or reading.kind in ("share", "share-people",
                                                                                "vehicles", "strikes"):
            continue
        source = _list_head(view, readings, k)
        if source is None:
            source = _coordinated_next(view, readings, k)
        if source is not None:
            whats = tuple(w for w in source.whats if w in PEOPLE_WHATS)
            if whats:
                readings[k] = replace(reading, whats=tuple(_adapt(reading.kind, w) for w in whats))


def _adapt(kind: str, what: str) -> str:
    return "fighters" if kind in ("fighters", "group") and what == "displaced" else what


def _list_head(view: SentenceView, readings: list[Reading | None], k: int) -> Reading | None:
    first, _ = view.token_span(readings[k].quantity)
    i = first - 1
    while i >= 0:
        word = view.lower(i)
        if word in lx.INCLUDING_WORDS or (word == "of" and view.lower(i + 1) in ("whom", "which")):
            earlier = [r for r in readings[:k] if r is not None and view.tokens[0].start <= r.end
                       and r.end <= view.tokens[i].start and r.kind not in ("share", "vehicles", "strikes")]
            return earlier[-1] if earlier else None
        if view.tokens[i].text in (";", ".", ":") or word in ("while", "whereas", "but"):
            return None
        if word not in ("and", ",", "as", "well") and not _inside_reading(view, readings[:k], i):
            return None
        i -= 1
    return None


def _inside_reading(view: SentenceView, readings: list[Reading | None], i: int) -> bool:
    tok = view.tokens[i]
    return any(r is not None and r.start <= tok.start and tok.end <= r.end for r in readings)


def _coordinated_next(view: SentenceView, readings: list[Reading | None], k: int) -> Reading | None:
    reading = readings[k]
    for later in readings[k + 1:]:
        if later is None:
            return None
        gap = view.text[reading.end:later.start].strip().lower()
        if gap not in ("and", ",", "or", "as well as", ", and"):
            return None
        if later.trigger is not None:
            return later if later.finite else None
        reading = later
    return None

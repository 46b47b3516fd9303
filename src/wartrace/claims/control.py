"""Shares of a place that an armed side holds: "around 40% of the town was held by X",
"captured more than half of the district", "the town is more than 80% cleared".

A percentage or fraction is a control share when it is "of" a place (or has no
object) and control words stand in its clause ("captured", "held by", "reinforcing",
"X-held"). Shares of a place destroyed, and shares of people or of things, are not
control shares; "the assault on the western half of the city" names a place only.
"""
from __future__ import annotations

from dataclasses import dataclass

from wartrace.claims import lexicon as lx
from wartrace.claims.counted import head_kind
from wartrace.claims.quantities import Quantity
from wartrace.claims.sentence import SentenceView
from wartrace.model import PlaceMention

WINDOW = 10
OBJECT_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "this", "that", "all"})
PLACE_NOUNS = frozenset("""
    city town village villages district districts neighbourhood neighborhood neighbourhoods
    neighborhoods quarter quarters area areas territory territories country province
    governorate region suburb suburbs old centre center downtown east west north south
    eastern western northern southern part parts outskirts front
""".split())
HOLDER_LINKS = frozenset({"by", "under", "of"})
POPULATION_NOUNS = frozenset({"population", "populace"})
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom", "where"})
# A share without "of <place>" needs its control word before it ("control ... reduced to
# about 30%") or as a participle right after it ("80% cleared"); "20 percent holds" is a
# share of people.
PARTICIPLES_AFTER = frozenset({"cleared", "controlled", "held", "captured", "liberated",
                               "secured", "occupied", "taken", "retaken", "seized"})


@dataclass(frozen=True, slots=True)
class ShareReading:
    kind: str  # "control" or "people" (a share of residents: what = other)
    start: int  # evidence span (document offsets)
    end: int
    place: PlaceMention | None
    holder: str | None


def _window(view: SentenceView, first: int, stop: int) -> range:
    lo, hi = max(0, first - WINDOW), min(len(view.tokens), stop + WINDOW)
    for k in range(first - 1, lo - 1, -1):
        if view.tokens[k].text == ";":
            lo = k + 1
            break
    for k in range(stop, hi):
        if view.tokens[k].text == ";":
            hi = k
            break
    return range(lo, hi)


def _clause(view: SentenceView, first: int, stop: int) -> range:
    """The figure's clause: the sentence between semicolons."""
    lo = next((k + 1 for k in range(first - 1, -1, -1) if view.tokens[k].text == ";"), 0)
    hi = next((k for k in range(stop, len(view.tokens)) if view.tokens[k].text == ";"), len(view.tokens))
    return range(lo, hi)


def _has_word(view: SentenceView, window: range, words: frozenset[str]) -> bool:
    for k in window:
        word = view.lower(k)
        if word in words or word.rsplit("-", 1)[-1] in words:
            return True
    return False


def _object(view: SentenceView, stop: int) -> tuple[str | None, int, PlaceMention | None]:
    """What the share is "of": ("place"|"people"|"thing"|None, end token, place mention)."""
    if view.lower(stop) != "of":
        return None, stop, None
    k = stop + 1
    while view.lower(k) in OBJECT_DETERMINERS:
        k += 1
    if k >= len(view.tokens):
        return "thing", k, None
    for mention in view.places:
        if view.tokens[k].start <= mention.start < view.tokens[min(k + 4, len(view.tokens) - 1)].end \
                and not any(view.lower(j) in RELATIVE_WORDS for j in range(k, view.token_at(mention.start))):
            return "place", view.token_at(mention.end), mention
    kind, _ = head_kind(view, k)
    if kind in ("civilians", "people") or view.lower(k) in POPULATION_NOUNS:
        return "people", k + 1, None
    if kind is not None:
        return "thing", k + 1, None
    for j in range(k, min(k + 4, len(view.tokens))):
        word = view.lower(j)
        if word in PLACE_NOUNS:
            end = j + 1
            if word == "old" and view.lower(j + 1) == "city":
                end = j + 2
            return "place", end, None
        if word in lx.NON_CLAIM_NOUNS or word in lx.COUNTED_NOUNS:
            return "thing", j + 1, None
    if view.tokens[k].text == "#":  # "#Tarsa" (a hashtag place)
        return "place", k + 2, None
    return "thing", k + 1, None


def read_share(view: SentenceView, quantity: Quantity) -> ShareReading | None:
    if not quantity.percent or quantity.low > 100 or (quantity.high or 0) > 100:
        return None
    first, stop = view.token_span(quantity)
    window = _window(view, first, stop)
    if _has_word(view, window, lx.DESTRUCTION_WORDS):
        return None
    target, end, place = _object(view, stop)
    # A share "of <place>" may take its control verb from anywhere in the clause
    # ("securing A, B, C and about 60% of the district"); a bare share needs one nearby.
    if target == "place":
        control = _has_word(view, _clause(view, first, stop), lx.CONTROL_WORDS)
    else:
        control = _has_word(view, range(window.start, first), lx.CONTROL_WORDS) or \
            view.lower(stop) in PARTICIPLES_AFTER
    if target == "people":
        outside = [k for k in window if not stop <= k < end]
        return ShareReading("people", quantity.start, view.tokens[end - 1].end, None, None) \
            if _has_word(view, outside, frozenset(lx.TRIGGERS)) else None
    if target == "thing" or not control:
        return None
    if target is None and view.lower(stop) in lx.CONTROL_WORDS:
        end = stop + 1  # "80% cleared"
    span_end = view.tokens[end - 1].end if end > 0 else quantity.end
    place = place or _nearest_place(view, quantity, window)
    return ShareReading("control", quantity.start, max(span_end, quantity.end), place,
                        _holder(view, first, end, window))


def _nearest_place(view: SentenceView, quantity: Quantity, window: range) -> PlaceMention | None:
    lo, hi = view.tokens[window.start].start, view.tokens[window.stop - 1].end
    candidates = [p for p in view.places if lo <= p.start and p.end <= hi]
    if not candidates:
        return None
    return min(candidates, key=lambda p: abs(p.start - quantity.start))


def _holder(view: SentenceView, first: int, end: int, window: range) -> str | None:
    """Who holds the share: "held by X", "under X control", "X-held half", else the
    nearest armed side named before the figure."""
    after_hi = view.tokens[window.stop - 1].end
    for k in range(end, window.stop):
        if view.lower(k) in HOLDER_LINKS or view.lower(k) == "hands":
            mentions = [a for a in view.actors_in(view.tokens[k].end, after_hi)
                        if a.actor.kind != "civilians"]
            if mentions:
                return mentions[0].actor.name
            break
    if first > 0 and view.lower(first - 1).endswith(("-held", "-controlled")):
        mentions = view.actors_in(view.tokens[first - 1].start, view.tokens[first - 1].end)
        if mentions:
            return mentions[0].actor.name
    before = [a for a in view.actors if a.end <= view.tokens[first].start
              and a.actor.kind != "civilians"]
    return before[-1].actor.name if before else None

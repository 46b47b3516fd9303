"""Claims of one document: every in-scope number with what, who, source, date and place.

For each sentence holding a number, figures.py reads what each number counts and what
happened to them (or which share of a place is held); this module adds the source
(attribution.py), the as-of date (the sentence's date, or an embedded tweet's), the
place and the perpetrator or holder.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from wartrace.claims.attribution import DocumentSources
from wartrace.claims.figures import Reading, read_sentence
from wartrace.claims.sentence import SentenceView
from wartrace.claims.sides import fighter_sides
from wartrace.model import ActorMention, Claim, PlaceMention, Sentence, SentenceDate, Span, Timex

PERPETRATOR_NOUNS = frozenset("""
    strike strikes airstrike airstrikes air raid raids attack attacks bombing bombings
    shelling bombardment bombardments grave graves offensive assault fire
""".split())
ESTIMATE_WORDS = frozenset({"estimate", "estimates", "estimated"})


def extract_claims(text: str, sentences: Sequence[Sentence],
                   sentence_dates: Sequence[SentenceDate] = (),
                   places: Sequence[PlaceMention] = (),
                   actors: Sequence[ActorMention] = (),
                   timexes: Sequence[Timex] = (),
                   document_date: str | None = None) -> tuple[Claim, ...]:
    """document_date: the as-of date for sentences the time stage could not date (an
    undated news item's date hint): a figure stated without a date holds as of the report."""
    views = _views(text, sentences, places, actors)
    if not any(v.quantities for v in views):
        return ()
    sources = DocumentSources.build(text, views)
    sides = fighter_sides(views)
    dates = {d.sentence: d for d in sentence_dates}
    claims: list[Claim] = []
    for view in views:
        if not view.quantities or _table_row(view):
            continue
        for reading in read_sentence(view, sides):
            claims.extend(_claims(view, reading, sources, dates.get(view.index), timexes, document_date))
    return tuple(claims)


def _table_row(view: SentenceView) -> bool:
    """A Markdown table row ("| Izium | 2,507 | ..."): cells, not statements."""
    return view.text.count("|", view.start, view.end) >= 3


def _views(text: str, sentences: Sequence[Sentence], places: Sequence[PlaceMention],
           actors: Sequence[ActorMention]) -> list[SentenceView]:
    places = sorted(places, key=lambda p: p.start)
    actors = sorted(actors, key=lambda a: a.start)
    views = []
    for index, s in enumerate(sentences):
        views.append(SentenceView.build(
            text, index, s.start, s.end, s.paragraph,
            tuple(a for a in actors if s.start <= a.start < s.end),
            tuple(p for p in places if s.start <= p.start < s.end)))
    return views


# --- from readings to claims ---------------------------------------------------------------

def _claims(view: SentenceView, reading: Reading, sources: DocumentSources,
            date: SentenceDate | None, timexes: Sequence[Timex] = (),
            document_date: str | None = None) -> list[Claim]:
    quantity = reading.quantity
    qualifier, low, high = quantity.qualifier, quantity.low, quantity.high
    if qualifier == "exact" and _estimate_nearby(view, reading):
        qualifier = "about"
    attributed = sources.source_for(view, reading.start, reading.end)
    as_of = sources.date_for(view) or _as_of(date, timexes) or document_date
    place = reading.place or _place(view, reading)
    claims = []
    for what in reading.whats:
        actor = reading.holder if what == "control_share" else (
            _perpetrator(view, reading) if what in ("killed", "wounded") else None)
        claims.append(Claim(
            what=what, evidence=Span(reading.start, reading.end), sentence=view.index,
            low=low, high=high, qualifier=qualifier, who=reading.who, attributed_to=attributed,
            as_of=as_of, place=place.place if place else None, actor=actor, unit=reading.unit))
    return claims


def _estimate_nearby(view: SentenceView, reading: Reading) -> bool:
    """ "600–800 (army estimate)", "estimates ranged from 3,000"."""
    first, _ = view.token_span(reading.quantity)
    stop = view.token_at(reading.end)
    if view.lower(stop) == "(" or view.lower(stop + 1) == "(":
        k = stop if view.lower(stop) == "(" else stop + 1
        while k < len(view.tokens) and view.tokens[k].text != ")":
            if view.lower(k) in ESTIMATE_WORDS:
                return True
            k += 1
    before = [view.lower(k) for k in range(max(0, first - 3), first)]
    return bool(ESTIMATE_WORDS & set(before)) and ("from" in before or "between" in before
                                                    or "at" in before)


def _as_of(date: SentenceDate | None, timexes: Sequence[Timex] = ()) -> str | None:
    """The sentence's date at its precision; for a range of days, its last day, since a
    count stated over a range holds at its end (gold NOTES: cumulative figures)."""
    if date is None or not date.date:
        return None
    cut = {"year": 4, "month": 7}.get(date.precision or "day")
    if cut:
        return date.date[:cut]
    if date.precision == "week" and date.timex is not None and date.timex < len(timexes):
        return _range_end(date.date, timexes[date.timex]) or date.date
    return date.date


_RANGE_END_DAY = re.compile(r"\d{1,2}\D+?(\d{1,2})\b")
_DURATION_DAYS = re.compile(r"P(\d+)D")


def _range_end(first_day: str, timex: Timex) -> str | None:
    """ "3 and 9 May" -> the 9th; "the next three days" from the 5th -> the 7th."""
    try:
        start = dt.date.fromisoformat(first_day)
    except ValueError:
        return None
    days = _DURATION_DAYS.fullmatch(timex.value or "")
    if timex.type == "DURATION" and days:
        return (start + dt.timedelta(days=int(days.group(1)) - 1)).isoformat()
    m = _RANGE_END_DAY.match(timex.text)
    if timex.type == "DATE" and m and int(m.group(1)) > start.day:
        try:
            return start.replace(day=int(m.group(1))).isoformat()
        except ValueError:
            return None
    return None


def _place(view: SentenceView, reading: Reading) -> PlaceMention | None:
    """The place in the claim's span, else the nearest after it in its clause, else before."""
    inside = view.places_in(reading.start, reading.end)
    if inside:
        return inside[0]
    clause_end = view.end
    for tok in view.tokens[view.token_at(reading.end):]:
        if tok.text in (";",) or tok.lower in ("while", "whereas", "but"):
            clause_end = tok.start
            break
    after = [p for p in view.places if reading.end <= p.start < clause_end]
    if after:
        return after[0]
    before = [p for p in view.places if p.end <= reading.start]
    return before[-1] if before else None


def _perpetrator(view: SentenceView, reading: Reading) -> str | None:
    """Who killed or wounded them: "by X", "X airstrikes", "X mass grave", or the subject
    of an active verb ("X clashed ..., killing eight fighters")."""
    not_victim = lambda a: a.actor.name != reading.who and a.actor.kind != "civilians"  # noqa: E731
    stop = view.token_at(reading.end)
    for k in range(stop, min(len(view.tokens), stop + 8)):
        if view.lower(k) == "by":
            mentions = [a for a in view.actors_in(view.tokens[k].end, view.end) if not_victim(a)]
            if mentions and view.token_at(mentions[0].start) <= k + 3:
                return mentions[0].actor.name
            break
    for a in sorted(view.actors, key=lambda m: abs(m.start - reading.start)):
        k = view.token_at(a.end)
        if not_victim(a) and (view.lower(k) in PERPETRATOR_NOUNS or view.lower(k + 1) in PERPETRATOR_NOUNS
                              and view.tokens[k].is_word and view.lower(k) not in ("and", "of")):
            return a.actor.name
    trigger = reading.trigger
    if trigger is not None and trigger.stop <= view.token_at(reading.start) + 1:
        before = [a for a in view.actors if a.end <= view.tokens[trigger.start].start and not_victim(a)]
        if before:
            return before[-1].actor.name
    return None

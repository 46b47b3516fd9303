"""Hand-built DocStates for the events tests: no other stage is run.

``build(text, places=..., actors=..., dates=...)`` makes a document whose cleaned text is
``text`` and whose annotations are what the time, places and actors stages would give:

* places: {surface: (name, kind)} or {surface: PlaceRef}; every occurrence becomes a mention;
* actors: {surface: canonical name}; every occurrence becomes a mention (longest first);
* dates: {substring: (date, precision)}: the first sentence containing the substring gets
  that date, later sentences inherit it until the next one (the time stage's carry-forward).
"""
from __future__ import annotations

import re
from types import MappingProxyType

from wartrace.model import ActorMention, ActorRef, CleanText, Document, OffsetMap, PlaceMention, PlaceRef, SentenceDate
from wartrace.pipeline.stage import DocState
from wartrace.segment.sentences import split_sentences


def _occurrences(text: str, surface: str):
    for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
        yield m.start(), m.end()


def build(text: str, places: dict | None = None, actors: dict | None = None, dates: dict | None = None,
          title: str | None = None, kinds: dict | None = None) -> DocState:
    doc = Document(id="test", source="test.txt", name="test.txt", media_type="text/plain", original_text=text,
                   clean=CleanText(text, OffsetMap.identity(len(text))), title=title)
    sentences = split_sentences(text)
    place_mentions: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    for surface, spec in sorted((places or {}).items(), key=lambda kv: -len(kv[0])):
        if isinstance(spec, PlaceRef):
            ref = spec
        else:
            name, kind = spec[0], spec[1]
            lat, lon = (spec[2], spec[3]) if len(spec) > 3 else (None, None)
            ref = PlaceRef(id="t:" + name.lower().replace(" ", "-"), name=name, kind=kind, lat=lat, lon=lon)
        for a, b in _occurrences(text, surface):
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            place_mentions.append(PlaceMention(a, b, text[a:b], ref))
    actor_mentions: list[ActorMention] = []
    taken = []
    for surface, name in sorted((actors or {}).items(), key=lambda kv: -len(kv[0])):
        kind = (kinds or {}).get(name, "civilians" if name == "civilians" else "armed_group")
        ref = ActorRef(id="a:" + name.lower().replace(" ", "-"), name=name, kind=kind)
        for a, b in _occurrences(text, surface):
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            actor_mentions.append(ActorMention(a, b, text[a:b], ref))
    sdates: list[SentenceDate] = []
    current: tuple[str, str] | None = None
    for i, s in enumerate(sentences):
        own = None
        for sub, val in (dates or {}).items():
            if sub in text[s.start:s.end]:
                own = val
        if own is not None:
            current = own
        sdates.append(SentenceDate(i, current[0] if current else None, current[1] if current else None,
                                   None, own is None))
    ann = {
        "doc.sentences": sentences,
        "doc.sentence_dates": tuple(sdates),
        "doc.timexes": (),
        "doc.places": tuple(sorted(place_mentions, key=lambda m: m.start)),
        "doc.actors": tuple(sorted(actor_mentions, key=lambda m: m.start)),
    }
    return DocState(doc, MappingProxyType(ann))


def events_of(state: DocState):
    from wartrace.events import EventsStage

    return EventsStage()(state)["doc.events"]


def summary(state: DocState) -> list[tuple]:
    """(type, place name or None, place_kind, date, first actor) for each event, in order."""
    out = []
    for e in events_of(state):
        out.append((e.type, e.place.name if e.place else None, e.place_kind, e.date, e.actors[0] if e.actors else None))
    return out

"""The events stage: dated, located events with their evidence, one per (type, place) stated.

Reads: doc.text, doc.sentences, doc.sentence_dates, doc.timexes (optional), doc.places,
doc.actors. Adds: doc.events (tuple[Event]).

The document is read twice: the first pass collects who acts against whom where the
text says so (explicit pairs, each type's usual initiator), the second uses those
statistics for the events whose actors the text leaves implicit.
"""
from __future__ import annotations

from typing import ClassVar

from wartrace.events.lexicon import load_lexicon
from wartrace.events.places import export_kind, focus_city
from wartrace.events.rules import Found, SentenceReader
from wartrace.model import Event, Span
from wartrace.pipeline.stage import DocState


class EventsStage:
    name: ClassVar[str] = "events"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.sentences", "doc.sentence_dates", "doc.places", "doc.actors"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.events"})

    def __call__(self, doc: DocState) -> DocState:
        return doc.with_annotation("doc.events", extract_events(doc))


def extract_events(doc: DocState) -> tuple[Event, ...]:
    lex = load_lexicon()
    ann = doc.annotations
    sentences = tuple(ann.get("doc.sentences", ()))
    places = tuple(ann.get("doc.places", ()))
    lead_end = sentences[min(2, len(sentences) - 1)].end if sentences else 0
    actor_words = frozenset(w.lower() for m in ann.get("doc.actors", ()) for w in m.text.split())
    focus = focus_city(list(places), doc.document.title, lead_end, doc.text, actor_words)
    reader = SentenceReader(
        lex, doc.text, sentences, tuple(ann.get("doc.sentence_dates", ())), tuple(ann.get("doc.timexes", ())),
        places, tuple(ann.get("doc.actors", ())), focus, doc.document.title)
    for si in range(len(sentences)):  # pass 1: statistics only
        reader.read(si)
    reader.air_actors = {a for a, n in reader.doc_actors.type_initiators.get("airstrike", {}).items() if n >= 1}
    reader.restart()
    found: list[Found] = []
    for si in range(len(sentences)):
        seen: set[tuple] = set()
        for f in reader.read(si):
            key = (f.type, f.place.key if f.place is not None else None, f.date)
            if key in seen:
                continue
            seen.add(key)
            found.append(f)
    return tuple(_event(f) for f in _drop_old_background(found))


def _drop_old_background(found: list[Found]) -> list[Found]:
    """Events dated years before the document's own events belong to earlier wars
    ("the largest toll since the 2003 invasion"): more than four years before the median
    year of the document's dated events."""
    years = sorted(int(f.date[:4]) for f in found if f.date and f.date[:4].isdigit())
    if len(years) < 3:
        return found
    median = years[len(years) // 2]
    return [f for f in found if not (f.date and f.date[:4].isdigit() and int(f.date[:4]) < median - 4)]


def _event(f: Found) -> Event:
    ref = f.place.ref if f.place is not None else None
    kind = export_kind(ref, f.place.kind if f.place is not None else None)
    return Event(
        type=f.type, evidence=Span(f.start, f.end), sentence=f.sentence, date=f.date, date_precision=f.precision,
        place=ref, place_kind=kind, actors=f.actors, target=f.target, factuality=f.factuality,
    )

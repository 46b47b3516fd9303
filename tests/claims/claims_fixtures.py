"""Hand-built documents for the claims tests: text, sentences, dates, places, actors."""
from __future__ import annotations

import re

from wartrace.model import (ActorMention, ActorRef, CleanText, Document, OffsetMap, PlaceMention,
                            PlaceRef, SentenceDate)
from wartrace.pipeline.stage import DocState
from wartrace.segment import split_sentences


def make_state(text: str, actors: dict[str, tuple[str, str]] | None = None,
               places: dict[str, str] | None = None,
               dates: list[tuple[str, str, str]] | None = None) -> DocState:
    """A DocState for `text`.

    actors: surface form -> (canonical name, kind); every occurrence becomes a mention.
    places: surface form -> canonical place name.
    dates: (phrase, iso date, precision); a sentence gets the date of the last phrase
    seen at or before it (carried forward, like the time stage).
    """
    document = Document(id="test", source="test", name="test.txt", media_type="text/plain",
                        original_text=text, clean=CleanText(text, OffsetMap.identity(len(text))))
    sentences = split_sentences(text)
    actor_mentions = []
    for surface, (name, kind) in (actors or {}).items():
        ref = ActorRef(id=name.lower(), name=name, kind=kind)
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            actor_mentions.append(ActorMention(m.start(), m.end(), surface, ref))
    place_mentions = []
    for surface, name in (places or {}).items():
        ref = PlaceRef(id=name.lower(), name=name, kind="city")
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            place_mentions.append(PlaceMention(m.start(), m.end(), surface, ref))
    stated = sorted((text.find(phrase), iso, precision) for phrase, iso, precision in dates or [])
    sentence_dates = []
    for i, s in enumerate(sentences):
        seen = [(iso, precision) for at, iso, precision in stated if 0 <= at < s.end]
        iso, precision = seen[-1] if seen else (None, None)
        sentence_dates.append(SentenceDate(i, iso, precision))
    return (DocState(document)
            .with_annotation("doc.sentences", sentences)
            .with_annotation("doc.sentence_dates", tuple(sentence_dates))
            .with_annotation("doc.places", tuple(sorted(place_mentions, key=lambda p: p.start)))
            .with_annotation("doc.actors", tuple(sorted(actor_mentions, key=lambda a: a.start))))

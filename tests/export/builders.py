"""Small wartrace databases built by hand for the export and web tests.

Documents go through the real ingest (`document_from_bytes`) and segmenter; events and
claims are hand-made `Event`/`Claim` objects located by quoting the text, saved with
`Store.save_results`, and the ledger is rebuilt with `reconcile_corpus`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wartrace.ingest import document_from_bytes
from wartrace.model import Claim, Event, PlaceRef, Span
from wartrace.pipeline.runner import reconcile_corpus
from wartrace.segment import SegmentStage
from wartrace.pipeline.stage import DocState
from wartrace.store import Store

RAQQA = PlaceRef("raqqa:raqqa", "Raqqa", "city", 35.9528, 39.0079, parent="region:SY-RA",
                 aliases=("Raqqa city",), geo_precision=1, where_prec=1, gazetteer="raqqa@1")
MASHLAB = PlaceRef("raqqa:mashlab", "Mashlab", "neighbourhood", 35.9440, 39.0480, parent="raqqa:raqqa",
                   aliases=("al-Meshleb",), geo_precision=1, where_prec=1, gazetteer="raqqa@1")
SINAA = PlaceRef("raqqa:al-sinaa", "al-Sinaa", "neighbourhood", 35.9500, 39.0450, parent="raqqa:raqqa",
                 geo_precision=1, where_prec=1, gazetteer="raqqa@1")
STADIUM = PlaceRef("raqqa:raqqa-stadium", "Raqqa stadium", "site", 35.9580, 39.0110, parent="raqqa:raqqa",
                   geo_precision=1, where_prec=1, gazetteer="raqqa@1")
# A place with no coordinates of its own: exporters borrow its parent's point.
OUTSKIRTS = PlaceRef("text:eastern-outskirts", "eastern outskirts", "area", None, None, parent="raqqa:raqqa")


@dataclass
class Mention:
    quote: str
    fields: dict[str, Any] = field(default_factory=dict)
    occurrence: int = 0  # which occurrence of the quote in the text


def E(quote: str, type: str, **fields: Any) -> Mention:  # noqa: A002 - mirrors Event.type
    return Mention(quote, {"type": type, **fields})


def C(quote: str, what: str, low: float | None, high: float | None = None, qualifier: str = "exact",
      **fields: Any) -> Mention:
    if high is None and qualifier in ("exact", "about"):
        high = low
    return Mention(quote, {"what": what, "low": low, "high": high, "qualifier": qualifier, **fields})


def _sentence_of(sentences: list[Any], start: int) -> int:
    for i, s in enumerate(sentences):
        s_start = s.start if hasattr(s, "start") else s["start"]
        s_end = s.end if hasattr(s, "end") else s["end"]
        if s_start <= start < s_end:
            return i
    return max(len(sentences) - 1, 0)


def add_document(store: Store, name: str, text: str, events: list[Mention] = (), claims: list[Mention] = (),
                 source: str | None = None) -> str:
    """Ingest `text` as file `name`, then save the given events and claims; returns the doc id."""
    data = text.encode("utf-8")
    doc = document_from_bytes(data, source or f"/corpus/{name}", name)
    store.put_document(doc, data)
    state = SegmentStage()(DocState(doc))
    sentences = state.annotations["doc.sentences"]
    clean = doc.clean.text

    def locate(m: Mention) -> tuple[Span, int]:
        at = -1
        for _ in range(m.occurrence + 1):
            at = clean.index(m.quote, at + 1)
        return Span(at, at + len(m.quote)), _sentence_of(sentences, at)

    built_events = []
    for m in events:
        span, sentence = locate(m)
        f = dict(m.fields)
        place = f.pop("place", None)
        built_events.append(Event(evidence=span, sentence=sentence, place=place,
                                  place_kind=f.pop("place_kind", place.kind if place else None), **f))
    built_claims = []
    for m in claims:
        span, sentence = locate(m)
        built_claims.append(Claim(evidence=span, sentence=sentence, **m.fields))
    versions = {"segment": SegmentStage.version, "hand": "1"}
    store.save_results(doc, versions, {"doc.sentences": sentences}, built_events, built_claims)
    return doc.id


WIRE = """Raqqa offensive: SDF takes Mashlab

RAQQA, 12 June 2017 - The SDF captured the Mashlab neighbourhood from ISIL on 6 June 2017.

A coalition airstrike on al-Sinaa killed dozens of civilians on 8 June 2017.

ISIL shelling of Mashlab killed 7 civilians and 2 SDF fighters on 9 June 2017.

ISIL recaptured Mashlab on 10 June 2017, residents said.

Fighting continued on the eastern outskirts between 11 and 13 June 2017.

The Syrian Army took the Raqqa stadium from ISIL in June 2017.

By October 2017, 1,130 civilians had been killed in the city, the wire's count shows.
"""

MONITOR = """---
title: Monthly monitor report
author: Raqqa Monitor
date: 2017-10-20
---
The coalition airstrike on al-Sinaa on 8 June 2017 killed 31 civilians.

On 15 June 2017 the SDF captured Mashlab again, monitors said.

By October 2017, 1,800 civilians had been killed in the city, according to local monitors.

About 250 fighters were evacuated in October 2017.
"""

XSS = """<script>window.xssFlag = 1; alert(1)</script> Breaking "news" & more

On 7 June 2017 <img src=x onerror="window.xssFlag = 2"> fighters attacked al-Sinaa, <b>bold</b> claims say.

At least 3 people were killed <svg onload="window.xssFlag = 3"></svg> there.
"""


def build_store(store: Store, xss: bool = True) -> dict[str, str]:
    """Fill `store` with the two hand-made reports (and the XSS report); returns doc ids by name."""
    ids = {}
    ids["wire.txt"] = add_document(store, "wire.txt", WIRE, events=[
        E("The SDF captured the Mashlab neighbourhood from ISIL on 6 June 2017", "capture", date="2017-06-06",
          date_precision="day", place=MASHLAB, actors=("SDF",), target="ISIL"),
        E("A coalition airstrike on al-Sinaa killed dozens of civilians on 8 June 2017", "airstrike",
          date="2017-06-08", date_precision="day", place=SINAA, actors=("US-led coalition",), target="civilians"),
        E("ISIL shelling of Mashlab killed 7 civilians and 2 SDF fighters on 9 June 2017", "shelling",
          date="2017-06-09", date_precision="day", place=MASHLAB, actors=("ISIL",), target="SDF"),
        E("ISIL recaptured Mashlab on 10 June 2017", "capture", date="2017-06-10", date_precision="day",
          place=MASHLAB, actors=("ISIL",), target="SDF"),
        E("Fighting continued on the eastern outskirts between 11 and 13 June 2017", "clash", date="2017-06-11",
          date_precision="week", place=OUTSKIRTS, actors=("SDF",), target="ISIL"),
        E("The Syrian Army took the Raqqa stadium from ISIL in June 2017", "capture", date="2017-06",
          date_precision="month", place=STADIUM, actors=("Syrian Army",), target="ISIL"),
    ], claims=[
        C("dozens of civilians", "killed", 24, None, "at_least", who="civilians", as_of="2017-06-08",
          place=SINAA, actor="US-led coalition"),
        C("7 civilians", "killed", 7, who="civilians", as_of="2017-06-09", place=MASHLAB, actor="ISIL"),
        C("2 SDF fighters", "killed", 2, who="SDF", as_of="2017-06-09", place=MASHLAB, actor="ISIL"),
        C("1,130 civilians had been killed", "killed", 1130, who="civilians", as_of="2017-10", place=RAQQA),
    ])
    ids["monitor.md"] = add_document(store, "monitor.md", MONITOR, events=[
        E("The coalition airstrike on al-Sinaa on 8 June 2017 killed 31 civilians", "airstrike",
          date="2017-06-08", date_precision="day", place=SINAA, actors=("US-led coalition",), target="civilians"),
        E("On 15 June 2017 the SDF captured Mashlab again", "capture", date="2017-06-15", date_precision="day",
          place=MASHLAB, actors=("SDF",), target="ISIL", factuality="attributed"),
    ], claims=[
        C("killed 31 civilians", "killed", 31, who="civilians", as_of="2017-06-08", place=SINAA,
          actor="US-led coalition"),
        C("1,800 civilians had been killed", "killed", 1800, who="civilians", as_of="2017-10", place=RAQQA,
          attributed_to="local monitors"),
        C("About 250 fighters", "evacuated", 250, qualifier="about", who="fighters", as_of="2017-10"),
    ])
    if xss:
        ids["xss.txt"] = add_document(store, "xss.txt", XSS, events=[
            E('<img src=x onerror="window.xssFlag = 2"> fighters attacked al-Sinaa', "clash", date="2017-06-07",
              date_precision="day", place=PlaceRef("raqqa:al-sinaa", "al-Sinaa", "neighbourhood", 35.95, 39.045,
                                                   parent="raqqa:raqqa"),
              actors=('<img src=x onerror="window.xssFlag=4">',), target="<script>window.xssFlag=5</script>"),
        ], claims=[
            C("At least 3 people were killed", "killed", 3, None, "at_least", who="all", as_of="2017-06-07"),
        ])
    reconcile_corpus(store)
    return ids

"""The ``time`` stage: temporal expressions and a reference date for every sentence.

Reads ``doc.sentences``; adds ``doc.timexes`` (tuple[Timex], clean-text offsets) and
``doc.sentence_dates`` (tuple[SentenceDate], one per sentence). The document kind
(news or narrative) is decided from the text; news anchors relative expressions to
the publication date, narratives to the last date mentioned.
"""
from __future__ import annotations

from typing import ClassVar

from wartrace.pipeline.stage import DocState
from wartrace.time.context import NEWS
from wartrace.time.doc_kind import document_kind
from wartrace.time.sentence_dates import sentence_dates
from wartrace.time.tagger import tag
from wartrace.time.values import parse_dct


class TimeStage:
    name: ClassVar[str] = "time"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.sentences"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.timexes", "doc.sentence_dates"})

    def __call__(self, doc: DocState) -> DocState:
        text = doc.text
        published = doc.document.published
        kind = document_kind(text, published)
        dct = parse_dct(published) if published and len(published) >= 10 else None
        found = tag(text, dct, kind)
        dates = sentence_dates(text, doc["doc.sentences"], found, dct, news=kind == NEWS)
        return doc.with_annotation("doc.timexes", tuple(f.timex for f in found)).with_annotation(
            "doc.sentence_dates", dates
        )

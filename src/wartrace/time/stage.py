"""The ``time`` stage: temporal expressions and a reference date for every sentence.

Reads ``doc.sentences`` and, if present, ``doc.dct_hint`` (an ISO date lent by the
corpus to a document without a date of its own); adds ``doc.timexes`` (tuple[Timex],
clean-text offsets) and ``doc.sentence_dates`` (tuple[SentenceDate], one per sentence).
The document date is the document's own publication date, else the hint; relative
expressions counted from either record the anchor "dct". The document kind (news or
narrative) is decided from the text; news anchors relative expressions to the
document date, narratives to the last date mentioned.
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
    version: ClassVar[str] = "3"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.sentences"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.timexes", "doc.sentence_dates"})

    def __call__(self, doc: DocState) -> DocState:
        text = doc.text
        published, hinted = document_date(doc.document.published, doc.annotations.get("doc.dct_hint"))
        kind = document_kind(text, published, hinted)
        dct = parse_dct(published)
        found = tag(text, dct, kind)
        dates = sentence_dates(text, doc["doc.sentences"], found, dct, news=kind == NEWS)
        return doc.with_annotation("doc.timexes", tuple(f.timex for f in found)).with_annotation(
            "doc.sentence_dates", dates
        )


def document_date(published: str | None, hint: object) -> tuple[str | None, bool]:
    """The date relative expressions count from, and whether it is only a hint.

    The document's own date comes first; a hint stands in when there is none, or when the
    own date is coarser than a day and the hint falls within it ("2017-10" and
    "2017-10-17"). A hint that is no ISO date is ignored.
    """
    if published and parse_dct(published) is not None:
        return published, False
    if isinstance(hint, str) and parse_dct(hint) is not None and (not published or hint.startswith(published)):
        return hint[:10], True
    return published, False

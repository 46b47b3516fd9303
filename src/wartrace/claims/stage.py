"""The claims stage: doc.claims from sentences, their dates, places and actors."""
from __future__ import annotations

from typing import ClassVar

from wartrace.claims.extract import extract_claims
from wartrace.pipeline.stage import DocState


class ClaimsStage:
    name: ClassVar[str] = "claims"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"doc.sentences", "doc.sentence_dates", "doc.places", "doc.actors"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.claims"})

    def __call__(self, doc: DocState) -> DocState:
        claims = extract_claims(doc.text, doc["doc.sentences"], doc["doc.sentence_dates"],
                                doc["doc.places"], doc["doc.actors"],
                                doc.annotations.get("doc.timexes", ()),  # optional: range ends
                                doc.annotations.get("doc.dct_hint"))  # optional: undated news
        return doc.with_annotation("doc.claims", claims)

"""Plain data shared by every stage: documents, spans, offset maps, sentences.

Everything here is a frozen dataclass. Stages take these in and hand new ones out;
nothing is mutated after it is built, so a result can always be traced to its input.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from wartrace.errors import EvidenceError


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) in some text (code points)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise EvidenceError("WT201", start=self.start, end=self.end)


@dataclass(frozen=True, slots=True)
class Segment:
    """One run of an offset map: clean[clean_start:clean_end] came from raw[raw_start:raw_end].

    When both sides have the same length the run is a verbatim copy and maps char by
    char; otherwise it is a replacement (a repaired mojibake sequence, a dropped
    markup token) and only its two ends map exactly.
    """

    clean_start: int
    clean_end: int
    raw_start: int
    raw_end: int

    @property
    def verbatim(self) -> bool:
        return self.clean_end - self.clean_start == self.raw_end - self.raw_start


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in a cleaned text back to offsets in the original text."""

    segments: tuple[Segment, ...]
    clean_length: int
    raw_length: int
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.clean_start for s in self.segments))

    @classmethod
    def identity(cls, length: int, raw_offset: int = 0) -> OffsetMap:
        seg = Segment(0, length, raw_offset, raw_offset + length)
        return cls((seg,), length, raw_offset + length)

    def _segment(self, i: int) -> Segment:
        k = bisect.bisect_right(self._starts, i) - 1
        return self.segments[max(k, 0)]

    def to_raw_start(self, i: int) -> int:
        """Raw offset where the clean character at i begins."""
        if not self.segments:
            return 0
        if i >= self.clean_length:
            return self.segments[-1].raw_end
        seg = self._segment(i)
        if seg.verbatim:
            return seg.raw_start + (i - seg.clean_start)
        return seg.raw_start

    def to_raw_end(self, j: int) -> int:
        """Raw offset where the clean text ending (exclusively) at j ends."""
        if not self.segments or j <= 0:
            return self.segments[0].raw_start if self.segments else 0
        seg = self._segment(j - 1)
        if seg.verbatim:
            return seg.raw_start + (j - seg.clean_start)
        return seg.raw_end

    def to_raw(self, span: Span) -> Span:
        if span.end > self.clean_length:
            raise EvidenceError("WT202", start=span.start, end=span.end, length=self.clean_length)
        if span.start == span.end:
            at = self.to_raw_start(span.start)
            return Span(at, at)
        return Span(self.to_raw_start(span.start), self.to_raw_end(span.end))

    def to_json(self) -> list[list[int]]:
        return [[s.clean_start, s.clean_end, s.raw_start, s.raw_end] for s in self.segments]

    @classmethod
    def from_json(cls, rows: list[list[int]], clean_length: int, raw_length: int) -> OffsetMap:
        return cls(tuple(Segment(*r) for r in rows), clean_length, raw_length)


@dataclass(frozen=True, slots=True)
class CleanText:
    """A cleaned text and the map from its offsets to the original text."""

    text: str
    offsets: OffsetMap

    def raw_span(self, start: int, end: int) -> Span:
        return self.offsets.to_raw(Span(start, end))


@dataclass(frozen=True, slots=True)
class Document:
    """One stored report. Immutable: a changed source is a new Document (a new version).

    `id` is the SHA-256 of the original bytes. `original_text` is those bytes decoded,
    with newlines read as Python's text mode reads them (so offsets agree with
    ``open(path, encoding=...).read()``); `clean` is the text every stage reads.
    """

    id: str
    source: str
    name: str
    media_type: str
    original_text: str
    clean: CleanText
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, as precise as known
    published_from: str | None = None  # where the date was found: front-matter, meta, dateline
    language: str | None = None
    encoding: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    ingested_at: str | None = None
    version: int = 1

    @property
    def text(self) -> str:
        return self.clean.text


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text; `heading` marks a section heading line."""

    start: int
    end: int
    heading: bool = False
    paragraph: int = 0


# --- contracts between stages -------------------------------------------------------
# Offsets below are into the document's cleaned text unless a name says otherwise;
# the store maps them to the original text with the document's OffsetMap.

PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression with its TIMEX3-style normalization.

    ``value`` is the TIMEX3 value ("2017-06-06", "2017-W24", "P2W", "PRESENT_REF",
    "XXXX-06-06"...). ``anchor`` says what a relative value was computed from:
    "dct" (the document date), "timex:<index>" (an earlier expression), or None.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    precision: str | None = None  # day, week, month, year (DATE/TIME only)
    mod: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceDate:
    """The date a sentence's events most likely happen on, and why."""

    sentence: int  # index into doc.sentences
    date: str | None  # ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: str | None  # one of PRECISIONS
    timex: int | None = None  # index into doc.timexes that gave it, if any
    inherited: bool = False  # carried forward from an earlier sentence


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A resolved place: one gazetteer entry (or a place inferred from the text)."""

    id: str
    name: str
    kind: str  # neighbourhood, site, city, village, region, country, ...
    lat: float | None = None
    lon: float | None = None
    parent: str | None = None  # id of the containing place
    aliases: tuple[str, ...] = ()
    geo_precision: int | None = None  # ACLED 1-3
    where_prec: int | None = None  # UCDP 1-7
    gazetteer: str | None = None  # name and version of the gazetteer it came from


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: PlaceRef


@dataclass(frozen=True, slots=True)
class ActorRef:
    id: str
    name: str  # canonical name, e.g. "Syrian Democratic Forces" or "SDF"
    kind: str  # state_force, non_state_armed_group, coalition, civilians, organization, ...
    inter: int | None = None  # ACLED inter code 1-8
    registry: str | None = None  # name and version of the actor list


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: ActorRef
    generic: bool = False  # "the militants" resolved from context


@dataclass(frozen=True, slots=True)
class Event:
    """One event as a document states it, with its evidence (clean-text offsets)."""

    type: str
    evidence: Span
    sentence: int
    date: str | None = None
    date_precision: str | None = None
    place: PlaceRef | None = None
    place_kind: str | None = None
    actors: tuple[str, ...] = ()  # canonical actor names, initiator first
    target: str | None = None
    factuality: str = "asserted"  # asserted, attributed, denied, hypothetical, negated


@dataclass(frozen=True, slots=True)
class Claim:
    """One number a document puts on something, with its evidence (clean-text offsets)."""

    what: str
    evidence: Span
    sentence: int
    low: float | None
    high: float | None
    qualifier: str  # exact, about, at_least, more_than, up_to, less_than
    who: str | None = None
    attributed_to: str | None = None
    as_of: str | None = None
    place: PlaceRef | None = None
    actor: str | None = None
    unit: str | None = None

"""A fast rule-based sentence splitter for news and encyclopedia prose.

Reads: doc.text. Adds: doc.sentences (tuple[Sentence]).

Rules: a blank line, a Markdown heading or a list item starts a new paragraph; a
heading line is a sentence of its own (marked ``heading``); inside a line a sentence
ends at . ! ? (plus closing quotes or brackets) followed by whitespace and a capital,
digit or opening quote, unless the word before the period is a known abbreviation or
an initial. A line break inside a paragraph ends a sentence unless the line does not
end in punctuation and the next one starts in lower case (hard-wrapped text).

A run longer than MAX_SENTENCE_CHARS (a table flattened to one line, a page with no
punctuation) is cut at its last semicolon, comma or space before the limit, so that no
later stage ever works on an unbounded sentence.
"""
from __future__ import annotations

import re
from typing import ClassVar

from wartrace.model import Sentence
from wartrace.pipeline.stage import DocState

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt maj capt cpl pvt adm brig cmdr rep sen gov pres st
    jr sr no nos vs etc approx est dept inc ltd co corp fig al ca cf jan feb mar apr jun jul aug
    sep sept oct nov dec mt ft u.s u.n u.k e.g i.e a.m p.m d.c"""
    .split()
)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$|^(={2,6})[ \t]*(.+?)[ \t]*\3[ \t]*$")
_BULLET = re.compile(r"^[ \t]*(?:[*+\-•]|\d{1,3}[.)])[ \t]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
MAX_SENTENCE_CHARS = 1200  # far above real prose sentences; bounds per-sentence work
_CUT_MARKS = ("; ", ", ", " ")


class SegmentStage:
    name: ClassVar[str] = "segment"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.sentences"})

    def __call__(self, doc: DocState) -> DocState:
        return doc.with_annotation("doc.sentences", split_sentences(doc.text))


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[m.start(1)].isupper()  # an initial


def _split_line(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        _emit(text, pos, m.end(), paragraph, out)
        pos = m.end()
    _emit(text, pos, end, paragraph, out)


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence], heading: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut_point(text, start)
        out.append(Sentence(start, cut, heading, paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, heading, paragraph))


def _cut_point(text: str, start: int) -> int:
    """Where to end an over-long sentence: after the last clause mark in its second half."""
    limit = start + MAX_SENTENCE_CHARS
    for mark in _CUT_MARKS:
        at = text.rfind(mark, start + MAX_SENTENCE_CHARS // 2, limit)
        if at >= 0:
            return at + len(mark.rstrip()) if mark.strip() else at
    return limit


def split_sentences(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    lines: list[tuple[int, int]] = []
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    run_start: int | None = None  # start of the current run of joined lines
    run_end = 0
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        stripped = line.strip()
        if not stripped:
            if run_start is not None:
                _split_line(text, run_start, run_end, paragraph, out)
                run_start = None
            paragraph += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            if run_start is not None:
                _split_line(text, run_start, run_end, paragraph, out)
                run_start = None
            paragraph += 1
            group = 2 if heading.group(2) is not None else 4
            _emit(text, a + heading.start(group), a + heading.end(group), paragraph, out, heading=True)
            paragraph += 1
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if run_start is not None:
                _split_line(text, run_start, run_end, paragraph, out)
            paragraph += 1
            run_start, run_end = a + bullet.end(), b
            continue
        if run_start is not None:
            previous = text[run_start:run_end].rstrip()
            if previous and previous[-1] not in ".!?:;\"”’)" and stripped[0].islower():
                run_end = b  # a hard-wrapped line continues the sentence
                continue
            _split_line(text, run_start, run_end, paragraph, out)
        run_start, run_end = a, b
    if run_start is not None:
        _split_line(text, run_start, run_end, paragraph, out)
    return tuple(out)

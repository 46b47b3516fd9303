"""Repair mojibake and drop markup junk while recording where every character came from.

Cleaning is done piece by piece in one left-to-right pass, so the offset map is built as
the text is: each piece of clean text is appended together with the raw range it
replaces. Decisions (see docs/decisions/0001-foundation.md):

* Mojibake is repaired per run of non-ASCII characters with ftfy's ``fix_encoding``;
  on the example corpus this gives the same text as ftfy over the whole file, and it
  leaves correct text (curly quotes, accents) untouched. We do not straighten quotes,
  change widths or normalize Unicode: the clean text stays as close to the source as
  possible, and later stages accept both quote styles.
* Markdown link syntax is reduced to its text, images and emphasis markers are dropped,
  and "[object Object]" export junk is removed. Heading markers stay (the sentence
  splitter uses them).
"""
from __future__ import annotations

import re
from functools import lru_cache

import ftfy

from wartrace.model import CleanText, OffsetMap, Segment


class OffsetMapBuilder:
    """Accumulates clean text with the raw range each piece came from."""

    def __init__(self, raw_length: int) -> None:
        self._parts: list[str] = []
        self._segments: list[list[int]] = []
        self._clean_len = 0
        self._raw_length = raw_length

    def copy(self, raw: str, start: int, end: int) -> None:
        """Append raw[start:end] unchanged."""
        if end <= start:
            return
        self._parts.append(raw[start:end])
        n = end - start
        last = self._segments[-1] if self._segments else None
        if last and last[1] - last[0] == last[3] - last[2] and last[1] == self._clean_len and last[3] == start:
            last[1] += n
            last[3] += n
        else:
            self._segments.append([self._clean_len, self._clean_len + n, start, end])
        self._clean_len += n

    def replace(self, text: str, start: int, end: int) -> None:
        """Append `text` as the cleaned form of raw[start:end] (text may be empty)."""
        self._parts.append(text)
        self._segments.append([self._clean_len, self._clean_len + len(text), start, end])
        self._clean_len += len(text)

    def build(self) -> CleanText:
        text = "".join(self._parts)
        segments = tuple(Segment(*s) for s in self._segments)
        return CleanText(text, OffsetMap(segments, len(text), self._raw_length))


@lru_cache(maxsize=4096)
def repair_run(run: str) -> str:
    """The repaired form of a run of non-ASCII characters (unchanged if it is not mojibake)."""
    return ftfy.fix_encoding(run)


_PLAIN = re.compile(r"(?P<junk>\[object Object\])|(?P<moji>[^\x00-\x7f]+)")
_MARKDOWN = re.compile(
    r"(?P<junk>\[object Object\])"
    r"|(?P<image>!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\))"
    r"|(?P<link>\[(?P<linktext>[^\]\n]{1,500})\]\((?P<url>[^)\s]{0,2000})(?:\s+\"[^\"\n]*\")?\))"
    r"|(?P<emphasis>\*\*|__)"
    r"|(?P<moji>[^\x00-\x7f]+)"
)


def _clean_range(raw: str, start: int, end: int, out: OffsetMapBuilder, pattern: re.Pattern[str]) -> None:
    pos = start
    for m in pattern.finditer(raw, start, end):
        out.copy(raw, pos, m.start())
        kind = m.lastgroup
        if kind == "moji":
            fixed = repair_run(m.group())
            if fixed == m.group():
                out.copy(raw, m.start(), m.end())
            else:
                out.replace(fixed, m.start(), m.end())
        elif kind == "link":
            out.replace("", m.start(), m.start("linktext"))
            _clean_range(raw, m.start("linktext"), m.end("linktext"), out, pattern)
            out.replace("", m.end("linktext"), m.end())
        else:  # junk, image, emphasis: dropped
            out.replace("", m.start(), m.end())
        pos = m.end()
    out.copy(raw, pos, end)


def clean_plain(raw: str, start: int = 0, end: int | None = None) -> CleanText:
    """Repair raw[start:end] (mojibake, export junk); offsets map into `raw`."""
    out = OffsetMapBuilder(len(raw))
    _clean_range(raw, start, len(raw) if end is None else end, out, _PLAIN)
    return out.build()


def clean_markdown(raw: str, start: int = 0, end: int | None = None) -> CleanText:
    """Like clean_plain, and also reduce Markdown links, images and emphasis to text."""
    out = OffsetMapBuilder(len(raw))
    _clean_range(raw, start, len(raw) if end is None else end, out, _MARKDOWN)
    return out.build()

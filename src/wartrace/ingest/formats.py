"""Readers for each supported format: text, Markdown with YAML front matter, HTML, PDF.

Each reader returns the original text (what evidence offsets point into) and the
cleaned text with its offset map, plus whatever metadata the format carries.
"""
from __future__ import annotations

import datetime as dt
import html as htmllib
import io
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from wartrace.clean import OffsetMapBuilder, clean_markdown, clean_plain, repair_run
from wartrace.errors import InputError
from wartrace.ingest.metadata import find_dateline, parse_date
from wartrace.model import CleanText

MAX_FRONT_MATTER = 100_000  # characters; bigger "front matter" is read as text
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
TITLE_KEYS = ("title", "subject", "headline")
AUTHOR_KEYS = ("author", "publisher", "source", "site")
DATE_KEYS = ("pubDate", "published", "datePublished", "date_published", "pubdate", "publishDate", "date")


@dataclass(frozen=True)
class Extracted:
    media_type: str
    original_text: str
    clean: CleanText
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_from: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def _plain(value: Any, budget: list[int], depth: int = 0) -> Any:
    """A JSON-safe copy of YAML data, cut off after a fixed number of nodes (YAML bombs)."""
    budget[0] -= 1
    if budget[0] < 0 or depth > 20:
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v, budget, depth + 1) for k, v in list(value.items())[:1000]}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v, budget, depth + 1) for v in list(value)[:1000]]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)[:10000]


def split_front_matter(text: str) -> tuple[dict[str, Any], int, str | None]:
    """(front matter as a dict, offset where the body starts, error if it was not YAML)."""
    if not text.startswith("---"):
        return {}, 0, None
    m = _FRONT_MATTER.match(text[: MAX_FRONT_MATTER + 8])
    if not m:
        return {}, 0, None
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as err:
        reason = str(err).splitlines()[0] if str(err) else "invalid YAML"
        return {}, m.end(), f"front matter is not valid YAML ({reason})"
    except RecursionError:
        return {}, m.end(), "front matter is nested too deeply"
    if not isinstance(data, dict):
        return {}, m.end(), "front matter is not a mapping"
    return _plain(data, [50_000]), m.end(), None


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 300 else None
    return None


def _published(meta: dict[str, Any], clean_text: str) -> tuple[str | None, str | None]:
    for key in DATE_KEYS:
        date = parse_date(meta.get(key))
        if date:
            return date, f"front-matter:{key}"
    date = find_dateline(clean_text)
    return (date, "dateline") if date else (None, None)


def read_text(text: str) -> Extracted:
    """Plain text or Markdown, with optional YAML front matter."""
    meta, body_start, error = split_front_matter(text)
    clean = clean_markdown(text, body_start)
    published, published_from = _published(meta, clean.text)
    if error:
        meta = {"front_matter_error": error}
    is_markdown = bool(meta) or body_start > 0 or re.search(r"^#{1,6} \S", text[:50000], re.M) is not None
    return Extracted(
        media_type="text/markdown" if is_markdown else "text/plain",
        original_text=text,
        clean=clean,
        title=_first(meta, TITLE_KEYS) or _first_line(clean.text),
        author=_first(meta, AUTHOR_KEYS),
        published=published,
        published_from=published_from,
        metadata=meta,
    )


# --- HTML -----------------------------------------------------------------------------

_SKIP_BLOCK = re.compile(r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]*>", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_WS = re.compile(r"\s+")


def _rendered(markup: str) -> tuple[str, list[tuple[int, int]]]:
    """The visible text of an HTML page, whitespace runs collapsed to one space and
    mojibake repaired, with the range of `markup` each character came from."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []

    def emit(ch: str, start: int, end: int) -> None:
        if ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                spans.append((start, end if markup[start:end].isspace() else start))
            return
        chars.append(ch)
        spans.append((start, end))

    def emit_text(start: int, end: int) -> None:
        i = start
        while i < end:
            if markup[i] == "&":
                m = _ENTITY.match(markup, i, end)
                if m:
                    for k, ch in enumerate(htmllib.unescape(m.group())):
                        emit(ch, i, m.end()) if k == 0 else emit(ch, m.end(), m.end())
                    i = m.end()
                    continue
            emit(markup[i], i, i + 1)
            i += 1

    pos = 0
    for block in _SKIP_BLOCK.finditer(markup):
        _emit_tags_and_text(markup, pos, block.start(), emit, emit_text)
        emit(" ", block.start(), block.start())
        pos = block.end()
    _emit_tags_and_text(markup, pos, len(markup), emit, emit_text)
    return _repair_rendered("".join(chars), spans)


def _emit_tags_and_text(markup, start, end, emit, emit_text) -> None:
    pos = start
    for tag in _TAG.finditer(markup, start, end):
        emit_text(pos, tag.start())
        emit(" ", tag.start(), tag.start())  # a tag separates words
        pos = tag.end()
    emit_text(pos, end)


def _repair_rendered(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Repair mojibake runs of rendered text; a repaired run maps to the run's whole range."""
    out_chars: list[str] = []
    out_spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"[^\x00-\x7f]+", text):
        fixed = repair_run(m.group())
        if fixed == m.group():
            continue
        out_chars.append(text[pos : m.start()])
        out_spans.extend(spans[pos : m.start()])
        run_start, run_end = spans[m.start()][0], spans[m.end() - 1][1]
        out_chars.append(fixed)
        out_spans.extend([(run_start, run_end)] + [(run_end, run_end)] * (len(fixed) - 1))
        pos = m.end()
    if pos == 0:
        return text, spans
    out_chars.append(text[pos:])
    out_spans.extend(spans[pos:])
    return "".join(out_chars), out_spans


def align_extracted(markup: str, extracted: str) -> CleanText:
    """Map each line of text extracted from `markup` back into `markup`.

    The extractor returns text without positions, so each line (whitespace collapsed)
    is searched in the rendered page, moving forward. The clean text is the collapsed
    lines joined by newlines. A line that cannot be found maps, as a whole, to an empty
    range where the search stood.
    """
    rendered, spans = _rendered(markup)
    out = OffsetMapBuilder(len(markup))
    cursor = 0

    def here() -> int:
        return spans[cursor][0] if cursor < len(spans) else len(markup)

    for index, raw_line in enumerate(extracted.split("\n")):
        line = " ".join(raw_line.split())
        if index:
            out.replace("\n", here(), here())
        if not line:
            continue
        found = rendered.find(line, cursor)
        if found < 0:
            out.replace(line, here(), here())
            continue
        for k, ch in enumerate(line):
            start, end = spans[found + k]
            if end - start == 1 and markup[start] == ch:
                out.copy(markup, start, end)
            else:
                out.replace(ch, start, end)
        cursor = found + len(line)
    return out.build()


def read_html(markup: str) -> Extracted:
    """Main text of an HTML page (boilerplate removed by trafilatura), mapped to the markup."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        result = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    except Exception as err:  # trafilatura raises many kinds on hostile markup
        raise InputError("WT108", path="HTML", kind="HTML", reason=type(err).__name__) from None
    text = (result.text if result is not None else "") or ""
    aligned = align_extracted(markup, clean_plain(text).text)
    meta = {}
    title = author = date = None
    if result is not None:
        title, author, date = result.title, result.author, result.date
        meta = {k: v for k, v in (("sitename", result.sitename), ("url", result.url), ("description", result.description)) if v}
    published = parse_date(date) if date else None
    published_from = "html-meta" if published else None
    if not published:
        published = find_dateline(aligned.text)
        published_from = "dateline" if published else None
    return Extracted(
        media_type="text/html",
        original_text=markup,
        clean=aligned,
        title=title or _first_line(aligned.text),
        author=author,
        published=published,
        published_from=published_from,
        metadata=meta,
    )


def read_pdf(data: bytes, path: str) -> Extracted:
    """The text layer of a PDF; that text is the document's original text."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as err:
        raise InputError("WT108", path=path, kind="PDF", reason=str(err)[:200] or type(err).__name__) from None
    text = "\n\n".join(p.strip("\n") for p in pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("WT106", path=path, detail=" (the PDF has no text layer)")
    clean = clean_plain(text)
    title = str(info.get("/Title") or "") or _first_line(clean.text)
    author = str(info.get("/Author") or "") or None
    published = find_dateline(clean.text)
    return Extracted(
        media_type="application/pdf",
        original_text=text,
        clean=clean,
        title=title,
        author=author,
        published=published,
        published_from="dateline" if published else None,
        metadata={"pages": len(pages)},
    )

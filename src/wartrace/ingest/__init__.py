"""Ingest stage: bytes from a file or URL into an immutable Document.

Reads: a path or URL. Adds: Document (id = SHA-256 of the bytes, original text,
cleaned text with its offset map, title, author, publication date, language).
"""
from __future__ import annotations

import datetime as dt
import hashlib

from wartrace.errors import InputError
from wartrace.ingest.decode import decode_bytes
from wartrace.ingest.formats import Extracted, read_html, read_pdf, read_text
from wartrace.ingest.metadata import detect_language
from wartrace.ingest.sources import FETCH_TIMEOUT, MAX_BYTES, Input, Skipped, discover, fetch_url, read_file
from wartrace.model import Document

__all__ = ["Input", "Skipped", "discover", "document_from_bytes", "load_input", "load_path"]

_HTML_START = ("<!doctype html", "<html", "<?xml", "<head", "<body")


def _kind(data: bytes, name: str, content_type: str | None) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".xhtml")) or (content_type or "").startswith(("text/html", "application/xhtml")):
        return "html"
    head = data[:1024].lstrip().lower()
    if any(head.startswith(tag.encode()) for tag in _HTML_START):
        return "html"
    return "text"


def document_from_bytes(data: bytes, source: str, name: str, content_type: str | None = None) -> Document:
    """Build a Document from raw bytes (the bytes decide the id)."""
    if not data.strip():
        raise InputError("WT106", path=source, detail="")
    kind = _kind(data, name, content_type)
    encoding: str | None = None
    if kind == "pdf":
        extracted: Extracted = read_pdf(data, source)
    else:
        text, encoding = decode_bytes(data, source)
        if kind == "text" and any(text.lstrip()[:1024].lower().startswith(t) for t in _HTML_START):
            kind = "html"
        extracted = read_html(text) if kind == "html" else read_text(text)
    if not extracted.clean.text.strip():
        raise InputError("WT106", path=source, detail=" after cleaning")
    return Document(
        id=hashlib.sha256(data).hexdigest(),
        source=source,
        name=name,
        media_type=extracted.media_type,
        original_text=extracted.original_text,
        clean=extracted.clean,
        title=extracted.title,
        author=extracted.author,
        published=extracted.published,
        published_from=extracted.published_from,
        language=detect_language(extracted.clean.text),
        encoding=encoding,
        metadata=extracted.metadata,
        ingested_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    )


def load_input(item: Input, *, max_bytes: int = MAX_BYTES, allow_loopback_urls: bool = False,
               fetch_timeout: float = FETCH_TIMEOUT) -> tuple[Document, bytes]:
    """Read an input and build its Document; also returns the bytes, which the store keeps."""
    if item.is_url:
        data, content_type = fetch_url(item.source, max_bytes=max_bytes, allow_loopback=allow_loopback_urls,
                                       timeout=fetch_timeout)
        return document_from_bytes(data, item.source, item.name, content_type), data
    data = read_file(item.source, max_bytes)
    return document_from_bytes(data, item.source, item.name), data


def load_path(path: str) -> Document:
    """Load one file into a Document (a convenience for tests and notebooks)."""
    from pathlib import Path

    p = Path(path)
    return document_from_bytes(read_file(str(p.absolute())), str(p.absolute()), p.name)

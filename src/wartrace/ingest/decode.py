"""Bytes to text: detect the encoding, refuse binary data, read newlines as Python does."""
from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from wartrace.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: one of every two bytes of ASCII text is NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _is_text(text: str) -> bool:
    """Reject decodings full of control characters (binary data read as text)."""
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return bad <= 0.01 * len(sample)


def _mixed_utf8(data: bytes) -> str:
    """UTF-8 where the bytes are valid UTF-8, cp1252 (or Latin-1) for the stray bytes."""
    decoded = data.decode("utf-8", errors="surrogateescape")
    out = []
    for ch in decoded:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(bytes([code - 0xDC00]).decode("cp1252", errors="replace").replace("\ufffd", chr(code - 0xDC00)))
        else:
            out.append(ch)
    return "".join(out)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Text that is not valid UTF-8: mostly UTF-8 with stray bytes, or a legacy code page."""
    head = data[:1_000_000]
    valid = len(head.decode("utf-8", errors="ignore").encode("utf-8"))
    if head and any(b >= 0x80 for b in head) and valid >= 0.9 * len(head):
        has_multibyte = len(head.decode("utf-8", errors="ignore")) < valid
        if has_multibyte:
            return _mixed_utf8(data), "utf-8+cp1252"
    best = from_bytes(head).best()
    if best is None or _mostly_latin(str(best)):
        # Guessers split hairs between Latin code pages on short texts; cp1252 (a superset
        # of Latin-1 for printable text) is by far the most common in Western reporting.
        for encoding in ("cp1252", "latin-1"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return _mixed_utf8(data), "utf-8+cp1252"


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text[:20000] if c.isalpha() and ord(c) > 127]
    if not letters:
        return True
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin >= 0.5 * len(letters)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding). Newlines are translated as Python's text mode does."""
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    if encoding is None:
        encoding = _looks_utf16(data)
    text: str | None = None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            if b"\x00" in data[:8192]:
                raise InputError("WT103", path=path) from None
            text, encoding = _decode_legacy(data)
    if not _is_text(text):
        raise InputError("WT103", path=path)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding

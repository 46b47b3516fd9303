"""Metadata found in a report: publication date, title, language."""
from __future__ import annotations

import datetime as dt
import email.utils
import re

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ].*)?")
_MDY = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.I)


def _make_date(year: str, month: int, day: str) -> str | None:
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:  # 31 February and the like
        return None


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value, or None if it is not one date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _ISO.fullmatch(text)
    if m:
        return _make_date(m["year"], int(m["mnum"]), m["day"])
    for pattern in (_MDY, _DMY):
        m = pattern.fullmatch(text) or (pattern.match(text) if len(text) < 40 else None)
        if m:
            return _make_date(m["year"], _MONTHS[m["month"].lower()], m["day"])
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def find_dateline(text: str, window: int = 1500) -> str | None:
    """A full date near the top of a text (a dateline or byline), if there is one."""
    head = text[:window]
    found = []
    for pattern in (_MDY, _DMY):
        for m in pattern.finditer(head):
            date = _make_date(m["year"], _MONTHS[m["month"].lower()], m["day"])
            if date:
                found.append((m.start(), date))
    return min(found)[1] if found else None


_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "was", "that", "for", "on", "with", "by", "were", "is", "from"},
    "fr": {"le", "la", "les", "des", "et", "du", "dans", "est", "une", "pour", "sur", "par", "que", "au"},
    "de": {"der", "die", "und", "das", "den", "von", "mit", "ist", "des", "sich", "auf", "im", "nicht", "ein"},
    "es": {"el", "la", "los", "las", "y", "del", "en", "que", "por", "con", "una", "para", "fue", "se"},
    "it": {"il", "di", "che", "della", "per", "con", "gli", "nel", "alla", "sono", "una", "dei", "delle", "è"},
    "pt": {"o", "os", "da", "do", "das", "dos", "que", "em", "com", "uma", "para", "foi", "não", "pelo"},
    "nl": {"de", "het", "een", "van", "en", "dat", "op", "met", "voor", "zijn", "niet", "werd", "bij", "ook"},
}
_SCRIPTS = (("ar", 0x0600, 0x06FF), ("ru", 0x0400, 0x04FF), ("he", 0x0590, 0x05FF), ("zh", 0x4E00, 0x9FFF))
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """A two-letter language code from script and common words; None if unsure."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    for code, lo, hi in _SCRIPTS:
        if sum(1 for c in letters if lo <= ord(c) <= hi) > 0.3 * len(letters):
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    lang, score = max(scores.items(), key=lambda kv: kv[1])
    return lang if score >= max(2, 0.05 * len(words)) else None

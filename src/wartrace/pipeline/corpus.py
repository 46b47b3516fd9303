"""Corpus context computed before the document stages: date hints for undated news.

A wire story that says "on Tuesday" but carries no date of its own cannot be placed in
time alone. When the corpus holds a dated news report on the same happenings, the story
was most likely written at the same time: rule `dct-hint.similar-news.v1` lends it that
report's date as a hint, if the undated text needs a date (it speaks of days: "today",
"on Tuesday"), the lender is news rather than a narrative, and their vocabularies are
close enough (TF-IDF cosine). The hint and where it came from are kept as annotations,
so a date derived from it can be traced.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

from wartrace.model import Document
from wartrace.time.doc_kind import document_kind
from wartrace.time.context import NEWS

RULE = "dct-hint.similar-news.v1"
MIN_SIMILARITY = 0.05
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_DAY_DEIXIS = re.compile(
    r"\b(?:today|yesterday|tonight|this morning|earlier today|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (?:morning|night|evening))\b",
    re.I,
)


def _vectors(bags: list[Counter[str]]) -> list[dict[str, float]]:
    df = Counter(w for b in bags for w in b)
    n = len(bags)
    out = []
    for b in bags:
        v = {w: (1 + math.log(c)) * math.log((n + 1) / df[w]) for w, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def dct_hints(docs: Iterable[Document]) -> dict[str, dict[str, object]]:
    """{doc id: {"date", "from", "similarity", "rule"}} for undated news that needs a date.

    Documents are read one at a time and only those that need or may lend a date are kept
    (as word counts), so memory stays small on a large corpus of dated narratives."""
    needy: list[tuple[str, Counter[str]]] = []
    lenders: list[tuple[tuple[str, str], Counter[str]]] = []
    for d in docs:
        if not d.published and _DAY_DEIXIS.search(d.text):
            needy.append((d.id, Counter(w.lower() for w in _WORD.findall(d.text))))
        elif d.published and document_kind(d.text, d.published) == NEWS:
            lenders.append(((d.name, d.published), Counter(w.lower() for w in _WORD.findall(d.text))))
    if not needy or not lenders:
        return {}
    vectors = _vectors([bag for _, bag in needy] + [bag for _, bag in lenders])
    need_vecs, lend_vecs = vectors[: len(needy)], vectors[len(needy):]
    hints: dict[str, dict[str, object]] = {}
    for (doc_id, _), vec in zip(needy, need_vecs):
        score, j = max((_cosine(vec, lv), j) for j, lv in enumerate(lend_vecs))
        if score >= MIN_SIMILARITY:
            name, published = lenders[j][0]
            hints[doc_id] = {"date": published, "from": name, "similarity": round(score, 3), "rule": RULE}
    return hints

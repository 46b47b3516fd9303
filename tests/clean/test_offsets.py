"""The offset map: every span of cleaned text maps back to the same words in the original."""
from __future__ import annotations

import re

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import WIKI
from wartrace.clean import clean_markdown
from wartrace.ingest import load_path

WORD = re.compile(r"\w+")


def words_survive(clean_slice: str, raw_slice: str) -> bool:
    """The whole words of the clean slice appear, in order, in the repaired raw slice."""
    repaired = clean_markdown(raw_slice).text
    words = WORD.findall(clean_slice)[1:-1]  # the ends may be cut mid-word
    pos = 0
    for w in words:
        pos = repaired.find(w, pos)
        if pos < 0:
            return False
        pos += len(w)
    return True


def test_mojibake_repaired_in_wikipedia_article(shared):
    doc = load_path(str(WIKI))
    assert "â€“" in doc.original_text
    assert "â€“" not in doc.text and "Ã" not in doc.text and "ðŸ" not in doc.text
    assert "[object Object]" not in doc.text
    assert doc.text.count("–") == doc.original_text[doc.clean.raw_span(0, 1).start:].count("â€“")
    i = doc.text.index("(2016–2017)")
    span = doc.clean.raw_span(i, i + len("(2016–2017)"))
    assert doc.original_text[span.start : span.end] == "(2016â€“2017)"


def test_curly_quotes_are_kept():
    text = "He said “we will win” and ‘soon’."
    assert clean_markdown(text).text == text


@pytest.mark.skipif(not WIKI.exists(), reason="../shared is not available")
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_random_spans_of_the_wikipedia_article_map_to_the_same_words(data):
    doc = _wiki()
    n = len(doc.text)
    start = data.draw(st.integers(0, n - 1))
    end = data.draw(st.integers(start, min(n, start + 400)))
    span = doc.clean.raw_span(start, end)
    assert 0 <= span.start <= span.end <= len(doc.original_text)
    assert words_survive(doc.text[start:end], doc.original_text[span.start : span.end])


_PIECES = st.sampled_from(["The ", "army ", "took ", "â€“", "Ã®", "ðŸ‡ºðŸ‡¸", "[object Object]", "[link](http://x.y/z) ",
                           "**bold** ", "![img](http://i/p.png)", "“q” ", "\n", "é", "2017 "])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=40), data=st.data())
def test_random_texts_with_junk_map_back(pieces, data):
    raw = "".join(pieces)
    clean = clean_markdown(raw)
    n = len(clean.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    span = clean.raw_span(start, end)
    assert 0 <= span.start <= span.end <= len(raw)
    assert words_survive(clean.text[start:end], raw[span.start : span.end])
    assert clean.raw_span(0, n).end <= len(raw)


_cache: dict[str, object] = {}


def _wiki():
    if "doc" not in _cache:
        _cache["doc"] = load_path(str(WIKI))
    return _cache["doc"]

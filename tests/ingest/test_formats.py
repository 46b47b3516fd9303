from __future__ import annotations

import pytest

from tests.helpers import minimal_pdf
from wartrace.errors import InputError
from wartrace.ingest import document_from_bytes


def load(data: bytes, name: str = "report.txt", content_type: str | None = None):
    return document_from_bytes(data, f"/tmp/{name}", name, content_type)


def quote(doc, needle: str) -> str:
    """The original text behind the first occurrence of `needle` in the clean text."""
    i = doc.text.index(needle)
    span = doc.clean.raw_span(i, i + len(needle))
    return doc.original_text[span.start : span.end]


def test_plain_text_is_kept_verbatim():
    doc = load(b"Troops entered the town on 3 May 2022.\nShelling went on.\n")
    assert doc.media_type == "text/plain"
    assert doc.text == doc.original_text
    assert doc.language == "en"
    assert len(doc.id) == 64


def test_markdown_front_matter_is_metadata_and_offsets_point_past_it():
    raw = (
        "---\nsubject: Siege of Example\nauthor: Our Desk\npubDate: 2021-03-04 10:00\n"
        "tags:\n  - one\n---\n\nThe siege of [Example](https://x.org/e) began on **2 March**.\n"
    )
    doc = load(raw.encode())
    assert doc.media_type == "text/markdown"
    assert doc.title == "Siege of Example"
    assert doc.author == "Our Desk"
    assert doc.published == "2021-03-04"
    assert doc.published_from == "front-matter:pubDate"
    assert doc.metadata["tags"] == ["one"]
    assert "subject" not in doc.text
    assert "The siege of Example began on 2 March." in doc.text
    assert quote(doc, "Example began") == "Example](https://x.org/e) began"
    assert quote(doc, "2 March") == "2 March"


def test_invalid_front_matter_is_reported_not_fatal():
    doc = load(b"---\nkey: [unclosed\n---\nBody text about the battle.\n")
    assert "front_matter_error" in doc.metadata
    assert doc.text.strip() == "Body text about the battle."


def test_yaml_bomb_in_front_matter_is_bounded():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    bomb += "---\nThe report itself.\n"
    doc = load(bomb.encode())
    assert doc.text.strip() == "The report itself."
    import json

    assert len(json.dumps(doc.metadata)) < 2_000_000


def test_html_main_text_without_boilerplate_and_mapped_into_markup():
    html = (
        "<html><head><title>Front news</title><meta name='author' content='A. Writer'>"
        "<meta property='article:published_time' content='2016-11-01T08:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World news menu</a></nav><article><h1>Army enters the city</h1>"
        "<p>Government troops entered the eastern districts on Tuesday after a week of heavy fighting &amp; "
        "shelling, officers said.</p><p>About 900 families fled the area, according to aid agencies working "
        "in the camps south of the city.</p></article><footer>Copyright 2016 Front news, all rights reserved"
        "</footer></body></html>"
    )
    doc = load(html.encode(), "page.html")
    assert doc.media_type == "text/html"
    assert doc.published == "2016-11-01"
    assert "Government troops entered" in doc.text
    assert "World news menu" not in doc.text and "rights reserved" not in doc.text
    assert quote(doc, "fighting & shelling") == "fighting &amp; shelling"
    assert quote(doc, "About 900 families") == "About 900 families"


def test_html_detected_by_content_when_named_txt():
    doc = load(b"<!DOCTYPE html><html><body><article><p>" + b"Fighting continued in the north of the town. " * 5
               + b"</p></article></body></html>", "page.txt")
    assert doc.media_type == "text/html"


def test_pdf_text_layer():
    data = minimal_pdf(["Report on the siege", "At least 40 people were killed on 5 May 2016."])
    doc = load(data, "report.pdf")
    assert doc.media_type == "application/pdf"
    assert "At least 40 people were killed" in doc.text
    assert quote(doc, "40 people") == "40 people"


def test_pdf_renamed_txt_is_still_read_as_pdf():
    doc = load(minimal_pdf(["Convoy left the city at dawn."]), "renamed.txt")
    assert doc.media_type == "application/pdf"


def test_damaged_pdf_is_a_clear_error():
    with pytest.raises(InputError) as err:
        load(b"%PDF-1.4\n garbage garbage", "broken.pdf")
    assert err.value.code in {"WT108", "WT106"}


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_inputs_are_refused(data):
    with pytest.raises(InputError) as err:
        load(data)
    assert err.value.code == "WT106"


def test_dateline_gives_publication_date():
    doc = load(b"City falls to rebels\n\nOct 17, 2017\n\nRebels took the city on Tuesday.")
    assert doc.published == "2017-10-17"
    assert doc.published_from == "dateline"


def test_impossible_dateline_is_ignored():
    doc = load(b"Report\n\nFebruary 31, 2017\n\nNothing happened.")
    assert doc.published is None

from __future__ import annotations

import os

import pytest

from wartrace.errors import InputError
from wartrace.ingest import document_from_bytes

TEXT = "Les forces sont entrées à Alep le 22 décembre ; “victoire”, dit-il — 1,200 réfugiés.\n"


def load(data: bytes):
    return document_from_bytes(data, "/tmp/x.txt", "x.txt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_encodings_are_detected(encoding):
    doc = load(TEXT.encode(encoding))
    assert doc.text == TEXT


def test_latin1_text():
    text = "Les soldats sont arrivés à Homs. Le général a parlé à la presse après la bataille.\n"
    assert load(text.encode("latin-1")).text == text


def test_mostly_utf8_with_stray_cp1252_bytes():
    data = "Fighting in Kobanî began — says ".encode() + "“report”".encode("cp1252") + b" today.\n"
    doc = load(data)
    assert "Kobanî" in doc.text and "“report”" in doc.text


def test_crlf_newlines_read_as_python_text_mode():
    doc = load(b"Line one.\r\nLine two.\rLine three.\n")
    assert doc.original_text == "Line one.\nLine two.\nLine three.\n"


@pytest.mark.parametrize("data", [os.urandom(4096), b"\x89PNG\r\n\x1a\n" + os.urandom(2000),
                                  b"PK\x03\x04" + os.urandom(2000)])
def test_binary_data_is_refused(data):
    with pytest.raises(InputError) as err:
        load(data)
    assert err.value.code in {"WT103", "WT106"}

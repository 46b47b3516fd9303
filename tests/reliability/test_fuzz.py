"""Property tests (hypothesis) and bounded atheris runs over ingest and extraction."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import BACKEND, REPO
from wartrace.errors import InputError
from wartrace.ingest import document_from_bytes
from wartrace.ingest.metadata import parse_date

FUZZ_SECONDS = int(os.environ.get("WARTRACE_FUZZ_SECONDS", "60"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4000), st.sampled_from(["x.txt", "x.md", "x.html", "x.pdf"]))
def test_ingest_never_fails_with_anything_but_a_clear_error(data, name):
    try:
        doc = document_from_bytes(data, "/p/" + name, name)
    except InputError as err:
        assert err.code.startswith("WT1") and "\n" not in err.message
        return
    span = doc.clean.raw_span(0, len(doc.text))
    assert 0 <= span.start <= span.end <= len(doc.original_text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_text_with_front_matter_like_junk(text):
    data = ("---\n" + text + "\n---\n" + text).encode("utf-8", errors="surrogatepass")
    try:
        document_from_bytes(data, "/p/x.md", "x.md")
    except InputError:
        pass


@given(st.text(max_size=60))
def test_date_parsing_never_raises(text):
    value = parse_date(text)
    assert value is None or len(value) == 10


@pytest.mark.skipif(BACKEND != "sqlite", reason="fuzzing does not touch the store: once per CI run is enough")
@pytest.mark.parametrize("target", ["fuzz_ingest.py", "fuzz_extract.py"])
def test_atheris_finds_nothing(target, tmp_path):
    pytest.importorskip("atheris")
    proc = subprocess.run(
        [sys.executable, str(REPO / "fuzz" / target), f"-max_total_time={FUZZ_SECONDS}", "-rss_limit_mb=3072",
         "-timeout=30", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=FUZZ_SECONDS * 3 + 120, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done" in proc.stderr

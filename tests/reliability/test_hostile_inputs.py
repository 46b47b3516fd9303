"""Hostile inputs through the real command line: clear one-line errors or clean results,
no tracebacks, bounded time and memory, and every good document stored."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import database_location
from tests.reliability.hostile import GOOD, build
from wartrace.store import open_store

WARTRACE = [sys.executable, "-m", "wartrace"]
MEMORY_LIMIT = 3 * 1024**3  # bytes of address space for the run


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    expected = build(corpus)
    db = database_location(folder, "h")
    proc = subprocess.run([*WARTRACE, "run", str(corpus), "--db", db, "--quiet"], capture_output=True,
                          text=True, timeout=900, preexec_fn=_limit_memory)
    return expected, proc, db, corpus


def test_no_traceback_and_failure_exit_status(hostile_run):
    _, proc, _, _ = hostile_run
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 1, proc.stderr  # some inputs failed, and the status says so


def test_every_good_document_is_stored(hostile_run):
    expected, _, db, _ = hostile_run
    stored = {d.name for d in open_store(str(db)).documents()}
    for name, outcome in expected.items():
        if outcome == "stored":
            assert Path(name).name in stored, f"{name} was lost"
    assert set(GOOD) <= stored


def test_every_bad_input_has_a_one_line_error(hostile_run):
    expected, proc, db, corpus = hostile_run
    failures = open_store(str(db)).failures()
    failed_names = {Path(f["source"]).name for f in failures}
    for name, outcome in expected.items():
        if outcome == "failed":
            assert Path(name).name in failed_names, f"{name} should have failed clearly"
    for f in failures:
        assert "\n" not in f["message"] and f["code"].startswith("WT")
        assert f["code"] != "WT502", f"unexpected error for {f['source']}: {f['message']}"
    assert len([ln for ln in proc.stderr.splitlines() if ln.startswith("failed")]) == len(failures)


def test_scripts_do_not_reach_the_clean_text(hostile_run):
    _, _, db, _ = hostile_run
    store = open_store(str(db))
    [doc] = [d for d in store.documents() if d.name == "scripts.html"]
    text = store.get_document(doc.id).text
    assert "alert" not in text and "onerror" not in text and "Rebels shelled the airport" in text


def test_a_file_is_refused_above_the_size_limit(tmp_path, db_url):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x " * 600)
    proc = subprocess.run([*WARTRACE, "ingest", str(big), "--db", db_url, "--max-bytes", "1000"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "limit" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_through_the_cli(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    proc = subprocess.run([*WARTRACE, "ingest", str(locked), "--db", str(tmp_path / "d.db")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "permission denied" in proc.stderr

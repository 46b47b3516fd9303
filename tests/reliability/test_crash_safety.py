"""A run killed at random points leaves a consistent database, and the next run ends
where an uninterrupted run ends. Two runs writing one SQLite file at once corrupt nothing."""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import sqlite_only
from tests.helpers import WARTRACE, mixed_corpus, snapshot

pytestmark = sqlite_only  # SIGKILL and two writers against the SQLite file; PostgreSQL has its own test

KILL_POINTS = 20


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crash")
    corpus = mixed_corpus(tmp / "corpus")
    db = tmp / "reference.db"
    started = time.monotonic()
    subprocess.run([*WARTRACE, "run", str(corpus), "--db", str(db), "--quiet"], check=True, capture_output=True)
    return corpus, time.monotonic() - started, snapshot(db, tmp / "ref-out"), tmp


def test_kill_and_resume_at_random_points(reference):
    corpus, duration, expected, tmp = reference
    rng = random.Random(20261128)
    for k in range(KILL_POINTS):
        db = tmp / f"killed-{k}.db"
        proc = subprocess.Popen([*WARTRACE, "run", str(corpus), "--db", str(db), "--quiet"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            assert integrity(db) == "ok", f"kill point {k}"
        resumed = subprocess.run([*WARTRACE, "run", str(corpus), "--db", str(db), "--quiet"], capture_output=True,
                                 text=True)
        assert resumed.returncode == 0, resumed.stderr
        assert snapshot(db, tmp / f"out-{k}") == expected, f"kill point {k} diverged"


def test_two_runs_into_one_sqlite_file_at_once(reference):
    corpus, _, expected, tmp = reference
    db = tmp / "shared.db"
    runs = [subprocess.Popen([*WARTRACE, "run", str(corpus), "--db", str(db), "--quiet"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=600) for r in runs]
    for r, (_, err) in zip(runs, outputs):
        assert r.returncode == 0, err
    assert integrity(db) == "ok"
    assert snapshot(db, tmp / "shared-out") == expected

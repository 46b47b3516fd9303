"""A run killed at random points leaves a consistent database, and the next run ends
where an uninterrupted run ends. Two runs writing one SQLite file at once corrupt nothing."""
from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import RAQQA, sqlite_only

pytestmark = sqlite_only  # SIGKILL and two writers against the SQLite file; PostgreSQL has its own test

WARTRACE = [sys.executable, "-m", "wartrace"]
KILL_POINTS = 20
_VOLATILE = {"claim_id", "event_id", "id", "failed_at", "finished_at"}


def _corpus(tmp: Path) -> Path:
    """The example corpus plus the bundled demo: enough documents for kills to land mid-run."""
    from importlib import resources

    folder = tmp / "corpus"
    folder.mkdir()
    if RAQQA.is_dir():
        for f in RAQQA.iterdir():
            shutil.copy(f, folder / f.name)
    with resources.as_file(resources.files("wartrace.demo") / "corpus") as demo:
        for f in Path(demo).iterdir():
            shutil.copy(f, folder / f.name)
    return folder


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def snapshot(db: Path, out: Path) -> dict:
    """Everything a user sees: the gold export and the ledger, without row ids."""
    subprocess.run([*WARTRACE, "export", "--db", str(db), "--format", "gold", "--out", str(out)], check=True,
                   capture_output=True)
    ledger = subprocess.run([*WARTRACE, "ledger", "--db", str(db), "--format", "json"], check=True,
                            capture_output=True, text=True).stdout
    control = subprocess.run([*WARTRACE, "control", "--db", str(db), "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
    docs = subprocess.run([*WARTRACE, "docs", "--db", str(db)], check=True, capture_output=True, text=True).stdout
    return {
        "events": sorted((out / "events.jsonl").read_text().splitlines()),
        "claims": sorted((out / "claims.jsonl").read_text().splitlines()),
        "ledger": _strip(json.loads(ledger or "[]")),
        "control": _strip(json.loads(control or "[]")),
        "docs": sorted(line.split()[0] for line in docs.splitlines()),
    }


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crash")
    corpus = _corpus(tmp)
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

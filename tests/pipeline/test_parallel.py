"""Workers and the cluster give the same database as a serial run."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import WARTRACE, mixed_corpus, snapshot


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return mixed_corpus(tmp_path_factory.mktemp("par") / "corpus")


def _run(corpus: Path, db: str, *options: str) -> None:
    proc = subprocess.run([*WARTRACE, "run", str(corpus), "--db", db, "--quiet", *options], capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr


def test_two_workers_and_a_local_cluster_match_one_worker(corpus, new_db, tmp_path):
    pytest.importorskip("dask.distributed")
    serial, pooled, clustered = new_db("serial"), new_db("pooled"), new_db("clustered")
    _run(corpus, serial)
    _run(corpus, pooled, "--workers", "2")
    _run(corpus, clustered, "--cluster", "local", "--workers", "2")
    expected = snapshot(serial, tmp_path / "s")
    assert snapshot(pooled, tmp_path / "p") == expected
    assert snapshot(clustered, tmp_path / "c") == expected

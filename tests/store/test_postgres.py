"""PostgreSQL as a team's shared store: concurrent runs into one database."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PG_ADMIN, RAQQA, drop_pg_database, fresh_pg_database
from wartrace.store import open_store

pytestmark = pytest.mark.skipif(not PG_ADMIN, reason="no PostgreSQL server (set WARTRACE_TEST_PG)")


def test_concurrent_runs_do_not_duplicate_documents(tmp_path, shared):
    url = fresh_pg_database(PG_ADMIN)
    try:
        runs = [subprocess.Popen([sys.executable, "-m", "wartrace", "run", str(RAQQA), "--db", url, "--quiet"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
        for r in runs:
            _, err = r.communicate(timeout=600)
            assert r.returncode == 0, err
        store = open_store(url)
        docs = store.documents(include_superseded=True)
        assert len(docs) == len(list(RAQQA.iterdir()))
        import sqlalchemy as sa

        with store.engine.connect() as conn:
            runs_per_doc = conn.execute(sa.text(
                "SELECT doc_id, stage, COUNT(*) FROM stage_runs GROUP BY doc_id, stage HAVING COUNT(*) > 1")).all()
            dup_events = conn.execute(sa.text(
                "SELECT doc_id, start_offset, end_offset, type, place_id, COUNT(*) FROM events"
                " GROUP BY doc_id, start_offset, end_offset, type, place_id, actors_json, date HAVING COUNT(*) > 1")).all()
        assert runs_per_doc == [] and dup_events == []
        store.close()
    finally:
        drop_pg_database(PG_ADMIN, url)


def test_postgresql_gives_the_same_results_as_sqlite(tmp_path):
    from tests.helpers import mixed_corpus, snapshot

    corpus = mixed_corpus(tmp_path / "corpus")
    sqlite_db = str(tmp_path / "same.db")
    url = fresh_pg_database(PG_ADMIN)
    try:
        for db in (sqlite_db, url):
            proc = subprocess.run([sys.executable, "-m", "wartrace", "run", str(corpus), "--db", db, "--quiet"],
                                  capture_output=True, text=True, timeout=900)
            assert proc.returncode == 0, proc.stderr
        assert snapshot(url, tmp_path / "pg") == snapshot(sqlite_db, tmp_path / "lite")
    finally:
        drop_pg_database(PG_ADMIN, url)

"""The SQLite file as a publishing format: Datasette opens it and serves the events."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import REPO
from tests.web.conftest import free_port


def _datasette() -> str:
    exe = Path(sys.executable).with_name("datasette")
    if exe.exists():
        return str(exe)
    found = shutil.which("datasette")
    if not found:
        pytest.skip("datasette is not installed (it is a test extra)")
    return found


def test_datasette_serves_the_events(hand_db, tmp_path):
    from wartrace.export import EXPORTERS
    from wartrace.store import open_store

    store = open_store(str(hand_db))
    EXPORTERS["datasette"](store, str(tmp_path))
    store.close()
    port = free_port()
    proc = subprocess.Popen([_datasette(), "serve", "--immutable", str(hand_db), "--host", "127.0.0.1", "--port",
                             str(port), "--metadata", str(tmp_path / "metadata.json")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/{hand_db.stem}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/events.json?_shape=array&_size=max", timeout=3) as r:
                    rows = json.load(r)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"datasette did not start: {proc.stderr.read().decode()[-2000:]}")
                time.sleep(0.3)
        assert len(rows) == 9
        capture = next(r for r in rows if r["date"] == "2017-06-06")
        assert capture["quote"] == "The SDF captured the Mashlab neighbourhood from ISIL on 6 June 2017"
        assert json.loads(capture["actors_json"]) == ["SDF"]
        with urllib.request.urlopen(f"{base}/contradictions.json?_shape=array", timeout=5) as r:
            assert len(json.load(r)) == 1
        sql = "select count(*) as n from events where type = 'capture'"
        with urllib.request.urlopen(f"{base}.json?_shape=array&sql={urllib.parse.quote(sql)}", timeout=5) as r:
            assert json.load(r) == [{"n": 4}]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=5) as r:
            meta = json.load(r)
        assert "evidence" in meta["databases"]["*"]["tables"]["events"]["description"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_every_table_and_column_is_described(hand_db):
    """TABLES (the Datasette metadata) and docs/publishing.md both cover the real schema."""
    from wartrace.export.datasette import TABLES

    engine = sa.create_engine(f"sqlite:///{hand_db}")
    docs = (REPO / "docs" / "publishing.md").read_text(encoding="utf-8")
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in inspector.get_table_names():
            assert table in TABLES, f"{table} has no description in wartrace/export/datasette.py"
            assert f"`{table}`" in docs, f"{table} is missing from docs/publishing.md"
            columns = {c["name"] for c in inspector.get_columns(table)}
            assert columns == set(TABLES[table][1]), table
    engine.dispose()

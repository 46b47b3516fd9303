from __future__ import annotations

import sqlalchemy as sa
import pytest

from tests.conftest import sqlite_only
from wartrace.errors import StoreError
from wartrace.ingest import document_from_bytes
from wartrace.store import open_store
from wartrace.store.migrations import LATEST


def doc(data: bytes, source: str = "/r/a.txt"):
    return document_from_bytes(data, source, source.rsplit("/", 1)[-1])


def test_schema_is_migrated_to_latest(store):
    assert store.schema_version() == LATEST


def test_identical_content_is_a_noop(store):
    d = doc(b"Troops entered the city.")
    assert store.put_document(d, b"Troops entered the city.").status == "new"
    assert store.put_document(d, b"Troops entered the city.").status == "unchanged"
    assert len(store.documents(include_superseded=True)) == 1


def test_changed_source_becomes_a_new_version_and_keeps_the_old(store):
    first = doc(b"Version one of the report.")
    second = doc(b"Version two of the report, corrected.")
    store.put_document(first, b"Version one of the report.")
    outcome = store.put_document(second, b"Version two of the report, corrected.")
    assert (outcome.status, outcome.version) == ("new-version", 2)
    current = store.documents()
    assert [d.id for d in current] == [second.id]
    assert {d.id for d in store.documents(include_superseded=True)} == {first.id, second.id}
    assert store.get_document(first.id).text == "Version one of the report."


def test_stored_document_round_trips(store):
    raw = "---\ntitle: T\n---\nThe ceasefire â€“ signed on 1 May.".encode()
    d = doc(raw, "/r/b.md")
    store.put_document(d, raw)
    back = store.get_document(d.id)
    assert back.text == d.text and back.original_text == d.original_text
    assert back.clean.offsets.segments == d.clean.offsets.segments
    assert back.metadata == {"title": "T"}


@sqlite_only
def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(str(path)).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_migrations VALUES (999, 'future', 'now')"))
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert err.value.code == "WT402"


@sqlite_only
def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE something (x INTEGER)"))
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert err.value.code == "WT403"


@sqlite_only
def test_not_a_database_file_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert err.value.code == "WT401"

"""Read-only access to a wartrace database for the web app.

The web app never opens the store for writing: a SQLite file is opened with
``mode=ro`` (``immutable=1`` when the folder is not writable and no -wal/-shm files
exist) and every connection sets ``PRAGMA query_only``; a PostgreSQL URL gets
read-only transactions. The ledger queries of `wartrace.store.ledger` run unchanged
on this object (they only need ``.engine``).
"""
from __future__ import annotations

import json
import re
import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.pool import QueuePool

from wartrace.errors import StoreError
from wartrace.export.common import actor_info
from wartrace.reconcile.records import period
from wartrace.store.migrations import LATEST

EVENT_TYPES = ("capture", "advance", "clash", "airstrike", "shelling", "explosion", "violence_against_civilians",
               "displacement", "agreement", "declaration", "discovery")


def _sqlite_ro_connect(path: Path) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(str(path))
    try:
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a folder we cannot write (no -shm file to create): read it as
        # an immutable snapshot instead.
        conn = sqlite3.connect(uri + "?immutable=1", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    return conn


class ReadOnlyStore:
    """A wartrace database opened for reading only."""

    def __init__(self, db: str) -> None:
        self.db = db
        if "://" in db and not db.startswith("sqlite"):
            self.url = db
            try:
                self.engine = sa.create_engine(db, future=True, connect_args={
                    "options": "-c default_transaction_read_only=on"})
            except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as err:
                raise StoreError("WT401", url=db, reason=str(err).splitlines()[0]) from None
        else:
            path = Path(db[len("sqlite:///"):] if db.startswith("sqlite:///") else db).expanduser().absolute()
            self.url = str(path)
            if not path.is_file():
                raise StoreError("WT401", url=str(path), reason="no such file (create it with `wartrace run`)")
            self.engine = sa.create_engine("sqlite://", creator=lambda: _sqlite_ro_connect(path), poolclass=QueuePool,
                                           pool_size=4, max_overflow=4, future=True)
        self._check_schema()

    def _check_schema(self) -> None:
        try:
            with self.engine.connect() as conn:
                version = conn.execute(sa.text("SELECT MAX(version) FROM schema_migrations")).scalar() or 0
        except sa.exc.DatabaseError as err:
            reason = str(getattr(err, "orig", err)).splitlines()[0]
            if "schema_migrations" in reason:
                raise StoreError("WT403", url=self.url) from None
            raise StoreError("WT401", url=self.url, reason=reason) from None
        if version > LATEST:
            raise StoreError("WT402", url=self.url, found=version, known=LATEST)
        if version < LATEST:
            raise StoreError("WT401", url=self.url, reason=(
                f"schema version {version} is older than this wartrace's ({LATEST}); open it once with "
                f"`wartrace docs --db {self.db}` to upgrade it"))

    def close(self) -> None:
        self.engine.dispose()

    # -- plain queries --------------------------------------------------------------
    def query(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.text(sql), params).mappings().all()]

    def one(self, sql: str, **params: Any) -> dict[str, Any] | None:
        rows = self.query(sql, **params)
        return rows[0] if rows else None

    def stats(self) -> dict[str, int]:
        out = {}
        for name, sql in (("documents", "SELECT count(*) AS n FROM documents WHERE superseded_by IS NULL"),
                          ("events", "SELECT count(*) AS n FROM events e JOIN documents d ON d.id = e.doc_id"
                                     " WHERE d.superseded_by IS NULL"),
                          ("claims", "SELECT count(*) AS n FROM claims c JOIN documents d ON d.id = c.doc_id"
                                     " WHERE d.superseded_by IS NULL"),
                          ("claim_groups", "SELECT count(*) AS n FROM claim_groups"),
                          ("contradictions", "SELECT count(*) AS n FROM contradictions"),
                          ("merged_events", "SELECT count(*) AS n FROM merged_events"),
                          ("places", "SELECT count(*) AS n FROM places"),
                          ("control_periods", "SELECT count(*) AS n FROM control_periods"),
                          ("failures", "SELECT count(*) AS n FROM failures")):
            out[name] = self.one(sql)["n"]
        return out

    # -- documents ------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT d.id, d.name, d.source, d.version, d.superseded_by, d.media_type, d.title, d.author,"
            " d.published, d.language, length(d.clean_text) AS characters,"
            " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,"
            " (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS claims"
            " FROM documents d WHERE d.superseded_by IS NULL ORDER BY d.name, d.version")
        for r in rows:
            r["current"] = r.pop("superseded_by") is None
        return rows

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.one("SELECT id, name, source, version, superseded_by, media_type, encoding, title, author,"
                       " published, published_from, language, ingested_at, original_text, clean_text"
                       " FROM documents WHERE id = :id", id=doc_id)
        if row is not None:
            row["current"] = row.pop("superseded_by") is None
        return row

    def sentences(self, doc_id: str) -> list[dict[str, int]]:
        row = self.one("SELECT data_json FROM annotations WHERE doc_id = :d AND key = 'doc.sentences'", d=doc_id)
        return json.loads(row["data_json"]) if row else []

    # -- events and claims ----------------------------------------------------------
    _EVENT_SQL = (
        "SELECT e.*, d.name AS doc_name, p.latitude, p.longitude, p.kind AS place_kind_ref, p.parent_id,"
        " m.merged_key FROM events e JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN places p ON p.id = e.place_id"
        " LEFT JOIN merged_event_mentions m ON m.event_id = e.id")

    @staticmethod
    def _event(r: dict[str, Any]) -> dict[str, Any]:
        r["actors"] = json.loads(r.pop("actors_json") or "[]")
        span = period(r["date"], r["date_precision"])
        r["date_start"] = span[0].isoformat() if span else None
        r["date_end"] = span[1].isoformat() if span else None
        return r

    def all_events(self) -> list[dict[str, Any]]:
        """Every event of the current documents (read afresh: a run may be adding to the file)."""
        return self.events_where("d.superseded_by IS NULL")

    def events_where(self, where: str, **params: Any) -> list[dict[str, Any]]:
        rows = self.query(f"{self._EVENT_SQL} WHERE {where} ORDER BY e.date NULLS FIRST, d.name, e.start_offset, e.id", **params)
        return [self._event(r) for r in rows]

    def events(self, types: Iterable[str] = (), actor: str | None = None, place: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               doc: str | None = None) -> list[dict[str, Any]]:
        """Events of current documents, filtered; a date filter keeps events whose period overlaps it."""
        wanted = set(types or ())
        lo = period(date_from)[0].isoformat() if date_from and period(date_from) else None
        hi = period(date_to)[1].isoformat() if date_to and period(date_to) else None
        actor_l = actor.casefold() if actor else None
        out = []
        for e in self.all_events():
            if wanted and e["type"] not in wanted:
                continue
            names = {a.casefold() for a in e["actors"]} | {(e["target"] or "").casefold()}
            if actor_l and actor_l not in names:
                continue
            if place and place not in (e["place_id"], e["place_name"], e["parent_id"]):
                continue
            if doc and e["doc_id"] != doc:
                continue
            if (lo or hi) and e["date_start"] is None:
                continue
            if lo and e["date_end"] < lo:
                continue
            if hi and e["date_start"] > hi:
                continue
            out.append(e)
        return out

    def event(self, event_id: int) -> dict[str, Any] | None:
        rows = self.events_where("e.id = :id", id=event_id)
        return rows[0] if rows else None

    _CLAIM_SQL = (
        "SELECT c.*, d.name AS doc_name, g.key AS group_key, g.kind AS group_kind FROM claims c"
        " JOIN documents d ON d.id = c.doc_id"
        " LEFT JOIN claim_group_members m ON m.claim_id = c.id LEFT JOIN claim_groups g ON g.key = m.group_key")

    def claims_where(self, where: str, **params: Any) -> list[dict[str, Any]]:
        return self.query(f"{self._CLAIM_SQL} WHERE {where} ORDER BY d.name, c.start_offset, c.id", **params)

    def claims(self, what: str | None = None, doc: str | None = None) -> list[dict[str, Any]]:
        where, params = ["d.superseded_by IS NULL"], {}
        if what:
            where.append("c.what = :what")
            params["what"] = what
        if doc:
            where.append("c.doc_id = :doc")
            params["doc"] = doc
        return self.claims_where(" AND ".join(where), **params)

    def claim(self, claim_id: int) -> dict[str, Any] | None:
        rows = self.claims_where("c.id = :id", id=claim_id)
        return rows[0] if rows else None

    # -- places, actors, control ----------------------------------------------------
    def places(self) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT p.*, (SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id"
            " WHERE e.place_id = p.id AND d.superseded_by IS NULL) AS events FROM places p ORDER BY p.name")
        for r in rows:
            r["aliases"] = json.loads(r.pop("aliases_json") or "[]")
        return rows

    def place(self, place_id: str) -> dict[str, Any] | None:
        return next((p for p in self.places() if p["id"] == place_id), None)

    def actors(self) -> list[dict[str, Any]]:
        counts: dict[str, dict[str, int]] = {}
        for e in self.all_events():
            for a in e["actors"]:
                counts.setdefault(a, {"events": 0, "targeted": 0, "claims": 0})["events"] += 1
            if e["target"]:
                counts.setdefault(e["target"], {"events": 0, "targeted": 0, "claims": 0})["targeted"] += 1
        for r in self.query("SELECT c.actor, count(*) AS n FROM claims c JOIN documents d ON d.id = c.doc_id"
                            " WHERE d.superseded_by IS NULL AND c.actor IS NOT NULL GROUP BY c.actor"):
            counts.setdefault(r["actor"], {"events": 0, "targeted": 0, "claims": 0})["claims"] += r["n"]
        out = []
        for name, c in sorted(counts.items(), key=lambda kv: (-kv[1]["events"] - kv[1]["targeted"], kv[0].casefold())):
            info = actor_info(name)
            out.append({"name": name, **c, "kind": info.kind if info else None, "inter": info.inter if info else None})
        return out

    def periods(self) -> list[dict[str, Any]]:
        rows = self.query("SELECT cp.*, p.latitude, p.longitude FROM control_periods cp"
                          " LEFT JOIN places p ON p.id = cp.place_id ORDER BY cp.place_name NULLS FIRST, cp.start_date NULLS FIRST, cp.id")
        for r in rows:
            r["evidence"] = json.loads(r.pop("evidence_json") or "[]")
        return rows


def holder_on(periods: list[dict[str, Any]], place_id: str, day: str) -> str | None:
    """Who held a place on a day, by rule control.captures.v1 (the same test map.js applies)."""
    for p in periods:
        if p["place_id"] == place_id and (p["start_date"] is None or p["start_date"] <= day) and (
                p["end_date"] is None or day < p["end_date"]):
            return p["holder"]
    return None


@dataclass(frozen=True)
class Hit:
    doc_id: str
    doc: str
    title: str | None
    start: int
    end: int
    before: str
    match: str
    after: str


def search(store: ReadOnlyStore, q: str, limit: int = 200, per_doc: int = 20) -> list[Hit]:
    """Case-insensitive search of the cleaned text of current documents (a full scan)."""
    needle = re.compile(re.escape(q.strip()), re.I)
    hits: list[Hit] = []
    if not q.strip():
        return hits
    for d in store.query("SELECT id, name, title, clean_text FROM documents WHERE superseded_by IS NULL ORDER BY name"):
        text = d["clean_text"]
        for n, m in enumerate(needle.finditer(text)):
            if n >= per_doc or len(hits) >= limit:
                break
            a, b = m.span()
            hits.append(Hit(d["id"], d["name"], d["title"], a, b, " ".join(text[max(0, a - 80):a].split()),
                            text[a:b], " ".join(text[b:b + 80].split())))
        if len(hits) >= limit:
            break
    return hits

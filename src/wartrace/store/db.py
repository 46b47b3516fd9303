"""Access layer over SQLAlchemy Core with portable SQL.

Stages never see SQL: they hand frozen dataclasses to the runner, which saves a
document's results in one transaction. Only this module knows the schema, so a new
backend means a new entry in DIALECT_TYPES and nothing in the stages.
"""
from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from wartrace.errors import StoreError
from wartrace.model import CleanText, Claim, Document, Event, OffsetMap, PlaceRef
from wartrace.store.migrations import DIALECT_TYPES, LATEST, MIGRATIONS


@dataclass(frozen=True)
class IngestOutcome:
    status: str  # "new", "unchanged", "new-version"
    doc_id: str
    name: str
    version: int


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    name: str
    source: str
    version: int
    current: bool
    media_type: str
    title: str | None
    author: str | None
    published: str | None
    language: str | None
    characters: int
    words: int


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def to_jsonable(value: Any) -> Any:
    """Dataclasses, tuples and mappings as plain JSON values (faster than `asdict`, which deep-copies)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {name: to_jsonable(getattr(value, name)) for name in _field_names(type(value))}
    return value


class JsonText(str):
    """An annotation value already encoded as JSON (workers encode, the single writer only inserts)."""


def encode_annotation(value: Any) -> JsonText:
    return value if isinstance(value, JsonText) else JsonText(json.dumps(to_jsonable(value), ensure_ascii=False))


def _url(db: str) -> str:
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().absolute()}"


def open_store(db: str) -> Store:
    """Open (creating and migrating if needed) the store at a path or database URL."""
    return Store(_url(db))


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine: Engine = sa.create_engine(url, future=True)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as err:
            raise StoreError("WT401", url=url, reason=str(err).splitlines()[0]) from None
        self.dialect = self.engine.dialect.name
        if self.dialect not in DIALECT_TYPES:
            raise StoreError("WT401", url=url, reason=f"unsupported database kind {self.dialect!r}")
        if self.dialect == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            sa.event.listen(self.engine, "begin", _sqlite_begin_immediate)
        self._migrate()

    # -- schema -----------------------------------------------------------------------
    def _migrate(self) -> None:
        try:
            with self.engine.begin() as conn:
                self.lock(conn, "migrations")  # two processes opening a new database at once
                conn.execute(sa.text(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                ))
                current = conn.execute(sa.text("SELECT MAX(version) FROM schema_migrations")).scalar() or 0
                if current > LATEST:
                    raise StoreError("WT402", url=self.url, found=current, known=LATEST)
                if current == 0 and self._has_foreign_tables(conn):
                    raise StoreError("WT403", url=self.url)
                types = DIALECT_TYPES[self.dialect]
                for migration in MIGRATIONS:
                    if migration.version <= current:
                        continue
                    for statement in migration.statements:
                        conn.execute(sa.text(statement.format(**types)))
                    conn.execute(
                        sa.text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                        {"v": migration.version, "n": migration.name, "t": _now()},
                    )
        except sa.exc.DatabaseError as err:
            raise StoreError("WT401", url=self.url, reason=str(err.orig).splitlines()[0]) from None
        except sa.exc.OperationalError as err:  # pragma: no cover - subclass above
            raise StoreError("WT401", url=self.url, reason=str(err.orig)) from None

    def _has_foreign_tables(self, conn: Connection) -> bool:
        tables = set(sa.inspect(conn).get_table_names())
        return bool(tables - {"schema_migrations"})

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.text("SELECT MAX(version) FROM schema_migrations")).scalar() or 0

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def lock(self, conn: Connection, name: str) -> None:
        """Hold a named lock until the transaction ends, so concurrent runs that replace
        the same rows queue up. SQLite needs none: BEGIN IMMEDIATE already serialises writers."""
        if self.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:n))"), {"n": name})

    def close(self) -> None:
        self.engine.dispose()

    # -- documents ----------------------------------------------------------------------
    def put_document(self, doc: Document, raw: bytes) -> IngestOutcome:
        """Store a document and the bytes it was read from (its id is their SHA-256).

        Identical bytes are a no-op; a changed source becomes a new version and the
        old one is kept, marked as superseded."""
        with self.transaction() as conn:
            self.lock(conn, "source:" + doc.source)  # serialise versions of one source
            row = conn.execute(sa.text("SELECT name, version FROM documents WHERE id = :id"), {"id": doc.id}).first()
            if row is not None:
                return IngestOutcome("unchanged", doc.id, row.name, row.version)
            latest = conn.execute(
                sa.text("SELECT id, version FROM documents WHERE source = :s AND superseded_by IS NULL"),
                {"s": doc.source},
            ).first()
            version = (latest.version + 1) if latest else 1
            params = {
                "id": doc.id, "source": doc.source, "name": doc.name, "version": version,
                "media_type": doc.media_type, "encoding": doc.encoding, "title": doc.title,
                "author": doc.author, "published": doc.published, "published_from": doc.published_from,
                "language": doc.language, "metadata_json": json.dumps(doc.metadata, ensure_ascii=False),
                "ingested_at": doc.ingested_at or _now(), "raw": raw,
                "original_text": doc.original_text, "clean_text": doc.clean.text,
                "offset_map_json": json.dumps(doc.clean.offsets.to_json()), "words": len(doc.clean.text.split()),
            }
            conn.execute(sa.text(
                "INSERT INTO documents (id, source, name, version, media_type, encoding, title, author, published,"
                " published_from, language, metadata_json, ingested_at, raw, original_text, clean_text, offset_map_json,"
                " words) VALUES (:id, :source, :name, :version, :media_type, :encoding, :title, :author, :published,"
                " :published_from, :language, :metadata_json, :ingested_at, :raw, :original_text, :clean_text,"
                " :offset_map_json, :words) ON CONFLICT (id) DO NOTHING"
            ), params)
            if latest:
                conn.execute(sa.text("UPDATE documents SET superseded_by = :new WHERE id = :old"),
                             {"new": doc.id, "old": latest.id})
            conn.execute(sa.text("DELETE FROM failures WHERE source = :s AND stage = 'ingest'"), {"s": doc.source})
        return IngestOutcome("new-version" if latest else "new", doc.id, doc.name, version)

    def get_document(self, doc_id: str) -> Document:
        with self.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT * FROM documents WHERE id = :id"), {"id": doc_id}).mappings().first()
        if row is None:
            from wartrace.errors import InputError

            raise InputError("WT109", ref=doc_id)
        clean_text = row["clean_text"]
        offsets = OffsetMap.from_json(json.loads(row["offset_map_json"]), len(clean_text), len(row["original_text"]))
        return Document(
            id=row["id"], source=row["source"], name=row["name"], media_type=row["media_type"],
            original_text=row["original_text"], clean=CleanText(clean_text, offsets), title=row["title"],
            author=row["author"], published=row["published"], published_from=row["published_from"],
            language=row["language"], encoding=row["encoding"], metadata=json.loads(row["metadata_json"]),
            ingested_at=row["ingested_at"], version=row["version"],
        )

    def documents(self, include_superseded: bool = False) -> list[DocumentSummary]:
        where = "" if include_superseded else " WHERE superseded_by IS NULL"
        with self.engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT id, name, source, version, superseded_by, media_type, title, author, published, language,"
                " LENGTH(clean_text) AS characters, words FROM documents" + where + " ORDER BY name, version"
            )).mappings().all()
            missing = {r["id"] for r in rows if r["words"] is None}  # stored before word counts were kept
            counted = {r.id: len(r.clean_text.split()) for r in conn.execute(
                sa.text("SELECT id, clean_text FROM documents WHERE words IS NULL"))} if missing else {}
        return [
            DocumentSummary(
                id=r["id"], name=r["name"], source=r["source"], version=r["version"],
                current=r["superseded_by"] is None, media_type=r["media_type"], title=r["title"],
                author=r["author"], published=r["published"], language=r["language"],
                characters=r["characters"], words=r["words"] if r["words"] is not None else counted[r["id"]],
            )
            for r in rows
        ]

    def find_documents(self, ref: str) -> list[DocumentSummary]:
        """Documents whose id starts with `ref`, or whose file name or source is `ref`."""
        all_docs = self.documents(include_superseded=True)
        exact = [d for d in all_docs if d.id == ref]
        if exact:
            return exact
        by_name = [d for d in all_docs if d.current and (d.name == ref or d.source == ref)]
        if by_name:
            return by_name
        return [d for d in all_docs if len(ref) >= 4 and d.id.startswith(ref.lower())]

    # -- failures -----------------------------------------------------------------------
    def record_failure(self, source: str, stage: str, code: str, message: str, doc_id: str | None = None,
                       detail: str | None = None) -> None:
        with self.transaction() as conn:
            conn.execute(
                sa.text("DELETE FROM failures WHERE source = :s AND stage = :st"), {"s": source, "st": stage}
            )
            conn.execute(sa.text(
                "INSERT INTO failures (source, doc_id, stage, code, message, detail, failed_at)"
                " VALUES (:s, :d, :st, :c, :m, :x, :t)"
            ), {"s": source, "d": doc_id, "st": stage, "c": code, "m": message, "x": detail, "t": _now()})

    def failures(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT source, doc_id, stage, code, message, detail, failed_at FROM failures ORDER BY id"
            )).mappings().all()
        return [dict(r) for r in rows]

    # -- stage results ------------------------------------------------------------------
    def stage_versions(self) -> dict[str, dict[str, str]]:
        """For every document, the stage versions its stored results were made with."""
        out: dict[str, dict[str, str]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(sa.text("SELECT doc_id, stage, version FROM stage_runs")):
                out.setdefault(r.doc_id, {})[r.stage] = r.version
        return out

    def save_results(self, doc: Document, versions: Mapping[str, str], annotations: Mapping[str, Any],
                     events: Sequence[Event] = (), claims: Sequence[Claim] = ()) -> None:
        """Replace everything stored for a document's stages, in one transaction."""
        with self.transaction() as conn:
            self.lock(conn, "doc:" + doc.id)
            for table in ("annotations", "events", "claims", "stage_runs"):
                conn.execute(sa.text(f"DELETE FROM {table} WHERE doc_id = :d"), {"d": doc.id})
            conn.execute(sa.text("DELETE FROM failures WHERE doc_id = :d AND stage <> 'ingest'"), {"d": doc.id})
            if annotations:
                conn.execute(
                    sa.text("INSERT INTO annotations (doc_id, key, data_json) VALUES (:d, :k, :j)"),
                    [{"d": doc.id, "k": k, "j": str(encode_annotation(v))}
                     for k, v in annotations.items()],
                )
            places = {e.place.id: e.place for e in events if e.place} | {c.place.id: c.place for c in claims if c.place}
            self._save_places(conn, places.values())
            if events:
                conn.execute(sa.text(
                    "INSERT INTO events (doc_id, sentence, type, start_offset, end_offset, clean_start, clean_end,"
                    " quote, date, date_precision, place_id, place_name, place_kind, actors_json, target, factuality)"
                    " VALUES (:doc_id, :sentence, :type, :start, :end, :cs, :ce, :quote, :date, :precision,"
                    " :place_id, :place_name, :place_kind, :actors, :target, :factuality)"
                ), [self._event_params(doc, e) for e in events])
            if claims:
                conn.execute(sa.text(
                    "INSERT INTO claims (doc_id, sentence, what, start_offset, end_offset, clean_start, clean_end,"
                    " quote, low, high, qualifier, who, attributed_to, as_of, place_id, place_name, actor, unit)"
                    " VALUES (:doc_id, :sentence, :what, :start, :end, :cs, :ce, :quote, :low, :high, :qualifier,"
                    " :who, :attributed_to, :as_of, :place_id, :place_name, :actor, :unit)"
                ), [self._claim_params(doc, c) for c in claims])
            now = _now()
            conn.execute(
                sa.text("INSERT INTO stage_runs (doc_id, stage, version, finished_at) VALUES (:d, :s, :v, :t)"),
                [{"d": doc.id, "s": s, "v": v, "t": now} for s, v in versions.items()],
            )

    def _save_places(self, conn: Connection, places: Any) -> None:
        for p in places:
            conn.execute(sa.text(
                "INSERT INTO places (id, name, kind, latitude, longitude, parent_id, aliases_json, geo_precision,"
                " where_prec, gazetteer) VALUES (:id, :name, :kind, :lat, :lon, :parent, :aliases, :gp, :wp, :gz)"
                " ON CONFLICT (id) DO UPDATE SET aliases_json = excluded.aliases_json"
            ), {"id": p.id, "name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon, "parent": p.parent,
                "aliases": json.dumps(list(p.aliases), ensure_ascii=False), "gp": p.geo_precision,
                "wp": p.where_prec, "gz": p.gazetteer})

    @staticmethod
    def _span_params(doc: Document, start: int, end: int) -> dict[str, Any]:
        raw = doc.clean.raw_span(start, end)
        return {"start": raw.start, "end": raw.end, "cs": start, "ce": end,
                "quote": doc.original_text[raw.start:raw.end]}

    def _event_params(self, doc: Document, e: Event) -> dict[str, Any]:
        return {
            "doc_id": doc.id, "sentence": e.sentence, "type": e.type,
            **self._span_params(doc, e.evidence.start, e.evidence.end),
            "date": e.date, "precision": e.date_precision,
            "place_id": e.place.id if e.place else None, "place_name": e.place.name if e.place else None,
            "place_kind": e.place_kind, "actors": json.dumps(list(e.actors), ensure_ascii=False),
            "target": e.target, "factuality": e.factuality,
        }

    def _claim_params(self, doc: Document, c: Claim) -> dict[str, Any]:
        return {
            "doc_id": doc.id, "sentence": c.sentence, "what": c.what,
            **self._span_params(doc, c.evidence.start, c.evidence.end),
            "low": c.low, "high": c.high, "qualifier": c.qualifier, "who": c.who,
            "attributed_to": c.attributed_to, "as_of": c.as_of,
            "place_id": c.place.id if c.place else None, "place_name": c.place.name if c.place else None,
            "actor": c.actor, "unit": c.unit,
        }

    def annotation(self, doc_id: str, key: str) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT data_json FROM annotations WHERE doc_id = :d AND key = :k"),
                               {"d": doc_id, "k": key}).first()
        return json.loads(row.data_json) if row else None

    def rows(self, table: str, current_only: bool = True) -> list[dict[str, Any]]:
        """Events or claims joined with their document's name and their place's aliases."""
        if table not in ("events", "claims"):
            raise ValueError(table)
        where = " WHERE d.superseded_by IS NULL" if current_only else ""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.text(
                f"SELECT t.*, d.name AS doc_name, p.aliases_json AS place_aliases_json, p.kind AS place_kind_ref,"
                f" p.latitude, p.longitude FROM {table} t JOIN documents d ON d.id = t.doc_id"
                f" LEFT JOIN places p ON p.id = t.place_id{where} ORDER BY d.name, t.start_offset, t.end_offset, t.id"
            )).mappings().all()
        return [dict(r) for r in rows]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Transactions are begun by _sqlite_begin_immediate, not by the driver.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin_immediate(conn: Connection) -> None:
    """Take the write lock when a transaction starts, so two processes writing to one
    file queue up (busy_timeout) instead of failing when a reader upgrades to a writer."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")

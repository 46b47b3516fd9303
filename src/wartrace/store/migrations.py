"""Versioned schema migrations, written in SQL that SQLite and PostgreSQL both accept.

A migration is never edited once released: a schema change is a new entry at the end.
`{id}` and `{blob}` are filled per dialect (an auto-increment key, a binary column).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


DIALECT_TYPES = {
    "sqlite": {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "blob": "BLOB"},
    "postgresql": {"id": "BIGSERIAL PRIMARY KEY", "blob": "BYTEA"},
}

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, failures, stage runs, annotations",
        (
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,            -- SHA-256 of the original bytes
                source TEXT NOT NULL,           -- absolute path or URL
                name TEXT NOT NULL,             -- file name, the `doc` of exports
                version INTEGER NOT NULL,       -- 1, 2, ... per source
                superseded_by TEXT,             -- id of the newer version, if any
                media_type TEXT NOT NULL,
                encoding TEXT,
                title TEXT,
                author TEXT,
                published TEXT,                 -- ISO date
                published_from TEXT,            -- front-matter:KEY, html-meta, dateline
                language TEXT,
                metadata_json TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                raw {blob} NOT NULL,
                original_text TEXT NOT NULL,
                clean_text TEXT NOT NULL,
                offset_map_json TEXT NOT NULL
            )""",
            "CREATE INDEX documents_source ON documents (source)",
            "CREATE INDEX documents_name ON documents (name)",
            """CREATE TABLE failures (
                id {id},
                source TEXT NOT NULL,
                doc_id TEXT,
                stage TEXT NOT NULL,            -- ingest, or the stage that failed
                code TEXT NOT NULL,
                message TEXT NOT NULL,          -- one line, for people
                detail TEXT,                    -- traceback of an unexpected error
                failed_at TEXT NOT NULL
            )""",
            """CREATE TABLE stage_runs (
                doc_id TEXT NOT NULL,
                stage TEXT NOT NULL,
                version TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                PRIMARY KEY (doc_id, stage)
            )""",
            """CREATE TABLE annotations (
                doc_id TEXT NOT NULL,
                key TEXT NOT NULL,              -- doc.sentences, doc.timexes, ...
                data_json TEXT NOT NULL,
                PRIMARY KEY (doc_id, key)
            )""",
        ),
    ),
    Migration(
        2,
        "events, claims and places",
        (
            """CREATE TABLE places (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                latitude REAL,
                longitude REAL,
                parent_id TEXT,
                aliases_json TEXT NOT NULL,
                geo_precision INTEGER,
                where_prec INTEGER,
                gazetteer TEXT
            )""",
            """CREATE TABLE events (
                id {id},
                doc_id TEXT NOT NULL,
                sentence INTEGER NOT NULL,
                type TEXT NOT NULL,
                start_offset INTEGER NOT NULL,  -- into the original text
                end_offset INTEGER NOT NULL,
                clean_start INTEGER NOT NULL,   -- into the cleaned text
                clean_end INTEGER NOT NULL,
                quote TEXT NOT NULL,
                date TEXT,
                date_precision TEXT,
                place_id TEXT,
                place_name TEXT,
                place_kind TEXT,
                actors_json TEXT NOT NULL,
                target TEXT,
                factuality TEXT NOT NULL
            )""",
            "CREATE INDEX events_doc ON events (doc_id)",
            """CREATE TABLE claims (
                id {id},
                doc_id TEXT NOT NULL,
                sentence INTEGER NOT NULL,
                what TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                clean_start INTEGER NOT NULL,
                clean_end INTEGER NOT NULL,
                quote TEXT NOT NULL,
                low REAL,
                high REAL,
                qualifier TEXT NOT NULL,
                who TEXT,
                attributed_to TEXT,
                as_of TEXT,
                place_id TEXT,
                place_name TEXT,
                actor TEXT,
                unit TEXT
            )""",
            "CREATE INDEX claims_doc ON claims (doc_id)",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        3,
        "ledger: claim groups, estimates, contradictions, merged events, control history",
        (
            """CREATE TABLE claim_groups (
                key TEXT PRIMARY KEY,
                what TEXT NOT NULL,
                who TEXT,
                scope TEXT NOT NULL,            -- place id, or "battle"
                scope_name TEXT,
                kind TEXT NOT NULL,             -- cumulative or incident
                unit TEXT,
                rule TEXT NOT NULL,             -- grouping rule name.version
                grade TEXT NOT NULL,            -- Airwars scale
                grade_reason TEXT NOT NULL,
                grade_rule TEXT NOT NULL,
                sources INTEGER NOT NULL
            )""",
            """CREATE TABLE claim_group_members (
                group_key TEXT NOT NULL,
                claim_id INTEGER NOT NULL,
                is_current INTEGER NOT NULL,    -- 0 when a later figure updates it
                PRIMARY KEY (group_key, claim_id)
            )""",
            """CREATE TABLE ledger (
                group_key TEXT NOT NULL,
                policy TEXT NOT NULL,           -- name.version
                best REAL,
                low REAL,
                high REAL,
                explanation TEXT NOT NULL,
                PRIMARY KEY (group_key, policy)
            )""",
            """CREATE TABLE contradictions (
                id {id},
                group_key TEXT NOT NULL,
                claim_a INTEGER NOT NULL,
                claim_b INTEGER NOT NULL,
                reason TEXT NOT NULL,
                rule TEXT NOT NULL
            )""",
            """CREATE TABLE merged_events (
                key TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                date TEXT,
                date_precision TEXT,
                place_id TEXT,
                place_name TEXT,
                place_kind TEXT,
                actors_json TEXT NOT NULL,
                target TEXT,
                grade TEXT NOT NULL,
                grade_reason TEXT NOT NULL,
                sources INTEGER NOT NULL,
                rule TEXT NOT NULL
            )""",
            """CREATE TABLE merged_event_mentions (
                merged_key TEXT NOT NULL,
                event_id INTEGER NOT NULL,
                PRIMARY KEY (merged_key, event_id)
            )""",
            """CREATE TABLE control_periods (
                id {id},
                place_id TEXT NOT NULL,
                place_name TEXT,
                holder TEXT NOT NULL,
                start_date TEXT,
                end_date TEXT,
                evidence_json TEXT NOT NULL,    -- ids of the capture events
                rule TEXT NOT NULL
            )""",
            """CREATE TABLE control_shares (
                id {id},
                place_id TEXT NOT NULL,
                date TEXT NOT NULL,
                actor TEXT NOT NULL,
                low REAL NOT NULL,
                high REAL,
                origin TEXT NOT NULL,           -- derived, reported, reported-complement
                claim_id INTEGER,
                rule TEXT NOT NULL
            )""",
        ),
    ),
)
MIGRATIONS += (
    Migration(
        4,
        "claim group fingerprints, so a run re-reconciles only the groups it changed",
        ("ALTER TABLE claim_groups ADD COLUMN fingerprint TEXT",),
    ),
    Migration(
        5,
        "word counts of documents, so listings do not read every text",
        ("ALTER TABLE documents ADD COLUMN words INTEGER",),
    ),
)

LATEST = MIGRATIONS[-1].version

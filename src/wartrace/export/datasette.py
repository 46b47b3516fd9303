"""The SQLite file as a publishing format: table and column descriptions for Datasette.

`wartrace export --format datasette --out DIR` writes DIR/metadata.json; then
``datasette serve --immutable battle.db --metadata DIR/metadata.json`` shows every
table and column with what it means. TABLES is the one description of the schema
(docs/publishing.md says the same in prose; a test checks both against the schema).
"""
from __future__ import annotations

import json
from typing import Any

from wartrace.export.common import atomic_text, output_folder

SPAN = "offset into the document's original text (code points); quote = original_text[start_offset:end_offset]"
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "documents": ("Every stored report, every version (a changed source is a new row).", {
        "id": "SHA-256 of the original bytes", "source": "absolute path or URL it was read from",
        "name": "file name: the `doc` of every export", "version": "1, 2, ... per source",
        "superseded_by": "id of the newer version; NULL for the current one", "media_type": "text/plain, text/html...",
        "encoding": "detected encoding", "title": "title", "author": "author or publisher",
        "published": "publication date (ISO)", "published_from": "where the date was found",
        "language": "detected language", "metadata_json": "front matter and other metadata (JSON)",
        "ingested_at": "when it was stored (UTC)", "raw": "the original bytes",
        "original_text": "the bytes decoded: every offset in the exports points here",
        "clean_text": "the text the stages read (mojibake repaired, markup dropped)",
        "offset_map_json": "map from cleaned-text offsets back to original offsets (JSON)",
        "words": "number of words in the cleaned text (for listings and throughput figures)"}),
    "failures": ("Inputs or documents that could not be read or processed, with the error.", {
        "id": "row id", "source": "path or URL", "doc_id": "document id, if it was stored",
        "stage": "ingest or the stage that failed", "code": "wartrace error code (WTnnn)",
        "message": "one-line error", "detail": "traceback of an unexpected error", "failed_at": "when (UTC)"}),
    "stage_runs": ("Which stage versions made each document's stored results.", {
        "doc_id": "document id", "stage": "stage name", "version": "stage version", "finished_at": "when (UTC)"}),
    "annotations": ("Each stage's raw output per document (JSON): sentences, timexes, places...", {
        "doc_id": "document id", "key": "doc.sentences, doc.timexes, ...", "data_json": "the annotation (JSON)"}),
    "places": ("Places named by events and claims, from the gazetteers.", {
        "id": "gazetteer id (e.g. raqqa:mashlab)", "name": "canonical name",
        "kind": "neighbourhood, site, city, village, region, country...", "latitude": "WGS84", "longitude": "WGS84",
        "parent_id": "id of the containing place", "aliases_json": "other names (JSON list)",
        "geo_precision": "ACLED geo_precision 1-3", "where_prec": "UCDP GED where_prec 1-7",
        "gazetteer": "gazetteer name@version"}),
    "events": ("Every event as one document states it, with its evidence.", {
        "id": "event id (the /events/{id} page)", "doc_id": "document id", "sentence": "sentence index",
        "type": "capture, advance, clash, airstrike, shelling, explosion, violence_against_civilians, "
                "displacement, agreement, declaration, discovery",
        "start_offset": SPAN, "end_offset": SPAN, "clean_start": "offset into the cleaned text",
        "clean_end": "offset into the cleaned text", "quote": "the words that state the event",
        "date": "ISO date as precise as the text allows", "date_precision": "day, week, month, year",
        "place_id": "places.id", "place_name": "place name", "place_kind": "kind of place",
        "actors_json": "actor names, initiator first (JSON list)", "target": "actor acted against",
        "factuality": "asserted, attributed, denied, hypothetical, negated"}),
    "claims": ("Every number a document puts on people or things, with its evidence.", {
        "id": "claim id (the /claims/{id} page)", "doc_id": "document id", "sentence": "sentence index",
        "what": "killed, wounded, displaced, evacuated, fighters, trapped, detained, control_share, airstrikes, "
                "vehicles, other", "start_offset": SPAN, "end_offset": SPAN,
        "clean_start": "offset into the cleaned text", "clean_end": "offset into the cleaned text",
        "quote": "the words that state the number", "low": "lower bound", "high": "upper bound (NULL: open-ended)",
        "qualifier": "exact, about, at_least, more_than, up_to, less_than", "who": "whose number (civilians, ...)",
        "attributed_to": "who the document credits for it", "as_of": "date the figure refers to",
        "place_id": "places.id", "place_name": "place name", "actor": "holder of a share; perpetrator of deaths",
        "unit": "counted thing (trucks, buses...)"}),
    "claim_groups": ("The ledger: claims that measure the same quantity.", {
        "key": "group key", "what": "what is counted", "who": "whose number", "scope": "place id or 'battle'",
        "scope_name": "place name", "kind": "cumulative or incident", "unit": "counted thing",
        "rule": "grouping rule name.version", "grade": "Airwars scale: Confirmed, Fair, Weak, Contested",
        "grade_reason": "the grade's reason in words", "grade_rule": "grading rule name.version",
        "sources": "independent publishers",
        "fingerprint": "hash of the members and rule versions: a run rewrites only groups whose fingerprint changed"}),
    "claim_group_members": ("Which claims are in which group.", {
        "group_key": "claim_groups.key", "claim_id": "claims.id",
        "is_current": "0 when a later figure of the group updates it"}),
    "ledger": ("One estimate per claim group and policy.", {
        "group_key": "claim_groups.key", "policy": "ucdp.v1, conservative.v1, range.v1...",
        "best": "best estimate", "low": "low estimate", "high": "high estimate", "explanation": "how, in words"}),
    "contradictions": ("Pairs of figures that cannot both be true.", {
        "id": "row id", "group_key": "claim_groups.key", "claim_a": "claims.id", "claim_b": "claims.id",
        "reason": "why, in words", "rule": "rule name.version"}),
    "merged_events": ("One event, many reports: mentions merged by the same-event rule.", {
        "key": "merged event key", "type": "event type", "date": "date of the most precise report",
        "date_precision": "its precision", "place_id": "places.id", "place_name": "place name",
        "place_kind": "kind of place", "actors_json": "actors (JSON list)", "target": "target",
        "grade": "Airwars scale", "grade_reason": "why", "sources": "independent publishers",
        "rule": "merge rule name.version"}),
    "merged_event_mentions": ("Which event reports make up which merged event.", {
        "merged_key": "merged_events.key", "event_id": "events.id"}),
    "control_periods": ("Who held each place when, from capture events.", {
        "id": "row id", "place_id": "places.id", "place_name": "place name", "holder": "actor",
        "start_date": "the hold began (NULL: before the first report)",
        "end_date": "the hold ended (NULL: still held at the last report)",
        "evidence_json": "ids of the capture events (JSON list)", "rule": "rule name.version"}),
    "control_shares": ("Share of a place each actor held over time: derived or reported.", {
        "id": "row id", "place_id": "places.id", "date": "ISO date", "actor": "holder", "low": "percent",
        "high": "percent (NULL: a single figure)", "origin": "derived, reported, reported-complement",
        "claim_id": "claims.id of a reported share", "rule": "rule name.version"}),
    "schema_migrations": ("The schema versions applied to this file.", {
        "version": "migration number", "name": "what it added", "applied_at": "when (UTC)"}),
}


def metadata(title: str = "wartrace") -> dict[str, Any]:
    return {
        "title": title,
        "description": "Events and sourced numbers read from war reporting by wartrace; every row points to "
                       "the words that state it (start_offset/end_offset into documents.original_text).",
        "databases": {"*": {"tables": {
            name: {"description": desc, "columns": cols, **({"hidden": True} if name in ("annotations",) else {})}
            for name, (desc, cols) in TABLES.items()}}},
    }


def export_datasette(store: Any, out: str) -> dict[str, int]:
    """Write OUT/metadata.json for `datasette serve --metadata` (table and column descriptions)."""
    with output_folder(out) as folder, atomic_text(folder / "metadata.json") as fh:
        json.dump(metadata(), fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return {"tables described": len(TABLES)}

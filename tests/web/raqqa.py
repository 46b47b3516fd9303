"""A database over the Raqqa corpus for the browser tests.

The real pipeline runs first (`wartrace run` on shared/corpus/raqqa-2017). While the
extraction stages are still being built it may find no events; then the corpus's gold
annotations (shared/gold/raqqa-2017) are laid over the real documents as if a stage had
produced them, so that the pages have real reports, events, control history and
contradictions to show. The hostile XSS report is always added.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import RAQQA, RAQQA_GOLD
from tests.export.builders import XSS, E, C, add_document
from wartrace.model import Claim, Event, PlaceRef, Span
from wartrace.pipeline.runner import reconcile_corpus, run
from wartrace.store import Store, open_store


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _gazetteer() -> dict[str, PlaceRef]:
    """Names and aliases (casefolded) -> PlaceRef, from the shipped Raqqa gazetteer."""
    data = yaml.safe_load((resources.files("wartrace.places.data") / "raqqa.yaml").read_text(encoding="utf-8"))
    out: dict[str, PlaceRef] = {}
    for row in data["places"]:
        kind = row["kind"]
        parent = row.get("parent", data.get("city") if kind in ("neighbourhood", "site") else None)
        ref = PlaceRef(row.get("id") or f"{data['gazetteer']}:{_slug(row['name'])}", row["name"], kind,
                       row.get("lat"), row.get("lon"), parent, tuple(row.get("aliases") or ()), 1, 1,
                       f"{data['gazetteer']}@{data['version']}")
        for name in (row["name"], *(row.get("aliases") or ())):
            out.setdefault(name.casefold(), ref)
    return out


def _clean_offset(doc: Any, raw: int, end: bool) -> int | None:
    """The cleaned-text offset whose original offset is `raw` (inverse of the offset map)."""
    for seg in doc.clean.offsets.segments:
        if seg.raw_start <= raw <= seg.raw_end:
            if seg.clean_end - seg.clean_start == seg.raw_end - seg.raw_start:
                return seg.clean_start + (raw - seg.raw_start)
            return seg.clean_end if end else seg.clean_start
    return None


def _place(names: list[str], kind: str | None, gazetteer: dict[str, PlaceRef]) -> PlaceRef | None:
    for n in names:
        if n.casefold() in gazetteer:
            return gazetteer[n.casefold()]
    if names:
        return PlaceRef(f"text:{_slug(names[0])}", names[0], kind or "area", parent="raqqa:raqqa")
    return None


def _sentence(sentences: list[Any], start: int) -> int:
    for i, s in enumerate(sentences):
        if s["start"] <= start < s["end"]:
            return i
    return 0


def overlay_gold(store: Store) -> int:
    gazetteer = _gazetteer()
    gold_events = [json.loads(line) for line in (RAQQA_GOLD / "events.jsonl").read_text().splitlines() if line]
    gold_claims = [json.loads(line) for line in (RAQQA_GOLD / "claims.jsonl").read_text().splitlines() if line]
    versions = store.stage_versions()
    n = 0
    for summary in store.documents():
        doc = store.get_document(summary.id)
        sentences = store.annotation(doc.id, "doc.sentences") or []
        events, claims = [], []
        for g in (r for r in gold_events if r["doc"] == doc.name):
            a, b = _clean_offset(doc, g["start"], False), _clean_offset(doc, g["end"], True)
            if a is None or b is None or doc.clean.raw_span(a, b) != Span(g["start"], g["end"]):
                continue
            events.append(Event(g["type"], Span(a, b), _sentence(sentences, a), g["date"], g["date_precision"],
                                _place(g["place"], g["place_kind"], gazetteer), g["place_kind"],
                                tuple(g["actors"]), g["target"]))
        for g in (r for r in gold_claims if r["doc"] == doc.name):
            a, b = _clean_offset(doc, g["start"], False), _clean_offset(doc, g["end"], True)
            if a is None or b is None or doc.clean.raw_span(a, b) != Span(g["start"], g["end"]):
                continue
            claims.append(Claim(g["what"], Span(a, b), _sentence(sentences, a), g["low"], g["high"], g["qualifier"],
                                g["who"], g["attributed_to"], g["as_of"], _place(g["place"], None, gazetteer),
                                g["actor"]))
        store.save_results(doc, versions.get(doc.id, {}) | {"gold-overlay": "1"}, {"doc.sentences": sentences},
                           events, claims)
        n += len(events)
    return n


def _missing(store: Store) -> str | None:
    """What the browser tests need that the pipeline's output lacks, if anything."""
    from wartrace.store.ledger import query

    if not store.rows("events"):
        return "no events"
    changes = query(store, "SELECT place_id FROM control_periods WHERE start_date IS NOT NULL")
    if not changes:
        return "no change of control"
    if not query(store, "SELECT id FROM contradictions"):
        return "no contradiction"
    return None


def build_raqqa_db(path: Path) -> dict[str, Any]:
    """Build the browser tests' database at `path`; says where its events came from."""
    store = open_store(str(path))
    try:
        run(store, [str(RAQQA)])
        origin = "pipeline"
        missing = _missing(store)
        if missing:
            overlay_gold(store)
            origin = f"gold overlay (the pipeline's output has {missing})"
        xss = add_document(store, "xss-report.txt", XSS, events=[
            E('<img src=x onerror="window.xssFlag = 2"> fighters attacked al-Sinaa', "clash", date="2017-06-07",
              date_precision="day", place=_gazetteer()["al-sinaa"],
              actors=('<img src=x onerror="window.xssFlag=4">',), target="<script>window.xssFlag=5</script>"),
        ], claims=[C("At least 3 people were killed", "killed", 3, None, "at_least", who="all", as_of="2017-06-07")])
        reconcile_corpus(store)
        events = len(store.rows("events"))
    finally:
        store.close()
    return {"origin": origin, "events": events, "xss_doc": xss}

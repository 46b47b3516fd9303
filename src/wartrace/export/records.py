"""Full event and claim records with their evidence, shared by the jsonl and geojson exports.

Unlike the `gold` contract (what the scorers read), these carry every stored field:
database ids, both offset pairs (original text and cleaned text), factuality, the
place's id and coordinates, and the ledger's merged event or claim group.
"""
from __future__ import annotations

import json
from typing import Any

from wartrace.export.common import Corpus, atomic_text, date_span, number, output_folder, write_jsonl
from wartrace.export.gold import _place_names


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {"doc": row["doc_name"], "doc_id": row["doc_id"], "sentence": row["sentence"],
            "start": row["start_offset"], "end": row["end_offset"], "clean_start": row["clean_start"],
            "clean_end": row["clean_end"], "quote": row["quote"]}


def event_records(corpus: Corpus) -> list[dict[str, Any]]:
    merged_of = {e["id"]: m.key for m in corpus.merged for e in m.mentions}
    out = []
    for e in corpus.events:
        place = corpus.places.info(e["place_id"])
        span = date_span(e["date"], e["date_precision"])
        out.append({
            "id": e["id"], **_evidence(e), "type": e["type"], "date": e["date"],
            "date_precision": e["date_precision"], "date_start": span[0] if span else None,
            "date_end": span[1] if span else None, "place": _place_names(e), "place_id": e["place_id"],
            "place_kind": e["place_kind"],
            "latitude": place.lat if place else None, "longitude": place.lon if place else None,
            "coordinates_from": (place.point_of if place else None),
            "actors": json.loads(e["actors_json"]), "target": e["target"], "factuality": e["factuality"],
            "merged_event": merged_of.get(e["id"]),
        })
    return out


def claim_records(corpus: Corpus) -> list[dict[str, Any]]:
    out = []
    for c in corpus.claims:
        group = corpus.claim_groups.get(c["id"])
        out.append({
            "id": c["id"], **_evidence(c), "what": c["what"], "who": c["who"], "low": number(c["low"]),
            "high": number(c["high"]), "qualifier": c["qualifier"], "attributed_to": c["attributed_to"],
            "as_of": c["as_of"], "place": _place_names(c), "place_id": c["place_id"], "actor": c["actor"],
            "unit": c["unit"], "group": group["key"] if group else None, "group_kind": group["kind"] if group else None,
        })
    return out


def export_jsonl(store: Any, out: str) -> dict[str, int]:
    """Write OUT/events.jsonl and OUT/claims.jsonl with every field and the evidence."""
    corpus = Corpus.load(store)
    with output_folder(out) as folder:
        n_events = write_jsonl(folder / "events.jsonl", event_records(corpus))
        n_claims = write_jsonl(folder / "claims.jsonl", claim_records(corpus))
    return {"events": n_events, "claims": n_claims}


def feature_collection(corpus: Corpus) -> tuple[dict[str, Any], int]:
    """Events with coordinates as GeoJSON Point features ([longitude, latitude], WGS84)."""
    features = []
    without = 0
    for r in event_records(corpus):
        if r["latitude"] is None or r["longitude"] is None:
            without += 1
            continue
        props = {k: v for k, v in r.items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "id": r["id"],
                         "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}, without


def export_geojson(store: Any, out: str) -> dict[str, int]:
    """Write OUT/events.geojson (RFC 7946); events without coordinates are counted, not written."""
    corpus = Corpus.load(store)
    collection, without = feature_collection(corpus)
    with output_folder(out) as folder:
        with atomic_text(folder / "events.geojson") as fh:
            json.dump(collection, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    return {"features": len(collection["features"]), "skipped_no_coordinates": without}

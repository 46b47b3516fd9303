"""The gold export: events.jsonl and claims.jsonl as ../shared/gold/FORMAT.md defines them.

A stable contract (the scorers read it): offsets into each document's original text,
`doc` the source file name, `place` a list of names with the canonical one first.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from wartrace.errors import InputError
from wartrace.store import Store


def _place_names(row: dict[str, Any]) -> list[str]:
    if not row.get("place_name"):
        return []
    names = [row["place_name"]]
    for alias in json.loads(row.get("place_aliases_json") or "[]"):
        if alias not in names:
            names.append(alias)
    return names


def _number(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc": row["doc_name"], "start": row["start_offset"], "end": row["end_offset"], "quote": row["quote"],
        "type": row["type"], "date": row["date"], "date_precision": row["date_precision"],
        "place": _place_names(row), "place_kind": row["place_kind"],
        "actors": json.loads(row["actors_json"]), "target": row["target"],
    }


def claim_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc": row["doc_name"], "start": row["start_offset"], "end": row["end_offset"], "quote": row["quote"],
        "what": row["what"], "who": row["who"], "low": _number(row["low"]), "high": _number(row["high"]),
        "qualifier": row["qualifier"], "attributed_to": row["attributed_to"], "as_of": row["as_of"],
        "place": _place_names(row), "actor": row["actor"],
    }


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, path)  # never leave a half-written export behind


def export_gold(store: Store, out: str) -> dict[str, int]:
    """Write OUT/events.jsonl and OUT/claims.jsonl; returns the record counts."""
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        events = [event_record(r) for r in store.rows("events")]
        claims = [claim_record(r) for r in store.rows("claims")]
        _write_jsonl(folder / "events.jsonl", events)
        _write_jsonl(folder / "claims.jsonl", claims)
    except OSError as err:
        raise InputError("WT112", path=out, reason=err.strerror or str(err)) from None
    return {"events": len(events), "claims": len(claims)}

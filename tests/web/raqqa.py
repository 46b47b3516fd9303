"""A database over the Raqqa corpus for the browser tests.

The real pipeline runs (`wartrace run` on shared/corpus/raqqa-2017); its output must
hold events, a change of control and a contradiction for the pages to show. The hostile
XSS report is added to it.
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import RAQQA
from tests.export.builders import XSS, E, C, add_document
from wartrace.model import PlaceRef
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
    """Build the browser tests' database at `path`."""
    store = open_store(str(path))
    try:
        run(store, [str(RAQQA)])
        missing = _missing(store)
        assert missing is None, f"the pipeline's output on the Raqqa corpus has {missing}"
        xss = add_document(store, "xss-report.txt", XSS, events=[
            E('<img src=x onerror="window.xssFlag = 2"> fighters attacked al-Sinaa', "clash", date="2017-06-07",
              date_precision="day", place=_gazetteer()["al-sinaa"],
              actors=('<img src=x onerror="window.xssFlag=4">',), target="<script>window.xssFlag=5</script>"),
        ], claims=[C("At least 3 people were killed", "killed", 3, None, "at_least", who="all", as_of="2017-06-07")])
        reconcile_corpus(store)
        events = len(store.rows("events"))
    finally:
        store.close()
    return {"events": events, "xss_doc": xss}

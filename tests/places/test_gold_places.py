"""Every place variant of the Raqqa gold resolves, at its span, to one canonical place.

Gold records give a list of accepted names (canonical first, then corpus variants) and a
span of the original text. For every occurrence of any variant inside a record's span,
the places stage must put a mention there, and all variants of one list must resolve to
the same place id, distinct from the ids of other lists.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache

import pytest

from tests.conftest import RAQQA, RAQQA_GOLD

pytestmark = pytest.mark.skipif(not RAQQA_GOLD.is_dir(), reason="../shared is not available")


@lru_cache(maxsize=None)
def _doc(name: str):
    from wartrace.ingest import load_path

    return load_path(str(RAQQA / name))


def _gold_records():
    for part in ("events", "claims"):
        for line in (RAQQA_GOLD / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("place"):
                yield rec


def _occurrences(raw: str, rec: dict):
    """(variant list, raw start, raw end) of each variant found inside the record span;
    a variant inside a longer variant of any list is skipped (al-Sinaa in
    "al-Sinaa industrial zone")."""
    span = raw[rec["start"]:rec["end"]]
    found = []
    for v in rec["place"]:
        for m in re.finditer(r"(?<!\w)" + re.escape(v) + r"(?!\w)", span, re.IGNORECASE):
            found.append((m.start() + rec["start"], m.end() + rec["start"]))
    found.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    kept = []
    for s, e in found:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return kept


def _all_variants():
    return sorted({v for rec in _gold_records() for v in rec["place"]}, key=len, reverse=True)


def test_every_gold_place_variant_resolves_to_one_place(places_stage):
    ids_of_list: dict[tuple, set] = defaultdict(set)
    missing = []
    longer = _all_variants()
    for rec in _gold_records():
        doc = _doc(rec["doc"])
        mentions = places_stage.find(doc.text, doc.metadata)
        raw_spans = [(doc.clean.raw_span(m.start, m.end), m) for m in mentions]
        raw = doc.original_text
        for s, e in _occurrences(raw, rec):
            # skip a variant that is part of a longer name of another list in the text
            if any(len(v) > e - s and raw[s:s + len(v)].lower() == v.lower() for v in longer
                   if v not in rec["place"]):
                continue
            hits = [m for span, m in raw_spans if span.start < e and s < span.end]
            if not hits:
                missing.append((rec["doc"], s, raw[s:e]))
                continue
            ids_of_list[tuple(rec["place"])].add(hits[0].place.id)
    assert not missing, f"no mention at gold place spans: {missing}"
    split = {k: v for k, v in ids_of_list.items() if len(v) != 1}
    assert not split, f"variants of one place resolved to several places: {split}"
    owner: dict[str, tuple] = {}
    for names, ids in ids_of_list.items():
        (pid,) = ids
        assert pid not in owner, f"{names} and {owner.get(pid)} resolved to the same place {pid}"
        owner[pid] = names


def test_every_resolved_place_has_coordinates(places_stage):
    for path in sorted(RAQQA.glob("*.txt")):
        doc = _doc(path.name)
        for m in places_stage.find(doc.text, doc.metadata):
            assert m.place.lat is not None and m.place.lon is not None, m
            assert m.place.geo_precision in (1, 2, 3) and 1 <= m.place.where_prec <= 7, m


def test_raqqa_neighbourhoods_lie_within_5_km_of_the_centre(places_stage):
    from wartrace.places.resolve import distance_km

    centre = places_stage.index.entries["raqqa:raqqa"]
    hoods = [e for e in places_stage.index.entries.values()
             if places_stage.index.local_of.get(e.id) == "raqqa" and e.kind == "neighbourhood"]
    assert len(hoods) >= 30
    for e in hoods:
        assert distance_km(e.lat, e.lon, centre.lat, centre.lon) < 5, e.name

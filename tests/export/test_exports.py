"""Every export format, read back with a real parser, on a small hand-built database."""
from __future__ import annotations

import csv
import json

import pytest

from tests.export.builders import build_store
from wartrace.export import EXPORTERS
from wartrace.export import acled, ucdp


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from wartrace.store import open_store

    folder = tmp_path_factory.mktemp("export")
    store = open_store(str(folder / "hand.db"))
    ids = build_store(store)
    yield store, ids, folder
    store.close()


def _export(built, fmt: str) -> tuple[dict[str, int], object]:
    store, _ids, folder = built
    out = folder / fmt
    return EXPORTERS[fmt](store, str(out)), out


def _csv(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_format_is_registered():
    assert {"gold", "acled", "ucdp", "geojson", "jsonl", "csv"} <= set(EXPORTERS)


def test_acled_columns_in_order_and_known_rows(built):
    counts, out = _export(built, "acled")
    with open(out / "acled.csv", newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == acled.COLUMNS and len(header) == 31
    rows = _csv(out / "acled.csv")
    assert counts["acled rows"] == len(rows) == 8
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    # Two reports of one strike merge into one row; "dozens" counts 12 under ACLED's convention
    # (the stored claim says at least 24), and the lowest report wins over 31.
    assert strike["fatalities"] == "12"
    assert strike["event_type"] == "Explosions/Remote violence" and strike["disorder_type"] == "Political violence"
    assert strike["event_date"] == "2017-06-08" and strike["time_precision"] == "1" and strike["year"] == "2017"
    assert strike["civilian_targeting"] == "Civilian targeting" and strike["inter2"] == "7"
    assert strike["source"] == "Raqqa Monitor; wire.txt" and "[2 reports]" in strike["notes"]
    assert (strike["iso"], strike["country"], strike["region"]) == ("760", "Syria", "Middle East")
    assert strike["event_id_cnty"].startswith("SYR")
    assert (float(strike["latitude"]), float(strike["longitude"]), strike["geo_precision"]) == (35.95, 39.045, "1")
    shelling = next(r for r in rows if r["sub_event_type"].startswith("Shelling"))
    assert shelling["fatalities"] == "9"  # 7 civilians + 2 SDF fighters in one report
    assert (shelling["actor1"], shelling["actor2"], shelling["inter1"]) == ("ISIL", "SDF", "2")
    assert shelling["interaction"] == "22"
    army = next(r for r in rows if r["actor1"] == "Syrian Army")
    assert army["sub_event_type"] == "Government regains territory" and army["interaction"] == "12"
    assert (army["time_precision"], army["event_date"]) == ("3", "2017-06-15")  # a month: its 15th
    sdf = [r for r in rows if r["actor1"] == "SDF" and r["event_type"] == "Battles"]
    assert {r["sub_event_type"] for r in sdf} >= {"Non-state actor overtakes territory", "Armed clash"}
    week = next(r for r in rows if r["location"] == "eastern outskirts")
    # A week-precision event keeps precision 2, dated inside its span, at the parent city's point.
    assert (week["time_precision"], week["event_date"], week["geo_precision"]) == ("2", "2017-06-14", "2")
    assert (float(week["latitude"]), float(week["longitude"])) == (35.9528, 39.0079)


def test_acled_ids_are_stable_across_exports(built):
    _, out = _export(built, "acled")
    first = [r["event_id_cnty"] for r in _csv(out / "acled.csv")]
    _, out = _export(built, "acled")
    assert [r["event_id_cnty"] for r in _csv(out / "acled.csv")] == first
    assert len(set(first)) == len(first)


def test_acled_vague_numbers():
    def claim(quote, low):
        return {"quote": quote, "low": low, "high": None, "doc_id": "d", "who": "civilians"}

    assert acled.acled_figure(claim("dozens of civilians", 24)) == 12
    assert acled.acled_figure(claim("tens of people", 20)) == 10
    assert acled.acled_figure(claim("hundreds of people", 200)) == 100
    assert acled.acled_figure(claim("tens of thousands", 20000)) == 20000
    assert acled.fatalities([claim("5 people", 5), {**claim("9 people", 9), "doc_id": "e"}]) == 5


def test_ucdp_only_events_with_deaths(built):
    counts, out = _export(built, "ucdp")
    with open(out / "ucdp_ged.csv", newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == ucdp.COLUMNS and len(header) == 49
    rows = _csv(out / "ucdp_ged.csv")
    assert counts["ucdp rows"] == len(rows) == 2 and counts["skipped_no_deaths"] == 6
    strike = next(r for r in rows if r["side_a"] == "US-led coalition")
    # GED keeps the stated figures: "dozens" stays at least 24 here; the ledger's ucdp.v1 estimate.
    assert (strike["best"], strike["low"], strike["high"]) == ("24", "24", "31")
    assert strike["deaths_civilians"] == "24" and strike["deaths_unknown"] == "0"
    assert strike["type_of_violence"] == "3" and strike["number_of_sources"] == "2"
    assert (strike["date_prec"], strike["date_start"], strike["date_end"]) == ("1", "2017-06-08", "2017-06-08")
    assert (strike["where_prec"], strike["where_coordinates"]) == ("1", "al-Sinaa")
    assert strike["geom_wkt"] == "POINT (39.045 35.95)"
    assert "Raqqa Monitor" in strike["source_article"] and strike["country_id"] == "760"
    shelling = next(r for r in rows if r["side_a"] == "ISIL")
    assert (shelling["best"], shelling["deaths_civilians"], shelling["deaths_b"]) == ("9", "7", "2")
    assert shelling["side_b"] == "SDF"
    for r in rows:
        parts = sum(int(r[k]) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"))
        assert parts == int(r["best"])


def test_geojson_is_valid_and_carries_evidence(built):
    geojson = pytest.importorskip("geojson")
    shapely_geometry = pytest.importorskip("shapely.geometry")
    counts, out = _export(built, "geojson")
    text = (out / "events.geojson").read_text(encoding="utf-8")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == counts["features"] == 9
    for f in collection["features"]:
        shape = shapely_geometry.shape(f["geometry"])
        assert shape.is_valid and shape.geom_type == "Point"
        assert 39 < shape.x < 39.1 and 35.9 < shape.y < 36  # [longitude, latitude]
    strike = next(f for f in collection["features"] if f["properties"]["doc"] == "wire.txt"
                  and f["properties"]["type"] == "airstrike")
    p = strike["properties"]
    store, ids, _ = built
    doc = store.get_document(ids["wire.txt"])
    assert p["quote"] == doc.original_text[p["start"]:p["end"]]
    assert p["quote"] == doc.text[p["clean_start"]:p["clean_end"]]
    assert p["merged_event"].startswith("airstrike|raqqa:al-sinaa|2017-06-08")


def test_jsonl_events_and_claims_with_evidence(built):
    counts, out = _export(built, "jsonl")
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert counts == {"events": len(events), "claims": len(claims)} and (len(events), len(claims)) == (9, 8)
    store, ids, _ = built
    texts = {i: store.get_document(i).original_text for i in ids.values()}
    for r in events + claims:
        assert texts[r["doc_id"]][r["start"]:r["end"]] == r["quote"]
    capture = next(e for e in events if e["factuality"] == "attributed")
    assert capture["type"] == "capture" and capture["place"] == ["Mashlab", "al-Meshleb"]
    assert capture["date_start"] == capture["date_end"] == "2017-06-15"
    total = next(c for c in claims if c["low"] == 1800)
    assert total["attributed_to"] == "local monitors" and total["group"].startswith("cumulative|killed|civilians")


def test_csv_one_file_per_table(built):
    counts, out = _export(built, "csv")
    assert {"documents", "events", "claims", "places", "claim_groups", "ledger", "contradictions",
            "merged_events", "control_periods", "control_shares"} <= set(counts)
    docs = _csv(out / "documents.csv")
    assert len(docs) == counts["documents"] == 3 and "raw" not in docs[0]
    wire = next(d for d in docs if d["name"] == "wire.txt")
    assert wire["clean_text"].startswith("Raqqa offensive: SDF takes Mashlab\n")  # newlines survive quoting
    contradictions = _csv(out / "contradictions.csv")
    assert len(contradictions) == 1 and "1,800" in contradictions[0]["reason"]
    periods = _csv(out / "control_periods.csv")
    assert [(p["holder"], p["start_date"]) for p in periods if p["place_id"] == "raqqa:mashlab"] == [
        ("ISIL", ""), ("SDF", "2017-06-06"), ("ISIL", "2017-06-10"), ("SDF", "2017-06-15")]


def test_gold_stays_as_it_was(built):
    counts, out = _export(built, "gold")
    first = json.loads((out / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"doc", "start", "end", "quote", "type", "date", "date_precision", "place", "place_kind",
                          "actors", "target"}


def test_exports_leave_no_temporary_files(built):
    for fmt in ("acled", "ucdp", "geojson", "jsonl", "csv"):
        _, out = _export(built, fmt)
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_folder_is_a_one_line_error(built, tmp_path):
    from wartrace.errors import InputError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    store, _, _ = built
    with pytest.raises(InputError) as err:
        EXPORTERS["acled"](store, str(blocker / "sub"))
    assert err.value.code == "WT112"


def test_export_command_writes_each_format(built, tmp_path, cli_run):
    _store, _ids, folder = built
    for fmt in ("acled", "ucdp", "geojson", "jsonl", "csv"):
        result = cli_run("export", "--db", str(folder / "hand.db"), "--format", fmt, "--out", str(tmp_path / fmt))
        assert result.exit_code == 0, result.output
        assert "written to" in result.output

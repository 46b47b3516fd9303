"""A second city, our own text, and a user gazetteer written by the test (YAML, CSV, GeoJSON)."""
from __future__ import annotations

import json

import pytest

from wartrace.places import PlacesConfig, PlacesStage, load_gazetteer

# Our own words: a short, plausible report on fighting in Mosul's eastern districts.
REPORT = """Iraqi troops push deeper into eastern Mosul

Iraqi special forces entered the al-Zohour district of Mosul on Monday after a night of
heavy fighting, officers said. By the evening they had reached the edge of Zuhur market.
Further south, the Counter Terrorism Service cleared the Mohandessin neighbourhood, which
residents also call al-Muhandiseen, and secured the Shifa hospital.

Militants fired mortars from the Nebi Younes area across the river. On Tuesday the army
said it held all of Nabi Yunus, and that the fifth bridge had been destroyed.
The Wadi Hajar district of Mosul remained under militant control, and fighting spread
to the village of Bazwaya east of the city."""

YAML = """
gazetteer: mosul-test
version: 3
layer: local
city: mosul-test:mosul
country: IQ
places:
  - {id: "mosul-test:mosul", name: Mosul, kind: city, lat: 36.335, lon: 43.119, same_as: ["geonames:99072"]}
  - {name: al-Zuhur, kind: neighbourhood, lat: 36.360, lon: 43.170, aliases: [Zuhur]}
  - {name: al-Muhandisin, kind: neighbourhood, lat: 36.372, lon: 43.150}
  - {name: Nabi Yunus, kind: neighbourhood, lat: 36.352, lon: 43.160}
  - {name: al-Shifa hospital, kind: site, type: hospital, lat: 36.355, lon: 43.140}
  - {name: Fifth Bridge, kind: site, type: bridge, lat: 36.326, lon: 43.138, aliases: [fifth bridge]}
"""

CSV = """# gazetteer: mosul-csv
# version: 1
# city: mosul-csv:mosul
id,name,kind,lat,lon,parent,aliases,type
mosul-csv:mosul,Mosul,city,36.335,43.119,,,
,al-Zuhur,neighbourhood,36.360,43.170,mosul-csv:mosul,Zuhur,
"""


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "mosul.yaml"
    path.write_text(YAML, encoding="utf-8")
    return PlacesStage(PlacesConfig(user_files=(str(path),)))


def _place_at(mentions, text, word):
    start = text.index(word)
    hits = [m for m in mentions if m.start <= start < m.end]
    assert hits, f"no mention at {word!r}"
    return hits[0].place


def test_variants_resolve_to_the_user_gazetteer(stage):
    ms = stage.find(REPORT)
    assert _place_at(ms, REPORT, "al-Zohour").id == _place_at(ms, REPORT, "Zuhur market").id == "mosul-test:al-zuhur"
    assert _place_at(ms, REPORT, "Mohandessin").id == _place_at(ms, REPORT, "al-Muhandiseen").id
    assert _place_at(ms, REPORT, "Nebi Younes").id == _place_at(ms, REPORT, "Nabi Yunus").id
    assert _place_at(ms, REPORT, "Shifa hospital").name == "al-Shifa hospital"
    assert _place_at(ms, REPORT, "fifth bridge").kind == "site"
    mosul = _place_at(ms, REPORT, "Mosul on Monday")
    assert mosul.id == "mosul-test:mosul" and mosul.gazetteer == "mosul-test@3"


def test_unknown_district_is_kept_as_a_child_of_its_city(stage):
    ms = stage.find(REPORT)
    wadi = _place_at(ms, REPORT, "Wadi Hajar")
    assert wadi.gazetteer == "inferred" and wadi.kind == "neighbourhood"
    assert wadi.parent == "mosul-test:mosul"
    assert (wadi.lat, wadi.lon) == (36.335, 43.119)  # the parent's point...
    assert wadi.geo_precision == 2 and wadi.where_prec == 2  # ...so coded as "near" it
    village = _place_at(ms, REPORT, "Bazwaya")
    assert village.kind == "village" and village.lat is not None


def test_every_place_has_coordinates_and_grades(stage):
    for m in stage.find(REPORT):
        assert m.place.lat is not None, m
        assert m.place.geo_precision in (1, 2, 3), m


def test_city_gazetteer_applies_only_when_its_city_is_named(stage):
    text = "Fighting was reported in the al-Zuhur district of Baghdad."
    place = _place_at(stage.find(text), text, "al-Zuhur")
    assert place.gazetteer == "inferred"  # Mosul's al-Zuhur does not apply to Baghdad
    assert place.parent and place.parent.startswith("geonames:")


def test_csv_and_geojson_loaders(tmp_path):
    csv_path = tmp_path / "mosul.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    g = load_gazetteer(csv_path)
    assert g.label == "mosul-csv@1" and g.city == "mosul-csv:mosul"
    assert g.get("mosul-csv:al-zuhur").aliases == ("Zuhur",)
    geo = {"type": "FeatureCollection", "gazetteer": "mosul-geo", "version": "2", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [43.17, 36.36]},
         "properties": {"name": "al-Zuhur", "kind": "neighbourhood", "aliases": ["Zuhur"]}}]}
    geo_path = tmp_path / "mosul.geojson"
    geo_path.write_text(json.dumps(geo), encoding="utf-8")
    e = load_gazetteer(geo_path).entries[0]
    assert (e.lat, e.lon, e.gazetteer) == (36.36, 43.17, "mosul-geo@2")


def test_bad_gazetteer_file_names_the_problem(tmp_path):
    from wartrace.errors import PolicyError

    bad = tmp_path / "bad.yaml"
    bad.write_text("places:\n  - {name: X, kind: planet}\n", encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load_gazetteer(bad)
    assert err.value.code == "WT303"

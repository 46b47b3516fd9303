"""UCDP GED-style export: DIR/ucdp_ged.csv with the GED candidate header (49 columns).

GED codes only events with at least one direct death, so only merged events with a
killed claim stated in the same sentence as one of their mentions are written.
Columns wartrace cannot know (UCDP's conflict, dyad and side ids, PRIO-GRID cell,
Gleditsch-Ward numbers) are left empty rather than guessed. Rules:

* date_prec: day 1, a stated range of 2-6 days 2, week 3, month 4, year 5; date_start and
  date_end are the first and last day the date can mean;
* where_prec from the place kind (site, neighbourhood, village, city 1; "near" a place
  whose point stands in 2; district 3; governorate 4; larger areas 5; country 6);
  where_coordinates is the *name* of the place whose point is used, as in GED;
* best/low/high: the ledger's `ucdp.v1` estimate when the event's figures form exactly
  one claim group; otherwise low = the lowest figure, high = the highest stated bound,
  best = the lowest report's figure (GED leans to the lower figure);
* deaths_civilians / deaths_a / deaths_b only from claims that name the victims
  (civilians, or the side's own name); the rest of best is deaths_unknown;
* type_of_violence: 3 (one-sided) when civilians are the target, 1 when a state force
  (ACLED inter 1) is a side, else 2.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from wartrace.export.acled import event_number
from wartrace.export.common import Corpus, actor_info, country_table, date_span, number, output_folder, write_csv

COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
    "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
    "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)
UCDP_REGION = {"AF": "Africa", "EU": "Europe", "NA": "Americas", "SA": "Americas", "OC": "Asia"}


def date_prec(date: str | None, precision: str | None) -> tuple[int, str, str] | None:
    span = date_span(date, precision)
    if span is None:
        return None
    days = (dt.date.fromisoformat(span[1]) - dt.date.fromisoformat(span[0])).days + 1
    code = {"day": 1, "month": 4, "year": 5}.get(precision or "day")
    if precision == "week":
        code = 2 if days < 7 else 3
    return code or 1, span[0], span[1]


def _value(c: dict[str, Any]) -> float:
    return c["low"] if c["low"] is not None else (c["high"] or 0)


def estimate(corpus: Corpus, claims: list[dict[str, Any]]) -> tuple[float, float, float]:
    """(best, low, high) for an event's killed claims."""
    groups = {corpus.claim_groups[c["id"]]["key"] for c in claims if c["id"] in corpus.claim_groups}
    if len(groups) == 1 and all(c["id"] in corpus.claim_groups for c in claims):
        est = corpus.estimates.get((groups.pop(), "ucdp.v1"))
        if est and est["best"] is not None:
            low = est["low"] if est["low"] is not None else est["best"]
            high = est["high"] if est["high"] is not None else max(est["best"], low)
            return est["best"], low, high
    low_by_doc: dict[str, float] = {}
    high_by_doc: dict[str, float] = {}
    for c in claims:  # a report's figures for different victims add up
        low_by_doc[c["doc_id"]] = low_by_doc.get(c["doc_id"], 0) + _value(c)
        high_by_doc[c["doc_id"]] = high_by_doc.get(c["doc_id"], 0) + (c["high"] if c["high"] is not None
                                                                       else _value(c))
    best = min(low_by_doc.values())  # GED leans to the lower figure
    return best, best, max(high_by_doc.values())


def _category(claims: list[dict[str, Any]], wanted: Any) -> float:
    """Deaths of one victim category: the lowest report's figure, among reports that state it."""
    per_doc: dict[str, float] = {}
    for c in claims:
        if wanted(c["who"]):
            per_doc[c["doc_id"]] = per_doc.get(c["doc_id"], 0) + _value(c)
    return min(per_doc.values()) if per_doc else 0.0


def _matches(who: str | None, side: str | None) -> bool:
    if not who or not side:
        return False
    a, b = actor_info(who), actor_info(side)
    return who.casefold() == side.casefold() or (a is not None and b is not None and a.name == b.name)


def ucdp_rows(corpus: Corpus) -> tuple[list[list[Any]], dict[str, int]]:
    killed = corpus.killed_by_event()
    rows: list[list[Any]] = []
    skipped = {"skipped_no_deaths": 0, "skipped_undated": 0}
    for m in corpus.merged:
        claims = [c for e in m.mentions for c in killed.get(e["id"], [])]
        if not claims:
            skipped["skipped_no_deaths"] += 1
            continue
        when = date_prec(m.date, m.date_precision)
        if when is None:
            skipped["skipped_undated"] += 1
            continue
        best, low, high = estimate(corpus, claims)
        if max(best, low, high) < 1:
            skipped["skipped_no_deaths"] += 1
            continue
        place = corpus.places.info(m.place_id)
        side_a = m.actors[0] if m.actors else ""
        side_b = m.target or ("Civilians" if m.type == "violence_against_civilians" else "")
        a, b = actor_info(side_a), actor_info(side_b)
        one_sided = m.type == "violence_against_civilians" or (b is not None and b.inter == 7)
        if one_sided:
            violence = 3
        elif (a and a.inter == 1) or (b and b.inter == 1):
            violence = 1
            if b and b.inter == 1 and not (a and a.inter == 1):  # GED puts the government on side A
                side_a, side_b = side_b, side_a
        else:
            violence = 2
        civ = _category(claims, lambda who: (who or "").casefold() == "civilians")
        dead_a = _category(claims, lambda who: _matches(who, side_a))
        dead_b = 0.0 if one_sided else _category(claims, lambda who: _matches(who, side_b))
        named = civ + dead_a + dead_b
        if named > best:  # the categories come from different reports than best: keep them within it
            civ = dead_a = dead_b = named = 0.0
        country = country_table().get((place.country if place else None) or "", {})
        sources = []
        for e in m.mentions:
            d = corpus.documents.get(e["doc_id"], {})
            sources.append(f"{corpus.publisher(e['doc_id'])}, {d.get('published') or 'n.d.'}, "
                           f"\"{d.get('title') or d.get('name')}\"")
        docs = sorted({e["doc_id"] for e in m.mentions})
        dates = sorted({corpus.documents.get(d, {}).get("published") or "" for d in docs} - {""})
        lead = m.mentions[0]
        rows.append([
            event_number(m.key), m.key, when[1][:4], "", "", violence, "", "", "", "", "",
            f"{side_a} - {side_b}" if side_b else side_a, "", "", side_a, "", "", side_b, len(docs),
            "; ".join(dict.fromkeys(sources)), "", "; ".join(dates), "", " ".join(lead["quote"].split()),
            place.where_prec if place else 6, (place.point_of or "") if place else "",
            "; ".join(place.chain) if place else "", place.admin1 if place else "", place.admin2 if place else "",
            round(place.lat, 4) if place and place.lat is not None else "",
            round(place.lon, 4) if place and place.lon is not None else "",
            f"POINT ({place.lon} {place.lat})" if place and place.lat is not None else "", "",
            (place.country_name if place else "") or "", country.get("isonumeric") or "",
            "Middle East" if (place and place.country in {"SY", "IQ", "YE", "LB", "IL", "PS", "IR", "TR", "SA"})
            else UCDP_REGION.get(country.get("continent") or "", "Asia" if country else ""),
            1, when[0], when[1], when[2], number(dead_a) if dead_a else 0, number(dead_b) if dead_b else 0,
            number(civ) if civ else 0, number(best - named), number(best), number(high), number(low), "", "",
        ])
    rows.sort(key=lambda r: (r[38], r[0]))
    return rows, skipped


def export_ucdp(store: Any, out: str) -> dict[str, int]:
    """Write OUT/ucdp_ged.csv; returns the row count and how many events were left out and why."""
    corpus = Corpus.load(store)
    rows, skipped = ucdp_rows(corpus)
    with output_folder(out) as folder:
        n = write_csv(folder / "ucdp_ged.csv", COLUMNS, rows)
    return {"ucdp rows": n, **skipped}

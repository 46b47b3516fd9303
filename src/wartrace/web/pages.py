"""The HTML pages. Each route gathers plain data and renders one Jinja template; the
templates are autoescaped, and the only pre-built HTML (highlighted text) is built by
`highlight.highlight` from escaped pieces."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

import jinja2
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from wartrace import __version__
from wartrace.reconcile import POLICIES
from wartrace.store.ledger import conflicts_view, ledger_view
from wartrace.web import mapview
from wartrace.web.data import EVENT_TYPES, ReadOnlyStore, holder_on, search
from wartrace.web.highlight import Mark, highlight
from wartrace.web.urls import (claim_url, document_url, event_url, group_anchor, ledger_url, place_url,
                               timeline_url)

router = APIRouter(include_in_schema=False)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FOCUS_RE = re.compile(r"^(?:(event|claim)-(\d{1,12})|hit-(\d{1,12})-(\d{1,12}))$")


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("wartrace.web", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        document_url=document_url, event_url=event_url, claim_url=claim_url, place_url=place_url,
        timeline_url=timeline_url, ledger_url=ledger_url, group_anchor=group_anchor, type_colour=mapview.type_colour,
        version=__version__, event_types=EVENT_TYPES,
    )
    env.filters["num"] = _num
    env.filters["label"] = lambda s: (s or "").replace("_", " ")
    return env


def _num(x: Any) -> str:
    if x is None:
        return "–"
    x = float(x)
    return f"{x:,.0f}" if x.is_integer() else f"{x:,.1f}"


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    html = env.get_template(template).render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def _store(request: Request) -> ReadOnlyStore:
    return request.app.state.store


def _clean_date(value: str | None) -> str | None:
    return value if value and DATE_RE.match(value) else None


# --- overview -------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    store = _store(request)
    return render(request, "index.html", title="wartrace", stats=store.stats(), documents=store.documents())


# --- timeline -------------------------------------------------------------------------


def _timeline_svg(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    dated = [e for e in events if e["date_start"]]
    if not dated:
        return None
    first = min(dt.date.fromisoformat(e["date_start"]) for e in dated)
    last = max(dt.date.fromisoformat(e["date_end"]) for e in dated)
    days = (last - first).days + 1
    width, left, right = 1000.0, 30.0, 20.0
    per_day = (width - left - right) / days
    stack: dict[str, int] = defaultdict(int)
    marks = []
    for e in sorted(dated, key=lambda e: (e["date_start"], e["date_end"], e["id"])):
        start = dt.date.fromisoformat(e["date_start"])
        end = dt.date.fromisoformat(e["date_end"])
        k = stack[e["date_start"]]
        stack[e["date_start"]] += 1
        x = left + ((start - first).days + 0.5) * per_day
        x2 = left + ((end - first).days + 0.5) * per_day
        marks.append({"event": e, "x": round(x, 1), "x2": round(x2, 1), "y": 30 + k * 9,
                      "colour": mapview.type_colour(e["type"])})
    height = 50 + max(stack.values()) * 9
    ticks = []
    step = 1 if days <= 14 else 7 if days <= 120 else 0
    day = first
    while day <= last:
        if (step and (day - first).days % step == 0) or (not step and day.day == 1):
            ticks.append({"x": round(left + ((day - first).days + 0.5) * per_day, 1),
                          "label": day.isoformat() if step else day.strftime("%b %Y")})
        day += dt.timedelta(days=1)
    return {"width": width, "height": height, "marks": marks, "ticks": ticks, "axis_y": height - 18,
            "first": first.isoformat(), "last": last.isoformat()}


def _day_label(e: dict[str, Any]) -> str:
    if not e["date"]:
        return "undated"
    if e["date_precision"] == "week":
        return f"week of {e['date_start']} – {e['date_end']}"
    if e["date_precision"] in ("month", "year"):
        return f"{e['date']} ({e['date_precision']})"
    return e["date_start"] or e["date"]


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    store = _store(request)
    q = request.query_params
    types = [t for t in q.getlist("type") if t in EVENT_TYPES]
    actor = (q.get("actor") or "")[:200] or None
    place = (q.get("place") or "")[:200] or None
    date_from, date_to = _clean_date(q.get("from")), _clean_date(q.get("to"))
    events = store.events(types, actor, place, date_from, date_to)
    days: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(events, key=lambda e: (e["date_start"] or "9999", e["date_precision"] != "day", e["doc_name"],
                                           e["start_offset"])):
        days.setdefault(_day_label(e), []).append(e)
    places = [p for p in store.places() if p["events"]]
    return render(request, "timeline.html", title="Timeline", events=events, days=days, svg=_timeline_svg(events),
                  types=types, actor=actor, place=place, date_from=date_from, date_to=date_to,
                  actors=[a["name"] for a in store.actors()], places=places,
                  counts={t: sum(1 for e in events if e["type"] == t) for t in EVENT_TYPES})


# --- map ----------------------------------------------------------------------------


def map_model(store: ReadOnlyStore, date: str | None, tile_url: str | None) -> dict[str, Any]:
    periods = store.periods()
    places = {p["id"]: p for p in store.places() if p["latitude"] is not None and p["longitude"] is not None}
    events = store.all_events()
    dates = sorted({d for p in periods for d in (p["start_date"], p["end_date"]) if d} |
                   {e["date_start"] for e in events if e["date_start"]} |
                   {e["date_end"] for e in events if e["date_end"]})
    first = dt.date.fromisoformat(dates[0]) if dates else None
    last = dt.date.fromisoformat(dates[-1]) if dates else None
    if date and DAY_RE.match(date) and first:
        try:
            chosen = min(max(dt.date.fromisoformat(date), first), last)
        except ValueError:
            chosen = last
    else:  # the last change of hands: the final picture, without trailing aftermath dates
        starts = [p["start_date"] for p in periods if p["start_date"]]
        chosen = dt.date.fromisoformat(max(starts)) if starts else last
    day = chosen.isoformat() if chosen else None
    controlled = {p["place_id"] for p in periods}
    colours = mapview.holder_colours([p["holder"] for p in periods])
    by_place: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if e["place_id"] in places:
            by_place[e["place_id"]].append(e)
    frame = mapview.fit(mapview.core_points(
        [(p["latitude"], p["longitude"], len(by_place.get(pid, ())) + (pid in controlled)) for pid, p in places.items()]))
    shapes = []
    if frame:
        u = frame.unit
        radius = {"city": 16, "town": 14, "village": 11, "region": 18, "neighbourhood": 11, "site": 8}
        for pid, p in sorted(places.items(), key=lambda kv: -radius.get(kv[1]["kind"], 9)):
            x, y = mapview.world_px(p["latitude"], p["longitude"], frame.zoom)
            holder = holder_on(periods, pid, day) if day and pid in controlled else None
            shapes.append({
                "place": p, "x": round(x, 2), "y": round(y, 2), "r": round(radius.get(p["kind"], 9) * u, 2),
                "holder": holder, "controlled": pid in controlled,
                "fill": colours.get(holder, mapview.NO_HOLDER) if pid in controlled else "#ffffff",
                "events": len(by_place.get(pid, ())),
                "types": sorted({e["type"] for e in by_place.get(pid, ())}),
            })
    today = [e for e in events if day and e["date_start"] and e["date_start"] <= day <= e["date_end"]]
    return {
        "frame": frame, "shapes": shapes, "unit": frame.unit if frame else 1,
        "tiles": mapview.tiles(frame, tile_url) if frame and tile_url else [],
        "scale": mapview.scale_bar(frame, sum(p["latitude"] for p in places.values()) / len(places)) if frame else None,
        "colours": colours, "day": day, "first": first.isoformat() if first else None,
        "span": (last - first).days if first else 0, "index": (chosen - first).days if first else 0,
        "control": [{"place_id": pid, "place": next((p["place_name"] for p in periods if p["place_id"] == pid), pid),
                     "holder": holder_on(periods, pid, day) if day else None}
                    for pid in sorted(controlled, key=lambda i: next((p["place_name"] or i for p in periods
                                                                      if p["place_id"] == i), i))],
        "today": today, "no_coordinates": sorted(controlled - set(places)),
    }


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    model = map_model(_store(request), request.query_params.get("date"), request.app.state.tile_url)
    return render(request, "map.html", title="Map", tile_url=request.app.state.tile_url, **model)


# --- ledger -------------------------------------------------------------------------


@router.get("/ledger", response_class=HTMLResponse)
def ledger(request: Request) -> HTMLResponse:
    store = _store(request)
    what = (request.query_params.get("what") or "")[:40] or None
    policies = sorted(POLICIES)
    views = {p: {r["group"]: r for r in ledger_view(store, p)} for p in policies}
    groups = list(views[policies[0]].values()) if policies else []
    if what:
        groups = [g for g in groups if g["what"] == what]
    conflicts = conflicts_view(store)
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in conflicts:
        by_group[c["group"]].append(c)
    doc_of = {r["id"]: r["doc_id"] for r in store.query("SELECT id, doc_id FROM claims")}
    contradicted = {c[side]["claim_id"] for c in conflicts for side in ("first", "second")}
    estimates = {g["group"]: [{"policy": p, **{k: views[p].get(g["group"], {}).get(k)
                                               for k in ("best", "low", "high", "explanation")}}
                              for p in policies] for g in groups}
    whats = sorted({g["what"] for g in views[policies[0]].values()}) if policies else []
    groups.sort(key=lambda g: (not g["contradicted"], g["what"], g["scope"] or "", g["group"]))
    return render(request, "ledger.html", title="Ledger", groups=groups, estimates=estimates, conflicts=conflicts,
                  conflicts_by_group=by_group, doc_of=doc_of, contradicted=contradicted, what=what, whats=whats)


# --- documents ----------------------------------------------------------------------


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request) -> HTMLResponse:
    return render(request, "documents.html", title="Documents", documents=_store(request).documents())


def _marks(events: list[dict[str, Any]], claims: list[dict[str, Any]], original: bool) -> list[Mark]:
    s, e_ = ("start_offset", "end_offset") if original else ("clean_start", "clean_end")
    marks = [Mark(e[s], e[e_], f"event-{e['id']}", "event", f"t-{e['type']}", event_url(e["id"]),
                  f"{e['type'].replace('_', ' ')} {e['date'] or ''}".strip()) for e in events]
    marks += [Mark(c[s], c[e_], f"claim-{c['id']}", "claim", "", claim_url(c["id"]),
                   f"{c['what']}: {_num(c['low'])}"
                   + (f"–{_num(c['high'])}" if c["high"] not in (None, c["low"]) else ""))
              for c in claims]
    return marks


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    store = _store(request)
    d = store.document(doc_id)
    if d is None:
        raise HTTPException(404, f"No document {doc_id!r}.")
    original = request.query_params.get("text") == "original"
    focus = request.query_params.get("focus")
    m = FOCUS_RE.match(focus or "")
    focus = focus if m else None
    events = store.events_where("e.doc_id = :d", d=doc_id)
    events.sort(key=lambda e: (e["start_offset"], e["id"]))
    claims = store.claims_where("c.doc_id = :d", d=doc_id)
    text = d["original_text"] if original else d["clean_text"]
    marks = _marks(events, claims, original)
    if m and m.group(3) and not original:
        marks.append(Mark(int(m.group(3)), int(m.group(4)), focus, "hit", "", None, "search result"))
    return render(request, "document.html", title=d["title"] or d["name"], doc=d, events=events, claims=claims,
                  text=highlight(text, marks, focus), original=original, focus=focus)


# --- events, claims, places, actors -------------------------------------------------


def _context(store: ReadOnlyStore, row: dict[str, Any], key: str, kind: str) -> Any:
    """The sentence the evidence stands in, with the evidence marked."""
    doc = store.document(row["doc_id"])
    if doc is None:
        return None
    text = doc["clean_text"]
    sentences = store.sentences(row["doc_id"])
    a, b = row["clean_start"], row["clean_end"]
    if 0 <= row["sentence"] < len(sentences):
        s = sentences[row["sentence"]]
        a, b = min(a, s["start"]), max(b, s["end"])
    return highlight(text[a:b], [Mark(row["clean_start"] - a, row["clean_end"] - a, key, kind, "", None, kind)],
                     focus=key)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: int) -> HTMLResponse:
    store = _store(request)
    e = store.event(event_id)
    if e is None:
        raise HTTPException(404, f"No event {event_id}.")
    merged = store.one("SELECT * FROM merged_events WHERE key = :k", k=e["merged_key"]) if e["merged_key"] else None
    siblings = store.events_where("m.merged_key = :k AND e.id <> :id", k=e["merged_key"], id=event_id) \
        if e["merged_key"] else []
    claims = store.claims_where("c.doc_id = :d AND c.sentence = :s", d=e["doc_id"], s=e["sentence"])
    periods = [p for p in store.periods() if event_id in p["evidence"]]
    return render(request, "event.html", title=f"Event {event_id}", e=e, merged=merged, siblings=siblings,
                  claims=claims, periods=periods, context=_context(store, e, f"event-{event_id}", "event"))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: int) -> HTMLResponse:
    store = _store(request)
    c = store.claim(claim_id)
    if c is None:
        raise HTTPException(404, f"No claim {claim_id}.")
    estimates = store.query("SELECT * FROM ledger WHERE group_key = :g ORDER BY policy", g=c["group_key"]) \
        if c["group_key"] else []
    group = store.one("SELECT * FROM claim_groups WHERE key = :g", g=c["group_key"]) if c["group_key"] else None
    conflicts = [x for x in conflicts_view(store) if claim_id in (x["first"]["claim_id"], x["second"]["claim_id"])]
    return render(request, "claim.html", title=f"Claim {claim_id}", c=c, group=group, estimates=estimates,
                  conflicts=conflicts, context=_context(store, c, f"claim-{claim_id}", "claim"))


@router.get("/places", response_class=HTMLResponse)
def places(request: Request) -> HTMLResponse:
    return render(request, "places.html", title="Places", places=_store(request).places())


@router.get("/places/{place_id:path}", response_class=HTMLResponse)
def place(request: Request, place_id: str) -> HTMLResponse:
    store = _store(request)
    p = store.place(place_id)
    periods = [x for x in store.periods() if x["place_id"] == place_id]
    if p is None and not periods:
        raise HTTPException(404, f"No place {place_id!r}.")
    events = store.events(place=place_id)
    claims = store.claims_where("c.place_id = :p AND d.superseded_by IS NULL", p=place_id)
    return render(request, "place.html", title=(p or {}).get("name") or place_id, p=p, place_id=place_id,
                  periods=periods, events=events, claims=claims)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request) -> HTMLResponse:
    return render(request, "actors.html", title="Actors", actors=_store(request).actors())


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    q = (request.query_params.get("q") or "")[:200]
    hits = search(_store(request), q) if q.strip() else []
    return render(request, "search.html", title="Search", q=q, hits=hits)


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)


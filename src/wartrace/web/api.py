"""The JSON API under /api. Its OpenAPI description (/api/openapi.json) is generated from
these signatures and models, so the description cannot drift from what is served."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from wartrace.reconcile import POLICIES, resolve_name
from wartrace.store.ledger import conflicts_view, ledger_view
from wartrace.web.data import EVENT_TYPES, ReadOnlyStore, holder_on, search
from wartrace.web.urls import claim_url, document_url, event_url, place_url

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
router = APIRouter(prefix="/api")


# --- models ---------------------------------------------------------------------------


class Evidence(BaseModel):
    doc_id: str = Field(description="SHA-256 of the document's original bytes")
    doc: str = Field(description="the document's file name")
    sentence: int
    start: int = Field(description="offset of the evidence in the original text (code points)")
    end: int
    clean_start: int = Field(description="offset of the evidence in the cleaned text")
    clean_end: int
    quote: str = Field(description="original_text[start:end]")


class EventOut(Evidence):
    id: int
    type: str = Field(description="one of: " + ", ".join(EVENT_TYPES))
    date: str | None
    date_precision: str | None = Field(description="day, week, month or year")
    date_start: str | None = Field(description="first day the date can mean")
    date_end: str | None = Field(description="last day the date can mean")
    place_id: str | None
    place_name: str | None
    place_kind: str | None
    latitude: float | None
    longitude: float | None
    actors: list[str] = Field(description="canonical actor names, initiator first")
    target: str | None
    factuality: str
    merged_event: str | None = Field(description="key of the ledger's merged event this report belongs to")
    url: str = Field(description="the event's page")
    document_url: str = Field(description="the document view with this event's evidence highlighted")


class ClaimOut(Evidence):
    id: int
    what: str
    who: str | None
    low: float | None
    high: float | None
    qualifier: str
    attributed_to: str | None
    as_of: str | None
    place_id: str | None
    place_name: str | None
    actor: str | None
    unit: str | None
    group: str | None = Field(description="key of the ledger's claim group")
    url: str
    document_url: str


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class EventPage(Page):
    items: list[EventOut]


class ClaimPage(Page):
    items: list[ClaimOut]


class DocumentOut(BaseModel):
    id: str
    name: str
    source: str
    version: int
    current: bool
    media_type: str
    title: str | None
    author: str | None
    published: str | None
    language: str | None
    characters: int
    events: int
    claims: int
    url: str


class DocumentText(BaseModel):
    id: str
    name: str
    source: str
    title: str | None
    author: str | None
    published: str | None
    text_kind: Literal["clean", "original"]
    text: str
    events: list[EventOut]
    claims: list[ClaimOut]


class PlaceOut(BaseModel):
    id: str
    name: str
    kind: str
    latitude: float | None
    longitude: float | None
    parent_id: str | None
    aliases: list[str]
    geo_precision: int | None = Field(description="ACLED geo_precision 1-3")
    where_prec: int | None = Field(description="UCDP GED where_prec 1-7")
    gazetteer: str | None
    events: int
    url: str


class ActorOut(BaseModel):
    name: str
    events: int = Field(description="events the actor carried out")
    targeted: int = Field(description="events in which it was the target")
    claims: int
    kind: str | None
    inter: int | None = Field(description="ACLED inter code 1-8, from the shipped actor lists")


class LedgerClaim(BaseModel):
    claim_id: int
    figure: str
    low: float | None
    high: float | None
    qualifier: str | None
    source: str
    attributed_to: str | None
    doc: str
    start: int
    end: int
    quote: str
    as_of: str | None
    current: bool = Field(description="false when a later figure of the group updates it")


class LedgerGroup(BaseModel):
    group: str
    what: str
    who: str | None
    scope: str
    kind: str = Field(description="cumulative or incident")
    unit: str | None
    rule: str
    policy: str | None
    best: float | None
    low: float | None
    high: float | None
    explanation: str | None
    grade: str = Field(description="Airwars scale: Confirmed, Fair, Weak, Contested")
    grade_reason: str
    sources: int
    contradicted: bool
    claims: list[LedgerClaim]


class ConflictSide(BaseModel):
    claim_id: int
    doc: str
    source: str
    start: int
    end: int
    quote: str


class Conflict(BaseModel):
    group: str
    reason: str
    rule: str
    first: ConflictSide
    second: ConflictSide


class Period(BaseModel):
    place_id: str
    place_name: str | None
    holder: str
    start_date: str | None = Field(description="the hold began (null: before the first report)")
    end_date: str | None = Field(description="the hold ended (null: still held at the last report)")
    evidence: list[int] = Field(description="ids of the capture events that started it")
    rule: str
    latitude: float | None
    longitude: float | None


class Control(BaseModel):
    date: str | None
    periods: list[Period]
    holders: dict[str, str | None] = Field(description="place id -> holder on `date` (when a date is given)")


class SearchHit(BaseModel):
    doc_id: str
    doc: str
    title: str | None
    start: int = Field(description="offset in the cleaned text")
    end: int
    before: str
    match: str
    after: str
    url: str


class Summary(BaseModel):
    counts: dict[str, int]
    policies: list[str]
    event_types: list[str]


# --- conversion -------------------------------------------------------------------


def _store(request: Request) -> ReadOnlyStore:
    return request.app.state.store


def event_out(e: dict[str, Any]) -> EventOut:
    return EventOut(
        id=e["id"], doc_id=e["doc_id"], doc=e["doc_name"], sentence=e["sentence"], start=e["start_offset"],
        end=e["end_offset"], clean_start=e["clean_start"], clean_end=e["clean_end"], quote=e["quote"],
        type=e["type"], date=e["date"], date_precision=e["date_precision"], date_start=e["date_start"],
        date_end=e["date_end"], place_id=e["place_id"], place_name=e["place_name"], place_kind=e["place_kind"],
        latitude=e["latitude"], longitude=e["longitude"], actors=e["actors"], target=e["target"],
        factuality=e["factuality"], merged_event=e["merged_key"], url=event_url(e["id"]),
        document_url=document_url(e["doc_id"], f"event-{e['id']}"))


def claim_out(c: dict[str, Any]) -> ClaimOut:
    return ClaimOut(
        id=c["id"], doc_id=c["doc_id"], doc=c["doc_name"], sentence=c["sentence"], start=c["start_offset"],
        end=c["end_offset"], clean_start=c["clean_start"], clean_end=c["clean_end"], quote=c["quote"],
        what=c["what"], who=c["who"], low=c["low"], high=c["high"], qualifier=c["qualifier"],
        attributed_to=c["attributed_to"], as_of=c["as_of"], place_id=c["place_id"], place_name=c["place_name"],
        actor=c["actor"], unit=c["unit"], group=c["group_key"], url=claim_url(c["id"]),
        document_url=document_url(c["doc_id"], f"claim-{c['id']}"))


def place_out(p: dict[str, Any]) -> PlaceOut:
    return PlaceOut(id=p["id"], name=p["name"], kind=p["kind"], latitude=p["latitude"], longitude=p["longitude"],
                    parent_id=p["parent_id"], aliases=p["aliases"], geo_precision=p["geo_precision"],
                    where_prec=p["where_prec"], gazetteer=p["gazetteer"], events=p["events"], url=place_url(p["id"]))


def policy_name(policy: str) -> str:
    try:
        return resolve_name(policy)
    except Exception:  # noqa: BLE001 - a PolicyError, reported as a 422
        raise HTTPException(422, f"unknown policy {policy!r}; known: {', '.join(sorted(POLICIES))}") from None


# --- routes -------------------------------------------------------------------------


@router.get("", response_model=Summary, summary="What the database holds")
def summary(request: Request) -> Summary:
    return Summary(counts=_store(request).stats(), policies=sorted(POLICIES), event_types=list(EVENT_TYPES))


@router.get("/events", response_model=EventPage, summary="Events, filtered")
def events(request: Request,
           type: list[str] = Query(default=[], description="event types (repeat for several)"),  # noqa: A002
           actor: str | None = Query(None, max_length=200, description="an actor or target name"),
           place: str | None = Query(None, max_length=200, description="a place id or name (or its parent's id)"),
           date_from: str | None = Query(None, alias="from", pattern=DATE, description="YYYY[-MM[-DD]]"),
           date_to: str | None = Query(None, alias="to", pattern=DATE, description="YYYY[-MM[-DD]]"),
           doc: str | None = Query(None, max_length=64, description="a document id"),
           limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> EventPage:
    rows = _store(request).events(type, actor, place, date_from, date_to, doc)
    return EventPage(total=len(rows), limit=limit, offset=offset,
                     items=[event_out(e) for e in rows[offset:offset + limit]])


@router.get("/events/{event_id}", response_model=EventOut, summary="One event")
def event(request: Request, event_id: int) -> EventOut:
    e = _store(request).event(event_id)
    if e is None:
        raise HTTPException(404, f"no event {event_id}")
    return event_out(e)


@router.get("/claims", response_model=ClaimPage, summary="Claims, filtered")
def claims(request: Request, what: str | None = Query(None, max_length=40),
           doc: str | None = Query(None, max_length=64),
           limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> ClaimPage:
    rows = _store(request).claims(what, doc)
    return ClaimPage(total=len(rows), limit=limit, offset=offset,
                     items=[claim_out(c) for c in rows[offset:offset + limit]])


@router.get("/claims/{claim_id}", response_model=ClaimOut, summary="One claim")
def claim(request: Request, claim_id: int) -> ClaimOut:
    c = _store(request).claim(claim_id)
    if c is None:
        raise HTTPException(404, f"no claim {claim_id}")
    return claim_out(c)


@router.get("/ledger", response_model=list[LedgerGroup], summary="Claim groups with their estimate under a policy")
def ledger(request: Request,
           policy: str = Query("ucdp", max_length=40, description="ucdp, conservative, range or name.vN"),
           what: str | None = Query(None, max_length=40)) -> list[dict[str, Any]]:
    rows = ledger_view(_store(request), policy_name(policy))
    return [r for r in rows if what is None or r["what"] == what]


@router.get("/conflicts", response_model=list[Conflict], summary="Figures that cannot both be true")
def conflicts(request: Request) -> list[dict[str, Any]]:
    return conflicts_view(_store(request))


@router.get("/control", response_model=Control, summary="Who held each place when")
def control(request: Request, date: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
            place: str | None = Query(None, max_length=200)) -> Control:
    periods = [p for p in _store(request).periods() if place is None or place in (p["place_id"], p["place_name"])]
    holders = {}
    if date:
        holders = {pid: holder_on(periods, pid, date) for pid in sorted({p["place_id"] for p in periods})}
    return Control(date=date, periods=[Period(**{k: p[k] for k in Period.model_fields}) for p in periods],
                   holders=holders)


@router.get("/places", response_model=list[PlaceOut], summary="Places named by events and claims")
def places(request: Request) -> list[PlaceOut]:
    return [place_out(p) for p in _store(request).places()]


@router.get("/places/{place_id:path}", response_model=PlaceOut, summary="One place")
def place(request: Request, place_id: str) -> PlaceOut:
    p = _store(request).place(place_id)
    if p is None:
        raise HTTPException(404, f"no place {place_id!r}")
    return place_out(p)


@router.get("/actors", response_model=list[ActorOut], summary="Actors of the events and claims")
def actors(request: Request) -> list[dict[str, Any]]:
    return _store(request).actors()


@router.get("/documents", response_model=list[DocumentOut], summary="Current documents")
def documents(request: Request) -> list[DocumentOut]:
    return [DocumentOut(**{k: d[k] for k in DocumentOut.model_fields if k != "url"}, url=document_url(d["id"]))
            for d in _store(request).documents()]


@router.get("/documents/{doc_id}", response_model=DocumentText, summary="A document's text with its events and claims")
def document(request: Request, doc_id: str, text: Literal["clean", "original"] = "clean") -> DocumentText:
    store = _store(request)
    d = store.document(doc_id)
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return DocumentText(
        id=d["id"], name=d["name"], source=d["source"], title=d["title"], author=d["author"],
        published=d["published"], text_kind=text, text=d["clean_text"] if text == "clean" else d["original_text"],
        events=[event_out(e) for e in store.events_where("e.doc_id = :d", d=doc_id)],
        claims=[claim_out(c) for c in store.claims_where("c.doc_id = :d", d=doc_id)])


@router.get("/search", response_model=list[SearchHit], summary="Search the cleaned text of the documents")
def search_documents(request: Request, q: str = Query(..., min_length=1, max_length=200)) -> list[SearchHit]:
    return [SearchHit(**h.__dict__, url=document_url(h.doc_id, f"hit-{h.start}-{h.end}"))
            for h in search(_store(request), q)]

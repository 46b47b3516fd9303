"""The JSON API over real HTTP on loopback, against a hand-built database."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest


def get(server, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(server.url + path, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def get_json(server, path: str):
    status, _, body = get(server, path)
    assert status == 200, body
    return json.loads(body)


def test_summary(hand_server):
    data = get_json(hand_server, "/api")
    assert data["counts"]["events"] == 9 and data["counts"]["contradictions"] == 1
    assert "ucdp.v1" in data["policies"] and "capture" in data["event_types"]


def test_events_filters_and_evidence(hand_server):
    page = get_json(hand_server, "/api/events")
    assert page["total"] == 9 and len(page["items"]) == 9
    captures = get_json(hand_server, "/api/events?type=capture&place=raqqa:mashlab")
    assert [e["date"] for e in captures["items"]] == ["2017-06-06", "2017-06-10", "2017-06-15"]
    isil = get_json(hand_server, "/api/events?actor=ISIL&from=2017-06-09&to=2017-06-09")
    # the actor filter matches initiators and targets; a month-dated event overlaps every day of it
    assert sorted(e["type"] for e in isil["items"]) == ["capture", "shelling"]
    assert get_json(hand_server, "/api/events?actor=isil&type=shelling")["total"] == 1
    june = get_json(hand_server, "/api/events?from=2017-06&to=2017-06&limit=2&offset=1")
    assert june["total"] == 9 and len(june["items"]) == 2 and june["offset"] == 1
    e = get_json(hand_server, f"/api/events/{captures['items'][0]['id']}")
    assert e["quote"] == "The SDF captured the Mashlab neighbourhood from ISIL on 6 June 2017"
    assert e["latitude"] == 35.944 and e["actors"] == ["SDF"] and e["target"] == "ISIL"
    assert e["document_url"].endswith(f"?focus=event-{e['id']}#event-{e['id']}")
    doc = get_json(hand_server, f"/api/documents/{e['doc_id']}?text=original")
    assert doc["text"][e["start"]:e["end"]] == e["quote"]
    clean = get_json(hand_server, f"/api/documents/{e['doc_id']}")
    assert clean["text"][e["clean_start"]:e["clean_end"]] == e["quote"]
    assert len(clean["events"]) == 6 and len(clean["claims"]) == 4


def test_claims_ledger_conflicts(hand_server):
    claims = get_json(hand_server, "/api/claims?what=killed")
    assert claims["total"] == 7
    one = get_json(hand_server, f"/api/claims/{claims['items'][0]['id']}")
    assert one["what"] == "killed"
    ledger = get_json(hand_server, "/api/ledger?policy=conservative&what=killed")
    total = next(g for g in ledger if g["kind"] == "cumulative" and g["who"] == "civilians")
    assert total["contradicted"] and total["policy"] == "conservative.v1" and total["best"] == 1130
    assert {c["quote"] for c in total["claims"]} == {"1,130 civilians had been killed",
                                                     "1,800 civilians had been killed"}
    conflicts = get_json(hand_server, "/api/conflicts")
    assert len(conflicts) == 1 and "1,800" in conflicts[0]["reason"]
    status, _, body = get(hand_server, "/api/ledger?policy=median")
    assert status == 422 and b"unknown policy" in body


def test_control_places_actors_documents_search(hand_server):
    control = get_json(hand_server, "/api/control?date=2017-06-12")
    assert control["holders"]["raqqa:mashlab"] == "ISIL"
    mashlab = [p["holder"] for p in control["periods"] if p["place_id"] == "raqqa:mashlab"]
    assert mashlab == ["ISIL", "SDF", "ISIL", "SDF"]
    assert get_json(hand_server, "/api/control?date=2017-06-07")["holders"]["raqqa:mashlab"] == "SDF"
    places = get_json(hand_server, "/api/places")
    assert {"raqqa:mashlab", "raqqa:al-sinaa"} <= {p["id"] for p in places}
    assert get_json(hand_server, "/api/places/raqqa:mashlab")["events"] == 4
    actors = {a["name"]: a for a in get_json(hand_server, "/api/actors")}
    assert actors["SDF"]["events"] == 3 and actors["ISIL"]["inter"] == 2 and actors["US-led coalition"]["inter"] == 8
    docs = get_json(hand_server, "/api/documents")
    assert {d["name"] for d in docs} == {"wire.txt", "monitor.md", "xss.txt"}
    hits = get_json(hand_server, "/api/search?q=mashlab")
    assert len(hits) >= 5 and all(h["match"].lower() == "mashlab" for h in hits)


def test_not_found_and_invalid(hand_server):
    assert get(hand_server, "/api/events/999999")[0] == 404
    assert get(hand_server, "/api/documents/nope")[0] == 404
    assert get(hand_server, "/api/events?from=June")[0] == 422
    assert get(hand_server, "/api/events?limit=100000")[0] == 422


def test_openapi_describes_every_api_route(hand_server):
    spec = get_json(hand_server, "/api/openapi.json")
    assert spec["openapi"].startswith("3.")
    paths = set(spec["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/claims", "/api/claims/{claim_id}", "/api/ledger",
            "/api/conflicts", "/api/control", "/api/places", "/api/places/{place_id}", "/api/actors",
            "/api/documents", "/api/documents/{doc_id}", "/api/search"} <= paths
    assert all(p.startswith("/api") for p in paths)  # HTML pages are not part of the API
    assert "EventOut" in spec["components"]["schemas"]
    # The served description is the one FastAPI builds from the code.
    from wartrace.web.app import create_app

    app = create_app(str(hand_server_db(hand_server)))
    assert set(app.app.openapi()["paths"]) == paths


def hand_server_db(server):
    return server.proc.args[server.proc.args.index("--db") + 1]


@pytest.mark.parametrize("path", ["/", "/timeline", "/timeline?type=capture&actor=SDF&from=2017-06-01&to=2017-06-30",
                                  "/map", "/map?date=2017-06-12", "/ledger", "/ledger?what=killed", "/documents",
                                  "/places", "/places/raqqa:mashlab", "/actors", "/search?q=Mashlab", "/events/1",
                                  "/claims/1"])
def test_pages_render(hand_server, path):
    status, headers, body = get(hand_server, path)
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"<script>window" not in body


def test_document_page_links_every_span(hand_server):
    docs = get_json(hand_server, "/api/documents")
    wire = next(d for d in docs if d["name"] == "wire.txt")
    status, _, body = get(hand_server, wire["url"] + "?focus=event-1")
    html = body.decode()
    assert status == 200
    for e in get_json(hand_server, f"/api/events?doc={wire['id']}")["items"]:
        assert f'id="event-{e["id"]}"' in html and f'href="/events/{e["id"]}"' in html
    assert 'class="hl hl-event t-capture focus"' in html

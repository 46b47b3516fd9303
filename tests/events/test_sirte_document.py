"""A test document of our own about another battle (Sirte, 2016) with its expected events.

The text (data/sirte_2016.md) is written for this test; the facts follow the public record
loosely, the words are ours. Places, actors and dates are handed in as the other stages
would hand them in, so the test checks the events rules alone. The expected list is what
an annotator following ../shared/gold/FORMAT.md would write; it includes the traps: a
modal forecast, a failed raid, a back-reference ("With the hospital captured"), partial
control ("most of"), commentary ("The fall of Sirte was a severe blow") and a discovery
with no named finder.
"""
from __future__ import annotations

from pathlib import Path

from tests.events.docbuilder import build, events_of

TEXT = (Path(__file__).parent / "data" / "sirte_2016.md").read_text(encoding="utf-8")

PLACES = {
    "Sirte": ("Sirte", "city", 31.2, 16.59),
    "Dollar district": ("Dollar", "neighbourhood"),
    "District 1": ("District 1", "neighbourhood"),
    "District 2": ("District 2", "neighbourhood"),
    "District 3": ("District 3", "neighbourhood"),
    "Giza Bahriya": ("Giza Bahriya", "neighbourhood"),
    "Ouagadougou Conference Centre": ("Ouagadougou Conference Centre", "site"),
    "North Africa": ("North Africa", "region"),
}
ACTORS = {
    "Government of National Accord": "GNA", "GNA forces": "GNA", "GNA": "GNA", "Commanders": "GNA",
    "Islamic State fighters": "ISIL", "Islamic State": "ISIL", "The militants": "ISIL", "the militants": "ISIL",
    "the group": "ISIL", "the United States": "United States", "civilians": "civilians", "residents": "civilians",
}
DATES = {
    "12 May 2016": ("2016-05-12", "day"),
    "9 June": ("2016-06-09", "day"),
    "The next day": ("2016-06-10", "day"),
    "night raid": ("2016-06", "month"),
    "21 June": ("2016-06-21", "day"),
    "1 August 2016": ("2016-08-01", "day"),
    "10 August": ("2016-08-10", "day"),
    "Between 24 and 26 September": ("2016-09-24", "week"),
    "On 1 October": ("2016-10-01", "day"),
    "in November": ("2016-11", "month"),
    "6 December": ("2016-12-06", "day"),
    "mass grave": ("2016-12", "month"),
}

# (type, place name or None, place_kind, date, initiator)
EXPECTED = {
    ("declaration", "Sirte", "city", "2016-05-12", "GNA"),
    ("advance", "Sirte", "city", "2016-06-09", "GNA"),
    ("clash", "Dollar", "neighbourhood", "2016-06-09", "GNA"),
    ("capture", None, "site", "2016-06-10", "GNA"),  # "the port": a bare common noun is no name
    ("capture", "power station", "site", "2016-06-10", "GNA"),
    ("clash", "District 2", "neighbourhood", "2016-06-21", "ISIL"),
    ("explosion", None, "site", "2016-06-21", "ISIL"),
    ("airstrike", "Sirte", "city", "2016-08-01", "United States"),
    ("capture", "Ouagadougou Conference Centre", "site", "2016-08-10", "GNA"),
    ("capture", "Ibn Sina hospital", "site", "2016-08-10", "GNA"),
    ("displacement", "Sirte", "city", "2016-09-24", "civilians"),
    ("advance", "District 1", "neighbourhood", "2016-10-01", "GNA"),
    ("capture", "District 3", "neighbourhood", "2016-10-01", "GNA"),
    ("violence_against_civilians", "Giza Bahriya", "neighbourhood", "2016-11", "ISIL"),
    ("capture", "Giza Bahriya", "neighbourhood", "2016-12-06", "GNA"),
    ("declaration", "Sirte", "city", "2016-12-06", "GNA"),
    ("discovery", "Sirte", "city", "2016-12", None),
}


def _state():
    return build(TEXT, places=PLACES, actors=ACTORS, dates=DATES, title="Sirte campaign")


def _rows():
    return {(e.type, e.place.name if e.place else None, e.place_kind, e.date, e.actors[0] if e.actors else None)
            for e in events_of(_state())}


def test_sirte_types_and_places():
    got = {(r[0], r[1]) for r in _rows()}
    want = {(r[0], r[1]) for r in EXPECTED}
    assert got == want, f"missing {want - got}, extra {got - want}"


def test_sirte_full_records():
    got = _rows()
    assert got == EXPECTED, f"missing {EXPECTED - got}, extra {got - EXPECTED}"


def test_sirte_no_event_from_traps():
    text_of = {e.type: [] for e in events_of(_state())}
    state = _state()
    for e in events_of(state):
        text_of[e.type].append(state.text[e.evidence.start:e.evidence.end])
    joined = " | ".join(q for qs in text_of.values() for q in qs)
    for trap in ("expected to take", "failed to retake", "With the hospital captured", "The fall of Sirte"):
        assert trap not in joined

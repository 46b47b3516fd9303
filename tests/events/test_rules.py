"""Unit tests of the events rules on hand-built documents (no other stage runs).

Each test states one convention of ../shared/gold/FORMAT.md in a sentence or two of our
own, about invented or generic places, and checks the (type, place) pairs read from it.
"""
from __future__ import annotations

import pytest

from tests.events.docbuilder import build, events_of, summary

PLACES = {
    "Karvan": ("Karvan", "city", 36.0, 40.0),
    "Tell Adir": ("Tell Adir", "village", 36.1, 40.1),
    "Beit Sama": ("Beit Sama", "village", 36.05, 40.05),
    "al-Nour district": ("al-Nour", "neighbourhood"),
    "al-Nour": ("al-Nour", "neighbourhood"),
    "Souq district": ("Souq", "neighbourhood"),
    "Souq": ("Souq", "neighbourhood"),
    "Hamra": ("Hamra", "neighbourhood"),
    "old city": ("old city", "neighbourhood"),
    "Farah": ("Farah", "city", 39.0, 48.0),
    "Veloria": ("Veloria", "country"),
}
ACTORS = {
    "government forces": "Government forces", "Government forces": "Government forces", "the army": "Government forces",
    "the militants": "Militants", "The militants": "Militants", "militants": "Militants", "Militants": "Militants",
    "the air force": "Air Force", "The air force": "Air Force", "air force": "Air Force",
    "civilians": "civilians", "residents": "civilians",
}


def pairs(text: str, dates=None, **kw) -> set[tuple[str, str | None]]:
    state = build(text, places=kw.pop("places", PLACES), actors=kw.pop("actors", ACTORS),
                  dates=dates or {"": ("2016-10-20", "day")}, **kw)
    return {(e.type, e.place.name if e.place else None) for e in events_of(state)}


# --- the eleven types ----------------------------------------------------------------------

def test_capture_of_named_places_one_event_each():
    assert pairs("On 20 October, government forces captured Tell Adir and Beit Sama.") == {
        ("capture", "Tell Adir"), ("capture", "Beit Sama")}


def test_capture_of_coordinated_neighbourhoods():
    got = pairs("Government forces took control of the al-Nour and Souq districts on Sunday.")
    assert got == {("capture", "al-Nour"), ("capture", "Souq")}


def test_advance_entering_and_encircling():
    assert pairs("Government forces entered the Hamra neighbourhood.") == {("advance", "Hamra")}
    assert pairs("The army encircled Karvan.") == {("advance", "Karvan")}


def test_clash_with_place_after_preposition():
    assert pairs("Heavy fighting broke out in the al-Nour district.") == {("clash", "al-Nour")}


def test_airstrike_shelling_explosion():
    assert pairs("The air force carried out airstrikes on Karvan.") == {("airstrike", "Karvan")}
    assert pairs("The militants shelled Tell Adir.") == {("shelling", "Tell Adir")}
    assert pairs("A car bomb exploded in the Souq district, killing six people.") == {("explosion", "Souq")}


def test_violence_against_civilians_named_perpetrator():
    assert pairs("The militants executed twelve residents in Beit Sama.") == {("violence_against_civilians", "Beit Sama")}


def test_displacement_of_civilians_not_fighters():
    assert pairs("Thousands of civilians fled Karvan.") == {("displacement", "Karvan")}
    assert pairs("Dozens of militants fled Karvan.") == set()


def test_agreement_and_surrender():
    assert ("agreement", "Karvan") in pairs(
        "A ceasefire was agreed between government forces and the militants in Karvan.")
    assert pairs("A number of militants surrendered in Hamra.") == {("agreement", "Hamra")}


def test_declaration_launch_of_an_operation_needs_a_date():
    assert pairs("Government forces launched an operation to retake Karvan on 3 May 2016.",
                 dates={"3 May": ("2016-05-03", "day")}) == {("declaration", "Karvan")}


def test_launched_an_attack_is_a_clash_not_a_declaration():
    assert pairs("On 4 May, the militants launched an attack on the Souq district.") == {("clash", "Souq")}


def test_discovery_needs_a_finding_verb():
    assert pairs("A mass grave with 40 bodies was found in Tell Adir.") == {("discovery", "Tell Adir")}
    assert pairs("The militants used a tunnel network to move between houses.") == set()


# --- capture versus advance ----------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "most of", "more than half of", "half of", "parts of", "wide parts of", "about 40% of", "almost all of",
])
def test_partial_control_is_an_advance(phrase):
    assert pairs(f"Government forces captured {phrase} the Hamra neighbourhood.") == {("advance", "Hamra")}


def test_full_control_wording_stays_a_capture():
    assert pairs("Government forces captured all of the Hamra neighbourhood.") == {("capture", "Hamra")}
    assert pairs("Government forces captured the remaining parts of the Hamra neighbourhood.") == {("capture", "Hamra")}


def test_aspect_makes_an_advance():
    assert pairs("Government forces began the process of capturing Hamra.") == {("advance", "Hamra")}
    assert pairs("Government forces were close to capturing Hamra.") == {("advance", "Hamra")}


def test_unnamed_part_of_the_city_is_an_advance_on_the_city():
    assert pairs("Karvan lies on the river. Government forces cleared the southern city of militants.",
                 title="Battle of Karvan") == {("advance", "Karvan")}
    assert pairs("Government forces captured northern Karvan.") == {("advance", "Karvan")}


# --- negation, modality, future, back-references, commentary -------------------------------

@pytest.mark.parametrize("text", [
    "Government forces failed to capture Karvan.",
    "Government forces did not enter Karvan.",
    "Government forces planned to capture Karvan.",
    "Government forces are expected to capture Karvan within days.",
    "The militants vowed to retake Tell Adir.",
    "Government forces will attack Karvan.",
    "If the army captures Karvan, the war will end.",
    "Between 4pm and midnight in Karvan, there was no fighting or shelling.",
    "The militants pulled out of Karvan after the failure of the northern offensive.",
    "In Karvan, peasant movements fought for change and opposed the system.",
    "The air force in Karvan was used for fighting international terrorism.",
    "Aid groups in Karvan republished maps of the 2022 Veloran invasion.",  # a named war, no new event
])
def test_negated_modal_and_future_clauses_are_not_events(text):
    assert pairs(text) == set()


def test_back_references_are_not_new_events():
    text = ("Government forces captured Tell Adir. With Tell Adir captured, the army turned north. "
            "Its capture left the militants without a base.")
    assert pairs(text) == {("capture", "Tell Adir")}
    assert pairs("During these airstrikes, the army stayed in Karvan.") == set()


def test_commentary_on_a_fall_is_not_an_event():
    assert pairs("The fall of Karvan is a potent symbol of the group's decline.") == set()


def test_headline_nominal_capture_counts():
    assert pairs("Fall of Karvan: government forces celebrate") == {("capture", "Karvan")}


def test_names_of_battles_are_not_triggers():
    assert pairs("The battle ran alongside the Siege of Farah, which started earlier.") == set()


# --- places ------------------------------------------------------------------------------

def test_locators_are_not_event_places():
    assert pairs("Government forces captured Tell Adir, south of Karvan.") == {("capture", "Tell Adir")}
    assert pairs("Government forces entered the al-Nour district in eastern Karvan.") == {("advance", "al-Nour")}


def test_unnamed_villages_keep_their_kind_only():
    state = build("Government forces captured six villages east of Karvan.", places=PLACES, actors=ACTORS,
                  dates={"": ("2016-10-20", "day")})
    (ev,) = events_of(state)
    assert (ev.type, ev.place, ev.place_kind) == ("capture", None, "village")


def test_unnamed_site_inside_city_is_a_site_not_the_city():
    state = build("Government forces captured a ruined fortress on the edge of the city.", places=PLACES,
                  actors=ACTORS, dates={"": ("2016-10-20", "day")}, title="Battle of Karvan")
    (ev,) = events_of(state)
    assert (ev.type, ev.place, ev.place_kind) == ("capture", None, "site")


def test_the_city_is_the_focus_city():
    assert pairs("Karvan lies on the river. Heavy airstrikes hit the city overnight.",
                 title="Battle of Karvan") == {("airstrike", "Karvan")}


def test_definite_site_is_named_by_its_words():
    assert pairs("Government forces seized the nearby cement plant.") == {("capture", "cement plant")}


def test_a_place_left_implicit_falls_back_to_the_focus_city():
    assert pairs("Karvan lies on the river. Fierce clashes continued on Tuesday.",
                 title="Battle of Karvan") == {("clash", "Karvan")}


def test_other_battles_far_away_are_out_of_scope():
    got = pairs("The militants attacked Farah. Government forces entered Karvan.", title="Battle of Karvan")
    assert got == {("advance", "Karvan")}


# --- dates, actors, factuality ---------------------------------------------------------------

def test_clause_level_date_from_a_relative_clause():
    from wartrace.model import Timex

    text = "The militants attacked the Hamra neighbourhood, which government forces had captured on 8 June."
    state = build(text, places=PLACES, actors=ACTORS, dates={"Hamra": ("2016-06-11", "day")})
    i = text.index("8 June")
    ann = dict(state.annotations)
    ann["doc.timexes"] = (Timex(i, i + 6, "8 June", "DATE", "2016-06-08", "day"),)
    from types import MappingProxyType
    from dataclasses import replace
    state = replace(state, annotations=MappingProxyType(ann))
    got = {(e.type, e.date) for e in events_of(state)}
    assert got == {("clash", "2016-06-11"), ("capture", "2016-06-08")}


def test_initiator_first_and_target():
    state = build("The militants attacked government forces in Hamra.", places=PLACES, actors=ACTORS,
                  dates={"": ("2016-10-20", "day")})
    (ev,) = events_of(state)
    assert ev.actors[0] == "Militants" and ev.target == "Government forces"


def test_passive_agent_is_the_initiator():
    state = build("Tell Adir was captured by government forces after clashes with the militants.", places=PLACES,
                  actors=ACTORS, dates={"": ("2016-10-20", "day")})
    cap = [e for e in events_of(state) if e.type == "capture"]
    assert cap and cap[0].actors[0] == "Government forces" and cap[0].place.name == "Tell Adir"


def test_target_defaults_to_the_documents_principal_opponent():
    text = ("Government forces attacked the militants in Hamra. Government forces clashed with the militants in Souq. "
            "Government forces captured Tell Adir.")
    state = build(text, places=PLACES, actors=ACTORS, dates={"": ("2016-10-20", "day")})
    cap = [e for e in events_of(state) if e.type == "capture"][0]
    assert cap.actors[0] == "Government forces" and cap.target == "Militants"


def test_airstrike_on_civilians_targets_civilians():
    state = build("An airstrike by the air force killed nine civilians in Beit Sama.", places=PLACES, actors=ACTORS,
                  dates={"": ("2016-10-20", "day")})
    (ev,) = events_of(state)
    assert ev.type == "airstrike" and ev.actors[0] == "Air Force" and ev.target == "civilians"


def test_an_actor_fused_with_the_trigger_beats_a_later_by_agent():
    # "Veloran airstrikes": the actors stage marks the whole phrase; "by government forces" is the recapture's
    actors = {**ACTORS, "Veloran airstrikes": "Veloran Air Force"}
    state = build("Karvan has been subject to Veloran airstrikes ever since its recapture by government forces.",
                  places=PLACES, actors=actors, dates={"": ("2016-10-20", "day")})
    strikes = [e for e in events_of(state) if e.type == "airstrike"]
    assert strikes and strikes[0].actors[0] == "Veloran Air Force"


def test_a_monitor_that_reports_fighting_is_never_its_initiator():
    actors = {**ACTORS, "KWO": "KWO"}  # a war monitor, an organisation
    text = "The militants attacked Hamra. The KWO reported the clashes in Karvan had stopped."
    state = build(text, places=PLACES, actors=actors, dates={"": ("2016-10-20", "day")},
                  kinds={"KWO": "organization"})
    clashes = [e for e in events_of(state) if e.place is not None and e.place.name == "Karvan"]
    assert clashes and all("KWO" not in e.actors for e in clashes)


def test_a_country_that_acts_is_not_the_place():
    got = pairs("On Monday, fresh assaults forced Veloria to send reinforcements to Karvan.")
    assert got == {("clash", "Karvan")}


def test_evidence_is_inside_the_sentence_and_covers_the_trigger():
    text = "Nothing happened on Monday. On Tuesday, government forces captured Tell Adir and entered Karvan."
    state = build(text, places=PLACES, actors=ACTORS, dates={"": ("2016-10-20", "day")})
    for ev in events_of(state):
        s = state["doc.sentences"][ev.sentence]
        assert s.start <= ev.evidence.start < ev.evidence.end <= s.end
        assert ev.evidence.start >= text.index("On Tuesday")


def test_reactions_section_is_skipped():
    text = "# Battle\nGovernment forces captured Tell Adir.\n\n## Reactions\nThe minister said the army captured Beit Sama."
    got = pairs(text)
    assert got == {("capture", "Tell Adir")}


def test_denied_reports_are_not_events():
    assert pairs("The ministry denied that the air force had bombed Karvan.") == set()
    assert pairs("The army denied it was a chemical attack on Hamra.") == set()


def test_unknown_name_in_object_position_is_a_place():
    got = pairs("Government forces captured Qaryat Zin on Monday.")
    assert got == {("capture", "Qaryat Zin")}
    assert pairs("Government forces captured Russian soldiers.") == set()


def test_a_name_resolved_once_is_the_same_place_everywhere():
    from dataclasses import replace
    from types import MappingProxyType

    text = "Government forces reached Beit Sama. Two days later the army captured Beit Sama."
    state = build(text, places=PLACES, actors=ACTORS, dates={"": ("2016-10-20", "day")})
    ann = dict(state.annotations)
    ann["doc.places"] = ann["doc.places"][:1]  # the places stage found only the first one
    state = replace(state, annotations=MappingProxyType(ann))
    assert {(e.type, e.place.name) for e in events_of(state)} == {("advance", "Beit Sama"), ("capture", "Beit Sama")}


def test_events_of_an_earlier_war_are_background():
    text = ("Government forces captured Tell Adir on 3 May. The militants shelled Hamra on 4 May. "
            "Government forces entered Souq on 5 May. It was the deadliest strike since the 2003 invasion.")
    state = build(text, places=PLACES, actors=ACTORS,
                  dates={"3 May": ("2016-05-03", "day"), "4 May": ("2016-05-04", "day"),
                         "5 May": ("2016-05-05", "day"), "2003": ("2003", "year")})
    assert all(e.date.startswith("2016") for e in events_of(state))

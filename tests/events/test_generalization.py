"""Conventions found when reading the events of other battles (Syria, Iraq, Ukraine).

Sentences of our own about invented places (Karvan, Tell Adir, Beit Sama); each test
states one rule of ../shared/gold/FORMAT.md that those articles exercised.
"""
from __future__ import annotations

from tests.events.docbuilder import build, events_of
from tests.events.test_rules import ACTORS, PLACES, pairs
from wartrace.events.places import distance_km
from wartrace.model import PlaceRef

# --- trigger words ---------------------------------------------------------------------------


def test_hyphenated_re_verbs_are_captures():
    assert pairs("Government forces re-captured Tell Adir from the militants.") == {("capture", "Tell Adir")}
    assert pairs("The army re-secured Beit Sama the next morning.") == {("capture", "Beit Sama")}


def test_battled_is_fighting():
    assert pairs("Militants battled government forces in Tell Adir.") == {("clash", "Tell Adir")}


def test_engaging_enemy_forces_is_fighting():
    assert pairs("Government forces engaged militant fighters in the streets of Karvan.") == {("clash", "Karvan")}


def test_freeing_a_place_is_a_capture_but_freeing_people_is_not():
    assert pairs("Government forces freed Beit Sama.") == {("capture", "Beit Sama")}
    assert ("capture", None) not in pairs("Government forces freed twelve prisoners.")


def test_hostages_with_a_longer_object():
    got = pairs("The militants occupied a school in Karvan, taking more than forty residents hostage.")
    assert ("violence_against_civilians", None) in got or ("violence_against_civilians", "Karvan") in got


# --- not events ------------------------------------------------------------------------------


def test_the_lead_definition_of_the_battle_tells_no_event():
    text = "The Battle of Karvan was a military engagement during the 2019 invasion of Veloria."
    assert pairs(text, title="Battle of Karvan") == set()


def test_the_war_named_as_a_frame_is_no_clash():
    assert pairs("A town of 20,000 people before the invasion, Karvan lies on a river.") == set()
    assert pairs("As part of the northern offensive, the army shelled Karvan.") == {("shelling", "Karvan")}
    assert pairs("Officials who oppose the invasion left Karvan.") == set()


def test_prevented_from_negates_the_event():
    got = pairs("Government forces captured Karvan and prevented civilians from evacuating the town.")
    assert got == {("capture", "Karvan")}


def test_preparing_an_evacuation_is_not_one():
    assert pairs("Government forces were preparing a large-scale evacuation of Karvan.") == set()


def test_possibility_of_a_massacre_is_no_massacre():
    assert pairs("Observers warned about the possibility of militants committing a massacre in Karvan.") == set()


def test_dismantling_bombs_is_no_explosion():
    assert pairs("Engineers finished dismantling the IEDs in Karvan.") == set()


# --- back-references -------------------------------------------------------------------------


def test_the_outcome_of_a_strike_already_told_is_no_second_strike():
    text = "The air force bombed Karvan on 6 May. The airstrikes resulted in the deaths of nine militants."
    got = [e for e in events_of(build(text, places=PLACES, actors=ACTORS, dates={"6 May": ("2016-05-06", "day")}))]
    assert [(e.type, e.sentence) for e in got] == [("airstrike", 0)]


def test_an_opening_time_clause_restating_a_capture_is_no_new_capture():
    text = "Government forces captured Tell Adir on 2 May. After capturing Tell Adir, they advanced toward Karvan."
    got = [(e.type, e.place.name, e.sentence) for e in
           events_of(build(text, places=PLACES, actors=ACTORS, dates={"2 May": ("2016-05-02", "day")}))]
    assert got == [("capture", "Tell Adir", 0), ("advance", "Karvan", 1)]


def test_a_capture_told_again_mid_sentence_is_still_annotated():
    text = "Government forces captured Tell Adir on 2 May. Photos were shot after they captured Tell Adir."
    got = [(e.type, e.sentence) for e in
           events_of(build(text, places=PLACES, actors=ACTORS, dates={"2 May": ("2016-05-02", "day")}))]
    assert got == [("capture", 0), ("capture", 1)]


# --- sites and unnamed places ----------------------------------------------------------------


def test_a_bare_site_noun_is_the_site_named_before():
    text = "The militants stormed Karvan Airport. The next day, government forces retook the airport."
    got = pairs(text)
    assert ("capture", "Karvan Airport") in got


def test_a_bare_site_noun_never_named_is_an_unnamed_site():
    state = build("Government forces seized the hill.", places=PLACES, actors=ACTORS,
                  dates={"": ("2016-05-02", "day")})
    assert [(e.type, e.place, e.place_kind) for e in events_of(state)] == [("capture", None, "site")]


def test_the_village_after_an_unnamed_village_stays_unnamed():
    text = "The militants took control of a village near Karvan. Government forces re-secured the village the next day."
    state = build(text, places=PLACES, actors=ACTORS, dates={"": ("2016-05-02", "day")})
    assert [(e.type, e.place, e.place_kind) for e in events_of(state)] == [("capture", None, "village")] * 2


def test_a_point_borrowed_from_the_country_gives_no_distance():
    city = PlaceRef(id="g:1", name="Karvan", kind="city", lat=36.0, lon=40.0)
    guessed = PlaceRef(id="inferred:country:XX:dolna", name="Dolna", kind="village", lat=33.5, lon=36.3,
                       parent="country:XX", gazetteer="inferred")
    assert distance_km(city, guessed) is None


def test_the_main_clause_after_an_opening_time_phrase_is_kept():
    text = "The militants shelled Karvan on 2 May. During the fighting, the army shelled Karvan again."
    got = [(e.type, e.sentence) for e in
           events_of(build(text, places=PLACES, actors=ACTORS, dates={"2 May": ("2016-05-02", "day")}))]
    assert got == [("shelling", 0), ("shelling", 1)]

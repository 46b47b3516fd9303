"""Actor resolution on every actor surface form of the Raqqa corpus, plus generic
references, speakers, new organisations and our own text about another war."""
from __future__ import annotations

from functools import lru_cache

import pytest

from tests.conftest import RAQQA
from wartrace.actors import ActorsStage

# surface form as written in the corpus -> canonical name (shared/gold/FORMAT.md, score.py ALIASES)
SURFACE_FORMS = {
    "Syrian Democratic Forces": "SDF", "SDF": "SDF", "SDF forces": "SDF", "Elite Forces": "SDF",
    "SEF": "SDF", "Arab Elite Forces": "SDF", "Manbij Military Council": "SDF",
    "Syrian Arab Coalition": "SDF", "US-backed forces": "SDF", "U.S.-backed forces": "SDF",
    "U.S.-backed militias": "SDF", "U.S.-backed alliance": "SDF", "Kurdish forces": "SDF",
    "ISIL": "ISIL", "ISIS": "ISIL", "IS": "ISIL", "Islamic State": "ISIL",
    "Islamic State of Iraq and Syria": "ISIL", "Islamic State of Iraq and the Levant": "ISIL",
    "ISIS militants": "ISIL",
    "US-led coalition": "US-led coalition", "U.S.-led coalition": "US-led coalition",
    "CJTF–OIR": "US-led coalition", "Operation Inherent Resolve": "US-led coalition",
    "Coalition airplanes": "US-led coalition", "international coalition": "US-led coalition",
    "anti-ISIL coalition": "US-led coalition", "Global Coalition": "US-led coalition",
    "OIR": "US-led coalition", "coalition strikes": "US-led coalition",
    "United States": "United States", "United States Air Force": "United States",
    "US Air Force": "United States", "US airstrikes": "United States", "US special forces": "United States",
    "US forces": "United States", "U.S. Central Command": "United States",
    "Syrian Army": "Syrian Army", "Syrian Arab Army": "Syrian Army", "Syrian army": "Syrian Army",
    "YPG": "YPG", "Syrian Kurd YPG": "YPG",
    "civilians": "civilians", "residents": "civilians", "locals": "civilians", "Local residents": "civilians",
    "Syrian Observatory for Human Rights": "SOHR", "SOHR": "SOHR", "Airwars": "Airwars",
    "Amnesty International": "Amnesty International", "AFP": "AFP", "AFP News": "AFP",
    "Reuters": "Reuters", "CNN": "CNN", "Al Jazeera": "Al Jazeera",
    "Raqqa is being Slaughtered Silently": "Raqqa is being Slaughtered Silently",
    "local monitors": "local monitors", "government of Syria": "government of Syria",
    "Syrian government": "government of Syria", "Free Syrian Army": "Free Syrian Army", "FSA": "Free Syrian Army",
    "United States Department of Defense": "United States Department of Defense",
    "Russian Defence Ministry": "Russian Ministry of Defence",
    # speakers, resolved to the organisation they speak for
    "Rojda Felat": "SDF", "Talal Sello": "SDF", "Musafa\xa0Bali": "SDF", "Ryan Dillon": "US-led coalition",
    "Wayne Marotto": "US-led coalition", "Abu Saleh": "SDF",
}
# surface -> text before it that fixes which occurrence is meant, where it matters
GENERIC = [  # (document, exact context, generic phrase, canonical)
    ("000", "stadium, the jihadists", "the jihadists", "ISIL"),
    ("000", "in which the militants still held territory", "the militants", "ISIL"),
    ("001", "From the city, the group planned", "the group", "ISIL"),
    ("001", "The group did not say", "The group", "Raqqa is being Slaughtered Silently"),
    ("001", "which the terrorists turned", "the terrorists", "ISIL"),
]


@pytest.fixture(scope="module")
def stage():
    return ActorsStage()


@lru_cache(maxsize=None)
def _mentions(prefix: str):
    from wartrace.ingest import load_path
    from wartrace.segment import split_sentences

    path = next(RAQQA.glob(prefix + "_*.txt"))
    doc = load_path(str(path))
    return doc.text, ActorsStage().finder.find(doc.text, split_sentences(doc.text))


@pytest.mark.skipif(not RAQQA.is_dir(), reason="../shared is not available")
def test_every_surface_form_resolves_to_its_canonical_actor():
    seen: dict[str, set[str]] = {}
    for prefix in ("000", "001", "002", "003", "004"):
        _, mentions = _mentions(prefix)
        for m in mentions:
            if m.text in SURFACE_FORMS:
                seen.setdefault(m.text, set()).add(m.actor.name)
    missing = sorted(set(SURFACE_FORMS) - set(seen))
    assert not missing, f"surface forms never found: {missing}"
    wrong = {s: names for s, names in seen.items() if names != {SURFACE_FORMS[s]}}
    assert not wrong, wrong


@pytest.mark.skipif(not RAQQA.is_dir(), reason="../shared is not available")
@pytest.mark.parametrize("prefix,context,phrase,canonical", GENERIC)
def test_generic_mentions_resolve_from_context(prefix, context, phrase, canonical):
    text, mentions = _mentions(prefix)
    at = text.index(context) + context.index(phrase)
    hits = [m for m in mentions if m.start == at]
    assert hits and hits[0].generic and hits[0].actor.name == canonical, hits


@pytest.mark.skipif(not RAQQA.is_dir(), reason="../shared is not available")
def test_modifier_in_x_led_is_not_an_actor():
    text, mentions = _mentions("003")
    at = text.index("YPG-led SDF")
    assert [m.actor.name for m in mentions if at <= m.start < at + 11] == ["SDF"]


# Our own words, another war: Ukraine 2022-style reporting.
OWN_TEXT = """Ukrainian forces pushed Russian troops back from the eastern bank on Friday, the
General Staff of the Armed Forces of Ukraine said. Wagner mercenaries still held the rail
station. Oleksandr Petrenko, a spokesman for the Azov Regiment, said the invaders had shelled
the hospital overnight. The 93rd Mechanized Brigade and the Kraken Special Unit took part. Later
the Donetsk separatists claimed Petrenko had lied, according to TASS."""


def test_other_war_actors(stage):
    mentions = stage.finder.find(OWN_TEXT)
    names = {m.text: m.actor.name for m in mentions}
    assert names["Ukrainian forces"] == "Ukrainian Armed Forces"
    assert names["Russian troops"] == "Russian Armed Forces"
    assert names["Wagner mercenaries"] == "Wagner Group"
    assert names["Oleksandr Petrenko"] == "Azov Regiment"
    assert names["Petrenko"] == "Azov Regiment"  # a later mention of the speaker's surname
    assert names["TASS"] == "TASS"
    new = [m for m in mentions if m.actor.registry == "new"]
    assert {m.actor.name for m in new} >= {"93rd Mechanized Brigade", "Kraken Special Unit"} or \
        {m.actor.name for m in new} >= {"93rd Mechanized Brigade"}
    assert all(m.actor.kind == "non_state_armed_group" for m in new if "Brigade" in m.actor.name)


def test_registry_entries_are_well_formed(stage):
    for e in stage.registry.entries:
        assert e.inter is None or 1 <= e.inter <= 8, e
        if e.part_of:
            assert stage.registry.get(e.part_of), e
    names = {e.name for e in stage.registry.entries}
    assert {"SDF", "ISIL", "US-led coalition", "United States", "Syrian Army", "YPG", "YPJ",
            "Raqqa Civil Council", "civilians"} <= names


def test_rebels_are_never_the_jihadists_they_fight(stage):
    text = ("The offensive was launched by the Free Syrian Army, a rebel coalition, to take the town from ISIL. "
            "ISIL reinforced the town. ISIL fighters laid mines. ISIL shelled the road. ISIL withdrew eastwards. "
            "ISIL lost two villages. ISIL regrouped. On 3 October, the rebels captured the town from ISIL.")
    mentions = stage.finder.find(text)
    at = text.index("the rebels")
    assert [m.actor.name for m in mentions if m.start == at] == ["Free Syrian Army"]
    # with no rebel side named at all, "the rebels" stays unresolved rather than becoming ISIL
    alone = "ISIL held the town. On 3 October, the rebels captured it."
    assert [m.actor.name for m in stage.finder.find(alone) if m.text == "the rebels"] == []


def test_a_demonym_led_force_is_that_countrys_but_a_backed_one_is_not(stage):
    names = {m.text: m.actor.name for m in stage.finder.find(
        "Russian-led forces entered the town while Russian-backed separatists held the bridge.")}
    assert names["Russian-led forces"] == "Russian Armed Forces"
    assert names.get("Russian-backed separatists") != "Russian Armed Forces"

"""A report in our own words on a battle the project is not tuned on (Mosul, 2016-17).

The facts follow public reporting; the wording is ours. Expected claims follow
shared/gold/FORMAT.md: what, value, qualifier, who and source of every number put on
people, shares held, strikes and convoy vehicles; nothing for money, homes, dates or
durations.
"""
from __future__ import annotations

from claims_fixtures import make_state
from wartrace.claims.stage import ClaimsStage

REPORT = """\
Mosul retaken after nine months of urban war

Iraqi forces opened the offensive to recapture Mosul from the Islamic State on 17 October 2016. Iraqi commanders said some 94,000 members of the security forces, Kurdish Peshmerga and allied militias took part. They faced an estimated 3,000 to 5,000 ISIL fighters inside the city, according to US military estimates.

By 24 January 2017 the government said eastern Mosul had been fully liberated. The United Nations reported that more than 160,000 residents had fled their homes by then.

The assault on the western half of the city began on 19 February 2017. On 17 March 2017, a coalition airstrike on the al-Jadida district killed at least 105 civilians, the US military later acknowledged. Local officials said as many as 200 people died in the strike.

By late May, Iraqi troops controlled about 90% of western Mosul, while up to 100,000 civilians remained trapped in the Old City. Iraqi commanders estimated that 300 to 400 militants were still holding out there. ISIL fighters executed dozens of people who tried to flee. In June, 17 buses carried wounded civilians out of the western districts.

Hundreds of ISIL fighters surrendered in the final days, and dozens of foreign militants were detained as they tried to slip out with fleeing families. On 10 July 2017 Prime Minister Haider al-Abadi declared victory in the city.

An investigation by the Associated Press later counted between 9,000 and 11,000 civilians killed during the battle. About 1.2 million people were displaced at the height of the fighting, the United Nations said. Coalition aircraft carried out more than 1,200 strikes in and around the city. Rebuilding was expected to cost $50 billion, and some 40,000 homes needed repair.
"""

ACTORS = {
    "Iraqi forces": ("Iraqi Security Forces", "state_force"),
    "Iraqi commanders": ("Iraqi Security Forces", "state_force"),
    "Iraqi troops": ("Iraqi Security Forces", "state_force"),
    "security forces": ("Iraqi Security Forces", "state_force"),
    "Islamic State": ("ISIL", "non_state_armed_group"),
    "ISIL": ("ISIL", "non_state_armed_group"),
    "Kurdish Peshmerga": ("Peshmerga", "state_force"),
    "US military": ("United States", "state_force"),
    "United Nations": ("United Nations", "organization"),
    "coalition": ("US-led coalition", "coalition"),
    "Coalition": ("US-led coalition", "coalition"),
    "Associated Press": ("Associated Press", "media"),
    "civilians": ("civilians", "civilians"),
}
PLACES = {"Mosul": "Mosul", "al-Jadida": "al-Jadida", "Old City": "Mosul Old City"}
DATES = [("17 October 2016", "2016-10-17", "day"), ("24 January 2017", "2017-01-24", "day"),
         ("19 February 2017", "2017-02-19", "day"), ("17 March 2017", "2017-03-17", "day"),
         ("late May", "2017-05", "month"), ("In June", "2017-06", "month"),
         ("in the final days", "2017-07", "month"), ("10 July 2017", "2017-07-10", "day"),
         ("An investigation", "2017", "year")]

# (what, low, high, qualifier, who, attributed_to, evidence)
EXPECTED = [
    ("fighters", 94000, 94000, "about", "Iraqi Security Forces", "Iraqi Security Forces",
     "some 94,000 members"),
    ("fighters", 3000, 5000, "about", "ISIL", "United States", "an estimated 3,000 to 5,000 ISIL fighters"),
    ("displaced", 160000, None, "more_than", "civilians", "United Nations",
     "more than 160,000 residents had fled"),
    ("killed", 105, None, "at_least", "civilians", "United States", "killed at least 105 civilians"),
    ("killed", 200, 200, "up_to", "all", "Local officials", "as many as 200 people died"),
    ("control_share", 90, 90, "about", None, None, "about 90% of western Mosul"),
    ("trapped", 100000, 100000, "up_to", "civilians", None, "up to 100,000 civilians remained"),
    ("fighters", 300, 400, "exact", "fighters", "Iraqi Security Forces", "300 to 400 militants"),
    ("killed", 24, None, "at_least", "all", None, "executed dozens of people"),
    ("vehicles", 17, 17, "exact", None, None, "17 buses"),
    ("detained", 200, None, "at_least", "ISIL", None, "Hundreds of ISIL fighters surrendered"),
    ("detained", 24, None, "at_least", "fighters", None, "dozens of foreign militants were detained"),
    ("killed", 9000, 11000, "exact", "civilians", "Associated Press",
     "between 9,000 and 11,000 civilians killed"),
    ("displaced", 1_200_000, 1_200_000, "about", "all", "United Nations",
     "About 1.2 million people were displaced"),
    ("airstrikes", 1200, None, "more_than", None, None, "more than 1,200 strikes"),
]


def extracted():
    state = make_state(REPORT, actors=ACTORS, places=PLACES, dates=DATES)
    return ClaimsStage()(state)["doc.claims"]


def test_every_claim_of_the_report():
    got = [(c.what, c.low, c.high, c.qualifier, c.who, c.attributed_to,
            REPORT[c.evidence.start:c.evidence.end]) for c in extracted()]
    assert got == EXPECTED


def test_holder_place_and_dates():
    by_what = {}
    for c in extracted():
        by_what.setdefault(c.what, []).append(c)
    share = by_what["control_share"][0]
    assert (share.actor, share.place.name, share.as_of) == ("Iraqi Security Forces", "Mosul", "2017-05")
    airstrike_deaths = by_what["killed"][0]
    assert (airstrike_deaths.actor, airstrike_deaths.as_of) == ("US-led coalition", "2017-03-17")
    assert airstrike_deaths.place.name == "al-Jadida"
    assert by_what["vehicles"][0].as_of == "2017-06"

"""Claims from hand-built documents: what, who, values, sources, dates, places, actors."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims_fixtures import make_state
from wartrace.claims.stage import ClaimsStage
from wartrace.model import Timex
from wartrace.pipeline.stage import check_order

ARMED = "non_state_armed_group"
ACTORS = {
    "Northern Front": ("Northern Front", ARMED), "NF": ("Northern Front", ARMED),
    "Southern Army": ("Southern Army", "state_force"), "army": ("Southern Army", "state_force"),
    "coalition": ("coalition", "coalition"), "Coalition": ("coalition", "coalition"),
    "Monitor Group": ("Monitor Group", "organization"),
    "civilians": ("civilians", "civilians"),
}


def claims_of(text, **kw):
    state = make_state(text, actors=kw.pop("actors", ACTORS), **kw)
    return ClaimsStage()(state)["doc.claims"], text


def table(text, **kw):
    claims, text = claims_of(text, **kw)
    return [(c.what, c.low, c.high, c.qualifier, c.who) for c in claims]


def quotes(text, **kw):
    claims, text = claims_of(text, **kw)
    return [text[c.evidence.start:c.evidence.end] for c in claims]


def test_stage_contract():
    stage = ClaimsStage()
    assert stage.name == "claims" and stage.assigns == frozenset({"doc.claims"})
    assert {"doc.sentences", "doc.sentence_dates", "doc.places", "doc.actors"} == stage.requires


def test_casualties_active_and_passive():
    assert table("The army shelled the market, killing 23 civilians. "
                 "Later 19 Northern Front fighters were killed and 40 were wounded.") == [
        ("killed", 23, 23, "exact", "civilians"),
        ("killed", 19, 19, "exact", "Northern Front"),
        ("wounded", 40, 40, "exact", "Northern Front"),
    ]


def test_coordinated_verbs_and_borrowed_nouns():
    assert table("Mines killed and injured hundreds of civilians.") == [
        ("killed", 200, None, "at_least", "civilians"), ("wounded", 200, None, "at_least", "civilians")]
    assert table("The raid killed three Southern Army soldiers and injured ten.") == [
        ("killed", 3, 3, "exact", "Southern Army"), ("wounded", 10, 10, "exact", "Southern Army")]
    assert table("The strikes caused the deaths of hundreds and injury of thousands of civilians.") == [
        ("killed", 200, None, "at_least", "civilians"), ("wounded", 2000, None, "at_least", "civilians")]


def test_list_members_share_the_verb():
    rows = table("Buses evacuated around 4,000 people, including 250 NF fighters and "
                 "3,500 of their family members.")
    assert rows == [("evacuated", 4000, 4000, "about", "all"),
                    ("evacuated", 250, 250, "exact", "Northern Front"),
                    ("evacuated", 3500, 3500, "exact", "civilians")]
    assert table("An estimated 3,250 people were killed, including roughly 1,130 civilians.") == [
        ("killed", 3250, 3250, "about", "all"), ("killed", 1130, 1130, "about", "civilians")]


def test_what_from_the_governing_word():
    rows = table("Around 400 civilians were used as human shields. The army released about 275 "
                 "NF fighters. At least 270,000 locals fled the city. Dozens of fighters may still "
                 "be trapped there. Their fifteen besieged fighters held out. As many as 300-350 "
                 "fighters got out of the town. 350 army soldiers abandoned their posts and fled. "
                 "Up to 100,000 civilians remained in the old town.")
    assert [r[0] for r in rows] == ["detained", "detained", "displaced", "trapped", "trapped",
                                    "evacuated", "fighters", "trapped"]
    assert rows[5][1:4] == (300, 350, "up_to")


def test_bodies_and_tolls_are_deaths():
    assert table("In March, 300 bodies were found in a mass grave. The death toll rose to 45.") == [
        ("killed", 300, 300, "exact", "all"), ("killed", 45, 45, "exact", "all")]


def test_fighters_by_the_hundreds():
    rows, text = claims_of("Local NF militants had fled the town by the hundreds.")
    assert [(c.what, c.low, c.who) for c in rows] == [("fighters", 200, "Northern Front")]
    assert text[rows[0].evidence.start:rows[0].evidence.end] == "militants had fled the town by the hundreds"


def test_vehicles_only_in_a_convoy():
    assert table("Close to 50 trucks and 13 buses left the town under the deal.") == [
        ("vehicles", 50, 50, "about", None), ("vehicles", 13, 13, "exact", None)]
    assert table("Airstrikes destroyed four vehicles and two tanks.") == []
    assert table("There was only one airstrike on Monday.") == [("airstrikes", 1, 1, "exact", None)]


def test_control_shares():
    rows, text = claims_of("By 24 July, around 41% of Tarsa was held by the Northern Front. "
                           "The army captured more than half of the Mira district. "
                           "Around 80% of Tarsa had been left uninhabitable. "
                           "ISIL control over Tarsa was reduced to about 36%.",
                           places={"Tarsa": "Tarsa", "Mira": "Mira"})
    assert [(c.what, c.low, c.high, c.qualifier, c.actor) for c in rows] == [
        ("control_share", 41, 41, "about", "Northern Front"),
        ("control_share", 50, None, "more_than", "Southern Army"),
        ("control_share", 36, 36, "about", None),
    ]
    assert rows[0].place.name == "Tarsa" and rows[1].place.name == "Mira"


def test_share_of_residents_is_other():
    assert table("A third of the population fled the fighting.") == [
        ("other", 33, 33, "about", "civilians")]


def test_out_of_scope_numbers():
    text = ("The army captured two villages and 36 neighbourhoods, seized 10 km2 and four tanks, "
            "offered a US$4,000 bounty over four months, and hit 67 targets. "
            "One pocket of resistance remains. The 73-member alliance met on 6 June 2017.")
    assert table(text) == []


def test_what_is_not_counted():
    assert table("The council gained five new members. Arrest warrants were issued for 11 board "
                 "members. Its strength was at most in the hundreds, not in the thousands. "
                 "Strikes hit 186 targets, damaging 15 vehicles. Two rebel groups joined.") == []
    assert table("Troops arrested four NF members.") == [("detained", 4, 4, "exact", "Northern Front")]


def test_prisoners_are_detained_until_freed():
    assert [r[0] for r in table("The NF took 300 prisoners. The army freed 13 hostages. "
                                "Militants executed 44 prisoners.")] == ["detained", "evacuated", "killed"]


def test_attribution_frames():
    text = ("According to Monitor Group, at least 1,300 civilians died. "
            "Overall, local monitors say at least 1,800 civilians were killed. "
            "A spokesman for the NF said 22 army soldiers were killed. "
            "It also claimed 138 army soldiers were wounded. "
            "Estimates ranged from around 400 (according to local NF troops) to 700 fighters "
            "(figures obtained from former NF members). "
            "By 11 June, 79 civilians reportedly had been killed. "
            "Our researchers found that 12 civilians were killed. "
            "The strike killed 9 civilians, the coalition later acknowledged.")
    claims, _ = claims_of(text)
    assert [c.attributed_to for c in claims] == [
        "Monitor Group", "local monitors", "Northern Front", "Northern Front", "Northern Front",
        "former NF members", None, None, "coalition"]
    assert claims[4].qualifier == "about" and claims[5].qualifier == "exact"


def test_quotations_tweets_and_colon_blocks():
    text = ('"After four months, the town is more than 90% cleared," a spokesman for the '
            'coalition tweeted.\n\n'
            'The army reports that the airstrikes have stopped:\n\n'
            'There was only one airstrike in the region on Monday.\n\n'
            '#NF control 70% of the town; the enemy is finished.\n\n'
            '— Coalition Spokesman Col. Jane Doe (@spox) October 17, 2017\n')
    claims, _ = claims_of(text)
    assert [(c.what, c.attributed_to) for c in claims] == [
        ("control_share", "coalition"), ("airstrikes", "Southern Army"),
        ("control_share", "coalition")]
    assert claims[2].as_of == "2017-10-17"


def test_as_of_precision_and_range_end():
    text = "In 2016, 30 soldiers were killed. Between 22 and 29 August, the army held 10% of the old city."
    state = make_state(text, actors=ACTORS, dates=[("2016", "2016", "year"),
                                                    ("22 and 29 August", "2017-08-22", "week")])
    timex = Timex(text.find("22 and"), text.find("22 and") + 16, "22 and 29 August", "DATE",
                  "2017-08-22", "week")
    dates = tuple(d if d.precision != "week" else type(d)(d.sentence, d.date, d.precision, timex=0)
                  for d in state["doc.sentence_dates"])
    state = state.with_annotation("doc.sentence_dates", dates).with_annotation("doc.timexes", (timex,))
    claims = ClaimsStage()(state)["doc.claims"]
    assert [c.as_of for c in claims] == ["2016", "2017-08-29"]


def test_undated_sentences_take_the_reports_date_hint():
    state = make_state("At least 270,000 locals fled the city.", actors=ACTORS)
    state = state.with_annotation("doc.dct_hint", "2017-10-17")
    assert [c.as_of for c in ClaimsStage()(state)["doc.claims"]] == ["2017-10-17"]


def test_perpetrators():
    claims, _ = claims_of("1,600 civilians were killed by coalition strikes. "
                          "The NF clashed with army troops near the school, killing eight army soldiers.")
    assert [(c.what, c.actor) for c in claims] == [("killed", "coalition"), ("killed", "Northern Front")]


def test_evidence_spans_are_tight():
    assert quotes("On 9 June, coalition aircraft struck the city, killing 23 civilians and "
                  "wounding dozens of others.") == ["killing 23 civilians", "wounding dozens of others"]


def test_claims_stage_runs_in_a_pipeline_order():
    class Provider:
        name, version = "upstream", "1"
        requires = frozenset()
        assigns = frozenset({"doc.sentences", "doc.sentence_dates", "doc.places", "doc.actors"})

    assert check_order([Provider(), ClaimsStage()])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.-–%() abcdefiklnorstuwyNF\n\"“”—:;")), max_size=120))
def test_extraction_never_raises(text):
    claims, _ = claims_of(text)
    for c in claims:
        assert 0 <= c.evidence.start <= c.evidence.end <= len(text)
        assert c.high is None or c.low <= c.high


def test_a_figure_with_an_including_apposition_keeps_the_verb():
    # the verb after ", including 18 border guards," governs both figures
    got = table("Up to 90 people, including 18 border guards, were taken prisoner at the crossing.")
    assert ("detained", 90.0, 90.0, "up_to", "all") in got
    assert [row[:2] for row in got if row[1] == 18.0] == [("detained", 18.0)]


def test_families_who_flee_are_a_displacement_but_a_bare_family_count_is_none():
    assert table("At least 2,000 families have fled since Sunday.") == [
        ("displaced", 2000.0, None, "at_least", "civilians")]
    assert table("See the impact of the strikes on 4 families.") == []

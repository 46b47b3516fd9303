"""The ledger on small hand-built claim and event sets."""
from __future__ import annotations

import pytest

from wartrace.errors import PolicyError
from wartrace.reconcile import reconcile
from wartrace.reconcile.contradictions import find_contradictions
from wartrace.reconcile.control import control_history, holder_on, reported_shares
from wartrace.reconcile.grading import grade_group
from wartrace.reconcile.grouping import group_claims
from wartrace.reconcile.merge import merge_events
from wartrace.reconcile.policies import POLICIES, get_policy, resolve_name
from wartrace.reconcile.records import SourcedClaim, SourcedEvent

_ids = iter(range(1, 10_000))


def claim(low, high=None, qualifier="exact", *, what="killed", who="civilians", as_of="2016-12",
          publisher="Paper A", attributed_to=None, place="city", unit=None, actor=None, context="", events=()):
    high = low if high is None and qualifier in ("exact", "about") else high
    return SourcedClaim(
        id=next(_ids), doc=f"{publisher}.txt", publisher=publisher, what=what, low=low, high=high,
        qualifier=qualifier, quote=f"{low} {what}", who=who, attributed_to=attributed_to, as_of=as_of,
        place_id=place, place_name=place.title() if place else None, place_kind="city" if place else None,
        unit=unit, actor=actor, context=context, event_types=tuple(events))


def event(type_, place, date, actors=("Army",), target="Rebels", precision="day", publisher="Paper A",
          kind="neighbourhood", parent="city"):
    return SourcedEvent(id=next(_ids), doc=f"{publisher}.txt", publisher=publisher, type=type_, quote="q",
                        start=0, end=1, date=date, date_precision=precision, place_id=place, place_name=place,
                        place_kind=kind, place_parent=parent, actors=tuple(actors), target=target)


def test_battle_totals_from_several_sources_fall_in_one_group():
    claims = [claim(1130, qualifier="about", publisher="Wire"), claim(1800, qualifier="at_least", publisher="Blog",
              attributed_to="local monitors"), claim(1600, publisher="NGO"), claim(1300, qualifier="at_least",
              publisher="Monitor", place=None)]
    groups = group_claims(claims)
    assert len(groups) == 1 and len(groups[0].claims) == 4


def test_incident_figures_are_their_own_groups():
    total = claim(500, qualifier="at_least", as_of="2016-12")
    strike = claim(23, as_of="2016-11-09", context="Aircraft struck the market, killing 23 civilians.",
                   events=("airstrike",))
    assert len(group_claims([total, strike])) == 2


def test_policies_compute_their_numbers():
    [group] = group_claims([claim(1130, qualifier="about", publisher="A"), claim(1600, publisher="B"),
                            claim(1800, qualifier="at_least", publisher="C"), claim(400, 900, "about", publisher="D")])
    ucdp = get_policy("ucdp")(group)
    assert (ucdp.best, ucdp.low, ucdp.high) == (1130, 400, 1800)
    conservative = get_policy("conservative")(group)
    assert (conservative.best, conservative.low) == (400, 400)
    ranged = get_policy("range.v1")(group)
    assert (ranged.best, ranged.low, ranged.high) == (None, 400, 1800)
    assert ucdp.policy == "ucdp.v1" and "median" in ucdp.explanation


def test_policy_names_are_pinned_and_unknown_ones_refused():
    assert {"ucdp.v1", "conservative.v1", "range.v1"} <= set(POLICIES)
    assert resolve_name("ucdp") == "ucdp.v1"
    with pytest.raises(PolicyError) as err:
        get_policy("median")
    assert err.value.code == "WT302"


def test_an_update_is_not_a_contradiction_and_leaves_the_estimate():
    early = claim(79, as_of="2016-06-11", context="By 11 June, 79 civilians had been killed.")
    late = claim(1800, qualifier="at_least", as_of="2016-10")
    [group] = group_claims([early, late])
    assert group.updated == {early.id}
    assert find_contradictions(group) == []
    assert get_policy("ucdp")(group).low == 1800


def test_non_overlapping_figures_contradict_and_are_contested():
    a = claim(250, what="evacuated", who="fighters", as_of="2016-10-15", publisher="Wiki",
              context="By 15 October, 250 fighters had left.")
    b = claim(300, 350, "up_to", what="evacuated", who="fighters", as_of="2016-10", publisher="Blog")
    [group] = group_claims([a, b])
    found = find_contradictions(group)
    assert len(found) == 1 and "Wiki" in found[0].reason and "Blog" in found[0].reason
    assert grade_group(group, found).grade == "Contested"


def test_vehicle_counts_contradict_per_kind_of_vehicle():
    claims = [claim(50, what="vehicles", who=None, qualifier="about", unit="trucks", publisher="Wiki"),
              claim(13, what="vehicles", who=None, unit="buses", publisher="Wiki"),
              claim(30, what="vehicles", who=None, unit="buses", publisher="Blog"),
              claim(10, what="vehicles", who=None, unit="trucks", publisher="Blog")]
    ledger = reconcile(claims, [])
    assert len(ledger.groups) == 2
    assert len(ledger.contradictions) == 2
    assert {ledger.grades[g.key].grade for g in ledger.groups} == {"Contested"}


def test_about_figures_within_the_margin_agree():
    [group] = group_claims([claim(3000, qualifier="about", publisher="A"), claim(3200, publisher="B")])
    assert find_contradictions(group) == []
    assert grade_group(group, []).grade == "Fair"


def test_grades_weak_and_confirmed():
    [single] = group_claims([claim(21, publisher="AFP wire")])
    assert grade_group(single, []).grade == "Weak"
    [admitted] = group_claims([claim(12, actor="Coalition", attributed_to="Coalition", publisher="Report")])
    assert grade_group(admitted, []).grade == "Confirmed"


def test_same_publisher_counts_once():
    [group] = group_claims([claim(100, publisher="Wire"), claim(100, publisher="Wire")])
    grade = grade_group(group, [])
    assert grade.sources == 1 and grade.grade == "Weak"


def test_control_history_and_city_share():
    events = [event("capture", "north", "2016-06-10"), event("capture", "south", "2016-06-20"),
              event("capture", "north", "2016-07-01", actors=("Rebels",), target="Army"),
              event("advance", "south", "2016-06-12")]
    periods = control_history(events)
    assert holder_on(periods, "north", "2016-06-05") == "Rebels"
    assert holder_on(periods, "north", "2016-06-15") == "Army"
    assert holder_on(periods, "north", "2016-07-02") == "Rebels"
    assert holder_on(periods, "south", "2016-06-15") == "Rebels"
    ledger = reconcile([], events)
    army = {(s.date, s.low) for s in ledger.shares if s.actor == "Army" and s.origin == "derived"}
    assert army == {("2016-06-10", 50.0), ("2016-06-20", 100.0), ("2016-07-01", 50.0)}


def test_reported_shares_with_complement_of_the_other_side():
    claims = [claim(41, what="control_share", who=None, qualifier="about", as_of="2016-07-24", actor="Army"),
              claim(36, what="control_share", who=None, qualifier="about", as_of="2016-09-09", actor="Rebels"),
              claim(20, 25, what="control_share", who=None, as_of="2016-09-22", actor="Rebels")]
    army = [(p.date, p.low, p.high, p.origin) for p in reported_shares(claims) if p.actor == "Army"]
    assert army == [("2016-07-24", 41, None, "reported"), ("2016-09-09", 64, None, "reported-complement"),
                    ("2016-09-22", 75, 80, "reported-complement")]


def test_reports_of_the_same_event_merge():
    events = [event("capture", "stadium", "2016-10-17", publisher="Wiki"),
              event("capture", "stadium", "2016-10-17", publisher="Wire"),
              event("capture", "stadium", "2016-10-16", precision="week", publisher="Blog"),
              event("capture", "stadium", "2016-06-01", publisher="Wiki"),
              event("airstrike", "stadium", "2016-10-17", actors=("Coalition",), publisher="Wire")]
    merged = merge_events(events)
    big = max(merged, key=lambda m: len(m.mentions))
    assert len(big.mentions) == 3 and big.date == "2016-10-17" and big.grade.grade == "Fair"
    assert len(merged) == 3


def test_two_figures_of_one_report_on_one_day_are_two_incidents():
    a = claim(8, who="rebels", as_of="2016-06-28", context="Troops clashed in the north, killing eight rebels.",
              events=("clash",))
    b = claim(19, who="rebels", as_of="2016-06-28", context="In the west 19 rebels were killed in clashes.",
              events=("clash",))
    c = claim(9, who="rebels", as_of="2016-06-28", publisher="Other paper", context="Nine rebels died in fighting.",
              events=("clash",))
    groups = group_claims([a, b, c])
    assert sorted(len(g.claims) for g in groups) == [1, 2]
    assert all(find_contradictions(g) == [] for g in groups if len(g.claims) == 1)


def test_one_source_in_one_sentence_does_not_contradict_itself():
    sentence = "Former members said there were 700 regular fighters and 1,500 auxiliaries."
    a = claim(700, who="fighters", what="fighters", attributed_to="former members", context=sentence)
    b = claim(1500, who="fighters", what="fighters", attributed_to="former members", context=sentence)
    [group] = group_claims([a, b])
    assert find_contradictions(group) == []


def test_an_undated_figure_does_not_contradict_a_dated_one():
    [group] = group_claims([claim(3250, qualifier="about", as_of=None), claim(300, as_of="2019-03")])
    assert find_contradictions(group) == []


def test_bodies_found_are_a_quantity_of_their_own():
    grave = SourcedClaim(id=next(_ids), doc="w.txt", publisher="W", what="killed", low=300, high=300,
                         qualifier="exact", quote="300 buried bodies", who="all", as_of="2019-03")
    toll = claim(3250, who="all", qualifier="about", as_of="2017-10")
    assert len(group_claims([grave, toll])) == 2


def test_convoy_figures_of_two_reports_are_one_quantity_and_contradict():
    wiki = claim(250, what="evacuated", who="fighters", as_of="2016-10-15", publisher="Wiki",
                 events=("displacement", "agreement"))
    blog = claim(300, 350, "up_to", what="evacuated", who="fighters", as_of="2016-10", publisher="Blog",
                 events=("displacement",))
    [group] = group_claims([wiki, blog])
    assert len(find_contradictions(group)) == 1


def test_episode_figures_a_day_apart_dispute_and_weeks_apart_are_two_episodes():
    wiki = claim(50, what="vehicles", who=None, unit="trucks", as_of="2016-10-15", publisher="Wiki")
    blog = claim(10, what="vehicles", who=None, unit="trucks", as_of="2016-10-16", publisher="Blog")
    earlier = claim(3000, what="evacuated", as_of="2016-08-03", publisher="Wiki")
    later = claim(3500, what="evacuated", as_of="2016-10-15", publisher="Wiki")
    groups = {g.what: g for g in group_claims([wiki, blog])}
    assert groups["vehicles"].kind == "episode" and groups["vehicles"].updated == frozenset()
    assert len(find_contradictions(groups["vehicles"])) == 1
    assert len(group_claims([earlier, later])) == 2

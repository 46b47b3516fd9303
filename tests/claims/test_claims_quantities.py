"""Reading number expressions: values, ranges, hedges, and what is not a count."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wartrace.claims.quantities import QUALIFIERS, find_quantities, parse_quantity


def read(text: str) -> list[tuple[str, float, float | None, str]]:
    return [(text[q.start:q.end], q.low, q.high, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # digits and separators
    ("3,250 people", ("3,250", 3250, 3250, "exact")),
    ("1.5 million refugees", ("1.5 million", 1_500_000, 1_500_000, "exact")),
    ("4.000 rebels", ("4.000", 4000, 4000, "exact")),
    ("2000 fighters", ("2000", 2000, 2000, "exact")),
    # word numbers
    ("four soldiers", ("four", 4, 4, "exact")),
    ("twenty-one soldiers", ("twenty-one", 21, 21, "exact")),
    ("a dozen soldiers", ("a dozen", 12, 12, "exact")),
    ("half a dozen soldiers", ("half a dozen", 6, 6, "exact")),
    ("two hundred and fifty fighters", ("two hundred and fifty", 250, 250, "exact")),
    ("Five hundred fighters", ("Five hundred", 500, 500, "exact")),
    ("only one airstrike", ("one", 1, 1, "exact")),
    # vague quantities: twice the base, open top, at least
    ("dozens of militants", ("dozens", 24, None, "at_least")),
    ("hundreds of civilians", ("hundreds", 200, None, "at_least")),
    ("thousands of civilians", ("thousands", 2000, None, "at_least")),
    ("tens of thousands of locals", ("tens of thousands", 20000, None, "at_least")),
    ("hundreds of thousands of people", ("hundreds of thousands", 200000, None, "at_least")),
    ("several hundred fighters", ("several hundred", 200, None, "at_least")),
    ("scores of civilians", ("scores", 40, None, "at_least")),
    # ranges
    ("between 250 and 350 fighters", ("between 250 and 350", 250, 350, "exact")),
    ("300–350 fighters", ("300–350", 300, 350, "exact")),
    ("300-350 fighters", ("300-350", 300, 350, "exact")),
    ("from 400 to 900 militants", ("from 400 to 900", 400, 900, "exact")),
    ("150 to 200 civilians", ("150 to 200", 150, 200, "exact")),
    ("two or three soldiers", ("two or three", 2, 3, "exact")),
    ("between 1 and 1.5 million people", ("between 1 and 1.5 million", 1_000_000, 1_500_000, "exact")),
    ("the toll rose from 20 to 35", ("from 20 to 35", 35, 35, "exact")),
    # percentages and fractions
    ("20–25% of the city", ("20–25%", 20, 25, "exact")),
    ("40-60 percent of the city", ("40-60 percent", 40, 60, "exact")),
    ("over 80 per cent of the city", ("over 80 per cent", 80, None, "more_than")),
    ("more than half of the district", ("more than half", 50, None, "more_than")),
    ("the western half of the town", ("half", 50, 50, "about")),
    ("a third of the city", ("a third", 33, 33, "about")),  # whole percentages, as gold writes them
    ("between a third and a half of the city", ("between a third and a half", 33, 50, "about")),
    ("two-thirds of the town", ("two-thirds", 67, 67, "about")),
    # hedges
    ("at least 1,300 civilians", ("at least 1,300", 1300, None, "at_least")),
    ("more than 3,200 deaths", ("more than 3,200", 3200, None, "more_than")),
    ("over 50 people", ("over 50", 50, None, "more_than")),
    ("nearly 100 people", ("nearly 100", 100, 100, "about")),
    ("almost 100 people", ("almost 100", 100, 100, "about")),
    ("about 4,000 militants", ("about 4,000", 4000, 4000, "about")),
    ("around 400 fighters", ("around 400", 400, 400, "about")),
    ("roughly 1,130 civilians", ("roughly 1,130", 1130, 1130, "about")),
    ("an estimated 3,250 people", ("an estimated 3,250", 3250, 3250, "about")),
    ("some 400 civilians", ("some 400", 400, 400, "about")),
    ("close to 50 trucks", ("close to 50", 50, 50, "about")),
    ("as many as 500 soldiers", ("as many as 500", 500, 500, "up_to")),
    ("as many as 300-350 fighters", ("as many as 300-350", 300, 350, "up_to")),
    ("up to 100,000 civilians", ("up to 100,000", 100000, 100000, "up_to")),
    ("fewer than 20 soldiers", ("fewer than 20", 20, 20, "less_than")),
    ("less than 5 percent of the city", ("less than 5 percent", 5, 5, "less_than")),
    ("about 3,000–5,000 fighters", ("about 3,000–5,000", 3000, 5000, "about")),
    ("some 400 to 500 fighters", ("some 400 to 500", 400, 500, "about")),
    ("1,000+ killed", ("1,000+", 1000, None, "at_least")),
    ("50 or more people", ("50 or more", 50, None, "at_least")),
    ("control over 60% of the town", ("60%", 60, 60, "exact")),
])
def test_reads_expressions(text, expected):
    assert read(text)[0] == expected


@pytest.mark.parametrize("text", [
    "1,0000 people", "10^9", "In 2015, the group", "On 6 June 2017", "1–2 July", "June 6",
    "19 and 20 June", "October 17, 2017", "10 km2", "10 km²", "US$4,000", "$50 billion",
    "four months", "a 24-hour-long battle", "the 73-member coalition", "17th Division",
    "Su-24 jets", "Highway 4", "at 10:30", "3 p.m.", "killed.23 On", "a 12-year-old boy",
    "one of the residents", "the 1990s", "score of 3-1", "(2016–2017)", "2016-17 season",
    "No. 5", "pic.twitter.com/LHVS4Qi", "1- Game over", "25-meter-long section", "[12]",
    "within 1.5 km", "three times", "four square miles",
])
def test_rejects_non_counts(text):
    assert find_quantities(text) == []


def test_keeps_counting_compounds():
    assert read("a 4,000-strong force")[0][1:] == (4000, 4000, "exact")


def test_several_in_a_list():
    found = read("close to 50 trucks, 13 buses and more than 100 vehicles")
    assert [(f[1], f[3]) for f in found] == [(50, "about"), (13, "exact"), (100, "more_than")]


def test_offsets_are_into_the_given_text():
    text = "Clashes left 19 fighters dead."
    q = parse_quantity(text)
    assert text[q.figure_start:q.figure_end] == "19"


def test_window_of_a_longer_text():
    text = "xx 12 soldiers. 30 civilians."
    found = find_quantities(text, 16)
    assert [(text[q.start:q.end], q.low) for q in found] == [("30", 30)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.-–% abcdefhmnorstuvwxyz$^:()")) , max_size=60))
def test_never_raises_and_keeps_order(text):
    for q in find_quantities(text):
        assert 0 <= q.start <= q.figure_start <= q.figure_end <= len(text)
        assert q.qualifier in QUALIFIERS
        if q.high is not None:
            assert q.low <= q.high


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text):
    for q in find_quantities(text):
        assert q.high is None or q.low <= q.high


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["at least ", "about ", ""]))
def test_formatted_integers_round_trip(n, hedge):
    q = parse_quantity(f"{hedge}{n:,} civilians were killed")
    assert q is not None and q.low == n

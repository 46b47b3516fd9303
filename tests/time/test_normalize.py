"""Normalization of single expressions, in news (document date) and narrative flow."""
from __future__ import annotations

import datetime as dt

import pytest

from wartrace.time.context import NARRATIVE, NEWS
from wartrace.time.tagger import tag

DCT = dt.date(2017, 6, 14)  # a Wednesday


def values(text: str, dct: dt.date | None = DCT, kind: str = NEWS) -> list[tuple[str, str, str]]:
    return [(f.timex.text, f.timex.type, f.timex.value) for f in tag(text, dct, kind)]


def only(text: str, dct: dt.date | None = DCT, kind: str = NEWS) -> tuple[str, str, str]:
    found = values(text, dct, kind)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The battle began on 6 June 2017.", ("6 June 2017", "DATE", "2017-06-06")),
        ("It ended on June 6, 2017.", ("June 6, 2017", "DATE", "2017-06-06")),
        ("It ended on the 6th of June, 2017.", ("the 6th of June, 2017", "DATE", "2017-06-06")),
        ("Filed 2017-06-06 in court.", ("2017-06-06", "DATE", "2017-06-06")),
        ("Dated 06/07/2017.", ("06/07/2017", "DATE", "2017-06-07")),
        ("By June 2017, the city was surrounded.", ("June 2017", "DATE", "2017-06")),
        ("Fighting resumed in 2015.", ("2015", "DATE", "2015")),
        ("They met on Friday, Oct. 23, 1998.", ("Friday, Oct. 23, 1998", "DATE", "1998-10-23")),
        ("The 1990s were calm.", ("The 1990s", "DATE", "199")),
        ("in the 20th century", ("the 20th century", "DATE", "19")),
        ("Profits rose in the third quarter of 2016.", ("the third quarter of 2016", "DATE", "2016-Q3")),
        ("The truce held through the summer of 2016.", ("the summer of 2016", "DATE", "2016-SU")),
        ("Attacks resumed in late 2016.", ("late 2016", "DATE", "2016")),
        ("in the year two thousand", ("the year two thousand", "DATE", "2000")),
        ("The offensive (October–November 2016) failed.", ("October–November 2016", "DATE", "2016-10")),
        ("Troops left on 14June 2016.", ("14June 2016", "DATE", "2016-06-14")),  # a lost non-breaking space
        ("on Christmas Day 2016", ("Christmas Day 2016", "DATE", "2016-12-25")),
    ],
)
def test_absolute(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The army said yesterday it had withdrawn.", ("yesterday", "DATE", "2017-06-13")),
        ("The talks resume tomorrow.", ("tomorrow", "DATE", "2017-06-15")),
        ("Officials spoke today.", ("today", "DATE", "2017-06-14")),
        ("Rebels attacked last week.", ("last week", "DATE", "2017-W23")),
        ("A vote is due next year.", ("next year", "DATE", "2018")),
        ("Prices fell last month.", ("last month", "DATE", "2017-05")),
        ("Shelling resumed this week.", ("this week", "DATE", "2017-W24")),
        ("The convoy left on Monday.", ("Monday", "DATE", "2017-06-12")),
        ("The envoy will arrive on Friday.", ("Friday", "DATE", "2017-06-16")),
        ("He was elected last Tuesday.", ("last Tuesday", "DATE", "2017-06-13")),
        ("The town fell two days ago.", ("two days ago", "DATE", "2017-06-12")),
        ("The siege began three years ago.", ("three years ago", "DATE", "2014")),
        ("Explosions were heard last night.", ("last night", "TIME", "2017-06-13TNI")),
        ("The strike came this morning.", ("this morning", "TIME", "2017-06-14TMO")),
        ("The dam was captured in March.", ("March", "DATE", "2017-03")),
        ("Elections are planned for November.", ("November", "DATE", "2017-11")),
        ("The deadline is Dec. 15.", ("Dec. 15", "DATE", "2017-12-15")),
        ("Rescued on Nov. 25 by fishermen.", ("Nov. 25", "DATE", "2016-11-25")),
        ("The offensive stalled in mid-August.", ("mid-August", "DATE", "2017-08")),
        ("Aid arrived last April.", ("last April", "DATE", "2017-04")),
        ("The plan was agreed in June last year.", ("June last year", "DATE", "2016-06")),
        ("Supplies ran out last fall.", ("last fall", "DATE", "2016-FA")),
        ("The city is now quiet.", ("now", "DATE", "PRESENT_REF")),
        ("It was recently retaken.", ("recently", "DATE", "PAST_REF")),
        ("Talks may resume in the near future.", ("the near future", "DATE", "FUTURE_REF")),
        ("Fighting stopped at 5 p.m. on Tuesday.", ("5 p.m. on Tuesday", "TIME", "2017-06-13T17:00")),
        ("The ceasefire began at 14:00.", ("14:00", "TIME", "2017-06-14T14:00")),
    ],
)
def test_news_relative(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The siege lasted three days.", ("three days", "DURATION", "P3D")),
        ("It took 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("a 24-hour-long battle", ("24-hour-long", "DURATION", "PT24H")),
        ("They held out for several months.", ("several months", "DURATION", "PXM")),
        ("Prices rose over the past two weeks.", ("the past two weeks", "DURATION", "P2W")),
        ("for more than a week", ("more than a week", "DURATION", "P1W")),
        ("in the first nine months", ("the first nine months", "DURATION", "P9M")),
        ("Patrols run every day.", ("every day", "SET", "P1D")),
        ("The market opens each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4")),
        ("Reports are filed weekly.", ("weekly", "SET", "P1W")),
        ("The council meets on Tuesday nights.", ("Tuesday nights", "SET", "XXXX-WXX-2TNI")),
    ],
)
def test_durations_and_sets(text, expected):
    assert only(text) == expected


def test_durations_carry_mods():
    (found,) = tag("for more than a week", DCT)
    assert found.timex.mod == "MORE_THAN"
    (found,) = tag("The offensive stalled in mid-August.", DCT)
    assert found.timex.mod == "MID"


def test_ages_and_rates_are_not_durations():
    assert values("a 52-year-old doctor", DCT) == []
    assert values("It costs $5 a year.", DCT) == [("a year", "SET", "P1Y")]


def test_narrative_flow_anchors_to_last_date():
    text = ("On 6 June 2017, the offensive began. The next day, the army entered the town. "
            "On the same day, a second column arrived. Two days later, the bridge fell. "
            "The following week, talks began.")
    got = values(text, dt.date(2023, 10, 1), NARRATIVE)
    assert got == [
        ("6 June 2017", "DATE", "2017-06-06"),
        ("The next day", "DATE", "2017-06-07"),
        ("the same day", "DATE", "2017-06-07"),
        ("Two days later", "DATE", "2017-06-09"),
        ("The following week", "DATE", "2017-W24"),
    ]


def test_narrative_year_inference_from_heading_and_rollover():
    text = "=== December 2016 ===\nOn 28 December, shelling resumed. On 3 January, the town fell."
    got = values(text, None, NARRATIVE)
    assert got == [
        ("December 2016", "DATE", "2016-12"),
        ("28 December", "DATE", "2016-12-28"),
        ("3 January", "DATE", "2017-01-03"),
    ]


def test_anchor_is_recorded():
    found = tag("On 7 June 2017 the town fell. The next day the army left.", None, NARRATIVE)
    assert found[0].timex.anchor is None
    assert found[1].timex.anchor == "timex:0"
    news = tag("The army left yesterday.", DCT, NEWS)
    assert news[0].timex.anchor == "dct"


def test_ranges_give_week_precision_and_first_day():
    found = tag("Between 22 and 29 August 2017, the army advanced.", None, NARRATIVE)
    (rng,) = found
    assert (rng.timex.text, rng.timex.value, rng.timex.precision) == ("22 and 29 August 2017", "2017-08-22", "week")
    found = tag("In June 2017 it began. Targets were hit during 7\u20139 June.", None, NARRATIVE)
    assert (found[1].timex.text, found[1].timex.value, found[1].precision) == ("7\u20139 June", "2017-06-07", "week")


def test_early_hours_of_a_date():
    (found,) = tag("The raid came in the early hours of 17 October 2017.", None, NARRATIVE)
    assert (found.timex.text, found.timex.value, found.timex.mod) == ("the early hours of 17 October 2017", "2017-10-17", "START")


def test_since_and_by_keep_the_date_only():
    assert values("ISIL has held the city since 2014.", DCT) == [("2014", "DATE", "2014")]
    assert values("By mid-August the front had moved.", DCT) == [("mid-August", "DATE", "2017-08")]


def test_no_false_months_or_weekdays():
    assert values("She may march on. Sun and Sat are names.", DCT) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # tense: the verb that governs the expression, not a decimal point or "next to"
        ("A bomb hit the building next to the embassy Friday.", ("Friday", "DATE", "2017-06-09")),
        ("The team planned to leave Nairobi on Thursday.", ("Thursday", "DATE", "2017-06-15")),
        ("Bombs aim to undermine the peace process, set to resume Monday in Belfast.", ("Monday", "DATE", "2017-06-19")),
        ("The offer had been due to expire Friday.", ("Friday", "DATE", "2017-06-09")),
        ("The thrift announced the plan Aug. 21.", ("Aug. 21", "DATE", "2016-08-21")),
        ("The summit will still be held on March 24.", ("March 24", "DATE", "2018-03-24")),
        ("The father will leave at 4 a.m. Thursday, Castro said.", ("4 a.m. Thursday", "TIME", "2017-06-15T04:00")),
        # guideline values
        ("The man was killed Thursday evening.", ("Thursday evening", "TIME", "2017-06-08TEV")),
        ("He will leave at 4 in the morning.", ("4 in the morning", "TIME", "2017-06-14T04:00")),
        ("Shares fell at mid-afternoon yesterday.", ("mid-afternoon yesterday", "TIME", "2017-06-13TAF")),
        ("A hearing is set for the week of June 26.", ("the week of June 26", "DATE", "2017-W26")),
        ("Wages lost ground in the last decade.", ("the last decade", "DATE", "200")),
        ("Two helicopters crashed last May.", ("last May", "DATE", "2016-05")),
        ("A few days later, the town fell.", ("A few days later", "DURATION", "PXD")),
        ("It came a month after Qantas cut flights.", ("a month", "DURATION", "P1M")),
    ],
)
def test_news_relative_conventions(text, expected):
    assert only(text) == expected


def test_a_decimal_point_ends_no_sentence():
    got = values("Shares rose to a high of $42.875 in June from $29.75 in March.", dt.date(1989, 10, 30))
    assert got[-1] == ("March", "DATE", "1989-03")


def test_last_years_quarter_read_early_in_the_year():
    assert values("Profits fell in the fourth quarter.", dt.date(2017, 1, 26)) == [
        ("the fourth quarter", "DATE", "2016-Q4")]


def test_names_and_generic_uses_are_no_times():
    assert values('He spoke on ABC\'s "This Week" and on CBS\'s "60 Minutes".', DCT) == []
    assert values("The case is for today's youth what the blockade was for us.", DCT) == []
    assert values("Now, he says, it looks different.", DCT) == []
    assert values("The fall of the city came after the fall of its airport.", DCT) == []
    assert values("Tanks stopped at a distance of 1200 m. Up to 1500 shells fell that week.", DCT) == [("that week", "DATE", "2017-W24")]
    assert values("By the fall, troops had left.", DCT) == [("the fall", "DATE", "2016-FA")]  # past tense in June: the last one
    assert values("Forces will stay for the foreseeable future.", DCT) == []
    assert values("The Fiscal Year 2015 budget passed.", DCT) == [("Fiscal Year 2015", "DATE", "2015")]


def test_narrative_year_returns_after_a_flashback():
    text = ("The battle began on 6 June 2017.\n\nBy June 2017, the city was isolated. The campaign "
            "had been launched on 6 November 2016.\n\nFighting raged from June to August.")
    got = values(text, None, NARRATIVE)
    assert got[-1] == ("June to August", "DATE", "2017-06")
    # a flashback that the story goes on from keeps its year
    text = ("The war began on 1 May 2017.\n\nTroops arrived in August 2014.\n\nOn 9 August, "
            "the first strikes hit.")
    assert values(text, None, NARRATIVE)[-1] == ("9 August", "DATE", "2014-08-09")
    # a flashback naming its year twice is still a flashback past its paragraph
    text = ("The strikes began on 27 February 2022. They fell on the anniversary of the 2020 raid. "
            "Officials called them revenge for the 2020 raid.\n\nOn 7 March, the strikes resumed.")
    assert values(text, None, NARRATIVE)[-1] == ("7 March", "DATE", "2022-03-07")
    # centuries-old history in a relative clause is no flashback a bare month lives in
    text = ("The insurgency began on 18 December 2011. The group named a dynasty that ruled from 1501 "
            "to 1736. In mid-March, attacks grew.")
    assert values(text, None, NARRATIVE)[-1] == ("mid-March", "DATE", "2012-03")
    # a year naming something ("the 2014 line") does not move the story to that year
    # ... but the first year of a text is the story's own
    text = "The 2016 Karvan offensive was an operation of the army.\n\nOn 3 October, troops attacked."
    assert values(text, dt.date(2023, 8, 26), NARRATIVE)[-1] == ("3 October", "DATE", "2016-10-03")
    text = "The offensive began on 10 May 2022. Troops advanced from the 2014 line. On 12 May, they crossed."
    assert values(text, None, NARRATIVE)[-1] == ("12 May", "DATE", "2022-05-12")
    # a year only stated in brackets is the story's year while nothing else is known
    text = "The East Ridge offensive (2017) was an operation of the army.\n\nOn 17 January, troops advanced."
    assert values(text, dt.date(2023, 8, 26), NARRATIVE)[-1] == ("17 January", "DATE", "2017-01-17")
    # a year stated in a heading opens its section
    text = "The war began on 1 May 2017.\n\n## 2016\n\nOn 9 August, the first strikes hit."
    assert values(text, None, NARRATIVE)[-1] == ("9 August", "DATE", "2016-08-09")


def test_a_since_date_is_background_for_the_next_day():
    text = ("Troops took the airport on Tuesday. At least 2,000 families have fled since Sunday. "
            "The next day, police entered the eastern district.")
    assert values(text)[-1] == ("The next day", "DATE", "2017-06-14")  # Tuesday 13 June + 1


def test_the_day_before_the_event_the_text_dates():
    text = "Airstrikes hit the city the day before the battle. The battle began on 6 June 2017."
    assert values(text, None, NARRATIVE)[0] == ("the day before the battle", "DATE", "2017-06-05")

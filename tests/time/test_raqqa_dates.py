"""Reference dates of sentences across the Raqqa article's timeline, against the gold events.

Gold offsets are into the original file; sentences are mapped back through the
document's offset map. The picked records cover explicit dates, "the next day",
"the same day", "the following night", stated ranges (week precision), "over the next
days", the day after a night range, "the day before the battle", a whole-battle sentence
(year) and the story's year coming back after a flashback.
"""
from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED

ARTICLE = SHARED / "corpus" / "raqqa-2017" / "000_bd109fa419851313.txt"
GOLD = SHARED / "gold" / "raqqa-2017" / "events.jsonl"

# gold event starts (original-file offsets) picked across "Timeline of the battle"
PICKED = (
    4354,   # "It was reported by AFP ..." (Background, after a flashback to 2016: the year is 2017)
    4846,   # "... heavy airstrikes on Raqqa the day before the battle." (the battle began 6 June 2017)
    4937,   # "The battle was officially launched by the SDF in the dawn of 6 June 2017."
    5011,   # "The offensive came from Raqqa's north ..." (inherited)
    5226,   # "By the end of the day, ..."
    5406,   # "On 7 June, ..."
    5544,   # "On the same day, ..."
    5901,   # "... the nearby sugar plant on 8 June, ..."
    6025,   # "The following night, ..."
    6113,   # "At the same time ..." (inherited)
    6231,   # "Later that day, ..."
    6523,   # "... between 7-9 June" (week)
    6803,   # "At the end of the day, ..." (10 June, not the range)
    6877,   # "During the battle, US forces used white phosphorus ..." (the whole battle: year)
    7540,   # "... the sugar plant that the SDF had captured three days earlier" (11 June)
    9024,   # "On the next day, ..."
    9360,   # "On the next day, ..."
    9626,   # "On the following day, ..."
    10550,  # "In course of the next two days, ..." (week)
    11318,  # "During 1-2 July, ..." (week)
    11715,  # "In the night of 3-4 July, ..." (week)
    11995,  # "The SDF advanced into the old city, ..." (after the night of 3-4 July: 4 July)
    12627,  # "... continued through the next two days" (week)
    13461,  # "Over the next days, ..." (week)
    15311,  # "Over the next four days, ..." (week)
    15792,  # "Between 15 and 18 July, ..." (week)
    17069,  # "... during the following four days." (week)
    17518,  # "By this time, ..." (inherited)
    20235,  # "Between 22 and 29 August, ..." (week)
    21816,  # "On 14 September, ..."
    23306,  # "... was subsequently occupied ..." (week)
    25653,  # "On 15 October, ..."
    26562,  # "The stadium was later captured, ..." (inherited)
    26632,  # "On 20 October, ..."
)


@pytest.fixture(scope="module")
def dated():
    if not ARTICLE.exists() or not GOLD.exists():
        pytest.skip("shared corpus not available")
    from wartrace.ingest import load_path
    from wartrace.pipeline.stage import DocState
    from wartrace.segment import split_sentences
    from wartrace.time.stage import TimeStage

    document = load_path(str(ARTICLE))
    state = DocState(document).with_annotation("doc.sentences", split_sentences(document.text))
    state = TimeStage()(state)
    sentences = state["doc.sentences"]
    raw_spans = [document.clean.raw_span(s.start, s.end) for s in sentences]
    return document, sentences, raw_spans, state["doc.sentence_dates"]


def _gold_records():
    if not GOLD.exists():
        return []
    records = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["doc"] == ARTICLE.name and rec["start"] in PICKED and rec["start"] not in records:
            records[rec["start"]] = rec
    return [records[start] for start in PICKED if start in records]


def test_enough_sentences_are_checked():
    if not GOLD.exists():
        pytest.skip("shared gold not available")
    assert len(_gold_records()) >= 20


@pytest.mark.parametrize("record", _gold_records(), ids=lambda r: f"{r['start']}:{r['quote'][:30]}")
def test_sentence_date_matches_gold(dated, record):
    document, sentences, raw_spans, dates = dated
    index = next(i for i, span in enumerate(raw_spans) if span.start <= record["start"] < span.end)
    got = dates[index]
    assert (got.date, got.precision) == (record["date"], record["date_precision"]), (
        document.text[sentences[index].start:sentences[index].end]
    )


def test_every_sentence_gets_a_record(dated):
    _, sentences, _, dates = dated
    assert len(dates) == len(sentences)
    assert [d.sentence for d in dates] == list(range(len(sentences)))

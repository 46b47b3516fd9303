"""The time stage: its contract, the document kind, and sentence dates in news and narrative."""
from __future__ import annotations

from types import MappingProxyType

from wartrace.model import CleanText, Document, OffsetMap, Sentence, SentenceDate, Timex
from wartrace.pipeline.stage import DocState, check_order
from wartrace.time.context import NARRATIVE, NEWS
from wartrace.time.doc_kind import document_kind
from wartrace.time.stage import TimeStage, document_date


def _state(text: str, published: str | None, sentences: list[tuple[int, int, int]]) -> DocState:
    doc = Document(id="x", source="test", name="t.txt", media_type="text/plain", original_text=text,
                   clean=CleanText(text, OffsetMap.identity(len(text))), published=published)
    spans = tuple(Sentence(s, e, text[s:e].startswith("#"), p) for s, e, p in sentences)
    return DocState(doc).with_annotation("doc.sentences", spans)


def _split(text: str) -> list[tuple[int, int, int]]:
    """One sentence per '. ' or line; blank lines start paragraphs (enough for these texts)."""
    out, paragraph, pos = [], 0, 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        for line in block.split("\n"):
            line_start = text.index(line, start)
            cursor = line_start
            for piece in line.split(". "):
                s = text.index(piece, cursor)
                out.append((s, s + len(piece), paragraph))
                cursor = s + len(piece)
            start = line_start + len(line)
        pos = start
        paragraph += 1
    return out


def test_contract():
    stage = TimeStage()
    assert stage.name == "time" and stage.version == "3"
    assert stage.requires == frozenset({"doc.sentences"})
    assert stage.assigns == frozenset({"doc.timexes", "doc.sentence_dates"})

    class Segment:
        name, version = "segment", "1"
        requires, assigns = frozenset({"doc.text"}), frozenset({"doc.sentences"})

    check_order([Segment(), stage])


def test_news_sentences_take_their_own_date_or_the_publication_date():
    text = "Rebels shelled the town on Monday. Two civilians died. The army says it will respond."
    state = TimeStage()(_state(text, "2017-06-14", _split(text)))
    timexes, dates = state["doc.timexes"], state["doc.sentence_dates"]
    assert all(isinstance(t, Timex) for t in timexes) and all(isinstance(d, SentenceDate) for d in dates)
    assert [(d.date, d.precision, d.inherited) for d in dates] == [
        ("2017-06-12", "day", False), ("2017-06-12", "day", True), ("2017-06-12", "day", True)]


def test_narrative_headings_date_their_section_and_paragraphs_the_day():
    text = ("## June 2017\n\nOn 6 June, the offensive began. The army entered the north. "
            "On the next day, the bridge fell.\n\nReinforcements arrived.\n\n## July 2017\n\n"
            "On 3 July, the town fell.")
    state = TimeStage()(_state(text, "2023-10-01", _split(text)))
    dates = [(d.date, d.precision) for d in state["doc.sentence_dates"]]
    assert dates == [("2017-06", "month"), ("2017-06-06", "day"), ("2017-06-06", "day"),
                     ("2017-06-07", "day"), ("2017-06", "month"), ("2017-07", "month"), ("2017-07-03", "day")]


def test_a_dated_heading_dates_every_paragraph_of_its_section():
    text = ("The battle began on 24 February 2022.\n\n## Timeline\n\n### February 24, 2022\n"
            "Early on 24 February, troops crossed.\n\nThe battle began when they advanced.\n\n"
            "#### Night\nShelling went on.\n\n### March\nOn 2 March, guards reached the border.\n\n"
            "Troops left.\n\n## Aftermath\nMines were found. The army will march on.")
    state = TimeStage()(_state(text, "2023-07-01", _split(text)))
    dates = [(d.date, d.precision) for d in state["doc.sentence_dates"]]
    assert dates[3:] == [("2022-02-24", "day"), ("2022-02-24", "day"),  # the heading's day, past the paragraph
                         ("2022-02-24", "day"), ("2022-02-24", "day"),  # a sub-heading keeps its section's date
                         ("2022-03", "month"), ("2022-03-02", "day"), ("2022-03", "month"),  # "### March" alone
                         ("2022", "year"), ("2022", "year"), ("2022", "year")]  # an undated section: the year


def test_document_kind():
    narrative = ("## Background\nOn 6 June 2017 it began. On 8 June 2017 it grew. By 9 July 2017 it "
                 "spread.\n## Timeline\nIn August 2017 it ended.")
    assert document_kind(narrative, "2023-10-01") == NARRATIVE
    assert document_kind("The army said on Tuesday it had taken the town yesterday.", "2017-06-14") == NEWS
    assert document_kind("Anything at all.", None) == NARRATIVE


def test_an_article_revised_years_after_its_battle_is_a_narrative():
    # few full dates, no headings: only the years tell that it looks back from its revision date
    article = ("The 1998 siege of the port was fought in 1998. Fighting began on 3 May and the "
               "garrison gave up on 9 July, after a truce signed in 1997 had failed.")
    assert document_kind(article, "2023-06-24") == NARRATIVE
    # the same text dated in its own year, or speaking of weekdays, is news
    assert document_kind(article, "1998-07-10") == NEWS
    assert document_kind(article + " Officials said Thursday the port was calm.", "2023-06-24") == NEWS
    # one stray past year is no retrospective
    assert document_kind("Troops entered the port on 3 May, a year after the 1997 truce.", "1998-05-04") == NEWS


def _hinted(text: str, published: str | None, hint: object) -> DocState:
    doc = Document(id="x", source="test", name="t.txt", media_type="text/plain", original_text=text,
                   clean=CleanText(text, OffsetMap.identity(len(text))), published=published)
    spans = tuple(Sentence(s, e, False, p) for s, e, p in _split(text))
    return DocState(doc, MappingProxyType({"doc.sentences": spans, "doc.dct_hint": hint}))


def test_undated_news_counts_from_the_date_hint():
    text = ("Rebels shelled the town on Tuesday, officials said. The army retook the hill today. "
            "Two civilians died.")
    state = TimeStage()(_hinted(text, None, "2017-10-17"))  # a Tuesday
    timexes = {t.text: (t.value, t.anchor) for t in state["doc.timexes"]}
    assert timexes == {"Tuesday": ("2017-10-17", "dct"), "today": ("2017-10-17", "dct")}
    dates = [(d.date, d.precision, d.inherited) for d in state["doc.sentence_dates"]]
    assert dates == [("2017-10-17", "day", False), ("2017-10-17", "day", False), ("2017-10-17", "day", True)]


def test_the_documents_own_date_comes_before_the_hint():
    text = "Rebels shelled the town yesterday."
    state = TimeStage()(_hinted(text, "2017-06-14", "2017-10-17"))
    assert [(t.value, t.anchor) for t in state["doc.timexes"]] == [("2017-06-13", "dct")]


def test_without_date_or_hint_relative_days_stay_unresolved():
    text = "Rebels shelled the town yesterday."
    state = TimeStage()(_state(text, None, _split(text)))
    assert state["doc.timexes"] == ()
    assert [d.date for d in state["doc.sentence_dates"]] == [None]


def test_a_hinted_text_that_does_not_speak_like_news_stays_a_narrative():
    text = "## 2017\n\nOn 6 June 2017, the offensive began. On 3 July, the town fell."
    state = TimeStage()(_hinted(text, None, "2018-01-05"))
    values = [t.value for t in state["doc.timexes"]]
    assert values == ["2017", "2017-06-06", "2017-07-03"]  # the flow's year, not the hint's


def test_document_date():
    assert document_date("2017-06-14", "2017-10-17") == ("2017-06-14", False)
    assert document_date(None, "2017-10-17") == ("2017-10-17", True)
    assert document_date(None, "2017-10-17T08:30:00") == ("2017-10-17", True)
    assert document_date("2017-10", "2017-10-17") == ("2017-10-17", True)
    assert document_date("2017-09", "2017-10-17") == ("2017-09", False)  # the hint contradicts the own date
    assert document_date(None, "17 October") == (None, False)
    assert document_date(None, None) == (None, False)


def test_narrative_sentence_conventions():
    text = ("On 12 June 2017, clashes broke out. The SDF took Sahil after fighting lasted until the next "
            "morning.\n\nDuring the battle, white phosphorus was used.\n\nIn the night of 3\u20134 July, a "
            "strike breached the wall. The SDF advanced into the old city.")
    state = TimeStage()(_state(text, None, _split(text)))  # no date of its own: a narrative
    dates = [(d.date, d.precision) for d in state["doc.sentence_dates"]]
    assert dates == [("2017-06-12", "day"), ("2017-06-12", "week"),  # runs into the next morning
                     ("2017", "year"),  # the whole battle
                     ("2017-07-03", "week"), ("2017-07-04", "day")]  # the story goes on after the night

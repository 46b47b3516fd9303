from wartrace.ingest import document_from_bytes
from wartrace.pipeline.corpus import dct_hints


def doc(name: str, text: str):
    return document_from_bytes(text.encode(), f"/c/{name}", name)


DATED = ("Rebels seize the port\n\nMarch 3, 2015\n\nRebel fighters seized the harbour of Portville on Tuesday "
         "after a week of shelling, the harbour master said. Fishermen fled the docks.")
UNDATED = "Portville harbour falls\n\nThe rebels took the harbour on Tuesday; fishermen fled the docks, witnesses said."
UNRELATED = "Drought hits farmers\n\nToday farmers in the valley said the wheat harvest failed for a second year."


def test_undated_news_borrows_the_date_of_a_similar_dated_report():
    dated, undated, other = doc("a.txt", DATED), doc("b.txt", UNDATED), doc("c.txt", UNRELATED)
    hints = dct_hints([dated, undated, other])
    assert hints[undated.id]["date"] == "2015-03-03" and hints[undated.id]["from"] == "a.txt"
    assert other.id not in hints  # nothing in common with the dated report
    assert dated.id not in hints


def test_no_hint_without_day_words():
    plain = doc("d.txt", "Portville harbour was taken by rebels and fishermen fled the docks.")
    assert dct_hints([doc("a.txt", DATED), plain]) == {}

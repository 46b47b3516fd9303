"""Adding documents re-reconciles only the claim groups they touch."""
from __future__ import annotations

from wartrace.ingest import document_from_bytes
from wartrace.model import Claim, Span
from wartrace.pipeline.runner import reconcile_corpus
from wartrace.store.ledger import ledger_view


def add(store, name: str, text: str, claims: list[tuple[str, str, float]]) -> None:
    doc = document_from_bytes(text.encode(), f"/c/{name}", name)
    store.put_document(doc, text.encode())
    made = []
    for what, who, value in claims:
        i = text.index(str(int(value)))
        made.append(Claim(what=what, evidence=Span(i, i + len(str(int(value)))), sentence=0, low=value,
                          high=value, qualifier="exact", who=who, as_of="2016-05"))
    store.save_results(doc, {"test": "1"}, {}, (), tuple(made))


def test_only_touched_groups_are_recomputed(store):
    add(store, "a.txt", "In May 120 civilians were killed and 40 fighters fled.", [("killed", "civilians", 120),
                                                                                   ("fighters", "fighters", 40)])
    assert reconcile_corpus(store) == 2
    assert reconcile_corpus(store) == 0  # nothing changed
    add(store, "b.txt", "A monitor said 150 civilians were killed in May.", [("killed", "civilians", 150)])
    assert reconcile_corpus(store) == 1  # only the civilian deaths group
    rows = {r["what"]: r for r in ledger_view(store, "ucdp.v1")}
    assert len(rows["killed"]["claims"]) == 2 and rows["killed"]["sources"] == 2
    assert len(rows["fighters"]["claims"]) == 1 and rows["fighters"]["best"] == 40

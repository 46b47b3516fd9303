"""The ledger's acceptance checks on the example corpus (issue: the ledger)."""
from __future__ import annotations

import pytest

from tests.conftest import RAQQA, database_location
from wartrace.pipeline.runner import run
from wartrace.store import open_store
from wartrace.store.ledger import conflicts_view, control_view, ledger_view


@pytest.fixture(scope="module")
def store(tmp_path_factory, shared):
    s = open_store(database_location(tmp_path_factory.mktemp("ledger"), "raqqa"))
    summary = run(s, [str(RAQQA)])
    assert summary.ok, summary.failed
    yield s
    s.close()


def test_civilian_deaths_from_five_sources_fall_in_one_group(store):
    groups = [g for g in ledger_view(store, "ucdp.v1") if g["what"] == "killed" and g["who"] == "civilians"]
    best = max(groups, key=lambda g: len({c["source"] for c in g["claims"]}))
    figures = {(c["low"], c["source"]) for c in best["claims"]}
    for low in (1130, 1300, 1600, 1800, 3200):
        assert any(f[0] == low for f in figures), f"{low} missing from {sorted(figures)}"
    assert all(c["quote"] for c in best["claims"])
    assert len({c["source"] for c in best["claims"]}) >= 4


def test_the_convoy_figures_of_the_two_reports_contradict(store):
    found = conflicts_view(store)
    docs = {frozenset((c["first"]["doc"][:3], c["second"]["doc"][:3])) for c in found
            if c["group"].split("|")[1] in ("vehicles", "evacuated")}
    assert frozenset(("000", "001")) in docs, found


def test_sdf_share_series_has_eight_dated_points_from_the_article(store):
    shares = control_view(store, "Raqqa")["shares"]
    reported = {s["date"] for s in shares if s["actor"] == "SDF" and s["origin"].startswith("reported")
                and (s["doc"] or "").startswith("000")}
    assert len(reported) >= 8, sorted(reported)
    assert any(s["origin"] == "derived" and s["actor"] == "SDF" for s in shares)


def test_the_stadium_passes_to_the_sdf_on_17_october_2017(store):
    periods = [p for p in control_view(store)["periods"] if "stadium" in (p["place"] or "").lower()]
    assert any(p["holder"] == "SDF" and p["from"] == "2017-10-17" for p in periods), periods

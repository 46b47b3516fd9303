"""`plot_control` draws a real PNG from the control view."""
from __future__ import annotations

import pytest

from tests.export.builders import build_store
from wartrace.errors import InputError


def test_control_plot_is_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    from wartrace.export.plots import plot_control
    from wartrace.store import open_store
    from wartrace.store.ledger import control_view

    store = open_store(str(tmp_path / "p.db"))
    build_store(store, xss=False)
    out = tmp_path / "plots" / "control.png"
    drawn = plot_control(control_view(store), str(out))
    assert drawn["places"] >= 1 and drawn["periods"] >= 4
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    store.close()


def test_control_plot_without_history_is_an_error(tmp_path):
    pytest.importorskip("matplotlib")
    from wartrace.export.plots import plot_control

    with pytest.raises(InputError):
        plot_control({"periods": [], "shares": []}, str(tmp_path / "x.png"))

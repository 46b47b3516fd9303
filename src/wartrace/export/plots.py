"""Plots for files: `plot_control(view, out)` draws who held what when (needs matplotlib,
the optional `plot` extra). The input is `wartrace.store.ledger.control_view(store, place)`.

Top panel: one bar per place, coloured by holder, from each control period's start to
its end (open ends run to the edge of the chart). Bottom panel, when there are share
series: each actor's share of a city over time, derived from captured neighbourhoods
(lines) and as reported (points, with ranges as bars).
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

from wartrace.errors import InputError

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#F0E442", "#17BECF")


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def plot_control(view: dict[str, list[dict[str, Any]]], out: str, title: str | None = None,
                 max_places: int = 60) -> dict[str, int]:
    """Write a PNG (or SVG/PDF, by the file's suffix) of control over time; returns what it drew."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
        from matplotlib.patches import Patch
    except ImportError:
        raise InputError("WT112", path=out, reason="plots need matplotlib: pip install 'wartrace[plot]'") from None
    periods = view.get("periods", [])
    shares = view.get("shares", [])
    dates = [d for p in periods for d in (_day(p["from"]), _day(p["until"])) if d] + \
            [d for s in shares if (d := _day(s["date"]))]
    if not dates:
        raise InputError("WT113", place=title or "any place")
    first, last = min(dates) - dt.timedelta(days=3), max(dates) + dt.timedelta(days=3)
    holders = sorted({p["holder"] for p in periods} | {s["actor"] for s in shares}, key=str.casefold)
    colour = {h: PALETTE[i % len(PALETTE)] for i, h in enumerate(holders)}
    changed: dict[str, dt.date] = {}
    for p in periods:  # order places by the day they first changed hands
        name = p["place"] or p["place_id"]
        start = _day(p["from"]) or _day(p["until"]) or last
        changed[name] = min(changed.get(name, start), start)
    places = sorted(changed, key=lambda n: (changed[n], n.casefold()))
    places = places[:max_places]
    rows = 2 if shares else 1
    height = max(2.5, 0.22 * len(places) + 1.2)
    fig, axes = plt.subplots(rows, 1, figsize=(11, height + (3.2 if shares else 0)), squeeze=False,
                             gridspec_kw={"height_ratios": [height, 3.2] if shares else [height]})
    ax = axes[0][0]
    for p in periods:
        name = p["place"] or p["place_id"]
        if name not in places:
            continue
        start, end = _day(p["from"]) or first, _day(p["until"]) or last
        y = len(places) - 1 - places.index(name)
        ax.barh(y, (end - start).days or 1, left=mdates.date2num(start), height=0.7, color=colour[p["holder"]],
                edgecolor="white", linewidth=0.5)
    ax.set_yticks(range(len(places)))
    ax.set_yticklabels(list(reversed(places)), fontsize=7)
    ax.set_xlim(mdates.date2num(first), mdates.date2num(last))
    ax.xaxis_date()
    ax.set_title(title or "Who held each place (rule control.captures.v1)", fontsize=10)
    ax.legend(handles=[Patch(color=colour[h], label=h) for h in holders], fontsize=7, loc="upper left",
              bbox_to_anchor=(1.0, 1.0))
    if shares:
        ax2 = axes[1][0]
        for (place, actor, origin) in sorted({(s["place"] or s["place_id"], s["actor"], s["origin"]) for s in shares}):
            pts = sorted([(_day(s["date"]), s["low"], s["high"]) for s in shares
                          if (s["place"] or s["place_id"], s["actor"], s["origin"]) == (place, actor, origin)
                          and _day(s["date"])], key=lambda t: t[0])
            xs = [mdates.date2num(d) for d, _, _ in pts]
            lows = [lo for _, lo, _ in pts]
            if origin == "derived":
                ax2.step(xs, lows, where="post", color=colour[actor], label=f"{actor} in {place} (derived)")
            else:
                ax2.scatter(xs, lows, color=colour[actor], marker="o" if origin == "reported" else "x", s=18,
                            label=f"{actor} in {place} ({origin})")
                for x, (_, lo, hi) in zip(xs, pts):
                    if hi is not None and hi != lo:
                        ax2.vlines(x, lo, hi, color=colour[actor], linewidth=1)
        ax2.set_ylim(0, 100)
        ax2.set_ylabel("% held", fontsize=8)
        ax2.set_xlim(mdates.date2num(first), mdates.date2num(last))
        ax2.xaxis_date()
        ax2.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.autofmt_xdate()
    fig.tight_layout()
    target = Path(out)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix or ".png", dir=target.parent)
        os.close(fd)
        fig.savefig(tmp, dpi=130)
        os.replace(tmp, target)
    except OSError as err:
        raise InputError("WT112", path=out, reason=err.strerror or str(err)) from None
    finally:
        plt.close(fig)
    return {"places": len(places), "periods": sum(1 for p in periods if (p["place"] or p["place_id"]) in places),
            "share points": len(shares)}

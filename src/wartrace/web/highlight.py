"""A document's text with its evidence spans marked and linked; every piece escaped.

Spans may overlap (an event and the claim inside it, two events of one sentence), so the
text is cut at every span boundary and each piece is wrapped once, in a link to the
most specific (shortest) span covering it (or to the focused span), with the classes of all spans covering it.
An empty anchor ``<span id="event-5">`` marks where each span starts, so
``/documents/ID#event-5`` scrolls to it; ``focus`` marks one span's pieces as the
current one.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    key: str  # "event-5", "claim-3", "hit-0": the anchor id
    kind: str  # event, claim, hit
    css: str  # extra classes, e.g. the event type
    href: str | None
    title: str


def highlight(text: str, marks: list[Mark], focus: str | None = None) -> Markup:
    n = len(text)
    marks = [m for m in marks if 0 <= m.start <= m.end <= n]
    bounds = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[Markup] = []
    for a, b in zip(bounds, bounds[1:] + [n]):
        for m in sorted(starts.get(a, ()), key=lambda m: m.key):
            out.append(Markup('<span class="anchor" id="{}"></span>').format(m.key))
        if a >= b:
            continue
        piece = text[a:b]
        covering = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
        if not covering:
            out.append(escape(piece))
            continue
        focused = [m for m in covering if focus and m.key == focus]
        inner = focused[0] if focused else min(covering, key=lambda m: (m.end - m.start, m.key))
        classes = ["hl"] + sorted({f"hl-{m.kind}" for m in covering}) + sorted({m.css for m in covering if m.css})
        if focus and any(m.key == focus for m in covering):
            classes.append("focus")
        title = "; ".join(m.title for m in sorted(covering, key=lambda m: (m.end - m.start, m.key)))
        keys = " ".join(m.key for m in covering)
        if inner.href:
            out.append(Markup('<a class="{}" href="{}" title="{}" data-spans="{}">{}</a>').format(
                " ".join(classes), inner.href, title, keys, piece))
        else:
            out.append(Markup('<mark class="{}" title="{}" data-spans="{}">{}</mark>').format(
                " ".join(classes), title, keys, piece))
    return Markup("").join(out)

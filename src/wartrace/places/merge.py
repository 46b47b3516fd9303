"""Corpus-level merging: variants that co-refer across documents become one place.

Gazetteer places already share an id across documents; what is left are places the
text only implied (``inferred:...``) or world places that documents spell differently.
Two places merge when they have the same parent and the same match key or consonant
skeleton (al-Tawaso'eiyah / Tawasoeiyah), or when an inferred place's name is a known
place's name under the same parent. Every surface form is kept as an alias.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from wartrace.model import PlaceMention, PlaceRef
from wartrace.places.normalize import match_key, skeleton_key


def _keys(ref: PlaceRef) -> set[tuple[str | None, str]]:
    names = (ref.name, *ref.aliases)
    return {(ref.parent, k) for n in names for k in (match_key(n), "sk:" + skeleton_key(n)) if k.strip(":sk")}


def merge_places(docs: Iterable[Sequence[PlaceMention]]) -> dict[str, PlaceRef]:
    """Map every place id seen in ``docs`` to its merged PlaceRef (canonical name,
    all aliases). Known (gazetteer) places absorb inferred ones; among inferred
    places, the most frequent spelling names the merged place."""
    refs: dict[str, PlaceRef] = {}
    spellings: dict[str, Counter[str]] = {}
    for mentions in docs:
        for m in mentions:
            refs.setdefault(m.place.id, m.place)
            surface = m.text[4:] if m.text.lower().startswith("the ") else m.text
            spellings.setdefault(m.place.id, Counter())[surface] += 1
    # Known places first, so an inferred variant joins a gazetteer entry, not the reverse.
    order = sorted(refs, key=lambda i: (refs[i].gazetteer == "inferred", i))
    owner_of_key: dict[tuple[str | None, str], str] = {}
    target: dict[str, str] = {}
    for pid in order:
        keys = _keys(refs[pid])
        owner = next((owner_of_key[k] for k in keys if k in owner_of_key), pid)
        target[pid] = owner
        for k in keys:
            owner_of_key.setdefault(k, owner)
    merged: dict[str, PlaceRef] = {}
    for owner in set(target.values()):
        members = [pid for pid, t in target.items() if t == owner]
        base = refs[owner]
        counts: Counter[str] = Counter()
        for pid in members:
            counts.update(spellings[pid])
        name = base.name if base.gazetteer != "inferred" else counts.most_common(1)[0][0]
        aliases = tuple(dict.fromkeys(a for a in (*base.aliases, *(refs[p].name for p in members), *counts)
                                      if a != name))
        merged[owner] = replace(base, name=name, aliases=aliases)
    return {pid: merged[target[pid]] for pid in target}

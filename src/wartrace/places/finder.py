"""Find place-mention candidates in a cleaned text, without relying on NER labels.

Three passes over one token list:

1. gazetteer scan: at every token that can start a name (capitalized, an Arabic
   article before a capitalized word, or the first word of a lower-case alias such as
   "old city"), the longest n-gram whose match key is in the index;
2. capitalized chunks left over: skeleton and fuzzy match against the document's local
   gazetteers, then "X circle" / "X gate" site-base match; otherwise, with a place cue
   ("X district", "X village", "X stadium"), an inferred place;
3. site nouns ("the stadium", "a sports stadium") resolved to the single site of that
   type in the document's city gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from wartrace.places.index import PlaceIndex
from wartrace.places.lexicon import (ARTICLE_TOKENS, DIRECTIONS, LOCATIVES, NAME_CONNECTORS,
                                     NOT_PLACE_WORDS, PLACE_NOUNS, SITE_NOUNS, SITE_PREMODIFIERS,
                                     TITLES)
from wartrace.places.normalize import match_key, strip_possessive

_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[^\W\d_]\w*(?:['’ʿ](?!s\b)[^\W\d_]\w*)*")
_JOIN_GAPS = frozenset({" ", "-", "‐", "–", "- ", " -"})
_DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        c = self.text[0]
        return c.isupper() or c.isdigit()

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str
    name: str  # the name itself, without a trailing generic noun
    ids: tuple[str, ...]
    via: str  # exact, skeleton, fuzzy, site-base, site-noun, inferred
    kind_hint: str | None = None
    parent_text: str | None = None  # "of Y", "in Y": the Y
    direction: str | None = None  # "northern" in "northern Syria"
    in_chunk: bool = False  # part of a longer capitalized name ("Ryan Dillon", "New York Times")
    cue: bool = False  # a locative word or a place noun stands next to it
    sentence_initial: bool = False
    source_cue: bool = False  # "by X", "told X": X is more likely a medium or a person


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


class CandidateFinder:
    """Candidate place mentions for one index; holds no per-document state."""

    def __init__(self, index: PlaceIndex) -> None:
        self.index = index

    # --- token helpers ----------------------------------------------------------------

    @staticmethod
    def _joined(text: str, toks: Sequence[Token], j: int) -> bool:
        return text[toks[j - 1].end:toks[j].start] in _JOIN_GAPS

    @staticmethod
    def _is_article(text: str, toks: Sequence[Token], i: int) -> bool:
        # "al-Bab", "Ar Rastan", "al Bab"; but "at Tikrit", "as Mosul" are English.
        if toks[i].lower not in ARTICLE_TOKENS or i + 1 >= len(toks) or not toks[i + 1].cap:
            return False
        gap = text[toks[i].end:toks[i + 1].start]
        return gap in ("-", "‐") or gap == " " and (toks[i].lower in ("al", "el") or toks[i].cap)

    def _startable(self, text: str, toks: Sequence[Token], i: int) -> bool:
        t = toks[i]
        if t.lower in _DETERMINERS:
            return False
        if self._is_article(text, toks, i):
            head = toks[i + 1]
        elif t.cap:
            head = t
        else:  # lower-case aliases such as "old city" start anywhere
            return match_key(t.text) in self.index.first_words
        return self.index.first_word_possible(strip_possessive(head.text))

    @staticmethod
    def _inside_name(text: str, toks: Sequence[Token], i: int, j: int) -> bool:
        """Tokens i..j are part of a longer capitalized name ("Ryan Dillon", "New York
        Times"): likely a person or an organisation, not a place."""
        if i > 0 and toks[i].cap and text[toks[i - 1].end:toks[i].start] == " ":
            prev = toks[i - 1]
            if prev.cap and prev.lower not in DIRECTIONS and prev.lower not in _DETERMINERS \
                    and not CandidateFinder._sentence_start(text, toks, i - 1):
                return True
        if j + 1 < len(toks) and text[toks[j].end:toks[j + 1].start] == " ":
            nxt = toks[j + 1]
            if nxt.lower in NAME_CONNECTORS and j + 2 < len(toks) and toks[j + 2].cap:
                return True
            return nxt.cap and not nxt.text[0].isdigit() and nxt.lower not in PLACE_NOUNS \
                and nxt.lower not in SITE_NOUNS and nxt.lower not in ("international",)
        return False

    @staticmethod
    def _sentence_start(text: str, toks: Sequence[Token], i: int) -> bool:
        before = text[max(0, toks[i].start - 3):toks[i].start].rstrip(" \t\"“'‘(#*[")
        return i == 0 or not before or before[-1] in ".!?:\n"

    def _chunks(self, text: str, toks: Sequence[Token]) -> list[tuple[int, int]]:
        """Maximal runs of capitalized tokens (with name connectors between them)."""
        out, i, n = [], 0, len(toks)
        while i < n:
            if not (toks[i].cap or self._is_article(text, toks, i)):
                i += 1
                continue
            j = i
            while j + 1 < n and self._joined(text, toks, j + 1):
                nxt = toks[j + 1]
                if nxt.cap:
                    j += 1
                elif nxt.lower in NAME_CONNECTORS and j + 2 < n and toks[j + 2].cap \
                        and self._joined(text, toks, j + 2):
                    j += 2
                else:
                    break
            out.append((i, j))
            i = j + 1
        return out

    @staticmethod
    def _kind_after(text: str, toks: Sequence[Token], j: int) -> tuple[str | None, int]:
        """A generic place noun right after token j: (kind, index of the noun)."""
        if j + 1 < len(toks) and text[toks[j].end:toks[j + 1].start] == " ":
            kind = PLACE_NOUNS.get(toks[j + 1].lower)
            if kind:
                return kind, j + 1
        return None, j

    @staticmethod
    def _cue_before(toks: Sequence[Token], i: int) -> bool:
        k = i - 1
        while k >= 0 and (toks[k].lower in _DETERMINERS or toks[k].lower in DIRECTIONS):
            k -= 1
        return k >= 0 and (toks[k].lower in LOCATIVES or toks[k].lower in PLACE_NOUNS)

    @staticmethod
    def _parent_text(text: str, toks: Sequence[Token], j: int) -> str | None:
        """The Y of "X district of Y", "X, a village south of Y", "X in western Y"."""
        k = j + 1
        for _ in range(6):
            if k >= len(toks) or "." in text[toks[k - 1].end:toks[k].start]:
                return None
            w = toks[k].lower
            if w in ("of", "in") and k + 1 < len(toks):
                m = k + 1
                while m < len(toks) and (toks[m].lower == "the" or toks[m].lower in DIRECTIONS):
                    m += 1
                if m < len(toks) and toks[m].cap:
                    return strip_possessive(toks[m].text)
                return None
            if toks[k].cap:
                return None
            k += 1
        return None

    @staticmethod
    def _direction_before(toks: Sequence[Token], i: int) -> str | None:
        return toks[i - 1].text if i > 0 and toks[i - 1].lower in DIRECTIONS else None

    # --- passes -----------------------------------------------------------------------

    def scan(self, text: str, toks: Sequence[Token], active: frozenset[str]) -> list[Candidate]:
        """Pass 1: longest exact gazetteer match at every possible start; entries of city
        gazetteers that do not apply to this document are invisible."""
        out: list[Candidate] = []
        i, n = 0, len(toks)
        while i < n:
            if not self._startable(text, toks, i):
                i += 1
                continue
            best = None
            for j in range(i, min(n, i + self.index.max_words)):
                if j > i and not self._joined(text, toks, j):
                    break
                surface = strip_possessive(text[toks[i].start:toks[j].end])
                ids = self.index.applicable(self.index.exact(surface), active)
                if ids and (toks[i].cap or self._is_article(text, toks, i)
                            or match_key(surface) in self.index.lower_keys):
                    best = (j, surface, ids)
                # stop once no longer key starts this way (an article or "ibn" may still join)
                if toks[j].lower not in ARTICLE_TOKENS and toks[j].lower not in NAME_CONNECTORS \
                        and not self.index.may_extend(surface):
                    break
            if best is None:
                i += 1
                continue
            j, surface, ids = best
            kind, end_tok = self._kind_after(text, toks, j)
            start = toks[i].start
            end = toks[end_tok].end if kind else start + len(surface)
            out.append(Candidate(
                start, end, text[start:end], surface, ids, "exact", kind_hint=kind,
                parent_text=self._parent_text(text, toks, end_tok),
                direction=self._direction_before(toks, i),
                in_chunk=self._inside_name(text, toks, i, j),
                cue=bool(kind) or self._cue_before(toks, i),
                sentence_initial=self._sentence_start(text, toks, i),
                source_cue=i > 0 and toks[i - 1].lower in ("by", "told", "via", "from"),
            ))
            i = j + 1
        return out

    def leftovers(self, text: str, toks: Sequence[Token], found: Sequence[Candidate],
                  active: frozenset[str]) -> list[Candidate]:
        """Pass 2: capitalized chunks no gazetteer key matched. A match that is only part
        of a longer capitalized name ("Tall" of "Tall al Abayad") does not cover it."""
        covered = [(c.start, c.end) for c in found if not c.in_chunk]
        out: list[Candidate] = []
        for a, b in self._chunks(text, toks):
            start, end = toks[a].start, toks[b].end
            if any(s < end and start < e for s, e in covered):
                continue
            if a > 0 and toks[a - 1].lower.rstrip(".") in TITLES:
                continue
            cand = self._leftover(text, toks, a, b, active)
            if cand is not None:
                out.append(cand)
        return out

    def _leftover(self, text: str, toks: Sequence[Token], a: int, b: int,
                  active: frozenset[str]) -> Candidate | None:
        idx = self.index
        # A trailing generic word inside the chunk ("Tell Abyad District") is a noun.
        last = toks[b].lower
        noun_kind = PLACE_NOUNS.get(last) if b > a else None
        site_type = SITE_NOUNS.get(last) if b > a and not noun_kind else None
        name_end = b - 1 if (noun_kind or site_type) else b
        kind, noun_tok = (noun_kind, b) if noun_kind else self._kind_after(text, toks, b)
        if not (kind or site_type) and b + 1 < len(toks) and text[toks[b].end:toks[b + 1].start] == " ":
            site_type = SITE_NOUNS.get(toks[b + 1].lower)
            if site_type:
                noun_tok = b + 1
        if not (kind or site_type) and a > 1 and toks[a - 1].lower == "of":
            kind = PLACE_NOUNS.get(toks[a - 2].lower)  # "the town of X", "village of X"
        start = toks[a].start
        end = toks[max(noun_tok, b)].end
        name = strip_possessive(text[start:toks[name_end].end])
        if name.lower() in NOT_PLACE_WORDS or not match_key(name):
            return None
        cue = bool(kind or site_type) or self._cue_before(toks, a)
        article = toks[a].lower in ARTICLE_TOKENS
        base = dict(start=start, end=end, text=text[start:end], name=name, kind_hint=kind,
                    parent_text=self._parent_text(text, toks, max(noun_tok, b)), cue=cue)
        reported_by = a > 0 and toks[a - 1].lower in ("by", "told", "via")  # "reported by Al Jazeera"
        if active and (cue or article) and not (reported_by and not (kind or site_type)):
            hit = idx.skeleton(name, active) or idx.fuzzy(match_key(name), active)
            if hit is None and site_type:
                hit = idx.site_base(match_key(name), site_type, active)
            if hit is not None:
                return Candidate(ids=hit.ids, via=hit.via, **base)
        if kind and noun_tok > b and toks[noun_tok].lower.endswith("s") and not self._in_list(text, toks, a):
            return None  # "European cities": a plural noun needs a list of names before it
        if kind or site_type:
            return Candidate(ids=(), via="inferred", **{**base, "kind_hint": kind or "site"})
        return None

    @staticmethod
    def _in_list(text: str, toks: Sequence[Token], a: int) -> bool:
        return a > 0 and (toks[a - 1].lower == "and" or text[toks[a - 1].end:toks[a].start].startswith(","))

    def site_nouns(self, text: str, toks: Sequence[Token], found: Sequence[Candidate],
                   active: frozenset[str]) -> list[Candidate]:
        """Pass 3: "the stadium", "a sports stadium" -> the one site of that type."""
        if not active:
            return []
        covered = [(c.start, c.end) for c in found]
        out = []
        for k, t in enumerate(toks):
            site_type = SITE_NOUNS.get(t.lower)
            if not site_type or t.cap or any(s <= t.start < e for s, e in covered):
                continue
            m = k - 1
            # skip modifiers: "the sports stadium", "the rebel-held stadium"
            while m >= 0 and (toks[m].lower in SITE_PREMODIFIERS or toks[m].lower in ("held", "controlled")
                              or text[toks[m].end:toks[m].end + 1] == "-"):
                m -= 1
            if m < 0 or toks[m].lower not in ("the", "a", "its", "this", "that"):
                continue
            if toks[m].lower == "a" and m == k - 1:
                continue  # a bare "a hospital" is any hospital
            ids = self.index.sites_of_type(site_type, sorted(active))
            if len(ids) != 1:
                continue
            start, end = toks[m + 1].start, t.end
            if k + 1 < len(toks) and toks[k + 1].lower == "complex":
                end = toks[k + 1].end
            out.append(Candidate(start, end, text[start:end], text[start:end], ids, "site-noun",
                                 kind_hint="site", cue=True))
        return out

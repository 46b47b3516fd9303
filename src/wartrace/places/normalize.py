"""Match keys for place names: one key for every spelling of a transliterated name.

Three keys, from strict to loose:

* ``plain_key``   diacritics, case, apostrophes, hyphens and a leading "the" removed.
* ``match_key``   plain key plus Arabic-transliteration folding: articles (al-, el-,
                  ar-, ash-...), ibn/bin/ben, abd al-/abdul, vowel variants (ee/i,
                  ou/u, e/i, ay/ei), q/k/g, kh/h, ta marbuta (-ah/-eh), doubled letters.
* ``skeleton_key`` consonant skeleton of the match key with name particles dropped;
                  it collapses vowel-only differences (Hattin/Huttin, Taqba/Taqaba)
                  and is only safe against small, local gazetteers.

All functions are pure and cached; they never look at a gazetteer.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into ASCII, and marks written for ayn/hamza.
_SPECIAL = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae",
    "œ": "oe", "ʿ": "", "ʾ": "", "ʻ": "", "ʼ": "", "'": "", "’": "", "‘": "", "`": "",
    "´": "", "′": "", "ˈ": "",
})
_WORD = re.compile(r"[a-z0-9]+")

# Arabic definite article as transliterated; sun-letter forms (ar-, as-, ash-...) are
# only articles before a word starting with that same consonant (ar-Rastan, as-Sukhnah).
_ARTICLES = frozenset({"al", "el", "ul", "il"})
_SUN_ARTICLES = {"ad": "d", "adh": "dh", "an": "n", "ar": "r", "as": "s", "ash": "sh",
                 "at": "t", "ath": "th", "az": "z", "ed": "d", "en": "n", "er": "r",
                 "es": "s", "esh": "sh", "et": "t", "ez": "z"}
_SUN_LETTERS = "tdrzsln"
_SON_OF = frozenset({"bin", "ibn", "ben", "ibin", "bn", "b"})
_SERVANT_OF = frozenset({"abdul", "abdel", "abdal", "abdol", "abdil"})
_PARTICLES = frozenset({"bn", "abd", "abu", "umm", "bint", "dar", "beit"})
# Generic words of Arabic toponyms, spelled many ways (Tell/Tall/Tal, Jebel/Jabal...).
_TOPONYM_WORDS = {
    "tell": "tal", "tall": "tal", "tel": "tal", "til": "tal", "jebel": "jabal", "djebel": "jabal",
    "jabal": "jabal", "jbel": "jabal", "kfar": "kafr", "kafr": "kafr", "kfr": "kafr",
    "khirbet": "hirbat", "khirbat": "hirbat", "kherbet": "hirbat", "ein": "ain", "ayn": "ain",
    "ain": "ain", "abou": "abu", "abo": "abu", "um": "umm", "om": "umm", "sheikh": "shaih",
    "shaykh": "shaih", "shaikh": "shaih", "cheikh": "shaih", "sheik": "shaih",
}

# Ordered rewrites of the match key; each folds spellings that transliterations of the
# same Arabic (or Cyrillic, Turkish) letter produce.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"dj", "j"),
        (r"kh", "h"),
        (r"gh", "g"),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"[qg]", "k"),
        (r"(?<=[a-z])dh", "d"),
        (r"(?<=[a-z])th", "t"),
        (r"ou|oo|ow|aw|o", "u"),
        (r"ee|ie(?=[^aeiou]|$)", "i"),
        (r"ey|ei|ay|ai", "ai"),
        (r"ia$", "iya"),
        (r"(?<=[aeiu])h$", ""),  # ta marbuta: Hasakah -> Hasaka, Hasakeh -> Hasake
        (r"(?<=[^aeiu])e$", "a"),  # Haseke -> Haseka
        (r"e", "i"),
        (r"(.)\1+", r"\1"),
        (r"iya$", "ia"),
    )
)


@lru_cache(maxsize=65536)
def ascii_fold(text: str) -> str:
    """Lower-case ASCII-ish form: diacritics and apostrophes removed, case folded."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().translate(_SPECIAL)


def words(text: str) -> list[str]:
    """The alphanumeric words of a name after ascii folding (hyphens split words)."""
    return _WORD.findall(ascii_fold(text))


@lru_cache(maxsize=65536)
def plain_key(name: str) -> str:
    ws = words(name)
    if len(ws) > 1 and ws[0] == "the":
        ws = ws[1:]
    return " ".join(ws)


def _drop_articles(ws: list[str]) -> list[str]:
    out: list[str] = []
    for i, w in enumerate(ws):
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if nxt and w in _ARTICLES:
            continue
        if nxt and w in _SUN_ARTICLES and nxt.startswith(_SUN_ARTICLES[w]):
            continue
        # Article glued to a doubled sun letter, e.g. "Deir Ezzor" = "Deir ez-Zor".
        if i > 0 and len(w) > 4 and w[0] in "ae" and w[1] in _SUN_LETTERS and w[1] == w[2]:
            w = w[2:]
        # "Alrastan", "Elbab": glued al-/el- before a longer word.
        elif len(w) > 5 and w[:2] in ("al", "el") and w[2] not in "aeiouy" and i > 0:
            w = w[2:]
        out.append(w)
    return out


@lru_cache(maxsize=65536)
def light_key(name: str) -> str:
    """Articles, ibn/bin and abd al- unified, but no vowel or consonant folding: the key
    for the world layer, where loose folding would make Game = Gama (Hama)."""
    ws = words(name)
    if len(ws) > 1 and ws[0] == "the":
        ws = ws[1:]
    out: list[str] = []
    for w in _drop_articles(ws):
        if w in _SON_OF and out:
            out.append("bn")
        elif w in _SERVANT_OF:
            out.append("abd")
        else:
            out.append(_TOPONYM_WORDS.get(w, w))
    return " ".join(out)


@lru_cache(maxsize=131072)
def _fold_word(w: str) -> str:
    if w.isdigit():
        return w
    for pattern, repl in _FOLDS:
        w = pattern.sub(repl, w)
    return w


@lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    """Transliteration-folded key: equal for the usual spellings of one name."""
    ws = words(name)
    if len(ws) > 1 and ws[0] == "the":
        ws = ws[1:]
    ws = _drop_articles(ws)
    out: list[str] = []
    for w in ws:
        if w in _SON_OF and out:
            out.append("bn")
        elif w in _SERVANT_OF:
            out.append("abd")
        elif w in _TOPONYM_WORDS:
            out.append(_TOPONYM_WORDS[w])
        else:
            out.append(_fold_word(w))
    return " ".join(out)


def _skeleton_word(w: str) -> str:
    if w.isdigit() or len(w) <= 2:
        return w
    head, rest = w[0], w[1:]
    return head + re.sub(r"[aeiuy]", "", rest)


@lru_cache(maxsize=65536)
def skeleton_key(name: str) -> str:
    """Consonant skeleton of the match key, name particles (bin, abd, abu) dropped."""
    ws = [w for w in match_key(name).split() if w not in _PARTICLES]
    return " ".join(_skeleton_word(w) for w in ws)


def strip_possessive(text: str) -> str:
    """ "Mosul's" -> "Mosul", "Tigris'" -> "Tigris"."""
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text

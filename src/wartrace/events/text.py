"""Tokens and clauses of one sentence, with offsets into the document's cleaned text.

The events rules work on words, not on a parse: a sentence is split into clauses
("chunks") at the places where English war reporting starts a new predication --
";", "but", "while", "though", a relative pronoun after a comma, a participle after a
comma ("..., capturing X"), "and" followed by a new finite verb. Each chunk has a kind
that says how it relates to the sentence:

    main   the sentence's first clause, or one after ";" / "but"
    coord  "and <verb> ...": same subject, new predicate
    part   ", <verb>-ing ...": same subject, new predicate
    rel    ", which/who/where ..." or "<noun> that ...": about the noun before it
    sub    "while / though / after / as / when ...": its own subject
    comp   "said that ...": reported content
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_](?:[\w]|[-–'’](?=\w))*|\S")

IRREGULAR_PAST = frozenset(
    """took fell began won lost fought struck hit left fled held made went came saw shot cut broke drove
    overran retook withdrew sent led ran put set got gave kept met stood told said launched was were had
    became brought caught found sought spent built""".split()
)
BE_FORMS = frozenset("is are was were be been being am 's".split())
HAVE_FORMS = frozenset("has have had having".split())
REPORTING_THAT = frozenset(
    """said says stated states reported reports claimed claims announced announces added confirmed noted
    denied believed believe thought acknowledged insisted warned revealed indicated showed shows suggested
    argued estimated estimates learned learnt tweeted wrote alleged declared assured conceded explained
    mentioned observed hoped feared""".split()
)
SUBORDINATORS = {
    "while": "sub", "whilst": "sub", "whereas": "sub", "though": "sub", "although": "sub", "albeit": "sub",
    "after": "sub", "before": "sub", "when": "sub", "since": "sub", "until": "sub", "because": "sub",
    "whereupon": "main", "but": "main", "yet": "main", "however": "main",
}
RELATIVES = frozenset({"which", "who", "whom", "whose", "where"})


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    i: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int  # document offsets
    end: int
    kind: str  # main, coord, part, rel, sub, comp
    first_tok: int  # index of the chunk's first token in the sentence
    index: int


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        out.append(Tok(m.start(), m.end(), m.group(), m.group().lower(), len(out)))
    return out


def looks_past_verb(tok: Tok) -> bool:
    low = tok.low
    if low in IRREGULAR_PAST:
        return True
    return len(low) > 4 and low.endswith("ed") and tok.text[:1].islower()


def looks_finite(tok: Tok) -> bool:
    return looks_past_verb(tok) or tok.low in BE_FORMS or tok.low in HAVE_FORMS


def chunk_sentence(toks: list[Tok], start: int, end: int, place_spans: list[tuple[int, int]] = ()) -> list[Chunk]:
    """Split a sentence into clauses (see the module docstring)."""
    cuts: list[tuple[int, str]] = []  # (token index where a chunk starts, kind)
    n = len(toks)
    in_place = set()
    for a, b in place_spans:
        for t in toks:
            if a <= t.start < b:
                in_place.add(t.i)
    for k, t in enumerate(toks):
        if k == 0:
            continue
        prev = toks[k - 1]
        low = t.low
        nxt = toks[k + 1] if k + 1 < n else None
        if t.text == ";":
            if nxt is not None:
                cuts.append((k + 1, "main"))
            continue
        if t.text in ("—", "–") and prev.end < t.start and nxt is not None and t.end < nxt.start:
            cuts.append((k + 1, "sub"))
            continue
        comma = prev.text == ","
        if low in SUBORDINATORS and (comma or low in ("while", "whilst", "whereas", "though", "although", "but", "albeit", "whereupon")):
            if low == "after" and nxt is not None and nxt.low in ("which",):
                cuts.append((k, "main"))
            elif low in ("before", "after", "since", "until") and not comma:
                continue
            else:
                cuts.append((k, SUBORDINATORS[low]))
            continue
        if low in ("as",) and comma and nxt is not None and nxt.low not in ("well", "part", "a", "result", "such", "many", "much", "of"):
            cuts.append((k, "sub"))
            continue
        if low in RELATIVES and (comma or prev.i in in_place or low == "where"):
            cuts.append((k, "rel"))
            continue
        if low == "that":
            if prev.low in REPORTING_THAT or (prev.low in ("and", "but", "or") and any(kd == "comp" for _, kd in cuts)):
                cuts.append((k, "comp"))
            elif prev.i in in_place or (prev.is_word and prev.low not in ("so", "such", "now", "than") and nxt is not None
                                        and (nxt.low in ("the", "they", "it", "he", "she", "we") or nxt.cap)):
                cuts.append((k, "rel"))
            continue
        adv_comma = prev.low.endswith("ly") and k > 1 and toks[k - 2].text == ","
        if (comma or adv_comma) and low.endswith("ing") and len(low) > 5 and t.text[:1].islower() and low not in ("including", "excluding", "according", "regarding", "concerning", "involving", "notwithstanding"):
            cuts.append((k, "part"))
            continue
        if low == "and" and nxt is not None:
            j = k + 1
            while j < n and toks[j].low in ("also", "then", "later", "subsequently", "eventually", "finally", "thereby", "further", "thus", "so"):
                j += 1
            if j < n and looks_finite(toks[j]) and toks[j].low not in ("was", "were", "is", "are"):
                cuts.append((k, "coord"))
            elif j < n and toks[j].low == "by" and comma:  # ", and by 20 August had ..."
                cuts.append((k, "coord"))
            continue
    # a sentence that opens with a subordinate clause ("Even though X, Y") ends it at the first comma
    lead = [x.low for x in toks[:2]]
    if lead and (lead[0] in SUBORDINATORS or lead[0] in ("despite", "as", "whereas", "once") or lead[:2] == ["even", "though"]):
        for k, t in enumerate(toks[1:], 1):
            if t.text == "," and k + 1 < n:
                cuts.append((k + 1, "main"))
                break
    for k, t in enumerate(toks):
        if t.low in ("in", "so") and k + 2 < n and toks[k + 1].low in ("order", "as") and toks[k + 2].low == "to":
            cuts.append((k, "sub"))
    chunks: list[Chunk] = []
    bounds = [(0, "main")] + sorted(set(cuts))
    for idx, (tk, kind) in enumerate(bounds):
        nxt_tk = bounds[idx + 1][0] if idx + 1 < len(bounds) else n
        if nxt_tk <= tk:
            continue
        a = toks[tk].start if tk < n else end
        b = toks[nxt_tk - 1].end if nxt_tk - 1 < n else end
        if chunks and chunks[-1].first_tok == tk:
            continue
        chunks.append(Chunk(a, b, kind, tk, len(chunks)))
    if not chunks:
        chunks.append(Chunk(start, end, "main", 0, 0))
    return chunks


def paren_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every parenthesised or bracketed stretch inside [start, end)."""
    out, stack = [], []
    for i in range(start, end):
        c = text[i]
        if c in "([":
            stack.append(i)
        elif c in ")]" and stack:
            a = stack.pop()
            if not stack:
                out.append((a, i + 1))
    return out


def words_between(toks: list[Tok], a: int, b: int) -> list[Tok]:
    return [t for t in toks if t.start >= a and t.end <= b]


def norm_space(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()

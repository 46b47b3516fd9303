"""A small offset-keeping tokenizer for the claims rules.

Numbers keep their separators ("4,150", "1.5"), dotted acronyms stay whole ("U.S."),
hyphenated words stay whole ("pro-government", "twenty-one"), and every other non-space
character is a token of its own, so "200–250" is three tokens and "US$5,000" four.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])"  # 4,150 / 1,000.5 (ASCII digits only)
    r"|[0-9]+(?:\.[0-9]+)?"  # 350 / 1.5
    r"|[A-Za-z](?:\.[A-Za-z])+\.?"  # U.S. / U.N.
    r"|[^\W\d_](?:[\w]|[-–](?=\w))*"  # words, hyphenated words (Su-24, rebel-held)
    r"|\S"
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_digits(self) -> bool:
        return "0" <= self.text[0] <= "9"

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def touching(left: Token, right: Token) -> bool:
    """True when no whitespace separates the two tokens."""
    return left.end == right.start

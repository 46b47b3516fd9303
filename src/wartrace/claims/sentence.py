"""One sentence as the claims rules see it: tokens, quantities, actor and place mentions."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from wartrace.claims.quantities import Quantity, find_quantities
from wartrace.claims.tokens import Token, tokenize
from wartrace.model import ActorMention, PlaceMention


@dataclass(frozen=True)
class SentenceView:
    index: int
    start: int
    end: int
    paragraph: int
    text: str  # the whole document text; offsets are document offsets
    tokens: tuple[Token, ...]
    quantities: tuple[Quantity, ...]
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(t.start for t in self.tokens))

    @classmethod
    def build(cls, text: str, index: int, start: int, end: int, paragraph: int = 0,
              actors: tuple[ActorMention, ...] = (), places: tuple[PlaceMention, ...] = ()) -> SentenceView:
        return cls(index, start, end, paragraph, text, tuple(tokenize(text, start, end)),
                   tuple(find_quantities(text, start, end)), actors, places)

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect.bisect_left(self._starts, offset)

    def token_span(self, quantity: Quantity) -> tuple[int, int]:
        """Token indices [first, stop) of a quantity (hedge words included)."""
        return self.token_at(quantity.start), self.token_at(quantity.end)

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        return [a for a in self.actors if a.start < end and a.end > start]

    def places_in(self, start: int, end: int) -> list[PlaceMention]:
        return [p for p in self.places if p.start < end and p.end > start]

    def lower(self, i: int) -> str:
        return self.tokens[i].lower if 0 <= i < len(self.tokens) else ""

"""Precision grades from a place's kind: ACLED geo_precision (1-3), UCDP where_prec (1-7)."""
from __future__ import annotations

# (geo_precision, where_prec) when the coordinates are the place's own.
_OWN: dict[str, tuple[int, int]] = {
    "site": (1, 1), "neighbourhood": (1, 1), "village": (1, 1), "city": (1, 1),
    "town": (1, 1), "camp": (1, 1), "district": (2, 3), "area": (2, 5),
    "region": (3, 4), "river": (3, 5), "mountain": (3, 5), "island": (2, 5),
    "part": (3, 5), "country": (3, 6), "sea": (3, 7),
}


def grades(kind: str, inferred: bool = False, parent_kind: str | None = None) -> tuple[int, int]:
    """Grades for a place; an inferred place borrows its parent's point, so it is coded
    as "near" that parent (ACLED 2, UCDP 2) or at the parent's own, coarser grade."""
    if not inferred:
        return _OWN.get(kind, (2, 5))
    own = _OWN.get(parent_kind or "", (3, 6)) if parent_kind else (3, 6)
    return max(own[0], 2), max(own[1], 2)

"""The map: places and events drawn as SVG in Web Mercator pixels, with no tile server.

The SVG's user units are Web Mercator "world pixels" at a zoom level chosen to fit the
places, so an optional slippy-map tile layer (``--tile-url``, e.g. an OpenStreetMap
server for users who are online) lines up with the points without any JavaScript.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any, Sequence

TILE = 256
WIDTH = 960  # target width of the drawing, in screen pixels
MAX_TILES = 64

# Okabe-Ito and friends: distinguishable for colour-blind readers.
HOLDER_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#F0E442",
                  "#17BECF", "#6A3D9A")
NO_HOLDER = "#d9d9d9"
TYPE_COLOURS = {
    "capture": "#d62728", "advance": "#ff7f0e", "clash": "#8c564b", "airstrike": "#1f77b4", "shelling": "#9467bd",
    "explosion": "#e377c2", "violence_against_civilians": "#000000", "displacement": "#17becf",
    "agreement": "#2ca02c", "declaration": "#7f7f7f", "discovery": "#bcbd22",
}


def type_colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, "#444444")


def holder_colours(holders: Sequence[str]) -> dict[str, str]:
    """A stable colour per holder: palette order by name, so a holder keeps its colour."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for h in sorted(set(holders), key=str.casefold):
        i = int(hashlib.sha1(h.encode()).hexdigest(), 16) % len(HOLDER_PALETTE)
        for k in range(len(HOLDER_PALETTE)):
            colour = HOLDER_PALETTE[(i + k) % len(HOLDER_PALETTE)]
            if colour not in used or len(used) >= len(HOLDER_PALETTE):
                break
        used.add(colour)
        out[h] = colour
    return out


def world_px(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    scale = TILE * 2**zoom
    lat = max(min(lat, 85.05), -85.05)
    s = math.sin(math.radians(lat))
    x = (lon + 180.0) / 360.0 * scale
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


@dataclass(frozen=True)
class Frame:
    zoom: int
    x0: float
    y0: float
    width: float
    height: float

    @property
    def viewbox(self) -> str:
        return f"{self.x0:.1f} {self.y0:.1f} {self.width:.1f} {self.height:.1f}"

    @property
    def unit(self) -> float:
        """World pixels per screen pixel at the target width (to size markers and text)."""
        return self.width / WIDTH


CORE_RADIUS_KM = 150.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def core_points(weighted: Sequence[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """The places around where most events happened: the map frames the battle, not the one
    far-away capital a report mentions. Outliers stay listed in the tables below the map."""
    if not weighted:
        return []
    centre = max(weighted, key=lambda p: p[2])[:2]
    core = [(lat, lon) for lat, lon, _ in weighted if _km((lat, lon), centre) <= CORE_RADIUS_KM]
    return core or [(lat, lon) for lat, lon, _ in weighted]


def fit(points: Sequence[tuple[float, float]]) -> Frame | None:
    if not points:
        return None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    zoom = 17
    while zoom > 1:
        x1, y1 = world_px(max(lats), min(lons), zoom)
        x2, y2 = world_px(min(lats), max(lons), zoom)
        if (x2 - x1) <= WIDTH * 0.8 and (y2 - y1) <= WIDTH * 0.6:
            break
        zoom -= 1
    x1, y1 = world_px(max(lats), min(lons), zoom)
    x2, y2 = world_px(min(lats), max(lons), zoom)
    w, h = max(x2 - x1, 1.0), max(y2 - y1, 1.0)
    pad_x = max(w * 0.12, 40)
    pad_y = max(h * 0.15, 40)
    width = w + 2 * pad_x
    height = max(h + 2 * pad_y, width * 0.45)
    cy = (y1 + y2) / 2
    return Frame(zoom, x1 - pad_x, cy - height / 2, width, height)


def tiles(frame: Frame, url: str) -> list[dict[str, Any]]:
    """Tile images covering the frame; {z}/{x}/{y} (and {s}) are filled into the URL template."""
    z = frame.zoom
    n = 2**z
    tx0, tx1 = int(frame.x0 // TILE), int((frame.x0 + frame.width) // TILE)
    ty0, ty1 = int(frame.y0 // TILE), int((frame.y0 + frame.height) // TILE)
    if (tx1 - tx0 + 1) * (ty1 - ty0 + 1) > MAX_TILES:
        return []
    out = []
    for tx in range(tx0, tx1 + 1):
        for ty in range(max(ty0, 0), min(ty1, n - 1) + 1):
            href = (url.replace("{z}", str(z)).replace("{x}", str(tx % n)).replace("{y}", str(ty))
                    .replace("{s}", "abc"[(tx + ty) % 3]))
            out.append({"href": href, "x": tx * TILE, "y": ty * TILE, "size": TILE})
    return out


def scale_bar(frame: Frame, lat: float) -> dict[str, Any]:
    """A round-numbered scale bar of about a fifth of the frame's width."""
    metres_per_px = 156543.03392 * math.cos(math.radians(lat)) / 2**frame.zoom
    target = frame.width / 5 * metres_per_px
    step = 10 ** math.floor(math.log10(target))
    for m in (5, 2, 1):
        if m * step <= target:
            length = m * step
            break
    else:
        length = step
    label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    return {"width": length / metres_per_px, "label": label}

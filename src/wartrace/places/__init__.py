"""Places: find place mentions and resolve them to gazetteer entries with coordinates."""
from wartrace.places.gazetteer import (Gazetteer, GazetteerEntry, load_gazetteer, parse_csv,
                                       parse_geojson, parse_yaml, shipped_gazetteers, world_gazetteer)
from wartrace.places.normalize import match_key, plain_key, skeleton_key
from wartrace.places.stage import PlacesConfig, PlacesStage

__all__ = [
    "Gazetteer", "GazetteerEntry", "PlacesConfig", "PlacesStage", "load_gazetteer", "match_key",
    "parse_csv", "parse_geojson", "parse_yaml", "plain_key", "shipped_gazetteers", "skeleton_key",
    "world_gazetteer",
]

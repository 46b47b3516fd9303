"""Publish stage: exports in the formats the field uses.

Every exporter is `export_x(store, out) -> dict[str, int]`: it writes its files into the
folder `out` (each file atomically) and returns what it wrote (and left out) by name.
"""
from wartrace.export.acled import export_acled
from wartrace.export.datasette import export_datasette
from wartrace.export.gold import export_gold
from wartrace.export.records import export_geojson, export_jsonl
from wartrace.export.tables import export_tables
from wartrace.export.ucdp import export_ucdp

EXPORTERS = {
    "gold": export_gold,  # events.jsonl + claims.jsonl, the scorers' contract
    "acled": export_acled,  # acled.csv
    "ucdp": export_ucdp,  # ucdp_ged.csv
    "geojson": export_geojson,  # events.geojson
    "jsonl": export_jsonl,  # events.jsonl + claims.jsonl with every field
    "csv": export_tables,  # <table>.csv for every table
    "datasette": export_datasette,  # metadata.json describing the SQLite file for Datasette
}

__all__ = ["EXPORTERS", "export_acled", "export_datasette", "export_geojson", "export_gold", "export_jsonl",
           "export_tables",
           "export_ucdp"]

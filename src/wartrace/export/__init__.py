"""Publish stage: exports in the formats the field uses."""
from wartrace.export.gold import export_gold

EXPORTERS = {"gold": export_gold}

__all__ = ["EXPORTERS", "export_gold"]

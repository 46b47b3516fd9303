"""Clean stage: repair encoding damage and strip markup, keeping a map to the original."""
from wartrace.clean.text import OffsetMapBuilder, clean_markdown, clean_plain, repair_run

__all__ = ["OffsetMapBuilder", "clean_markdown", "clean_plain", "repair_run"]

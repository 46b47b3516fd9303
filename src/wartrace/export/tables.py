"""One CSV per table of the store (DIR/<table>.csv), with the column names of the schema.

Binary columns (`documents.raw`, the bytes a report was read from) are left out: CSV has
no way to carry them, and `original_text` holds the decoded text the offsets point into.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from wartrace.export.common import output_folder, write_csv

SKIP_COLUMNS = {("documents", "raw")}


def export_tables(store: Any, out: str) -> dict[str, int]:
    """Write OUT/<table>.csv for every table; returns the row count of each."""
    counts: dict[str, int] = {}
    with output_folder(out) as folder, store.engine.connect() as conn:
        for table in sorted(sa.inspect(conn).get_table_names()):
            columns = [c["name"] for c in sa.inspect(conn).get_columns(table) if (table, c["name"]) not in SKIP_COLUMNS]
            quoted = ", ".join(f'"{c}"' for c in columns)
            result = conn.execute(sa.text(f'SELECT {quoted} FROM "{table}"'))
            counts[table] = write_csv(folder / f"{table}.csv", columns, (tuple(r) for r in result))
    return counts

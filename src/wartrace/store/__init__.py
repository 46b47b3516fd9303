"""The document store: SQLite by default, any SQLAlchemy URL the migrations support."""
from wartrace.store.db import DocumentSummary, IngestOutcome, Store, open_store

__all__ = ["DocumentSummary", "IngestOutcome", "Store", "open_store"]

"""Publish stage, web side: `wartrace serve`, a read-only web app and JSON API over a store.

Needs the optional extra: ``pip install 'wartrace[web]'`` (FastAPI, uvicorn, Jinja2).
`create_app` is imported lazily so that `import wartrace.web` works without it.
"""
from __future__ import annotations

from typing import Any


def create_app(db: str, **options: Any) -> Any:
    from wartrace.web.app import create_app as _create_app

    return _create_app(db, **options)


__all__ = ["create_app"]

"""Stable URLs of the web app's pages; every link is built here."""
from __future__ import annotations

from urllib.parse import quote, urlencode


def document_url(doc_id: str, focus: str | None = None, text: str | None = None) -> str:
    params = {k: v for k, v in (("text", text), ("focus", focus)) if v}
    query = f"?{urlencode(params)}" if params else ""
    return f"/documents/{quote(doc_id, safe='')}{query}" + (f"#{focus}" if focus else "")


def event_url(event_id: int) -> str:
    return f"/events/{int(event_id)}"


def claim_url(claim_id: int) -> str:
    return f"/claims/{int(claim_id)}"


def place_url(place_id: str) -> str:
    return f"/places/{quote(place_id, safe=':')}"


def timeline_url(**filters: str | None) -> str:
    params = {k: v for k, v in filters.items() if v}
    return "/timeline" + (f"?{urlencode(params)}" if params else "")


def ledger_url(group: str | None = None, policy: str | None = None) -> str:
    query = f"?{urlencode({'policy': policy})}" if policy else ""
    return f"/ledger{query}" + (f"#{group_anchor(group)}" if group else "")


def group_anchor(group: str) -> str:
    import hashlib

    return "group-" + hashlib.sha1(group.encode()).hexdigest()[:12]

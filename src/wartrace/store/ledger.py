"""Reading the inputs of the reconcile stage and saving its ledger."""
from __future__ import annotations

import json
import urllib.parse
from typing import Any

import sqlalchemy as sa

from wartrace.reconcile import Ledger
from wartrace.reconcile import contradictions as contradiction_rule
from wartrace.reconcile import control as control_rule
from wartrace.reconcile import grading as grading_rule
from wartrace.reconcile import merge as merge_rule
from wartrace.reconcile.records import SourcedClaim, SourcedEvent
from wartrace.store.db import Store

LEDGER_TABLES = ("claim_groups", "claim_group_members", "ledger", "contradictions", "merged_events",
                 "merged_event_mentions", "control_periods", "control_shares")


def _publisher(author: str | None, source: str, name: str) -> str:
    if author:
        return author
    if "://" in source:
        return urllib.parse.urlsplit(source).hostname or name
    return name


def _sentences(store: Store, conn: Any) -> dict[str, tuple[str, list[dict[str, int]]]]:
    rows = conn.execute(sa.text(
        "SELECT d.id, d.clean_text, a.data_json FROM documents d JOIN annotations a ON a.doc_id = d.id"
        " WHERE a.key = 'doc.sentences' AND d.superseded_by IS NULL"
    ))
    return {r.id: (r.clean_text, json.loads(r.data_json)) for r in rows}


def sourced_claims(store: Store) -> list[SourcedClaim]:
    with store.engine.connect() as conn:
        sentences = _sentences(store, conn)
        events_in: dict[tuple[str, int], set[str]] = {}
        for e in conn.execute(sa.text("SELECT doc_id, sentence, type FROM events")):
            events_in.setdefault((e.doc_id, e.sentence), set()).add(e.type)
        rows = conn.execute(sa.text(
            "SELECT c.*, d.name AS doc_name, d.author, d.source, p.kind AS pkind, p.parent_id AS pparent"
            " FROM claims c JOIN documents d ON d.id = c.doc_id LEFT JOIN places p ON p.id = c.place_id"
            " WHERE d.superseded_by IS NULL ORDER BY d.name, c.start_offset, c.id"
        )).mappings().all()
    out = []
    for r in rows:
        text, sents = sentences.get(r["doc_id"], ("", []))
        context = ""
        if 0 <= r["sentence"] < len(sents):
            s = sents[r["sentence"]]
            context = text[s["start"] : s["end"]]
        out.append(SourcedClaim(
            id=r["id"], doc=r["doc_name"], publisher=_publisher(r["author"], r["source"], r["doc_name"]),
            what=r["what"], low=r["low"], high=r["high"], qualifier=r["qualifier"], quote=r["quote"],
            start=r["start_offset"], end=r["end_offset"], who=r["who"], attributed_to=r["attributed_to"],
            as_of=r["as_of"], place_id=r["place_id"], place_name=r["place_name"], place_kind=r["pkind"],
            place_parent=r["pparent"], actor=r["actor"], unit=r["unit"], context=context,
            event_types=tuple(sorted(events_in.get((r["doc_id"], r["sentence"]), ()))),
        ))
    return out


def sourced_events(store: Store) -> list[SourcedEvent]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT e.*, d.name AS doc_name, d.author, d.source, p.parent_id AS pparent"
            " FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN places p ON p.id = e.place_id"
            " WHERE d.superseded_by IS NULL AND e.factuality IN ('asserted', 'attributed')"
            " ORDER BY d.name, e.start_offset, e.id"
        )).mappings().all()
    return [
        SourcedEvent(
            id=r["id"], doc=r["doc_name"], publisher=_publisher(r["author"], r["source"], r["doc_name"]),
            type=r["type"], quote=r["quote"], start=r["start_offset"], end=r["end_offset"], date=r["date"],
            date_precision=r["date_precision"], place_id=r["place_id"], place_name=r["place_name"],
            place_kind=r["place_kind"], place_parent=r["pparent"], actors=tuple(json.loads(r["actors_json"])),
            target=r["target"],
        )
        for r in rows
    ]


def stored_fingerprints(store: Store) -> dict[str, str]:
    return {r["key"]: r["fingerprint"] for r in query(store, "SELECT key, fingerprint FROM claim_groups")}


GROUP_TABLES = {"claim_groups": "key", "claim_group_members": "group_key", "ledger": "group_key",
                "contradictions": "group_key"}
CORPUS_TABLES = ("merged_events", "merged_event_mentions", "control_periods", "control_shares")


def save_ledger(store: Store, ledger: Ledger) -> int:
    """Write the ledger in one transaction: the rows of changed, new and vanished claim
    groups, and the (cheap, corpus-wide) merged events and control history. Returns the
    number of claim groups re-reconciled."""
    changed = [g for g in ledger.groups if g.key not in ledger.unchanged]
    keep = set(ledger.unchanged)
    with store.transaction() as conn:
        store.lock(conn, "ledger")
        for table, column in GROUP_TABLES.items():
            stale = [k for (k,) in conn.execute(sa.text(f"SELECT DISTINCT {column} FROM {table}")) if k not in keep]
            for key in stale:
                conn.execute(sa.text(f"DELETE FROM {table} WHERE {column} = :k"), {"k": key})
        for table in CORPUS_TABLES:
            conn.execute(sa.text(f"DELETE FROM {table}"))
        if changed:
            conn.execute(sa.text(
                "INSERT INTO claim_groups (key, what, who, scope, scope_name, kind, unit, rule, grade, grade_reason,"
                " grade_rule, sources, fingerprint) VALUES (:key, :what, :who, :scope, :scope_name, :kind, :unit,"
                " :rule, :grade, :reason, :grade_rule, :sources, :fingerprint)"
            ), [{"key": g.key, "what": g.what, "who": g.who, "scope": g.scope, "scope_name": g.scope_name,
                 "kind": g.kind, "unit": g.unit, "rule": g.rule, "grade": ledger.grades[g.key].grade,
                 "reason": ledger.grades[g.key].reason, "grade_rule": grading_rule.RULE,
                 "sources": ledger.grades[g.key].sources, "fingerprint": ledger.fingerprints[g.key]}
                for g in changed])
            conn.execute(sa.text(
                "INSERT INTO claim_group_members (group_key, claim_id, is_current) VALUES (:g, :c, :cur)"
            ), [{"g": g.key, "c": c.id, "cur": int(c.id not in g.updated)} for g in changed for c in g.claims])
        if ledger.estimates:
            conn.execute(sa.text(
                "INSERT INTO ledger (group_key, policy, best, low, high, explanation)"
                " VALUES (:g, :p, :best, :low, :high, :why)"
            ), [{"g": e.group, "p": e.policy, "best": e.best, "low": e.low, "high": e.high, "why": e.explanation}
                for e in ledger.estimates])
        if ledger.contradictions:
            conn.execute(sa.text(
                "INSERT INTO contradictions (group_key, claim_a, claim_b, reason, rule) VALUES (:g, :a, :b, :r, :rule)"
            ), [{"g": c.group, "a": c.first.id, "b": c.second.id, "r": c.reason, "rule": contradiction_rule.RULE}
                for c in ledger.contradictions])
        if ledger.merged:
            conn.execute(sa.text(
                "INSERT INTO merged_events (key, type, date, date_precision, place_id, place_name, place_kind,"
                " actors_json, target, grade, grade_reason, sources, rule) VALUES (:key, :type, :date, :prec,"
                " :pid, :pname, :pkind, :actors, :target, :grade, :reason, :sources, :rule)"
            ), [{"key": m.key, "type": m.type, "date": m.date, "prec": m.date_precision, "pid": m.place_id,
                 "pname": m.place_name, "pkind": m.place_kind, "actors": json.dumps(list(m.actors)),
                 "target": m.target, "grade": m.grade.grade, "reason": m.grade.reason, "sources": m.grade.sources,
                 "rule": merge_rule.RULE} for m in ledger.merged])
            conn.execute(sa.text("INSERT INTO merged_event_mentions (merged_key, event_id) VALUES (:m, :e)"),
                         [{"m": m.key, "e": e.id} for m in ledger.merged for e in m.mentions])
        if ledger.periods:
            conn.execute(sa.text(
                "INSERT INTO control_periods (place_id, place_name, holder, start_date, end_date, evidence_json, rule)"
                " VALUES (:pid, :pname, :holder, :start, :end, :ev, :rule)"
            ), [{"pid": p.place_id, "pname": p.place_name, "holder": p.holder, "start": p.start, "end": p.end,
                 "ev": json.dumps([e.id for e in p.evidence]), "rule": control_rule.RULE} for p in ledger.periods])
        if ledger.shares:
            conn.execute(sa.text(
                "INSERT INTO control_shares (place_id, date, actor, low, high, origin, claim_id, rule)"
                " VALUES (:pid, :date, :actor, :low, :high, :origin, :claim, :rule)"
            ), [{"pid": s.place_id, "date": s.date, "actor": s.actor, "low": s.low, "high": s.high,
                 "origin": s.origin, "claim": s.claim.id if s.claim else None, "rule": control_rule.RULE}
                for s in ledger.shares])
    return len(changed)


def query(store: Store, sql: str, **params: Any) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.text(sql), params).mappings().all()]


def figure_text(low: float | None, high: float | None, qualifier: str | None) -> str:
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to ",
             "less_than": "less than "}
    if low is None and high is None:
        return "?"
    text = f"{low:,.0f}" if low is not None else "?"
    if high is not None and high != low:
        text += f"–{high:,.0f}"
    return words.get(qualifier or "", "") + text


def ledger_view(store: Store, policy: str) -> list[dict[str, Any]]:
    """One row per claim group: the estimate under `policy`, its grade, every source's figure and quote."""
    groups = query(store, "SELECT g.*, l.best, l.low, l.high, l.explanation, l.policy FROM claim_groups g"
                          " LEFT JOIN ledger l ON l.group_key = g.key AND l.policy = :p ORDER BY g.what, g.key", p=policy)
    members = query(store, "SELECT m.group_key, m.is_current, c.id, c.low, c.high, c.qualifier, c.attributed_to,"
                           " c.as_of, c.quote, c.start_offset, c.end_offset, d.name AS doc, d.author"
                           " FROM claim_group_members m JOIN claims c ON c.id = m.claim_id"
                           " JOIN documents d ON d.id = c.doc_id ORDER BY c.as_of NULLS FIRST, d.name, c.start_offset")
    conflicted = {r["group_key"] for r in query(store, "SELECT DISTINCT group_key FROM contradictions")}
    by_group: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        by_group.setdefault(m["group_key"], []).append({
            "claim_id": m["id"], "figure": figure_text(m["low"], m["high"], m["qualifier"]),
            "low": m["low"], "high": m["high"], "qualifier": m["qualifier"],
            "source": m["attributed_to"] or m["author"] or m["doc"], "attributed_to": m["attributed_to"],
            "doc": m["doc"], "start": m["start_offset"], "end": m["end_offset"], "quote": m["quote"],
            "as_of": m["as_of"], "current": bool(m["is_current"]),
        })
    return [{
        "group": g["key"], "what": g["what"], "who": g["who"], "scope": g["scope_name"] or g["scope"],
        "kind": g["kind"], "unit": g["unit"], "rule": g["rule"], "policy": g["policy"], "best": g["best"],
        "low": g["low"], "high": g["high"], "explanation": g["explanation"], "grade": g["grade"],
        "grade_reason": g["grade_reason"], "sources": g["sources"], "contradicted": g["key"] in conflicted,
        "claims": by_group.get(g["key"], []),
    } for g in groups]


def conflicts_view(store: Store) -> list[dict[str, Any]]:
    rows = query(store, """
        SELECT x.group_key, x.reason, x.rule,
               a.id AS a_id, a.quote AS a_quote, a.attributed_to AS a_attr, da.name AS a_doc, da.author AS a_author,
               a.start_offset AS a_start, a.end_offset AS a_end,
               b.id AS b_id, b.quote AS b_quote, b.attributed_to AS b_attr, db.name AS b_doc, db.author AS b_author,
               b.start_offset AS b_start, b.end_offset AS b_end
        FROM contradictions x
        JOIN claims a ON a.id = x.claim_a JOIN documents da ON da.id = a.doc_id
        JOIN claims b ON b.id = x.claim_b JOIN documents db ON db.id = b.doc_id
        ORDER BY x.group_key, x.id""")
    return [{
        "group": r["group_key"], "reason": r["reason"], "rule": r["rule"],
        "first": {"claim_id": r["a_id"], "doc": r["a_doc"], "source": r["a_attr"] or r["a_author"] or r["a_doc"],
                  "start": r["a_start"], "end": r["a_end"], "quote": r["a_quote"]},
        "second": {"claim_id": r["b_id"], "doc": r["b_doc"], "source": r["b_attr"] or r["b_author"] or r["b_doc"],
                   "start": r["b_start"], "end": r["b_end"], "quote": r["b_quote"]},
    } for r in rows]


def control_view(store: Store, place: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Control periods (with the quotes that start them) and share series, for one place or all."""
    wanted: set[str] | None = None
    if place:
        wanted = {r["id"] for r in query(store, "SELECT id FROM places WHERE lower(name) = lower(:n) OR id = :n",
                                         n=place)}
        if not wanted:
            from wartrace.errors import InputError

            raise InputError("WT113", place=place)
    quotes = {r["id"]: r for r in query(store, "SELECT e.id, e.quote, d.name AS doc, e.start_offset, e.end_offset"
                                                " FROM events e JOIN documents d ON d.id = e.doc_id")}
    periods = []
    for p in query(store, "SELECT * FROM control_periods ORDER BY place_name NULLS FIRST, start_date NULLS FIRST, id"):
        if wanted is not None and p["place_id"] not in wanted:
            continue
        evidence = [quotes[i] for i in json.loads(p["evidence_json"]) if i in quotes]
        periods.append({
            "place_id": p["place_id"], "place": p["place_name"], "holder": p["holder"], "from": p["start_date"],
            "until": p["end_date"], "rule": p["rule"],
            "evidence": [{"event_id": e["id"], "doc": e["doc"], "start": e["start_offset"], "end": e["end_offset"],
                          "quote": e["quote"]} for e in evidence],
        })
    shares = [{
        "place_id": s["place_id"], "place": s["place"], "date": s["date"], "actor": s["actor"], "low": s["low"],
        "high": s["high"], "origin": s["origin"], "doc": s["doc"], "quote": s["quote"], "rule": s["rule"],
    } for s in query(store, "SELECT s.*, p.name AS place, c.quote, d.name AS doc FROM control_shares s"
                            " LEFT JOIN places p ON p.id = s.place_id LEFT JOIN claims c ON c.id = s.claim_id"
                            " LEFT JOIN documents d ON d.id = c.doc_id ORDER BY s.place_id, s.actor, s.date, s.origin, s.id")
        if wanted is None or s["place_id"] in wanted]
    return {"periods": periods, "shares": shares}

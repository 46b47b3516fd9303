"""Group claims that measure the same quantity; mark claims that later figures update.

Rule `group.scope.v1`:
* A death or injury figure is an *incident* figure when its sentence reports a violent
  event (an airstrike, a clash, a bombing...) and it has no cue of a total ("by 11 June",
  "in total", "during the battle", "as a result of"): "killing 23 civilians". Every other
  claim is *cumulative*: a total, a running total, or the figure of one episode such as a
  convoy, which later figures update or other sources dispute.
* Figures of one *episode* (the vehicles of a convoy, the people evacuated in one
  evacuation) group by (what, who, unit, scope) and by date: figures dated within a week
  of each other describe the same episode, so a later report of it disputes rather than
  updates an earlier one; figures further apart are different episodes.
* Cumulative claims group by (what, who, unit, scope), where scope is the city-level
  place the claim covers (a neighbourhood or site counts toward its parent city) or the
  battle as a whole when no place is given; a battle-wide group joins the one city
  group of the same quantity when there is exactly one ("the battle" vs "the city").
* Incident claims group by (what, who, unit, place, day), at most one claim per
  document in a group: two figures of one report on one day are two incidents.
* Bodies found (mass graves) are counted apart from deaths reported in the fighting.
* Within a group, a claim whose as-of period ends before another's begins is updated by
  it: not a contradiction, and not part of the current estimate.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Iterable

from wartrace.reconcile.records import ClaimGroup, SourcedClaim, period

RULE = "group.scope.v1"
_UNDATED = dt.date(1, 1, 1)  # sorts undated claims first
CITY_KINDS = {"city", "town", "village", "region", "country"}
SUB_CITY_KINDS = {"neighbourhood", "site", "district"}
VIOLENT_EVENTS = {"airstrike", "shelling", "explosion", "clash", "violence_against_civilians"}
_CUMULATIVE = re.compile(
    r"\b(by|since|so far|in total|total|toll|overall|in all|altogether|throughout|to date|"
    r"(?:in|during|throughout) the (?:final |whole |entire )?(?:battle|siege|offensive|campaign|fighting|war|"
    r"operation|assault)|over the course|as a result of|in the course of)\b",
    re.I,
)


def is_cumulative(claim: SourcedClaim) -> bool:
    if claim.what not in ("killed", "wounded") or not VIOLENT_EVENTS & set(claim.event_types):
        return True
    return bool(_CUMULATIVE.search(claim.context or claim.quote))


def _scope(claim: SourcedClaim) -> tuple[str, str | None]:
    if not claim.place_id:
        return "battle", None
    if claim.place_kind in SUB_CITY_KINDS and claim.place_parent and claim.what != "control_share":
        return claim.place_parent, None
    return claim.place_id, claim.place_name


_BODIES = re.compile(r"\b(bodies|corpses|remains|mass graves?|exhumed)\b", re.I)


def _unit(claim: SourcedClaim) -> str | None:
    """Counted things of different kinds (trucks, buses) are different quantities."""
    if claim.what == "killed" and _BODIES.search(claim.quote or claim.context):
        return "bodies found"
    if claim.what not in ("vehicles", "airstrikes") or not claim.unit:
        return None
    return claim.unit.lower().rstrip("s")


def group_claims(claims: Iterable[SourcedClaim]) -> list[ClaimGroup]:
    buckets: dict[tuple, list[SourcedClaim]] = defaultdict(list)
    names: dict[str, str | None] = {}
    docs_in: dict[tuple, set[str]] = defaultdict(set)
    for c in claims:
        scope, name = _scope(c)
        names.setdefault(scope, name)
        if name:
            names[scope] = name
        if c.what == "control_share":
            key = ("cumulative", c.what, c.actor, _unit(c), scope)
        elif is_cumulative(c):
            key = ("cumulative", c.what, c.who, _unit(c), scope)
        else:
            key = ("incident", c.what, c.who, _unit(c), c.place_id or "battle", c.as_of, 0)
            while c.doc in docs_in[key]:
                key = key[:-1] + (key[-1] + 1,)  # the same report's second figure: another incident
        buckets[key].append(c)
        docs_in[key].add(c.doc)
    _join_battle_scope(buckets)
    _split_episodes(buckets)
    groups = []
    for key, members in sorted(buckets.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        kind, what, who, unit, scope = key[:5]
        members = sorted(members, key=lambda c: (period(c.as_of) or (_UNDATED, _UNDATED))[0])
        groups.append(ClaimGroup(
            key="|".join(str(x) for x in key), what=what, who=who, scope=scope, scope_name=names.get(scope),
            kind=kind, unit=unit, rule=RULE, claims=tuple(members),
            updated=frozenset() if kind == "episode" else _updated(members),
        ))
    return groups


EPISODE_KINDS = {"vehicles", "evacuated"}
EPISODE_GAP = dt.timedelta(days=7)


def _split_episodes(buckets: dict[tuple, list[SourcedClaim]]) -> None:
    """Split the cumulative buckets of episode quantities into episodes by date."""
    for key in [k for k in buckets if k[0] == "cumulative" and k[1] in EPISODE_KINDS]:
        members = buckets.pop(key)
        dated = sorted((c for c in members if period(c.as_of)), key=lambda c: period(c.as_of)[0])
        episodes: list[list[SourcedClaim]] = []
        last_end = None
        for c in dated:
            start, end = period(c.as_of)
            if last_end is None or start - last_end > EPISODE_GAP:
                episodes.append([])
            episodes[-1].append(c)
            last_end = max(end, last_end) if last_end else end
        undated = [c for c in members if not period(c.as_of)]
        if undated:
            episodes.append(undated)
        for episode in episodes:
            first = period(episode[0].as_of)
            buckets[("episode", *key[1:], first[0].isoformat() if first else "undated")] = episode


def _join_battle_scope(buckets: dict[tuple, list[SourcedClaim]]) -> None:
    """Move battle-wide cumulative claims into the single city group of their quantity."""
    for key in [k for k in buckets if k[0] == "cumulative" and k[4] == "battle"]:
        cities = [k for k in buckets if k[:4] == key[:4] and k[4] != "battle"]
        if len(cities) == 1:
            buckets[cities[0]].extend(buckets.pop(key))


def _updated(claims: list[SourcedClaim]) -> frozenset[int]:
    """Ids of claims that a later-dated claim of the same group supersedes."""
    spans = {c.id: period(c.as_of) for c in claims}
    starts = [span[0] for span in spans.values() if span is not None]
    if not starts:
        return frozenset()
    latest_start = max(starts)  # a claim starting after another's end is never that claim
    return frozenset(c_id for c_id, span in spans.items() if span is not None and latest_start > span[1])


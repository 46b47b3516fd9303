"""The event merge finds exactly the connected components of the pairwise `_same` rule."""
import random

from wartrace.reconcile.merge import _same, merge_events
from wartrace.reconcile.records import SourcedEvent


def _event(i: int, rng: random.Random) -> SourcedEvent:
    precision = rng.choice(["day", "week", "month", "year", None])
    month, day = rng.randint(6, 7), rng.randint(1, 28)
    dated = {"month": f"2020-{month:02d}", "year": "2020"}.get(precision, f"2020-{month:02d}-{day:02d}")
    return SourcedEvent(id=f"e{i}", doc=f"d{rng.randint(0, 3)}", publisher=None, type=rng.choice(["clash", "capture"]),
                        quote="q", start=i, end=i + 1, date=rng.choice([None, dated]), date_precision=precision,
                        place_id=rng.choice([None, "p1", "p2"]), place_name=None, place_kind=rng.choice([None, "city"]),
                        place_parent=None, actors=tuple(rng.sample(["A", "B", "C"], rng.randint(0, 2))), target=None)


def _pairwise_components(events):
    parent = list(range(len(events)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            if _same(events[i], events[j]):
                parent[find(i)] = find(j)
    groups = {}
    for i, e in enumerate(events):
        groups.setdefault(find(i), []).append(e.id)
    return sorted(sorted(g) for g in groups.values())


def test_merge_equals_the_pairwise_rule_on_random_events():
    for seed in range(200):
        rng = random.Random(seed)
        events = [_event(i, rng) for i in range(rng.randint(1, 60))]
        merged = sorted(sorted(m.id for m in cluster.mentions) for cluster in merge_events(events))
        assert merged == _pairwise_components(events), seed


def test_merge_scales_without_comparing_every_pair():
    rng = random.Random(7)
    events = [_event(i, rng) for i in range(30000)]
    assert sum(len(m.mentions) for m in merge_events(events)) == len(events)  # seconds, not minutes

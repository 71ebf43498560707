"""Time blocking in the clustering changes no case, only how many clusters are compared (linking.blocking)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from sanctionwatch.linking import clustering
from sanctionwatch.linking.blocking import TimeIndex, TimeKey
from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.scoring import FAR_SCORE_BOUND, LINK_THRESHOLD
from sanctionwatch.model import Argument, Document, Event, Fragment, Quantity, TimeValue

TYPES = ("missile_launch", "arms_transfer", "cyber_theft", "troop_deployment")
AGENTS = ("prk", "rus", "chn", None)
BODY = "Officials in the capital said on Friday that the launch and the shipment had been tracked for weeks."


def _event(rng: random.Random, text: str, start: date) -> Event:
    agent = rng.choice(AGENTS)
    args = [Argument("agent", 0, 9, text[:9], agent)] if agent else []
    kind = rng.random()
    if kind < 0.45:  # a dated event, a day or a month
        day = start + timedelta(days=rng.randrange(0, 900))
        end = day + timedelta(days=rng.choice((0, 0, 30)))
        time = TimeValue("t", day.isoformat(), end.isoformat(), "range")
    elif kind < 0.55:  # a multi-year tally
        time = TimeValue("t", f"{start.year - 4}-01-01", f"{start.year}-12-31", "range")
    else:  # undated: placed by its article's publication
        time = None
    qty = Quantity(rng.choice((3, 12, 58, 1000)), rng.choice(("missile", "container"))) if rng.random() < 0.4 else None
    modality = "denied" if rng.random() < 0.1 else "asserted"
    return Event(rng.choice(TYPES), Fragment.of(text, 14, 21), args, quantity=qty, time=time, modality=modality)


def _corpus(seed: int, n: int = 70) -> list[Document]:
    rng = random.Random(seed)
    start = date(2016, 1, 1)
    docs = []
    for k in range(n):
        text = f"Report {k:03d}. {BODY}"
        published = None if rng.random() < 0.05 else (start + timedelta(days=rng.randrange(0, 900))).isoformat()
        docs.append(Document(doc_id=f"d{k:03d}", text=text, published=published, publisher=f"Outlet {k % 9}",
                             events=[_event(rng, text, start) for _ in range(rng.randint(1, 3))]))
    for k in range(0, n, 10):  # some copies of one text, re-posted later
        src = docs[k]
        docs.append(Document(doc_id=f"{src.doc_id}-copy", text=src.text, publisher="Mirror Site",
                             published=(date.fromisoformat(src.published or "2017-01-01") + timedelta(days=200)).isoformat(),
                             events=list(src.events)))
    return docs


def _members(cases) -> list[list[tuple]]:
    return sorted(sorted((m.doc_id, m.event_idx, m.attribution_idx) for m in c.members) for c in cases)


def test_the_bound_is_below_the_threshold():
    assert FAR_SCORE_BOUND < LINK_THRESHOLD


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_blocked_and_unblocked_clustering_give_the_same_cases(seed, monkeypatch):
    docs = _corpus(seed)
    blocked = link_events(docs)
    monkeypatch.setattr(clustering, "FAR_SCORE_BOUND", 1.0)  # no threshold is above it: blocking off
    assert _members(blocked) == _members(link_events(docs))
    assert len(blocked) > 5  # the corpus is spread out enough to test something


def test_the_index_returns_near_copied_unplaced_and_tally_clusters_only():
    index = TimeIndex()
    day = date(2020, 6, 1).toordinal()
    index.add(0, TimeKey(day, day, False, False, None))  # near
    index.add(1, TimeKey(day + 400, day + 400, False, False, None))  # far
    index.add(2, TimeKey(None, None, False, False, None))  # cannot be placed
    index.add(3, TimeKey(day + 900, day + 900, False, False, "story-a"))  # far, but a copy of the query's text
    index.add(4, TimeKey(day - 3000, day - 1000, True, False, None))  # a far tally with a figure
    assert index.reachable([TimeKey(day + 5, day + 5, False, False, None)]) == {0, 2}
    assert index.reachable([TimeKey(day + 5, day + 5, False, False, "story-a")]) == {0, 2, 3}
    assert index.reachable([TimeKey(day + 5, day + 35, False, True, None)]) == {0, 2, 4}
    assert index.reachable([TimeKey(None, None, False, False, None)]) is None
    index.merge(0, 1)
    assert index.reachable([TimeKey(day + 400, day + 400, False, False, None)]) == {0, 2}

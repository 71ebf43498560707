"""The incremental update's neighbourhood: which existing cases the changed documents' events could join.

A case is in the neighbourhood when one of its members could score at least ``LINK_THRESHOLD`` with an event
of a changed document (see :mod:`.incremental` for the rounds).  Candidate members are found in the store by

* type: the event type and every type :func:`~sanctionwatch.linking.scoring.type_score` relates to it
  (other types score 0);
* time: a pair whose time score is below 0.2 is capped at 0.6 x 0.7875 < 0.5 by the soft-conflict factor
  of :func:`~sanctionwatch.linking.scoring.evidence`, so the member must overlap the event's dated interval
  (3 days' slack, 33 for the episodes of a flow, ``durative_types``), or be undated and published no earlier
  than that before it; an undated event reaches dated members that start before its publication (+ the
  slack) and undated members published within 45 days (75 for a flow) of it, widened by the
  120 days an undated event's reported time may move it back (:func:`~sanctionwatch.linking.scoring.reported_by`); denials and documents without
  a publication date are never excluded by time;

and then scored with :func:`~sanctionwatch.linking.scoring.compatible_bound`, an upper bound of the
clustering's scores (as if the two documents were copies and their sentences named the same actors).  Actor
ids do not block: two events with no common party still reach 0.64 when their dates, quantities and items
agree, so an actor filter would lose real links.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Sequence

from ..event_coref import merged_events
from ..model import Event
from ..store import Store
from ..store import linking as stored
from ..store.linking import TimeWindow
from .evidence import TIME_SLACK_DAYS, rules
from .evidence import day as _day
from .evidence import interval as _interval
from .evidence import is_denial as _is_denial
from .implied import implied_types, linking_view, self_denial_view
from .scoring import REPORTED_MAX_LAG_DAYS, UNDATED_WINDOW_DAYS, compatible_bound, type_score
from .taxonomy import taxonomy


def member_events(store: Store, case_ids: Sequence[str], dirty: set[str]) -> list[tuple[Event, str | None]]:
    """(event, publication date) of the cases' event members in unchanged documents, each member's
    mentions merged into one event as the clustering sees it (event_coref)."""
    out = []
    merged = MergedEvents(store)
    seen: set[tuple[str, int]] = set()
    for doc_id, event_idx, published in stored.member_events(store, case_ids):
        if doc_id in dirty:
            continue
        found = merged.get(doc_id, event_idx)
        if found is not None and found[1] not in seen:
            seen.add(found[1])
            out.append((found[0], published))
    return out


class MergedEvents:
    """The coreference-merged event holding a stored event mention, per (document, event index)."""

    def __init__(self, store: Store):
        self.store = store
        self.by_doc: dict[str, dict[int, tuple[Event, tuple[str, int]]]] = {}

    def get(self, doc_id: str, idx: int) -> tuple[Event, tuple[str, int]] | None:
        """(merged event, (doc_id, index of its first mention)), or None when the document is gone."""
        if doc_id not in self.by_doc:
            doc = self.store.get_document(doc_id)
            table: dict[int, tuple[Event, tuple[str, int]]] = {}
            if doc is not None:
                for ev, chain in merged_events(doc):
                    for n in chain:
                        table[n] = (linking_view(self_denial_view(doc, ev)), (doc_id, chain[0]))
            self.by_doc[doc_id] = table
        return self.by_doc[doc_id].get(idx)


def joinable_cases(store: Store, frontier: Sequence[tuple[Event, str | None]], exclude: set[str], dirty: set[str],
                   threshold: float) -> set[str]:
    """Cases outside ``exclude`` with a member that scores at least ``threshold`` with a frontier event."""
    found: set[str] = set()
    merged = MergedEvents(store)
    for event, published in frontier:
        for case_id, doc_id, event_idx, member_published in stored.blocking_candidates(
                store, *blocking_window(event, published)):
            if case_id in exclude or case_id in found or doc_id in dirty:
                continue
            member = merged.get(doc_id, event_idx)
            if member is None:
                continue
            if compatible_bound(event, member[0], published_a=published, published_b=member_published) >= threshold:
                found.add(case_id)
    return found


def related_types(type_id: str) -> list[str]:
    """Every type :func:`~sanctionwatch.linking.scoring.type_score` does not score 0 against ``type_id``."""
    tax = taxonomy()
    known = set(tax.types) | {r for t in tax.types.values() for r in t.related}
    known |= {t.parent for t in tax.types.values() if t.parent} | {type_id}
    # a stored use of another state's weapons is seen as the transfer it implies (linking.implied)
    implied = {use for use, seen_as in implied_types().items() if type_score(type_id, seen_as) > 0}
    return sorted({t for t in known if type_score(type_id, t) > 0} | implied)


def blocking_window(event: Event, published: str | None) -> tuple[list[str], TimeWindow | None]:
    """The types and the time window of the case members that ``event`` (of an article published on
    ``published``) might reach the threshold with (see the module doc).  A superset: exact scoring follows."""
    return related_types(event.type), _time_window(event, published)


def _time_window(event: Event, published: str | None) -> TimeWindow | None:
    """None when time cannot exclude anything."""
    if _is_denial(event):
        return None
    # Episodes of a flow (durative types) still agree this many days apart (evidence.time_score).
    extra = rules().durative_slack_days if event.type in rules().durative_types else 0
    slack = timedelta(days=TIME_SLACK_DAYS + extra)
    interval = _interval(event)
    if interval is not None:
        return TimeWindow(True, (interval[0] - slack).isoformat(), (interval[1] + slack).isoformat())
    day = _day(published)
    if day is None:
        return None
    window = timedelta(days=max(UNDATED_WINDOW_DAYS, rules().undated_window_days) + extra)
    # either side's window may sit up to REPORTED_MAX_LAG_DAYS before its publication (scoring.reported_by)
    lag = timedelta(days=REPORTED_MAX_LAG_DAYS)
    return TimeWindow(False, (day - window - lag).isoformat(), (day + slack).isoformat(),
                      (day + window + lag).isoformat())

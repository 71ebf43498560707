"""Incremental case linking: bring the cases up to date with what changed since the last linking.

:func:`sanctionwatch.linking.rebuild.rebuild_cases` re-links every stored document.
:func:`update_cases` re-links only a *neighbourhood* of the documents that
were added, re-saved (re-processed) or deleted since the last linking, with
the same clustering code (:func:`sanctionwatch.linking.clustering.link_items`), and replaces
just those cases in one transaction.  :func:`link_store` is the single entry
point for callers (``run``, ``reprocess``): incremental by default, full on
request or when there is no linking state to start from.  The state it starts
from is described in :mod:`sanctionwatch.store.linking`.

Blocking rule (which existing cases are re-clustered).  A case is in the
neighbourhood when it held a changed or deleted document, or a document whose
independent-source key changed, or when one of its members could score at
least ``LINK_THRESHOLD`` with an event of a changed document (``hops`` rounds:
round 2 also takes cases joinable with members of the cases taken in round 1,
and so on; :mod:`.neighbourhood` finds them).  Only such cases can be changed
by the new events: the greedy clustering joins an event to a cluster only when
their *average* score reaches the threshold, and the merge pass merges two
clusters only on an average at or above it, both of which need at least one
pair at or above it.  Copies of one text whose dates are far apart are joined
only when both are in the neighbourhood.

Agreement with the full rebuild.  The clustering is greedy and order
dependent, but it never puts together events from different connected
components of the graph "scores >= threshold with", and within a component
it processes items in the same sorted order whatever else is there.  So a
neighbourhood closed under that graph (``hops=None``) re-clusters to the
clusters the full rebuild gives (up to the syndication and denial-placement
limits below).  Fewer hops can differ when a new event would
also have pulled in a case several links away: on the demo corpus, fed in 3
or 10 batches in four orders, 1 hop differed once (pairwise co-membership F1
0.994), 2 hops (the default) matched the full rebuild every time;
``tests/test_link_incremental.py`` checks that agreement.

Limits.  A document re-saved within the same second with the same pipeline
version *and* the same ``rowid`` (SQLite reuses the highest rowid after a
delete) looks unchanged.  An event-less deny attribution of an unchanged
document is re-placed only among the re-clustered cases.  Sanctions-list flags (``designated``) are refreshed
only on the re-linked cases: after importing a list, rebuild fully.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ..reviews import verdicts
from ..store import Store
from ..store import linking as stored
from ..cases import Case
from .clustering import link_items
from .items import evidence_items
from .neighbourhood import joinable_cases, member_events
from .rebuild import flag_designated, rebuild_cases
from .scoring import LINK_THRESHOLD
from .sources import linked_documents, source_keys_of, update_sources
from .syndication import shingle_sets


@dataclass(slots=True)
class UpdateSummary:
    """What one linking pass did; ``touched`` is 0 when the store had not changed."""

    full: bool = False
    documents_added: int = 0
    documents_changed: int = 0
    documents_removed: int = 0
    documents_loaded: int = 0  # documents read with their extraction to re-cluster
    items_reclustered: int = 0
    cases_considered: int = 0  # existing cases in the neighbourhood
    cases_removed: list[str] = field(default_factory=list)  # ids that no longer exist
    cases_added: list[str] = field(default_factory=list)  # ids that did not exist
    cases_rewritten: list[str] = field(default_factory=list)  # same id (members), other content (status, sources)
    cases_total: int = 0

    @property
    def touched(self) -> int:
        return len(self.cases_removed) + len(self.cases_added) + len(self.cases_rewritten)

    def to_dict(self) -> dict[str, Any]:
        return {
            "full": self.full, "documents_added": self.documents_added, "documents_changed": self.documents_changed,
            "documents_removed": self.documents_removed, "documents_loaded": self.documents_loaded,
            "items_reclustered": self.items_reclustered, "cases_considered": self.cases_considered,
            "cases_removed": len(self.cases_removed), "cases_added": len(self.cases_added),
            "cases_rewritten": len(self.cases_rewritten), "cases_touched": self.touched,
            "cases_total": self.cases_total,
        }


def link_store(store: Store, min_sources: int = 2, *, full: bool = False, hops: int | None = 2) -> UpdateSummary:
    """Bring the cases up to date: incrementally, or from scratch with ``full`` (or when there is no state)."""
    if full or needs_full_rebuild(store, min_sources):
        docs_before = store.count("documents")
        cases = rebuild_cases(store, min_sources=min_sources)
        return UpdateSummary(full=True, documents_loaded=docs_before,
                             cases_added=[c.id for c in cases], cases_total=len(cases))
    return update_cases(store, min_sources, hops=hops)


def relink_documents(store: Store, doc_ids: Sequence[str]) -> None:
    """Have the next :func:`link_store` re-link the cases of these documents, as if they were re-saved
    (a review changed how they read: see :meth:`sanctionwatch.reviews.Verdicts.apply`)."""
    stored.mark_changed(store, doc_ids)


def needs_full_rebuild(store: Store, min_sources: int) -> bool:
    """No linking state yet (a new store, or cases linked before schema 3), or cases made with another threshold."""
    return not stored.has_state(store) or stored.has_cases_with_other_min_sources(store, min_sources)


# --------------------------------------------------------------------------
# The update


def update_cases(store: Store, min_sources: int = 2, *, hops: int | None = 2,
                 threshold: float = LINK_THRESHOLD) -> UpdateSummary:
    """Re-link the neighbourhood of the documents changed since the last linking; see the module doc.

    ``hops`` rounds of neighbourhood expansion (None: until closed, which
    reproduces the full rebuild exactly, at the cost of a wider neighbourhood).
    """
    added, changed, removed = stored.pending_changes(store)
    summary = UpdateSummary(documents_added=len(added), documents_changed=len(changed),
                            documents_removed=len(removed))
    if not (added or changed or removed):
        summary.cases_total = store.count("cases")
        return summary
    fresh_ids = added + changed
    dirty = set(fresh_ids) | set(removed)  # documents whose linked state is stale
    markers = stored.document_markers(store, fresh_ids)  # before loading: a later re-save shows as changed next time
    reviewed = verdicts(store)  # documents as reviewed: what an analyst rejected is no evidence
    fresh = [reviewed.apply(d) for i in fresh_ids if i in markers and (d := store.get_document(i)) is not None]
    fresh_sets = shingle_sets(fresh)

    sources = update_sources(store, fresh, fresh_sets, dirty)

    seed = stored.cases_of_documents(store, sorted(dirty))
    neighbourhood = set(seed) | stored.cases_of_documents(store, sorted(sources.rekeyed))
    frontier = [(i.event, i.doc.published) for i in evidence_items(fresh)]
    frontier += member_events(store, sorted(seed), dirty)
    for _ in range(hops) if hops is not None else itertools.count():
        found = joinable_cases(store, frontier, neighbourhood, dirty, threshold)
        if not found:
            break
        neighbourhood |= found
        frontier = member_events(store, sorted(found), dirty)
    summary.cases_considered = len(neighbourhood)

    members = [m for m in stored.case_members(store, sorted(neighbourhood)) if m[1] not in dirty]
    old_ids = sorted({m[0] for m in members} | neighbourhood)
    old_json = stored.case_json(store, old_ids)
    loaded = {d: reviewed.apply(doc) for d in sorted({m[1] for m in members})
              if (doc := store.get_document(d)) is not None}
    summary.documents_loaded = len(fresh) + len(loaded)
    docs = {d.doc_id: d for d in fresh} | loaded
    # The re-clustered events of unchanged documents: the (coreference-merged) items whose mentions
    # were members of the neighbourhood's cases.
    member_mentions = {(doc_id, idx) for _, doc_id, idx, _attr in members if idx is not None}
    items = evidence_items(fresh) + [
        item for item in evidence_items(loaded.values())
        if any((item.doc.doc_id, n) in member_mentions for n in item.chain)
    ]
    summary.items_reclustered = len(items)
    replaced = {(doc_id, attr) for _, doc_id, idx, attr in members if idx is None}
    fresh_set = {d.doc_id for d in fresh}
    source_of = source_keys_of(store, sorted(docs), sources.keys)
    ordered = [docs[d] for d in sorted(docs)]
    cases = link_items(ordered, items, source_of, min_sources, threshold=threshold,
                       denial_eligible=lambda d, a: d in fresh_set or (d, a) in replaced,
                       copy_pairs=_copy_pairs_among(store, sorted(docs), sources.new_pairs, dirty))
    flag_designated(store, cases)

    new_ids = {c.id for c in cases}
    summary.cases_removed = sorted(set(old_json) - new_ids)
    summary.cases_added = sorted(new_ids - set(old_json))
    summary.cases_rewritten = sorted(
        c.id for c in cases if c.id in old_json and not _same_json(old_json[c.id], c))
    stored.replace_cases(store, old_ids, sorted(dirty), cases, docs,
                         linked_documents(fresh, fresh_sets, markers, sources.keys),
                         [(d, sources.keys[d]) for d in sorted(sources.rekeyed)], sources.new_pairs)
    summary.cases_total = store.count("cases")
    return summary


def _copy_pairs_among(store: Store, doc_ids: Sequence[str], new_pairs: Iterable[tuple[str, str]],
                      dirty: set[str]) -> list[tuple[str, str]]:
    """The syndication pairs (stored, and found in this update) between the documents being re-linked."""
    wanted = set(doc_ids)
    pairs = {p for p in new_pairs if p[0] in wanted and p[1] in wanted}
    pairs |= {(a, b) for a, b in stored.syndication_pairs_from(store, sorted(wanted))
              if b in wanted and a not in dirty and b not in dirty}
    return sorted(pairs)


def _same_json(stored_json: str, case: Case) -> bool:
    return json.loads(stored_json) == json.loads(json.dumps(case.to_dict(), ensure_ascii=False))

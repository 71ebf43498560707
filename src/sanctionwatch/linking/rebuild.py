"""The full rebuild: re-link every stored document and replace the cases and the linking state."""

from __future__ import annotations

from ..model import Document
from ..reviews import verdicts
from ..sanctions.context import designated_at
from ..store import Store
from ..store import linking as stored
from ..cases import Case
from .clustering import link_events, link_items
from .items import evidence_items
from .sources import linked_documents
from .syndication import groups_from_pairs, shingle_sets, source_keys, syndication_pairs


def flag_designated(store: Store, cases: list[Case]) -> None:
    """Attach to each case the sanctions-list matches of its actors that were designated at the case's time.

    An entry listed after the case's events (after the end of their period; undated events: after the
    first report of them) was not designated then: "before-listing", left out of ``designated``, which
    the CLI, the report and the web show.  An unknown listing or case date keeps the match (the list
    designates the actor now and nothing says otherwise).
    """
    flags = stored.designated_flags(store, {e for c in cases for ids in c.actors.values() for e in ids})
    for c in cases:
        when = case_date(c)
        c.designated = [{**f, "status": "designated"} for e in sorted({e for ids in c.actors.values() for e in ids})
                        for f in flags.get(e, []) if designated_at(f.get("listed_on"), when) is not False]


def case_date(case: Case) -> str | None:
    """The date a case's designations are judged at: the end of its events' period, else its first report."""
    return case.time_end or case.time_start or case.reported_start


def cases_from_store(store: Store, min_sources: int = 2) -> tuple[list[Case], dict[str, Document]]:
    """Link the stored documents (nothing written); returns the cases and the documents by id."""
    reviewed = verdicts(store)
    docs = {d.doc_id: reviewed.apply(d) for d in store.iter_documents()}
    cases = link_events(docs.values(), min_sources)
    flag_designated(store, cases)
    return cases, docs


def rebuild_cases(store: Store, min_sources: int = 2) -> list[Case]:
    """Re-link every stored document and replace the case tables in one transaction.

    Also rewrites the linking state (:mod:`sanctionwatch.linking.incremental`) so
    that the next incremental update starts from these cases.
    """
    markers = stored.document_markers(store)  # read first: a document re-saved meanwhile shows as changed next time
    reviewed = verdicts(store)  # documents as reviewed: what an analyst rejected is no evidence
    docs = {d.doc_id: reviewed.apply(d) for d in store.iter_documents()}
    ordered = sorted(docs.values(), key=lambda d: d.doc_id)
    sets = shingle_sets(ordered)
    pairs = syndication_pairs(sets)
    source_of = source_keys(ordered, groups_from_pairs(sets, pairs))
    cases = link_items(ordered, evidence_items(ordered), source_of, min_sources, copy_pairs=pairs)
    flag_designated(store, cases)
    stored.replace_all(store, cases, docs, linked_documents(ordered, sets, markers, source_of), pairs)
    return cases

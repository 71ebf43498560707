"""The full rebuild: re-link every stored document and replace the cases and the linking state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from ..model import Document
from ..reviews import verdicts
from ..sanctions.context import designated_at
from ..store import Store
from ..store import linking as stored
from ..store.linking import LinkedDocument
from ..store.spill import ShingleSpill
from ..cases import Case
from .clustering import link_events, link_items
from .credit import source_publisher_key
from .items import Item, evidence_items
from .sources import SAMPLE_MOD
from .syndication import groups_from_pairs, is_copy, shingle_sets, source_keys_of_publishers


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

    Streams the documents: each is read once, as reviewed, and only what linking needs is kept: its
    shingle set goes to a scratch table on disk (:class:`~sanctionwatch.store.spill.ShingleSpill`, where
    the copies are found), its publisher key and shingle count stay, and a document with evidence
    stays as its :func:`linking_view` (the items' events, attributions and actor names, no sentences or
    mentions).  So memory grows with the evidence, not with the corpus.  Also rewrites the linking state
    (:mod:`sanctionwatch.linking.incremental`) so that the next incremental update starts from these cases.
    """
    markers = stored.document_markers(store)  # read first: a document re-saved meanwhile shows as changed next time
    reviewed = verdicts(store)  # documents as reviewed: what an analyst rejected is no evidence
    with ShingleSpill() as spill:
        read = _Read(spill)
        read.add_all(reviewed.apply(d) for d in store.iter_documents())  # one document alive at a time
        views, items, publisher_keys, counts = read.views, read.items, read.publisher_keys, read.counts
        pairs = sorted((a, b) for a, b, n in spill.shared_counts() if is_copy(n, counts[a], counts[b]))
        groups = groups_from_pairs(sorted(counts), pairs)
        source_of = source_keys_of_publishers(publisher_keys, groups)
        cases = link_items([views[d] for d in sorted(views)], items, source_of, min_sources,
                           copy_pairs=_pairs_within(groups, views))
        flag_designated(store, cases)
        linked = [LinkedDocument(d, markers[d], publisher_keys[d], source_of.get(d, d), counts[d], ())
                  for d in sorted(counts) if d in markers]  # saved after the markers were read: linked next time
        stored.replace_all(store, cases, views, linked, pairs,
                           shingles=((h, d) for h, d in spill.sampled(SAMPLE_MOD) if d in markers))
    return cases


@dataclass(slots=True)
class _Read:
    """What the rebuild keeps of the documents it has read (see :func:`rebuild_cases`)."""

    spill: ShingleSpill
    views: dict[str, Document] = field(default_factory=dict)  # documents with evidence, as linking reads them
    items: list[Item] = field(default_factory=list)
    publisher_keys: dict[str, str | None] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # shingles per document

    def add_all(self, docs: Iterable[Document]) -> None:
        for doc in docs:
            self.add(doc)

    def add(self, doc: Document) -> None:
        found = shingle_sets([doc])[doc.doc_id]
        self.spill.add(doc.doc_id, found)
        self.counts[doc.doc_id] = len(found)
        self.publisher_keys[doc.doc_id] = source_publisher_key(doc)
        evidence = evidence_items([doc])
        if evidence or any(a.stance == "deny" for a in doc.attributions):  # event-less denials join cases
            view = linking_view(doc)
            for item in evidence:
                _ = item.context  # read from the full document's mentions before they go
                item.doc = view
            self.views[doc.doc_id] = view
            self.items += evidence


def linking_view(doc: Document) -> Document:
    """What the linker reads of a document once its items are made: metadata, text (credit reads its
    dateline), events, attributions and entity names; its sentences, ignored regions and mentions go."""
    return replace(doc, sentences=[], ignored=[], warnings=[], meta={},
                   entities=[replace(e, mentions=[]) for e in doc.entities])


def _pairs_within(groups: list[set[str]], kept: Mapping[str, Document]) -> list[tuple[str, str]]:
    """Copy pairs joining the ``kept`` documents of each syndication group (a group may be joined through
    documents without evidence, which the clustering never sees)."""
    out = []
    for g in groups:
        members = sorted(d for d in g if d in kept)
        out += [(members[0], other) for other in members[1:]]
    return out

"""The full rebuild: re-link every stored document and replace the cases and the linking state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, cast

from ..model import Attribution, Document, Event, Fragment
from ..reviews import verdicts
from ..sanctions.context import designated_at
from ..store import Store
from ..store import linking as stored
from ..store.linking import LinkedDocument
from ..store.spill import ItemRow, ShingleSpill
from ..cases import Case
from .claims import state_of
from .blocking import time_key
from .clustering import case_order, link_events, split_replies
from .credit import DATELINE_CHARS, dateline_credit, source_publisher_key
from .evidence import names_objects, unit
from .items import evidence_items
from .sources import SAMPLE_MOD
from .sweep import Sweep
from .syndication import (DisjointSets, days_between, groups_from_pairs, is_copy, shingle_sets,
                          source_keys_of_publishers)


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

    Streams the documents: each is read once, as reviewed, and only what linking needs is kept, on disk
    in a scratch SQLite file (:class:`~sanctionwatch.store.spill.ShingleSpill`): its shingle set (where
    the copies are found) and, for a document with evidence, its :func:`linking_view` with its items.
    Its publisher key and shingle count stay in memory.  The clustering then sweeps the items in date
    order (:class:`~sanctionwatch.linking.sweep.Sweep`), loading a document's view when the sweep reaches
    it and finishing the cases the sweep has passed, so memory holds a window of time, not the corpus.
    Also rewrites the linking state (:mod:`sanctionwatch.linking.incremental`) so that the next
    incremental update starts from these cases.
    """
    markers = stored.document_markers(store)  # read first: a document re-saved meanwhile shows as changed next time
    reviewed = verdicts(store)  # documents as reviewed: what an analyst rejected is no evidence
    with ShingleSpill() as spill:
        read = _Read(spill)
        read.add_all(reviewed.apply(d) for d in store.iter_documents())  # one document alive at a time
        publisher_keys, counts = read.publisher_keys, read.counts
        # copy pairs stay on disk too: a syndicated corpus has many (each pair of copies of one text)
        spill.keep_pairs((a, b) for a, b, n in spill.shared_counts()
                         if is_copy(n, counts[a], counts[b], days_apart=days_between(read.published[a], read.published[b])))
        groups = groups_from_pairs(sorted(counts), spill.pairs())
        source_of = source_keys_of_publishers(publisher_keys, groups)
        sweep = Sweep(spill.evidence, spill.items_per_document(), _stories(_pairs_within(groups, read.kept)),
                      source_of, min_sources, last_figures=spill.last_figures())
        cases = sorted(sweep.run(spill.sweep()), key=case_order)
        flag_designated(store, cases)
        linked = [LinkedDocument(d, markers[d], publisher_keys[d], source_of.get(d, d), counts[d], ())
                  for d in sorted(counts) if d in markers]  # saved after the markers were read: linked next time
        # the case sources read only these fields of their documents
        stored.replace_all(store, cases, cast(Mapping[str, Document], read.sources), linked, spill.pairs(),
                           shingles=((h, d) for h, d in spill.sampled(SAMPLE_MOD) if d in markers))
    return cases


@dataclass(frozen=True, slots=True)
class _Source:
    """What a case's source rows read of a member document."""

    publisher: str | None
    published: str | None
    url: str | None


@dataclass(slots=True)
class _Read:
    """What the rebuild keeps of the documents it has read (see :func:`rebuild_cases`)."""

    spill: ShingleSpill
    kept: set[str] = field(default_factory=set)  # documents with evidence (or event-less denials)
    sources: dict[str, _Source] = field(default_factory=dict)  # documents with items
    publisher_keys: dict[str, str | None] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # shingles per document
    published: dict[str, str | None] = field(default_factory=dict)  # when partial copies must be close

    def add_all(self, docs: Iterable[Document]) -> None:
        for doc in docs:
            self.add(doc)

    def add(self, doc: Document) -> None:
        found = shingle_sets([doc])[doc.doc_id]
        self.spill.add(doc.doc_id, found)
        self.counts[doc.doc_id] = len(found)
        self.published[doc.doc_id] = doc.published
        self.publisher_keys[doc.doc_id] = source_publisher_key(doc)
        evidence = evidence_items([doc])
        if evidence or any(a.stance == "deny" for a in doc.attributions):  # event-less denials join cases
            self.kept.add(doc.doc_id)
        if not evidence:  # event-less denials are placed through the cases of their own article: none here
            return
        view = linking_view(doc)
        for item in evidence:
            _ = item.context  # read from the full document's mentions before they go
            item.doc = view
            item.event = _slim_event(item.event)
        replies, rest = split_replies(evidence)
        rows = [ItemRow(i.key[0], i.idx, k.lo, k.tally_figure, k.undated_figure,
                        unit(i.event.quantity) if i.event.quantity else None) for i in rest for k in [time_key(i)]]
        self.spill.add_evidence(doc.doc_id, (view, rest, replies), rows)
        self.sources[doc.doc_id] = _Source(doc.publisher, doc.published, doc.url)


def linking_view(doc: Document) -> Document:
    """What the linker reads of a document once its items are made, and no more (the rebuild holds one
    per document with evidence, so this is what its memory grows with): metadata; the head of the text
    when it holds a dateline credit reads (:data:`~.credit.DATELINE_CHARS`); each event as the type,
    modality and attribution index the cases read (the items carry the events they compare); attributions
    with every offset but without what the speaker said and the verb; the names of the actors its events
    and attributions name.  Its sentences, ignored regions, mentions and other entities go.  A view is
    never stored or shown: its spans no longer index its text."""
    named = {a.entity for e in doc.events for a in e.arguments if a.entity}
    named |= {x for a in doc.attributions for x in (a.source_entity, a.affiliation, a.channel) if x}
    named |= {state_of(x) for x in named}
    head = doc.text[:DATELINE_CHARS]
    return replace(doc, text=head if dateline_credit(head) else "", sentences=[], ignored=[], warnings=[], meta={},
                   entities=[replace(e, mentions=[]) for e in doc.entities if e.id in named],
                   events=[Event(e.type, _bare(e.trigger), modality=e.modality, attribution=e.attribution)
                           for e in doc.events],
                   attributions=[_slim_attribution(a) for a in doc.attributions])


def _bare(f: Fragment) -> Fragment:
    return Fragment(f.start, f.end, "")


def _slim_event(event: Event) -> Event:
    sentence = event.sentence
    if sentence is not None and not names_objects(sentence.text):
        sentence = _bare(sentence)
    return replace(event, sentence=sentence, mentions=[])


def _slim_attribution(a: Attribution) -> Attribution:
    return replace(a, cue=[_bare(f) for f in a.cue], content=[_bare(f) for f in a.content])


def _pairs_within(groups: list[set[str]], kept: set[str]) -> list[tuple[str, str]]:
    """Copy pairs joining the ``kept`` documents of each syndication group (a group may be joined through
    documents without evidence, which the clustering never sees)."""
    out = []
    for g in groups:
        members = sorted(d for d in g if d in kept)
        out += [(members[0], other) for other in members[1:]]
    return out


def _stories(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The syndication group (its smallest document id, as :func:`~.clustering.link_items` names it) of
    each kept document with a kept copy."""
    copies = DisjointSets(d for pair in pairs for d in pair)
    for a, b in pairs:
        copies.union(a, b)
    return {d: copies.find(d) for d in copies.parent}

"""Independent sources in the incremental update: syndication and publishers of the changed documents.

A new document's copies are found through the sampled shingle index (candidates sharing a sampled shingle)
and confirmed with the exact containment test of :func:`~sanctionwatch.linking.syndication.is_copy` on the
candidates' full shingle sets (their texts are read, not their extractions).  A pair of copies sharing n
shingles shares no sampled one with probability about (3/4)^n, i.e. < 1e-6 for n >= 50; two very short
copies (under about 20 shared shingles) can be missed.  The full rebuild also ignores shingles held by more
than 200 documents (boilerplate); the incremental test does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..model import Document
from ..store import Store
from ..store import linking as stored
from ..store.linking import LinkedDocument, Marker
from .credit import source_publisher_key
from .syndication import (FULL_COPY_CONTAINMENT, DisjointSets, days_between, is_copy, shingle_sets,
                          syndication_pairs)

SAMPLE_MOD = 4  # one shingle in SAMPLE_MOD goes into the syndication index


def linked_documents(docs: Sequence[Document], sets: dict[str, set[int]], markers: dict[str, Marker],
                     source_of: dict[str, str]) -> list[LinkedDocument]:
    """The linking state of ``docs``: marker, publisher, source key and the sampled shingles."""
    return [
        LinkedDocument(d.doc_id, markers[d.doc_id], source_publisher_key(d), source_of.get(d.doc_id, d.doc_id),
                       len(sets[d.doc_id]), [h for h in sorted(sets[d.doc_id]) if h % SAMPLE_MOD == 0])
        for d in docs
        if d.doc_id in markers  # saved after the markers were read: linked next time
    ]


@dataclass(slots=True)
class Sources:
    keys: dict[str, str]  # new source key of every document in a re-computed component
    rekeyed: set[str]  # unchanged documents whose key changed
    new_pairs: list[tuple[str, str]]


def update_sources(store: Store, fresh: Sequence[Document], fresh_sets: dict[str, set[int]],
                   dirty: set[str]) -> Sources:
    """Re-compute the independent-source components that the changed documents touch.

    Components are closed under syndication pairs and same publisher.  Those
    that held a changed or deleted document may split, so all their remaining
    members are re-united from the stored pairs and publishers; any other
    component a fresh document joins stays whole and takes part as one node.
    Labels are kept stable (a merged component keeps the label of its largest
    part), so adding the n-th article of a publisher re-keys nothing and only
    documents whose group really changed send their cases to re-linking.
    """
    published = {d.doc_id: d.published for d in fresh}
    new_pairs = (set(syndication_pairs(fresh_sets, published=published))
                 | _copies_among_linked(store, fresh_sets, dirty, published))
    split_keys = {key for _, key in stored.source_keys(store, sorted(dirty))}
    old_key: dict[str, str] = {}  # remaining members of the components that may split
    publisher: dict[str, str | None] = {d.doc_id: source_publisher_key(d) for d in fresh}
    for doc_id, publisher_key, source_key in stored.documents_with_source_keys(store, sorted(split_keys)):
        if doc_id not in dirty:
            old_key[doc_id] = source_key
            publisher[doc_id] = publisher_key
    pairs = set(new_pairs) | set(stored.syndication_pairs_from(store, sorted(old_key)))

    # Components outside the loaded ones that fresh documents join: one virtual node each, "=label".
    outside: dict[str, int] = {}  # label -> size
    links: list[tuple[str, str]] = []
    partners = sorted({x for pair in new_pairs for x in pair} - set(publisher) - dirty)
    for doc_id, source_key in stored.source_keys(store, partners):
        links += [(a if a in publisher else b, "=" + source_key) for a, b in new_pairs if doc_id in (a, b)]
        outside[source_key] = 0
    fresh_pubs = sorted({publisher[d.doc_id] for d in fresh if publisher[d.doc_id]})
    for publisher_key, source_key in stored.publisher_source_keys(store, fresh_pubs):
        if source_key not in split_keys:
            links += [(d.doc_id, "=" + source_key) for d in fresh if publisher[d.doc_id] == publisher_key]
            outside[source_key] = 0
    outside = {k: v for k, v in outside.items() if k not in split_keys}
    outside |= stored.source_key_sizes(store, sorted(outside))

    nodes = dict(publisher) | {"=" + k: None for k in outside}
    parts = _parts(nodes, [p for p in pairs if p[0] in nodes and p[1] in nodes] + links)
    labels = _label_parts(store, parts, old_key, outside, split_keys | set(outside))
    keys = {d: labels[n] for n, part in enumerate(parts) for d in part if not d.startswith("=")}
    rekeyed = {d for d, k in old_key.items() if keys[d] != k}
    lost = sorted(k for n, part in enumerate(parts) for node in part
                  if node.startswith("=") and (k := node[1:]) != labels[n])
    for doc_id, _publisher, source_key in stored.documents_with_source_keys(store, lost):
        if doc_id not in dirty:
            n = next(i for i, part in enumerate(parts) if "=" + source_key in part)
            keys[doc_id] = labels[n]
            rekeyed.add(doc_id)
    return Sources(keys, rekeyed, sorted(new_pairs))


def _parts(nodes: dict[str, str | None], pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Connected components of ``nodes`` under ``pairs`` and same publisher (the node's value)."""
    sets = DisjointSets(nodes)
    for a, b in pairs:
        sets.union(a, b)
    first: dict[str, str] = {}
    for d in sorted(nodes):
        if nodes[d]:
            sets.union(first.setdefault(nodes[d], d), d)
    return sets.groups()


def _label_parts(store: Store, parts: list[set[str]], old_key: dict[str, str], outside: dict[str, int],
                 handled: set[str]) -> list[str]:
    """A source key per part: the old label covering most of it (largest parts choose first), else a new one."""
    labels = [""] * len(parts)
    taken: set[str] = set()

    def weight(n: int) -> int:
        return sum(outside[x[1:]] if x.startswith("=") else 1 for x in parts[n])

    for n in sorted(range(len(parts)), key=lambda i: (-weight(i), min(parts[i]))):
        counts: dict[str, int] = {}
        for x in parts[n]:
            label = x[1:] if x.startswith("=") else old_key.get(x)
            if label:
                counts[label] = counts.get(label, 0) + (outside[label] if x.startswith("=") else 1)
        free = sorted((-c, label) for label, c in counts.items() if label not in taken)
        labels[n] = free[0][1] if free else ""
        taken.add(labels[n])
    for n, part in enumerate(parts):
        if not labels[n]:  # only fresh documents, or the smaller side of a split
            base = min(x for x in part if not x.startswith("="))
            label, i = base, 1
            while label in taken or _label_in_use(store, label, handled):
                label, i = f"{base}#{i}", i + 1
            labels[n] = label
            taken.add(label)
    return labels


def _label_in_use(store: Store, label: str, handled: set[str]) -> bool:
    """Whether a component this update does not re-label already carries ``label``."""
    if label in handled:
        return False
    return stored.source_key_in_use(store, label)


def _copies_among_linked(store: Store, fresh_sets: dict[str, set[int]], dirty: set[str],
                         published: dict[str, str | None]) -> set[tuple[str, str]]:
    """Pairs (fresh, linked) of syndicated copies: candidates from the sampled index, confirmed exactly
    (a partial copy's publication date read only when its share of text leaves it to the dates)."""
    candidates: dict[str, set[str]] = {}
    for doc_id, sh in fresh_sets.items():
        found = stored.documents_sharing_shingles(store, [h for h in sh if h % SAMPLE_MOD == 0])
        candidates[doc_id] = found - dirty
    others = sorted(set().union(*candidates.values())) if candidates else []
    other_sets = shingle_sets(stored.document_bodies(store, others))
    pairs = set()
    for doc_id, found in candidates.items():
        for other in found:
            sh, osh = fresh_sets[doc_id], other_sets.get(other, set())
            shared = len(sh & osh)
            if not is_copy(shared, len(sh), len(osh)):
                continue
            partial = shared < FULL_COPY_CONTAINMENT * min(len(sh), len(osh))
            if partial and not is_copy(shared, len(sh), len(osh),
                                       days_apart=_days_to(store, published.get(doc_id), other)):
                continue
            pairs.add((min(doc_id, other), max(doc_id, other)))
    return pairs


def _days_to(store: Store, published: str | None, other: str) -> int | None:
    stored_doc = store.get_document(other) if published else None
    return days_between(published, stored_doc.published if stored_doc else None)


def source_keys_of(store: Store, doc_ids: Sequence[str], recomputed: dict[str, str]) -> dict[str, str]:
    """doc_id -> independent-source key: recomputed in this update, else as stored, else the document itself."""
    out = {d: recomputed[d] for d in doc_ids if d in recomputed}
    rest = [d for d in doc_ids if d not in out]
    out |= dict(stored.source_keys(store, rest))
    return {d: out.get(d, d) for d in doc_ids}

"""Incremental case linking: bring the cases up to date with what changed since the last linking.

:func:`sanctionwatch.link.rebuild_cases` re-links every stored document.
:func:`update_cases` re-links only a *neighbourhood* of the documents that
were added, re-saved (re-processed) or deleted since the last linking, with
the same clustering code (:func:`sanctionwatch.link.link_items`), and replaces
just those cases in one transaction.  :func:`link_store` is the single entry
point for callers (``run``, ``reprocess``): incremental by default, full on
request or when there is no linking state to start from.

State (migration 0003, all tables without foreign keys so that a deleted
document leaves a trace until the next update):

* ``linked_documents``: per linked document the marker of the extraction that
  was linked (pipeline version, ``ingested_at``, ``documents.rowid``), its
  publisher and its independent-source key;
* ``linked_shingles``: a 1-in-4 sample of each document's body shingles, an
  inverted index to find syndication candidates for a new document;
* ``linked_syndication``: the pairs found to be copies (to split a source
  group again when a document goes);
* ``linked_case_docs``: which documents each case was built from
  (``case_members`` rows vanish by ON DELETE CASCADE when a document is
  re-saved or deleted, so they cannot tell which cases it was in).

Blocking rule (which existing cases are re-clustered).  A case is in the
neighbourhood when it held a changed or deleted document, or a document whose
independent-source key changed, or when one of its members could score at
least ``LINK_THRESHOLD`` with an event of a changed document (``hops`` rounds:
round 2 also takes cases joinable with members of the cases taken in round 1,
and so on).  Only such cases can be changed by the new events: the greedy
clustering joins an event to a cluster only when their *average* score reaches
the threshold, and the merge pass merges two clusters only on an average at or
above it, both of which need at least one pair at or above it.  Candidate
members are found in SQL on ``case_members`` + ``events`` + ``documents`` by

* type: the event type and every type :func:`~sanctionwatch.link.type_score`
  relates to it (other types score 0);
* time: a pair whose time score is below 0.2 is capped at 0.6 x 0.7875 < 0.5
  by the soft-conflict factor of :func:`~sanctionwatch.link.compatible`, so the
  member must overlap the event's dated interval (3 days' slack, 33 for the
  episodes of a flow, ``durative_types``), or be undated and published no
  earlier than that before it; an undated event reaches dated members that
  start before its publication (+ the slack) and undated members published
  within 45 days (75 for a flow) of it; denials and documents without a
  publication date are never excluded by time;

and then scored with :func:`~sanctionwatch.link.compatible_bound`, an upper
bound of the clustering's scores (as if the two documents were copies and
their sentences named the same actors).  Copies of one text whose dates are
far apart are joined only when both are in the neighbourhood.  Actor ids
do not block: two events with no common party still reach 0.64 when their
dates, quantities and items agree, so an actor filter would lose real links.

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

Syndication.  A new document's copies are found through the sampled shingle
index (candidates sharing a sampled shingle) and confirmed with the exact
containment test of :func:`~sanctionwatch.link.is_copy` on the candidates'
full shingle sets (their texts are read, not their extractions).  A pair of
copies sharing n shingles shares no sampled one with probability about
(3/4)^n, i.e. < 1e-6 for n >= 50; two very short copies (under about 20
shared shingles) can be missed.  The full rebuild also ignores shingles held
by more than 200 documents (boilerplate); the incremental test does not.

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
from datetime import timedelta
from typing import Any, Iterable, Iterator, Sequence

from .link import (
    LINK_THRESHOLD,
    TIME_SLACK_DAYS,
    UNDATED_WINDOW_DAYS,
    Case,
    DisjointSets,
    _day,
    _interval,
    _is_denial,
    compatible_bound,
    evidence_items,
    flag_designated,
    insert_cases,
    is_copy,
    link_items,
    rebuild_cases,
    shingle_sets,
    syndication_pairs,
    taxonomy,
    type_score,
)
from .event_coref import merged_events
from .link_evidence import rules
from .model import Document, Event, IgnoredRegion
from .source_credit import source_publisher_key

SAMPLE_MOD = 4  # one shingle in SAMPLE_MOD goes into the syndication index
_CHUNK = 500  # ids per IN (...) list: far below SQLite's and PostgreSQL's parameter limits


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


def link_store(store: Any, min_sources: int = 2, *, full: bool = False, hops: int | None = 2) -> UpdateSummary:
    """Bring the cases up to date: incrementally, or from scratch with ``full`` (or when there is no state)."""
    if full or needs_full_rebuild(store, min_sources):
        docs_before = store.count("documents")
        cases = rebuild_cases(store, min_sources=min_sources)
        return UpdateSummary(full=True, documents_loaded=docs_before,
                             cases_added=[c.id for c in cases], cases_total=len(cases))
    return update_cases(store, min_sources, hops=hops)


def needs_full_rebuild(store: Any, min_sources: int) -> bool:
    """No linking state yet (a new store, or cases linked before schema 3), or cases made with another threshold."""
    has_state = store.conn.execute("SELECT 1 FROM linked_documents LIMIT 1").fetchone() is not None
    if not has_state:
        return True
    other = store.conn.execute("SELECT 1 FROM cases WHERE min_sources <> ? LIMIT 1", (min_sources,)).fetchone()
    return other is not None


# --------------------------------------------------------------------------
# Change detection


def document_markers(store: Any, doc_ids: Sequence[str] | None = None) -> dict[str, tuple[str, str, int]]:
    """doc_id -> (pipeline_version, ingested_at, rowid): what identifies one stored extraction."""
    sql = "SELECT doc_id, pipeline_version, ingested_at, rowid AS rid FROM documents"
    if doc_ids is None:
        rows: Iterable[Any] = store.conn.execute(sql)
    else:
        rows = (r for chunk in _chunks(doc_ids) for r in store.conn.execute(
            f"{sql} WHERE doc_id IN ({_marks(chunk)})", tuple(chunk)))
    return {r["doc_id"]: (r["pipeline_version"], r["ingested_at"], int(r["rid"])) for r in rows}


def pending_changes(store: Any) -> tuple[list[str], list[str], list[str]]:
    """(added, re-saved, deleted) document ids since the last linking, each sorted."""
    rows = store.conn.execute(
        "SELECT d.doc_id, l.doc_id AS known FROM documents d LEFT JOIN linked_documents l ON l.doc_id = d.doc_id"
        " WHERE l.doc_id IS NULL OR l.pipeline_version <> d.pipeline_version OR l.ingested_at <> d.ingested_at"
        " OR l.doc_rowid <> d.rowid ORDER BY d.doc_id"
    ).fetchall()
    added = [r["doc_id"] for r in rows if r["known"] is None]
    changed = [r["doc_id"] for r in rows if r["known"] is not None]
    removed = [r[0] for r in store.conn.execute(
        "SELECT l.doc_id FROM linked_documents l LEFT JOIN documents d ON d.doc_id = l.doc_id"
        " WHERE d.doc_id IS NULL ORDER BY l.doc_id")]
    return added, changed, removed


# --------------------------------------------------------------------------
# The update


def update_cases(store: Any, min_sources: int = 2, *, hops: int | None = 2,
                 threshold: float = LINK_THRESHOLD) -> UpdateSummary:
    """Re-link the neighbourhood of the documents changed since the last linking; see the module doc.

    ``hops`` rounds of neighbourhood expansion (None: until closed, which
    reproduces the full rebuild exactly, at the cost of a wider neighbourhood).
    """
    added, changed, removed = pending_changes(store)
    summary = UpdateSummary(documents_added=len(added), documents_changed=len(changed),
                            documents_removed=len(removed))
    if not (added or changed or removed):
        summary.cases_total = store.count("cases")
        return summary
    fresh_ids = added + changed
    dirty = set(fresh_ids) | set(removed)  # documents whose linked state is stale
    markers = document_markers(store, fresh_ids)  # before loading: a later re-save shows as changed next time
    fresh = [d for i in fresh_ids if i in markers and (d := store.get_document(i)) is not None]
    fresh_sets = shingle_sets(fresh)

    sources = _update_sources(store, fresh, fresh_sets, dirty)

    seed = _cases_of(store, sorted(dirty))
    neighbourhood = set(seed) | _cases_of(store, sorted(sources.rekeyed))
    frontier = [(i.event, i.doc.published) for i in evidence_items(fresh)]
    frontier += _member_events(store, sorted(seed), dirty)
    for _ in range(hops) if hops is not None else itertools.count():
        found = _joinable_cases(store, frontier, neighbourhood, dirty, threshold)
        if not found:
            break
        neighbourhood |= found
        frontier = _member_events(store, sorted(found), dirty)
    summary.cases_considered = len(neighbourhood)

    members = _members(store, sorted(neighbourhood), dirty)
    old_ids = sorted({m[0] for m in members} | neighbourhood)
    old_json = _case_json(store, old_ids)
    loaded = {d: doc for d in sorted({m[1] for m in members}) if (doc := store.get_document(d)) is not None}
    summary.documents_loaded = len(fresh) + len(loaded)
    docs = {d.doc_id: d for d in fresh} | loaded
    # The re-clustered events of unchanged documents: the (coreference-merged) items whose mentions
    # were members of the neighbourhood's cases.
    member_events = {(doc_id, idx) for _, doc_id, idx, _attr in members if idx is not None}
    items = evidence_items(fresh) + [
        item for item in evidence_items(loaded.values())
        if any((item.doc.doc_id, n) in member_events for n in item.chain)
    ]
    summary.items_reclustered = len(items)
    replaced = {(doc_id, attr) for _, doc_id, idx, attr in members if idx is None}
    fresh_set = {d.doc_id for d in fresh}
    source_of = _source_keys_of(store, sorted(docs), sources.keys)
    ordered = [docs[d] for d in sorted(docs)]
    cases = link_items(ordered, items, source_of, min_sources, threshold=threshold,
                       denial_eligible=lambda d, a: d in fresh_set or (d, a) in replaced,
                       copy_pairs=_copy_pairs_among(store, sorted(docs), sources.new_pairs, dirty))
    flag_designated(store.conn, cases)

    new_ids = {c.id for c in cases}
    summary.cases_removed = sorted(set(old_json) - new_ids)
    summary.cases_added = sorted(new_ids - set(old_json))
    summary.cases_rewritten = sorted(
        c.id for c in cases if c.id in old_json and not _same_json(old_json[c.id], c))
    with store.transaction() as c:
        for chunk in _chunks(old_ids):
            c.execute(f"DELETE FROM cases WHERE case_id IN ({_marks(chunk)})", tuple(chunk))
            c.execute(f"DELETE FROM linked_case_docs WHERE case_id IN ({_marks(chunk)})", tuple(chunk))
        _forget_documents(c, sorted(dirty))
        insert_cases(c, cases, docs)
        _insert_case_docs(store, c, cases)
        _insert_documents(store, c, fresh, fresh_sets, markers, sources.keys)
        c.executemany("UPDATE linked_documents SET source_key = ? WHERE doc_id = ?",
                      [(sources.keys[d], d) for d in sorted(sources.rekeyed)])
        c.executemany("INSERT OR IGNORE INTO linked_syndication(doc_a, doc_b) VALUES (?, ?)", sources.new_pairs)
    summary.cases_total = store.count("cases")
    return summary


def _copy_pairs_among(store: Any, doc_ids: Sequence[str], new_pairs: Iterable[tuple[str, str]],
                      dirty: set[str]) -> list[tuple[str, str]]:
    """The syndication pairs (stored, and found in this update) between the documents being re-linked."""
    wanted = set(doc_ids)
    pairs = {p for p in new_pairs if p[0] in wanted and p[1] in wanted}
    for chunk in _chunks(sorted(wanted)):
        pairs |= {(r[0], r[1]) for r in store.conn.execute(
            f"SELECT doc_a, doc_b FROM linked_syndication WHERE doc_a IN ({_marks(chunk)})", tuple(chunk))
            if r[1] in wanted and r[0] not in dirty and r[1] not in dirty}
    return sorted(pairs)


def _same_json(stored: str, case: Case) -> bool:
    return json.loads(stored) == json.loads(json.dumps(case.to_dict(), ensure_ascii=False))


# --------------------------------------------------------------------------
# Independent sources: syndication and publishers


@dataclass(slots=True)
class _Sources:
    keys: dict[str, str]  # new source key of every document in a re-computed component
    rekeyed: set[str]  # unchanged documents whose key changed
    new_pairs: list[tuple[str, str]]


def _update_sources(store: Any, fresh: Sequence[Document], fresh_sets: dict[str, set[int]],
                    dirty: set[str]) -> _Sources:
    """Re-compute the independent-source components that the changed documents touch.

    Components are closed under syndication pairs and same publisher.  Those
    that held a changed or deleted document may split, so all their remaining
    members are re-united from the stored pairs and publishers; any other
    component a fresh document joins stays whole and takes part as one node.
    Labels are kept stable (a merged component keeps the label of its largest
    part), so adding the n-th article of a publisher re-keys nothing and only
    documents whose group really changed send their cases to re-linking.
    """
    q = store.conn.execute
    new_pairs = set(syndication_pairs(fresh_sets)) | _copies_among_linked(store, fresh_sets, dirty)
    split_keys: set[str] = set()
    for chunk in _chunks(sorted(dirty)):
        split_keys |= {r[0] for r in q(f"SELECT source_key FROM linked_documents WHERE doc_id IN ({_marks(chunk)})",
                                       tuple(chunk))}
    old_key: dict[str, str] = {}  # remaining members of the components that may split
    publisher: dict[str, str | None] = {d.doc_id: source_publisher_key(d) for d in fresh}
    for chunk in _chunks(sorted(split_keys)):
        for r in q(f"SELECT doc_id, publisher_key, source_key FROM linked_documents WHERE source_key IN ({_marks(chunk)})",
                   tuple(chunk)):
            if r["doc_id"] not in dirty:
                old_key[r["doc_id"]] = r["source_key"]
                publisher[r["doc_id"]] = r["publisher_key"]
    pairs = set(new_pairs)
    for chunk in _chunks(sorted(old_key)):
        pairs |= {(r[0], r[1]) for r in q(
            f"SELECT doc_a, doc_b FROM linked_syndication WHERE doc_a IN ({_marks(chunk)})", tuple(chunk))}

    # Components outside the loaded ones that fresh documents join: one virtual node each, "=label".
    outside: dict[str, int] = {}  # label -> size
    links: list[tuple[str, str]] = []
    partners = sorted({x for pair in new_pairs for x in pair} - set(publisher) - dirty)
    for chunk in _chunks(partners):
        for r in q(f"SELECT doc_id, source_key FROM linked_documents WHERE doc_id IN ({_marks(chunk)})", tuple(chunk)):
            links += [(a if a in publisher else b, "=" + r[1]) for a, b in new_pairs if r[0] in (a, b)]
            outside[r[1]] = 0
    fresh_pubs = sorted({publisher[d.doc_id] for d in fresh if publisher[d.doc_id]})
    for chunk in _chunks(fresh_pubs):
        for r in q(f"SELECT DISTINCT publisher_key, source_key FROM linked_documents WHERE publisher_key IN ({_marks(chunk)})",
                   tuple(chunk)):
            if r[1] not in split_keys:
                links += [(d.doc_id, "=" + r[1]) for d in fresh if publisher[d.doc_id] == r[0]]
                outside[r[1]] = 0
    outside = {k: v for k, v in outside.items() if k not in split_keys}
    for chunk in _chunks(sorted(outside)):
        for r in q(f"SELECT source_key, count(*) FROM linked_documents WHERE source_key IN ({_marks(chunk)})"
                   " GROUP BY source_key", tuple(chunk)):
            outside[r[0]] = int(r[1])

    nodes = dict(publisher) | {"=" + k: None for k in outside}
    parts = _parts(nodes, [p for p in pairs if p[0] in nodes and p[1] in nodes] + links)
    labels = _label_parts(store, parts, old_key, outside, split_keys | set(outside))
    keys = {d: labels[n] for n, part in enumerate(parts) for d in part if not d.startswith("=")}
    rekeyed = {d for d, k in old_key.items() if keys[d] != k}
    lost = sorted(k for n, part in enumerate(parts) for node in part
                  if node.startswith("=") and (k := node[1:]) != labels[n])
    for chunk in _chunks(lost):
        for r in q(f"SELECT doc_id, source_key FROM linked_documents WHERE source_key IN ({_marks(chunk)})", tuple(chunk)):
            if r[0] not in dirty:
                n = next(i for i, part in enumerate(parts) if "=" + r[1] in part)
                keys[r[0]] = labels[n]
                rekeyed.add(r[0])
    return _Sources(keys, rekeyed, sorted(new_pairs))


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


def _label_parts(store: Any, parts: list[set[str]], old_key: dict[str, str], outside: dict[str, int],
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


def _label_in_use(store: Any, label: str, handled: set[str]) -> bool:
    """Whether a component this update does not re-label already carries ``label``."""
    if label in handled:
        return False
    return store.conn.execute("SELECT 1 FROM linked_documents WHERE source_key = ? LIMIT 1", (label,)).fetchone() is not None


def _copies_among_linked(store: Any, fresh_sets: dict[str, set[int]], dirty: set[str]) -> set[tuple[str, str]]:
    """Pairs (fresh, linked) of syndicated copies: candidates from the sampled index, confirmed exactly."""
    candidates: dict[str, set[str]] = {}
    for doc_id, sh in fresh_sets.items():
        sample = sorted(_signed(h) for h in sh if h % SAMPLE_MOD == 0)
        found: set[str] = set()
        for chunk in _chunks(sample):
            found |= {r[0] for r in store.conn.execute(
                f"SELECT DISTINCT doc_id FROM linked_shingles WHERE shingle IN ({_marks(chunk)})", tuple(chunk))}
        candidates[doc_id] = found - dirty
    others = sorted(set().union(*candidates.values())) if candidates else []
    other_sets = shingle_sets(_bodies(store, others))
    pairs = set()
    for doc_id, found in candidates.items():
        for other in found:
            sh, osh = fresh_sets[doc_id], other_sets.get(other, set())
            if is_copy(len(sh & osh), len(sh), len(osh)):
                pairs.add((min(doc_id, other), max(doc_id, other)))
    return pairs


def _bodies(store: Any, doc_ids: Sequence[str]) -> list[Document]:
    """Documents with just their text and ignored regions: enough for shingles."""
    out = []
    for doc_id in doc_ids:
        row = store.conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            continue
        text = row[0]
        ignored = [IgnoredRegion(r[0], r[1], text[r[0]:r[1]], r[2]) for r in store.conn.execute(
            "SELECT start, end, reason FROM ignored WHERE doc_id = ? ORDER BY start", (doc_id,))]
        out.append(Document(doc_id=doc_id, text=text, ignored=ignored))
    return out


def _source_keys_of(store: Any, doc_ids: Sequence[str], recomputed: dict[str, str]) -> dict[str, str]:
    out = {d: recomputed[d] for d in doc_ids if d in recomputed}
    rest = [d for d in doc_ids if d not in out]
    for chunk in _chunks(rest):
        for r in store.conn.execute(
                f"SELECT doc_id, source_key FROM linked_documents WHERE doc_id IN ({_marks(chunk)})", tuple(chunk)):
            out[r[0]] = r[1]
    return {d: out.get(d, d) for d in doc_ids}


def _signed(h: int) -> int:
    """The 64-bit shingle hash as a signed integer (both databases store signed 64-bit integers)."""
    return h - (1 << 64) if h >= (1 << 63) else h


# --------------------------------------------------------------------------
# Neighbourhood


def _cases_of(store: Any, doc_ids: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(doc_ids):
        out |= {r[0] for r in store.conn.execute(
            f"SELECT DISTINCT case_id FROM linked_case_docs WHERE doc_id IN ({_marks(chunk)})", tuple(chunk))}
    return out


def _members(store: Any, case_ids: Sequence[str], dirty: set[str]) -> list[tuple[str, str, int | None, int | None]]:
    """(case_id, doc_id, event_idx, attribution_idx) of the cases' members in unchanged documents."""
    out = []
    for chunk in _chunks(case_ids):
        out += [(r[0], r[1], r[2], r[3]) for r in store.conn.execute(
            "SELECT case_id, doc_id, event_idx, attribution_idx FROM case_members"
            f" WHERE case_id IN ({_marks(chunk)}) ORDER BY case_id, doc_id, event_idx", tuple(chunk))
            if r[1] not in dirty]
    return out


def _member_events(store: Any, case_ids: Sequence[str], dirty: set[str]) -> list[tuple[Event, str | None]]:
    """(event, publication date) of the cases' event members in unchanged documents, each member's
    mentions merged into one event as the clustering sees it (event_coref)."""
    out = []
    merged = _MergedEvents(store)
    seen: set[tuple[str, int]] = set()
    for chunk in _chunks(case_ids):
        for r in store.conn.execute(
                "SELECT cm.doc_id, cm.event_idx, d.published FROM case_members cm"
                " JOIN documents d ON d.doc_id = cm.doc_id"
                f" WHERE cm.case_id IN ({_marks(chunk)}) AND cm.event_idx IS NOT NULL"
                " ORDER BY cm.doc_id, cm.event_idx", tuple(chunk)):
            if r["doc_id"] in dirty:
                continue
            found = merged.get(r["doc_id"], r["event_idx"])
            if found is not None and found[1] not in seen:
                seen.add(found[1])
                out.append((found[0], r["published"]))
    return out


class _MergedEvents:
    """The coreference-merged event holding a stored event mention, per (document, event index)."""

    def __init__(self, store: Any):
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
                        table[n] = (ev, (doc_id, chain[0]))
            self.by_doc[doc_id] = table
        return self.by_doc[doc_id].get(idx)


def _joinable_cases(store: Any, frontier: Sequence[tuple[Event, str | None]], exclude: set[str], dirty: set[str],
                    threshold: float) -> set[str]:
    """Cases outside ``exclude`` with a member that scores at least ``threshold`` with a frontier event."""
    found: set[str] = set()
    merged = _MergedEvents(store)
    for event, published in frontier:
        sql, params = blocking_query(event, published)
        for r in store.conn.execute(sql, params):
            case_id = r["case_id"]
            if case_id in exclude or case_id in found or r["doc_id"] in dirty:
                continue
            member = merged.get(r["doc_id"], r["event_idx"])
            if member is None:
                continue
            if compatible_bound(event, member[0], published_a=published, published_b=r["published"]) >= threshold:
                found.add(case_id)
    return found


def related_types(type_id: str) -> list[str]:
    """Every type :func:`~sanctionwatch.link.type_score` does not score 0 against ``type_id``."""
    tax = taxonomy()
    known = set(tax.types) | {r for t in tax.types.values() for r in t.related}
    known |= {t.parent for t in tax.types.values() if t.parent} | {type_id}
    return sorted(t for t in known if type_score(type_id, t) > 0)


def blocking_query(event: Event, published: str | None) -> tuple[str, tuple]:
    """SQL for the case members that ``event`` (of an article published on ``published``) might reach the
    threshold with: related types, within the time window of the module doc.  A superset: exact scoring follows."""
    types = related_types(event.type)
    sql = ("SELECT cm.case_id, cm.doc_id, cm.event_idx, e.json, d.published FROM case_members cm"
           " JOIN events e ON e.doc_id = cm.doc_id AND e.idx = cm.event_idx"
           " JOIN documents d ON d.doc_id = cm.doc_id"
           f" WHERE e.type IN ({_marks(types)})")
    params: list[Any] = list(types)
    window = _time_window(event, published)
    if window is not None:
        sql += f" AND ({window[0]})"
        params += window[1]
    return sql + " ORDER BY cm.case_id, cm.doc_id, cm.event_idx", tuple(params)


def _time_window(event: Event, published: str | None) -> tuple[str, list[str]] | None:
    """(condition, params) on members ``e`` of documents ``d``; None when time cannot exclude anything."""
    if _is_denial(event):
        return None
    # Episodes of a flow (durative types) still agree this many days apart (link_evidence.time_score).
    extra = rules().durative_slack_days if event.type in rules().durative_types else 0
    slack = timedelta(days=TIME_SLACK_DAYS + extra)
    # A member whose stored end precedes its start is an interval _interval() swaps: never excluded.
    always = ("e.modality IN ('denied', 'negated') OR d.published IS NULL"
              " OR substr(e.time_end, 1, 10) < substr(e.time_start, 1, 10)")
    interval = _interval(event)
    if interval is not None:
        lo, hi = (interval[0] - slack).isoformat(), (interval[1] + slack).isoformat()
        return (f"{always} OR (e.time_start IS NOT NULL AND substr(e.time_start, 1, 10) <= ?"
                " AND substr(COALESCE(e.time_end, e.time_start), 1, 10) >= ?)"
                " OR substr(d.published, 1, 10) >= ?", [hi, lo, lo])
    day = _day(published)
    if day is None:
        return None
    window = timedelta(days=max(UNDATED_WINDOW_DAYS, rules().undated_window_days) + extra)
    return (f"{always} OR (e.time_start IS NOT NULL AND substr(e.time_start, 1, 10) <= ?)"
            " OR substr(d.published, 1, 10) BETWEEN ? AND ?",
            [(day + slack).isoformat(), (day - window).isoformat(), (day + window).isoformat()])


# --------------------------------------------------------------------------
# Writing the state


def write_full_state(store: Any, c: Any, markers: dict[str, tuple[str, str, int]], docs: Sequence[Document],
                     sets: dict[str, set[int]], pairs: Sequence[tuple[str, str]], source_of: dict[str, str],
                     cases: Sequence[Case]) -> None:
    """Replace the linking state with that of a full rebuild (inside its transaction)."""
    for table in ("linked_documents", "linked_shingles", "linked_syndication", "linked_case_docs"):
        c.execute(f"DELETE FROM {table}")
    _insert_documents(store, c, docs, sets, markers, source_of)
    store.bulk_insert(c, "linked_syndication", ("doc_a", "doc_b"), list(pairs))
    _insert_case_docs(store, c, cases)


def _insert_documents(store: Any, c: Any, docs: Sequence[Document], sets: dict[str, set[int]],
                      markers: dict[str, tuple[str, str, int]], source_of: dict[str, str]) -> None:
    docs = [d for d in docs if d.doc_id in markers]  # saved after the markers were read: linked next time
    store.bulk_insert(
        c, "linked_documents",
        ("doc_id", "pipeline_version", "ingested_at", "doc_rowid", "publisher_key", "source_key", "shingle_count"),
        [(d.doc_id, *markers[d.doc_id], source_publisher_key(d), source_of.get(d.doc_id, d.doc_id),
          len(sets[d.doc_id])) for d in docs])
    store.bulk_insert(
        c, "linked_shingles", ("shingle", "doc_id"),
        [(_signed(h), d.doc_id) for d in docs for h in sorted(sets[d.doc_id]) if h % SAMPLE_MOD == 0])


def _insert_case_docs(store: Any, c: Any, cases: Iterable[Case]) -> None:
    store.bulk_insert(c, "linked_case_docs", ("case_id", "doc_id"),
                      sorted({(case.id, m.doc_id) for case in cases for m in case.members}))


def _forget_documents(c: Any, doc_ids: Sequence[str]) -> None:
    for chunk in _chunks(doc_ids):
        marks, params = _marks(chunk), tuple(chunk)
        c.execute(f"DELETE FROM linked_documents WHERE doc_id IN ({marks})", params)
        c.execute(f"DELETE FROM linked_shingles WHERE doc_id IN ({marks})", params)
        c.execute(f"DELETE FROM linked_syndication WHERE doc_a IN ({marks}) OR doc_b IN ({marks})", params + params)
        c.execute(f"DELETE FROM linked_case_docs WHERE doc_id IN ({marks})", params)


# --------------------------------------------------------------------------
# Small SQL helpers


def _case_json(store: Any, case_ids: Sequence[str]) -> dict[str, str]:
    out = {}
    for chunk in _chunks(case_ids):
        out |= {r[0]: r[1] for r in store.conn.execute(
            f"SELECT case_id, json FROM cases WHERE case_id IN ({_marks(chunk)})", tuple(chunk))}
    return out


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))

"""Cross-document linking: syndication groups, cases and their corroboration status.

A *case* is one real-world event (a shipment, a transfer, a launch ...) as
reported by any number of articles.  Events extracted from different documents
are put in the same case when :func:`compatible` scores them above
``LINK_THRESHOLD``: same (or taxonomy-related) type, overlapping actors and no
conflicting canonical ids, overlapping time, quantities within tolerance.

Corroboration counts *independent* sources: syndicated copies of one wire story
(found by :func:`syndication_groups`) and several articles of one publisher
count once.  A denial by the accused ("right of reply") is kept beside the
allegations and makes the case *contested*.

Everything here is deterministic: inputs are sorted before clustering and case
ids are hashes of their members, so rebuilding an unchanged store gives the
same cases with the same ids.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Mapping, Sequence

import yaml

from .event_coref import merged_events
from .link_evidence import (
    ANY_CONTEXT,
    CONFLICT_ROLES,
    PARTY_ROLES,
    TIME_SLACK_DAYS,
    FieldScores,
    actor_score,
    item_score,
    item_words,
    quantity_score,
    rules,
    time_score,
)
from .link_evidence import canonical as _canonical
from .link_evidence import day as _day
from .link_evidence import interval as _interval
from .link_evidence import is_denial as _is_denial
from .link_evidence import member_role, parties
from .link_evidence import unit as _unit
from .model import Document, Event, Quantity
from .source_credit import credit_key, source_publisher_key
from .read import kept_ranges

STATUSES = ("single-source", "corroborated", "contested", "denied-only")
ROLES = ("allegation", "denial", "report")
LINK_THRESHOLD = 0.5
# Kept for callers (link_incremental's blocking): the default of data/linking.yaml.
UNDATED_WINDOW_DAYS = 45

SHINGLE_WORDS = 5
# Share of the smaller page's own prose (outside quotations) that two pages share when one is a copy,
# rewrite or relay of the other; independent reports of one event share well under 10%.
SYNDICATION_CONTAINMENT = 0.12
SYNDICATION_MIN_SHARED = 8

_WORD = re.compile(r"\w+", re.UNICODE)
_ITEM_STOP = frozenset("a an the of and or to for with its their his her some about around over more than".split())


# --------------------------------------------------------------------------
# Taxonomy access (labels, categories, parents) from data/taxonomy.yaml


@dataclass(frozen=True, slots=True)
class TypeInfo:
    id: str
    label: str
    category: str
    parent: str | None = None
    related: tuple[str, ...] = ()  # types one real-world case often spans (taxonomy ``related``)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    types: dict[str, TypeInfo]
    categories: dict[str, str]  # category id -> label, in report order

    def info(self, type_id: str) -> TypeInfo:
        found = self.types.get(type_id)
        if found:
            return found
        return TypeInfo(type_id, type_id.replace("_", " ").replace("-", " "), "other")

    def category_label(self, category: str) -> str:
        return self.categories.get(category, category.replace("_", " ").replace("-", " ").capitalize())

    def related(self, a: str, b: str) -> bool:
        """True when one type is an ancestor of the other (e.g. a generic transfer and an arms transfer),
        or either lists the other as ``related`` (a UN veto and the end of the panel it blocked)."""
        if a in self._ancestors(b) or b in self._ancestors(a):
            return True
        ia, ib = self.types.get(a), self.types.get(b)
        return bool((ia and b in ia.related) or (ib and a in ib.related))

    def _ancestors(self, type_id: str) -> set[str]:
        seen: set[str] = set()
        cur = self.types.get(type_id)
        while cur and cur.parent and cur.parent not in seen:
            seen.add(cur.parent)
            cur = self.types.get(cur.parent)
        return seen


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    try:
        raw = yaml.safe_load(resources.files("sanctionwatch.data").joinpath("taxonomy.yaml").read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return Taxonomy({}, {})
    return parse_taxonomy(raw or {})


def parse_taxonomy(raw: dict[str, Any]) -> Taxonomy:
    """Read categories and event types from the taxonomy file.

    Accepts ``categories`` as a mapping or list of ``{id, label}``, and event
    types either nested under each category (``types``/``events``) or in a
    top-level ``types``/``events`` list or mapping carrying ``category``.
    """
    categories: dict[str, str] = {}
    types: dict[str, TypeInfo] = {}

    def add_type(tid: str, body: Any, category: str | None) -> None:
        body = body if isinstance(body, dict) else {}
        cat = str(body.get("category") or category or "other")
        label = str(body.get("label") or body.get("name") or tid.replace("_", " "))
        related = body.get("related") or ()
        related = (related,) if isinstance(related, str) else tuple(str(r) for r in related)
        types[tid] = TypeInfo(tid, label, cat, body.get("parent"), related)
        for sub_key in ("subtypes", "children"):
            for sid, sbody in _items(body.get(sub_key)):
                sbody = dict(sbody) if isinstance(sbody, dict) else {}
                sbody.setdefault("parent", tid)
                add_type(sid, sbody, cat)

    for cid, body in _items(raw.get("categories")):
        body = body if isinstance(body, dict) else {"label": body}
        categories[cid] = str(body.get("label") or body.get("name") or cid)
        for key in ("types", "events", "event_types"):
            for tid, tbody in _items(body.get(key)):
                add_type(tid, tbody, cid)
    for key in ("types", "events", "event_types"):
        for tid, tbody in _items(raw.get(key)):
            add_type(tid, tbody, None)
    return Taxonomy(types, categories)


def _items(value: Any) -> list[tuple[str, Any]]:
    """(id, body) pairs from a mapping, a list of {id: ...} dicts, or a list of strings."""
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    out: list[tuple[str, Any]] = []
    for item in value or []:
        if isinstance(item, str):
            out.append((item, {}))
        elif isinstance(item, dict) and "id" in item:
            out.append((str(item["id"]), item))
        elif isinstance(item, dict) and len(item) == 1:
            (k, v), = item.items()
            out.append((str(k), v))
    return out


# --------------------------------------------------------------------------
# Syndication


def _normalise_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(folded)


def body_text(doc: Document) -> str:
    """The document text outside its ignored (boilerplate) regions, joined by blank lines."""
    return "\n\n".join(doc.text[a:b] for a, b in kept_ranges(len(doc.text), doc.ignored))


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """Hashed word k-shingles; blake2b keeps them stable across processes (unlike hash()).

    No shingle crosses a paragraph separator (U+2029), which :func:`own_words` puts where a quotation was.
    """
    segments = [_normalise_words(part) for part in text.split("\u2029")]
    out: set[int] = set()
    for words in segments:
        if len(words) >= k:
            out |= {_h(" ".join(words[i:i + k])) for i in range(len(words) - k + 1)}
    if not out:
        flat = [w for words in segments for w in words]
        return {_h(" ".join(flat))} if flat else set()
    return out


def _h(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


# A quotation: pages quoting one official statement are not copies of one another, so quoted words are
# left out of the shingles (the quote's place becomes a break no shingle crosses).
_QUOTED = re.compile(r"[\"“”„«»][^\"“”„«»\n]{0,600}[\"“”„«»]")


def own_words(text: str) -> str:
    """``text`` without its quotations (see _QUOTED)."""
    return _QUOTED.sub(" \u2029 ", text)


def shingle_sets(docs: Iterable[Document]) -> dict[str, set[int]]:
    """doc_id -> the shingles of its body text outside quotations."""
    return {d.doc_id: shingles(own_words(body_text(d))) for d in docs}


def is_copy(shared: int, size_a: int, size_b: int, *, containment: float = SYNDICATION_CONTAINMENT,
            min_shared: int = SYNDICATION_MIN_SHARED) -> bool:
    """Whether two documents sharing ``shared`` shingles are syndicated copies of one story."""
    smaller = min(size_a, size_b)
    return smaller > 0 and shared >= min(min_shared, smaller) and shared / smaller >= containment


def syndication_pairs(
    sets: dict[str, set[int]],
    *,
    containment: float = SYNDICATION_CONTAINMENT,
    min_shared: int = SYNDICATION_MIN_SHARED,
) -> list[tuple[str, str]]:
    """Sorted (a, b) doc id pairs, a < b, that are syndicated copies (see :func:`syndication_groups`)."""
    index: dict[int, list[str]] = defaultdict(list)
    for doc_id in sorted(sets):
        for s in sets[doc_id]:
            index[s].append(doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in index.values():
        if 1 < len(holders) <= 200:  # a shingle in hundreds of docs is boilerplate, not syndication
            for i, a in enumerate(holders):
                for b in holders[i + 1:]:
                    shared[(a, b)] += 1
    return sorted(
        (a, b) for (a, b), n in shared.items()
        if is_copy(n, len(sets[a]), len(sets[b]), containment=containment, min_shared=min_shared)
    )


class DisjointSets:
    """Union-find over ids; the root of each set is its smallest id, so results do not depend on order."""

    def __init__(self, ids: Iterable[str]):
        self.parent = {d: d for d in ids}

    def find(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[set[str]]:
        """Every set, sorted by its smallest id."""
        found: dict[str, set[str]] = defaultdict(set)
        for d in self.parent:
            found[self.find(d)].add(d)
        return sorted(found.values(), key=min)


def groups_from_pairs(doc_ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Connected components of the copy relation, each doc in exactly one group, sorted by smallest id."""
    sets = DisjointSets(doc_ids)
    for a, b in pairs:
        if a in sets.parent and b in sets.parent:
            sets.union(a, b)
    return sets.groups()


def syndication_groups(
    docs: Iterable[Document],
    *,
    containment: float = SYNDICATION_CONTAINMENT,
    min_shared: int = SYNDICATION_MIN_SHARED,
) -> list[set[str]]:
    """Partition documents into groups of syndicated copies (every doc is in exactly one group).

    Two documents are copies when the shingles they share cover at least
    ``containment`` of the smaller one: a different headline or an extra site
    footer only adds a few shingles to one side, so containment (rather than
    Jaccard) keeps them together.  Shingles leave quotations out, so two pages
    quoting one statement share nothing by it, and the low default (12%) also
    catches condensed rewrites and relays of one story, which keep some of its
    sentences: independent reports hardly ever share whole sentences of their
    own prose.  Candidates come from an inverted index over shingles, so only
    documents sharing text are ever compared.
    """
    sets = shingle_sets(docs)
    return groups_from_pairs(sets, syndication_pairs(sets, containment=containment, min_shared=min_shared))


# --------------------------------------------------------------------------
# Pairwise compatibility


@lru_cache(maxsize=4096)  # pure over the (cached) taxonomy, and asked millions of times while clustering
def type_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return 0.7 if taxonomy().related(a, b) or frozenset((a, b)) in rules().related_types else 0.0


def evidence(a: Event, b: Event, *, published_a: str | None = None, published_b: str | None = None,
             same_story: bool = False, context_a: frozenset[str] = frozenset(),
             context_b: frozenset[str] = frozenset()) -> FieldScores:
    """The field-by-field evidence that two events are one real event, and its weighted score in [0, 1].

    0 means incompatible: unrelated types, conflicting canonical actors, dates
    (their own, or implied by publication for undated events) apart, exact
    figures or kinds of goods that disagree.  Missing fields score low, not
    neutral, so two events need positive evidence to link: an undated event
    links only when parties, figures or goods agree as well.  Pure: depends
    only on the two events and their articles' publication dates.

    ``context_a``/``context_b``: canonical actors named in each event's sentence, the weaker evidence
    used for an event without party arguments.
    ``same_story``: the two articles are copies of one text (syndication), so
    their dates disagree only because a copy's relative dates resolve against
    its own (re-posting) date; time then counts as a coarse agreement.
    """
    t = type_score(a.type, b.type)
    if t == 0:
        return FieldScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    actors = actor_score(a, b, context_a, context_b)
    time = time_score(a, b, published_a, published_b)
    if same_story:
        time = max(time, 0.6)
    quantity = quantity_score(a, b)
    item = item_score(a, b)
    parts = ((0.45, actors), (0.25, time), (0.15, quantity), (0.15, item))
    if any(score == 0 for _, score in parts):
        score = 0.0
    else:
        # A soft time conflict (episodes of a flow months apart) outweighs agreeing actors: "prk"
        # is a party to nearly every event in this domain.
        soft_conflict = 0.6 if time < 0.2 else 1.0
        score = round(t * soft_conflict * sum(w * s for w, s in parts), 4)
    return FieldScores(t, actors, time, quantity, item, score)


def compatible_bound(a: Event, b: Event, *, published_a: str | None = None,
                     published_b: str | None = None) -> float:
    """An upper bound of what the clustering can score for the two events whatever their documents:
    as if they were copies of one text and their sentences named the same actors.  Neighbourhood
    searches (the incremental update) use it, so they never miss a case the full rebuild would join."""
    return evidence(a, b, published_a=published_a, published_b=published_b, same_story=True,
                    context_a=ANY_CONTEXT, context_b=ANY_CONTEXT).score


def compatible(a: Event, b: Event, *, published_a: str | None = None, published_b: str | None = None,
               same_story: bool = False) -> float:
    """How likely two extracted events describe the same real-world event, in [0, 1] (see :func:`evidence`)."""
    return evidence(a, b, published_a=published_a, published_b=published_b, same_story=same_story).score


# --------------------------------------------------------------------------
# Cases


@dataclass(frozen=True, slots=True)
class CaseMember:
    doc_id: str
    event_idx: int | None  # None for a denial that is an attribution only ("X dismissed the report")
    role: str  # allegation | denial | report
    attribution_idx: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "event_idx": self.event_idx, "attribution_idx": self.attribution_idx, "role": self.role}


@dataclass(slots=True)
class Case:
    id: str
    type: str
    category: str
    summary: str
    actors: dict[str, list[str]]  # role -> canonical/local ids
    actor_names: dict[str, str]
    time_start: str | None
    time_end: str | None
    reported_start: str | None  # earliest and latest publication date of its documents
    reported_end: str | None
    quantity: Quantity | None
    members: list[CaseMember]
    source_groups: list[list[str]]  # independent sources among allegations/reports, each a sorted doc list
    denial_sources: list[list[str]]
    status: str
    min_sources: int
    claimants: list[str] = field(default_factory=list)  # attributed sources of the allegations (entity ids)
    designated: list[dict[str, Any]] = field(default_factory=list)  # sanctions-list matches of its actors
    # Who each source group is (the credited agency or outlet, else the publisher), parallel to source_groups.
    source_labels: list[str] = field(default_factory=list)
    membership: list[dict[str, Any]] = field(default_factory=list)  # why each event is a member (explain_membership)

    @property
    def independent_sources(self) -> int:
        return len(self.source_groups)

    @property
    def allegations(self) -> list[CaseMember]:
        return [m for m in self.members if m.role != "denial"]

    @property
    def denials(self) -> list[CaseMember]:
        return [m for m in self.members if m.role == "denial"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "category": self.category,
            "summary": self.summary,
            "status": self.status,
            "min_sources": self.min_sources,
            "actors": self.actors,
            "actor_names": self.actor_names,
            "time": {"start": self.time_start, "end": self.time_end},
            "reported": {"start": self.reported_start, "end": self.reported_end},
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "independent_sources": self.independent_sources,
            "source_groups": self.source_groups,
            "denial_sources": self.denial_sources,
            "claimants": self.claimants,
            "members": [m.to_dict() for m in self.members],
            "designated": self.designated,
            "source_labels": self.source_labels,
            "membership": self.membership,
        }


@dataclass(slots=True)
class _Item:
    doc: Document
    idx: int
    event: Event
    role: str
    story: str | None = None  # the syndication group (copies of one text) of its document, when it has copies
    chain: tuple[int, ...] = ()  # every index into doc.events this (coreference-merged) event stands for
    _context: frozenset[str] | None = None

    @property
    def context(self) -> frozenset[str]:
        """Canonical actors named in the event's sentence: who the event is about when it has no party
        argument ("Russia, China veto sanctions" parsed without an agent)."""
        if self._context is None:
            span = self.event.sentence or self.event.trigger
            self._context = frozenset(
                e.id for e in self.doc.entities if not e.id.startswith("local:")
                and any(span.start <= m.start and m.end <= span.end for m in e.mentions))
        return self._context

    @property
    def key(self) -> tuple:
        iv = _interval(self.event)
        return (iv[0].isoformat() if iv else (self.doc.published or "9999"), self.doc.doc_id, self.idx)


def _pair_score(x: _Item, y: _Item) -> float:
    return evidence(x.event, y.event, published_a=x.doc.published, published_b=y.doc.published,
                    same_story=_is_copy_pair(x, y), context_a=x.context, context_b=y.context).score


def _is_copy_pair(x: _Item, y: _Item) -> bool:
    return x.story is not None and x.story == y.story and x.doc.doc_id != y.doc.doc_id


def _cluster_score(item: _Item, cluster: list[_Item], scores: list[float]) -> float:
    """The average score of ``item`` against a cluster, or its best score against an event of a copy of
    its own text: a copy reports what its original reports, whatever its own dates (a mirror re-dated)
    make of the rest of the cluster."""
    avg = sum(scores) / len(scores)
    copies = [s for m, s in zip(cluster, scores) if _is_copy_pair(item, m)]
    return max([avg, *copies])


def _cluster(items: list[_Item], threshold: float) -> list[list[_Item]]:
    """Greedy average-link clustering in a fixed order."""
    clusters: list[list[_Item]] = []
    types: list[set[str]] = []  # the event types in each cluster
    by_type: dict[str, list[int]] = defaultdict(list)  # blocking: clusters holding each type
    for item in sorted(items, key=lambda i: i.key):
        best, best_score = None, threshold
        candidates = sorted({n for t in list(by_type) if type_score(item.event.type, t) > 0 for n in by_type[t]})
        for i in candidates:
            cl, cl_types = clusters[i], types[i]
            # Unrelated types or conflicting canonical actors veto a merge
            # outright (checked first: cheap, and it rules out most clusters);
            # other hard conflicts (dates, figures) count as zeros in the
            # average, since one misdated extraction should not split a case.
            if any(type_score(item.event.type, t) == 0 for t in cl_types):
                continue
            if any(actor_score(item.event, m.event) == 0 for m in cl):
                continue
            scores = [_pair_score(item, m) for m in cl]
            avg = _cluster_score(item, cl, scores)
            if avg >= best_score:
                best, best_score = i, avg
        if best is None:
            clusters.append([item])
            types.append({item.event.type})
            by_type[item.event.type].append(len(clusters) - 1)
        else:
            clusters[best].append(item)
            if item.event.type not in types[best]:
                by_type[item.event.type].append(best)
            types[best].add(item.event.type)
    return _merge_clusters(clusters, threshold)


def _merge_clusters(clusters: list[list[_Item]], threshold: float) -> list[list[_Item]]:
    """Average-link agglomeration over the greedy clusters.

    The greedy pass sends each event to the best cluster *existing at that
    moment*, so an early weak event (an agentless "deliveries of weapons") can
    start a rival cluster that later events prefer by a hair.  Merging the pair
    of clusters with the highest average cross-compatibility, while it stays at
    or above the threshold and no canonical actors or types conflict, repairs
    that order effect.  Ties break on cluster position, so the result is
    deterministic.
    """
    clusters = [list(c) for c in clusters]
    types = [{x.event.type for x in c} for c in clusters]

    def link_score(i: int, j: int) -> float:
        if any(type_score(t, u) == 0 for t in types[i] for u in types[j]):
            return 0.0
        total, best_copy = 0.0, 0.0
        for x in clusters[i]:
            for y in clusters[j]:
                if actor_score(x.event, y.event) == 0:
                    return 0.0
                score = _pair_score(x, y)
                total += score
                if _is_copy_pair(x, y):
                    best_copy = max(best_copy, score)
        return max(total / (len(clusters[i]) * len(clusters[j])), best_copy)

    # Blocking: only clusters holding related types can score above 0, so each cluster is compared
    # with those alone (not all pairs).
    present = sorted({t for ts in types for t in ts})
    related = {t: [u for u in present if type_score(t, u) > 0] for t in present}
    by_type: dict[str, set[int]] = defaultdict(set)
    for n, ts in enumerate(types):
        for t in ts:
            by_type[t].add(n)

    def partners(i: int) -> set[int]:
        return {k for t in types[i] for u in related[t] for k in by_type[u]} - {i}

    scores: dict[tuple[int, int], float] = {}
    for i in range(len(clusters)):
        for j in sorted(k for k in partners(i) if k > i):
            sc = link_score(i, j)
            if sc >= threshold:
                scores[(i, j)] = sc
    alive = set(range(len(clusters)))
    while scores:
        (i, j), _ = max(scores.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        clusters[i].extend(clusters[j])
        for t in types[j]:
            by_type[t].discard(j)
            by_type[t].add(i)
        types[i] |= types[j]
        alive.discard(j)
        scores = {k: v for k, v in scores.items() if i not in k and j not in k}
        for k in sorted(partners(i) & alive):
            if k != i:
                sc = link_score(min(i, k), max(i, k))
                if sc >= threshold:
                    scores[(min(i, k), max(i, k))] = sc
    return [clusters[i] for i in sorted(alive)]


def link_events(
    docs: Iterable[Document],
    min_sources: int = 2,
    *,
    threshold: float = LINK_THRESHOLD,
    groups: Sequence[set[str]] | None = None,
) -> list[Case]:
    """Link the events of all documents into cases, sorted by (category, time, id)."""
    docs = sorted(docs, key=lambda d: d.doc_id)
    if groups is None:
        groups = syndication_groups(docs)
    copy_pairs = [(min(g), d) for g in groups for d in sorted(g) if d != min(g)]
    return link_items(docs, evidence_items(docs), _source_keys(docs, groups), min_sources, threshold=threshold,
                      copy_pairs=copy_pairs)


def evidence_items(docs: Iterable[Document]) -> list[_Item]:
    """Every real event of ``docs`` that is evidence (see :func:`member_role`), as clustering items: the
    mentions of one event in a document are merged into one item first (:mod:`sanctionwatch.event_coref`)."""
    return [
        _Item(doc, chain[0], ev, role, chain=tuple(chain))
        for doc in docs
        for ev, chain in merged_events(doc)
        if (role := member_role(doc, ev)) is not None
    ]


def link_items(
    docs: Sequence[Document],
    items: list[_Item],
    source_of: dict[str, str],
    min_sources: int = 2,
    *,
    threshold: float = LINK_THRESHOLD,
    denial_eligible: Callable[[str, int], bool] | None = None,
    copy_pairs: Iterable[tuple[str, str]] = (),
) -> list[Case]:
    """Cluster ``items`` (events of ``docs``) into cases; the one clustering both the full and the
    incremental linking run.  ``denial_eligible(doc_id, attribution_idx)`` limits which event-less
    deny attributions may join (the incremental update re-places only those of its neighbourhood).
    ``copy_pairs``: documents that are copies of one text (see :func:`evidence`, ``same_story``)."""
    copies = DisjointSets(d.doc_id for d in docs)
    with_copies: set[str] = set()
    for a, b in copy_pairs:
        if a in copies.parent and b in copies.parent:
            copies.union(a, b)
            with_copies |= {a, b}
    for item in items:
        item.story = copies.find(item.doc.doc_id) if item.doc.doc_id in with_copies else None
    replies, items = _split_replies(items)
    clusters = _cluster(items, threshold)
    _attach_replies(replies, clusters)
    extra_denials = _attribution_denials(docs, clusters, denial_eligible)
    cases = [
        _make_case(cl, extra_denials.get(n, []), source_of, min_sources) for n, cl in enumerate(clusters)
    ]
    return sorted(cases, key=lambda c: (c.category, c.time_start or c.reported_start or "9999", c.id))


def _split_replies(items: list[_Item]) -> tuple[list[_Item], list[_Item]]:
    """(denials that name no known party but answer a same-type allegation of their own article, the rest).

    "Pyongyang has denied hacking" often leaves the denied event without a
    resolved agent; clustered on its own it matches nothing (or anything).  Its
    article reporting the allegation is what ties it to a case.
    """
    supported: set[tuple[str, str]] = {(i.doc.doc_id, i.event.type) for i in items if i.role != "denial"}
    replies, rest = [], []
    for i in items:
        nameless = not _canonical(set().union(*parties(i.event).values()) if parties(i.event) else set())
        if i.role == "denial" and nameless and (i.doc.doc_id, i.event.type) in supported:
            replies.append(i)
        else:
            rest.append(i)
    return replies, rest


def _attach_replies(replies: list[_Item], clusters: list[list[_Item]]) -> None:
    """Put each reply in the cluster of the nearest same-type allegation in its article (nearest by offset)."""
    for r in replies:
        candidates = [
            (abs(m.event.trigger.start - r.event.trigger.start), n)
            for n, cl in enumerate(clusters)
            for m in cl
            if m.doc.doc_id == r.doc.doc_id and m.role != "denial" and m.event.type == r.event.type
        ]
        if candidates:
            clusters[min(candidates)[1]].append(r)
        else:
            clusters.append([r])


def publisher_key(publisher: str | None) -> str | None:
    """One publisher's articles count as one source whatever the spelling of its name's case and spaces."""
    return (publisher or "").strip().casefold() or None


def _source_keys(docs: Sequence[Document], groups: Sequence[set[str]]) -> dict[str, str]:
    """doc_id -> independent-source key: syndicated copies, pages crediting one agency's or outlet's
    story, and articles of one publisher share one key (see :mod:`sanctionwatch.source_credit`)."""
    sets = DisjointSets(d.doc_id for d in docs)
    for g in groups:
        members = sorted(d for d in g if d in sets.parent)
        for other in members[1:]:
            sets.union(members[0], other)
    by_publisher: dict[str, str] = {}
    for d in docs:
        pub = source_publisher_key(d)
        if pub:
            if pub in by_publisher:
                sets.union(by_publisher[pub], d.doc_id)
            else:
                by_publisher[pub] = d.doc_id
    return {d.doc_id: sets.find(d.doc_id) for d in docs}


def _attribution_denials(
    docs: Sequence[Document],
    clusters: list[list[_Item]],
    eligible: Callable[[str, int], bool] | None = None,
) -> dict[int, list[CaseMember]]:
    """Deny-stance attributions with no event inside, attached to the nearest case of the same document.

    "Moscow dismissed the report as slander" names no event, but when the
    article also reports the allegation and Moscow is one of its parties, it is
    that case's right of reply.
    """
    out: dict[int, list[CaseMember]] = defaultdict(list)
    by_doc: dict[str, list[tuple[int, _Item]]] = defaultdict(list)
    for n, cl in enumerate(clusters):
        for item in cl:
            by_doc[item.doc.doc_id].append((n, item))
    for doc in docs:
        used = {ev.attribution for ev in doc.events if ev.attribution is not None}
        for ai, attr in enumerate(doc.attributions):
            if attr.stance != "deny" or attr.negated or ai in used or not attr.source_entity:
                continue
            if eligible is not None and not eligible(doc.doc_id, ai):
                continue
            anchor = min((f.start for f in attr.cue + attr.content + attr.source), default=0)
            candidates = [
                (abs(item.event.trigger.start - anchor), n)
                for n, item in by_doc.get(doc.doc_id, [])
                if attr.source_entity in set().union(*parties(item.event).values() or [set()])
            ]
            if candidates:
                out[min(candidates)[1]].append(CaseMember(doc.doc_id, None, "denial", ai))
    return out


def _make_case(items: list[_Item], extra: list[CaseMember], source_of: dict[str, str], min_sources: int) -> Case:
    members = sorted(
        [CaseMember(i.doc.doc_id, n, i.role, i.doc.events[n].attribution) for i in items for n in i.chain or (i.idx,)]
        + extra,
        key=lambda m: (m.doc_id, m.event_idx if m.event_idx is not None else -1, m.attribution_idx or -1),
    )
    case_id = "case-" + hashlib.sha1(
        "|".join(f"{m.doc_id}:{m.event_idx}:{m.attribution_idx}" for m in members).encode()
    ).hexdigest()[:12]
    support = [i for i in items if i.role != "denial"]
    basis = support or items
    type_id = Counter(i.event.type for i in basis).most_common()
    type_id = sorted(type_id, key=lambda kv: (-kv[1], kv[0]))[0][0]
    info = taxonomy().info(type_id)
    docs_by_id = {i.doc.doc_id: i.doc for i in items}

    actors: dict[str, list[str]] = {}
    for role in PARTY_ROLES:
        ids = sorted(set().union(*(parties(i.event).get(role, set()) for i in basis)))
        if ids:
            actors[role] = ids
    names = _actor_names(list(docs_by_id.values()), {e for ids in actors.values() for e in ids}, basis)

    start, end = _case_time(_originals(basis))
    published = sorted(d.published for d in docs_by_id.values() if d.published)
    quantity = _case_quantity(basis)

    def groups_for(role_filter: bool) -> list[list[str]]:
        grouped: dict[str, set[str]] = defaultdict(set)
        for m in members:
            if (m.role != "denial") == role_filter:
                grouped[source_of.get(m.doc_id, m.doc_id)].add(m.doc_id)
        return sorted((sorted(g) for g in grouped.values()), key=lambda g: g[0])

    source_groups, denial_sources = groups_for(True), groups_for(False)
    status = case_status(len(source_groups), bool(denial_sources), min_sources)
    claimants = sorted({
        a.source_entity
        for i in support
        if i.event.attribution is not None and i.event.attribution < len(i.doc.attributions)
        and (a := i.doc.attributions[i.event.attribution]).source_entity
    })
    item_text = _case_item(basis)
    summary = summarise(info.label, actors, names, item_text, quantity, start, end)
    return Case(
        id=case_id, type=type_id, category=info.category, summary=summary, actors=actors, actor_names=names,
        time_start=start, time_end=end, reported_start=published[0] if published else None,
        reported_end=published[-1] if published else None, quantity=quantity, members=members,
        source_groups=source_groups, denial_sources=denial_sources, status=status, min_sources=min_sources,
        claimants=claimants, source_labels=[_source_label(docs_by_id, g) for g in source_groups],
        membership=explain_membership(items),
    )


# A member is explained by its best match among this many members of other documents (a bound on the
# quadratic cost in very large cases).
EXPLAIN_MAX_PEERS = 12


def explain_membership(items: list[_Item]) -> list[dict[str, Any]]:
    """Why each event is in its case: its best-scoring member of another document, field by field.

    ``via`` says what joined it: ``evidence`` (the fields compared), ``copy`` (an event of a copy of
    its own text), ``reply`` (a denial placed beside the allegation of its own article), or ``alone``
    (no member from another document).
    """
    out = []
    for item in sorted(items, key=lambda i: (i.doc.doc_id, i.idx)):
        peers = [m for m in items if m.doc.doc_id != item.doc.doc_id][:EXPLAIN_MAX_PEERS]
        entry: dict[str, Any] = {"doc_id": item.doc.doc_id, "event_idx": item.idx, "role": item.role}
        if not peers:
            entry["via"] = "alone"
            out.append(entry)
            continue
        scored = [(evidence(item.event, m.event, published_a=item.doc.published, published_b=m.doc.published,
                            same_story=_is_copy_pair(item, m)), m) for m in peers]
        best, peer = max(scored, key=lambda sm: (sm[0].score, sm[1].doc.doc_id, -sm[1].idx))
        replies_to_own = item.role == "denial" and any(
            m.doc.doc_id == item.doc.doc_id and m.role != "denial" for m in items)
        entry["via"] = ("copy" if _is_copy_pair(item, peer) else
                        "reply" if replies_to_own and best.score < LINK_THRESHOLD else "evidence")
        entry["best_match"] = {"doc_id": peer.doc.doc_id, "event_idx": peer.idx, **best.to_dict()}
        out.append(entry)
    return out


def _source_label(docs: Mapping[str, Document], group: list[str]) -> str:
    """Whose reporting one independent source is: the agency or outlet its pages credit, else its
    first page's publisher (or document id)."""
    for doc_id in group:
        doc = docs.get(doc_id)
        if doc is not None and (key := credit_key(doc)):
            return key.removeprefix("credit:")
    first = docs.get(group[0])
    return (first.publisher if first is not None and first.publisher else group[0])


def case_status(independent_sources: int, has_denial: bool, min_sources: int = 2) -> str:
    if independent_sources == 0:
        return "denied-only" if has_denial else "single-source"
    if has_denial:
        return "contested"
    return "corroborated" if independent_sources >= min_sources else "single-source"


def _actor_names(docs: list[Document], ids: set[str], items: list[_Item]) -> dict[str, str]:
    """A display name per actor id: the entity name most documents use, else the argument text."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        for e in d.entities:
            if e.id in ids:
                seen[e.id][e.name] += 1
    for i in items:
        for a in i.event.arguments:
            if a.entity in ids and a.entity not in seen:
                seen.setdefault(a.entity, Counter())
            if a.entity in ids and not seen[a.entity]:
                seen[a.entity][a.text] += 1
    return {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, v in sorted(seen.items()) if v}


def _originals(items: list[_Item]) -> list[_Item]:
    """The items without those of later copies of a text (a re-dated mirror's dates are not the event's)."""
    first: dict[str, str] = {}
    for i in items:
        if i.story is not None:
            pub = i.doc.published or "9999"
            first[i.story] = min(first.get(i.story, pub), pub)
    return [i for i in items if i.story is None or (i.doc.published or "9999") == first[i.story]]


def _case_time(items: list[_Item]) -> tuple[str | None, str | None]:
    """The intersection of the members' dated intervals when they agree, else their union."""
    ivs = [iv for i in items if (iv := _interval(i.event))]
    if not ivs:
        return None, None
    lo, hi = max(s for s, _ in ivs), min(e for _, e in ivs)
    if lo > hi:
        lo, hi = min(s for s, _ in ivs), max(e for _, e in ivs)
    return lo.isoformat(), hi.isoformat()


def _case_quantity(items: list[_Item]) -> Quantity | None:
    qs = [i.event.quantity for i in items if i.event.quantity]
    if not qs:
        return None
    counted = Counter((q.value, _unit(q)) for q in qs)
    (value, unit), _ = sorted(counted.items(), key=lambda kv: (-kv[1], -kv[0][0], kv[0][1]))[0]
    return next(q for q in qs if q.value == value and _unit(q) == unit)


def _case_item(items: list[_Item]) -> str | None:
    texts = Counter(a.text.strip() for i in items for a in i.event.arguments if a.role == "item" and a.text.strip())
    if not texts:
        return None
    return sorted(texts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


_MONTHS = "January February March April May June July August September October November December".split()


def format_period(start: str | None, end: str | None) -> str | None:
    """'12 March 2018', 'March 2018', '2018' or 'from 2018-03-01 to 2018-05-31'."""
    s, e = _day(start), _day(end) if end else _day(start)
    if not s or not e:
        return None
    if s == e:
        return f"{s.day} {_MONTHS[s.month - 1]} {s.year}"
    month_end = (date(s.year + (s.month == 12), s.month % 12 + 1, 1) - timedelta(days=1))
    if s.day == 1 and e == month_end:
        return f"{_MONTHS[s.month - 1]} {s.year}"
    if (s.month, s.day) == (1, 1) and (e.month, e.day) == (12, 31):
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    return f"between {s.isoformat()} and {e.isoformat()}"


def format_quantity(q: Quantity) -> str:
    value = int(q.value) if float(q.value).is_integer() else q.value
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{'about ' if q.approximate else ''}{text} {q.unit}".strip()


def _join_names(ids: list[str], names: dict[str, str]) -> str:
    shown = [names.get(i, i) for i in ids]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def summarise(
    label: str,
    actors: dict[str, list[str]],
    names: dict[str, str],
    item: str | None,
    quantity: Quantity | None,
    start: str | None,
    end: str | None,
) -> str:
    """One sentence from the case fields: who, what, to whom, how much, when."""
    who = _join_names(actors["agent"], names) if actors.get("agent") else "Unidentified actor"
    text = f"{who}: {label}"
    if item:
        text += f" of {item}"
    if actors.get("recipient"):
        text += f" to {_join_names(actors['recipient'], names)}"
    elif actors.get("partner"):
        text += f" with {_join_names(actors['partner'], names)}"
    if quantity:
        text += f" ({format_quantity(quantity)})"
    when = format_period(start, end)
    if when:
        if when.startswith("between"):
            text += f", {when}"
        else:  # "on 12 March 2024", "in March 2024", "in 2017–2023"
            text += f", on {when}" if start == (end or start) else f", in {when}"
    return text + "."


# --------------------------------------------------------------------------
# Store


def designated_flags(conn: Any, ids: Iterable[str], min_score: float = 0.8) -> dict[str, list[dict[str, Any]]]:
    """entity id -> its sanctions-list matches at or above min_score (empty when no list was matched)."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT m.entity_id, m.reference_number, m.score, m.explanation, e.name FROM list_matches m"
        " JOIN list_entries e ON e.list_id = m.list_id AND e.reference_number = m.reference_number"
        f" WHERE m.entity_id IN ({marks}) AND m.score >= ? ORDER BY m.entity_id, m.score DESC, m.reference_number",
        (*ids, min_score),
    ).fetchall()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if all(x["reference_number"] != r["reference_number"] for x in out[r["entity_id"]]):
            out[r["entity_id"]].append({
                "entity_id": r["entity_id"], "reference_number": r["reference_number"], "list_name": r["name"],
                "score": r["score"], "explanation": r["explanation"],
            })
    return dict(out)


def flag_designated(conn: Any, cases: list[Case]) -> None:
    flags = designated_flags(conn, {e for c in cases for ids in c.actors.values() for e in ids})
    for c in cases:
        c.designated = [f for e in sorted({e for ids in c.actors.values() for e in ids}) for f in flags.get(e, [])]


def cases_from_store(store: Any, min_sources: int = 2) -> tuple[list[Case], dict[str, Document]]:
    """Link the stored documents (nothing written); returns the cases and the documents by id."""
    docs = {d.doc_id: d for d in store.iter_documents()}
    cases = link_events(docs.values(), min_sources)
    flag_designated(store.conn, cases)
    return cases, docs


def rebuild_cases(store: Any, min_sources: int = 2) -> list[Case]:
    """Re-link every stored document and replace the case tables in one transaction.

    Also rewrites the linking state (:mod:`sanctionwatch.link_incremental`) so
    that the next incremental update starts from these cases.
    """
    from .link_incremental import document_markers, write_full_state

    markers = document_markers(store)  # read first: a document re-saved meanwhile shows as changed next time
    docs = {d.doc_id: d for d in store.iter_documents()}
    ordered = sorted(docs.values(), key=lambda d: d.doc_id)
    sets = shingle_sets(ordered)
    pairs = syndication_pairs(sets)
    source_of = _source_keys(ordered, groups_from_pairs(sets, pairs))
    cases = link_items(ordered, evidence_items(ordered), source_of, min_sources, copy_pairs=pairs)
    flag_designated(store.conn, cases)
    with store.transaction() as c:
        c.execute("DELETE FROM cases")
        insert_cases(c, cases, docs)
        write_full_state(store, c, markers, ordered, sets, pairs, source_of, cases)
    return cases


def insert_cases(c: Any, cases: Iterable[Case], docs: Mapping[str, Document]) -> None:
    """Write ``cases`` and their members, actors and sources (``docs`` holds every member document)."""
    for case in cases:
        c.execute(
            "INSERT INTO cases(case_id, type, category, summary, status, min_sources, independent_sources,"
            " time_start, time_end, reported_start, reported_end, quantity_value, quantity_unit, json)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                case.id, case.type, case.category, case.summary, case.status, case.min_sources,
                case.independent_sources, case.time_start, case.time_end, case.reported_start, case.reported_end,
                case.quantity.value if case.quantity else None, case.quantity.unit if case.quantity else None,
                json.dumps(case.to_dict(), ensure_ascii=False),
            ),
        )
        c.executemany(
            "INSERT INTO case_members(case_id, doc_id, event_idx, attribution_idx, role) VALUES (?,?,?,?,?)",
            [(case.id, m.doc_id, m.event_idx, m.attribution_idx, m.role) for m in case.members],
        )
        c.executemany(
            "INSERT INTO case_actors(case_id, role, entity_id, name) VALUES (?,?,?,?)",
            [(case.id, role, e, case.actor_names.get(e)) for role, ids in case.actors.items() for e in ids],
        )
        rows = []
        for kind, groups in (("support", case.source_groups), ("denial", case.denial_sources)):
            for n, group in enumerate(groups):
                for doc_id in group:
                    d = docs[doc_id]
                    rows.append((case.id, kind, n, doc_id, d.publisher, d.published, d.url))
        c.executemany(
            "INSERT INTO case_sources(case_id, kind, source_group, doc_id, publisher, published, url)"
            " VALUES (?,?,?,?,?,?,?)",
            rows,
        )

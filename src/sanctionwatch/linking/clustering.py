"""The clustering of events into cases, the one both the full rebuild and the incremental update run.

Everything here is deterministic: inputs are sorted before clustering and case ids are hashes of their
members, so re-linking unchanged documents gives the same cases with the same ids.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from typing import Callable, Iterable, Sequence

from ..model import Document
from ..cases import Case, CaseMember
from .blocking import TimeIndex, time_key
from .consequences import attach_consequences
from .evidence import actor_score, generic, parties
from .evidence import canonical as _canonical
from .items import Item, evidence_items, is_copy_pair, kept_apart, pair_score
from .phases import phases_differ
from .scoring import FAR_SCORE_BOUND, LINK_THRESHOLD, STRONG_LINK_SCORE, type_score
from .summaries import make_case
from .syndication import DisjointSets, source_keys, syndication_groups


def _cluster_score(item: Item, cluster: list[Item], scores: list[float], threshold: float) -> float:
    """The average score of ``item`` against a cluster, or its best score against an event of a copy of
    its own text: a copy reports what its original reports, whatever its own dates (a mirror re-dated)
    make of the rest of the cluster; at least the threshold on one strong match (:func:`strong_floor`)."""
    avg = sum(scores) / len(scores)
    copies = [s for m, s in zip(cluster, scores) if is_copy_pair(item, m)]
    return max([avg, *copies, strong_floor([(item, m, s) for m, s in zip(cluster, scores)], threshold)])


def strong_floor(pairs: list[tuple[Item, Item, float]], threshold: float) -> float:
    """``threshold`` when one pair is strong evidence (``STRONG_LINK_SCORE``) and no pair of one phase is a
    hard conflict (a 0: dates or figures apart), else 0.  The average weighs every member alike, so a
    case that holds many generic mentions (0.4-0.5 each against anything of its type) would outvote the
    one report that matches the new event on actors, date and figure; the strong match decides, and the
    average still ranks the clusters.  A pair of two phases of one act (a theft and the laundering of its
    proceeds: :mod:`.phases`) scores 0 without any disagreement, as it does inside the case already."""
    same_phase = [s for x, y, s in pairs if not phases_differ(x.event, y.event)]
    return threshold if same_phase and max(same_phase) >= STRONG_LINK_SCORE and min(same_phase) > 0 else 0.0


def _cluster(items: list[Item], threshold: float) -> list[list[Item]]:
    """Greedy average-link clustering in a fixed order."""
    greedy = Greedy(threshold)
    for item in sorted(items, key=lambda i: i.key):
        greedy.place(item)
    return merge_clusters([greedy.clusters[n] for n in sorted(greedy.clusters)], threshold)


class Greedy:
    """The greedy pass: each item, in key order, joins the existing cluster it scores best with (at least
    the threshold) or starts one.  Clusters are numbered in the order they start; :meth:`drop` lets a
    caller that knows no later item can reach a cluster (:mod:`.sweep`) take it out.

    A cluster of generic mentions alone (:func:`~.evidence.generic`: no party, victim, date or figure of
    their own, like an aside on "reported shipments of shells") is only a last resort: an item joins it
    only when no cluster holding an event with something of its own reaches the threshold.  Such a
    mention scores on its sentence's actors and its article's date, which many events share, so the
    first one met would otherwise catch the next specific event by a single pair and keep it from the
    case its other reports make (and which case that is would depend on the order of the articles)."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.clusters: dict[int, list[Item]] = {}
        self.types: dict[int, set[str]] = {}  # the event types in each cluster
        self.anchored: set[int] = set()  # the clusters holding an event that is not generic
        self.by_type: dict[str, set[int]] = defaultdict(set)  # blocking: clusters holding each type
        self.started = 0
        # blocking by time: exact while a pair far apart in time cannot reach the threshold (see .blocking)
        self.index = TimeIndex() if threshold > FAR_SCORE_BOUND else None

    def place(self, item: Item) -> int:
        """Put ``item`` in its cluster; returns the cluster's number."""
        best, best_rank = None, (False, self.threshold)
        key = time_key(item)
        near = self.index.reachable([key]) if self.index is not None else None
        if near is None:
            candidates = sorted({n for t in list(self.by_type) if type_score(item.event.type, t) > 0
                                 for n in self.by_type[t]})
        else:  # the same clusters, found from the few near ones rather than from every cluster of the types
            candidates = sorted(n for n in near
                                if any(type_score(item.event.type, t) > 0 for t in self.types[n]))
        for i in candidates:
            cl, cl_types = self.clusters[i], self.types[i]
            # Unrelated types or conflicting canonical actors veto a merge
            # outright (checked first: cheap, and it rules out most clusters);
            # other hard conflicts (dates, figures) count as zeros in the
            # average, since one misdated extraction should not split a case.
            if any(type_score(item.event.type, t) == 0 for t in cl_types):
                continue
            if any(actor_score(item.event, m.event) == 0 for m in cl):
                continue
            peers = [m for m in cl if not kept_apart(item, m)]
            if not peers:
                continue
            scores = [pair_score(item, m) for m in peers]
            rank = (i in self.anchored, _cluster_score(item, peers, scores, self.threshold))
            if rank[1] >= self.threshold and rank >= best_rank:
                best, best_rank = i, rank
        if best is None:
            best = self.started
            self.started += 1
            self.clusters[best] = [item]
            self.types[best] = {item.event.type}
        else:
            self.clusters[best].append(item)
            self.types[best].add(item.event.type)
        self.by_type[item.event.type].add(best)
        if not generic(item.event):
            self.anchored.add(best)
        if self.index is not None:
            self.index.add(best, key)
        return best

    def drop(self, n: int) -> list[Item]:
        """Take cluster ``n`` out (no later item may join it); returns its items."""
        for t in self.types.pop(n):
            self.by_type[t].discard(n)
        self.anchored.discard(n)
        if self.index is not None:
            self.index.remove(n)
        return self.clusters.pop(n)


def merge_clusters(clusters: list[list[Item]], threshold: float) -> list[list[Item]]:
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
        best_copy, pair_scores = 0.0, []  # (x, y, score)
        for x in clusters[i]:
            for y in clusters[j]:
                if actor_score(x.event, y.event) == 0:
                    return 0.0
                if kept_apart(x, y):
                    continue
                score = pair_score(x, y)
                pair_scores.append((x, y, score))
                if is_copy_pair(x, y):
                    best_copy = max(best_copy, score)
        if not pair_scores:
            return 0.0
        avg = sum(s for _, _, s in pair_scores) / len(pair_scores)
        return max(avg, best_copy, strong_floor(pair_scores, threshold))

    # Blocking: only clusters holding related types can score above 0, so each cluster is compared
    # with those alone (not all pairs).
    present = sorted({t for ts in types for t in ts})
    related = {t: [u for u in present if type_score(t, u) > 0] for t in present}
    by_type: dict[str, set[int]] = defaultdict(set)
    for n, ts in enumerate(types):
        for t in ts:
            by_type[t].add(n)
    index = TimeIndex() if threshold > FAR_SCORE_BOUND else None  # and by time (see .blocking)
    if index is not None:
        for n, cl in enumerate(clusters):
            for x in cl:
                index.add(n, time_key(x))

    def partners(i: int) -> set[int]:
        near = index.reachable(index.keys[i]) if index is not None else None
        if near is None:
            return {k for t in types[i] for u in related[t] for k in by_type[u]} - {i}
        return {k for k in near if k != i and any(u in related[t] for t in types[i] for u in types[k])}

    scores: dict[tuple[int, int], float] = {}
    for i in range(len(clusters)):
        for j in sorted(k for k in partners(i) if k > i):
            sc = link_score(i, j)
            if sc >= threshold:
                scores[(i, j)] = sc
    alive = set(range(len(clusters)))
    # the best pair first, ties on position: a heap of (-score, i, j) whose stale entries are skipped
    heap = [(-sc, i, j) for (i, j), sc in scores.items()]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if scores.get((i, j)) != -neg:
            continue
        clusters[i].extend(clusters[j])
        if index is not None:
            index.merge(i, j)
        for t in types[j]:
            by_type[t].discard(j)
            by_type[t].add(i)
        types[i] |= types[j]
        alive.discard(j)
        for pair in [k for k in scores if i in k or j in k]:
            del scores[pair]
        for k in sorted(partners(i) & alive):
            if k != i:
                sc = link_score(min(i, k), max(i, k))
                if sc >= threshold:
                    scores[(min(i, k), max(i, k))] = sc
                    heapq.heappush(heap, (-sc, min(i, k), max(i, k)))
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
    return link_items(docs, evidence_items(docs), source_keys(docs, groups), min_sources, threshold=threshold,
                      copy_pairs=copy_pairs)



def link_items(
    docs: Sequence[Document],
    items: list[Item],
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
    replies, items = split_replies(items)
    cases = finish_cases(_cluster(items, threshold), replies, docs, source_of, min_sources, denial_eligible)
    return sorted(cases, key=case_order)


def case_order(case: Case) -> tuple:
    return (case.category, case.time_start or case.reported_start or "9999", case.id)


def finish_cases(
    clusters: list[list[Item]],
    replies: list[Item],
    docs: Sequence[Document],
    source_of: dict[str, str],
    min_sources: int,
    denial_eligible: Callable[[str, int], bool] | None = None,
) -> list[Case]:
    """Cases of merged ``clusters`` (in the order they started): consequences joined to their causes,
    ``replies`` and event-less denials of ``docs`` placed, each cluster summed up."""
    clusters = attach_consequences(clusters)
    _attach_replies(replies, clusters)
    extra_denials = _attribution_denials(docs, clusters, denial_eligible)
    return [make_case(cl, extra_denials.get(n, []), source_of, min_sources) for n, cl in enumerate(clusters)]


def split_replies(items: list[Item]) -> tuple[list[Item], list[Item]]:
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


def _attach_replies(replies: list[Item], clusters: list[list[Item]]) -> None:
    """Put each reply in the cluster of its article's main same-type story: the one holding most of the
    article's same-type allegation mentions, then the nearest by offset.

    "North Korea has denied involvement in hacking" after a line recalling an older tally answers the
    theft the article is about, not the tally it happens to follow (as :func:`_attribution_denials` does
    for a bare rejection)."""
    for r in replies:
        answered = [(n, m) for n, cl in enumerate(clusters) for m in cl
                    if m.doc.doc_id == r.doc.doc_id and m.role != "denial" and m.event.type == r.event.type]
        weight: Counter[int] = Counter()
        for n, m in answered:
            weight[n] += len(m.chain) or 1
        candidates = [(-weight[n], abs(m.event.trigger.start - r.event.trigger.start), n) for n, m in answered]
        if candidates:
            clusters[min(candidates)[2]].append(r)
        else:
            clusters.append([r])


def _attribution_denials(
    docs: Sequence[Document],
    clusters: list[list[Item]],
    eligible: Callable[[str, int], bool] | None = None,
) -> dict[int, list[CaseMember]]:
    """Deny-stance attributions with no event inside, attached to the nearest case of the same document.

    "Moscow dismissed the report as slander" names no event, but when the
    article also reports the allegation and Moscow is one of its parties, it is
    that case's right of reply.
    """
    out: dict[int, list[CaseMember]] = defaultdict(list)
    by_doc: dict[str, list[tuple[int, Item]]] = defaultdict(list)
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
            answered = [(n, item) for n, item in by_doc.get(doc.doc_id, [])
                        if attr.source_entity in set().union(*parties(item.event).values() or [set()])]
            # "X rejected the accusations" answers the article's main story: the case most of its event
            # mentions naming X belong to, then the nearest
            weight: Counter[int] = Counter()
            for n, item in answered:
                weight[n] += len(item.chain) or 1
            candidates = [(-weight[n], abs(item.event.trigger.start - anchor), n) for n, item in answered]
            if candidates:
                out[min(candidates)[2]].append(CaseMember(doc.doc_id, None, "denial", ai))
    return out

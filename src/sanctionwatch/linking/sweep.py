"""The full rebuild's clustering as a sweep through time that finishes cases behind it.

The greedy pass takes items in date order (:class:`~.clustering.Greedy`), and time blocking
(:mod:`.blocking`) says how far apart in time two members can be and still score a link.  So once the
sweep has passed a cluster by more than that reach, no later item can join it; and once nothing ties it
to a cluster still open, no merge of the second pass (:func:`~.clustering.merge_clusters`) and no
placing by article can involve it.  Such clusters are finished as a batch: merged among themselves,
joined with their consequences and replies, made cases; their items and their documents' views are
dropped.  The result is the one of clustering the whole set at once (tested), because everything that
can tie clusters together is followed: dates within reach (a multi-year tally of many events and a
single event are never dated alike unless both are of a durative type, :func:`~.evidence.time_score`),
copies of one text (their time counts as agreeing), a tally and an undated figure in one unit (the same
count repeated), one-victim acts reported by articles published close together (an old theft in the news
again, whatever dates the articles give it), and an article that places a reply, an event-less denial or an outcome in the case of
another of its events.  An item that cannot be placed in time at all may join any cluster: while one
is still to come, or in an open cluster, nothing is finished (a store of undated articles is clustered
whole, as before).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from ..cases import Case
from ..model import Document
from ..store.spill import SweepRow
from .blocking import BUCKET_DAYS, TimeKey, reach_days, time_key
from .clustering import Greedy, merge_clusters, finish_cases
from .consequences import consequences
from .evidence import TALLY_DAYS, rules, unit
from .items import Item
from .scoring import LINK_THRESHOLD

CHECK_EVERY = 256  # items placed between two looks for clusters to finish
BAND_DAYS = 2  # a member this close to the tally width counts as both a tally and not (never under-linked)


@dataclass(slots=True)
class _Range:
    """The days some members of a cluster lie on, and whether one of them is of a durative type."""

    lo: int
    hi: int
    durative: bool

    def add(self, lo: int, hi: int, durative: bool) -> None:
        self.lo, self.hi, self.durative = min(self.lo, lo), max(self.hi, hi), self.durative or durative


@dataclass(slots=True)
class _Span:
    """What finishing needs to know of an open cluster.  Its members' days are kept apart for those that
    are multi-year tallies and the rest (see the module doc)."""

    narrow: _Range | None = None
    wide: _Range | None = None
    unplaced: bool = False
    tallies: set[str | None] = field(default_factory=set)  # units of its tally figures
    undated: set[str | None] = field(default_factory=set)  # units of its undated figures
    docs: set[str] = field(default_factory=set)  # its documents that tie cases together (Sweep.couples)
    stories: set[str] = field(default_factory=set)
    acts: _Range | None = None  # publication days of its one-victim acts (blocking.TimeKey.act_published)

    def add(self, item: Item, key: TimeKey, coupled: bool) -> None:
        if key.lo is None or key.hi is None:
            self.unplaced = True
        else:
            width, durative = key.hi - key.lo, item.event.type in rules().durative_types
            if width <= TALLY_DAYS + BAND_DAYS:
                self.narrow = _widen(self.narrow, key.lo, key.hi, durative)
            if width >= TALLY_DAYS - BAND_DAYS:
                self.wide = _widen(self.wide, key.lo, key.hi, durative)
        q = item.event.quantity
        if key.tally_figure:
            self.tallies.add(unit(q) if q else None)
        if key.undated_figure:
            self.undated.add(unit(q) if q else None)
        if coupled:
            self.docs.add(item.doc.doc_id)
        if key.story is not None:
            self.stories.add(key.story)
        if key.act_published is not None:
            self.acts = _widen(self.acts, key.act_published, key.act_published, False)

    def last_day(self) -> int | None:
        return max((r.hi for r in (self.narrow, self.wide) if r is not None), default=None)


def _widen(r: _Range | None, lo: int, hi: int, durative: bool) -> _Range:
    if r is None:
        return _Range(lo, hi, durative)
    r.add(lo, hi, durative)
    return r


@dataclass(slots=True)
class _Loaded:
    view: Document
    items: dict[int, Item]
    replies: list[Item]
    coupled: bool


class _Links:
    """Union-find over cluster numbers."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {n: n for n in ids}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def join_all(self, members: list[int]) -> None:
        for n in members[1:]:
            self.union(members[0], n)

    def join_overlapping(self, ranges: list[tuple[int, int, int]], reach: int) -> None:
        """Join clusters whose (lo, hi, cluster) ranges lie within ``reach`` days, transitively."""
        end: int | None = None
        last = -1
        for lo, hi, n in sorted(ranges):
            if end is not None and lo <= end + reach:
                self.union(last, n)
                end = max(end, hi)
            else:
                end = hi
            last = n


class Sweep:
    """Clusters items met in sweep order (:meth:`ShingleSpill.sweep`) and finishes cases behind the sweep.

    ``load(doc_id)`` gives a document's linking view, its items and its replies (denials answering an
    allegation of their own article, :func:`~.clustering.split_replies`); ``remaining`` the number of
    items of each document; ``story_of`` the syndication group of each document with copies;
    ``last_figures`` the sweep position of the last tally and undated figure of each unit."""

    def __init__(self, load: Callable[[str], tuple[Document, list[Item], list[Item]]], remaining: dict[str, int],
                 story_of: Mapping[str, str], source_of: dict[str, str], min_sources: int = 2, *,
                 last_figures: Mapping[tuple[bool, str | None], int] | None = None,
                 threshold: float = LINK_THRESHOLD) -> None:
        self.load, self.remaining, self.story_of = load, remaining, story_of
        self.source_of, self.min_sources, self.threshold = source_of, min_sources, threshold
        self.last_figures = dict(last_figures or {})
        self.greedy = Greedy(threshold)
        self.spans: dict[int, _Span] = {}
        self.loaded: dict[str, _Loaded] = {}
        self.story_left: dict[str, int] = defaultdict(int)
        for doc, n in remaining.items():
            if doc in story_of:
                self.story_left[story_of[doc]] += n
        self.reach = reach_days() + BUCKET_DAYS  # a bucket's margin: finishing late is safe, early is not
        self.cases: list[Case] = []
        self.batches = 0

    def run(self, rows: Iterable[SweepRow]) -> list[Case]:
        for row in rows:
            self._place(row)
            if (row.pos + 1) % CHECK_EVERY == 0 and self.greedy.index is not None:
                self._finish(self._finishable(row))
        self._finish(sorted(self.spans))
        return self.cases

    @staticmethod
    def couples(view: Document, items: list[Item], replies: list[Item]) -> bool:
        """Whether a document ties the cases of its events together after clustering: a reply or an
        event-less denial is placed in one of them (:func:`~.clustering.finish_cases`), an outcome joins
        the case of its cause reported by the same article (:mod:`.consequences`)."""
        if replies:
            return True
        used = {ev.attribution for ev in view.events if ev.attribution is not None}
        if any(a.stance == "deny" and not a.negated and n not in used and a.source_entity
               for n, a in enumerate(view.attributions)):
            return True
        types = {i.event.type for i in items}
        return any(r.cause in types and r.effect in types for r in consequences())

    def _place(self, row: SweepRow) -> None:
        loaded = self.loaded.get(row.doc)
        if loaded is None:
            view, items, replies = self.load(row.doc)
            story = self.story_of.get(row.doc)
            for item in (*items, *replies):
                item.story = story
            loaded = self.loaded[row.doc] = _Loaded(view, {i.idx: i for i in items}, replies,
                                                    self.couples(view, items, replies))
        item = loaded.items[row.idx]
        n = self.greedy.place(item)
        self.spans.setdefault(n, _Span()).add(item, time_key(item), loaded.coupled)
        self.remaining[row.doc] -= 1
        if item.story is not None:
            self.story_left[item.story] -= 1

    def _finish(self, done: list[int]) -> None:
        """Make cases of the clusters ``done`` (in the order they started) and forget them."""
        if not done:
            return
        clusters = [self.greedy.drop(n) for n in done]
        for n in done:
            del self.spans[n]
        merged = merge_clusters(clusters, self.threshold)
        docs = sorted({i.doc.doc_id for cl in merged for i in cl})
        held = {i.doc.doc_id for n in self.spans for i in self.greedy.clusters[n]}
        replies = [r for d in docs if self.loaded[d].coupled for r in self.loaded[d].replies]
        views = [self.loaded[d].view for d in docs]
        for d in docs:
            if not self.remaining[d] and d not in held:
                del self.loaded[d]
        self.cases += finish_cases(merged, replies, views, self.source_of, self.min_sources)
        self.batches += 1

    def _finishable(self, row: SweepRow) -> list[int]:
        """The open clusters that nothing still to come after ``row`` can reach, neither a later item
        nor (through the merges of the second pass and the placing by article) another open cluster."""
        if row.later_unplaced or any(sp.unplaced for sp in self.spans.values()):
            return []  # an item with no time may join or merge with any cluster
        later = row.later_lo if row.later_lo is not None else float("inf")
        later_tallies = {u for (tally, u), pos in self.last_figures.items() if tally and pos > row.pos}
        later_undated = {u for (tally, u), pos in self.last_figures.items() if not tally and pos > row.pos}
        links = _Links(self.spans)
        narrow: list[tuple[int, int, int]] = []
        wide: list[tuple[int, int, int]] = []
        durative: list[tuple[int, int, int]] = []
        groups: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        reached: list[int] = []
        acts: list[tuple[int, int, int]] = []
        span = rules().generic_report_days
        for n, sp in self.spans.items():
            if sp.acts is not None:
                acts.append((sp.acts.lo, sp.acts.hi, n))
            for r, table in ((sp.narrow, narrow), (sp.wide, wide)):
                if r is not None:
                    table.append((r.lo, r.hi, n))
                    if r.durative:  # a durative tally and a durative single event may be dated alike
                        durative.append((r.lo, r.hi, n))
            for s in sp.stories:
                groups[("story", s)].append(n)
            for d in sp.docs:
                groups[("doc", d)].append(n)
            for u in sp.tallies | sp.undated:  # a tally and an undated figure of one unit may be one count
                groups[("unit", u)].append(n)
            last = sp.last_day()
            if ((last is not None and last + self.reach >= later) or any(self.remaining[d] for d in sp.docs)
                    or any(self.story_left[s] for s in sp.stories)
                    or not sp.tallies.isdisjoint(later_undated) or not sp.undated.isdisjoint(later_tallies)
                    or (sp.acts is not None and sp.acts.hi + span >= later)):
                reached.append(n)
        for table in (narrow, wide, durative):
            links.join_overlapping(table, self.reach)
        links.join_overlapping(acts, span)
        for group in groups.values():
            links.join_all(group)
        open_ = {links.find(n) for n in reached}
        return sorted(n for n in self.spans if links.find(n) not in open_)

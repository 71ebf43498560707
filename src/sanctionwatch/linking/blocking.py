"""Time blocking for the clustering: which clusters an event's dates can still reach.

Two events whose time score is below ``SOFT_TIME`` score at most ``FAR_SCORE_BOUND``, below the link
threshold (:mod:`.scoring`), so a cluster all of whose members lie more than ``reach_days`` from an
event (its interval as :func:`~.evidence.time_score` places it) averages below the threshold and cannot
take it; nor can two such clusters merge.  The index returns every other cluster, so blocking changes
no result, only how many clusters are compared: a corpus spread over years costs time linear in its
size, not quadratic.  Exceptions the bound does not cover are always returned: members that cannot be
placed in time (no date and no publication), copies of one text (their time counts as agreeing), a
multi-year tally against an undated figure (the same total repeated, :func:`~.scoring.evidence`), and
one-victim acts (a theft) reported by articles published close together, whatever dates they give the
act (an old theft in the news again: :func:`~.evidence.time_score`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .evidence import TALLY_DAYS, TIME_SLACK_DAYS, day, effective_interval, interval, is_denial, rules
from .items import Item
from .scoring import reported_by

BUCKET_DAYS = 64


@dataclass(frozen=True, slots=True)
class TimeKey:
    """Where an item lies for blocking: day ordinals of its interval (None: nowhere in particular)."""

    lo: int | None
    hi: int | None
    tally_figure: bool  # its own interval is a multi-year tally and it has a figure
    undated_figure: bool  # no own interval, and a figure
    story: str | None
    act_published: int | None = None  # a one-victim act (no denial): its article's publication day


def time_key(item: Item) -> TimeKey:
    ev = item.event
    placed = effective_interval(ev, reported_by(ev, item.doc.published))
    own = interval(ev)
    figure = ev.quantity is not None
    pub = day(item.doc.published)
    act = pub.toordinal() if pub and ev.type in rules().single_incident_types and not is_denial(ev) else None
    return TimeKey(placed[0].toordinal() if placed else None, placed[1].toordinal() if placed else None,
                   figure and own is not None and (own[1] - own[0]).days > TALLY_DAYS,
                   figure and own is None, item.story, act)


def reach_days() -> int:
    """Beyond this many days apart, two events' time score is below SOFT_TIME (evidence.time_score)."""
    return max(TIME_SLACK_DAYS, rules().durative_slack_days)


class TimeIndex:
    """Cluster ids by the days their members lie on, for :meth:`reachable` queries."""

    def __init__(self) -> None:
        self.reach = reach_days()
        self.buckets: dict[int, set[int]] = defaultdict(set)
        self.keys: dict[int, list[TimeKey]] = defaultdict(list)
        self.unplaced: set[int] = set()
        self.tally_figures: set[int] = set()
        self.undated_figures: set[int] = set()
        self.stories: dict[str, set[int]] = defaultdict(set)
        self.acts: dict[int, set[int]] = defaultdict(set)  # one-victim acts by publication bucket

    def add(self, cluster: int, key: TimeKey) -> None:
        self.keys[cluster].append(key)
        if key.lo is None or key.hi is None:
            self.unplaced.add(cluster)
        else:
            for b in range(key.lo // BUCKET_DAYS, key.hi // BUCKET_DAYS + 1):
                self.buckets[b].add(cluster)
        if key.tally_figure:
            self.tally_figures.add(cluster)
        if key.undated_figure:
            self.undated_figures.add(cluster)
        if key.story is not None:
            self.stories[key.story].add(cluster)
        if key.act_published is not None:
            self.acts[key.act_published // BUCKET_DAYS].add(cluster)

    def remove(self, cluster: int) -> list[TimeKey]:
        keys = self.keys.pop(cluster, [])
        for key in keys:
            if key.lo is not None and key.hi is not None:
                for b in range(key.lo // BUCKET_DAYS, key.hi // BUCKET_DAYS + 1):
                    self.buckets[b].discard(cluster)
            if key.story is not None:
                self.stories[key.story].discard(cluster)
            if key.act_published is not None:
                self.acts[key.act_published // BUCKET_DAYS].discard(cluster)
        for table in (self.unplaced, self.tally_figures, self.undated_figures):
            table.discard(cluster)
        return keys

    def merge(self, into: int, other: int) -> None:
        for key in self.remove(other):
            self.add(into, key)

    def reachable(self, keys: list[TimeKey]) -> set[int] | None:
        """The clusters a member with one of ``keys`` may score a link with; None: any cluster."""
        if any(k.lo is None or k.hi is None for k in keys):
            return None
        lo = min(k.lo for k in keys if k.lo is not None) - self.reach
        hi = max(k.hi for k in keys if k.hi is not None) + self.reach
        found = set(self.unplaced)
        for b in range(lo // BUCKET_DAYS, hi // BUCKET_DAYS + 1):
            found |= self.buckets.get(b, set())
        if any(k.tally_figure for k in keys):
            found |= self.undated_figures
        if any(k.undated_figure for k in keys):
            found |= self.tally_figures
        for story in {k.story for k in keys if k.story is not None}:
            found |= self.stories.get(story, set())
        span = rules().generic_report_days
        for pub in {k.act_published for k in keys if k.act_published is not None}:
            for b in range((pub - span) // BUCKET_DAYS, (pub + span) // BUCKET_DAYS + 1):
                found |= self.acts.get(b, set())
        return found

"""Events as clustering items: each (coreference-merged) event of a document that is evidence, and its pair score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..event_coref import conflict, merged_events
from ..model import Document, Event
from ..reviews import REJECTED
from .aggregates import aggregate
from .evidence import interval, member_role, rules
from .implied import linking_view, self_denial_view
from .scoring import evidence


@dataclass(slots=True)
class Item:
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
        iv = interval(self.event)
        return (iv[0].isoformat() if iv else (self.doc.published or "9999"), self.doc.doc_id, self.idx)


def pair_score(x: Item, y: Item) -> float:
    return evidence(x.event, y.event, published_a=x.doc.published, published_b=y.doc.published,
                    same_story=is_copy_pair(x, y), context_a=x.context, context_b=y.context).score


def is_copy_pair(x: Item, y: Item) -> bool:
    return x.story is not None and x.story == y.story and x.doc.doc_id != y.doc.doc_id


def kept_apart(x: Item, y: Item) -> bool:
    """Two items of one article, of one type that happens on one day (not ``durative_types``) and of one
    side (both denials or neither), that its event coreference kept apart for their dates: the article
    dates them apart, or gives one a period (a tally, "earlier this year") and the other a day ("the
    previous attempt, on May 31", beside this week's launch).  Told apart by the article itself, their
    pair is no evidence of one event; the clustering leaves it out and lets the other articles decide.
    (Coreference keeps mentions apart for other reasons too, stricter than the linker's: a group and
    the state it acts for as agents, which the linker folds; those pairs stay evidence.)"""
    if x.doc.doc_id != y.doc.doc_id or x.event.type != y.event.type or (x.role == "denial") != (y.role == "denial"):
        return False
    return x.event.type not in rules().durative_types and conflict(x.event, y.event) in ("time", "aggregate")


def evidence_items(docs: Iterable[Document]) -> list[Item]:
    """Every real event of ``docs`` that is evidence (see :func:`member_role`; not a year's total or
    a series, :func:`~.aggregates.aggregate`), as clustering items: the
    mentions of one event in a document are merged into one item first (:mod:`sanctionwatch.event_coref`).

    ``docs`` are read as reviewed (:meth:`sanctionwatch.reviews.Verdicts.apply`): a mention an analyst
    rejected is no member, and an event whose mentions were all rejected is no item."""
    items = []
    for doc in docs:
        for ev, chain in merged_events(doc):
            kept = [n for n in chain if doc.events[n].modality != REJECTED]
            if not kept:
                continue
            if kept[0] != chain[0]:  # the merged event spoke for a rejected first mention
                ev = doc.events[kept[0]]
            if aggregate(doc, ev):  # a year's figure or a series sums many acts: no incident to corroborate
                continue
            if (role := member_role(doc, ev)) is not None:
                items.append(Item(doc, kept[0], linking_view(self_denial_view(doc, ev)), role, chain=tuple(kept)))
    return items

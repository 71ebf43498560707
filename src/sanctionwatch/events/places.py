"""The country or place a destination lies in: "sent workers to construction sites in various parts of Russia",
"to logging camps across Siberia". The tree gives the sites as the destination; the named place they are in is
where the event happens too (its location)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Argument
from .appositions import argument_head
from .argument_spans import ArgumentContext, argument_at

_WITHIN = frozenset({"in", "across", "throughout", "near"})
# nouns for a part of a place ("parts of Russia", "the north of China"): the place is the "of" phrase
_PART_NOUNS = frozenset({"part", "region", "area", "corner", "north", "south", "east", "west", "province", "city"})


def _place_of(o: Token) -> Token:
    if o.lemma_.lower() in _PART_NOUNS:
        return next((g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj"), o)
    return o


def with_enclosing_places(ctx: ArgumentContext, sent: Span, args: list[Argument], roles) -> list[Argument]:
    """``args`` and the named place that a destination or location noun lies in, as the location (where the
    type has that role and does not name it yet)."""
    if "location" not in roles:
        return args
    have = {(a.start, a.end) for a in args}
    extra = []
    for a in args:
        if a.role not in ("destination", "location") or a.entity is not None:
            continue
        head = argument_head(sent, ctx.base, a)
        if head is None or head.pos_ != "NOUN":
            continue
        for o in (o for p in head.children if p.dep_ == "prep" and p.lower_ in _WITHIN for o in p.children if o.dep_ == "pobj"):
            place = argument_at(ctx, "location", _place_of(o))
            if place.entity is not None and (place.start, place.end) not in have:
                have.add((place.start, place.end))
                extra.append(place)
    return args + extra

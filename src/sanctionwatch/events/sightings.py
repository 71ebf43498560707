"""A transfer told as a sighting: the vessels seen are its parties, not the one who saw them.

"A frigate spotted the tanker Sea Lark alongside a barge", "the sighting of the tanker Sea Lark 3,
moored alongside a fishing boat": the tanker seen (or moored) and the ship it lay alongside are the
two vessels of the transfer; the frigate, the navy or the ministry that saw them only reports it.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Argument
from .argument_spans import ArgumentContext, argument_at

_NOUNISH = frozenset({"NOUN", "PROPN"})


def _seen_vessel(trigger: Token) -> Token | None:
    if trigger.dep_ == "acl" and trigger.head.pos_ in _NOUNISH:
        return trigger.head  # "the tanker, moored alongside the barge"
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if objects:
        return objects[0]
    # "the sighting of the tanker"
    of = next((o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
               if o.dep_ == "pobj"), None)
    return of if of is not None else _noun_before_comma(trigger)


def _noun_before_comma(trigger: Token) -> Token | None:
    """"the tanker, Sea Lark 3, moored alongside ...": a participle set off by a comma describes the name before
    it, wherever the parser hung it."""
    if trigger.i < 2 or trigger.nbor(-1).text != ",":
        return None
    t = trigger.nbor(-2)
    if t.pos_ == "NUM" and t.head.pos_ == "PROPN":
        t = t.head  # "Sea Lark 3"
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    return t if t.pos_ in _NOUNISH else None


def sighting_parties(ctx: ArgumentContext, trigger: Token, etype: str, args: list[Argument],
                     sighting: frozenset[str]) -> list[Argument]:
    """For a ship-to-ship transfer triggered by a verb of seeing or mooring: the vessel seen is the agent and
    the one "alongside" it the partner, in place of the observer and of a vessel read as the goods."""
    if etype != "ship_to_ship_transfer" or trigger.lemma_.lower() not in sighting:
        return args
    seen = _seen_vessel(trigger)
    beside = next((o for t in trigger.subtree if t.lower_ == "alongside" for o in t.children if o.dep_ == "pobj"), None)
    if seen is None or beside is None:
        return args
    # "the tanker, Sea Lark 3": the named apposition is the vessel
    named = next((a for a in seen.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
    kept = [a for a in args if a.role not in ("agent", "partner", "item")]
    return [argument_at(ctx, "agent", named or seen), argument_at(ctx, "partner", beside), *kept]

"""The count in an event noun's own "of" phrase.

A quantity is otherwise the one nearest the trigger in its clause, which for a noun in a list of acts
("raids on 14 depots in 6 cities, and the seizure of 40 accounts") is often the last figure of the act
before it.  What an event noun's "of" phrase counts ("the seizure of 40 accounts", "the transfer of
1,000 tons") is the act's own figure.
"""

from __future__ import annotations

from typing import Any, Sequence

from spacy.tokens import Token

Found = tuple[int, int, Any]


def of_phrase_count(base: int, trigger: Token, quantities: Sequence[Found]) -> Found | None:
    """The first of ``quantities`` inside the "of" phrase of a noun trigger; None for other triggers."""
    if trigger.pos_ != "NOUN":
        return None
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < trigger.i:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if not objs:
            continue
        lo = base + objs[0].left_edge.idx
        hi = base + objs[0].right_edge.idx + len(objs[0].right_edge)
        inside = sorted(q for q in quantities if lo <= q[0] and q[1] <= hi)
        if inside:
            return inside[0]
    return None

"""A sale's figure is its price, not the count of its buyers.

"sold licences to 300 boats for $9 million": the nearest number to the trigger counts the buyers in the "to"
phrase, but what the sale moved is given by the sum paid "for" it.  Where the trigger governs a "for" phrase
holding a currency amount and the picked figure lies in its "to" phrase, the amount is the event's quantity.
"""

from __future__ import annotations

from typing import Any, Sequence

from spacy.tokens import Token

Found = tuple[int, int, Any]


def _prep_range(base: int, head: Token, word: str) -> tuple[int, int] | None:
    for p in head.children:
        if p.dep_ in ("prep", "dative") and p.lower_ == word:
            return base + p.idx, base + p.right_edge.idx + len(p.right_edge)
    return None


def sale_price(base: int, head: Token, picked: Found | None, quantities: Sequence[Found]) -> Found | None:
    """The currency amount of the trigger's "for" phrase where ``picked`` counts the buyers of its "to"
    phrase; ``picked`` otherwise."""
    if picked is None:
        return picked
    to, paid = _prep_range(base, head, "to"), _prep_range(base, head, "for")
    if to is None or paid is None or not (to[0] <= picked[0] and picked[1] <= to[1]):
        return picked
    # a currency is written as an upper-case code ("USD", "KRW"); a count's unit is a lower-case noun
    return next((q for q in quantities if paid[0] <= q[0] and q[1] <= paid[1] and q[2].unit.isupper()), picked)

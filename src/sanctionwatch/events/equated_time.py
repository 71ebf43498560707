"""The date of an event told as "X was the Nth such event".

"The launch on Monday was the country's third ICBM launch since July", "Monday's test was its fifth this
year": the copula equates two mentions of one event. The predicate's period ("since July", "this year")
frames the count; the date the subject gives ("on Monday", "Monday's") is the event's own, and the more
precise one. Where the subject has no date, the predicate's period still dates the event (to the year, no
more precisely than the text says).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from .taxonomy import Taxonomy
from .timing import Found, own_time

_COPULAS = frozenset({"be", "mark", "become"})


def equated_time(sent: Span, base: int, times: Sequence[Found], head: Token, heads: set[int], tax: Taxonomy,
                 etype: str, found: Found | None) -> Found | None:
    """The subject's own time for a predicate noun trigger ("was the third launch"), else ``found``."""
    if head.pos_ not in ("NOUN", "VERB") or head.dep_ not in ("attr", "dobj") or head.head.lemma_.lower() not in _COPULAS:
        return found
    subj = next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subj is None or not _same_kind(subj, head, tax, etype):
        return found
    mine = own_time(sent, base, times, subj, (heads - {head.i}) | {subj.i}, tax, etype)
    return mine if mine is not None else found


def _same_kind(subj: Token, head: Token, tax: Taxonomy, etype: str) -> bool:
    lemma = subj.lemma_.lower()
    return lemma == head.lemma_.lower() or any(r.type == etype for r in tax.by_lemma.get(lemma, ()))

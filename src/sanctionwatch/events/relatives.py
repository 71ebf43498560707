"""Relative pronouns among an event's arguments stand for the noun their clause modifies."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Argument
from .argument_spans import ArgumentContext, argument_at
from .triggers import TriggerHit

_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def relative_antecedents(ctx: ArgumentContext, hit: TriggerHit, args: list[Argument]) -> list[Argument]:
    """A relative pronoun argument is the noun its clause modifies ("the Foreign Trade Bank, which was
    designated in 2013": the bank was designated; "a firm that shipped arms": the firm shipped)."""
    head = hit.head
    if head.dep_ != "relcl" or head.head.pos_ not in ("NOUN", "PROPN"):
        return args
    pronouns = {ctx.base + c.idx: c for c in head.children if c.lower_ in _RELATIVE_PRONOUNS}
    out = []
    for a in args:
        pron = pronouns.get(a.start)
        if pron is not None and a.text.lower() in _RELATIVE_PRONOUNS:
            a = argument_at(ctx, a.role, _nearest_antecedent(pron) or head.head)
        out.append(a)
    return out


def _nearest_antecedent(pron: Token) -> Token | None:
    """For ", which" the noun phrase right before the comma ("employees of the Foreign Trade Bank ('FTB'),
    which was designated": the bank, wherever the parser hung the clause); a name in brackets after it
    stands for it too."""
    if pron.lower_ != "which" or pron.i == 0 or pron.nbor(-1).text != ",":
        return None
    t = pron.nbor(-1)
    while t.i > t.sent.start and t.pos_ == "PUNCT":
        t = t.nbor(-1)
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    return t.head if t.dep_ == "appos" and t.head.pos_ in ("NOUN", "PROPN") else t


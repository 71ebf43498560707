"""Nominal events typed by their document.

A noun trigger normally needs a context word ("the launch of a satellite"). One
with an actor as possessor but no context word ("North Korea's launch on Nov.
21 was its third attempt") is an event when the document reports events its
lemma can trigger: it takes the most frequent such type.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from ..actors import entity_at
from .arguments import _Ctx
from .triggers import _Hit


def document_typed_hits(ctx: _Ctx, sent: Span, doc_types: Counter[str], taken: set[int]) -> list[_Hit]:
    """Nominal triggers with an actor as possessor but no context word ("North Korea's launch on
    Nov. 21"), typed by the most frequent event type of the document that the lemma can trigger."""
    out: list[_Hit] = []
    for tok in sent:
        if tok.pos_ != "NOUN" or ctx.base + tok.idx in taken:
            continue
        rules = ctx.tax.by_lemma.get(tok.lemma_.lower(), ())
        types = [r.type for r in rules if r.context is not None and doc_types[r.type] > 0]
        if not types:
            continue
        poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        at = ctx.base + poss[0].idx if poss else -1
        if not poss or entity_at(ctx.entities, at, at + len(poss[0])) is None:
            continue
        best = max(types, key=lambda t: doc_types[t])
        out.append(_Hit(best, tok.i - sent.start, tok.i - sent.start + 1, tok, None))
    return out

"""The owner of what is launched or tested launches or tests it.

"Friday's flight was Iran's ninth rocket launch of the decade", "the test of Iran's new rocket": the parser
hangs the possessive on the weapon, so the event has the weapon as its item and no agent, though the
country whose missile flies is the one that fired it.  For the types listed in the taxonomy's
``possessor_acts`` (launches and tests), an event with no agent takes the country or actor that a
possessive inside its item names.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..actors import entity_at
from ..model import Argument
from .argument_spans import ArgumentContext

_OWNER_TYPES = frozenset({"country", "government_body", "armed_forces", "organisation", "group"})


def owner_as_agent(ctx: ArgumentContext, sent: Span, etype: str, args: list[Argument]) -> list[Argument]:
    if etype not in ctx.tax.modality.get("possessor_acts", frozenset()) or any(a.role == "agent" for a in args):
        return args
    for item in (a for a in args if a.role == "item"):
        for tok in sent:
            at = ctx.base + tok.idx
            if not (item.start <= at < item.end) or tok.dep_ != "poss" or tok.pos_ != "PROPN":
                continue
            left = min((c for c in tok.subtree if c.dep_ == "compound"), key=lambda c: c.i, default=tok)
            s, e = ctx.base + left.idx, at + len(tok)
            ent = entity_at(ctx.entities, s, e)
            if ent is not None and ent.type in _OWNER_TYPES:
                return [*args, Argument("agent", s, e, ctx.text[s:e], ent.id)]
    return args

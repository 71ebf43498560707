"""The country an unnamed agent comes from is who acts.

"Hackers from <country> stole ...", "online hackers hailing from <country> looted ...": the agent phrase
names only a class of people, and the parser leaves the "from" phrase that says whose they are outside the
agent's span (or hangs it on a participle).  Like a nationality adjective ("<country>'s hackers"), the origin
is the agent's identity: the argument keeps its span and takes the country's entity.  The participles that
give an origin are ``origin_verbs`` in ``data/taxonomy.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Argument
from .argument_spans import ArgumentContext, argument_at


def _origin_objects(head: Token, verbs: frozenset[str]) -> list[Token]:
    """The objects of "from" on the noun itself or on a participle of origin describing it."""
    holders = [head] + [v for v in head.children if v.dep_ == "acl" and v.lemma_.lower() in verbs]
    return [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children if o.dep_ == "pobj"]


def origin_agent(ctx: ArgumentContext, sent: Span, a: Argument) -> Argument:
    """``a`` with the entity of the country its head noun comes from, where it has none of its own."""
    if a.role != "agent" or a.entity is not None:
        return a
    inside = [t for t in sent if a.start <= ctx.base + t.idx < a.end]
    head = next((t for t in inside if not (a.start <= ctx.base + t.head.idx < a.end) or t.head.i == t.i), None)
    # a common noun for people ("hackers", "operatives"); a name or a pronoun is its own identity
    if head is None or head.pos_ != "NOUN":
        return a
    countries = {e.id for e in ctx.entities if e.type == "country"}
    for o in _origin_objects(head, ctx.tax.modality.get("origin_verbs", frozenset())):
        found = argument_at(ctx, "agent", o)
        if found.entity in countries:
            return Argument(a.role, a.start, a.end, a.text, found.entity)
    return a

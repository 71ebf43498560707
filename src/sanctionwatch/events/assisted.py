"""The party an act is sent to help is where it goes.

"sent 5,000 troops to assist <country>", "shipped shells to help <country>": the purpose infinitive names the
side the troops or goods serve, and analysts file it as the recipient (or, in a type without one, the
destination), as they would "sent troops to <country>".  The helping verbs are ``aid_verbs`` in
``data/taxonomy.yaml``; only a named actor is taken ("to help the war effort" names none).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Argument
from .argument_spans import ArgumentContext, argument_at
from .taxonomy import Taxonomy


def assisted_party(ctx: ArgumentContext, head: Token, etype: str, args: list[Argument], tax: Taxonomy) -> list[Argument]:
    """``args`` plus the named party that the trigger's purpose clause helps, where the event has no
    recipient or destination of its own."""
    roles = tax.types[etype].roles
    role = "recipient" if "recipient" in roles else "destination" if "destination" in roles else None
    if role is None or any(a.role in ("recipient", "destination") for a in args):
        return args
    aid = tax.modality.get("aid_verbs", frozenset())
    for v in head.children:
        if not (v.dep_ in ("advcl", "xcomp") and v.pos_ == "VERB" and v.lemma_.lower() in aid
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)):
            continue
        for o in v.children:
            if o.dep_ in ("dobj", "obj"):
                found = argument_at(ctx, role, o)
                if found.entity is not None:
                    return [*args, found]
    return args

"""The doer of a verb of receiving is the recipient ("Russia received shells", "traders bought coal")."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Argument
from .taxonomy import Taxonomy


def receiver_as_recipient(head: Token, etype: str, args: list[Argument], tax: Taxonomy) -> list[Argument]:
    """In a type with a recipient role, the agent of a receiving verb (its subject, or the "by" phrase of
    its passive) is who gets the goods: analysts file it as the recipient, and the sender (a "from"
    phrase) as the origin. A type without a recipient role keeps the agent ("the North imported oil")."""
    if "recipient" not in tax.types[etype].roles or head.pos_ != "VERB":
        return args
    if head.lemma_.lower() not in tax.modality.get("receiving_verbs", frozenset()):
        return args
    if any(a.role == "recipient" for a in args):
        return args  # a recipient of its own ("bought coal for the North"): the buyer acts for another
    return [Argument("recipient", a.start, a.end, a.text, a.entity) if a.role == "agent" else a for a in args]

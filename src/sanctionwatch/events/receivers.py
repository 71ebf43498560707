"""The doer of a verb of receiving is the recipient ("Russia received shells", "traders bought coal")."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Argument
from .taxonomy import Taxonomy


def receiver_as_recipient(head: Token, etype: str, args: list[Argument], tax: Taxonomy) -> list[Argument]:
    """In a type with a recipient role, the agent of a receiving verb (its subject, or the "by" phrase of
    its passive) is who gets the goods: analysts file it as the recipient, and the sender (a "from"
    phrase) as the origin. A type without a recipient role keeps the agent ("the North imported oil")."""
    if "recipient" not in tax.types[etype].roles:
        return args
    if not (head.pos_ == "VERB" and head.lemma_.lower() in tax.modality.get("receiving_verbs", frozenset())
            or barter_verb(head, tax) is not None):
        return args
    if any(a.role == "recipient" for a in args):
        return args  # a recipient of its own ("bought coal for the North"): the buyer acts for another
    return [Argument("recipient", a.start, a.end, a.text, a.entity) if a.role == "agent" else a for a in args]



def barter_verb(head: Token, tax: Taxonomy) -> Token | None:
    """"Moscow gave Pyongyang rice in exchange for rockets", "in return for the rounds, Moscow sent wheat":
    the verb whose subject pays in a barter (and gets the goods it pays "for"), for a trigger on the barter
    noun or on its "in" phrase; None for any other trigger."""
    nouns = tax.modality.get("barter_nouns", frozenset())
    if head.pos_ == "NOUN" and head.lemma_.lower() in nouns and head.dep_ == "pobj" and head.head.lower_ == "in":
        head = head.head
    elif not (head.lower_ == "in" and any(c.dep_ == "pobj" and c.lemma_.lower() in nouns for c in head.children)):
        return None
    return head.head if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") else None

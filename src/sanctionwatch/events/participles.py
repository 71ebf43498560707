"""Participles the parser hangs on the wrong word: the second member of a reduced relative clause."""

from __future__ import annotations

from spacy.tokens import Token

# links that show a coordinated verb has a clause of its own (its own subject, object or auxiliary)
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "auxpass", "aux"})


def reduced_relative_of(trigger: Token) -> Token | None:
    """"seized clothing made in North Korea and smuggled into China": the parser hangs the second participle
    of a reduced relative on the main verb as its conjunct; bare (no subject, object or auxiliary) and after a
    participle that modifies the main verb's object, it describes that object, and the main verb's subject is
    not its actor (the police seized the clothing, they did not smuggle it)."""
    if not (trigger.dep_ == "conj" and trigger.tag_ in ("VBN", "VBD") and trigger.head.pos_ == "VERB"
            and not any(c.dep_ in _OWN_CLAUSE for c in trigger.children)):
        return None
    if trigger.head.dep_ == "acl" and trigger.head.head.pos_ in ("NOUN", "PROPN"):
        return trigger.head.head  # parsed right: coordinated with the first participle
    return next((o for o in trigger.head.children if o.dep_ in ("dobj", "obj")
                 for n in o.subtree if n.dep_ == "acl" and n.tag_ == "VBN" and n.i < trigger.i), None)

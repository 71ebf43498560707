"""The subject an infinitive borrows from the raising verb above it.

"2,000 soldiers are said to have been sent to Belarus", "Minsk appears to have fired the rockets",
"5,000 troops expected to be posted there by November": the event verb has no subject of its own; the noun
the sentence is about is the raising verb's subject (or, for a participle, the noun it describes). A
passive infinitive's borrowed subject is what the event acts on (the soldiers are sent); an active one's
is its actor (Moscow fired).
"""

from __future__ import annotations

from spacy.tokens import Token

_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_RELATIVE = frozenset({"which", "that", "who"})
# the deps the parser gives an infinitive under a raising verb ("appears to have twice fired" is
# often read as an adverbial clause)
_INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "ccomp"})


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive: "to send", "to have sent", "to be deployed", "to have been sent"."""
    for c in verb.children:
        if c.dep_ == "aux" and (c.lower_ == "to" or any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)):
            return True
    return False


def passive_verb(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def raised_subject(verb: Token, raising: frozenset[str]) -> Token | None:
    """The subject of a subjectless infinitive under a raising head of ``raising``: the head's passive
    subject ("X is believed to ..."), the subject of an intransitive raising verb or adjective ("X appears /
    is likely to ..."), or the noun a raising participle describes ("10,000 troops expected to be ...");
    a relative pronoun stands for the noun its clause modifies."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in _INFINITIVE_DEPS or verb.head.i == verb.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) or not _infinitive(verb):
        return None
    head = verb.head
    if head.lemma_.lower() not in raising:
        return None
    # "is likely to send": the adjective's subject is the copula's
    holder = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    # "expects North Korea to send more": the object before the infinitive is its subject
    objects = [c for c in holder.children if c.dep_ in ("dobj", "obj") and c.i < verb.i and c.pos_ in _NOUNISH]
    if objects:
        return objects[0]
    subjects = [c for c in holder.children if c.dep_ in ("nsubjpass", "nsubj") and c.pos_ in _NOUNISH]
    if subjects:
        subj = subjects[0]
        if subj.dep_ == "nsubj" and passive_verb(holder):
            return None
        if subj.lower_ in _RELATIVE and holder.dep_ == "relcl" and holder.head.pos_ in _NOUNISH:
            return holder.head
        return subj
    if holder.dep_ == "acl" and holder.tag_ == "VBN" and holder.head.pos_ in _NOUNISH:
        return holder.head  # "a total of 5,000 expected to be deployed"
    return None


def raising_clause(verb: Token, raising: frozenset[str]) -> Token:
    """The verb whose clause holds the infinitive's figures: the raising head's, where the infinitive borrows
    its subject ("2,000 soldiers are said to have been sent": the count is in the borrowed subject)."""
    if raised_subject(verb, raising) is None:
        return verb
    head = verb.head
    return head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head

"""Whose act a speech participle continues when the parser hangs it on a reported clause."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["STATE_VERBS", "denied_claim_verb", "reporter_goes_on"]

# a reported clause whose verb only states how things are ("the stance remains unchanged", "no deal exists"):
# its subject does nothing a participle after it could describe, so a speech participle there is the reporter's
STATE_VERBS = frozenset({"be", "remain", "stay", "exist", "seem", "appear"})


# participles that pin a label on what the reported clause tells ("said the North sent shells, calling it a
# troubling development"): the reporter labels the act it reports, not the actor doing it
LABELLING = frozenset({"call", "describe", "brand", "label", "term", "dub", "characterise", "characterize"})
# reported clauses that are themselves someone's words ("said Pyongyang rejected the report, calling it a lie"):
# a label after them is that speaker's
SPOKEN = frozenset({"say", "deny", "reject", "dismiss", "refute", "accuse", "condemn", "criticise", "criticize",
                    "denounce", "claim", "allege", "warn", "slam", "blast", "call", "describe", "insist", "argue"})


def reporter_goes_on(participle: Token, governor: Token) -> bool:
    """A speech participle the parser hung on a reported clause ("said that the stance remains unchanged,
    asserting that ...", "said the tanker entered the port, describing the move as a violation") goes on with
    the reporter's act, not the clause's subject's."""
    if not (participle.tag_ == "VBG" and participle.dep_ in ("advcl", "conj") and governor.dep_ == "ccomp"
            and governor.head.pos_ == "VERB" and governor.head.i < governor.i):
        return False
    if participle.dep_ == "conj":  # "calling it X and raising concerns": the second goes with the first
        return participle.head.tag_ == "VBG" and reporter_goes_on(participle.head, governor)
    lemma = governor.lemma_.lower()
    # a passive clause's subject undergoes the act ("said a summit will be held soon, adding ..."): it says nothing
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in governor.children)
    return lemma in STATE_VERBS or passive or (participle.lemma_.lower() in LABELLING and lemma not in SPOKEN)


def denied_claim_verb(participle: Token, governor: Token) -> Token | None:
    """ "The ministry denied a report that Pyongyang sent shells, calling the claim a fabrication": a participle
    the parser hung on a report's that-clause goes on with the act on the report (the denial), whose verb this
    returns; the clause only says what the report claims."""
    if participle.tag_ != "VBG" or governor.dep_ not in ("acl", "ccomp", "relcl") or governor.head.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in governor.children):
        return None
    noun = governor.head
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None

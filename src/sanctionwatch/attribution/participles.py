"""Whose act a speech participle continues when the parser hangs it on a reported clause."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["STATE_VERBS", "denied_claim_verb", "reporter_goes_on"]

# a reported clause whose verb only states how things are ("the stance remains unchanged", "no deal exists"):
# its subject does nothing a participle after it could describe, so a speech participle there is the reporter's
STATE_VERBS = frozenset({"be", "remain", "stay", "exist", "seem", "appear"})


def reporter_goes_on(participle: Token, governor: Token) -> bool:
    """A speech participle the parser hung on a reported clause ("said that the stance remains unchanged,
    asserting that ...") goes on with the reporter's act, not the clause's subject's."""
    return participle.tag_ == "VBG" and participle.dep_ == "advcl" and governor.dep_ == "ccomp" \
        and governor.lemma_.lower() in STATE_VERBS and governor.head.pos_ == "VERB" and governor.head.i < governor.i


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

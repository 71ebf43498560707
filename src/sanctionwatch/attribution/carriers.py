"""Carriers of someone else's words: "the paper quoted an aide as saying", "the report cited the firm as stating"."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["cited_as_saying"]


def cited_as_saying(verb: Token) -> tuple[Token, int] | None:
    """ "The paper quoted an aide as saying ...", "the report cited the firm as stating ...": (the one
    quoted, end of "saying").  Whoever does the quoting only carries the words, media outlet or not."""
    if verb.lemma_.lower() not in ("quote", "cite"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > obj.i:
            said = next((c for c in prep.children if c.dep_ == "pcomp" and c.lemma_.lower() in ("say", "tell", "state", "add")), None)
            if said is not None:
                return obj, said.i + 1
    return None

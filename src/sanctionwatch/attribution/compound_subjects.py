"""A speech verb the parser read as the head of a noun compound: "as President Roe claims to have ended the
threat" comes out with "President Roe" as compound modifiers of "claims" (tagged a verb all the same), so the verb
has no subject of its own and would borrow the subject of the clause it hangs on.  The proper name right before
the verb, hung on it as a compound, is its subject."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

__all__ = ["compound_name_subject"]

_FINITE = frozenset({"VBZ", "VBD", "VBP"})


def compound_name_subject(cue_tokens: Sequence[Token]) -> Token | None:
    """The proper noun hung as a compound right before a one-word finite cue verb, else None."""
    if len(cue_tokens) != 1 or cue_tokens[0].tag_ not in _FINITE:
        return None
    verb = cue_tokens[0]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    name = next((c for c in verb.lefts if c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ == "PROPN"), None)
    return name

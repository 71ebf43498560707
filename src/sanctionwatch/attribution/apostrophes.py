"""A possessive that lost its apostrophe: "The ministry refuted UN monitors claims that its ships carried coal".

Machine translations and hasty copy drop the apostrophe of a plural possessor ("monitors claims" for "monitors'
claims").  The parser then reads "claims" as a second verb joined to the first ("refuted ... and claims"), so
the first verb's subject seems to claim what it in fact refuted.  The sign is a present-tense report verb
joined to the verb before it with no conjunction between them, right after a plural noun that verb governs:
that noun is the owner of the claims, and so the one who claims.
"""

from __future__ import annotations

from ..read import Block
from .draft import Draft, span_chars

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "pobj", "conj"})


def lost_apostrophe_owner(text: str, block: Block, d: Draft, noun_cues: frozenset[str]) -> None:
    """Give a report verb read out of a bare possessive ("UN monitors claims that ...") its owner as source."""
    if len(d.cue_tokens) != 1 or d.cue_tokens[0].doc is not block.doc:
        return
    cue = d.cue_tokens[0]
    doc = block.doc
    if cue.tag_ not in ("VBZ", "VBP") or cue.dep_ != "conj" or cue.i == 0 or cue.lower_.rstrip("s") not in noun_cues:
        return
    first = cue.head
    if any(c.dep_ in ("cc", "nsubj", "nsubjpass") and first.i < c.i < cue.i or c.dep_ == "nsubj" for c in cue.children) \
            or any(c.dep_ == "cc" and first.i < c.i < cue.i for c in first.children):
        return
    owner = doc[cue.i - 1]
    if owner.tag_ not in _PLURAL_TAGS or owner.head.i != first.i or owner.dep_ not in _OBJECT_DEPS:
        return
    d.source = [span_chars(text, block.start, doc, owner.left_edge.i, owner.i + 1)]
    d.source_tokens = list(doc[owner.left_edge.i : owner.i + 1])

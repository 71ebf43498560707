"""A cue that swallowed its subject: "[The agency's] [latest revision of the rules explains] that ...".

Where a document noun speaks ("X's new reading of rule 12 explains that ...", "the ministry's new guidance states
that ..."), the tagger may read the noun phrase as part of the cue and leave the source the possessor alone, or
nothing; the parser, for its part, often reads the verb at the end of such a long subject as a plural noun
("clarifies" as the object of "of").  The cue is the speech verb at the end of the tagger's cue; the words before it,
back to the start of their noun phrase, are the source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .tagger import Group, TokenSpan

__all__ = ["subject_out_of_cue"]

# what may follow the verb: its clause or its quotation
_OPENERS = frozenset({"that", "“", "\"", ":"})


def _speech_form(tok: Token, speech: frozenset[str]) -> bool:
    """A third-person present (or past) form of a speech verb, however the parser tagged it."""
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX"):
        return tok.lemma_.lower() in speech
    stems = {low[:-3] + "y"} if low.endswith("ies") else {low[:-1], low[:-2]} if low.endswith("s") else set()
    return bool(stems & speech)


def subject_out_of_cue(doc: Doc, g: Group, speech: frozenset[str]) -> None:
    """Give the noun phrase in a cue back to the source (see above)."""
    if len(g.cue) != 1 or g.cue[0].end - g.cue[0].start < 3:
        return
    span = g.cue[0]
    verb = doc[span.end - 1]
    if span.end >= len(doc) or doc[span.end].lower_ not in _OPENERS or not _speech_form(verb, speech):
        return
    if any(t.pos_ in ("VERB", "AUX") for t in doc[span.start : span.end - 1]):
        return  # "has repeatedly said": an auxiliary and adverbs belong to the cue
    if not any(t.pos_ in ("NOUN", "PROPN") for t in doc[span.start : span.end - 1]):
        return
    top = doc[span.start]
    while top.head.i != top.i and top.head.i < verb.i:
        top = top.head
    if top.head.i != top.i and top.dep_ not in ("nsubj", "nsubjpass"):
        return  # "on Tuesday denied": words hung on the verb are no part of its subject
    lo = min([top.left_edge.i] + [s.start for s in g.source])
    if any(s.end > span.start for s in g.source) or lo > span.start:
        return
    g.source = [TokenSpan("source", lo, verb.i, max([s.score for s in g.source] + [span.score]))]
    g.cue = [TokenSpan("cue", verb.i, verb.i + 1, span.score)]

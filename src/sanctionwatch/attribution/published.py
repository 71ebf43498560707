"""A document an outlet publishes speaks for its author: "KCNA published a statement by the ministry rejecting X"."""

from __future__ import annotations

from spacy.tokens import Token

from ..read import Block
from .draft import Draft, span_chars
from .phrases import noun_phrase


def _document_author(noun: Token) -> list[Token] | None:
    """The tokens naming who wrote a document noun: "a statement by the ministry", "a statement from X",
    "the ministry's statement", "another Kim Yo Jong statement" (a name set before the noun)."""
    for c in noun.children:
        if c.dep_ == "poss":
            return [t for t in noun_phrase(c) if t.dep_ != "case"]
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return noun_phrase(pobj)
    names = [t for t in noun.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if names:
        lo = min(t.left_edge.i for t in names)
        return [t for t in noun.doc[lo : noun.i] if t.pos_ == "PROPN" or t.dep_ == "compound"]
    return None


def carried_statement(text: str, block: Block, d: Draft, documents: frozenset[str], speech: frozenset[str]) -> None:
    """ "KCNA published a statement by the ministry rejecting X", "KCNA carried another Kim Yo Jong statement
    criticizing Y": an outlet that publishes a document only carries it; the author speaks, with the participle
    the document hangs on as the cue (the tagger took the whole stretch for the outlet's cue)."""
    inside = {t.i for t in d.cue_tokens}
    noun = next((t for t in d.cue_tokens if t.lemma_.lower() in documents and t.pos_ == "NOUN"), None)
    if noun is None:
        return
    part = next((t for t in d.cue_tokens if t.tag_ == "VBG" and t.dep_ == "acl" and t.head.i == noun.i
                 and t.lemma_.lower() in speech), None)
    author = _document_author(noun) if part is not None else None
    if not author or any(t.i not in inside for t in author):
        return  # only a stretch the tagger took whole for the outlet's cue
    doc = block.doc
    d.cue, d.cue_tokens = [span_chars(text, block.start, doc, part.i, part.i + 1)], [part]
    d.source, d.source_tokens = [span_chars(text, block.start, doc, author[0].i, author[-1].i + 1)], list(author)

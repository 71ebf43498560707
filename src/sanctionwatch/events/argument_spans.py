"""The span and entity of an event argument, read from its head token in the dependency tree.

Shared by the argument finders (arguments.py) and the repairs that add or move arguments (agents.py,
places.py, relatives.py, appositions.py, abroad.py, nominal.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Token

from ..actors import entity_at
from ..model import Argument, Entity
from .taxonomy import Taxonomy


def np_span(tok: Token) -> tuple[int, int]:
    """Character span (block-relative) of a noun phrase core: the token with its compounds, modifiers and name parts."""
    left, right = tok.i, tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.tag_ == "VBZ":
                continue  # a finite verb is no part of a noun phrase ("North Korea fires ballistic missile")
            # ("a North Korean-registered tanker": the flag state before the hyphen is part of the phrase)
            if c.dep_ in ("compound", "amod", "nmod", "flat") or (c.dep_ == "punct" and c.text == "-" and left <= c.i <= right + 1) or (c.dep_ == "poss" and c.tag_ == "NNP") or (
                    c.dep_ == "npadvmod" and t.dep_ == "amod" and c.i + 2 == t.i and c.nbor(1).text == "-"):
                left, right = min(left, c.i), max(right, c.i)
                stack.append(c)
    doc = tok.doc
    if tok.pos_ == "PROPN":
        # the rest of the name: its number ("Bureau 121", "the tanker Sam Ma 2") and an "of" phrase inside the
        # same named entity ("the Sea of Japan", "the Bank of Bangladesh"); "Kim of North Korea" is two names
        for c in tok.children:
            if c.dep_ == "nummod" and c.i == right + 1 and c.like_num:
                right = c.i
            elif (c.dep_ == "prep" and c.lower_ == "of" and c.i == right + 1 and tok.ent_iob_ != "O"
                  and all(doc[k].ent_iob_ == "I" for k in range(c.i, c.right_edge.i + 1))):
                right = c.right_edge.i
    # keep the span contiguous and never start on a hyphen
    while left < tok.i and doc[left].is_punct:
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def climb_compound(tok: Token) -> Token:
    while tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


@dataclass(slots=True)
class ArgumentContext:
    text: str
    base: int
    entities: Sequence[Entity]
    tax: Taxonomy


_PLACE_ROLES = frozenset({"location", "origin", "destination"})


def place_class_names(ctx: ArgumentContext, tok: Token) -> list[Token]:
    """The objects of the "of" phrase that names a place-class noun ("the city of Hunchun"); none for other nouns."""
    if tok.lemma_.lower() not in ctx.tax.modality.get("place_class_nouns", ()):
        return []
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def argument_at(ctx: ArgumentContext, role: str, tok: Token, whole_np: bool = True) -> Argument:
    """The argument whose head is ``tok``: its noun phrase, or the actor mention inside it, with the entity."""
    if role in _PLACE_ROLES:
        # "in the city of Hunchun": the place is the name
        tok = next((o for o in place_class_names(ctx, tok) if o.pos_ == "PROPN"), tok)
    s, e = np_span(tok) if whole_np else (tok.idx, tok.idx + len(tok))
    s, e = ctx.base + s, ctx.base + e
    ent = entity_at(ctx.entities, s, e)
    if ent is not None:
        # an actor argument is the actor mention itself when it lies inside the phrase
        for m in ent.mentions:
            if m.start >= s and m.end <= e and m.start <= ctx.base + tok.idx < m.end:
                if ctx.text[m.end:e].strip().isdigit():
                    break  # the tagger left the number out of the name ("Department 53"): the name is the phrase
                s, e = m.start, m.end
                break
    return Argument(role, s, e, ctx.text[s:e], ent.id if ent else None)


_NATIONALITY_LABELS = frozenset({"NORP", "GPE"})


def nationality(ctx: ArgumentContext, head: Token) -> tuple[int, int, str, str | None] | None:
    """The nationality modifier of a noun phrase ("North Korean coal" -> "North Korean"), with its entity."""
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i and c.ent_type_ in _NATIONALITY_LABELS]
    if not mods:
        return None
    toks = sorted({t.i for m in mods for t in m.subtree if t.ent_type_ in _NATIONALITY_LABELS})
    left, right = head.doc[toks[0]], head.doc[toks[-1]]
    s, e = ctx.base + left.idx, ctx.base + right.idx + len(right)
    ent = entity_at(ctx.entities, s, e)
    return s, e, ctx.text[s:e], ent.id if ent else None


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def place_like(ctx: ArgumentContext, tok: Token) -> bool:
    """Whether a prepositional object can be an actor or place ("to Russia", "into the sea"), not "in addition"."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _PLACE_LABELS or tok.lemma_.lower() in ctx.tax.places:
        return True
    at = ctx.base + tok.idx
    return entity_at(ctx.entities, at, at + len(tok)) is not None


# actor types that are never the goods of an event's "with"/"of" phrase
_ACTOR_TYPES = frozenset({"country", "government_body", "intelligence", "armed_forces", "organisation", "media", "person", "group"})


def an_actor(ctx: ArgumentContext, tok: Token) -> bool:
    at = ctx.base + tok.idx
    ent = entity_at(ctx.entities, at, at + len(tok))
    return ent is not None and ent.type in _ACTOR_TYPES

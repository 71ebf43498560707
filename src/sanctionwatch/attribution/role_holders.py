"""The person who holds the role a source phrase names, where the parse hides the name from the role noun.

Agency copy calqued from Russian or Japanese writes the title first and the name last, with no comma:

* "The permanent representative at the world body Jane Roe said ...": the small model reads the name as a second
  subject of the verb, beside the role noun, so the name is not in the role noun's phrase at all;
* "The representative of Russia Jane Roe noted ...": the name is read as the object of "of", like the sister in
  "the sister of Kim"; but the country right before it is the role's side, and the name the holder.

A kinship or role noun between the country and the name ("the sister of North Korean leader Kim") keeps the name
the object of "of": only capitalised name words may stand between the country and the person.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import Entity
from .discourse import Discourse

__all__ = ["second_subject_holder", "holder_after_country"]

_SUBJECTS = ("nsubj", "nsubjpass")
# between a country and the person named after it: only the name words the entity linker left out ("Vasily")
_NAME_GAP = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){0,2}")


def _span(base: int, tok: Token) -> tuple[int, int]:
    return base + tok.idx, base + tok.idx + len(tok.text)


def _person_at(dis: Discourse, base: int, tok: Token) -> Entity | None:
    m = dis.mention_at(*_span(base, tok))
    return m.entity if m is not None and m.entity.type.lower() == "person" else None


def second_subject_holder(dis: Discourse, base: int, head: Token) -> Entity | None:
    """ "The permanent representative at the world body Jane Roe said": the person whose name follows the role
    noun's phrase as a second subject of the same verb."""
    if head.dep_ not in _SUBJECTS:
        return None
    after = max(t.i for t in head.subtree) + 1
    if after >= len(head.doc) or head.doc[after].pos_ != "PROPN":
        return None
    name = head.doc[after]
    # the first word of the name hangs on its last ("Jane" -> "Roe"): climb to the name's head
    while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head
    if name.dep_ not in _SUBJECTS or name.head.i != head.head.i:
        return None
    return _person_at(dis, base, name)


def holder_after_country(dis: Discourse, base: int, head: Token, role_words: frozenset[str]) -> tuple[Entity, Entity] | None:
    """ "The representative of Russia Jane Roe": (the person, the country) when the person's name follows the
    country right away in the "of" phrase of the role noun (a capitalised title between them, "of North Korean
    Leader Kim", is another role: its holder is not this one's)."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            person = dis.mention_at(*_span(base, obj))
            if person is None or person.entity.type.lower() != "person":
                continue
            for t in obj.subtree:
                country = dis.mention_at(*_span(base, t))
                if country is None or country.entity.type != "country" or country.end > person.start:
                    continue
                gap = _NAME_GAP.fullmatch(dis.text, country.end, person.start)
                if gap is not None and not set(gap.group().lower().split()) & role_words:
                    return person.entity, country.entity
    return None

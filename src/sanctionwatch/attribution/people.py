"""A country's name standing for one of its people: "a North Korean who fled", "an American said"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import Entity

__all__ = ["one_of_its_people", "named_in_apposition"]

_SLUG = re.compile(r"[^a-z0-9]+")
# a personal name the entity linker missed: two to four capitalised words ("Ri Song Chol")
_NAME_WORDS = (2, 4)

# an indefinite article counts one of many ("a North Korean"); a country is never counted so
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# a relative pronoun only people take ("North Koreans who fled"; a state takes "which")
_PERSON_RELATIVES = frozenset({"who", "whom", "whose"})


def one_of_its_people(head: Token) -> bool:
    """Whether a noun the entity linker read as a country names a person (or people) of that country."""
    if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children):
        return True
    return any(c.dep_ == "relcl" and any(g.lower_ in _PERSON_RELATIVES for g in c.children) for c in head.children)


def named_in_apposition(head: Token, person_nouns: frozenset[str]) -> Entity | None:
    """ "Ri Song Chol, the mission's counselor, told ...": a capitalised name the entity linker missed, with a
    person noun in apposition, is that person (a document-local id the pronouns after it can resolve to)."""
    if head.pos_ != "PROPN" or not any(c.dep_ == "appos" and c.lemma_.lower() in person_nouns for c in head.children):
        return None
    words = [c for c in head.lefts if c.dep_ == "compound"] + [head]
    if not _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] or words[-1].i - words[0].i + 1 != len(words):
        return None
    if not all(w.pos_ == "PROPN" and w.is_alpha and w.text[:1].isupper() for w in words):
        return None
    name = " ".join(w.text for w in words)
    return Entity(f"local:{_SLUG.sub('-', name.lower()).strip('-')}", name, "person")

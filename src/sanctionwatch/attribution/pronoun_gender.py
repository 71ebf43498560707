"""A gendered pronoun agrees with its antecedent: "she" once meant the US envoy, so "he" in the next paragraph
is someone else ("... she added. Echoing China, North Korea's envoy Jane Roe's counterpart John Doe, he said:").

The gender of a person is known only from the text: a "he" or "she" already resolved to them, or the honorific
before their name ("Mr.", "Ms.").  Nothing is guessed from first names.  A pronoun whose usual antecedent (the
speaker who has the floor) is known to be of the other gender goes to the nearest person named before it whose
gender does not clash.
"""

from __future__ import annotations

import re

from ..model import Entity
from .discourse import Discourse

__all__ = ["pronoun_gender", "clashes", "remember", "agreeing_person_before", "seed_honorifics"]

_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_HONORIFIC = re.compile(r"\b(?:(Mr|Mister)|(Mrs|Ms|Miss|Madam|Madame))\.?\s+$")


def pronoun_gender(pronoun: str) -> str | None:
    return _GENDER.get(pronoun.lower())


def clashes(dis: Discourse, entity: Entity | None, pronoun: str) -> bool:
    """Whether the text already gave this person the other gender."""
    gender = pronoun_gender(pronoun)
    known = dis.genders.get(entity.id) if entity is not None else None
    return gender is not None and known is not None and known != gender


def remember(dis: Discourse, entity: Entity | None, pronoun: str) -> None:
    """A person a gendered pronoun resolved to has that gender from now on (the first reading stays)."""
    gender = pronoun_gender(pronoun)
    if gender is not None and entity is not None and entity.type.lower() == "person":
        dis.genders.setdefault(entity.id, gender)


def agreeing_person_before(dis: Discourse, before: int, pronoun: str) -> Entity | None:
    """The nearest person named before, outside quotations and longer names, whose gender does not clash."""
    for m in reversed(dis.mentions):
        if m.end > before or dis.in_quote(m.start, m.end) or dis.inside_name(m):
            continue
        if m.entity.type.lower() == "person" and not clashes(dis, m.entity, pronoun):
            return m.entity
    return None


def seed_honorifics(dis: Discourse) -> None:
    """ "Mr. Roe", "Ms. Roe": the honorific before a person's name gives their gender."""
    for m in dis.mentions:
        if m.entity.type.lower() != "person":
            continue
        hit = _HONORIFIC.search(dis.text, max(0, m.start - 10), m.start)
        if hit is not None:
            dis.genders.setdefault(m.entity.id, "m" if hit.group(1) else "f")

"""A body met again by the head noun of its name: "the UN Panel of Experts ... The panel learned that ...", "the
Security Council ... the council said".

A definite body noun with no modifier of its own ("the panel", "the committee") is the nearest body named before,
outside quotations, whose name has that noun at its head: the word before "of" ("Panel of Experts"), or the last word
("Security Council").  A person, a country or a place is never such a body, and a name whose head is another noun
does not count ("the panel" is not "the Panel's coordinator"), nor a bare noun the NER took for a name.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Entity
from .discourse import Discourse

__all__ = ["named_body_before"]

_NOT_BODIES = frozenset({"person", "country", "place"})


def _name_head(name: str) -> str:
    words = name.split(" of ", 1)[0].split()
    return words[-1].lower().strip("’'s.,") if words else ""


def named_body_before(dis: Discourse, at: int, head: Token) -> Entity | None:
    """The body the page named whose name's head is this definite, unmodified noun (see above)."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(c.dep_ in ("amod", "compound", "nmod", "poss", "prep") for c in head.children):
        return None
    lemma, low = head.lemma_.lower(), head.lower_
    for m in reversed(dis.mentions):
        if m.end > at or dis.in_quote(m.start, m.end) or m.entity.type in _NOT_BODIES:
            continue
        name = dis.text[m.start : m.end]
        word = _name_head(name)
        if " " not in name.strip():
            continue  # "the 15-member Council": the bare noun the NER took for a name is no name
        if word and word in (lemma, low, lemma + "s"):
            return m.entity
    return None

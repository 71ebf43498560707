"""Resolve a source span to an actor id using the actors stage's entities.

A source that overlaps an entity mention is that entity.  A pronoun ("he",
"she", "they") or a definite description of a person ("the official", "the
powerful sister") keeps its own span as the source, and its id is the
nearest fitting entity mentioned before it.  Overlap lookup is the actors
stage's ``entity_at``.
"""

from __future__ import annotations

from typing import Sequence

from ..actors import entity_at
from ..model import Entity, Fragment
from .lexicon import Lexicon

PERSON_TYPES = frozenset({"person", "per", "people"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _is_person(ent: Entity) -> bool:
    return ent.type.lower() in PERSON_TYPES


def _antecedent(entities: Sequence[Entity], before: int, want: str) -> Entity | None:
    best, best_end = None, -1
    for ent in entities:
        if want == "person" and not _is_person(ent):
            continue
        if want == "org" and _is_person(ent):
            continue
        for m in ent.mentions:
            if m.end <= before and m.end > best_end:
                best, best_end = ent, m.end
    return best


def _head_words(words: list[str]) -> list[str]:
    """The words of a description before its first modifier ("the powerful sister [of ...]")."""
    out = []
    for w in words:
        if w in ("of", "from", "at", "in", "for", "who", "which", "that") or w.endswith(","):
            out.append(w.rstrip(","))
            break
        out.append(w)
    return out


def resolve_source(text: str, source: Sequence[Fragment], entities: Sequence[Entity] | None, lex: Lexicon) -> str | None:
    if not source or not entities:
        return None
    start, end = source[0].start, source[-1].end
    words = text[start:end].lower().split()
    if len(words) == 1 and words[0] in lex.pronouns:
        target = _antecedent(entities, start, lex.pronouns[words[0]])
        return target.id if target else None
    hit = entity_at(entities, start, end)
    if hit is not None and _names_the_source(hit, start, end):
        return hit.id
    head = _head_words(words)
    if words and words[0] in DETERMINERS and any(w.strip(",.") in lex.person_nouns for w in head):
        # "the powerful sister of leader Kim Jong-un": the sister, not the leader named inside
        target = _antecedent(entities, start, "person")
        return target.id if target else None
    return hit.id if hit is not None else None


def _names_the_source(ent: Entity, start: int, end: int) -> bool:
    """A mention names the source when it opens the span (after a short determiner) or covers most of it."""
    for m in ent.mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > 0 and (m.start <= start + 4 or overlap * 2 >= end - start):
            return True
    return False

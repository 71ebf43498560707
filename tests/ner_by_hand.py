"""Entity resolution over a parse whose NER output a test sets by hand, so a case states what a (mis)labelling
NER produced, independent of the model."""

from __future__ import annotations

from sanctionwatch.actors import ActorTable, resolve_entities
from sanctionwatch.model import Entity
from sanctionwatch.read import parse as read_parse


def set_ents(parsed, spans: list[tuple[str, str]]) -> None:
    """Replace spaCy's NER output: (surface, label) at its first occurrence after the previous one."""
    block = parsed.blocks[0]
    ents = []
    after = 0
    for surface, label in spans:
        start = block.doc.text.index(surface, after)
        after = start + len(surface)
        span = block.doc.char_span(start, start + len(surface), label=label, alignment_mode="strict")
        assert span is not None, surface
        ents.append(span)
    block.doc.ents = ents


def entities_of(nlp, text: str, table: ActorTable, ents: list[tuple[str, str]] | None = None) -> list[Entity]:
    """The resolved entities of ``text`` (with ``ents`` as the NER's spans when given); every offset checked."""
    parsed = read_parse(nlp, text)
    if ents is not None:
        assert len(parsed.blocks) == 1
        set_ents(parsed, ents)
    entities = resolve_entities(parsed, table)
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text, (e.id, m)
    return entities


def owner(entities: list[Entity], text: str, surface: str) -> str | None:
    """Id of the entity holding a mention exactly over the first occurrence of surface."""
    pos = text.index(surface)
    for e in entities:
        for m in e.mentions:
            if (m.start, m.end) == (pos, pos + len(surface)):
                return e.id
    return None


def ids_at(entities: list[Entity], text: str, surface: str, nth: int = 0) -> set[str]:
    """Ids of the entities with a mention overlapping the nth occurrence of surface."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return {e.id for e in entities for m in e.mentions if m.start < pos + len(surface) and pos < m.end}

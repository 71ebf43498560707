"""Which side a person speaks for, read off the words right before their name.

An attribution's affiliation decides whose evidence it is: "the Russian diplomat" may be the last person named
only if the text put that person on Russia's side, or a diplomat of another side would take their words.
"""

from __future__ import annotations

from typing import Mapping, Protocol, Sequence

from ..model import Entity

__all__ = ["person_sides"]


class Placed(Protocol):
    """An entity mention in reading order (the speaker module's discourse mentions)."""

    start: int
    end: int
    entity: Entity


def person_sides(text: str, mentions: Sequence[Placed], names: Mapping[str, Entity]) -> dict[str, str]:
    """Person id -> country id where a country, or a body named after it, stands right before the person with
    only title words between: "North Korean leader Kim Jong Un", "U.S. Ambassador Jane Roe", "Russian Foreign
    Ministry spokeswoman Jane Roe" (the body's first word names the country)."""
    sides: dict[str, str] = {}
    for prev, m in zip(mentions, mentions[1:]):
        gap = text[prev.end : m.start]
        if m.entity.type != "person" or len(gap) > 40 or any(ch in gap for ch in ",.;:()\n") or len(gap.split()) > 3:
            continue
        country: Entity | None = prev.entity if prev.entity.type == "country" else None
        if country is None and prev.entity.type in _STATE_BODY_TYPES:
            first = names.get(text[prev.start : prev.end].split()[0].lower())
            country = first if first is not None and first.type == "country" else None
        if country is not None:
            sides.setdefault(m.entity.id, country.id)
    return sides


_STATE_BODY_TYPES = frozenset({"government_body", "intelligence", "armed_forces"})

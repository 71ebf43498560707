"""Which side a person speaks for, read off the words right before their name; and whose statement a document
is, read off its header ("Statement by Ambassador Jane Roe following the vote").

An attribution's affiliation decides whose evidence it is: "the Russian diplomat" may be the last person named
only if the text put that person on Russia's side, or a diplomat of another side would take their words.
"""

from __future__ import annotations

import re
from typing import Mapping, Protocol, Sequence

from ..model import Entity

__all__ = ["header_author", "header_span", "person_sides"]


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
# what a header may name besides its author: a place, a country the title names ("US Ambassador ..."), an outlet
_NO_AUTHOR_TYPES = frozenset({"country", "place", "media", "date", "event"})


# a header line naming the one who speaks in the document: "Statement by ...", "Remarks of ...", "Address by ..."
# (and a transcript's: "Foreign Ministry Spokesperson Jane Roe's Regular Press Conference on May 2, 2016", whose
# answers are hers)
_HEADER = re.compile(r"(?im)^[ \t]*(?:(?:press |joint )?(?:statement|remarks|speech|address|message|letter|briefing)s?"
                     r"\s+(?:by|of|from)\s+(?P<who>[^\n]{3,200})"
                     r"|(?P<host>[^\n]{3,120}?)['’]s\s+(?:regular\s+|daily\s+)?(?:press\s+conference|press\s+briefing|briefing)\b[^\n]{0,60})$")
HEADER_WINDOW = 600


def header_span(text: str) -> tuple[int, int] | None:
    """Where a header near the top names the statement's speaker or the briefing's host; None without one."""
    m = _HEADER.search(text, 0, HEADER_WINDOW)
    if m is None:
        return None
    return m.span("who") if m.group("who") else m.span("host")


def header_author(text: str, mentions: Sequence[Placed]) -> Entity | None:
    """The person a header near the top names as the statement's speaker (or, with no person named, the body
    the speaker speaks for); None without such a header."""
    span = header_span(text)
    if span is None:
        return None
    lo, hi = span
    inside = [p.entity for p in mentions if lo <= p.start and p.end <= hi]
    person = next((e for e in inside if e.type.lower() == "person"), None)
    # "Foreign Ministry Spokesperson's Regular Press Conference" (or a name the NER missed): the body the
    # spokesperson speaks for is the author, as an unnamed spokesperson's words are the body's elsewhere
    return person or next((e for e in inside if e.type.lower() not in _NO_AUTHOR_TYPES), None)

"""A place named inside another actor's name: "South Korea's spy agency" also mentions South Korea.

The alias pass takes the longest alias, so "South Korea's National Intelligence Service" is one mention
of the agency and the country it names is not mentioned there at all; the NER does the same with a
span such as "Ukraine's Security Service".  A second, inner mention of the place over the possessor
keeps both: the longer mention still wins where a span is resolved to one entity (entity_at prefers
the longest mention), and "South Korea" there is South Korea.
"""

from __future__ import annotations

import re
from typing import Iterable

from .table import PLACE_TYPES, Actor, ActorTable

# One to four capitalised words and a possessive, then the rest of the name.
_POSSESSOR = re.compile(r"(?P<owner>[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3})[’']s[ \t]+\S")


def possessor_places(text: str, spans: Iterable[tuple[int, int]], table: ActorTable) -> list[tuple[Actor, int, int]]:
    """(place actor, start, end) for each span that opens with a known place in the possessive."""
    out = []
    for start, end in spans:
        m = _POSSESSOR.match(text, start, end)
        if m is None:
            continue
        actor = table.lookup(m.group("owner"))
        if actor is not None and actor.type in PLACE_TYPES:
            out.append((actor, start, m.end("owner")))
    return out

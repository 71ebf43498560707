"""A place named inside another actor's name: "South Korea's spy agency", "DPRK Foreign Ministry".

The alias pass takes the longest alias, so "South Korea's National Intelligence Service" is one mention
of the agency and the country it names is not mentioned there at all; "DPRK Foreign Ministry" is one
mention of the ministry.  A second, inner mention of the place over the possessor or the leading name
keeps both: the longer mention still wins where a span is resolved to one entity (entity_at prefers
the longest mention), and "South Korea" there is South Korea.
"""

from __future__ import annotations

import re
from typing import Iterable

from .table import PLACE_TYPES, Actor, ActorTable

_WORD = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"[’']s$")
# a country adjective in front describes the actor ("Russian Financial Society"): no mention of the country
_DEMONYM = re.compile(r"(?:ian|ean|can|ese|ish)$")
MAX_PLACE_WORDS = 4
# the bodies of a state, whose leading place name says whose they are ("DPRK Foreign Ministry")
STATE_BODY_TYPES = frozenset({"government_body", "armed_forces", "intelligence"})


def inner_places(text: str, spans: Iterable[tuple[int, int, str]], table: ActorTable) -> list[tuple[Actor, int, int]]:
    """(place actor, start, end) for each (start, end, actor id) span that opens with a place other than that
    actor: the longest run of leading words that names one, in the possessive ("Russia's Security Council")
    or, for a body of the state, before a capitalised rest of the name ("DPRK Foreign Ministry"; not "South
    Korean spy agency", nor the adjective of "Russian Financial Society", nor "The Washington Post")."""
    out = []
    for start, end, actor_id in spans:
        if not text[start : start + 1].isupper():
            continue
        own = table.get(actor_id)
        actor_type = own.type if own is not None else None
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        for n in range(min(MAX_PLACE_WORDS, len(words) - 1), 0, -1):
            lead_end = words[n - 1][1]
            possessive = _POSSESSIVE.search(text, start, lead_end) is not None
            if not possessive and (actor_type not in STATE_BODY_TYPES or not text[words[n][0]].isupper()):
                continue  # a place leading the name of a paper or a firm ("Washington Post") is part of a name
            owner_end = lead_end - 2 if possessive else lead_end
            if not possessive and _DEMONYM.search(text, start, owner_end):
                continue
            actor = table.lookup(text[start:owner_end])
            if actor is not None and actor.type in PLACE_TYPES and actor.id != actor_id:
                out.append((actor, start, owner_end))
                break
    return out

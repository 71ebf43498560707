""""The country" in a state's own statement is that state.

A country anaphor ("the country", "the nation") is otherwise resolved to the country last named before it
(:mod:`.agents`), which in a report's background is often another one ("The talks were held in Beijing.
State radio said the country had fired a rocket" would give the rocket to China).  In the
content of what a state, or its own media or ministry (``state_media``: KCNA for the DPRK), says, the
country it speaks of without naming it is itself.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Argument, Attribution
from .argument_spans import ArgumentContext


def _speaker_state(attribution: Attribution, state_media: frozenset[str], states: frozenset[str]) -> str | None:
    source = attribution.source_entity
    if source is None:
        return None
    if source in states:
        return source
    return next((pair.split("=", 1)[1] for pair in state_media if pair.split("=", 1)[0] == source), None)


def speaker_country(ctx: ArgumentContext, args: list[Argument], attributions: Sequence[Attribution],
                    att: int | None) -> list[Argument]:
    """``args`` with a country anaphor agent inside a state's (or its own media's) statement resolved to
    that state."""
    if att is None:
        return args
    mod = ctx.tax.modality
    nouns = frozenset(mod.get("speaker_country_nouns", ()))
    states = frozenset(e.id for e in ctx.entities if e.type == "country")
    state = _speaker_state(attributions[att], frozenset(mod.get("state_media", ())), states)
    if state is None:
        return args
    out = []
    for a in args:
        # the bare noun, as the anaphor is given ("country"), or with its article
        words = [w for w in a.text.casefold().split() if w != "the"]
        if a.role == "agent" and len(words) == 1 and words[0] in nouns:
            a = Argument(a.role, a.start, a.end, a.text, state)
        out.append(a)
    return out

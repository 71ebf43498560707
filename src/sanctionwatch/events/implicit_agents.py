"""Agents an event takes from the act it continues, when its own clause names none.

A state's acts are often told without its name in the clause: "The missile was launched from a site near
the border", "followed by cruise missile launches on Saturday".  The reader takes the agent from the act
told just before, in two narrow cases only (a wrong agent is worse than none):

* the same act told again: an event of the same type in the same or the previous sentence, with the same
  time (as :mod:`.discourse_time` or its own clause set it) and no other count;
* a further act in the same sentence joined by a word of continuation ("X fired two missiles on Wednesday,
  followed by cruise missile launches on Saturday", data/implicit_agents.yaml).

The agent argument is the earlier event's own (its span and actor), as a back reference shares its actors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Event
from ..resources import package_yaml
from .discourse_time import adjacent

_UNREAL = frozenset({"hypothetical", "negated", "denied"})


@lru_cache(maxsize=1)
def _continuation() -> re.Pattern[str]:
    words = sorted(package_yaml("implicit_agents.yaml")["continuations"], key=len, reverse=True)
    return re.compile(r"^\W*(?:" + "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in words) + r")\b", re.I)


def implicit_agents(events: list[Event], text: str) -> list[Event]:
    """``events`` (in document order), an agentless one given the agent of the act it continues."""
    for i, e in enumerate(events):
        if e.sentence is None or e.modality in _UNREAL or any(a.role == "agent" for a in e.arguments):
            continue
        before = [p for p in events[:i] if p.type == e.type and p.sentence is not None and p.modality not in _UNREAL
                  and p.trigger.start < e.trigger.start]
        if not before:
            continue
        p = before[-1]
        agents = [a for a in p.arguments if a.role == "agent" and a.entity]
        if not agents or not (_same_act(p, e, text) or _continues(p, e, text)):
            continue
        e.arguments = list(e.arguments) + agents
    return events


def _same_act(p: Event, e: Event, text: str) -> bool:
    same_time = (p.time is not None and e.time is not None and p.time.anchored
                 and (p.time.start, p.time.end) == (e.time.start, e.time.end))
    counts_agree = p.quantity is None or e.quantity is None or p.quantity.value == e.quantity.value
    return adjacent(p, e, text) and same_time and counts_agree


def _continues(p: Event, e: Event, text: str) -> bool:
    """"..., followed by launches": the words after the earlier act's clause, up to the trigger, open with a
    continuation, and name no one else (a capitalised word between could be another actor)."""
    if p.sentence.start != e.sentence.start:
        return False
    end = max([a.end for a in p.arguments if a.start >= p.trigger.start] + [p.trigger.end])
    gap = text[end:e.trigger.start]
    if end > e.trigger.start or not _continuation().search(gap):
        return False
    return not re.search(r"\b[A-Z][a-z]", gap)

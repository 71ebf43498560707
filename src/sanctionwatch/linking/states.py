"""The state an actor acts for: its ministries, forces, agencies and officials are that state's parties.

Two sources: the ``part_of`` table of data/linking.yaml (named bodies: "dprk-mnd", "kpa", "fbi"), and
the ids the attribution makes for a body it finds only as a description of a country's organ ("North
Korea's military", "Japan's defence ministry"): ``<country id>-<words>`` (``prk-military``,
``jpn-defence-ministry``).  Such an id has no entry of its own, yet it is as much the state's party as
the named bodies are, so "North Korea denied" and "North Korea's military denied" agree.
"""

from __future__ import annotations

from functools import lru_cache

from ..actors import load_actor_table
from .settings import rules


@lru_cache(maxsize=4096)
def acting_state(actor_id: str) -> str | None:
    """The state ``actor_id`` acts for, or None (a state itself, a person or body of no known state)."""
    state = rules().state_of.get(actor_id)
    if state is not None:
        return state
    head, dash, rest = actor_id.partition("-")
    if not dash or not rest or actor_id.startswith("local:") or load_actor_table().get(actor_id) is not None:
        return None
    actor = load_actor_table().get(head)
    return head if actor is not None and actor.type == "country" else None

"""Named victims of one-victim acts (``single_incident_types``: a theft from one exchange; and the named
things of ``named_target_types``: a vessel seized): whether two reports name the same victim, a different
one, or leave it open."""

from __future__ import annotations

import re
from functools import lru_cache

from ..actors import load_actor_table
from ..model import Event
from .settings import rules

_VICTIM_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # an actor id's words (ids join them with "-")


def _victim_words(event: Event, states: bool = True) -> list[frozenset[str]]:
    # "Sony Corp." and "Sony Pictures Entertainment" are one victim: a company's legal form
    # (``corporate_designators``) is no word of its name
    legal = rules().corporate_designators
    return [frozenset(w for w in _VICTIM_WORD.findall(arg.entity.removeprefix("local:")) if len(w) > 1 and w not in legal)
            for arg in event.arguments if arg.role == "target" and arg.entity and (states or not _is_state(arg.entity))]


@lru_cache(maxsize=4096)
def _is_state(actor_id: str) -> bool:
    if actor_id in rules().state_of.values():
        return True
    actor = load_actor_table().get(actor_id)
    return actor is not None and actor.type == "country"


def _squashed(event: Event) -> frozenset[str]:
    """Each named victim's letters without the breaks between its words: one romanised name is written
    whole, spaced or hyphenated by different outlets ("Sunbird", "Sun Bird", "SUN-BIRD"), which word by
    word share nothing."""
    return frozenset("".join(_VICTIM_WORD.findall(arg.entity.removeprefix("local:"))).replace("_", "")
                     for arg in event.arguments
                     if arg.role == "target" and arg.entity and not _is_state(arg.entity))


def _phrase_words(event: Event) -> list[frozenset[str]]:
    """The words of the phrase each named victim is given by ("Plover's Kestrel bridge" for the Kestrel)."""
    return [frozenset(w.casefold() for w in _VICTIM_WORD.findall(arg.text) if len(w) > 1)
            for arg in event.arguments if arg.role == "target" and arg.entity]


def _within_phrases(names: list[frozenset[str]], other: Event) -> bool:
    """A victim named as a word of the other's phrase: its owner or its product ("Plover" and "Plover's
    Kestrel bridge" are one victim, whichever the entity recognition made the name of)."""
    return any(n and n <= p for n in names for p in _phrase_words(other))


def victim_names(event: Event) -> list[frozenset[str]]:
    """The words of each named victim (a target argument resolved to an actor, local or canonical)."""
    return _victim_words(event)


def specific_victims(event: Event) -> list[frozenset[str]]:
    """The named victims that are not whole states ("stole from South Korea" names no one incident)."""
    return [n for n in _victim_words(event, states=False) if n]


def one_victim_acts(a: Event, b: Event) -> bool:
    """Both are acts done to one victim (``single_incident_types``: a theft from one exchange) or to one
    named thing (``named_target_types``: a vessel seized)."""
    single = rules().single_incident_types | rules().named_target_types
    return a.type in single and b.type in single


def _alike(x: frozenset[str], y: frozenset[str]) -> bool:
    return x <= y or y <= x


def victims_agree(a: Event, b: Event) -> bool:
    """Both are acts with one victim and name it alike ("Harbourcoin", "Harbourcoin's hot wallet").  A
    state named as the victim ("stole from South Korea") is too broad to tell one incident by."""
    if not one_victim_acts(a, b):
        return False
    va, vb = specific_victims(a), specific_victims(b)
    return (any(_alike(x, y) for x in va for y in vb) or bool(_squashed(a) & _squashed(b))
            or (bool(va and vb) and (_within_phrases(va, b) or _within_phrases(vb, a))))


def victims_conflict(a: Event, b: Event) -> bool:
    """Both are acts with one victim (``single_incident_types``) and name victims, none alike on both sides.

    Names are alike when one's words hold the other's ("Bybit", "Bybit's Ethereum wallet").  A victim
    described but not named ("a crypto exchange") is no evidence either way; a state named as the victim
    disagrees only with another state."""
    if not one_victim_acts(a, b):
        return False
    va, vb = specific_victims(a), specific_victims(b)
    if not va or not vb:
        # A whole state as the victim is most often the victim's country read as the victim ("a Japanese
        # exchange", "stole from South Korea"): it disagrees only with another state, never with a named
        # exchange, which may well be in that country.
        if va or vb:
            return False
        va, vb = [n for n in victim_names(a) if n], [n for n in victim_names(b) if n]
    return (bool(va and vb) and not any(_alike(x, y) for x in va for y in vb) and not (_squashed(a) & _squashed(b))
            and not _within_phrases(va, b) and not _within_phrases(vb, a))

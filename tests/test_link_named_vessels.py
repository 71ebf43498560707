"""A vessel seized or detained is told by its name (data/linking.yaml ``named_target_types``), however
outlets space or hyphenate a romanised name.

Events written for these tests (invented vessel names)."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.evidence import SHARED_VICTIM_SCORE, actor_score
from sanctionwatch.linking.victims import victims_agree, victims_conflict
from sanctionwatch.model import Argument, Event, Fragment


def _ev(type_: str = "seizure", *, agent: str | None = None, agent_text: str | None = None,
        targets: tuple[str, ...] = ()) -> Event:
    args = []
    if agent:
        args.append(Argument("agent", 0, 1, agent, agent))
    if agent_text:  # a party described, not resolved to an actor ("the authorities")
        args.append(Argument("agent", 0, len(agent_text), agent_text))
    args += [Argument("target", 0, 1, t, t) for t in targets]
    return Event(type_, Fragment(0, 1, "x"), args)


@pytest.mark.parametrize("a, b, agree, conflict", [
    ("local:sunbird", "local:sun-bird", True, False),  # written whole and spaced
    ("local:kestrel-star", "local:kestrelstar", True, False),
    ("local:kestrel-star", "local:kestrel-star-no-3", True, False),  # a longer form of the name
    ("local:sunbird", "local:kestrel-star", False, True),  # two ships
    ("local:sun-bird", "local:sun-dragon", False, True),  # sharing a word is not sharing the name
])
def test_named_vessels_of_one_seizure(a, b, agree, conflict):
    x, y = _ev(targets=(a,)), _ev(targets=(b,))
    assert victims_agree(x, y) == agree
    assert victims_conflict(x, y) == conflict


def test_one_vessel_named_ties_reports_whose_agents_are_only_described():
    # "the authorities seized the Sun Bird" and "the coast guard of Korea detained the SUNBIRD"
    a = _ev(agent_text="the authorities", targets=("local:sun-bird",))
    b = _ev(agent="kor", targets=("local:sunbird",))
    assert actor_score(a, b) >= SHARED_VICTIM_SCORE
    assert actor_score(a, _ev(agent="kor")) < SHARED_VICTIM_SCORE  # without the name, less to go on


def test_two_named_vessels_are_two_seizures_by_one_state():
    assert actor_score(_ev(agent="kor", targets=("local:sunbird",)),
                       _ev(agent="kor", targets=("local:kestrel-star",))) == 0.0


@pytest.mark.parametrize("type_", ["designation", "arms_transfer"])
def test_other_types_keep_their_many_targets(type_):
    # a designation round lists many ships; pages name different ones
    assert not victims_conflict(_ev(type_, targets=("local:sunbird",)), _ev(type_, targets=("local:kestrel-star",)))


def test_a_state_as_target_names_no_vessel():
    # "seized a North Korean ship" resolves the target to the state: no vessel named
    assert not victims_conflict(_ev(targets=("prk",)), _ev(targets=("local:sunbird",)))

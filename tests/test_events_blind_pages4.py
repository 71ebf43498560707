"""Event error classes found on a fourth blind set of real pages (uevt4), each restated in sentences written
for these tests (other names, places, figures and dates)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2024-03-12": parse_events(text, published)[1]


def _of_type(events, etype):
    return [e for e in events if e.type == etype]


def _texts(ev, role: str) -> set[str]:
    return {a.text for a in ev.arguments if a.role == role}


@pytest.mark.parametrize(
    "text, agent, not_agent",
    [
        # a reduced relative after a report verb, read by the parser as a clause: still passive, the "by"
        # phrase acts and the noun is what was fired or sent
        ("Officials said the missile fired by Iran landed in the desert.", "Iran", "missile"),
        ("The ministry said the rocket launched by North Korea fell into the sea.", "North Korea", "rocket"),
    ],
)
def test_reduced_relative_by_phrase_is_the_agent(events_of, text, agent, not_agent):
    found = [e for e in events_of(text) if e.type == "missile_launch"]
    assert found
    agents = _texts(found[0], "agent")
    assert agent in agents and not_agent not in agents


@pytest.mark.parametrize(
    "text",
    [
        # a container's load told by a relative clause types the shipment
        "Since March, Belarus has shipped 4,000 containers to Syria that could contain munitions.",
        "Iran has sent crates to Yemen that could hold 2 million rifle rounds.",
    ],
)
def test_container_relative_clause_types_arms(events_of, text):
    assert _of_type(events_of(text), "arms_transfer")


@pytest.mark.parametrize(
    "text, origin",
    [
        # the place a space rocket lifted off from is its origin, not what it carried
        ("The satellite was launched from the Sohae Satellite Launching Station on Friday.", "Sohae"),
        ("The satellite was launched from Baikonur on Friday.", "Baikonur"),
    ],
)
def test_satellite_launch_from_is_origin(events_of, text, origin):
    found = _of_type(events_of(text), "satellite_launch")
    assert found
    assert any(origin in t for t in _texts(found[0], "origin"))
    assert not any(origin in t for t in _texts(found[0], "item"))

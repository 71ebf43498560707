"""Error classes found on real reporting nobody here tuned on, each restated in sentences written for
these tests (other names, places and dates)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2025-03-12": parse_events(text, published)[1]


def _role_entities(ev, role: str) -> set[str | None]:
    return {a.entity for a in ev.arguments if a.role == role}


def _of_type(events, etype):
    return [e for e in events if e.type == etype]


@pytest.mark.parametrize(
    "text, etype, agent",
    [
        # a place labelling the line before a colon is no subject, the subject after it is
        ("Brussels: North Korea has sent about 8,000 troops to Russia to train and fight in Ukraine within weeks, "
         "spokesman Tom Ward said Monday.", "troop_deployment", "prk"),
        # "its" before an event noun is the country named before it
        ("Tokyo imposed new curbs on North Korea over its March 4 nuclear test.", "nuclear_test", "prk"),
        ("The vote would have put tough penalties on North Korea for its recent ballistic missile launches.", "missile_launch", "prk"),
    ],
)
def test_agent_classes(events_of, text, etype, agent):
    found = _of_type(events_of(text), etype)
    assert found and _role_entities(found[0], "agent") == {agent}


def test_its_without_a_country_names_no_agent(events_of):
    found = _of_type(events_of("The committee reviewed its report on the missile launch."), "missile_launch")
    assert found and all(a.text.lower() != "its" for a in found[0].arguments)

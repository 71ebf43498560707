"""Agents of nominal events: the "of" actor, the possessor of a copula's event subject, and a possessed
noun that says what it launched is no back reference.  Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text: parse_events(text, "2012-07-01")[1]


def _agents(ev) -> set[str | None]:
    return {a.entity for a in ev.arguments if a.role == "agent"}


@pytest.mark.parametrize(
    "text, etype, agent",
    [
        # the noun's own "of" actor, not the subject of the verbs above it
        ("Seoul wants to learn more about the missile launch of North Korea.", "missile_launch", "prk"),
        ("The envoy condemned the satellite launch of the DPRK in April.", "satellite_launch", "prk"),
        ("Tokyo keeps a close watch on the nuclear test of North Korea.", "nuclear_test", "prk"),
        # a renamed event: "called X's launch a missile test"
        ("The minister called the April satellite launch of the DPRK a missile test.", "missile_launch", "prk"),
        # the state named before the noun
        ("Critics say the U.S. sale of munitions upsets the balance of force.", "arms_transfer", "usa"),
        # "X's launch was a missile launch": the launch is the subject, its owner the agent
        ("Critics insist that the DPRK's satellite launch was a missile launch.", "missile_launch", "prk"),
    ],
)
def test_nominal_agent(events_of, text, etype, agent):
    found = [e for e in events_of(text) if e.type == etype]
    assert found and agent in _agents(found[0])


def test_of_phrase_that_is_the_item_is_no_agent(events_of):
    # what is sold is no seller: "of" names the goods here
    found = [e for e in events_of("Brokers arranged the sale of weapons of Chinese make.") if e.type == "arms_transfer"]
    assert found and all(a.role != "agent" for a in found[0].arguments)


def test_possessed_noun_with_its_own_object_is_no_back_reference(events_of):
    text = ("North Korea launched a satellite in April. "
            "In May the DPRK's launch of a new farming campaign drew crowds.")
    assert [e.trigger.text for e in events_of(text) if e.type == "satellite_launch"] == ["launched"]

"""Event error classes found on a sixth blind set of real pages (uevt6: Asian outlets and their reposts), each
restated in sentences written for these tests (other names, places, figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts

from sanctionwatch.model import Document


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2024-03-12": parse_events(text, published)[1]


@pytest.mark.parametrize(
    "text, etype",
    [
        # a state's own news agency reporting the state's act states it: asserted, not a third party's claim
        ("Pyongyang test-fired two cruise missiles over the Yellow Sea on Sunday, KCNA reported.", "missile_launch"),
        ("North Korea put a weather satellite into orbit on Friday, the Rodong Sinmun said.", "satellite_launch"),
        ("Russia fired three missiles at Odesa on Monday, TASS reported.", "missile_launch"),
    ],
)
def test_own_state_media_asserts(pipeline, text, etype):
    doc = next(iter(pipeline.process([Document(doc_id="m", text=text, published="2024-03-12")])))
    found = of_type(doc.events, etype)
    assert found and found[0].modality == "asserted"


def test_other_states_media_still_alleges(pipeline):
    text = "Japan fired two missiles into the sea on Monday, KCNA reported."
    doc = next(iter(pipeline.process([Document(doc_id="m", text=text, published="2024-03-12")])))
    found = of_type(doc.events, "missile_launch")
    assert found and found[0].modality == "alleged"


@pytest.mark.parametrize(
    "text",
    [
        # what the launched rocket carries says what the launch is
        "North Korea launched a rocket carrying a reconnaissance satellite on Tuesday.",
        "Iran fired a carrier rocket carrying two research satellites from Semnan.",
    ],
)
def test_rocket_carrying_a_satellite_is_a_space_launch(events_of, text):
    events = events_of(text)
    assert of_type(events, "satellite_launch")
    assert not of_type(events, "missile_launch")


@pytest.mark.parametrize(
    "text, partners",
    [
        # the vessels a transfer is "between", or that it is "involving", take part in it
        ("The navy photographed an oil transfer between a Panama-flagged tanker and the North Korean ship Paek Ma.",
         ("Panama-flagged tanker", "Paek Ma")),
        ("Seoul reported three ship-to-ship transfers involving a Togo-registered freighter.",
         ("Togo-registered freighter",)),
    ],
)
def test_transfer_between_and_involving_are_partners(events_of, text, partners):
    found = of_type(events_of(text), "ship_to_ship_transfer")
    assert found
    texts = role_texts(found[0], "partner")
    for p in partners:
        assert any(p in t for t in texts), texts


@pytest.mark.parametrize(
    "text, origin",
    [
        # a preposition stacked on "from" keeps the role of "from"
        ("The North launched the missile from around the Jagang region toward the sea.", "Jagang"),
        ("The army fired two rockets from near Kaesong on Friday.", "Kaesong"),
    ],
)
def test_stacked_preposition_keeps_the_role(events_of, text, origin):
    found = of_type(events_of(text), "missile_launch")
    assert found
    assert any(origin in t for t in role_texts(found[0], "origin"))


def test_flag_state_before_hyphen_is_in_the_phrase(events_of):
    found = of_type(events_of("The tanker made two ship-to-ship transfers involving a Sierra Leone-flagged vessel."),
                    "ship_to_ship_transfer")
    assert found and any(t.startswith("Sierra Leone") for t in role_texts(found[0], "partner"))
    assert "sle" in role_entities(found[0], "partner")

"""Event error classes found on a sixth blind set of real pages (uevt6: Asian outlets and their reposts), each
restated in sentences written for these tests (other names, places, figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts

from sanctionwatch.model import Document


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


@pytest.mark.parametrize(
    "text, etype, role, value",
    [
        # "the transfer took place ... between X and Y", "the launch failed": the subject of a verb telling how
        # it happened refers back to the document's event, and that verb's phrases are the event's
        ("A patrol plane saw a suspected oil transfer between two tankers near Zhoushan. The transfer took place on Friday in the "
         "Yellow Sea between the Comoros-flagged tanker Ocean Star and the North Korean tanker An San 1.",
         "ship_to_ship_transfer", "partner", "Ocean Star"),
        ("Iran launched a research satellite on Sunday. The launch failed after the second stage lost power.",
         "satellite_launch", None, None),
    ],
)
def test_event_noun_subject_of_happening(events_of, text, etype, role, value):
    second = text.index(". ") + 2
    found = [e for e in of_type(events_of(text), etype) if e.trigger.start >= second]
    assert found
    if role is not None:
        assert any(value in t for t in role_texts(found[0], role))


@pytest.mark.parametrize(
    "text, agent, item",
    [
        # "what was fired by X could be a missile": the copula's complement is what was fired, and the modal
        # doubts what it was, not that it was fired
        ("The coast guard said what was launched by Iran might be a cruise missile.", "Iran", "cruise missile"),
        # a participle set off by commas describes the object before it
        ("Radar tracked a missile, believed to be short-range, fired from the Sukchon area toward the sea.", None,
         "missile"),
    ],
)
def test_passive_trigger_about_a_thing_hung_elsewhere(events_of, text, agent, item):
    found = of_type(events_of(text), "missile_launch")
    assert found
    ev = found[0]
    assert ev.modality != "hypothetical"
    assert item in role_texts(ev, "item")
    if agent is not None:
        assert agent in role_texts(ev, "agent")
    else:
        assert not role_texts(ev, "agent")


@pytest.mark.parametrize(
    "text, agent, value",
    [
        # the relative pronoun subject stands for the noun, and that noun's count is the event's
        ("Officials questioned the five North Koreans who crossed the western sea border by boat last week.",
         "North Koreans", 5),
        ("Police arrested the three traders who smuggled 40 tons of coal from North Korea.", "traders", None),
    ],
)
def test_relative_clause_subject_is_its_noun(events_of, text, agent, value):
    events = [e for e in events_of(text) if e.type in ("defection", "banned_export")]
    assert events
    ev = events[0]
    assert any(agent in t for t in role_texts(ev, "agent"))
    if value is not None:
        assert ev.quantity is not None and ev.quantity.value == value


@pytest.mark.parametrize(
    "text, agent, not_agent",
    [
        # an active participle describing a noun is done by the noun
        ("Satellites spotted Malaysian tankers selling diesel to North Korean ships off Nampo.", "Malaysian tankers",
         "Satellites"),
        # a clause with its own subject keeps it ("the claim that X was supplying ...")
        ("Moscow rejected the claim that Pyongyang was supplying Russia with rockets.", "Pyongyang", "claim"),
    ],
)
def test_active_participle_on_a_noun(events_of, text, agent, not_agent):
    events = [e for e in events_of(text) if e.type in ("petroleum_import", "arms_transfer", "ship_to_ship_transfer")]
    assert events
    agents = role_texts(events[0], "agent")
    assert any(agent in t for t in agents) and not any(not_agent in t for t in agents)


@pytest.mark.parametrize(
    "text, agent",
    [
        # a leader supervising a weapons drill or test is a weapons test under his guidance
        ("Kim Jong Un supervised a firing drill of new rocket launchers near Hamhung.", "Kim Jong Un"),
        ("The general supervised a test of the new anti-aircraft missile system.", "general"),
    ],
)
def test_supervising_a_weapons_drill(events_of, text, agent):
    found = of_type(events_of(text), "weapons_test")
    assert found and any(agent in t for t in role_texts(found[0], "agent"))


@pytest.mark.parametrize(
    "text, agent, year",
    [
        # "identified X as being behind the theft ... in 2019": X is the agent, and the time hung on "being"
        # dates the theft, not the time of the identifying
        ("The FBI last year identified the Lazarus Group as being behind a $60 million cyber heist at a "
         "Taiwanese bank in 2017.", "Lazarus Group", 2017),
        ("Investigators in March named North Korea as being behind the theft of $41 million from a gaming "
         "site in 2022.", "North Korea", 2022),
    ],
)
def test_named_as_being_behind(events_of, text, agent, year):
    found = of_type(events_of(text, "2024-06-01"), "cyber_theft")
    assert found
    ev = found[0]
    assert any(agent in t for t in role_texts(ev, "agent"))
    assert ev.time is not None and ev.time.start.startswith(str(year))


@pytest.mark.parametrize(
    "text, target",
    [
        # the owner of what was breached is the victim, not the loot
        ("Hackers breached the Ecuadorian bank's payment systems in January.", "Ecuadorian bank"),
        ("The group compromised the exchange's servers last spring.", "exchange"),
    ],
)
def test_owner_of_breached_systems_is_the_target(events_of, text, target):
    found = of_type(events_of(text), "cyber_theft")
    assert found
    assert any(target in t for t in role_texts(found[0], "target"))
    assert not any(target in t for t in role_texts(found[0], "item"))


def test_means_participle_is_not_done_by_the_noun(events_of):
    events = events_of("North Korean hackers breached the bank's systems using the Swift network.")
    assert all("systems" not in role_texts(e, "agent") for e in events)


@pytest.mark.parametrize(
    "text, partner",
    [
        # "in the X Sea between A and B": the parties the parser hung on the place are the transfer's
        ("A frigate saw an oil transfer between two tankers. The transfer allegedly took place on Sunday in the East China Sea "
         "between Belizean vessel Hai Xing 3 and the North Korean Kum Un San 8.", "Hai Xing"),
    ],
)
def test_parties_hung_on_the_place(events_of, text, partner):
    second = text.index(". ") + 2
    found = [e for e in of_type(events_of(text), "ship_to_ship_transfer") if e.trigger.start >= second]
    assert found and any(partner in t for t in role_texts(found[0], "partner"))


@pytest.mark.parametrize(
    "text, agent, item",
    [
        # a headline's present-tense verb the parser hung on its object as a modifier is still the launch, and
        # the verb is no part of the object's phrase
        ("“North Korea fires ballistic missile towards the East Sea,” the agency reported.", "North Korea",
         "ballistic missile"),
        ("North Korea fires ballistic missile towards the East Sea", "North Korea", "ballistic missile"),
    ],
)
def test_headline_verb_hung_on_its_object(events_of, text, agent, item):
    found = of_type(events_of(text), "missile_launch")
    assert found
    assert agent in role_texts(found[0], "agent")
    assert role_texts(found[0], "item") == {item}


@pytest.mark.parametrize(
    "text, is_theft",
    [
        # "made off with" is a theft when coins or money are taken; a getaway with other things is not
        ("Hackers linked to Pyongyang made off with $95 million in tokens from a bridge in May.", True),
        ("The gang made off with 2,000 bitcoin last week.", True),
        ("The burglars made off with two paintings and a clock.", False),
    ],
)
def test_made_off_with(events_of, text, is_theft):
    assert bool(of_type(events_of(text), "cyber_theft")) == is_theft


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        # where the noun an event is "of" goes is where the event goes
        ("They ended a long voyage of defection from the North to Japan.", "North", "Japan"),
        ("It was a desperate journey of defection from Hyesan to Seoul.", "Hyesan", "Seoul"),
    ],
)
def test_route_of_the_noun_an_event_is_of(events_of, text, origin, destination):
    found = of_type(events_of(text), "defection")
    assert found
    assert any(origin in t for t in role_texts(found[0], "origin"))
    assert any(destination in t for t in role_texts(found[0], "destination"))


@pytest.mark.parametrize(
    "text, target",
    [
        # the owner of what was taken is the victim ("the theft of X's funds", "stole X's coins")
        ("Investigators blamed Lazarus for a $40 million heist of the Peruvian bank's reserve account in 2018.",
         "Peruvian bank"),
        ("Hackers stole the exchange's stablecoins on Friday.", "exchange"),
    ],
)
def test_owner_of_the_loot_is_the_target(events_of, text, target):
    found = of_type(events_of(text), "cyber_theft")
    assert found and any(target in t for t in role_texts(found[0], "target"))

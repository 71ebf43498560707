"""Event classes from the lead's blind set 15 (crypto thefts in crypto media, North Korean workers in Russia),
restated in the team's own words.

- "a $300 million exploit that targeted a bridge": in a story of a theft, the noun "exploit" is one (elsewhere
  the noun keeps its everyday sense, "heroic exploits", as the verb-only list has it).
- "cyberattacks against a film studio": "against" names what was attacked.
- "send a labor force", "the workforce": labour is no troops; it is workers sent abroad.
- "is issuing student visas to North Korean workers": whom the visas go to is no place; the visas of the labour
  are the labour.
- "identified X as responsible for stealing ...", "held X responsible for the theft", "the group responsible for
  the theft": the one named responsible did it, not whoever names it.
- "Under Resolution 2397, adopted in 2017, oil shipments are capped": a measure's legal basis is no act the
  measure forbids; the resolution's adoption is an event (a cap's object stays generic).
- In a story of troops sent abroad, "she was sent" is a deployment, but "sent containers of shells, moving them by
  sea" is not: "they"/"them" are as often the goods the story also ships.
"""

from __future__ import annotations

import pytest
from fragments import of_type, role_texts


def types(evs):
    return [(e.type, e.trigger.text) for e in evs]


def test_an_exploit_in_a_theft_story_is_a_theft(events_of):
    evs = events_of("Hackers stole $50 million from a crypto exchange last week, the firm said. Analysts also tied "
                    "the group to a $300 million exploit that targeted a gaming bridge in 2022.")
    assert any(e.trigger.text == "exploit" for e in of_type(evs, "cyber_theft")), types(evs)


def test_exploits_elsewhere_are_feats(events_of):
    evs = events_of("The paper praised the heroic exploits of the soldiers in the war.")
    assert not of_type(evs, "cyber_theft"), types(evs)


def test_against_names_what_was_attacked(events_of):
    evs = of_type(events_of("The group carried out cyberattacks against a film studio in 2014."), "cyber_theft")
    assert any("a film studio" in role_texts(e, "target") or "film studio" in role_texts(e, "target") for e in evs), evs


@pytest.mark.parametrize("text", [
    "Officials say there may be plans to send a labor force to the occupied east of the country.",
    "The regime plans to send a large labour force to building sites in the Far East.",
])
def test_a_labour_force_is_workers_not_troops(events_of, text):
    evs = events_of(text)
    assert not of_type(evs, "troop_deployment"), types(evs)
    assert of_type(evs, "overseas_workers"), types(evs)


def test_visas_issued_to_workers_are_the_labour(events_of):
    evs = of_type(events_of("Moscow is issuing student visas to North Korean workers."), "overseas_workers")
    assert any(e.trigger.text == "issuing" for e in evs), evs


@pytest.mark.parametrize("text,agent", [
    ("The bureau has identified the Tiger Crew, a hacking outfit, as responsible for stealing $41 million from "
     "the casino.", "Tiger Crew"),
    ("The agency held the crew responsible for the theft of $20 million from a bridge.", "crew"),
    ("Investigators found the crew responsible for the theft of $9 million from the exchange.", "crew"),
])
def test_the_one_named_responsible_did_it(events_of, text, agent):
    evs = of_type(events_of(text), "cyber_theft")
    assert any(any(agent in t for t in role_texts(e, "agent")) for e in evs), [(e.trigger.text, role_texts(e, "agent")) for e in evs]
    assert not any({"The bureau", "bureau", "agency", "Investigators"} & role_texts(e, "agent") for e in evs)


def test_the_legal_basis_of_a_cap_was_adopted(events_of):
    evs = events_of("Under the Council's Resolution 2397 adopted in 2017, shipments of refined petroleum to the "
                    "country were capped at 500,000 barrels a year.")
    res = of_type(evs, "un_resolution")
    assert res and res[0].time is not None and res[0].time.start.startswith("2017"), types(evs)


def test_goods_moved_in_a_troop_story_are_no_troops(events_of):
    evs = events_of("The country has sent some 9,000 troops to its ally since the autumn, officials said. It has also "
                    "sent its ally thousands of containers of shells, moving them by sea and by rail.")
    assert not any(e.trigger.text == "moving" for e in of_type(evs, "troop_deployment")), types(evs)
    assert of_type(evs, "troop_deployment"), types(evs)

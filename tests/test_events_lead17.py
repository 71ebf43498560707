"""Classes of event errors read on the lead's blind set of stop 17, each restated in the team's own words.

- A trade in arms told by its exchange, its dealings or its trading ("denied arms exchanges with X", "its
  alleged arms trading") is an arms transfer.
- The writer's hedge on an event ("its alleged arms trading") gives way to the denial of the one it is alleged
  of: the event is denied.
- "forced labour": a participle modifier is matched by its own form, so "forced" is no "force" (troops).
- "there were 9,000 North Korean workers in the city of Hunchun": workers present abroad, the place named by the
  "of" phrase of a place-class noun.
"""

from __future__ import annotations

import pytest
from fragments import of_type, role_texts


@pytest.mark.parametrize("text", [
    "Pyongyang again denied arms exchanges with Moscow, its foreign ministry said.",
    "The ministry denied its alleged arms trading with the junta on Sunday.",
    "Officials described the weapons dealings between the two states as a breach of the resolutions.",
])
def test_arms_trade_nouns_are_arms_transfers(events_of, text):
    assert of_type(events_of(text), "arms_transfer")


@pytest.mark.parametrize("text", [
    "The ministry denied its alleged arms trading with the junta on Sunday.",
    "The embassy rejected the alleged sale of rockets to the rebels.",
])
def test_a_denial_outweighs_the_writers_hedge(events_of, text):
    found = of_type(events_of(text), "arms_transfer")
    assert found and found[0].modality == "denied"


def test_a_hedged_event_without_a_denial_stays_alleged(events_of):
    found = of_type(events_of("The report described the alleged sale of rockets to the rebels."), "arms_transfer")
    assert found and found[0].modality == "alleged"


def test_forced_labour_sent_abroad_is_no_troop_deployment(events_of):
    text = "They are part of the state's army of forced labour - cooks, builders and seamstresses - who are sent abroad."
    events = events_of(text)
    assert not of_type(events, "troop_deployment")


def test_troops_sent_abroad_are_still_a_deployment(events_of):
    assert of_type(events_of("North Korea sent armed forces to the front in October."), "troop_deployment")


@pytest.mark.parametrize(("text", "place"), [
    ("In 2021, according to a provincial tally, there were up to 9,000 North Korean workers in the city of Hunchun.",
     "Hunchun"),
    ("There were about 2,000 North Korean workers in the province of Primorye in 2019.", "Primorye"),
])
def test_workers_in_a_city_named_by_its_of_phrase(events_of, text, place):
    found = of_type(events_of(text), "overseas_workers")
    assert found and place in role_texts(found[0], "location") | role_texts(found[0], "destination")


def test_a_hedged_back_reference_takes_the_documents_type(events_of):
    text = ("Japan said two tankers conducted a ship-to-ship transfer of oil in the East China Sea last week.\n\n"
            "Tokyo said a patrol plane observed the alleged transfer around 200 kilometres off the coast on Saturday night.")
    found = of_type(events_of(text), "ship_to_ship_transfer")
    assert len(found) == 2 and found[1].modality == "alleged"


def test_a_back_reference_with_an_of_phrase_is_left_to_the_rules(events_of):
    text = ("Japan said two tankers conducted a ship-to-ship transfer of oil in the East China Sea last week.\n\n"
            "Officials observed the transfer of power in the capital on Saturday.")
    assert len(of_type(events_of(text), "ship_to_ship_transfer")) == 1


@pytest.mark.parametrize("text", [
    "A court jailed the trader for helping supply luxury goods to shops in Pyongyang.",
    "The broker helped procure over S$300,000 of luxury goods, including perfumes and watches, for the stores.",
])
def test_a_verb_after_help_read_as_a_noun_is_still_the_verb(events_of, text):
    assert of_type(events_of(text), "luxury_goods")


@pytest.mark.parametrize("text", [
    "A firm was accused of supplying wine and spirits worth about S$500,000 to North Korea.",
    "The ring smuggled perfume and jewellery to Pyongyang.",
])
def test_the_listed_luxury_items_type_a_luxury_goods_event(events_of, text):
    found = of_type(events_of(text), "luxury_goods")
    assert found and (found[0].modality == "alleged") == ("accused" in text)


def test_the_help_reading_leaves_a_noun_with_a_determiner_alone(events_of):
    assert not of_type(events_of("The ministry said the help supply of food to villages had stopped."), "luxury_goods")


def test_the_security_council_adopting_sanctions_is_a_resolution(events_of):
    found = of_type(events_of("The UN Security Council adopted sanctions in response to the tests in March."), "un_resolution")
    assert found


def test_a_vessel_spoofing_its_identity_manipulates_its_ais(events_of):
    text = "The tanker Sea Lark tried to spoof its identity as a Panamanian-flagged cargo vessel."
    assert of_type(events_of(text), "ais_manipulation")


def test_the_noun_an_instance_noun_counts_acts(events_of):
    text = "Earlier reports revealed many instances of tankers turning off their AIS transponders near the port."
    found = of_type(events_of(text), "ais_manipulation")
    assert found and "tankers" in role_texts(found[0], "agent")


@pytest.mark.parametrize("text", [
    "A North Korean soldier crossed the military demarcation line on Wednesday night.",
    "Since 2012 a total of 40 North Korean soldiers have crossed the minefields of the DMZ to reach the South.",
])
def test_crossing_the_dividing_line_is_a_defection(events_of, text):
    assert of_type(events_of(text), "defection")


def test_crossing_a_street_is_no_defection(events_of):
    assert not of_type(events_of("The soldier crossed the street to buy bread."), "defection")


@pytest.mark.parametrize(("text", "values"), [
    ("The Council has added one person and 21 entities to the list on Monday.", {1, 21}),
    ("The ministry designated 16 persons, 3 firms and one bank on Monday.", {16, 3, 1}),
])
def test_counts_joined_by_and_are_figures_of_one_act(events_of, text, values):
    found = of_type(events_of(text), "designation")
    assert found
    figures = {int(float(a.text.split()[0].replace(",", ""))) if a.text.split()[0][0].isdigit() else 1
               for a in found[0].arguments if a.role == "quantity"}
    assert values <= figures


def test_measures_extended_in_a_sanctions_story_are_a_designation(events_of):
    text = ("The bloc sanctioned six officials of the shipping ministry in May.\n\n"
            "In July the bloc extended its restrictive measures against the country for a year.")
    assert len(of_type(events_of(text), "designation")) == 2


def test_measures_extended_elsewhere_are_no_designation(events_of):
    assert not of_type(events_of("The city extended its measures against the flu for a year."), "designation")


def test_soldiers_joining_a_war_are_deployed_there(events_of):
    text = "The prisoners said their brigade had joined the war in October, months after the summit."
    found = of_type(events_of(text), "troop_deployment")
    assert found and "war" in role_texts(found[0], "destination")


@pytest.mark.parametrize("text", [
    "She joined the guerrilla army during the war of liberation.",
    "China joined the talks on Monday.",
])
def test_joining_an_army_or_talks_is_no_deployment(events_of, text):
    assert not of_type(events_of(text), "troop_deployment")

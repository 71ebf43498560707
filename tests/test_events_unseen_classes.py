"""Error classes found on real reporting nobody here tuned on, each restated in sentences written for
these tests (other names, places and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2025-03-12": parse_events(text, published)[1]


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
    found = of_type(events_of(text), etype)
    assert found and role_entities(found[0], "agent") == {agent}


def test_its_without_a_country_names_no_agent(events_of):
    found = of_type(events_of("The committee reviewed its report on the missile launch."), "missile_launch")
    assert found and all(a.text.lower() != "its" for a in found[0].arguments)


def test_its_skips_the_giver_named_in_a_from_phrase(events_of):
    text = "Officials say Syria got technological support from China for its satellite launch."
    found = of_type(events_of(text), "satellite_launch")
    assert found and role_entities(found[0], "agent") == {"syr"}


@pytest.mark.parametrize(
    "text, receiver, origin",
    [
        # technical or military help received from a state is a transfer of military technology (the one who
        # receives it is the recipient, the state it comes from the origin)
        ("Analysts think Pyongyang obtained technical assistance from Moscow.", "prk", "rus"),
        ("It seems Iran received military help from Russia for its missile program.", "irn", "rus"),
        ("Officials say Syria got technological support from China for its satellite launch.", "syr", "chn"),
    ],
)
def test_military_help_received_is_an_arms_transfer(events_of, text, receiver, origin):
    found = of_type(events_of(text), "arms_transfer")
    assert found and role_entities(found[0], "recipient") == {receiver} and role_entities(found[0], "origin") == {origin}


@pytest.mark.parametrize(
    "text",
    [
        "The country received food aid from China last year.",  # help that moves no military capability
        "Seoul got support from Tokyo for its bid to host the games.",
        "China gave technical help to the North for its agriculture.",  # technical, but for a civilian end
    ],
)
def test_other_help_is_no_arms_transfer(events_of, text):
    assert not of_type(events_of(text), "arms_transfer")


@pytest.mark.parametrize(
    "text, destination",
    [
        # experts sent for their weapons skill are military personnel deployed abroad
        ("There are signs that Pyongyang dispatched drone experts to Russia in May.", "rus"),
        ("In early June Pyongyang also dispatched artillery specialists to Belarus, he added.", "blr"),
    ],
)
def test_weapons_experts_sent_abroad(events_of, text, destination):
    found = [e for e in events_of(text) if e.type in ("troop_deployment", "military_training", "arms_transfer")]
    assert found and role_entities(found[0], "destination") == {destination}
    assert found[0].time is not None


def test_medical_experts_are_no_deployment(events_of):
    assert not of_type(events_of("Seoul sent medical experts to Laos."), "troop_deployment")


def test_a_launch_from_a_country_names_the_country(events_of):
    found = of_type(events_of("Ten members condemned the latest missile launch from North Korea."), "missile_launch")
    assert found and "prk" in {a.entity for a in found[0].arguments if a.role in ("agent", "origin")}


@pytest.mark.parametrize(
    "text, modality",
    [
        # evidence of an event is an allegation of it, not its report as fact
        ("There are also signs that Pyongyang dispatched drone experts to Russia in May.", "alleged"),
        ("The images are an indication that the DPRK shipped rockets to Russia.", "alleged"),
        # the verb "sign" is no such noun
        ("Moscow and Pyongyang signed a deal and North Korea sent shells to Russia.", "asserted"),
    ],
)
def test_evidence_nouns_hedge(events_of, text, modality):
    found = [e for e in events_of(text) if e.type in ("troop_deployment", "arms_transfer")]
    assert found and found[0].modality == modality


@pytest.mark.parametrize(
    "text, origin",
    [
        # a denied event is denied, not blocked; the "from" phrase the parser hangs on "denied" is the event's
        ("The minister on Monday denied any weapons shipments to Moscow from Pyongyang.", "prk"),
        ("Officials denied arms deliveries to Tehran from North Korea, calling the reports false.", "prk"),
    ],
)
def test_denied_event_noun(events_of, text, origin):
    found = of_type(events_of(text), "arms_transfer")
    assert found and found[0].modality == "denied" and role_entities(found[0], "origin") == {origin}


def test_rejected_renewal_stays_negated(events_of):
    found = of_type(events_of("Russia rejected the renewal of the panel in March."), "monitoring_body")
    assert found and found[0].modality == "negated"


def test_attributed_theft_names_agent_and_victim(events_of):
    text = ("The police on Monday attributed the theft of roughly $90 million in digital assets from crypto "
            "exchange Zenbit to North Korean hackers.")
    found = of_type(events_of(text), "cyber_theft")
    assert found and role_entities(found[0], "agent") == {"prk"}
    assert "Zenbit" in {a.text for a in found[0].arguments if a.role == "target"}


def test_linked_heist_names_the_group(events_of):
    found = of_type(events_of("Investigators linked the heist to the Lazarus Group."), "cyber_theft")
    assert found and role_entities(found[0], "agent") == {"lazarus-group"}


def test_the_of_phrase_of_a_hack_is_its_victim(events_of):
    found = of_type(events_of("Police confirmed that the hack of the crypto exchange Zenbit was the work of a gang."), "cyber_theft")
    assert found and "Zenbit" in {a.text for a in found[0].arguments if a.role == "target"}
    assert not any(a.role == "agent" and a.text == "Zenbit" for a in found[0].arguments)


@pytest.mark.parametrize(
    "text, agent",
    [
        # the group a participle phrase describes is behind the hack
        ("Police named Andariel, a unit believed to be behind the theft of $20 million in tokens.", "Andariel"),
        ("The gang Kimsuky, a crime ring linked to the state and suspected to be behind the $70 million hack "
         "of a game last month, struck again.", "Kimsuky"),
    ],
)
def test_described_group_behind_a_hack(events_of, text, agent):
    found = of_type(events_of(text), "cyber_theft")
    assert found and agent in {a.text for a in found[0].arguments if a.role == "agent"}


def test_unnamed_hackers_stay_unnamed(events_of):
    found = of_type(events_of("Investigators linked the crypto heist to hackers working for a foreign state."), "cyber_theft")
    assert found and not any(a.role == "agent" for a in found[0].arguments)


@pytest.mark.parametrize(
    "text, agent, target",
    [
        # other verbs that impose sanctions
        ("On May 3, the US Treasury issued fresh sanctions against a bitcoin wallet used by the gang.", "us-treasury", "bitcoin wallet"),
        ("The EU levied new sanctions on five firms.", "eu", "firms"),
        # a terrorism-sponsor listing is a designation
        ("In March 1990 the U.S. labeled Cuba as a sponsor of terrorism.", "usa", "Cuba"),
    ],
)
def test_designation_verbs(events_of, text, agent, target):
    found = of_type(events_of(text), "designation")
    assert found and role_entities(found[0], "agent") == {agent}
    assert target in {a.text for a in found[0].arguments if a.role == "target"}


@pytest.mark.parametrize("text", ["Officials named him a sponsor of the event.", "The new law will put pressure on the council."])
def test_no_designation(events_of, text):
    assert not of_type(events_of(text), "designation")


@pytest.mark.parametrize(
    "text, etype, agent",
    [
        # the passive of an accusation: its subject is accused of the act
        ("North Korea has been accused of supplying rockets to Russia.", "arms_transfer", "prk"),
        ("The hacking unit Andariel was formally accused by the police of having carried out the attack on "
         "the exchange Zenbit.", "cyber_theft", "andariel"),
    ],
)
def test_accused_in_the_passive(events_of, text, etype, agent):
    found = of_type(events_of(text), etype)
    assert found and role_entities(found[0], "agent") == {agent}


def test_coordinated_order_is_not_under_the_ban(events_of):
    text = ("The resolution bans the supply of most refined oil to the country, puts a cap on crude deliveries "
            "and orders all North Korean nationals working abroad to be sent home by 2027.")
    assert [e.type for e in events_of(text)] == ["overseas_workers"]  # the capped deliveries stay generic


def test_participle_trigger_counts_the_noun_phrase(events_of):
    found = of_type(events_of("The exchange froze stolen coins worth $12 million on Friday."), "cyber_theft")
    assert found and found[0].quantity is not None and found[0].quantity.value == 12_000_000


def test_the_reason_for_sanctions_is_no_generic_act(events_of):
    text = "Canada will impose new sanctions against four firms over their role in the sale of rockets from Iran to Syria."
    assert of_type(events_of(text), "arms_transfer")


def test_a_designation_verb_as_a_noun_is_no_designation(events_of):
    text = ("Tokyo imposed new sanctions on two firms on Monday. "
            "It condemned North Korea's return to missile testing, including its launch on 3 March.")
    assert [e.trigger.text for e in of_type(events_of(text), "designation")] == ["imposed"]


def test_denied_allegations_stay_denied(events_of):
    found = of_type(events_of("Iran has previously denied allegations of hacking or other cyberattacks."), "cyber_theft")
    assert found and {e.modality for e in found} == {"denied"}


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministry said the U.S. and its allies cooked up anti-DPRK resolutions 1718 and 1874 at the Security Council in 2006 and 2009.",
        "The Security Council cooked up another sanctions resolution on Friday, the agency said.",
    ],
)
def test_cooked_up_resolution(events_of, text):
    assert of_type(events_of(text), "un_resolution")


def test_cooking_is_no_resolution(events_of):
    assert not of_type(events_of("The soldiers cooked rice for the villagers."), "un_resolution")


def test_participle_after_a_claim_verb_shares_its_subject(events_of):
    found = of_type(events_of("The Treasury tied the wallet to the gang on Friday, adding it to its sanctions list."), "designation")
    assert found and {a.text for a in found[0].arguments if a.role == "agent"} == {"Treasury"}


def test_participle_trigger_takes_its_clause_time(events_of):
    found = of_type(events_of("The Treasury tied the wallet to the gang on Friday, adding it to its sanctions list."), "designation")
    assert found and found[0].time is not None and found[0].time.start == "2025-03-07"


def test_stolen_coins_worth(events_of):
    found = of_type(events_of("Rewards went to people who help return stolen coins worth $2.6 billion."), "cyber_theft")
    assert found and found[0].quantity is not None and found[0].quantity.value == 2_600_000_000
    assert not any(a.role == "agent" for a in found[0].arguments)  # the helpers stole nothing

"""Error classes found on a second blind set of real reporting (wire copy, reposts, state-media stories),
each restated in sentences written for these tests (other names, places and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts

PUBLISHED = "2025-03-12"  # a Wednesday


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text: parse_events(text, PUBLISHED)[1]


# --- a date in the possessive dates the noun it owns, and owns nothing ------------------------------------


@pytest.mark.parametrize(
    "text, etype, start",
    [
        # a curly apostrophe sends the date to the verb in the parse
        ("The FBI tied last week\u2019s $300 million theft from Coinflow to North Korean hackers.", "cyber_theft", "2025-03-03"),
        ("The FBI tied last week's $300 million theft from Coinflow to North Korean hackers.", "cyber_theft", "2025-03-03"),
        ("Monday's missile launch by North Korea drew condemnation.", "missile_launch", "2025-03-10"),
        ("Officials studied Sunday\u2019s ballistic missile launch by the North.", "missile_launch", "2025-03-09"),
    ],
)
def test_possessive_date_is_the_event_time(events_of, text, etype, start):
    found = of_type(events_of(text), etype)
    assert found and found[0].time is not None and found[0].time.start == start
    assert not any(a.role == "agent" and a.text.lower() in ("last week", "monday", "sunday") for a in found[0].arguments)


def test_possessive_date_leaves_the_by_phrase_the_agent(events_of):
    found = of_type(events_of("Monday's missile launch by North Korea drew condemnation."), "missile_launch")
    assert found and role_entities(found[0], "agent") == {"prk"}


# --- a name modifying an event noun is its victim, a kind of platform or a known actor is not ------------


@pytest.mark.parametrize(
    "text, target",
    [
        ("The Coinflow hack saw $20 million vanish.", {"Coinflow"}),
        ("Investigators traced the Stellarbank hack to a phishing email.", {"Stellarbank"}),
        ("The DeFi hack saw $20 million vanish.", set()),
    ],
)
def test_named_victim_of_a_noun_trigger(events_of, text, target):
    found = of_type(events_of(text), "cyber_theft")
    assert found and role_texts(found[0], "target") == target


# --- "thefts orchestrated by X": a verb of perpetrating names the agent ------------------------------------


@pytest.mark.parametrize(
    "text, etype, agent",
    [
        ("Analysts tied a string of crypto thefts orchestrated by North Korea to the group.", "cyber_theft", "prk"),
        ("The report lists crypto heists perpetrated by North Korea since 2017.", "cyber_theft", "prk"),
        # what someone is asked to do is done by the one asked
        ("American diplomats asked the Security Council to impose stronger sanctions on North Korea.", "designation", "unsc"),
        ("Tokyo urged Beijing to stop shipping oil to North Korea.", "petroleum_import", "chn"),
        # "that" left out: the clause's subject read as the warning's object
        ("Security analysts had warned the North Koreans could carry out a nuclear test during the summit.", "nuclear_test", "prk"),
        ("Officials warned Pyongyang could launch another ballistic missile within days.", "missile_launch", "prk"),
        # a participle after coordinated verbs shares the first verb's subject
        ("Iran has studied and developed its space programme, launching satellites built with its own technology.",
         "satellite_launch", "irn"),
        # "its" names the owner; the subject of a verb far above does not
        ("Tehran and Minsk are under sanctions, Belarus because of its role in the war and Iran because of its "
         "nuclear tests.", "nuclear_test", "irn"),
    ],
)
def test_perpetrated_by_or_asked_names_the_agent(events_of, text, etype, agent):
    found = of_type(events_of(text), etype)
    assert found and role_entities(found[0], "agent") == {agent}


# --- modality -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, etype, modality",
    [
        # the content clause of a claim noun is the claimant's allegation, under a denial a denied claim
        ("The remarks answered a statement from a delegate of Poland that North Korea is trading arms with Russia.",
         "arms_transfer", "alleged"),
        ("Pyongyang rejected the accusation that it was selling artillery shells to Russia.", "arms_transfer", "denied"),
        # an unconfirmed or uncommented event is not undone by the negation
        ("Moscow has also not confirmed the troop deployment.", "troop_deployment", "alleged"),
        ("State media in Pyongyang have not commented on the purported troop deployment.", "troop_deployment", "alleged"),
        # a hedging adjective on the event noun
        ("Auditors examined the alleged crypto theft at the exchange.", "cyber_theft", "alleged"),
        # what one is asked to do has not happened
        ("American diplomats asked the Security Council to impose stronger sanctions on North Korea.", "designation", "hypothetical"),
        ("Tokyo urged Beijing to stop shipping oil to North Korea.", "petroleum_import", "negated"),
        # ... but a participle describing a noun there names a past act
        ("The exchange called on its peers to freeze stolen crypto worth $2 million.", "cyber_theft", "asserted"),
        # a negated occurrence is still negated
        ("North Korea did not conduct a nuclear test in May.", "nuclear_test", "negated"),
        # the parser hangs the claim's "that" clause on the verb above the noun
        ("The remarks came in response to a statement from a delegate of Poland that North Korea is trading "
         "arms with Russia.", "arms_transfer", "alleged"),
        ("Seoul responded to reports that the North had sent troops to Russia.", "troop_deployment", "alleged"),
        # a hedge on the participle that describes the event noun, inside a conditional frame
        ("If confirmed, the breach would be another in a run of crypto thefts allegedly orchestrated by North Korea.",
         "cyber_theft", "alleged"),
        # purposes and expectations
        ("To adopt a resolution, all five permanent members must vote yes or abstain.", "un_resolution", "hypothetical"),
        ("Washington circulated a draft to impose sanctions on two shipping firms.", "designation", "hypothetical"),
        # a purpose after its verb is often achieved, and the aim of a vetoed text stays blocked
        ("The group carried out large hacks to steal crypto worth $3 billion.", "cyber_theft", "asserted"),
        ("Moscow vetoed a resolution to tighten sanctions on Pyongyang.", "designation", "negated"),
        ("The agency anticipates further laundering of the stolen crypto.", "cyber_theft", "hypothetical"),
    ],
)
def test_modality_classes(events_of, text, etype, modality):
    found = of_type(events_of(text), etype)
    assert found and found[0].modality == modality


def test_a_claim_noun_without_a_content_clause_claims_nothing(events_of):
    found = of_type(events_of("In April they issued a statement critical of the launch of the satellite Pyolbit-2."),
                     "satellite_launch")
    assert found and found[0].modality == "asserted"


# --- names of treaties are no events ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Seoul urged Pyongyang to join the Comprehensive Nuclear-Test-Ban Treaty.",
        "Laos acceded to the Convention on Registration of Objects Launched into Outer Space in 2019.",
    ],
)
def test_a_word_in_a_treaty_name_is_no_event(events_of, text):
    assert events_of(text) == []


# --- a sanction kept in force is imposed again ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, agent",
    [
        ("The European Union renewed its sanctions against Pyongyang on Monday.", "eu"),
        ("Washington decided on Friday to extend the economic sanctions on the DPRK for another year.", "usa"),
    ],
)
def test_extended_sanctions_are_a_designation(events_of, text, agent):
    found = of_type(events_of(text), "designation")
    assert found and role_entities(found[0], "agent") == {agent} and found[0].time is not None


def test_an_extended_panel_mandate_is_no_designation(events_of):
    text = "The Security Council extended the mandate of the sanctions committee's panel until April."
    assert not of_type(events_of(text), "designation")


# --- third round: events counted in a series, more cyber verbs, goods lists, purposes -------------------------


def test_a_counted_launch_is_one_more_of_the_documents_launches(events_of):
    text = "The North twice failed to put a spy satellite into orbit. It then announced a third launch in October."
    found = [e for e in of_type(events_of(text), "satellite_launch") if e.trigger.text == "launch"]
    assert found and found[0].time is not None and found[0].time.start == "2024-10-01"


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Hackers infiltrated the exchange\u2019s cold wallet during a routine transfer on February 21.", "infiltrated"),
        ("The attackers siphoned off stablecoins such as USDT before moving them.", "siphoned"),
        ("The intruders drained the hot wallet of the platform within minutes.", "drained"),
    ],
)
def test_more_verbs_of_cyber_theft(events_of, text, trigger):
    assert trigger in {e.trigger.text for e in of_type(events_of(text), "cyber_theft")}


def test_goods_added_to_a_list_are_no_designation(events_of):
    text = "The resolution adds new items to the list of goods banned for export to North Korea."
    assert not of_type(events_of(text), "designation")
    found = of_type(events_of("The Treasury added three firms to its sanctions list."), "designation")
    assert found


def test_an_adopted_text_does_what_it_aims_at(events_of):
    found = of_type(events_of("The Security Council adopted a resolution to tighten sanctions against Pyongyang."), "designation")
    assert found and found[0].modality == "asserted"


# --- fourth round: reasons inside a request, acts avoided, empty pronouns --------------------------------------


def test_the_reason_inside_a_request_is_real(events_of):
    text = "American diplomats asked the Security Council to impose stronger sanctions on North Korea for its missile launches."
    found = of_type(events_of(text), "missile_launch")
    assert found and found[0].modality != "hypothetical"


def test_an_avoided_act_did_not_happen(events_of):
    found = of_type(events_of("The ministry wants to avoid sending troops to Russia."), "troop_deployment")
    assert found and found[0].modality == "negated"


def test_a_bare_it_names_no_agent(events_of):
    text = "Hackers emptied the wallet, making it the largest crypto theft of the year."
    assert all(a.text.lower() != "it" for e in events_of(text) for a in e.arguments if a.role == "agent")


@pytest.mark.parametrize(
    "text, agents",
    [
        ("Brazil and Chile on Monday proposed a draft United Nations resolution that would ease some sanctions.", {"bra", "chl"}),
        ("The United States circulated a draft resolution to the council members.", {"usa"}),
    ],
)
def test_a_draft_put_forward_is_a_hypothetical_resolution(events_of, text, agents):
    found = of_type(events_of(text), "un_resolution")
    assert found and found[0].modality == "hypothetical" and role_entities(found[0], "agent") == agents


def test_proposing_talks_is_no_resolution(events_of):
    assert not of_type(events_of("Officials proposed new talks with Pyongyang."), "un_resolution")


@pytest.mark.parametrize(
    "text, found",
    [
        ("Officials accused Belarus of secretly supporting Russia with military equipment.", True),
        ("Iran armed the militia with rockets last year.", True),
        # no goods in a "with" phrase, or civilian goods: no transfer
        ("China supports North Korea's missile programme.", False),
        ("Japan supported the flood victims with medical supplies.", False),
    ],
)
def test_supporting_with_military_goods_is_an_arms_transfer(events_of, text, found):
    assert bool(of_type(events_of(text), "arms_transfer")) is found


@pytest.mark.parametrize(
    "text, found",
    [
        ("The North twice failed to put a spy satellite into orbit. After the failure of the second attempt in August, "
         "it tried again.", True),
        # without launches in the document an attempt is nothing
        ("North Korea shipped shells to Russia. The second attempt in May failed.", False),
    ],
)
def test_a_counted_attempt_is_one_more_launch(events_of, text, found):
    hits = [e for e in events_of(text) if e.trigger.text == "attempt"]
    assert bool(hits) is found
    if found:
        assert hits[0].type == "satellite_launch" and hits[0].time is not None and hits[0].time.start == "2024-08-01"


def test_furnishing_civilian_equipment_is_no_arms_transfer(events_of):
    text = "The ministry will furnish the new clinic with the latest equipment."
    assert not of_type(events_of(text), "arms_transfer")

"""Event error classes found on a tenth blind set of real pages (uevt10: seizures of tankers and bulk carriers,
ship-to-ship oil deliveries, crypto thefts and laundering, IT-worker indictments, workers and munitions sent to
Russia, court cases), each restated in sentences written for these tests (other names, places, figures, dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts


# --- an adverbial between the auxiliary and the verb: the subject is still the verb's --------------------------


@pytest.mark.parametrize(
    ("text", "etype", "agent"),
    [
        ("Japan has for the second time seized a Sierra Leone-flagged tanker off Kyushu.", "seizure", "jpn"),
        ("China has in recent weeks sent thousands of workers to Russia.", "overseas_workers", "chn"),
        ("Russia had at least twice vetoed the draft resolution.", "un_veto", "rus"),
    ],
)
def test_subject_hung_on_the_auxiliary_acts(events_of, text, etype, agent):
    found = of_type(events_of(text), etype)
    assert found and agent in role_entities(found[0], "agent")


# --- "was seized and inspected by X": the "by" phrase after coordinated participles is each one's ---------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("A Panama-flagged freighter was seized and searched by Japanese authorities in Moji.", "jpn"),
        ("The bulk carrier was impounded and inspected by the Philippines last week.", "phl"),
    ],
)
def test_shared_by_phrase_of_coordinated_participles(events_of, text, agent):
    found = of_type(events_of(text), "seizure")
    assert found and agent in role_entities(found[0], "agent")


def test_a_conjunct_with_its_own_subject_keeps_its_by_phrase_to_itself(events_of):
    found = of_type(events_of("The tanker was seized in May, and its cargo was later sold by a broker."), "seizure")
    assert found and not role_texts(found[0], "agent")


# --- a time the parser hung on an infinitive of purpose dates the verb before it --------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "start"),
    [
        ("Pyongyang sent about 3,000 soldiers to support Moscow's offensive in October last year.", "troop_deployment", "2023-10"),
        ("The regime dispatched 500 labourers to staff the Vladivostok shipyard in June.", "overseas_workers", "2023-06"),
    ],
)
def test_time_on_purpose_infinitive_dates_the_verb(events_of, text, etype, start):
    found = of_type(events_of(text), etype)
    assert found and found[0].time is not None and found[0].time.start.startswith(start)


def test_a_purpose_verb_that_is_an_event_keeps_its_own_time(events_of):
    events = events_of("North Korea sent engineers to launch missiles in May.")
    sent = of_type(events, "troop_deployment")
    assert not sent or sent[0].time is None


# --- "fired what appeared to be two missiles": the hedged noun is the object -----------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "count"),
    [
        ("The North launched what appeared to be three cruise missiles on Saturday.", "missile_launch", 3),
        ("Pyongyang fired what seemed to be a ballistic missile on Saturday.", "missile_launch", None),
    ],
)
def test_hedged_object_types_and_dates_the_event(events_of, text, etype, count):
    found = of_type(events_of(text, "2024-03-12"), etype)
    assert found and found[0].time is not None and found[0].time.start == "2024-03-09"
    if count is not None:
        assert found[0].quantity is not None and found[0].quantity.value == count


def test_a_hedged_everyday_object_types_nothing(events_of):
    assert not of_type(events_of("The army fired what appeared to be a warning at the crowd."), "missile_launch")


# --- the words of a crypto theft and its laundering -------------------------------------------------------------


def test_plundered_crypto_is_a_cyber_theft(events_of):
    found = of_type(events_of("Last year the hackers plundered $240 million in tokens."), "cyber_theft")
    assert found and found[0].quantity is not None and found[0].quantity.value == 240_000_000


@pytest.mark.parametrize(
    "text",
    [
        "Analysts point to the use of Cambodian brokers to launder stolen funds.",
        "The group relied on mixers to launder hacked assets.",
    ],
)
def test_laundering_stolen_funds_is_the_theft_not_a_banking_channel(events_of, text):
    events = events_of(text)
    assert of_type(events, "cyber_theft")
    assert not of_type(events, "banking_channel")


def test_laundering_through_bank_accounts_is_still_a_banking_channel(events_of):
    assert of_type(events_of("The trading firm used accounts at a Dandong bank to move the money."), "banking_channel")


def test_payments_transmitted_through_accounts_are_a_banking_channel(events_of):
    found = of_type(events_of("Wire payments of $410,000 were transmitted through accounts at a Hong Kong bank."),
                    "banking_channel")
    assert found and found[0].quantity is not None and found[0].quantity.value == 410_000


# --- recruiting North Korean workers ----------------------------------------------------------------------------


def test_recruiting_north_korean_workers_is_overseas_labour(events_of):
    found = of_type(events_of("Chinese factories may be recruiting North Korean labourers again."), "overseas_workers")
    assert found and "chn" in role_entities(found[0], "agent")


# --- ship-to-ship: the vessel the cargo goes to ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("The freighter Ocean Lark, which transshipped the diesel to a Sierra Leone-flagged tanker, was later renamed.", "tanker"),
        ("The barge then moved its cargo onto a North Korean vessel off Shidao.", "vessel"),
        ("The crew pumped the fuel into a smaller tanker at night.", "tanker"),
    ],
)
def test_cargo_moved_to_a_vessel_is_a_ship_to_ship_transfer(events_of, text, destination):
    found = of_type(events_of(text), "ship_to_ship_transfer")
    assert found and any(destination in t for t in role_texts(found[0], "destination"))


@pytest.mark.parametrize(
    "text",
    [
        "The ministry moved its offices to a former ship terminal.",
        "The navy transferred two officers to a new vessel.",
        "The tanker loaded oil at the port of Yeosu.",
    ],
)
def test_no_ship_to_ship_transfer_without_cargo_between_vessels(events_of, text):
    assert not of_type(events_of(text), "ship_to_ship_transfer")


# --- the subject of a ban is no banned act ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "start"),
    [
        ("Resolution 2397, adopted in December 2017, bars member states from hiring North Korean labourers.",
         "un_resolution", "2017-12"),
        ("Three brokers who shipped coal to Vietnam in 2021 were sanctioned on Monday.", "banned_export", "2021"),
    ],
)
def test_an_act_in_the_subject_of_a_measure_happened(events_of, text, etype, start):
    found = of_type(events_of(text), etype)
    assert found and found[0].time is not None and found[0].time.start.startswith(start)


def test_the_object_of_a_ban_is_still_generic(events_of):
    assert not of_type(events_of("The resolution bans exports of coal from North Korea."), "banned_export")


# --- a count of those who act is the quantity only where the actors are counted ----------------------------------


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Three Chinese brokers shipped rifles to Nampo last year.", "arms_transfer"),
        ("Two hackers stole ether from a bridge in March.", "cyber_theft"),
    ],
)
def test_a_count_of_the_actors_is_not_the_quantity(events_of, text, etype):
    found = of_type(events_of(text), etype)
    assert found and found[0].quantity is None


@pytest.mark.parametrize(
    ("text", "etype", "value"),
    [
        ("Some 2,500 North Korean troops arrived in Primorye last week.", "troop_deployment", 2500),
        ("About 900 North Korean workers were sent to Chinese fish plants.", "overseas_workers", 900),
    ],
)
def test_counted_actors_are_still_the_quantity(events_of, text, etype, value):
    found = of_type(events_of(text), etype)
    assert found and found[0].quantity is not None and found[0].quantity.value == value


# --- a transfer noun's compound is its goods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "item"),
    [
        ("The freighter was accused of illegal coal shipments to Vietnam.", "banned_export", "coal"),
        ("Investigators traced the diesel deliveries to a Nampo terminal.", "petroleum_import", "diesel"),
    ],
)
def test_compound_of_a_transfer_noun_is_the_item(events_of, text, etype, item):
    found = of_type(events_of(text), etype)
    assert found and item in role_texts(found[0], "item")


def test_compound_of_an_act_noun_is_no_item(events_of):
    found = of_type(events_of("Seoul condemned the missile launch on Friday."), "missile_launch")
    assert found and "missile" not in role_texts(found[0], "item")


# --- "supply X with Y": X is where the goods go, in a type without a recipient role --------------------------------


def test_supplied_party_is_the_destination(events_of):
    found = of_type(events_of("Moscow began to supply Pyongyang with refined petroleum in March."), "petroleum_import")
    assert found and "prk" in role_entities(found[0], "destination")


# --- inspecting a ship is interdicting it; a when-clause under the event dates it --------------------------------


def test_inspected_vessel_is_a_seizure_dated_by_its_when_clause(events_of):
    text = "Japanese coast guard officers inspected the tanker when it docked at Sakaiminato on June 3."
    found = of_type(events_of(text), "seizure")
    assert found and found[0].time is not None and found[0].time.start == "2023-06-03"


def test_a_searching_ship_is_no_seizure(events_of):
    assert not of_type(events_of("The navy ship searched the area for survivors."), "seizure")


# --- a name in apposition to a participant is that participant ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "role", "name"),
    [
        ("Customs officers boarded the Togo-flagged freighter, the Mount Hope, in Busan.", "seizure", "target", "Mount Hope"),
        ("The barge moved its cargo onto a North Korean tanker, the Chon Ma San, and three other vessels.",
         "ship_to_ship_transfer", "destination", "Chon Ma San"),
        ("The tanker transferred the diesel to a Mongolian-flagged ship, the Bright Star, off Shidao.",
         "ship_to_ship_transfer", "destination", "Bright Star"),
    ],
)
def test_named_apposition_shares_the_role(events_of, text, etype, role, name):
    found = of_type(events_of(text), etype)
    assert found and any(name in t for t in role_texts(found[0], role))


# --- "three other non-Chinese ships": a hyphenated modifier before a capitalised word is skipped ---------------


def test_hyphenated_modifier_before_a_name_is_no_unit():
    from sanctionwatch.quantity import find_quantities

    text = "The barge met two other non-Russian tankers."
    (_s, _e, q), = find_quantities(text, 0, len(text))
    assert (q.value, q.unit) == (2, "tanker")


# --- coordinated goods of different types: the first named types the act ----------------------------------------


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Pyongyang sent a large number of labourers as well as soldiers to Russia in 2024.", "overseas_workers"),
        ("Pyongyang sent soldiers as well as labourers to Russia in 2024.", "troop_deployment"),
        ("The broker bought yachts and coal from the North.", "luxury_goods"),
    ],
)
def test_first_of_coordinated_goods_types_the_event(events_of, text, etype):
    events = events_of(text)
    assert [e.type for e in events if e.trigger.text in ("sent", "bought")] == [etype]


# --- help toward military capability moves it ---------------------------------------------------------------------


def test_assisting_a_military_upgrade_is_an_arms_transfer(events_of):
    found = of_type(events_of("Officials warned that Belarus has been assisting Iran in upgrading its military capabilities."),
                    "arms_transfer")
    assert found and "blr" in role_entities(found[0], "agent") and "irn" in role_entities(found[0], "recipient")


@pytest.mark.parametrize(
    "text",
    [
        "China helped ease military tensions on the peninsula.",
        "Moscow may help the North launch satellites next year.",
    ],
)
def test_help_that_moves_no_capability_is_no_arms_transfer(events_of, text):
    assert not of_type(events_of(text), "arms_transfer")


# --- a name right after a class noun, read as an adverbial, is still the participant -------------------------------


def test_name_after_the_class_noun_is_the_target(events_of):
    found = of_type(events_of("In 2019, they hacked the South Korean exchange Bithumb, taking $19 million."), "cyber_theft")
    assert found and any("Bithumb" in t for t in role_texts(found[0], "target"))


def test_a_day_after_the_object_is_no_name(events_of):
    found = of_type(events_of("Police seized the tanker Monday."), "seizure")
    assert found and not any("Monday" in t for t in role_texts(found[0], "target"))


# --- "providing X with military equipment": the provider arms X --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "recipient"),
    [
        ("Iran has become a key partner, reportedly providing Moscow with military drones and 500 missiles.", "irn", "rus"),
        ("Belarus is supplying Russia with military trucks, officials say.", "blr", "rus"),
    ],
)
def test_providing_with_armaments_is_an_arms_transfer(events_of, text, agent, recipient):
    found = of_type(events_of(text), "arms_transfer")
    assert found and agent in role_entities(found[-1], "agent") and recipient in role_entities(found[-1], "recipient")


def test_providing_civilian_goods_is_no_arms_transfer(events_of):
    assert not of_type(events_of("The agency provided the village with medical supplies and tents."), "arms_transfer")


# --- the named place a destination lies in is the event's location ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "place"),
    [
        ("The regime sent about 2,000 workers to factories in remote parts of Mongolia last year.", "overseas_workers", "mng"),
        ("Pyongyang sent 3,000 soldiers to bases across Russia in March.", "troop_deployment", "rus"),
    ],
)
def test_place_of_the_destination_is_the_location(events_of, text, etype, place):
    found = of_type(events_of(text), etype)
    assert found and place in role_entities(found[0], "location")


def test_a_destination_named_itself_adds_nothing(events_of):
    found = of_type(events_of("The regime sent 500 workers to Russia in May."), "overseas_workers")
    assert found and not role_texts(found[0], "location")


# --- an infinitive of purpose the parser hung on the object as a relative clause ---------------------------------


def test_purpose_read_as_relative_clause_is_done_by_the_subject(events_of):
    found = of_type(events_of("Analysts say China may be bending the rules to supply North Korea with diesel."),
                    "petroleum_import")
    assert found and "chn" in role_entities(found[0], "agent")


@pytest.mark.parametrize(
    "text",
    [
        "Moscow rejected calls to supply Kyiv with weapons.",
        "China drafted a plan to supply oil to the North.",
    ],
)
def test_the_one_who_rejects_or_drafts_an_aim_does_not_act(events_of, text):
    events = events_of(text)
    assert all(not role_entities(e, "agent") & {"rus", "chn"} for e in events if e.trigger.text == "supply")

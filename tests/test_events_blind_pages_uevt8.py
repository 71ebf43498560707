"""Event error classes found on a blind set of real maritime and trade pages (uevt8: ship-to-ship transfers, coal
and clothing smuggling, vessel seizures, designations of ships and shipping firms), each restated in sentences
written for these tests (other names, places, figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2021-05-14": parse_events(text, published)[1]


# --- a sanctioning authority's "targeting", and a ship "listed" or "blocked" by one, is a designation ----------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The U.S. Treasury Department on Monday targeted nine Chinese trading firms with sanctions.", "us-treasury"),
        ("The Office of Foreign Assets Control (OFAC) targeted two people, eight shipping firms and 14 tankers, freezing their assets.", "ofac"),
        ("The tanker Blue Harbor was listed by the UN in June 2019.", "un"),
        ("The freighter Morning Dew was blocked by the U.S. Treasury in August 2020.", "us-treasury"),
    ],
)
def test_authority_targeting_or_listing_is_a_designation(events_of, text, agent):
    found = of_type(events_of(text), "designation")
    assert found and agent in role_entities(found[0], "agent")


@pytest.mark.parametrize(
    "text",
    [
        "North Korean hackers targeted the ministry's email servers last year.",
        "North Korean missiles could target Guam within minutes.",
        "The tanker was blocked by ice near the port of Chongjin.",
        "The strait was blocked by fishing boats for a day.",
    ],
)
def test_no_designation_without_a_sanctioning_authority(events_of, text):
    assert not of_type(events_of(text), "designation")


def test_a_listing_by_the_un_is_dated_by_its_own_month(events_of):
    ev = of_type(events_of("The bulk carrier Golden Reed was listed by the UN in March 2017."), "designation")[0]
    assert ev.time is not None and ev.time.start.startswith("2017-03")


# --- an authority taking contraband (coal, clothing, arms) is a seizure; a ship taken by customs or a navy too ------


@pytest.mark.parametrize(
    "text",
    [
        "Vietnamese police seized a large quantity of garments made in North Korea.",
        "All of the anthracite was confiscated at the port of Haiphong.",
        "Customs officers in Dalian seized 300 tons of North Korean coal last week.",
        "The freighter Amber Sky was seized by customs officers in Port Said.",
        "The cargo ship Lucky Wave was impounded by the coast guard off Busan.",
    ],
)
def test_taking_contraband_is_a_seizure(events_of, text):
    assert of_type(events_of(text), "seizure")


@pytest.mark.parametrize(
    "text",
    [
        "The man was seized by police at the airport.",
        "North Korean hackers seized $20 million in crypto from the exchange.",
        "North Korea sold coal to traders in Dandong.",
    ],
)
def test_no_seizure_of_contraband_where_none_is_taken(events_of, text):
    assert not of_type(events_of(text), "seizure")


# --- the second participle of a reduced relative describes the object, not the main clause's subject's act -------


@pytest.mark.parametrize(
    ("text", "etype", "dest"),
    [
        ("Customs officers in Yanji seized a truckload of crabs caught in North Korean waters and smuggled into China.", "banned_export", "chn"),
        ("Border police in Jilin seized a large amount of clothing produced in a North Korean garment plant and smuggled into China.", "banned_export", "chn"),
        ("Inspectors found shells made in North Korea and shipped to Russia by rail.", "arms_transfer", "rus"),
    ],
)
def test_coordinated_reduced_relative_is_an_event_of_its_noun(events_of, text, etype, dest):
    found = of_type(events_of(text), etype)
    assert found and dest in role_entities(found[0], "destination")
    assert not role_texts(found[0], "agent")  # the police and the inspectors move nothing


@pytest.mark.parametrize(
    "text",
    [
        "North Korean workers attempted to smuggle the clothes into China.",
        "A trader tried to sell North Korean apparel to shops in Yanji.",
    ],
)
def test_clothes_and_apparel_are_banned_exports(events_of, text):
    assert of_type(events_of(text), "banned_export")


# --- the Security Council's ban, by acronym or by the ban it imposes, is its resolution -----------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On March 2, the UNSC banned exports of North Korean textiles and lead.", "2021-03-02"),
        ("The Security Council imposed a ban on North Korean seafood exports in Resolution 2397, adopted on Dec. 22, 2017.", "2017-12-22"),
        ("A cap on refined oil, imposed by the UN Security Council in 2019, remained in force.", "2019"),
    ],
)
def test_council_ban_is_a_resolution(events_of, text, day):
    found = of_type(events_of(text), "un_resolution")
    assert found and any(e.time is not None and e.time.start.startswith(day) for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "The United States imposed a ban on North Korean textiles last year.",
        "Sanctions imposed by the Security Council froze the assets of two banks.",
    ],
)
def test_no_resolution_without_the_council_imposing_a_ban(events_of, text):
    assert not of_type(events_of(text), "un_resolution")


def test_launches_a_ban_answers_did_happen(events_of):
    text = "In July, the UNSC banned coal exports in the wake of North Korea's launches of ballistic missiles."
    found = of_type(events_of(text), "missile_launch")
    assert found and "prk" in role_entities(found[0], "agent")


# --- a vessel "involved in" or "engaged in" transfers is their agent ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The tanker Silver Gull was involved in three ship-to-ship transfers of diesel to North Korean vessels.", "Silver Gull"),
        ("The freighter Jade Coast was engaged in ship-to-ship transfers of coal off Nampo.", "Jade Coast"),
    ],
)
def test_vessel_involved_in_transfers_is_their_agent(events_of, text, agent):
    found = of_type(events_of(text), "ship_to_ship_transfer")
    assert found and any(agent in t for t in role_texts(found[0], "agent"))


def test_a_passive_event_subject_is_no_agent(events_of):
    found = of_type(events_of("A missile test was conducted in the Yellow Sea."), "missile_launch")
    assert found and not role_texts(found[0], "agent")


# --- a state's own ministry announcing the state's act asserts it -----------------------------------------------


def test_ministry_announcing_its_states_designation_asserts_it(events_of):
    text = "The US has imposed sanctions on three Chinese trading firms, the US Treasury announced on Tuesday."
    found = of_type(events_of(text), "designation")
    assert found and found[0].modality == "asserted"


def test_another_states_ministry_reporting_it_alleges_it(events_of):
    text = "North Korea has shipped artillery shells to Russia, the US State Department said on Tuesday."
    found = of_type(events_of(text), "arms_transfer")
    assert found and found[0].modality == "alleged"


# --- fuel transferred at sea with no vessel word in reach is still fuel reaching someone --------------------------


def test_transferring_fuel_is_an_oil_event(events_of):
    text = "A patrol plane spotted a North Korean tanker and a small boat with a Chinese name apparently transferring fuel at night."
    assert of_type(events_of(text), "petroleum_import") or of_type(events_of(text), "ship_to_ship_transfer")


def test_a_verb_only_rule_never_types_the_noun(events_of):
    text = ("North Korea imported diesel from a Chinese supplier last month, officials said. A small boat was seen "
            "transferring fuel at night. The transfer allegedly took place on Sunday in the Yellow Sea, officials said.")
    types = {e.type for e in events_of(text) if e.trigger.text.lower() == "transfer"}
    assert "petroleum_import" not in types


# --- a passive relative clause is about the noun it modifies; transhipping goods is exporting them ----------------


@pytest.mark.parametrize(
    ("text", "etype", "item"),
    [
        ("A trader in Hunchun sold squid that had been smuggled from North Korea a week earlier.", "banned_export", "squid"),
        ("Analysts identified artillery shells that were shipped to Russia in October.", "arms_transfer", "shells"),
    ],
)
def test_passive_relative_clause_names_its_goods(events_of, text, etype, item):
    found = [e for e in of_type(events_of(text), etype) if e.trigger.text in ("smuggled", "shipped")]
    assert found and any(item in t for t in role_texts(found[0], "item"))


def test_transhipping_coal_is_a_banned_export(events_of):
    found = of_type(events_of("North Korea transhipped 4,000 tons of coal through a port in Sakhalin."), "banned_export")
    assert found and found[0].quantity is not None and found[0].quantity.value == 4000


@pytest.mark.parametrize(
    "text",
    [
        "Experts say North Korea has been utilizing covert arms shipments to earn hard currency.",
        "Pyongyang has utilised ship-to-ship transfers of coal to reach buyers in Asia.",
    ],
)
def test_who_utilizes_an_event_does_it(events_of, text):
    found = [e for e in events_of(text) if e.type in ("arms_transfer", "ship_to_ship_transfer")]
    assert found and "prk" in role_entities(found[0], "agent")


# --- a party named in a "with" phrase is never the goods of the event -------------------------------------------


@pytest.mark.parametrize(
    ("text", "goods", "party"),
    [
        # the parser may hang the "with" of the clause around it on the seizure verb
        ("The navy seized the tanker with Russia.", None, "Russia"),
        ("Coast guards seized a trawler with 300 tons of anthracite near Nakhodka.", "anthracite", None),
    ],
)
def test_a_with_phrase_names_goods_never_a_party(events_of, text, goods, party):
    found = of_type(events_of(text), "seizure")
    assert found
    items = [t for e in found for t in role_texts(e, "item")]
    if goods is not None:
        assert any(goods in t for t in items)
    if party is not None:
        assert not any(party in t for t in items)

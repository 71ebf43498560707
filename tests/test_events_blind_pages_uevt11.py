"""Event error classes found on the uevt11 blind set of real pages (DOJ filings and law-firm notes on sanctions
evasion, Korean outlets on arms to Russia, state-media statements), each restated in sentences written for these
tests (other names, places, figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts


# --- the doer of a verb of receiving is the recipient ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "who"),
    [
        ("Officials in Kyiv say Russia has received North Korean artillery shells since May.", "arms_transfer", "rus"),
        ("Iran bought North Korean rocket launchers in 2019, the report said.", "arms_transfer", "irn"),
        ("Chinese brokers purchased North Korean anthracite at a discount last winter.", "banned_export", None),
        ("Russia acquired ballistic missiles from North Korea, the panel said.", "arms_transfer", "rus"),
    ],
)
def test_receiver_is_the_recipient(events_of, text, etype, who):
    found = of_type(events_of(text), etype)
    assert found
    ev = found[0]
    assert not role_texts(ev, "agent")
    assert role_texts(ev, "recipient")
    if who is not None:
        assert who in role_entities(ev, "recipient")


@pytest.mark.parametrize(
    "text",
    [
        "North Korea shipped artillery shells to Russia in March.",
        "North Korea sold coal to Chinese brokers last year.",
    ],
)
def test_sender_stays_the_agent(events_of, text):
    found = [e for e in events_of(text) if e.type in ("arms_transfer", "banned_export")]
    assert found
    assert "prk" in role_entities(found[0], "agent")


def test_buyer_for_another_keeps_the_recipient_it_names(events_of):
    found = of_type(events_of("A Hong Kong broker bought rifles for North Korea in 2018."), "arms_transfer")
    assert found
    assert "prk" in role_entities(found[0], "recipient")


# --- laundering dollars for banks is a banking channel, laundering coins a theft's ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three trading firms laundered US dollars for sanctioned North Korean banks, prosecutors said.",
        "Two shipping agents in Bangkok are suspected of laundering dollars for a bank in Pyongyang.",
    ],
)
def test_laundering_dollars_is_a_banking_channel(events_of, text):
    evs = events_of(text)
    assert of_type(evs, "banking_channel")
    assert not of_type(evs, "cyber_theft")


@pytest.mark.parametrize(
    "text",
    [
        "North Korean hackers laundered the stolen ether through a mixer.",
        "The Kimsuky group laundered cryptocurrency worth $40 million through two exchanges.",
    ],
)
def test_laundering_coins_is_still_a_theft(events_of, text):
    assert of_type(events_of(text), "cyber_theft")


# --- "X accused of doing": the accused noun acts -----------------------------------------------------------------


def test_reduced_relative_accused_noun_is_the_agent(events_of):
    found = of_type(events_of("Police charged two shipping agents accused of laundering US dollars for a North Korean bank."),
                    "banking_channel")
    assert found
    assert any("agents" in t for t in role_texts(found[0], "agent"))


# --- a noun event as the passive subject: the "by" phrase does it ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "doer"),
    [
        ("The nuclear test was conducted by North Korea near Punggye-ri.", "nuclear_test", "North Korea"),
        ("Several front companies were set up by the bank's agents in Macau.", "front_company", "agents"),
        ("The shell companies were registered by two Chinese brokers in 2017.", "front_company", "brokers"),
    ],
)
def test_passive_by_phrase_is_the_noun_events_agent(events_of, text, etype, doer):
    found = of_type(events_of(text), etype)
    assert found
    assert any(doer in t for t in role_texts(found[0], "agent"))


# --- "sanctioned for doing X": the one sanctioned does X -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "role", "doer"),
    [
        ("Hapsan Trading, a firm designated by OFAC in 2018 for selling rifles to North Korea, closed its office.",
         "arms_transfer", "agent", "firm"),
        ("The broker was sanctioned for shipping North Korean coal to Vietnam.", "banned_export", "agent", "broker"),
        ("Two traders designated by the EU for buying North Korean iron ore were fined.", "banned_export", "recipient", "traders"),
    ],
)
def test_the_one_sanctioned_for_an_act_does_it(events_of, text, etype, role, doer):
    found = of_type(events_of(text), etype)
    assert found
    assert any(doer in t for t in role_texts(found[0], role))


# --- a date after the event a reaction names dates that event, not the other events of the sentence -------------


def test_date_after_a_condemned_event_is_not_the_resolutions(events_of):
    text = ("The new resolution, drafted by France and passed by a 14-0 vote, condemned “in the harshest words” "
            "North Korea’s most recent nuclear test on October 4.")
    evs = events_of(text, "2017-11-02")
    tests = of_type(evs, "nuclear_test")
    assert tests and tests[0].time is not None and tests[0].time.start == "2017-10-04"
    for res in of_type(evs, "un_resolution"):
        assert res.time is None or res.time.start != "2017-10-04"
        assert not role_texts(res, "agent") & {"vote", "14-0 vote"}


# --- money an authority takes is a seizure; payments made through banks are a banking channel -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Since 2017, federal prosecutors have seized $48 million tied to the shipping network.",
        "The court ordered the forfeiture of $2.4 million linked to North Korean banks.",
    ],
)
def test_dollars_taken_by_an_authority_are_a_seizure(events_of, text):
    assert of_type(events_of(text), "seizure")


def test_a_thiefs_seizing_dollars_is_no_seizure(events_of):
    assert not of_type(events_of("North Korean hackers seized $40 million from a small exchange."), "seizure")


@pytest.mark.parametrize(
    "text",
    [
        "Payments for the tanker's repairs were reportedly made in dollars through two American banks.",
    ],
)
def test_payments_made_through_banks_are_a_banking_channel(events_of, text):
    assert of_type(events_of(text), "banking_channel")


def test_payments_with_no_bank_are_no_channel(events_of):
    assert not of_type(events_of("Residents made payments for their cars in cash."), "banking_channel")


# --- the owner of a measure imposed is its maker -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("Beijing criticized Australia's new sanctions imposed on two Chinese shipping firms.", "aus"),
        ("North Korea denounced Japan on Monday over its fresh sanctions imposed on four trading companies.", "jpn"),
    ],
)
def test_owner_of_imposed_sanctions_is_the_agent(events_of, text, maker):
    found = of_type(events_of(text), "designation")
    assert found and maker in role_entities(found[0], "agent")


# --- where the load of a carrier goes, the shipment goes -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang shipped 300 containers carrying artillery shells to Russia in May.",
        "North Korea sent 50 freight cars carrying munitions to Russia last week.",
    ],
)
def test_destination_of_the_carried_load_is_the_transfers(events_of, text):
    found = of_type(events_of(text), "arms_transfer")
    assert found and "rus" in role_entities(found[0], "destination")


# --- "via the port of X": a site the act passes is its location; a country passed is not --------------------------


def test_port_passed_through_is_the_location(events_of):
    text = "North Korea shipped the shells to Russia through the port of Rajin last year."
    found = of_type(events_of(text), "arms_transfer")
    assert found and any("Rajin" in t for t in role_texts(found[0], "location"))


def test_country_passed_through_is_no_location(events_of):
    found = of_type(events_of("Smugglers moved rifles through Laos to North Korea in 2016."), "arms_transfer")
    for ev in found:
        assert not any("Laos" in t for t in role_texts(ev, "location"))


# --- guards found comparing the dev sets' output before and after the classes above ------------------------------


def test_conveyance_in_a_by_phrase_is_no_agent(events_of):
    found = of_type(events_of("North Korea sent shells to Russia. The deliveries were carried out by vessels leaving Rajin."),
                    "arms_transfer")
    assert found and not any("vessels" in a.text for e in found for a in e.arguments if a.role == "agent")


def test_conveyance_passed_through_is_no_location(events_of):
    found = of_type(events_of("The North shipped more than a million shells to Russia through ships and trains."), "arms_transfer")
    assert found and not role_texts(found[0], "location")


def test_a_sum_forfeited_by_a_defendant_is_no_seizure(events_of):
    assert not of_type(events_of("The broker was also ordered to forfeit about $310,000 in profits from the scheme."), "seizure")


def test_dollar_sum_laundered_after_a_hack_is_the_thefts(events_of):
    text = ("North Korean hackers stole $600 million from the Halo bridge. By Friday, about $90 million had been "
            "laundered through accounts linked to the hackers.")
    evs = events_of(text)
    laundering = [e for e in evs if e.trigger.text.startswith("launder")]
    assert laundering and all(e.type == "cyber_theft" for e in laundering)

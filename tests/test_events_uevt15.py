"""Event error classes left open by earlier rounds (uevt13, uevt14, uattr10), restated in sentences written for
these tests: a time's preposition read inside a word, "whether or not" read as a negation, and an agent whose
country is given only by a "from" phrase."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities

from sanctionwatch.timex import find_times

# --- a leading preposition of a time is a whole word ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thieves took HK$12 million last month.", "last month"),
        ("The fund lost A$4 billion last year.", "last year"),
        ("Exports fell by a million tons in May.", "in May"),
        ("The broker was paid a billion on Friday.", "on Friday"),
    ],
)
def test_time_preposition_is_a_whole_word(text, expected):
    spans = [text[s:e] for s, e, _ in find_times(text)]
    assert spans == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Raiders from Freedonia stole US$48 million last year.", 48_000_000),
        ("Hackers stole coins worth about S$7 million last month.", 7_000_000),
    ],
)
def test_currency_amount_before_a_time_is_the_quantity(events_of, text, value):
    thefts = of_type(events_of(text), "cyber_theft")
    assert thefts and thefts[0].quantity is not None and thefts[0].quantity.value == value


# --- "whether or not" asks; it does not deny -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "modality"),
    [
        ("Port officials are weighing whether or not to seize the freighter.", "seizure", "hypothetical"),
        ("The coast guard must decide whether or not to seize the tanker.", "seizure", "hypothetical"),
        ("Port officials decided not to seize the freighter.", "seizure", "negated"),
    ],
)
def test_whether_or_not_is_hypothetical(events_of, text, etype, modality):
    found = of_type(events_of(text), etype)
    assert found and found[0].modality == modality


# --- the origin of an unnamed agent is its identity ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Online thieves hailing from North Korea stole $3 million from a wallet firm.", "prk"),
        ("Hackers from North Korea stole $9 million in tokens last spring.", "prk"),
    ],
)
def test_origin_gives_the_agent(events_of, text, entity):
    thefts = of_type(events_of(text), "cyber_theft")
    assert thefts and entity in role_entities(thefts[0], "agent")


def test_origin_outside_the_agent_is_not_taken(events_of):
    # the "from" phrase belongs to the stolen money, not to the thieves
    thefts = of_type(events_of("Hackers stole $2 million from North Korea last year."), "cyber_theft")
    assert thefts and "prk" not in role_entities(thefts[0], "agent")


# --- the side an act is sent to help is its destination or recipient -------------------------------------------


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("The regime sent 4,000 soldiers to assist Russia in its war.", "rus"),
        ("Pyongyang dispatched engineers and troops to help Russia last winter.", "rus"),
    ],
)
def test_helped_party_is_the_destination(events_of, text, entity):
    found = of_type(events_of(text), "troop_deployment")
    assert found and entity in role_entities(found[0], "destination")


def test_unnamed_purpose_gives_no_destination(events_of):
    found = of_type(events_of("The army sent troops to help the war effort."), "troop_deployment")
    assert found and not role_entities(found[0], "destination")


# --- a break-in by hackers and coins secured in a theft story are cyber theft ----------------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("In 2016, hackers broke into a film studio's network.", "broke into"),
        ("Hackers stole tokens from an exchange in March. The ring was behind most losses, securing an estimated "
         "$90 million worth of crypto.", "securing"),
    ],
)
def test_break_in_and_secured_coins_are_thefts(events_of, text, trigger):
    assert any(e.trigger.text == trigger for e in of_type(events_of(text), "cyber_theft"))


@pytest.mark.parametrize(
    "text",
    [
        "The police broke into a warehouse at night.",
        "The ministry secured a loan from a bank last year.",
    ],
)
def test_break_in_and_securing_elsewhere_are_not(events_of, text):
    assert not of_type(events_of(text), "cyber_theft")


# --- "brought in" banned goods is an import of them -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "banned"),
    [
        ("The freighter brought in 4,000 tons of North Korean coal in May.", True),
        ("The new rules brought in tougher checks on travellers.", False),
    ],
)
def test_brought_in_goods(events_of, text, banned):
    assert bool(of_type(events_of(text), "banned_export")) is banned


# --- a sale's figure is the price paid "for" it, not the buyers counted in its "to" phrase ------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("North Korea sold fishing licences to 300 boats for $9 million last year.", 9_000_000),
        ("The North sold 40 tons of coal to traders for $1 million.", 40),
    ],
)
def test_sale_price_over_buyer_count(events_of, text, value):
    found = of_type(events_of(text), "banned_export")
    assert found and found[0].quantity is not None and found[0].quantity.value == value

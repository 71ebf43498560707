"""Quantities: forms, approximation, currencies, and what is deliberately not a quantity."""

import pytest

from sanctionwatch.quantity import find_quantities, parse_quantity, list_members


@pytest.mark.parametrize(
    "text, value, unit, approximate",
    [
        ("some 7,000 containers", 7000, "container", True),
        ("millions of shells", 1_000_000, "shell", True),
        ("781,497 barrels of refined petroleum", 781_497, "barrel", False),
        ("$2.8 billion", 2.8e9, "USD", False),
        ("about 10,000 troops", 10_000, "troop", True),
        ("1.5 billion dollars", 1.5e9, "USD", False),
        ("$1.5bn in crypto", 1.5e9, "USD", False),
        ("tens of thousands of workers", 10_000, "worker", True),
        ("hundreds of millions of dollars", 1e8, "USD", True),
        ("more than 3,000 North Korean workers", 3000, "worker", True),
        ("at least 10 ballistic missiles", 10, "missile", True),
        ("2 million metric tons of coal", 2e6, "tonne", False),
        ("three foreigners", 3, "foreigner", False),
        ("a dozen ships", 12, "ship", False),
        ("roughly 500,000 rounds of ammunition", 500_000, "round", True),
        # dollars and other currencies written with a prefix
        ("Sg$665,000", 665_000, "SGD", False),
        ("S$1.2 million", 1.2e6, "SGD", False),
        ("HK$30 million", 3e7, "HKD", False),
        ("A$350", 350, "AUD", False),
        ("RM1.6 billion", 1.6e9, "MYR", False),
        ("3000 Koreans", 3000, "korean", False),  # a plural name is counted
        # the domain before the counted noun is no unit
        ("seven cyber attacks", 7, "attack", False),
        ("two digital wallets", 2, "wallet", False),
        ("40 online casinos", 40, "casino", False),
    ],
)
def test_parse_quantity(text, value, unit, approximate):
    q = parse_quantity(text)
    assert q is not None, text
    assert (float(q.value), q.unit, q.approximate) == (float(value), unit, approximate)


@pytest.mark.parametrize(
    "text",
    [
        "five or six years",  # a duration, not an amount
        "for 30 years",
        "its 73rd anniversary",
        "in 2014",  # a year
        "Resolution 2397",  # a name
        "12 March 2023",
        "7,000 of them",  # no unit
        "the UN 1718 Committee Panel of Experts",  # a number in a name
        "the 1718 Committee said",
    ],
)
def test_not_quantities(text):
    assert parse_quantity(text) is None


def test_find_quantities_offsets():
    text = "The North sent some 7,000 containers and $2.8 billion after five years."
    found = find_quantities(text)
    assert [text[s:e] for s, e, _ in found] == ["some 7,000 containers", "$2.8 billion"]
    assert all(text[s:e] == q.text for s, e, q in found)


@pytest.mark.parametrize(
    "text, main, members",
    [
        # a list of figures sharing one unit gives every figure
        ("some 600 and then 900 tonnes were moved", (900, "tonne"), [(600, "tonne")]),
        ("it fired 2, 4 and 6 rockets", (6, "rocket"), [(2, "rocket"), (4, "rocket")]),
        # a currency range shares the currency and the scale
        ("the scheme brought in $300-700 million a year", (700_000_000, "USD"), [(300_000_000, "USD")]),
    ],
)
def test_listed_figures(text, main, members):
    found = find_quantities(text)
    (q,) = [f for f in found if f[2].unit == main[1]]
    assert (q[2].value, q[2].unit) == main
    listed = list_members(text, q)
    assert [(m[2].value, m[2].unit) for m in listed] == members
    for s, e, m in listed:
        assert text[s:e] == m.text


@pytest.mark.parametrize(
    "text, value, unit",
    [
        # a converted figure in brackets before the scale belongs to the amount
        ("thieves took $US410 ($570) million in tokens", 410_000_000, "USD"),
        # a hyphenated modifier is not the counted noun
        ("three long-range drones", 3, "drone"),
        ("two ship-to-ship transfers of diesel", 2, "transfer"),
        # names and model numbers before the counted word; dotted abbreviations
        ("the three Rolls-Royce Phantom VIII Cars were flown in", 3, "car"),
        ("staff at more than 40 U.K. firms", 40, "firm"),
    ],
)
def test_brackets_and_hyphenated_modifiers(text, value, unit):
    # a month or weekday after a number is a date, never a counted unit; a reading time is no amount
    assert find_quantities("it was seen on 3 March") == []
    assert find_quantities("Share 4 min read") == []
    (found,) = find_quantities(text)
    assert (found[2].value, found[2].unit) == (value, unit)

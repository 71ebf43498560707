"""Amounts spelled with an article ("a million rounds") or in words ("thirty-five"), and decimal commas of translated text."""

import pytest

from sanctionwatch.quantity import find_quantities


@pytest.mark.parametrize(
    "text, value, unit, approximate",
    [
        ("the army fired more than a million rockets last year", 1_000_000, "rocket", True),
        ("a million barrels reached the port", 1_000_000, "barrel", False),
        ("nearly half a million tonnes of ore", 500_000, "tonne", True),
        ("the gang moved a billion dollars", 1_000_000_000, "USD", False),
    ],
)
def test_article_scales(text, value, unit, approximate):
    found = find_quantities(text)
    assert [(q.value, q.unit, q.approximate) for _, _, q in found] == [(value, unit, approximate)]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("thieves took coins worth $2,6 billion from the exchange", 2_600_000_000, "USD"),
        ("a reward of $7,25 million was paid", 7_250_000, "USD"),
    ],
)
def test_decimal_comma_before_scale(text, value, unit):
    found = find_quantities(text)
    assert [(q.value, q.unit) for _, _, q in found] == [(value, unit)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,500 shells", 1500),  # a thousands group keeps its meaning
        ("$12,345 in cash", 12_345),
    ],
)
def test_thousands_groups_unchanged(text, value):
    assert [q.value for _, _, q in find_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("the coast guard held thirty-five trawlers in the harbour", 35, "trawler"),
        ("Twenty one barges left the river port", 21, "barge"),
        ("some seventy barrels were unloaded", 70, "barrel"),
        ("nineteen containers were opened", 19, "container"),
    ],
)
def test_spelled_tens_and_units(text, value, unit):
    found = find_quantities(text)
    assert [(q.value, q.unit) for _, _, q in found] == [(value, unit)]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        # a broadcaster's spelled-out decimal is the decimal, never its last word alone
        ("hackers took about three-point-four trillion won from the bank", 3_400_000_000_000, "KRW"),
        ("exports of nine-point-five million dollars were blocked", 9_500_000, "USD"),
        ("some 2-point-7 million barrels of oil were shipped", 2_700_000, "barrel"),
        ("a fund of one-point-two-five billion dollars", 1_250_000_000, "USD"),
        # a remainder spelled after "thousand" adds to it
        ("another six-thousand-300 soldiers were wounded", 6_300, "soldier"),
        ("the regime sent 3-thousand-200 workers abroad", 3_200, "worker"),
        ("about 12-thousand troops crossed the border", 12_000, "troop"),
    ],
)
def test_broadcast_spellings(text, value, unit):
    found = find_quantities(text)
    assert [(q.value, q.unit) for _, _, q in found] == [(value, unit)]


def test_a_remainder_after_million_is_no_figure_of_it():
    # only "thousand" takes a spelled remainder; "million-300" reads as nothing rather than a wrong sum
    assert all(q.value != 5_000_300 for _, _, q in find_quantities("a 5-million-300 tonnes figure"))

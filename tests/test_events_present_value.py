"""A figure that gives what the loot is worth today is no event's quantity (events/present_value.py,
data/quantity.yaml ``present_value_before`` / ``present_value_after``).

Sentences written for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.events.present_value import present_value, without_present_values
from sanctionwatch.quantity import find_quantities


def _figures(text: str) -> list[str]:
    return [text[q[0]:q[1]] for q in without_present_values(text, find_quantities(text, 0, len(text)))]


@pytest.mark.parametrize("text, kept", [
    # the value of the day is the theft's figure; today's value is a revaluation
    ("Thieves took 9,000 coins, then valued at 40 billion won and now worth about 900 billion won.",
     ["9,000 coins", "40 billion won"]),
    ("Thieves took tokens worth $12 million, currently worth some $90 million.", ["$12 million"]),
    ("Hackers stole coins worth $30 million, or $250 million at current prices.", ["$30 million"]),
    ("The haul was 7,500 coins, $400 million at today's prices.", ["7,500 coins"]),
    # no present-day cue: every figure stays
    ("Hackers stole $30 million worth of tokens from the exchange in May.", ["$30 million"]),
    ("The coins are worth $5 million, the firm said.", ["$5 million"]),
])
def test_present_values_are_left_out(text, kept):
    assert _figures(text) == kept


def test_the_cue_must_be_next_to_the_figure():
    text = "It is now worth asking how 300 barrels moved."
    (found,) = find_quantities(text, 0, len(text))
    assert not present_value(text, found)

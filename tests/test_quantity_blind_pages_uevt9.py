"""Quantity units found wrong on a ninth blind set of real pages (uevt9), restated in sentences of our own: YAML
booleans in word lists, plural demonyms before a participle, gerunds before their noun."""

from __future__ import annotations

import pytest

from sanctionwatch.quantity import find_quantities
from sanctionwatch.resources import package_yaml


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # "on" is a word, not YAML's boolean: it ends the phrase before it
        ("About 700 North Koreans on fishing boats were stopped.", 700, "korean"),
        ("Some 4,000 North Koreans working in Tomsk were sent home.", 4000, "korean"),
        ("Police found 300 Americans living in the compound.", 300, "american"),
        ("Coast guards stopped three North Korean fishing boats.", 3, "boat"),
        ("The air force bought 12 training aircraft.", 12, "aircraft"),
        ("The ministry sent 10,000 North Korean troops.", 10_000, "troop"),
    ],
)
def test_unit_of_a_count(text, value, unit):
    found = find_quantities(text)
    assert found and found[0][2].value == value and found[0][2].unit == unit
    s, e, q = found[0]
    assert text[s:e] == q.text


def test_no_after_no_is_a_name_not_an_amount():
    # "No 3" is a number label, as "Article 5" is
    assert not find_quantities("The ship docked at Pier No 3 in Nampo.")


@pytest.mark.parametrize("name", ["quantity.yaml", "taxonomy.yaml", "timex.yaml"])
def test_word_lists_hold_no_yaml_booleans(name):
    def walk(x):
        if isinstance(x, list):
            assert not any(isinstance(v, bool) for v in x), f"a bare yes/no/on/off in a word list of {name}"
            for v in x:
                walk(v)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)

    walk(package_yaml(name))

"""An event noun's own "of" phrase gives its figure (events/noun_counts.py), and the words before a
counted noun that only say which kind it is, or a number that is part of a name, count nothing
(data/quantity.yaml ``skip_words``, ``not_after``).  Sentences written for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.quantity import find_quantities


@pytest.mark.parametrize("text, value, unit", [
    ("Agents froze 17 financial accounts of the firm.", 17, "account"),
    ("The bureau closed 8 bank accounts in Macau.", 8, "account"),
    ("Investigators took down 12 fraudulent websites.", 12, "website"),
    ("They registered 6 sham domains.", 6, "domain"),
    ("The bank kept two banks in its group.", 2, "bank"),  # the noun itself still counts
])
def test_kind_words_before_the_counted_noun(text, value, unit):
    found = find_quantities(text)
    assert [(q.value, q.unit) for _, _, q in found][:1] == [(value, unit)]


def test_a_number_in_a_list_name_counts_nothing():
    assert not find_quantities("Workers were hired by several Fortune 500 firms.")


@pytest.fixture(scope="module")
def quantity_of(parse_events):
    def _run(text: str, type_: str):
        _, events = parse_events(text)
        return [(e.quantity.value, e.quantity.unit) if e.quantity else None for e in events if e.type == type_]
    return _run


@pytest.mark.parametrize("text, type_, expected", [
    # the figure of the act before it in the list is nearer, but not its own
    ("The ministry reported raids on 14 depots in 6 cities, and the seizure of 40 bank accounts.", "seizure",
     (40, "account")),
    ("Officials confirmed the seizure of 2,500 tons of coal after a search of 3 vessels.", "seizure",
     (2500, "tonne")),
])
def test_an_event_nouns_of_phrase_gives_its_figure(quantity_of, text, type_, expected):
    assert quantity_of(text, type_)[:1] == [expected]

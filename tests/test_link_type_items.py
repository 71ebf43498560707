"""Items that only restate their event's type (data/linking.yaml ``type_item_classes``): "IT workers" in two
reports of workers abroad are no evidence that the reports tell one dispatch, while goods of other types, and
workers against something else, still agree or conflict as before."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.evidence import item_score
from sanctionwatch.linking.scoring import evidence
from sanctionwatch.linking.settings import parse_rules, rules
from sanctionwatch.model import Argument, Event, Fragment, TimeValue


def _ev(type_: str, item: str, *, agent: str | None = None, year: str | None = None) -> Event:
    args = [Argument("item", 0, len(item), item)]
    if agent:
        args.append(Argument("agent", 0, len(agent), agent, agent))
    t = TimeValue("t", f"{year}-01-01", f"{year}-12-31", "year") if year else None
    return Event(type_, Fragment(0, 1, "x"), args, time=t)


@pytest.mark.parametrize("type_, a, b, expected", [
    ("overseas_workers", "North Korean IT workers", "remote software developers", 0.4),  # only the type's class
    ("overseas_workers", "IT workers", "IT workers", 0.4),
    ("overseas_workers", "construction workers", "coal", 0.0),       # workers against coal still conflict
    ("arms_transfer", "artillery shells", "ammunition", 1.0),        # goods of other types still agree
    ("arms_transfer", "artillery shells", "crude oil", 0.0),
])
def test_items_that_restate_the_type_are_neutral(type_, a, b, expected):
    assert item_score(_ev(type_, a), _ev(type_, b)) == expected


def test_background_schemes_of_two_designation_rounds_do_not_link():
    # two rounds' pages each recall, in passing, workers placed by a different named firm in the same year
    a = _ev("overseas_workers", "IT workers", agent="local:first-front-firm", year="2022")
    b = _ev("overseas_workers", "IT workers", agent="local:second-broker", year="2022")
    assert evidence(a, b, context_a=frozenset({"prk"}), context_b=frozenset({"prk"})).score < 0.5


def test_one_scheme_told_by_two_pages_still_links():
    a = _ev("overseas_workers", "IT workers", agent="prk", year="2022")
    b = _ev("overseas_workers", "remote tech workers", agent="prk", year="2022")
    assert evidence(a, b).score >= 0.5


def test_the_table_is_read_from_the_data_file():
    assert "workers" in rules().type_item_classes["overseas_workers"]
    assert parse_rules({"type_item_classes": {"t": ["c"]}}).type_item_classes == {"t": frozenset({"c"})}
    assert parse_rules({}).type_item_classes == {}

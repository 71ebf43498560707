"""Aggregates are statistics, not incidents (linking/aggregates.py): a year's total of thefts ("hackers stole
$1.1 billion in 2023") and a series ("one more in a run of handovers at sea") are no case members and no
mentions of the act an article reports, while a single act named by its year stays in.

Events, names, figures and dates are invented for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.event_coref import coreference_chains
from sanctionwatch.linking.aggregates import series_mention, yearly_total
from sanctionwatch.linking.settings import parse_rules
from sanctionwatch.linking.items import evidence_items
from sanctionwatch.model import Argument, Document, Event, Fragment, Quantity, TimeValue


def _ev(type_: str = "cyber_theft", *, period: tuple[str, str] | None = None,
        victims: tuple[str, ...] = ()) -> Event:
    args = [Argument("agent", 0, 1, "prk", "prk")]
    args += [Argument("target", 0, 1, v, v) for v in victims]
    time = TimeValue("t", period[0], period[1], "year") if period else None
    return Event(type_, Fragment(0, 5, "stole"), args, quantity=Quantity(1.1e9, "USD"), time=time)


def _doc(published: str, *events: Event) -> Document:
    return Document("d1", "stole " * 4, published=published, events=list(events))


YEAR_2023 = ("2023-01-01", "2023-12-31")


@pytest.mark.parametrize("event, published, total", [
    # "North Korean hackers stole $1.1 billion in 2023", reported in January 2024: the year's figure
    (_ev(period=YEAR_2023), "2024-01-10", True),
    # "... so far this year", reported in December: the running figure of the year
    (_ev(period=YEAR_2023), "2023-12-20", True),
    # "the 2017 theft of $1.1 billion", attributed in 2023: one old act named by its year
    (_ev(period=("2017-01-01", "2017-12-31")), "2023-06-01", False),
    # a victim named: one act, dated coarsely ("stole $1.1 billion from Harbourcoin in 2023")
    (_ev(period=YEAR_2023, victims=("local:harbourcoin",)), "2024-01-10", False),
    # a month, or no date, is the date of one act
    (_ev(period=("2023-11-01", "2023-11-30")), "2023-12-05", False),
    (_ev(), "2024-01-10", False),
    # a multi-year figure is left to the tally rules of the time scoring
    (_ev(period=("2017-01-01", "2023-12-31")), "2024-01-10", False),
    # a year of launches or shipments is no sum of one-victim acts
    (_ev("missile_launch", period=YEAR_2023), "2024-01-10", False),
])
def test_yearly_total(event, published, total):
    assert yearly_total(_doc(published, event), event) is total


def test_a_years_total_is_no_case_member_but_the_theft_beside_it_is():
    theft = _ev(period=("2023-11-02", "2023-11-02"), victims=("local:harbourcoin",))
    total = _ev(period=YEAR_2023)
    items = evidence_items([_doc("2023-11-06", theft, total)])
    assert [item.idx for item in items] == [0]


# --- within one article (event_coref): a year's total is no mention of the theft the article is about

def _at(start: int, *, period: tuple[str, str] | None = None, victims: tuple[str, ...] = (),
        figure: bool = True, agent: bool = True) -> Event:
    args = [Argument("agent", 0, 1, "prk", "prk")] if agent else []
    args += [Argument("target", 0, 1, v, v) for v in victims]
    time = TimeValue("t", period[0], period[1], "year") if period else None
    return Event("cyber_theft", Fragment(start, start + 5, "stole"), args,
                 quantity=Quantity(4e8, "USD") if figure else None, time=time)


@pytest.mark.parametrize("events, chains", [
    # "Hackers took $400 million from the exchange ... more than all their thefts of 2023 put together."
    ([_at(0), _at(50, period=YEAR_2023)], [[0], [1]]),
    # "... its involvement in crypto theft ... stole $400 million in 2023": the total gives the figure
    ([_at(0, figure=False, agent=False), _at(50, period=YEAR_2023)], [[0, 1]]),
    # "... stole $400 million in 2023 and laundered it through brokers": the laundering is the total's
    ([_at(0, period=YEAR_2023), _at(50, figure=False)], [[0, 1]]),
    # "... stole $400 million in 2023; the theft from Harbourcoin ...": one theft of its own
    ([_at(0, period=YEAR_2023), _at(50, figure=False, victims=("local:harbourcoin",))], [[0], [1]]),
])
def test_coreference_keeps_a_years_total_apart(events, chains):
    assert coreference_chains(_doc("2024-01-10", *events)) == chains


# --- a series of acts ("one more in a series of ...", data/linking.yaml series_nouns)

def _mention(text: str, trigger: str, type_: str = "ship_to_ship_transfer") -> tuple[Document, Event]:
    start = text.index(trigger)
    ev = Event(type_, Fragment(start, start + len(trigger), trigger), [Argument("partner", 0, 1, "prk", "prk")])
    return Document("d2", text, published="2024-05-30", events=[ev]), ev


@pytest.mark.parametrize("text, trigger, series", [
    ("Officials called it one more in a series of fuel handovers at sea this spring.", "handovers", True),
    ("The raid would be another in a string of daring cryptocurrency heists.", "heists", True),
    ("The draft followed a spate of launches this year.", "launches", True),
    # one act, however its noun is modified
    ("A patrol plane saw the tanker take on fuel in a transfer at sea.", "transfer", False),
    ("The series of photos shows the tanker during the transfer.", "transfer", False),
])
def test_series_mentions(text, trigger, series):
    doc, ev = _mention(text, trigger)
    assert series_mention(doc, ev) is series


def test_a_series_is_no_mention_of_the_act_the_article_reports():
    text = "A tanker took on fuel from a small ship. Officials counted it among a series of such transfers."
    act = Event("ship_to_ship_transfer", Fragment(9, 13, "took"), [Argument("partner", 0, 1, "prk", "prk")])
    start = text.index("transfers")
    series = Event("ship_to_ship_transfer", Fragment(start, start + 9, "transfers"),
                   [Argument("partner", 0, 1, "prk", "prk")])
    doc = Document("d3", text, published="2024-05-30", events=[act, series])
    assert coreference_chains(doc) == [[0], [1]]
    assert [item.idx for item in evidence_items([doc])] == [0]


def test_series_nouns_are_read_from_the_data_file():
    assert parse_rules({"series_nouns": ["Spate"]}).series_nouns == frozenset({"spate"})
    assert parse_rules({}).series_nouns == frozenset()

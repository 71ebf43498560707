"""A seizure is told by the thing seized, and a ship is no kind of cargo: vessels compared as goods.

Events and pages written for these tests (no third-party text)."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.evidence import item_score
from sanctionwatch.model import Argument, Document, Entity, Event, Fragment, Mention


def _ev(type_: str = "seizure", *, target: str | None = None, item: str | None = None) -> Event:
    args = []
    if target:
        args.append(Argument("target", 0, len(target), target))
    if item:
        args.append(Argument("item", 0, len(item), item))
    return Event(type_, Fragment(0, 1, "x"), args)


@pytest.mark.parametrize("type_, a, b, expected", [
    ("seizure", "a Liberian-flagged tanker", "the vessel", 1.0),  # one class of goods: vessels
    ("seizure", "a cargo freighter", "the ship", 1.0),
    ("seizure", "the freighter", "its crew", 0.4),  # nothing to compare: the crew is no class of goods
    ("seizure", None, "the ship", 0.4),  # one side names no target
    ("designation", "two tankers", "a vessel", 0.4),  # a designation's target is who is listed, not goods
])
def test_seizures_without_cargo_compare_what_was_seized(type_, a, b, expected):
    assert item_score(_ev(type_, target=a), _ev(type_, target=b)) == expected


def test_the_cargo_still_decides_when_both_name_one():
    oil = _ev(target="the tanker", item="diesel")
    coal = _ev(target="the tanker", item="anthracite")
    assert item_score(oil, coal) == 0.0


def _page(doc_id: str, publisher: str, published: str, text: str, trigger: str, target: str) -> Document:
    """A page reporting, undated, that a ship was held, with the coastguard of Freedonia named as the seizer."""
    t = text.index(trigger)
    g = text.index(target)
    ev = Event("seizure", Fragment(t, t + len(trigger), trigger),
               [Argument("target", g, g + len(target), target)],
               sentence=Fragment(0, len(text), text), modality="alleged")
    n = text.index("North Korea")
    ents = [Entity("prk", "North Korea", "country", [Mention(n, n + len("North Korea"), "North Korea")])]
    return Document(doc_id=doc_id, text=text, publisher=publisher, published=published, events=[ev], entities=ents)


def test_undated_reports_of_one_vessel_held_make_one_case_and_an_older_seizure_stays_out():
    one = _page("s1", "Harbour Times", "2021-09-07",
                "Officials said a tanker suspected of passing fuel to North Korea was detained at the port.",
                "detained", "a tanker")
    two = _page("s2", "Valley Gazette", "2021-09-08",
                "The coastguard has held the vessel since spring over fuel sales to North Korea, a ministry said.",
                "held", "the vessel")
    old = _page("s3", "Coastal Herald", "2016-02-10",
                "A cargo ship that carried coal from North Korea was detained, port officials said.",
                "detained", "A cargo ship")
    cases = link_events([one, two, old])
    by_docs = sorted(sorted(m.doc_id for m in c.members) for c in cases)
    assert by_docs == [["s1", "s2"], ["s3"]]


@pytest.mark.parametrize("a, b, expected", [
    ("a Togo-flagged freighter", "refined diesel", 0.4),  # the ship on one side, its cargo on the other
    ("the vessel", "a tanker", 1.0),  # two ships agree
    ("diesel", "anthracite", 0.0),  # two cargoes of different kinds still disagree
])
def test_a_ship_and_its_cargo_neither_agree_nor_conflict(a, b, expected):
    assert item_score(_ev("ship_to_ship_transfer", item=a), _ev("ship_to_ship_transfer", item=b)) == expected
    assert item_score(_ev("ship_to_ship_transfer", item=b), _ev("ship_to_ship_transfer", item=a)) == expected

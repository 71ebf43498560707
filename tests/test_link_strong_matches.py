"""One strong match decides: an event that matches one member of a case on actors, date and figure joins
it, however many weak generic mentions in the case average it down (linking/clustering.py
``strong_floor``), unless it conflicts outright with a member of its own phase.

Events and pages written for these tests (invented exchanges and figures)."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.clustering import strong_floor
from sanctionwatch.linking.items import Item
from sanctionwatch.linking.scoring import LINK_THRESHOLD, STRONG_LINK_SCORE
from sanctionwatch.model import Document, Event, Fragment


def _item(trigger: str = "theft", type_: str = "cyber_theft") -> Item:
    doc = Document(doc_id="d", text=trigger, published="2025-04-01")
    return Item(doc, 0, Event(type_, Fragment(0, len(trigger), trigger), []), "allegation")


@pytest.mark.parametrize("scores, expected", [
    ([0.8, 0.45, 0.45, 0.45, 0.45], LINK_THRESHOLD),  # one strong match among generic mentions
    ([STRONG_LINK_SCORE, 0.3], LINK_THRESHOLD),  # the bound itself
    ([0.7, 0.45, 0.45], 0.0),  # no match strong enough: the average decides
    ([0.8, 0.45, 0.0], 0.0),  # a member it conflicts with (dates or figures apart)
    ([], 0.0),
])
def test_one_strong_match_is_enough_without_a_conflict(scores, expected):
    new = _item()
    assert strong_floor([(new, _item(), s) for s in scores], LINK_THRESHOLD) == expected


def test_another_phase_of_the_act_is_no_conflict():
    # the case holds the laundering of the proceeds too, which scores 0 against any theft report
    new = _item("theft")
    pairs = [(new, _item("heist"), 0.8), (new, _item("laundering"), 0.0)]
    assert strong_floor(pairs, LINK_THRESHOLD) == LINK_THRESHOLD

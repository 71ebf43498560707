"""A ship-to-ship transfer is done by two vessels together (data/linking.yaml ``joint_agent_types``): one
report makes the foreign ship the agent ("a foreign-flagged vessel pumping diesel into a North Korean
tanker"), another the North Korean tanker ("the North Korean tanker took part in a transfer at sea").  Different
agents are then no conflict; a party named on both sides ties the reports.

Events and parties written for these tests."""

from __future__ import annotations

from sanctionwatch.linking.evidence import actor_score
from sanctionwatch.model import Argument, Event, Fragment


def _ev(type_: str, **roles: str) -> Event:
    return Event(type_, Fragment(0, 1, "x"), [Argument(r, 0, 1, e, e) for r, e in roles.items()])


def test_either_vessel_as_agent_of_one_transfer():
    giver_first = _ev("ship_to_ship_transfer", agent="chn", destination="prk")
    tanker_first = _ev("ship_to_ship_transfer", agent="prk")
    assert actor_score(giver_first, tanker_first) >= 0.6


def test_transfers_of_different_parties_still_share_nothing():
    assert actor_score(_ev("ship_to_ship_transfer", agent="chn"), _ev("ship_to_ship_transfer", agent="rus")) <= 0.2


def test_a_sale_keeps_its_direction():
    # arms_transfer is not a joint act: a seller named differently is another sale
    assert actor_score(_ev("arms_transfer", agent="chn", recipient="prk"), _ev("arms_transfer", agent="prk")) == 0.0

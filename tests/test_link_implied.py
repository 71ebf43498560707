"""The linker's view of an event: a use of another state's weapons as their transfer, an undated event placed
by the time its sentence reports it at, and the phase of an act (a body set up or shut down)."""

from __future__ import annotations

import pytest

from sanctionwatch.event_coref import conflict
from sanctionwatch.linking.evidence import item_kinds
from sanctionwatch.linking.implied import linking_view
from sanctionwatch.linking.phases import phase
from sanctionwatch.linking.neighbourhood import related_types
from sanctionwatch.linking.scoring import REPORTED_MAX_LAG_DAYS, compatible, evidence, reported_by
from sanctionwatch.model import Argument, Event, Fragment, Quantity, TimeValue


def launch(agent: str | None, item_state: str | None, type_: str = "missile_launch", time=None, reported=None) -> Event:
    args = []
    if agent:
        args.append(Argument("agent", 0, 4, "Zeta", agent))
    args.append(Argument("item", 10, 30, "foreign-made rockets", item_state))
    return Event(type=type_, trigger=Fragment(5, 9, "shot"), arguments=args, time=time, reported=reported)


@pytest.mark.parametrize(
    "event, expected",
    [
        # a state firing another state's missiles: evidence the second supplied the first
        (launch("rus", "prk"), ("arms_transfer", {"agent": "prk", "recipient": "rus"})),
        (launch("irn", "prk"), ("arms_transfer", {"agent": "prk", "recipient": "irn"})),
        (launch("prk", "prk"), ("missile_launch", {"agent": "prk"})),  # its own missiles: a launch
        (launch("prk", None), ("missile_launch", {"agent": "prk"})),  # no origin named
        (launch(None, "prk"), ("missile_launch", {})),  # nobody fired them
        (launch("local:brigade-9", "prk"), ("missile_launch", {"agent": "local:brigade-9"})),  # not a state
        (launch("rus", "prk", type_="arms_transfer"), ("arms_transfer", {"agent": "rus"})),  # not a use type
    ],
)
def test_linking_view(event, expected):
    seen = linking_view(event)
    parties = {a.role: a.entity for a in seen.arguments if a.role in ("agent", "recipient")}
    assert (seen.type, parties) == expected
    assert event.type in ("missile_launch", "arms_transfer")  # the document's event is left as it was


def test_a_launch_of_supplied_missiles_links_with_the_transfer():
    transfer = Event(type="arms_transfer", trigger=Fragment(0, 4, "sent"),
                     arguments=[Argument("agent", 0, 1, "x", "prk"), Argument("recipient", 0, 1, "x", "rus"),
                                Argument("item", 5, 20, "ballistic rockets")],
                     time=TimeValue("in December", "2023-12-01", "2023-12-31", "month"))
    used = linking_view(launch("rus", "prk", time=TimeValue("on 30 December", "2023-12-30", "2023-12-30", "day")))
    assert compatible(used, transfer) >= 0.5
    assert "missile_launch" in related_types("arms_transfer")  # the incremental update finds stored launches


REPORTED_APRIL = TimeValue("In April", "2024-04-01", "2024-04-30", "month")


@pytest.mark.parametrize(
    "time, reported, published, expected",
    [
        (None, REPORTED_APRIL, "2024-05-17", "2024-04-30"),  # "In April, X thanked Y for its veto"
        (None, TimeValue("2024-05-17", "2024-05-17", "2024-05-17", "day"), "2024-05-17", "2024-05-17"),
        (None, None, "2024-05-17", "2024-05-17"),
        (REPORTED_APRIL, REPORTED_APRIL, "2024-05-17", "2024-05-17"),  # a dated event keeps its own date
        (None, TimeValue("in 2019", "2019-01-01", "2019-12-31", "year"), "2024-05-17",
         "2024-01-18"),  # never more than REPORTED_MAX_LAG_DAYS back
        (None, REPORTED_APRIL, None, None),
    ],
)
def test_reported_by(time, reported, published, expected):
    event = launch("prk", None, time=time, reported=reported)
    assert reported_by(event, published) == expected
    assert REPORTED_MAX_LAG_DAYS == 120


def test_an_undated_event_reported_earlier_links_with_the_dated_one():
    veto = Event(type="un_veto", trigger=Fragment(0, 4, "veto"), arguments=[Argument("agent", 0, 1, "x", "rus")],
                 time=TimeValue("on 28 March", "2024-03-28", "2024-03-28", "day"))
    recalled = Event(type="un_veto", trigger=Fragment(0, 4, "veto"), arguments=[Argument("agent", 0, 1, "x", "rus")],
                     reported=REPORTED_APRIL)
    unplaced = Event(type="un_veto", trigger=Fragment(0, 4, "veto"), arguments=[Argument("agent", 0, 1, "x", "rus")])
    assert compatible(recalled, veto, published_a="2024-05-17", published_b="2024-03-29") >= 0.5
    assert compatible(unplaced, veto, published_a="2024-05-17", published_b="2024-03-29") < 0.5


def acted(type_: str, word: str, time=None) -> Event:
    return Event(type=type_, trigger=Fragment(0, len(word), word), arguments=[Argument("agent", 0, 1, "x", "usa")],
                 time=time)


@pytest.mark.parametrize(
    "type_, word, expected",
    [
        ("monitoring_body", "created", "start"), ("monitoring_body", "formed", "start"),
        ("monitoring_body", "setting", "start"), ("monitoring_body", "shut", "end"),
        ("monitoring_body", "closes", "end"), ("monitoring_body", "expired", "end"), ("monitoring_body", "closure", "end"),
        ("monitoring_body", "renewal", None),  # neither: no phase, no conflict
        ("designation", "lifted", "end"), ("designation", "added", "start"),
        ("missile_launch", "fired", None),  # a type without phases
    ],
)
def test_phase(type_, word, expected):
    assert phase(acted(type_, word)) == expected


def test_a_body_set_up_and_one_shut_down_are_two_events():
    month = TimeValue("in May", "2022-05-01", "2022-05-31", "month")
    founded, closed = acted("monitoring_body", "founded", month), acted("monitoring_body", "closed", month)
    assert compatible(founded, closed) == 0
    assert conflict(founded, closed) == "phase"
    assert conflict(founded, acted("monitoring_body", "established", month)) is None


def test_the_same_total_without_its_period_is_not_ruled_out_by_time():
    def theft(qty: float, time=None) -> Event:
        return Event(type="cyber_theft", trigger=Fragment(0, 5, "theft"), arguments=[Argument("agent", 0, 1, "x", "prk")],
                     quantity=Quantity(qty, "intrusion"), time=time)

    tally = theft(41, TimeValue("between 2015 and 2021", "2015-01-01", "2021-12-31", "range"))
    same, other = theft(41), theft(7)
    assert evidence(tally, same, published_b="2023-06-01").time == 0.4
    assert evidence(tally, other, published_b="2023-06-01").time == 0.0


@pytest.mark.parametrize(
    "item, kinds",
    [
        ("a new solid-fuel long-range missile", ["missiles"]),  # the fuel is the missile's, not the goods
        ("armour-piercing shells", ["munitions"]),
        ("Pukguksong-5 rocket", ["missiles"]),
        ("Pukguksong-5", ["missiles"]),  # a name alone is still the goods
        ("ship-to-ship transfers of diesel", ["petroleum"]),
        ("diesel", ["petroleum"]),
    ],
)
def test_a_hyphenated_modifier_is_not_the_goods(item, kinds):
    event = Event(type="arms_transfer", trigger=Fragment(0, 4, "sent"), arguments=[Argument("item", 0, len(item), item)])
    assert sorted(item_kinds(event)) == kinds

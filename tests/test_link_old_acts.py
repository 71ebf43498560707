"""Cross-source linking classes found on reporting the team did not write (cases a state's organ, a
country read as a theft's victim, an old theft in the news again, a party set apart by "other").

Events, names, figures and dates are invented for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.event_coref import conflict
from sanctionwatch.linking.blocking import TimeIndex, time_key
from sanctionwatch.linking.evidence import actor_score, item_score, time_score
from sanctionwatch.linking.items import Item
from sanctionwatch.linking.scoring import evidence
from sanctionwatch.linking.states import acting_state
from sanctionwatch.linking.victims import victims_conflict
from sanctionwatch.model import Argument, Document, Event, Fragment, Quantity, TimeValue


def _ev(type_: str = "cyber_theft", *, agents: tuple[str, ...] = (), victims: tuple[str, ...] = (),
        recipient: str | None = None, origin: str | None = None, time: tuple[str, str] | None = None,
        quantity: Quantity | None = None, agent_text: str | None = None) -> Event:
    args = [Argument("agent", 0, 1, a, a) for a in agents]
    if agent_text:  # an agent described, not resolved to an actor
        args.append(Argument("agent", 0, len(agent_text), agent_text))
    args += [Argument("target", 0, 1, v, v) for v in victims]
    if recipient:
        args.append(Argument("recipient", 0, 1, recipient, recipient))
    if origin:
        args.append(Argument("origin", 0, 1, origin, origin))
    t = TimeValue("t", time[0], time[1], "month") if time else None
    return Event(type_, Fragment(0, 1, "x"), args, quantity=quantity, time=t)


# --- a country's organ, as the attribution names it ("<country id>-<words>"), acts for that country

@pytest.mark.parametrize("actor_id, state", [
    ("prk-military", "prk"),  # "North Korea's military"
    ("rus-defence-ministry", "rus"),  # "Russia's defence ministry"
    ("jpn-coast-guard", "jpn"),  # a country outside part_of
    ("dprk-mnd", "prk"),  # a named body of the part_of table
    ("prk", None),  # the state itself
    ("local:prk-trading", None),  # a firm of the article, whatever its name
    ("lazarus-group", "prk"),
    ("zzq-bureau", None),  # no such country
])
def test_acting_state(actor_id, state):
    assert acting_state(actor_id) == state


def test_a_states_organ_and_the_state_are_one_party():
    denial_by_state = _ev("arms_transfer", agents=("prk",), recipient="rus")
    denial_by_organ = _ev("arms_transfer", agents=("prk-military",), recipient="rus")
    assert actor_score(denial_by_state, denial_by_organ) > 0.5


def test_swapped_roles_are_compared_state_by_state():
    # "the North's army sold shells to Russia" and "Russia bought shells from North Korea"
    sold = _ev("arms_transfer", agents=("prk-army",), recipient="rus")
    bought = _ev("arms_transfer", agents=("rus",), origin="prk")
    assert actor_score(sold, bought) > 0
    # two different sellers stay apart
    other = _ev("arms_transfer", agents=("irn",), recipient="rus")
    assert actor_score(sold, other) == 0


# --- a country read as a theft's victim ("a Japanese exchange") is no named exchange

@pytest.mark.parametrize("a, b, conflict_", [
    (("jpn",), ("local:plover-exchange",), False),  # the exchange's country and the exchange
    (("kor",), ("local:plover-exchange",), False),  # a part_of state
    (("jpn",), ("kor",), True),  # two countries
    (("local:plover-exchange",), ("local:tamarin-coin",), True),  # two exchanges
    (("jpn", "local:plover-exchange"), ("local:tamarin-coin",), True),  # the named ones decide
])
def test_a_country_as_victim_disagrees_only_with_another_country(a, b, conflict_):
    assert victims_conflict(_ev(victims=a), _ev(victims=b)) == conflict_


# --- an old theft in the news again: an undated report in an article published close to one dating it

MAY = ("2031-05-01", "2031-05-31")
FIGURE = Quantity(205e6, "USD")


@pytest.mark.parametrize("undated_published, undated_figure, type_, expected", [
    ("2031-12-20", FIGURE, "cyber_theft", 0.4),  # same week as the dated report: unknown, not apart
    ("2031-12-30", FIGURE, "cyber_theft", 0.4),  # ten days later
    ("2032-03-01", FIGURE, "cyber_theft", 0.0),  # months later: the window rules
    ("2031-12-20", None, "cyber_theft", 0.0),  # nothing of its own (generic): the window rules
    ("2031-12-20", FIGURE, "missile_launch", 0.0),  # not a one-victim act
])
def test_an_old_theft_reported_again(undated_published, undated_figure, type_, expected):
    dated = _ev(type_, agents=("prk",), time=MAY, quantity=FIGURE)
    undated = _ev(type_, quantity=undated_figure)
    assert time_score(dated, undated, "2031-12-20", undated_published) == expected
    assert time_score(undated, dated, undated_published, "2031-12-20") == expected


def test_an_old_theft_reported_again_links_on_its_figure():
    dated = _ev(agents=("prk",), time=MAY, quantity=FIGURE)
    undated = _ev(agents=("lazarus-group",), quantity=Quantity(205e6, "USD"))
    assert evidence(dated, undated, published_a="2031-12-20", published_b="2031-12-21").score >= 0.5
    # a different figure keeps them apart
    other = _ev(agents=("lazarus-group",), quantity=Quantity(12e6, "USD"))
    assert evidence(dated, other, published_a="2031-12-20", published_b="2031-12-21").score < 0.5


def test_time_blocking_reaches_an_old_theft_reported_close_by():
    def item(n: int, published: str, event: Event) -> Item:
        return Item(Document(doc_id=f"d{n}", text="x", published=published), 0, event, "allegation")
    dated = item(1, "2031-12-20", _ev(agents=("prk",), time=MAY, quantity=FIGURE))
    index = TimeIndex()
    index.add(7, time_key(dated))
    close = time_key(item(2, "2031-12-22", _ev(quantity=FIGURE)))
    late = time_key(item(3, "2032-04-01", _ev(quantity=FIGURE)))
    assert 7 in index.reachable([close])
    assert 7 not in index.reachable([late])


# --- "other" sets a party apart from the one named before, within one article

@pytest.mark.parametrize("agent_text, apart", [
    ("other coastal authorities", True),
    ("another state", True),
    ("coastal authorities", False),
])
def test_a_party_set_apart_is_another_act(agent_text, apart):
    named = _ev("seizure", agents=("usa",), victims=("prk",))
    described = _ev("seizure", agent_text=agent_text, time=("2030-04-01", "2030-04-30"))
    assert (conflict(named, described) == "agent") == apart
    assert (conflict(described, named) == "agent") == apart


# --- a nominal trigger's modifier names the goods ("an arms deal") when no item argument does

def _nominal(trigger: str, item: str | None = None) -> Event:
    args = [Argument("item", 0, len(item), item)] if item else []
    return Event("arms_transfer", Fragment(0, len(trigger), trigger), args)


@pytest.mark.parametrize("trigger, other_item, expected", [
    ("arms deal", "rifles and shells", 1.0),  # arms cover munitions
    ("arms trade", "weapons", 1.0),
    ("coal exports", "weapons", 0.0),  # coal is no weapon
    ("deal", "weapons", 0.4),  # nothing named: no evidence either way
    ("weapons", "weapons", 0.4),  # a one-word trigger is the head, not a modifier
])
def test_a_nominal_triggers_modifier_names_its_goods(trigger, other_item, expected):
    assert item_score(_nominal(trigger), _nominal("sold", other_item)) == expected


def test_an_item_argument_wins_over_the_triggers_modifier():
    assert item_score(_nominal("arms deal", "oil"), _nominal("sold", "fuel")) == 1.0


# --- a theft and the laundering of its proceeds are dated apart: one never lends its date to the other

@pytest.mark.parametrize("first, second, differ", [
    ("stole", "laundered", True),
    ("theft", "laundering", True),
    ("hack", "mixed", True),
    ("stole", "moved", False),  # coins moved out of a wallet may be the theft itself
    ("heist", "stolen", False),  # two names of the theft
    ("laundered", "mixed", False),  # two steps of the laundering
    ("breach", "laundered", False),  # a word of no phase
])
def test_theft_and_laundering_phases(first, second, differ):
    from sanctionwatch.linking.phases import phases_differ
    a = Event("cyber_theft", Fragment(0, len(first), first), [])
    b = Event("cyber_theft", Fragment(0, len(second), second), [])
    assert phases_differ(a, b) == differ
    assert (conflict(a, b) == "phase") == differ


# --- a victim named by its owner in one report and by its product in another ("Plover's Kestrel bridge")

def _victim(entity: str, text: str) -> Event:
    return Event("cyber_theft", Fragment(0, 1, "x"), [Argument("target", 0, len(text), text, entity)])


@pytest.mark.parametrize("a, b, conflict_", [
    (("local:kestrel", "Plover's Kestrel bridge"), ("local:plover", "Plover"), False),  # owner and product
    (("local:kestrel", "the Kestrel bridge"), ("local:plover", "Plover"), True),  # nothing ties them
    (("local:kestrel", "Plover's Kestrel bridge"), ("local:tamarin", "Tamarin"), True),  # another victim
])
def test_a_victims_owner_named_in_its_phrase_is_the_same_victim(a, b, conflict_):
    assert victims_conflict(_victim(*a), _victim(*b)) == conflict_
    assert victims_conflict(_victim(*b), _victim(*a)) == conflict_

"""Telling one incident from another of its kind: named victims, sizes, and reports with nothing of their own.

Events and pages are written for these tests (invented exchanges, figures and dates)."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.evidence import ANONYMOUS_SCORE, SHARED_VICTIM_SCORE, actor_score, generic, quantity_score, time_score
from sanctionwatch.linking.victims import victim_names, victims_agree, victims_conflict
from sanctionwatch.linking.scoring import evidence
from sanctionwatch.model import Argument, Document, Event, Fragment, Quantity, TimeValue


def _ev(type_: str = "cyber_theft", *, agent: str | None = None, victims: tuple[str, ...] = (),
        time: tuple[str, str] | None = None, quantity: Quantity | None = None, modality: str = "asserted",
        described_victim: str | None = None) -> Event:
    args = [Argument("agent", 0, 1, agent, agent)] if agent else []
    args += [Argument("target", 0, 1, v, v) for v in victims]
    if described_victim:  # a victim described, not resolved to an actor
        args.append(Argument("target", 0, len(described_victim), described_victim))
    t = TimeValue("t", time[0], time[1], "day") if time else None
    return Event(type_, Fragment(0, 1, "x"), args, quantity=quantity, time=t, modality=modality)


@pytest.mark.parametrize("a, b, conflict", [
    (("local:harbourcoin",), ("local:velvet-swap",), True),  # two exchanges
    (("local:harbourcoin",), ("local:harbourcoin-s-cold-wallet",), False),  # the exchange and its wallet
    (("local:velvet-swap-exchange",), ("local:velvet-swap",), False),  # a longer name of it
    (("local:harbourcoin", "local:velvet-swap"), ("local:velvet-swap",), False),  # one side names both
    ((), ("local:velvet-swap",), False),  # nothing named on one side
])
def test_named_victims_of_one_theft_must_be_alike(a, b, conflict):
    assert victims_conflict(_ev(victims=a), _ev(victims=b)) == conflict
    assert (actor_score(_ev(agent="prk", victims=a), _ev(agent="prk", victims=b)) == 0.0) == conflict


def test_a_described_victim_is_no_named_one():
    described = _ev(agent="prk", described_victim="a crypto exchange in Singapore")
    assert victim_names(described) == []
    assert not victims_conflict(described, _ev(victims=("local:velvet-swap",)))


def test_targets_of_acts_with_many_targets_never_conflict():
    # one round of designations lists many targets; pages name different ones
    a = _ev("designation", agent="usa", victims=("local:lumen-trading",))
    b = _ev("designation", agent="usa", victims=("local:korvo-shipping",))
    assert not victims_conflict(a, b)
    assert actor_score(a, b) > 0


@pytest.mark.parametrize("type_, a, b, expected", [
    ("cyber_theft", Quantity(70e6, "USD", True), Quantity(1.5e9, "USD"), 0.0),  # "up to" a twentieth
    ("cyber_theft", Quantity(1.4e9, "USD", True), Quantity(1.5e9, "USD"), 1.0),  # the same, rounded
    ("cyber_theft", Quantity(600e6, "USD", True), Quantity(1.2e9, "USD"), 0.2),  # an early estimate
    ("cyber_theft", Quantity(600e6, "USD"), Quantity(1.2e9, "USD"), 0.0),  # exact and apart
    ("missile_launch", Quantity(3, "missile", True), Quantity(12, "missile"), 0.2),  # a running tally
    ("arms_transfer", Quantity(1e6, "shell", True), Quantity(5e6, "shell"), 0.2),  # a flow's tallies
])
def test_figures_of_one_incident_far_apart_are_two_incidents(type_, a, b, expected):
    assert quantity_score(_ev(type_, quantity=a), _ev(type_, quantity=b)) == expected


@pytest.mark.parametrize("published, own, expected", [
    ("2025-01-10", ("2025-02-05", "2025-02-05"), 0.0),  # reported before it happened
    ("2025-01-10", ("2025-02-01", "2025-02-28"), 0.0),  # ... or before the month it happened in
    ("2025-02-07", ("2025-02-05", "2025-02-05"), 0.6),  # reported two days after
    ("2025-01-10", ("2025-01-12", "2025-01-12"), 0.6),  # within the slack of its publication
])
def test_an_undated_report_cannot_be_of_a_later_event(published, own, expected):
    undated, dated = _ev(agent="prk"), _ev(agent="prk", time=own)
    assert time_score(undated, dated, published, None) == expected
    assert time_score(dated, undated, None, published) == expected


def test_a_denial_is_not_held_to_its_publication():
    # what a denial answers is dated by the denial, not by the article (scoring.time_score's own rules)
    denial = _ev(agent="prk", modality="denied", time=("2025-03-01", "2025-03-01"))
    assert time_score(denial, _ev(agent="prk", time=("2025-02-25", "2025-02-25")), "2025-03-02", None) > 0


@pytest.mark.parametrize("event, is_generic", [
    (_ev(), True),  # "the hack"
    (_ev(described_victim="the platform"), True),  # a victim described, not named
    (_ev(agent="prk"), False),
    (_ev(victims=("local:harbourcoin",)), False),
    (_ev(quantity=Quantity(5e6, "USD")), False),
    (_ev(time=("2025-02-05", "2025-02-05")), False),
    (_ev(modality="denied"), False),
])
def test_what_makes_an_event_generic(event, is_generic):
    assert generic(event) == is_generic


@pytest.mark.parametrize("a, b, pub_b, expected", [
    (_ev(), _ev(agent="prk"), "2025-01-15", 0.5),  # reported days apart
    (_ev(), _ev(agent="prk"), "2025-02-05", 0.15),  # weeks apart: windows touch, nothing else does
    (_ev(), _ev(), "2025-02-05", 0.15),
    (_ev(agent="prk"), _ev(agent="prk"), "2025-02-05", 0.5),  # both name their party
])
def test_a_generic_report_weeks_apart_is_no_evidence_of_one_event(a, b, pub_b, expected):
    assert time_score(a, b, "2025-01-08", pub_b) == expected
    assert time_score(b, a, pub_b, "2025-01-08") == expected


def test_a_generic_report_weeks_apart_never_links_on_context_and_coins_alone():
    a = _ev(agent="prk", quantity=Quantity(40e6, "USD", True))
    a.arguments.append(Argument("item", 0, 11, "stablecoins"))
    b = _ev(described_victim="a trading platform")
    b.arguments.append(Argument("item", 0, 5, "coins"))
    sentence_names = frozenset({"prk"})  # "... North Korea ..." in both sentences

    def score(pub_b: str) -> float:
        return evidence(a, b, published_a="2025-01-08", published_b=pub_b,
                        context_a=sentence_names, context_b=sentence_names).score
    assert score("2025-01-10") >= 0.5
    assert score("2025-02-10") < 0.5


# --------------------------------------------------------------------------
# pages: an earlier theft from another exchange stays out of the story's case

_EARLIER = ("Analysts blamed North Korean hackers for the Harbourcoin heist, in which up to $40 million vanished. "
            "The attackers moved stolen tokens through mixers. Such thefts by the North have grown.")
_STORY_A = ("Velvet Swap lost $900 million on March 2 when North Korean hackers emptied a cold wallet. "
            "The hack is among the largest ever.")
_STORY_B = ("Investigators say North Korea stole $900 million from Velvet Swap. "
            "The theft came days after a warning. Coins taken in the hack were swapped quickly.")


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _theft(text: str, trigger: str, *, agent: str | None = None, victim: tuple[str, str] | None = None,
           figure: tuple[str, float, bool] | None = None, day: tuple[str, str] | None = None,
           item: str | None = None) -> Event:
    args = []
    if agent:
        args.append(Argument("agent", *_at(text, agent), agent, "prk"))
    if victim:
        args.append(Argument("target", *_at(text, victim[0]), victim[0], victim[1]))
    if item:
        args.append(Argument("item", *_at(text, item), item))
    quantity = None
    if figure:
        args.append(Argument("quantity", *_at(text, figure[0]), figure[0]))
        quantity = Quantity(figure[1], "USD", figure[2], figure[0])
    time = None
    if day:
        args.append(Argument("time", *_at(text, day[0]), day[0]))
        time = TimeValue(day[0], day[1], day[1], "day")
    return Event("cyber_theft", Fragment.of(text, *_at(text, trigger)), args, quantity=quantity, time=time,
                 modality="alleged")


def _pages() -> list[Document]:
    earlier = Document(doc_id="p-earlier", text=_EARLIER, published="2025-02-03", events=[
        _theft(_EARLIER, "heist", agent="North Korean", victim=("Harbourcoin", "local:harbourcoin"),
               figure=("up to $40 million", 40e6, True)),
        _theft(_EARLIER, "moved", item="stolen tokens"),
        _theft(_EARLIER, "thefts", agent="the North"),
    ])
    a = Document(doc_id="p-story-a", text=_STORY_A, published="2025-03-05", events=[
        _theft(_STORY_A, "lost", agent="North Korean", victim=("Velvet Swap", "local:velvet-swap"),
               figure=("$900 million", 900e6, False), day=("March 2", "2025-03-02")),
        _theft(_STORY_A, "hack"),
    ])
    b = Document(doc_id="p-story-b", text=_STORY_B, published="2025-03-06", events=[
        _theft(_STORY_B, "stole", agent="North Korea", victim=("Velvet Swap", "local:velvet-swap"),
               figure=("$900 million", 900e6, False)),
        _theft(_STORY_B, "hack", item="Coins"),
    ])
    return [earlier, a, b]


def test_offsets_of_the_written_pages_hold():
    for doc in _pages():
        for e in doc.events:
            assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
            for arg in e.arguments:
                assert doc.text[arg.start:arg.end] == arg.text


def test_an_earlier_theft_from_another_exchange_stays_out_of_the_story():
    cases = link_events(_pages())
    docs_of = [{m.doc_id for m in c.members} for c in cases]
    story = next(d for d in docs_of if "p-story-a" in d)
    assert story == {"p-story-a", "p-story-b"}
    assert not any("p-earlier" in d and len(d) > 1 for d in docs_of)


# --------------------------------------------------------------------------
# one victim named alike on both sides is who the act was done to: evidence of one incident


@pytest.mark.parametrize("a, b, at_least", [
    # the thieves named on one page only ("a hacking collective" resolves to nothing)
    (_ev(agent="prk", victims=("local:harbourcoin",)), _ev(victims=("local:harbourcoin",)), SHARED_VICTIM_SCORE),
    # no thieves named on either page
    (_ev(victims=("local:harbourcoin",)), _ev(victims=("local:harbourcoin-s-hot-wallet",)), SHARED_VICTIM_SCORE),
    # one page lists two victims, the other one of them
    (_ev(victims=("local:harbourcoin", "local:velvet-swap")), _ev(victims=("local:velvet-swap",)),
     SHARED_VICTIM_SCORE),
])
def test_one_victim_named_alike_is_evidence_of_one_theft(a, b, at_least):
    assert victims_agree(a, b)
    assert actor_score(a, b) >= at_least
    assert actor_score(b, a) >= at_least


@pytest.mark.parametrize("a, b", [
    (_ev(victims=("local:harbourcoin",)), _ev()),  # no victim named on one side
    (_ev(described_victim="an exchange"), _ev(described_victim="an exchange")),  # only described
    (_ev(victims=("kor",)), _ev(victims=("kor",))),  # a state as the victim: too broad
    (_ev("designation", victims=("local:lumen-trading",)),  # acts with many targets
     _ev("designation", victims=("local:lumen-trading",))),
])
def test_no_victim_evidence_without_one_named_victim_of_a_one_victim_act(a, b):
    assert not victims_agree(a, b)
    assert actor_score(a, b) < SHARED_VICTIM_SCORE


def test_a_shared_victim_never_outweighs_conflicting_agents():
    a = _ev(agent="prk", victims=("local:harbourcoin",))
    b = _ev(agent="rus", victims=("local:harbourcoin",))
    assert actor_score(a, b) == 0.0


_VICTIM_A = "Hackers of the Bluefin Collective drained $45 million from Harbourcoin on May 14, the agency said."
_VICTIM_B = "The collective also raided Harbourcoin in May, investigators believe."
_VICTIM_OTHER = "A separate raid in May cost Velvet Swap $45 million, its owners said."


def test_pages_naming_one_victim_link_though_only_one_names_the_thieves():
    a = Document(doc_id="v-a", text=_VICTIM_A, published="2025-06-02", events=[
        _theft(_VICTIM_A, "drained", agent="Bluefin Collective", victim=("Harbourcoin", "local:harbourcoin"),
               figure=("$45 million", 45e6, False), day=("May 14", "2025-05-14"))])
    b = Document(doc_id="v-b", text=_VICTIM_B, published="2025-06-05", events=[
        _theft(_VICTIM_B, "raided", victim=("Harbourcoin", "local:harbourcoin"))])  # no thieves, no figure
    b.events[0].time = TimeValue("in May", "2025-05-01", "2025-05-31", "month")
    other = Document(doc_id="v-other", text=_VICTIM_OTHER, published="2025-06-03", events=[
        _theft(_VICTIM_OTHER, "raid", victim=("Velvet Swap", "local:velvet-swap"),
               figure=("$45 million", 45e6, False))])
    other.events[0].time = TimeValue("in May", "2025-05-01", "2025-05-31", "month")
    for doc in (a, b, other):
        for e in doc.events:
            for arg in e.arguments:
                assert doc.text[arg.start:arg.end] == arg.text
    docs_of = [{m.doc_id for m in c.members} for c in link_events([a, b, other])]
    assert {"v-a", "v-b"} in docs_of
    assert not any("v-other" in d and len(d) > 1 for d in docs_of)


# --------------------------------------------------------------------------
# a one-victim act that names no one at all is no match for one that names its victim on a figure alone


@pytest.mark.parametrize("anonymous, context, named, capped", [
    (_ev(quantity=Quantity(30e6, "USD")), frozenset(), _ev(agent="prk", victims=("local:harbourcoin",)), True),
    # its sentence names an actor: no longer anonymous
    (_ev(quantity=Quantity(30e6, "USD")), frozenset({"prk"}), _ev(agent="prk", victims=("local:harbourcoin",)),
     False),
    # a victim described, not named, is still no one named
    (_ev(described_victim="an exchange"), frozenset(), _ev(victims=("local:harbourcoin",)), True),
    # the other side names no victim either: nothing to set against
    (_ev(quantity=Quantity(30e6, "USD")), frozenset(), _ev(agent="prk"), False),
    # acts with many targets are not held to one victim
    (_ev("designation"), frozenset(), _ev("designation", victims=("local:lumen-trading",)), False),
])
def test_an_anonymous_mention_against_a_named_victim_scores_below_nothing_known(anonymous, context, named, capped):
    assert (actor_score(anonymous, named, context, frozenset()) <= ANONYMOUS_SCORE) == capped
    assert (actor_score(named, anonymous, frozenset(), context) <= ANONYMOUS_SCORE) == capped


_NAMED = "Earlier this year the Bluefin crew stole $30 million from Harbourcoin, the bureau said."
_ANONYMOUS = "Some $30 million was moved through mixers on February 9, months after that raid."


def test_a_dated_anonymous_mention_does_not_join_a_named_theft_on_its_figure_alone():
    named = Document(doc_id="n-named", text=_NAMED, published="2025-08-20", events=[
        _theft(_NAMED, "stole", agent="Bluefin crew", victim=("Harbourcoin", "local:harbourcoin"),
               figure=("$30 million", 30e6, False))])
    named.events[0].time = TimeValue("Earlier this year", "2025-01-01", "2025-08-20", "year")
    anonymous = Document(doc_id="n-anonymous", text=_ANONYMOUS, published="2025-02-12", events=[
        _theft(_ANONYMOUS, "moved", figure=("$30 million", 30e6, False), day=("February 9", "2025-02-09"))])
    for doc in (named, anonymous):
        for e in doc.events:
            for arg in e.arguments:
                assert doc.text[arg.start:arg.end] == arg.text
    pair = evidence(anonymous.events[0], named.events[0], published_a=anonymous.published,
                    published_b=named.published)
    assert pair.quantity == 1.0 and pair.score < 0.5
    assert not any(len({m.doc_id for m in c.members}) > 1 for c in link_events([named, anonymous]))

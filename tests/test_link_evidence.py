"""Field-by-field linking evidence and source credits, on events and pages written for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.evidence import actor_score, item_score, time_score
from sanctionwatch.linking.scoring import compatible, compatible_bound, evidence
from sanctionwatch.linking.syndication import syndication_groups
from sanctionwatch.model import Argument, Document, Event, Fragment, Quantity, TimeValue
from sanctionwatch.linking.credit import credit_key, publisher_credit, source_publisher_key


def _ev(type_: str = "cyber_theft", *, agent: str | None = None, item: str | None = None,
        time: tuple[str, str] | None = None, quantity: Quantity | None = None, modality: str = "asserted") -> Event:
    args = []
    if agent:
        args.append(Argument("agent", 0, 1, agent, agent))
    if item:
        args.append(Argument("item", 0, len(item), item))
    t = TimeValue("t", time[0], time[1], "day") if time else None
    return Event(type_, Fragment(0, 1, "x"), args, quantity=quantity, time=t, modality=modality)


@pytest.mark.parametrize("a_time, pub_a, b_time, pub_b, expected", [
    (("2024-03-03", "2024-03-03"), None, ("2024-03-04", "2024-03-04"), None, 1.0),  # precise, agree
    (("2024-03-03", "2024-03-03"), None, ("2024-03-20", "2024-03-20"), None, 0.0),  # precise, apart
    (None, "2024-03-05", ("2024-03-03", "2024-03-03"), None, 0.6),  # undated, reported two days later
    (None, "2025-06-01", ("2024-03-03", "2024-03-03"), None, 0.0),  # undated, reported a year later
    (None, "2024-03-05", None, "2024-03-09", 0.5),  # both undated, reported days apart
    (None, "2024-03-05", None, "2022-11-01", 0.0),  # both undated, reported years apart
    (None, "2024-03-05", ("2024-03-01", "2024-03-31"), None, 0.6),  # undated against a month that holds it
    (None, "2024-03-05", ("2024-01-01", "2024-12-31"), None, 0.5),  # undated against "this year": no better
])
def test_time_uses_own_interval_or_the_window_before_publication(a_time, pub_a, b_time, pub_b, expected):
    assert time_score(_ev(time=a_time), _ev(time=b_time), pub_a, pub_b) == expected


@pytest.mark.parametrize("a_time, b_time, expected", [
    (("2024-03-01", "2024-03-31"), ("2024-04-01", "2024-04-30"), 0.15),  # March against April: neighbours
    (("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-08-20"), 0.15),  # "last year" against "this year"
    (("2024-03-31", "2024-03-31"), ("2024-04-01", "2024-04-30"), 0.6),  # a day resolved just outside a month
    (("2024-03-29", "2024-03-29"), ("2024-04-01", "2024-04-01"), 1.0),  # two days a few days apart
    (("2024-03-01", "2024-03-31"), ("2024-03-20", "2024-04-10"), 0.6),  # periods that overlap
])
def test_periods_that_only_touch_are_neighbours_not_one_period(a_time, b_time, expected):
    assert time_score(_ev(time=a_time), _ev(time=b_time)) == expected
    assert time_score(_ev(time=b_time), _ev(time=a_time)) == expected


def test_episodes_of_a_flow_months_apart_are_discounted_not_excluded():
    a = _ev("arms_transfer", time=("2023-10-13", "2023-10-13"))
    b = _ev("arms_transfer", time=("2024-02-01", "2024-02-29"))
    a_year_on = _ev("arms_transfer", time=("2024-10-18", "2024-10-18"))
    c = _ev("arms_transfer", time=("2025-06-01", "2025-06-30"))
    assert time_score(a, b) == 0.15
    assert time_score(a, a_year_on) == 0.15  # one flow reported again a year later
    assert time_score(a, c) == 0.0


def test_a_denial_reaches_back_over_the_window_before_it_was_made():
    alleged = _ev(time=("2024-03-03", "2024-03-03"))
    denial = _ev(time=("2024-03-20", "2024-03-20"), modality="denied")
    assert time_score(alleged, denial, None, "2024-03-21") > 0


@pytest.mark.parametrize("a, b, expected", [
    ("luxury cars", "armoured cars", 0.0),
    ("artillery shells", "munitions", 1.0),
    ("crude oil", "artillery shells", 0.0),
    ("troops", "military engineers", 1.0),
    ("statues", "paintings", 0.35),
    ("weapons", "short-range ballistic missiles", 1.0),  # a general class covers the particular
    ("arms", "artillery shells", 1.0),
    ("nuclear weapons", "artillery shells", 0.0),  # the first classed word decides the kind
    ("ballistic missiles", "artillery shells", 0.0),
])
def test_kinds_of_goods_must_agree(a, b, expected):
    assert item_score(_ev(item=a), _ev(item=b)) == expected


def test_a_states_forces_are_no_conflict_with_the_state_but_two_states_are():
    assert actor_score(_ev(agent="kpa"), _ev(agent="prk")) > 0.6
    assert actor_score(_ev(agent="kpa"), _ev(agent="rus")) == 0.0


def test_an_aggregate_figure_never_links_to_a_part():
    part = _ev(agent="prk", time=("2024-03-03", "2024-03-03"), quantity=Quantity(40e6, "USD"))
    tally = _ev(agent="prk", time=("2024-01-01", "2024-12-31"), quantity=Quantity(1.2e9, "USD"))
    assert compatible(part, tally) == 0.0


def test_evidence_explains_each_field():
    a = _ev(agent="prk", item="crypto", time=("2024-03-03", "2024-03-03"), quantity=Quantity(40e6, "USD"))
    b = _ev(agent="lazarus-group", item="tokens", time=("2024-03-04", "2024-03-04"), quantity=Quantity(41e6, "USD"))
    e = evidence(a, b)
    # lazarus-group acts for prk: they share prk, not the group itself.
    assert e.to_dict() == {"type": 1.0, "actors": 0.8, "time": 1.0, "quantity": 1.0, "item": 1.0, "score": 0.91}


@pytest.mark.parametrize("publisher, expected", [
    ("Harbour Times (AFP story)", "afp"),
    ("Morning Ledger (Associated Press story)", "ap"),
    ("Some Blog (copy of a CNN story)", "cnn"),
    ("Coin Daily (text credited to Blockwire)", "blockwire"),
    ("Kyiv Courier (English edition; citing Bloomberg)", "bloomberg"),
    ("Lakeside Post (machine-translated copy of a German-language story)", None),
    ("Harbour Times", None),
    (None, None),
])
def test_publisher_credits(publisher, expected):
    assert publisher_credit(publisher) == expected


def test_dateline_credit_and_no_credit_from_a_mention():
    wire = Document(doc_id="a", text="OSLO (Reuters) - Ministers met on Monday.", publisher="Fjord Daily")
    quoting = Document(doc_id="b", text="Ministers met on Monday, Reuters reported.", publisher="Fjord Daily")
    assert credit_key(wire) == "credit:reuters"
    assert credit_key(quoting) is None


def _page(doc_id: str, publisher: str, published: str, text: str, trigger: str, agent: str) -> Document:
    start = text.index(trigger)
    a = text.index(agent)
    ev = Event("missile_launch", Fragment.of(text, start, start + len(trigger)),
               [Argument("agent", a, a + len(agent), agent, "prk")],
               time=TimeValue("on Tuesday", "2024-05-07", "2024-05-07", "day"))
    return Document(doc_id=doc_id, text=text, publisher=publisher, published=published, events=[ev])


def test_a_case_explains_its_members_and_names_its_sources():
    one = _page("a1", "Harbour Times (AFP story)", "2024-05-08",
                "Pyongyang fired two rockets into the sea on Tuesday, officials in the south said.", "fired", "Pyongyang")
    two = _page("b2", "Valley Gazette (AFP story)", "2024-05-08",
                "On Tuesday Pyongyang fired rockets, according to the agency's Seoul office.", "fired", "Pyongyang")
    three = _page("c3", "Coastal Herald", "2024-05-09",
                  "Military officials said Pyongyang fired short-range rockets on Tuesday.", "fired", "Pyongyang")
    (case,) = link_events([one, two, three])
    assert case.independent_sources == 2  # both AFP pages are one source
    assert sorted(case.source_labels) == ["Coastal Herald", "afp"]
    by_doc = {m["doc_id"]: m for m in case.membership}
    assert set(by_doc) == {"a1", "b2", "c3"}
    for m in by_doc.values():
        assert m["via"] == "evidence"
        assert m["best_match"]["time"] == 1.0 and m["best_match"]["actors"] == 1.0
        assert m["best_match"]["score"] >= 0.5


def test_a_multi_year_tally_of_launches_never_corroborates_one_launch():
    one = _ev("missile_launch", agent="prk", time=("2022-05-25", "2022-05-25"))
    tally = _ev("missile_launch", agent="prk", time=("2006-01-01", "2022-05-27"))
    assert time_score(one, tally) == 0.0
    # a flow's long period is its duration, not a tally
    flow = _ev("arms_transfer", agent="prk", time=("2023-01-01", "2024-02-27"))
    episode = _ev("arms_transfer", agent="prk", time=("2023-10-13", "2023-10-13"))
    assert time_score(flow, episode) > 0


@pytest.mark.parametrize("ctx_a, ctx_b, expected", [
    (frozenset({"chn", "rus"}), frozenset({"rus"}), 0.55),  # the agentless event's sentence names the other's agent
    (frozenset({"usa"}), frozenset({"rus"}), 0.3),  # it names someone else
    (frozenset(), frozenset({"rus"}), 0.4),  # it names no one
])
def test_an_event_without_parties_is_weighed_by_its_sentence(ctx_a, ctx_b, expected):
    agentless = _ev("un_veto")
    named = _ev("un_veto", agent="rus")
    assert actor_score(agentless, named, ctx_a, ctx_b) == expected


def test_co_agents_named_in_the_other_sentence_are_no_mismatch():
    by_russia = _ev("un_veto", agent="rus")
    by_china = _ev("un_veto", agent="chn")
    assert actor_score(by_russia, by_china) == 0.2
    assert actor_score(by_russia, by_china, frozenset({"rus", "chn"}), frozenset({"chn"})) == 0.5


@pytest.mark.parametrize("a, b", [
    (_ev(agent="prk", time=("2024-03-03", "2024-03-03")), _ev(item="crypto", time=("2025-01-10", "2025-01-10"))),
    (_ev(), _ev(agent="prk")),
    (_ev("arms_transfer", agent="prk", item="shells"), _ev("arms_transfer", item="munitions")),
])
def test_the_bound_used_by_incremental_search_is_never_below_the_score(a, b):
    assert compatible_bound(a, b, published_a="2025-01-12", published_b="2025-01-11") >= compatible(
        a, b, published_a="2025-01-12", published_b="2025-01-11")


PROSE = ("Officials in the capital said the border crossing would stay shut for another week while inspectors "
         "examined cargo trucks that had arrived from the coast late on Sunday evening after heavy rain.")
QUOTE = "“We will inspect every container that crosses the river before any of them is released to buyers.”"


def test_pages_quoting_one_statement_are_not_copies_but_a_rewrite_is():
    first = Document(doc_id="p1", text=f"{PROSE} The minister added: {QUOTE}")
    quoting = Document(doc_id="p2", text=f"A different report on the harbour closure. The minister said {QUOTE}")
    rewrite = Document(doc_id="p3", text=f"Rain delayed the trucks. {PROSE.split(' while ')[0]}, local media said.")
    groups = syndication_groups([first, quoting, rewrite])
    assert {"p1", "p3"} in groups and {"p2"} in groups


def test_an_agency_site_and_pages_crediting_it_are_one_source():
    own = Document(doc_id="k1", text="The agency reported a launch.", publisher="KCNA")
    relayed = Document(doc_id="k2", text="PYONGYANG, May 3 (KCNA) -- A launch took place.", publisher="Some Portal")
    assert source_publisher_key(own) == source_publisher_key(relayed) == "credit:kcna"


def test_one_publisher_never_corroborates_itself_even_relaying_another_agency():
    own = _page("k1", "KCNA", "2024-05-08", "Pyongyang fired a new rocket on Tuesday, the agency said.",
                "fired", "Pyongyang")
    relayed = _page("k2", "KCNA", "2024-05-08",
                    "BEIJING, May 8 (Xinhua) -- Pyongyang fired a rocket on Tuesday, observers noted.", "fired",
                    "Pyongyang")
    assert source_publisher_key(relayed) == "credit:kcna"
    (case,) = link_events([own, relayed])
    assert case.independent_sources == 1 and case.status == "single-source"


def _said(sentence: str, type_: str = "designation") -> Event:
    return Event(type_, Fragment(0, 1, sentence[:1]), [], sentence=Fragment(0, len(sentence), sentence))


@pytest.mark.parametrize("a, b, expected", [
    ("Pyongyang rejected Resolution 2270 outright.", "The envoy called resolution 2321 an act of hostility.", 0.0),
    ("Pyongyang rejected Resolution 2270 outright.", "Officials said resolution 2270 was unlawful.", 0.4),
    ("The council tightened resolutions 2094 and 2270.", "Diplomats praised Resolution 2270.", 0.4),
    ("Pyongyang rejected Resolution 2270 outright.", "The council imposed new sanctions on Tuesday.", 0.4),
    ("The tanker (IMO 9123456) was blacklisted.", "The ship, IMO number 9876543, was blacklisted.", 0.0),
    ("The tanker (IMO 9123456) was blacklisted.", "Its IMO number 9123456 was listed.", 0.4),
])
def test_different_named_objects_are_different_events(a, b, expected):
    assert item_score(_said(a), _said(b)) == expected
    assert (evidence(_said(a), _said(b)).score == 0) == (expected == 0)

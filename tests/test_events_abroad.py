"""Events the tree hides: workers abroad named without a trigger verb, a participle clause sharing its subject,
a participle of use typing the act it modifies."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def run(parse_events):
    def _run(text: str):
        doc, events = parse_events(text)
        return doc, [e for e in events if e.type == "overseas_workers"]

    return _run


def _role(ev, role):
    return next((a for a in ev.arguments if a.role == role), None)


@pytest.mark.parametrize("text, trigger, place", [
    ("Inspectors saw North Korean labourers stitching uniforms in a workshop in Dandong, China.", "labourers", "Dandong"),
    ("Dozens of North Korean workers at a seafood plant in Hunchun were paid less than local staff.", "workers", "Hunchun"),
    ("He said he had worked for a North Korean logging company in Russia until 2021.", "worked", "Russia"),
])
def test_workers_abroad_without_a_trigger_verb(run, text, trigger, place):
    doc, events = run(text)
    assert [e.trigger.text for e in events] == [trigger]
    ev = events[0]
    assert _role(ev, "location").text == place
    agent = _role(ev, "agent")
    assert agent.entity == "prk" and doc.text[agent.start:agent.end] == agent.text
    assert all(doc.text[a.start:a.end] == a.text for a in ev.arguments)


@pytest.mark.parametrize("text", [
    "North Korean workers at a hotel site in Pyongyang finished the roof.",       # at home
    "North Korean labourers in Kaesong left the industrial park.",                 # at home (home_places)
    "South Korean workers in Vietnam went on strike over pay.",                    # not DPRK nationals
    "North Korean workers staged a rally to praise the harvest.",                 # no place
    "She worked for a Chinese trading company in Dandong for a decade.",          # employer not North Korean
])
def test_no_workers_abroad_event(run, text):
    _, events = run(text)
    assert events == []


def test_a_trigger_verb_keeps_its_event(run):
    _, events = run("Thousands of North Korean workers were sent to Russia and employed at building sites in Moscow.")
    assert len(events) >= 1
    assert {e.trigger.text for e in events} <= {"sent", "employed"}


def test_a_participle_clause_shares_the_subject_and_its_count(run):
    doc, events = run("About 30,000 North Korean workers stay in Mongolia and Laos, earning money for the regime.")
    assert [e.trigger.text for e in events] == ["earning"]
    ev = events[0]
    assert _role(ev, "agent").text.endswith("North Korean workers")
    assert ev.quantity is not None and ev.quantity.value == 30000


@pytest.mark.parametrize("text, types", [
    ("The board condemned Iran's launch of March 3, using ballistic missile technology, and demanded restraint.", {"missile_launch"}),
    ("The minister praised the company's launch of the new phone, using warm words.", set()),
])
def test_a_participle_of_use_types_the_act(parse_events, text, types):
    _, events = parse_events(text)
    assert {e.type for e in events} == types


@pytest.mark.parametrize("text, trigger, agent", [
    # the parser reads "after" as a preposition and the verb as a second act of the main clause's subject
    ("The new office was opened after Moscow in 2023 vetoed the renewal of the expert panel.", "vetoed", "Moscow"),
    ("The ship was seized and sold the oil to Syria.", "sold", "ship"),  # a real coordination keeps its subject
])
def test_the_subject_of_a_misread_subordinate_clause(parse_events, text, trigger, agent):
    _, events = parse_events(text)
    ev = next(e for e in events if e.trigger.text == trigger)
    assert _role(ev, "agent").text == agent


def test_an_event_a_participle_acts_on_is_not_the_clauses(parse_events):
    text = "On May 2, Japan, while denouncing our successful test launch of a new ICBM, drafted yet another resolution."
    _, events = parse_events(text)
    launch = next(e for e in events if e.trigger.text == "launch")
    assert not any(a.role == "agent" and a.text == "Japan" for a in launch.arguments)


@pytest.mark.parametrize("text, vetoes", [
    ("Russia rejected the renewal of the expert panel in March.", 1),
    ("China and Russia blocked the draft resolution on Thursday.", 1),
    ("North Korea rejected the new UN resolution as an act of war.", 0),  # a rebuttal, not a veto
])
def test_rejecting_is_a_veto_only_by_a_veto_power(parse_events, text, vetoes):
    _, events = parse_events(text)
    assert sum(e.type == "un_veto" for e in events) == vetoes


@pytest.mark.parametrize("text, trigger, agent", [
    # the penalties are no agent; "its" is Iran's (the country named before the pronoun)
    ("The council wanted to place harsh new penalties on Iran for its recent missile launches.", "launches", "irn"),
    ("The attack stole crypto tokens worth $40 million from the exchange.", "stole", None),
])
def test_instruments_and_incidents_are_no_agents(parse_events, text, trigger, agent):
    _, events = parse_events(text)
    ev = next(e for e in events if e.trigger.text == trigger)
    found = _role(ev, "agent")
    assert (found.entity if found is not None else None) == agent


def test_a_headline_verb_read_as_a_name_still_triggers(parse_events):
    text = "Paris, London Veto UN Sanctions On Iran"
    _, events = parse_events(text)
    assert [e.type for e in events] == ["un_veto"]


@pytest.mark.parametrize("text, types", [
    ("Officials believe Minsk has already handed over two million artillery rounds to the Russian army.", ["arms_transfer"]),
    ("Tehran funnelled hundreds of attack drones to Moscow last year.", ["arms_transfer"]),
    ("Washington wants Tehran to give up its nuclear weapons.", []),  # "give" is no trigger: give up, given that
    ("The clerk handed over the documents to the court.", []),
])
def test_handing_over_weapons_is_a_transfer(parse_events, text, types):
    _, events = parse_events(text)
    assert [e.type for e in events] == types

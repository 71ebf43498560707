"""Event error classes found on a ninth blind set of real pages (uevt9: crypto thefts and forfeitures, IT-worker
schemes, workers in Russia and the Gulf, munitions to Russia), each restated in sentences written for these tests
(other names, places, figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2024-03-12": parse_events(text, published)[1]


# --- "$12 million in crypto": "in" after an amount is what it is counted in, not a place ------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prosecutors moved to seize $12.4 million in USDC linked to North Korean IT workers.", 12_400_000),
        ("The FBI asked a court to confiscate about $3 million in bitcoin held by a Pyongyang front.", 3_000_000),
        ("Agents seized $800,000 in cash at the Dandong branch.", 800_000),
    ],
)
def test_an_amount_in_an_asset_is_a_seizure_of_funds(events_of, text, value):
    found = of_type(events_of(text), "seizure")
    assert found and any(e.quantity is not None and e.quantity.value == value for e in found)


def test_a_place_in_phrase_still_types_nothing(events_of):
    # "in the bank's lobby" is where, and a lobby is no fund
    assert not of_type(events_of("Police seized two men in the lobby of the bank in Seoul."), "seizure")


# --- North Koreans who work abroad are the labour, without a worker noun ----------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Some 3,500 North Koreans working in Oman were told to leave by June.", "omn"),
        ("About 800 North Koreans work in Mongolia, a diplomat said.", "mng"),
        ("Of the 1,200 North Koreans working at farms in Kazakhstan, half have gone home.", "kaz"),
    ],
)
def test_north_koreans_working_abroad_are_overseas_workers(events_of, text, place):
    found = of_type(events_of(text), "overseas_workers")
    assert found
    assert place in role_entities(found[0], "location")
    assert "prk" in role_entities(found[0], "agent")


@pytest.mark.parametrize(
    "text",
    [
        "Many North Koreans work in Seoul after they escape.",  # resettled defectors
        "North Korea works with Russia in Vladivostok.",  # the state, not its nationals
        "South Koreans working in Vietnam sent money home.",  # not DPRK nationals
    ],
)
def test_no_labour_abroad_where_none_is_sent(events_of, text):
    assert not of_type(events_of(text), "overseas_workers")


# --- IT-worker schemes told as the jobs they land ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nine North Korean nationals used borrowed identities to get IT jobs at firms in Texas.",
        "They obtained software development employment with more than 40 companies.",
        "The men helped North Korean developers secure remote jobs with Canadian startups.",
        "A facilitator in Arizona helped the workers land remote positions at US banks.",
    ],
)
def test_landing_it_jobs_is_overseas_work(events_of, text):
    assert of_type(events_of(text), "overseas_workers")


@pytest.mark.parametrize(
    "text",
    [
        "She got a job at a bakery in Seoul.",
        "The minister secured a position on the committee.",
        "He obtained employment as a driver in Busan.",
    ],
)
def test_an_everyday_job_is_no_overseas_work(events_of, text):
    assert not of_type(events_of(text), "overseas_workers")


# --- "sent workers overseas, including to X": the picked-out place is the destination -------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Pyongyang has used the firm to send IT workers abroad, including to Laos, for cash.", "lao"),
        ("The company shipped artillery shells overseas, including to Russia.", "rus"),
    ],
)
def test_including_to_a_place_is_the_destination(events_of, text, place):
    events = events_of(text)
    assert any(place in role_entities(e, "destination") for e in events)

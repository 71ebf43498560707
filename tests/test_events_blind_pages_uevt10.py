"""Event error classes found on a tenth blind set of real pages (uevt10: seizures of tankers and bulk carriers,
ship-to-ship oil deliveries, crypto thefts and laundering, IT-worker indictments, workers and munitions sent to
Russia, court cases), each restated in sentences written for these tests (other names, places, figures, dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2024-03-12": parse_events(text, published)[1]


# --- an adverbial between the auxiliary and the verb: the subject is still the verb's --------------------------


@pytest.mark.parametrize(
    ("text", "etype", "agent"),
    [
        ("Japan has for the second time seized a Sierra Leone-flagged tanker off Kyushu.", "seizure", "jpn"),
        ("China has in recent weeks sent thousands of workers to Russia.", "overseas_workers", "chn"),
        ("Russia had at least twice vetoed the draft resolution.", "un_veto", "rus"),
    ],
)
def test_subject_hung_on_the_auxiliary_acts(events_of, text, etype, agent):
    found = of_type(events_of(text), etype)
    assert found and agent in role_entities(found[0], "agent")


# --- "was seized and inspected by X": the "by" phrase after coordinated participles is each one's ---------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("A Panama-flagged freighter was seized and searched by Japanese authorities in Moji.", "jpn"),
        ("The bulk carrier was impounded and inspected by the Philippines last week.", "phl"),
    ],
)
def test_shared_by_phrase_of_coordinated_participles(events_of, text, agent):
    found = of_type(events_of(text), "seizure")
    assert found and agent in role_entities(found[0], "agent")


def test_a_conjunct_with_its_own_subject_keeps_its_by_phrase_to_itself(events_of):
    found = of_type(events_of("The tanker was seized in May, and its cargo was later sold by a broker."), "seizure")
    assert found and not role_texts(found[0], "agent")

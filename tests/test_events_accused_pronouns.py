"""In an accusation's content clause a third-person pronoun is the accused, not the accuser
(events/accusations.py, data/taxonomy.yaml ``accusation_nouns``). Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def agents(agents_by_pipeline):
    return lambda text, type_: agents_by_pipeline(text, type_, "2024-05-02")


@pytest.mark.parametrize("text, type_, expected", [
    # the allegation's maker is the United States; "it" is North Korea, who rejects it
    ("North Korea on Monday rejected U.S. allegations that it was responsible for an intrusion into a Danish bank.",
     "cyber_theft", "prk"),
    ("North Korea rejected the U.S. accusation that it was responsible for the ransomware attack on a Danish "
     "hospital.", "cyber_theft", "prk"),
    # the accuser not resolved: the pronoun is still the one who rejects
    ("The DPRK on Friday rejected the South Korean allegation that it had launched a cyberattack on a Seoul bank.",
     "cyber_theft", "prk"),
])
def test_a_pronoun_in_a_denied_accusation_is_the_denier(agents, text, type_, expected):
    found = agents(text, type_)
    assert found and all(expected in ids for ids in found)
    assert all("usa" not in ids and "kor" not in ids for ids in found)


def test_an_accusation_no_one_denies_leaves_the_pronoun_open(agents):
    # who "it" is, the sentence does not say; it is not the accuser
    found = agents("Officials repeated U.S. allegations that it was responsible for an intrusion into a Danish bank.",
                   "cyber_theft")
    assert all("usa" not in ids for ids in found)


@pytest.mark.parametrize("text, type_, speaker", [
    # a claim that is no accusation keeps the speaker's own "it"
    ("North Korea said it had launched a new ballistic missile into the sea.", "missile_launch", "prk"),
    ("Seoul said it had seized a cargo ship suspected of carrying coal.", "seizure", "kor"),
])
def test_a_speakers_own_report_keeps_its_pronoun(agents, text, type_, speaker):
    found = agents(text, type_)
    assert found and any(speaker in ids for ids in found)

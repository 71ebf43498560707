"""Lemma repair: an unknown plural in -ies gets its -y singular, so lexicons that list the singular match it."""

from __future__ import annotations

import pytest

from sanctionwatch.events import extract_events
from sanctionwatch.lemmas import COMPONENT, ies_singular
from sanctionwatch.model import Document
from sanctionwatch.read import parse

KNOWN = frozenset({"movie", "zombie"})


@pytest.mark.parametrize(
    "lower, lemma, expected",
    [
        ("cryptocurrencies", "cryptocurrencie", "cryptocurrency"),  # the lemmatizer's first guess for an unknown word
        ("stablecurrencies", "stablecurrencie", "stablecurrency"),
        ("movies", "movie", None),  # the tables know the -ie singular
        ("zombies", "zombie", None),
        ("companies", "company", None),  # already right
        ("lies", "lie", None),  # too short to be a guess worth repairing
        ("coins", "coin", None),
    ],
)
def test_ies_singular(lower, lemma, expected):
    assert ies_singular(lower, lemma, KNOWN) == expected


def test_component_runs_after_the_lemmatizer(nlp):
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("lemmatizer") + 1


@pytest.mark.parametrize(
    "text, word, lemma",
    [
        ("Thieves took cryptocurrencies from two wallets.", "cryptocurrencies", "cryptocurrency"),
        ("The movies were banned.", "movies", "movie"),
        ("The companies were listed.", "companies", "company"),
    ],
)
def test_lemmas_in_the_parse(nlp, text, word, lemma):
    assert next(t.lemma_ for t in nlp(text) if t.text == word) == lemma


def test_a_theft_of_cryptocurrencies_is_an_event(nlp):
    text = "Last spring's raids included the theft of cryptocurrencies from an exchange in Seoul."
    parsed = parse(nlp, text)
    doc = Document(doc_id="t", text=text, published="2024-04-05")
    events = extract_events(parsed, doc)
    assert [(e.type, e.trigger.text) for e in events] == [("cyber_theft", "theft")]

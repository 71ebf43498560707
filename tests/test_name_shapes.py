"""Names found by their shape: ship names after a vessel noun, country-adjective organisations, misspelt places."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import load_actor_table, resolve_entities
from sanctionwatch.name_shapes import edit_distance, fuzzy_place, organisation_names, vessel_names
from sanctionwatch.read import load_model, parse

NOUNS = ["vessel", "ship", "cargo ship", "tanker"]
HEADS = ["Corporation", "Company", "Society", "Bank"]


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.mark.parametrize(
    "text, names",
    [
        ("Police held the cargo ship HAERIM near Ulsan; HAERIM carried sand.", ["HAERIM", "HAERIM"]),
        ("Oil went to the North Korean flagged vessel Ryusong in May.", ["Ryusong"]),
        ("The tanker Bright Star left port.", ["Bright Star"]),
        ("The ship On Monday sailed.", []),  # a capitalised sentence word is no name
        ("The vessel was seized on Friday.", []),
    ],
)
def test_vessel_names(text, names):
    assert [text[s.start : s.end] for s in vessel_names(text, NOUNS)] == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("Listed: Korean Haesong Corporation and others.", ["Korean Haesong Corporation"]),
        ("Listed: Russian Maritime Society, a lender.", ["Russian Maritime Society"]),
        ("He banks at the Russian Bank downtown.", []),  # an adjective and a head word describe, not name
        ("Lee Hoon-min of Pyolsong Company met them.", ["Pyolsong Company"]),
    ],
)
def test_organisation_names(text, names):
    assert [text[s.start : s.end] for s in organisation_names(text, HEADS)] == names


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("Pjongjang", "prk"),  # two edits, same first letter and ending
        ("Pyongyan", "prk"),  # one edit
        ("Seuol", None),  # too short to trust
        ("Columbus", None),
        ("pyongyang", None),  # lower case: not a name
    ],
)
def test_fuzzy_place(surface, expected):
    assert fuzzy_place(surface, load_actor_table().places) == expected


def test_edit_distance_caps():
    assert edit_distance("slovakia", "slovenia") == 2
    assert edit_distance("abcdefgh", "zzzzzzzz") == 3


def test_resolver_separates_country_adjective_organisations(nlp):
    text = "Canberra listed:\n- Korean Haesong Corporation (a North Korean firm)\n- Russian Maritime Society (a Russian firm)\n"
    entities = {e.id: e for e in resolve_entities(parse(nlp, text))}
    orgs = {e.name for e in entities.values() if e.type == "organisation"}
    assert {"Korean Haesong Corporation", "Russian Maritime Society"} <= orgs
    assert all(m.text != "Russian" or m.start != text.index("Russian Maritime") for m in entities["rus"].mentions)
    for e in entities.values():
        assert all(text[m.start : m.end] == m.text for m in e.mentions)


def test_resolver_types_vessel_and_repairs_misspelt_capital(nlp):
    text = "Police held the cargo ship HAERIM near Ulsan. The Pjongjang government protested."
    entities = {e.id: e for e in resolve_entities(parse(nlp, text))}
    assert entities["local:haerim"].type == "vessel"
    assert "Pjongjang" in [m.text for m in entities["prk"].mentions]

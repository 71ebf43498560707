"""Actor identity read on a tenth blind set of real pages (a law firm's client alert on Treasury designations,
crypto-analytics news), restated in the team's own words:
- a short name defined in quotation marks right after a name ("Example Network Co., Ltd. (“Korea Star”)") is that
  actor wherever it stands, even where a word in it names a country on its own; a generic defined term ("the
  Company") is no name;
- an on-chain investigator known by a handle (ZachXBT) is a person of the actor table; the British and US sanctions
  offices a compliance alert names next to OFAC (OFSI, OTSI, FinCEN) are bodies of the table;
- a long family name written alone in a second spelling by a machine translation ("Ostrowitz" after "Jane
  Ostrowicz") is the person named in full, whatever the NER guessed for it; short names one letter apart stay two.
Every sentence is written for the test (invented firms and events)."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import ActorTable, load_actor_table
from ner_by_hand import entities_of, ids_at


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


def show(entities):
    return [(e.id, [m.text for m in e.mentions]) for e in entities]


@pytest.mark.parametrize("text, full, short", [
    ("Treasury designated Harbin Bluewave Software Co., Ltd. (“China Bluewave”) on Monday. Officials said China "
     "Bluewave had hired dozens of programmers from the North.", "Harbin Bluewave Software Co., Ltd.", "China Bluewave"),
    ("The order names Eastern Tide Shipping Limited (the \"Tide Line\") and its manager. Tide Line owned two tankers.",
     "Eastern Tide Shipping Limited", "Tide Line"),
])
def test_a_quoted_short_name_is_the_actor_it_follows(nlp, table, text, full, short):
    entities = entities_of(nlp, text, table)
    named = ids_at(entities, text, full)
    assert named and named <= ids_at(entities, text, short, 1), show(entities)
    assert "chn" not in ids_at(entities, text, short, 1), show(entities)


def test_a_generic_defined_term_is_no_name(nlp, table):
    text = "The fine was paid by Example Trading LLC (the “Company”), a firm in Dubai. The Company denied any breach."
    entities = entities_of(nlp, text, table)
    assert not (ids_at(entities, text, "Example Trading LLC") & ids_at(entities, text, "Company", 1)), show(entities)


def test_an_investigator_known_by_a_handle_is_a_person(nlp, table):
    text = "The blockchain sleuth ZachXBT said the wallets belonged to the hackers."
    entities = entities_of(nlp, text, table)
    assert any(e.id == "zachxbt" and e.type == "person" for e in entities), show(entities)


@pytest.mark.parametrize("name, actor", [("OFSI", "ofsi"), ("FinCEN", "fincen"), ("OTSI", "otsi")])
def test_sanctions_offices_are_known_bodies(nlp, table, name, actor):
    text = f"In a new advisory, {name} warned firms about remote workers using false identities."
    entities = entities_of(nlp, text, table)
    assert actor in ids_at(entities, text, name), show(entities)


@pytest.mark.parametrize("text, full, variant", [
    ("Jane Ostrowicz, a former adviser, spoke on Monday. Later, former adviser Ostrowitz estimated the cost at a "
     "million dollars.", "Jane Ostrowicz", "Ostrowitz"),
])
def test_a_second_spelling_of_a_long_family_name_is_the_same_person(nlp, table, text, full, variant):
    entities = entities_of(nlp, text, table)
    named = ids_at(entities, text, full)
    assert named and named & ids_at(entities, text, variant), show(entities)


def test_short_names_one_letter_apart_stay_two(nlp, table):
    text = "John Baker spoke first. Later, Bakes said the ship had left."
    entities = entities_of(nlp, text, table)
    assert not (ids_at(entities, text, "John Baker") & ids_at(entities, text, "Bakes")), show(entities)

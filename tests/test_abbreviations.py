"""Actors beyond the DPRK table: abbreviations merge with their names, the world layer, no ids from adjectives."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import load_actor_table, resolve_entities
from sanctionwatch.read import load_model, parse


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def ids_of(entities, text: str, surface: str) -> set[str]:
    start = text.index(surface)
    end = start + len(surface)
    return {e.id for e in entities for m in e.mentions if m.start < end and start < m.end}


# (text, one name, another name of the same actor: its abbreviation or an alias the text declares)
CASES = [
    ("The Baltic Maritime Transparency Institute (BMTI) tracked the tanker. BMTI said it had switched off its radio.",
     "Baltic Maritime Transparency Institute", "BMTI"),
    ("Analysts at the Northern Shipping Research Council traced six vessels. The NSRC report was shared with diplomats.",
     "Northern Shipping Research Council", "NSRC"),
    # the NER tags only the abbreviation; the definition before it names the same actor
    ("The Coastal Freight Transparency Initiative (CFTI), a research group in Bergen, said a tanker delivered diesel."
     " CFTI said the ship hid its location.", "Coastal Freight Transparency Initiative", "CFTI"),
    ("The hackers of Blue Heron Team, also known as Quiet Finch, emptied two wallets.", "Blue Heron Team", "Quiet Finch"),
    ("The tanker Morning Tide (formerly the Grey Gull) switched off its transponder.", "Morning Tide", "Grey Gull"),
    ("Lazarus Group, a.k.a. Harbour Ghost, laundered the funds.", "Lazarus Group", "Harbour Ghost"),
    # a mixed-case abbreviation of a table actor's name that leaves out the name's closing phrase
    ("The United Nations Panel of Experts on North Korea (PoE) was disbanded. The PoE had reported for years.",
     "Panel of Experts", "PoE"),
]


@pytest.mark.parametrize("text,name,abbr", CASES)
def test_two_names_of_one_actor_share_an_id(nlp, text, name, abbr):
    entities = resolve_entities(parse(nlp, text))
    full, short = ids_of(entities, text, name), ids_of(entities, text, abbr)
    assert full and short and full & short


def test_unrelated_names_stay_apart(nlp):
    text = "The Pacific Trade Council met on Monday. The Ministry of Energy said prices were stable."
    entities = resolve_entities(parse(nlp, text))
    assert not ids_of(entities, text, "Pacific Trade Council") & ids_of(entities, text, "Ministry of Energy")


@pytest.mark.parametrize("text,word", [
    ("The east Asian country said it would comply with the embargo.", "Asian"),
    ("A Canadian court froze the accounts of the broker.", "Canadian"),
])
def test_unknown_nationality_adjective_is_no_actor(nlp, text, word):
    entities = resolve_entities(parse(nlp, text))
    assert not any(e.id.startswith("local:") and word.lower() in e.id for e in entities)


def test_every_current_country_is_in_the_table():
    table = load_actor_table()
    assert table.lookup("Venezuela").id == "ven"
    assert table.lookup("Bolivarian Republic of Venezuela").id == "ven"
    assert table.lookup("Chad").id == "tcd"
    assert table.lookup("chad") is None  # a one-word name counts only as written
    assert table.lookup("Pyongyang").id == "prk"  # the project's own layer stays on top



def test_two_known_actors_are_never_merged_by_an_alias_phrase(nlp):
    text = "Pyongyang, formerly a quiet capital, and Seoul, also known as the southern capital, met."
    entities = resolve_entities(parse(nlp, text))
    assert not ids_of(entities, text, "Pyongyang") & ids_of(entities, text, "Seoul")

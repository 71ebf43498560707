"""Actor identity read on a ninth blind set of real pages (translated Japanese coverage of a council meeting, a
Korean paper on an intelligence briefing), restated in the team's own words:

- a person named by the family name alone right after a long title ("Chief Cabinet Secretary Morikawa said",
  "Japan's Ambassador to the United Nations Takahara said"), as translated copy does;
- a body named again by the short form of its name ("the Ministry of National Defense ... Defense Ministry
  spokesperson"), which is that body when it is the only known body of the page the short form fits;
- a Korean name of the hyphenated shape the NER missed ("the Customs Service (KCS) Ha Min-seok told ..."), a
  person whose bare family name later on is the same person.

Every sentence is written for the test (invented people and events)."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import ActorTable, load_actor_table
from sanctionwatch.model import Entity

from ner_by_hand import entities_of, ids_at


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()



def kinds_at(entities: list[Entity], text: str, surface: str) -> set[str]:
    pos = text.index(surface)
    return {e.type for e in entities for m in e.mentions if m.start <= pos and pos + len(surface) <= m.end}


@pytest.mark.parametrize("text,ents,name", [
    ("At the meeting, Japan's Ambassador to the United Nations Takahara said the launch was a grave threat.",
     [("Japan", "GPE"), ("the United Nations", "ORG")], "Takahara"),
    ("In Tokyo, Chief Cabinet Secretary Morikawa said the government would protest through diplomatic channels.",
     [("Tokyo", "GPE")], "Morikawa"),
])
def test_a_family_name_alone_after_a_title_is_a_person(nlp, table, text, ents, name):
    # the NER missed the name (as it does for many family names standing alone)
    entities = entities_of(nlp, text, table, ents)
    assert "person" in kinds_at(entities, text, name), [(e.id, e.type, [m.text for m in e.mentions]) for e in entities]


@pytest.mark.parametrize("text,word", [
    ("At the meeting, the Foreign Minister Monday said the talks would go on.", "Monday"),
    ("At the meeting, the Foreign Minister Office said the talks would go on.", "Office"),
])
def test_no_person_for_a_date_or_a_body_word_after_a_title(nlp, table, text, word):
    entities = entities_of(nlp, text, table, [])
    assert "person" not in kinds_at(entities, text, word)


def test_a_short_form_is_the_body_the_page_named_in_full(nlp, table):
    text = ("South Korea's Ministry of National Defense briefed lawmakers on Monday. Later, a Defense Ministry "
            "spokesperson said the drills would go ahead.")
    entities = entities_of(nlp, text, table)
    assert ids_at(entities, text, "Defense Ministry", 0) == ids_at(entities, text, "Ministry of National Defense")


def test_a_short_form_two_known_bodies_fit_stays_apart(nlp, table):
    text = ("South Korea's Ministry of National Defense and the Russian Defence Ministry both commented on Monday. "
            "Later, a Defense Ministry spokesperson said the drills would go ahead.")
    entities = entities_of(nlp, text, table)
    later = ids_at(entities, text, "Defense Ministry", 0)
    assert not later & ids_at(entities, text, "Ministry of National Defense")
    assert not later & ids_at(entities, text, "Russian Defence Ministry")


def test_a_hyphenated_korean_name_the_ner_missed_is_a_person(nlp, table):
    text = ("The Korea Customs Service (KCS) Ha Min-seok told the committee on Tuesday that coal had entered the port. "
            "Ha also said the ships had changed their names.")
    entities = entities_of(nlp, text, table, [("The Korea Customs Service", "ORG"), ("KCS", "ORG")])
    first = ids_at(entities, text, "Ha Min-seok")
    assert first and "person" in kinds_at(entities, text, "Ha Min-seok")
    assert ids_at(entities, text, "Ha also") & first


@pytest.mark.parametrize("text,surface", [
    ("Floods hit North Hwang-hae this week, the agency said.", "North Hwang-hae"),
    ("Crops failed in South Phyong-an after the drought, officials said.", "South Phyong-an"),
])
def test_a_place_or_a_longer_name_is_no_hyphenated_person(nlp, table, text, surface):
    entities = entities_of(nlp, text, table, [])
    assert "person" not in kinds_at(entities, text, surface)

"""A port or city of the field that the NER reads as a person is a place (data/places.yaml): it never becomes a
person of its own nor joins one; a person whose name merely holds such a word, and a place the gazetteer does not
list, stay as the NER read them.  Every sentence is written for the test."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import ActorTable, load_actor_table
from sanctionwatch.actors.places import known_places, places_not_persons
from sanctionwatch.actors.scan import NerSpan
from ner_by_hand import entities_of


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


def _type_of(entities, name):
    return {e.type for e in entities if any(m.text == name for m in e.mentions)}


@pytest.mark.parametrize("text, port", [
    ("The tanker sailed from Nakhodka to the North with refined oil on board.", "Nakhodka"),
    ("Trucks queued at the bridge in Hunchun for two days before the crossing opened.", "Hunchun"),
    ("Coal was loaded at Chongjin and landed in a port near the border a week later.", "Chongjin"),
])
def test_a_listed_port_read_as_a_person_is_a_place(nlp, table, text, port):
    entities = entities_of(nlp, text, table, [(port, "PERSON")])
    assert _type_of(entities, port) and "person" not in _type_of(entities, port)


def test_a_person_whose_name_holds_a_listed_word_stays_a_person(nlp, table):
    text = "Analyst Maria Sochi Petrova said the ships had met at night."
    entities = entities_of(nlp, text, table, [("Maria Sochi Petrova", "PERSON")])
    assert _type_of(entities, "Maria Sochi Petrova") == {"person"}


@pytest.mark.parametrize("span, label", [
    (NerSpan(0, 9, "Slavyanka", "PERSON"), "GPE"),
    (NerSpan(0, 9, "SLAVYANKA", "PERSON"), "GPE"),
    (NerSpan(0, 9, "Slavyanka", "ORG"), "ORG"),  # only a person reading is corrected
    (NerSpan(0, 8, "Jane Roe", "PERSON"), "PERSON"),
])
def test_only_a_person_that_is_exactly_a_listed_name_is_relabelled(span, label):
    assert places_not_persons([span])[0].label == label


def test_a_user_file_extends_the_list(tmp_path):
    extra = tmp_path / "places.yaml"
    extra.write_text("cities: [Port Invented]\n", encoding="utf-8")
    assert "port invented" in known_places((str(extra),))
    assert "port invented" not in known_places()

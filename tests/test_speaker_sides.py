"""A described speaker is never a person of another side, and a statement's own "we" is never the actor it attacks."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import resolve_entities
from sanctionwatch.attribution import extract_attributions
from sanctionwatch.read import parse


def _speakers(nlp, text):
    parsed = parse(nlp, text)
    atts = extract_attributions(parsed, resolve_entities(parsed), profile="fast")
    return {" ".join(f.text for f in a.source): (a.source_entity, a.affiliation) for a in atts}


def test_a_described_envoy_is_not_the_last_person_of_another_side(nlp):
    text = ("The tests came just after Joe Biden had left Seoul. At the council, the Russian ambassador said the "
            "sanctions were useless. The Chinese ambassador said the vote was a mistake.")
    found = _speakers(nlp, text)
    assert found["the Russian ambassador"] == (None, "rus")
    assert found["The Chinese ambassador"] == (None, "chn")


def test_a_described_leader_is_the_person_the_text_put_on_that_side(nlp):
    text = ("North Korean leader Kim Jong Un visited the plant on Monday. "
            "The North Korean leader said the workers had done well.")
    assert _speakers(nlp, text)["The North Korean leader"][0] == "kim-jong-un"


@pytest.mark.parametrize("text", [
    "On Friday the U.S., while denouncing our test, drafted a new resolution. We reject the resolution outright.",
])
def test_the_narrators_we_is_not_the_actor_named_before(nlp, text):
    found = _speakers(nlp, text)
    assert found.get("We", (None, None))[0] != "usa"


def test_a_surname_the_ner_reads_as_an_organisation_is_the_person(nlp):
    text = ("Pentagon spokeswoman Priya Dhillon said the convoy had crossed the border. "
            "Dhillon said more units would follow.")
    parsed = parse(nlp, text)
    ents = resolve_entities(parsed)
    person = next(e for e in ents if e.name == "Priya Dhillon")
    assert {text[m.start:m.end] for m in person.mentions} == {"Priya Dhillon", "Dhillon"}
    assert not any(e.id == "local:dhillon" for e in ents)


def test_an_interviewees_he_says_skips_a_leader_the_writer_quotes_in_past_tense(nlp):
    text = ("Former officer Pak Sun-ho says he ran a trading company in Dandong for the state. "
            "He says the money went to the leader's fund.\n\n"
            "In March, Kim Jong-un declared that the country faced a hard year.\n\n"
            "– The fund paid for the villas and the cars, he says.")
    found = [(" ".join(f.text for f in a.source), a.source_entity)
             for a in extract_attributions(parse(nlp, text), resolve_entities(parse(nlp, text)), profile="fast")]
    last_he = [e for s, e in found if s == "he"][-1]
    assert last_he is not None and "pak" in last_he

"""Actors of other pages than the dev set's: police agencies and outlets that must stay apart from the people they
carry, a vendor's group name that is also a common word, and an interviewee known only by "Mr." and a surname.

Every sentence is written for the test (invented people and events)."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import ActorTable, load_actor_table

from ner_by_hand import entities_of, ids_at


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()



@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("The South Korean National Police Agency said on Sunday that forty people had opened the files.",
         "South Korean National Police Agency", "knpa"),
        ("Japan's National Police Agency said the theft was the work of a group tied to Pyongyang.",
         "Japan's National Police Agency", "jpn-npa"),
        ("In an interview with VICE News, a former logger described the camps in the taiga.", "VICE News", "vice-news"),
        ("NBC News reported on Friday that the envoy had left the talks early.", "NBC News", "nbc-news"),
        ("The tanker was first spotted by the South China Morning Post in a Hong Kong harbour.",
         "South China Morning Post", "scmp"),
        ("Zelenskyy spoke on Saturday, News Today reports citing The Independent.", "The Independent", "the-independent"),
        ("Exiles of Free Joseon said they had taken the files from the mission in a raid.", "Free Joseon", "free-joseon"),
        # the metal's name is the group's only where the page names the group otherwise too
        ("Analysts said the phishing wave was the work of Kimsuky, a group that Microsoft calls Thallium.",
         "Thallium", "kimsuky"),
    ],
)
def test_known_police_agencies_outlets_and_groups(nlp, table, text, surface, expected):
    assert expected in ids_at(entities_of(nlp, text, table), text, surface)


@pytest.mark.parametrize(
    "text, surface, not_expected",
    [
        ("Traces of thallium were found in the water samples, the laboratory said on Monday.", "thallium", "kimsuky"),
        ("The police agency in Seoul said the suspect was a vice president of a small bank.", "vice", "vice-news"),
    ],
)
def test_words_that_are_no_such_actor(nlp, table, text, surface, not_expected):
    assert not_expected not in ids_at(entities_of(nlp, text, table), text, surface)


def test_a_surname_introduced_with_an_honorific_is_a_person_of_its_own(nlp, table):
    text = ("A former logger called Mr. Park told the paper about the camps. The envoy Park Chol-min called the "
            "account false. Mr. Park said he left in 2003.")
    ents = [("Park", "PERSON"), ("Park Chol-min", "PERSON"), ("Park", "PERSON")]
    entities = entities_of(nlp, text, table, ents)
    first, envoy, last = ids_at(entities, text, "Park", 0), ids_at(entities, text, "Park Chol-min"), ids_at(entities, text, "Park", 2)
    assert first and envoy and not first & envoy
    assert last == first


def test_a_surname_after_the_full_name_is_still_that_person(nlp, table):
    text = "The envoy Park Chol-min called the account false. Mr. Park said the talks were over."
    ents = [("Park Chol-min", "PERSON"), ("Park", "PERSON")]
    entities = entities_of(nlp, text, table, ents)
    assert ids_at(entities, text, "Park", 1) == ids_at(entities, text, "Park Chol-min")


@pytest.mark.parametrize(
    "full, short",
    [
        ("Korea Haeyang Shipping Company", "Haeyang"),
        ("Sinbong Trading Corporation", "Sinbong"),
        ("DPRK Kumsong Trading Co.", "Kumsong"),
    ],
)
def test_a_firm_called_by_its_distinctive_word_is_the_same_firm(nlp, table, full, short):
    text = f"The ministry designated {full} on Thursday. The head of {short} in Dalian was listed too."
    entities = entities_of(nlp, text, table, [(full, "ORG"), (short, "ORG")])
    assert ids_at(entities, text, short, 1) == ids_at(entities, text, full) != set()


def test_a_country_word_alone_is_no_short_name_of_a_firm(nlp, table):
    text = "The ministry designated Korea Trading Company on Thursday. Trading in Dalian was slow."
    entities = entities_of(nlp, text, table, [("Korea Trading Company", "ORG"), ("Trading", "ORG")])
    assert not ids_at(entities, text, "Trading", 1) & ids_at(entities, text, "Korea Trading Company")


def test_the_treasury_on_a_page_about_us_measures(nlp, table):
    text = "The United States froze the assets on Friday. The Treasury said the firm had moved oil."
    assert "us-treasury" in ids_at(entities_of(nlp, text, table), text, "Treasury")


@pytest.mark.parametrize("based", ["Hong Kong-based", "Dalian-based", "Vietnam-based"])
def test_the_place_a_firm_is_based_in_is_no_part_of_its_name(nlp, table, based):
    text = f"The ministry designated the {based} Silver Harbour Shipping on Thursday."
    entities = entities_of(nlp, text, table, [(f"{based} Silver Harbour Shipping", "ORG")])
    firm = ids_at(entities, text, "Silver Harbour Shipping")
    assert firm and not firm & ids_at(entities, text, based.split("-")[0])


@pytest.mark.parametrize(
    "text, person, place_id",
    [
        ("Deputy prosecutor Anna Monaco said the stolen coins would be returned.", "Anna Monaco", "mco"),
        ("The envoy Paul Jordan met the ministers in Amman.", "Paul Jordan", "jor"),
    ],
)
def test_a_place_that_ends_a_persons_name_is_the_surname(nlp, table, text, person, place_id):
    ents = entities_of(nlp, text, table, [(person, "PERSON")])
    assert place_id not in ids_at(ents, text, person)
    assert any(e.type == "person" for e in ents if e.id in ids_at(ents, text, person))

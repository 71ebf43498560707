"""A person named again in another form: a bare Korean surname, another romanisation, a title.

Every sentence is written for the test (invented people and events); the NER's output is set by hand so that
each case states what the statistical model produced, independent of its mood.
"""

from __future__ import annotations

import pytest

from sanctionwatch.actors import ActorTable, load_actor_table
from sanctionwatch.actors.bodies import short_names
from sanctionwatch.actors.surnames import fold, korean_surname
from sanctionwatch.model import Entity

from ner_by_hand import entities_of


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


def owner_at(entities: list[Entity], text: str, surface: str, nth: int = 0) -> str | None:
    """Id of the entity with a mention exactly over the nth occurrence of surface."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    for e in entities:
        for m in e.mentions:
            if (m.start, m.end) == (pos, pos + len(surface)):
                return e.id
    return None


def name_of(entities: list[Entity], entity_id: str) -> str:
    return next(e.name for e in entities if e.id == entity_id)


# --------------------------------------------------------------------------- a bare surname the NER missed


@pytest.mark.parametrize(
    "text, ents, surface, nth, expected",
    [
        # the NER tagged the full name only: the bare surname is the one person with it
        ("Trade Minister Ri Hak Son met the delegation on Tuesday. Ri, who chaired the talks, left early.",
         [("Ri Hak Son", "PERSON")], "Ri", 1, "local:ri-hak-son"),
        # another romanisation of the same surname (Hangul 임: Lim, Im, Rim)
        ("The spokesman Lim Do-hyun briefed reporters. \"We will act,\" said Im.",
         [("Lim Do-hyun", "PERSON")], "Im", 0, "local:lim-do-hyun"),
        ("Envoy Park Sun-mi arrived in Oslo. Later Pak said the visit was useful.",
         [("Park Sun-mi", "PERSON")], "Pak", 0, "local:park-sun-mi"),
        # two persons with the surname: the bare surname names nobody for sure
        ("Ri Hak Son and Ri Ok Gyong signed the deal. Ri said it was fair.",
         [("Ri Hak Son", "PERSON"), ("Ri Ok Gyong", "PERSON")], "Ri", 2, None),
        # a capitalised word right after it: part of another name, not a back-reference
        ("Ri Hak Son met the mayor. Ri Ung Chol was absent.",
         [("Ri Hak Son", "PERSON")], "Ri", 1, None),
        # a surname that is also an English word does not stand alone ("No" opens sentences)
        ("No Jae-sung visited the port. No vessel was inspected.",
         [("No Jae-sung", "PERSON")], "No", 1, None),
        # a name written given name first has no Korean surname to look for
        ("Officer Jane Kimble filed the report. Kimble declined to comment.",
         [("Jane Kimble", "PERSON")], "Kimble", 1, None),
    ],
)
def test_bare_surname_joins_the_one_person_with_it(nlp, table, text, ents, surface, nth, expected):
    assert owner_at(entities_of(nlp, text, table, ents), text, surface, nth) == expected


@pytest.mark.parametrize(
    "tokens, expected",
    [
        (("ri", "hak", "son"), "ri"),
        (("lim", "do", "hyun"), "lim"),
        (("jane", "kimble"), None),
        (("kim",), None),
    ],
)
def test_korean_surname_is_the_first_of_two_to_four_syllables(tokens, expected):
    assert korean_surname(tokens) == expected


@pytest.mark.parametrize("a, b", [("lim", "im"), ("rim", "lim"), ("yeo", "yo"), ("jeong", "jung"), ("lee", "ri")])
def test_romanisation_variants_fold_to_one_key(a, b):
    assert fold(a) == fold(b)


# --------------------------------------------------------------------------- two romanisations of one full name


@pytest.mark.parametrize(
    "text, ents, first, second, same",
    [
        ("Choe Yeo-jung spoke first. Later Choe Yeo-jeong repeated the warning.",
         [("Choe Yeo-jung", "PERSON"), ("Choe Yeo-jeong", "PERSON")], "Choe Yeo-jung", "Choe Yeo-jeong", True),
        ("Han Kyong-il arrived. Han Gyeong-il signed the paper.",
         [("Han Kyong-il", "PERSON"), ("Han Gyeong-il", "PERSON")], "Han Kyong-il", "Han Gyeong-il", True),
        # the surname spelt otherwise: the North's Ri and the South's Lee are kept apart
        ("Ri Song-ho spoke in Pyongyang. Lee Song-ho replied from Seoul.",
         [("Ri Song-ho", "PERSON"), ("Lee Song-ho", "PERSON")], "Ri Song-ho", "Lee Song-ho", False),
        # different given names stay two people
        ("Han Kyong-il arrived. Han Kyong-su signed the paper.",
         [("Han Kyong-il", "PERSON"), ("Han Kyong-su", "PERSON")], "Han Kyong-il", "Han Kyong-su", False),
    ],
)
def test_two_romanisations_of_one_name_are_one_person(nlp, table, text, ents, first, second, same):
    entities = entities_of(nlp, text, table, ents)
    a, b = owner_at(entities, text, first), owner_at(entities, text, second)
    assert a is not None and b is not None
    assert (a == b) is same


# --------------------------------------------------------------------------- a title for the person it introduced


@pytest.mark.parametrize(
    "text, ents, surface, expected",
    [
        # a title right before the name
        ("Ambassador Pak Chol-jin spoke for ten minutes. The North Korean ambassador then left the hall.",
         [("Pak Chol-jin", "PERSON"), ("North Korean", "NORP")], "The North Korean ambassador", "local:pak-chol-jin"),
        # an apposition after the name
        ("Mara Lindqvist, a spokeswoman for the ministry, declined to comment. The spokeswoman said talks go on.",
         [("Mara Lindqvist", "PERSON")], "The spokeswoman", "local:mara-lindqvist"),
        # two ministers: "the minister" names nobody for sure
        ("Foreign Minister Anna Berg met Trade Minister Tomas Lund. The minister praised the deal.",
         [("Anna Berg", "PERSON"), ("Tomas Lund", "PERSON")], "The minister", None),
        # a name after the title is another introduction, not a back-reference
        ("Ambassador Pak Chol-jin spoke. The ambassador Kim Ok-sun answered him.",
         [("Pak Chol-jin", "PERSON"), ("Kim Ok-sun", "PERSON")], "The ambassador", None),
        # a description before the introduction refers to nobody yet
        ("The envoy was late. Envoy Sara Holm arrived at noon.",
         [("Sara Holm", "PERSON")], "The envoy", None),
        # a preposition before the title: the deputy is not the ambassador
        ("Tom Reyes, deputy to the US Ambassador to the UN, wrote on Monday. The ambassador stayed silent.",
         [("Tom Reyes", "PERSON"), ("US", "GPE"), ("UN", "ORG")], "The ambassador", None),
        # "the secretary-general" is another title than "secretary"
        ("Secretary Ruth Ames met the press. The secretary-general was absent.",
         [("Ruth Ames", "PERSON")], "The secretary", None),
    ],
)
def test_title_back_reference_is_the_person_introduced_with_it(nlp, table, text, ents, surface, expected):
    entities = entities_of(nlp, text, table, ents)
    got = owner_at(entities, text, surface)
    assert got == expected
    if expected is not None:
        assert name_of(entities, expected) != surface  # the description never becomes the person's name


# --------------------------------------------------------------------------- table data: aliases and country leads


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("TraderTraitor", "lazarus-group"),
        ("Trader Traitor", "lazarus-group"),
        ("Office 121", "bureau-121"),
        ("Unit 121", "bureau-121"),
    ],
)
def test_cyber_actor_names_of_the_table(table, surface, expected):
    actor = table.lookup(surface)
    assert actor is not None and actor.id == expected


@pytest.mark.parametrize(
    "names, expected",
    [
        # a country word that opens the firm's name: the release calls it by the rest
        ([("local:a", "Korea Pungsan Trading Company"), ("local:b", "Pungsan")], [("local:a", "local:b")]),
        ([("local:a", "Chinese Lanhai Shipping Co."), ("local:b", "Lanhai Shipping")], [("local:a", "local:b")]),
        # a word the table does not list as a country lead stays part of the name
        ([("local:a", "Golden Pungsan Trading Company"), ("local:b", "Pungsan")], []),
    ],
)
def test_country_leads_come_from_the_table(table, names, expected):
    heads = table.organisation_heads + table.body_heads
    assert short_names(names, heads, table.country_leads) == expected


# --------------------------------------------------------------------------- a name defined by its abbreviation


@pytest.mark.parametrize(
    "text, ents, surface, expected",
    [
        # the abbreviation spells the "of" too; a misspelt demonym inside the name does not make it the country
        ("Reporting by the Voice of American (VOA) said the crew had left. VOA gave no source.",
         [("VOA", "ORG"), ("VOA", "ORG")], "Voice of American", "voa"),
        ("A fund run by the Bank of Nowhere (BON) was frozen; BON denied wrongdoing.",
         [("BON", "ORG"), ("BON", "ORG")], "Bank of Nowhere", "local:bon"),
        # initials that do not spell it: no definition
        ("The Voice of Freedom (VOA) radio was quoted.", [("VOA", "ORG")], "Voice of Freedom", None),
    ],
)
def test_name_before_its_abbreviation_is_the_abbreviated_actor(nlp, table, text, ents, surface, expected):
    assert owner_at(entities_of(nlp, text, table, ents), text, surface) == expected


# --------------------------------------------------------------------------- ship names of several words


@pytest.mark.parametrize(
    "text, ents, surface, expected",
    [
        # three syllables and a number; the NER read the first two as a person
        ("The tanker Pong Hwa San 5, owned by a Nampo firm, was listed.", [("Pong Hwa", "PERSON")],
         "Pong Hwa San 5", "local:pong-hwa-san-5"),
        # the build year before a ship's name introduces it like a vessel noun
        ("The 3,100 dwt, 1991-built Silver Lark is managed from Keelung. Silver Lark was deflagged.", [],
         "Silver Lark", "local:silver-lark"),
        # the name ends at the first word without a capital
        ("The registry listed the tanker Moon Ridge as Fishing Vessel Nine in May.", [],
         "Moon Ridge", "local:moon-ridge"),
    ],
)
def test_ship_names_of_several_words(nlp, table, text, ents, surface, expected):
    entities = entities_of(nlp, text, table, ents)
    assert owner_at(entities, text, surface) == expected
    assert next(e.type for e in entities if e.id == expected) == "vessel"


# --------------------------------------------------------------------------- a name at the end of a long title


@pytest.mark.parametrize(
    "text, ents, surface, expected",
    [
        # the NER took a word of the title for an organisation and missed the name
        ("Deputy Secretary of the Interior for Land and Water Affairs Nora Quill said the ban would stay.",
         [("Land", "ORG")], "Nora Quill", "local:nora-quill"),
        # a Korean name of three words after a long title
        ("First Vice Minister of Trade and Industry Pak Hae Song told reporters the talks were over.",
         [], "Pak Hae Song", "local:pak-hae-song"),
        # no title word: a body's name before the verb is no person
        ("The Korea Foreign Trade Association said exports fell.", [], "Trade Association", None),
        # a name the NER found already is left to it
        ("Chief Secretary of the Harbour Board Ivo Lind said the port was shut.",
         [("Ivo Lind", "PERSON")], "Ivo Lind", "local:ivo-lind"),
    ],
)
def test_name_closing_a_long_title_is_a_person(nlp, table, text, ents, surface, expected):
    entities = entities_of(nlp, text, table, ents)
    got = owner_at(entities, text, surface)
    assert got == expected
    if expected is not None:
        assert next(e.type for e in entities if e.id == expected) == "person"

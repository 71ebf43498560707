"""Wire copy's epithets for the DPRK ("the reclusive country", "the hermit kingdom", "the isolated state") and an
article-spinner's "Northern Korean" name the DPRK once the text has named it, and nothing where it has not.

Every sentence is written for the test (invented people and events).
"""

from __future__ import annotations

import pytest

from sanctionwatch.actors import ActorTable, load_actor_table

from ner_by_hand import entities_of, owner


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("North Korea fired two missiles. A Russian envoy will visit the reclusive country next week.", "the reclusive country", "prk"),
        ("Pyongyang built a new port. Traders say the hermit kingdom still buys fuel at sea.", "the hermit kingdom", "prk"),
        ("North Korea denied the report. Few visitors reach the isolated state in winter.", "the isolated state", "prk"),
        ("The DPRK sent coal abroad, and the secretive regime kept the income.", "the secretive regime", "prk"),
        ("North Korea has no navy to speak of, yet Northern Korean boats fish far from home.", "Northern Korean", "prk"),
        # longer forms: two adjectives joined by "and" or a comma
        ("North Korea sold its fishing rights. The impoverished and cash-strapped state needs the money.",
         "The impoverished and cash-strapped state", "prk"),
        ("Pyongyang fired a rocket on Monday, and the reclusive, nuclear-armed country may fire again.",
         "the reclusive, nuclear-armed country", "prk"),
        ("North Korea denied the report. Traders still ship coal to the heavily sanctioned nation.",
         "the heavily sanctioned nation", "prk"),
        ("The cash-strapped country had to borrow again, the minister of the small island nation said.",
         "The cash-strapped country", None),
        # nothing names the DPRK: the epithet stays nobody's
        ("The monks live in the reclusive country high in the mountains.", "the reclusive country", None),
        ("Fishermen from the Northern Korean coast of the lake sold their catch.", "Northern Korean", None),
    ],
)
def test_a_dprk_epithet_names_it_only_where_it_is_named(nlp, table, text, surface, expected):
    assert owner(entities_of(nlp, text, table), text, surface) == expected


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Washington was accused by the ministry of using the internet for its hegemony.", "ministry of using"),
        ("The tanker was accused by the agency of carrying coal to the port.", "agency of carrying"),
    ],
)
def test_a_gerund_after_of_is_no_part_of_a_body_name(nlp, table, text, surface):
    """ "accused by the ministry of using ...": the NER may run the accusation into the body's name."""
    pos = text.index(surface)
    entities = entities_of(nlp, text, table)
    assert not any(m.start <= pos < m.end and m.end > pos + len(surface) - 6 for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, surface", [
    ("Workers were sent abroad, South Korea's intelligence agency said on Sunday.", "South Korea's intelligence agency"),
    ("Workers were sent abroad, the South Korean intelligence service told lawmakers.", "South Korean intelligence service"),
])
def test_seouls_intelligence_agency_is_the_nis(nlp, table, text, surface):
    assert owner(entities_of(nlp, text, table), text, surface) == "nis"

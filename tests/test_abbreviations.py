"""A name and its abbreviation are one actor within a document (actors._merge_abbreviations)."""

from __future__ import annotations

import pytest

from sanctionwatch.actors import resolve_entities
from sanctionwatch.read import load_model, parse


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def ids_of(entities, text: str, surface: str) -> set[str]:
    start = text.index(surface)
    end = start + len(surface)
    return {e.id for e in entities for m in e.mentions if m.start < end and start < m.end}


# (text, the full name, its abbreviation)
CASES = [
    ("The Baltic Maritime Transparency Institute (BMTI) tracked the tanker. BMTI said it had switched off its radio.",
     "Baltic Maritime Transparency Institute", "BMTI"),
    ("Analysts at the Northern Shipping Research Council traced six vessels. The NSRC report was shared with diplomats.",
     "Northern Shipping Research Council", "NSRC"),
]


@pytest.mark.parametrize("text,name,abbr", CASES)
def test_name_and_abbreviation_share_an_id(nlp, text, name, abbr):
    entities = resolve_entities(parse(nlp, text))
    full, short = ids_of(entities, text, name), ids_of(entities, text, abbr)
    assert full and short and full & short


def test_unrelated_names_stay_apart(nlp):
    text = "The Pacific Trade Council met on Monday. The Ministry of Energy said prices were stable."
    entities = resolve_entities(parse(nlp, text))
    assert not ids_of(entities, text, "Pacific Trade Council") & ids_of(entities, text, "Ministry of Energy")

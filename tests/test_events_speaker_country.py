""""The country" in what a state or its own media say is that state (events/speaker_country.py,
data/taxonomy.yaml ``speaker_country_nouns``). Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def agents(agents_by_pipeline):
    return lambda text, type_: agents_by_pipeline(text, type_, "2024-06-03")


@pytest.mark.parametrize("text, type_, state", [
    # the country named last (Russia, China) is not the one the state media speak of
    ("Kim was blamed for shipping shells to Russia. KCNA said on Sunday that the country had launched a new "
     "cruise missile.", "missile_launch", "prk"),
    ("The summit was held in China. KCNA reported that the nation test-fired a ballistic missile.",
     "missile_launch", "prk"),
])
def test_the_country_in_a_state_outlets_report_is_its_state(agents, text, type_, state):
    found = agents(text, type_)
    assert found and any(state in ids for ids in found)
    assert all("rus" not in ids and "chn" not in ids for ids in found)


@pytest.mark.parametrize("source, expected", [
    ("kcna", "prk"),  # a state's own outlet
    ("prk", "prk"),  # the state itself
    ("reuters", None),  # a wire agency speaks for no state: the anaphor keeps its usual reading
    (None, None),
])
def test_only_a_state_or_its_own_media_speak_of_themselves(source, expected):
    from sanctionwatch.events.argument_spans import ArgumentContext
    from sanctionwatch.events.speaker_country import speaker_country
    from sanctionwatch.events.taxonomy import load_taxonomy
    from sanctionwatch.model import Argument, Attribution, Entity, Fragment

    text = "the country launched a missile"
    ctx = ArgumentContext(text, 0, [Entity("prk", "North Korea", "country", [])], load_taxonomy())
    att = Attribution(source=[], cue=[Fragment(0, 1, "t")], content=[Fragment(0, len(text), text)],
                      source_entity=source)
    args = speaker_country(ctx, [Argument("agent", 0, 11, "the country", "rus")], [att], 0)
    assert args[0].entity == (expected or "rus")

"""The gerund noun "hacking" ("the hacking of the studio's computers") is a cyber act like the verb, with its
own lemma (data/taxonomy.yaml ``cyber_theft``). Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def cyber(parse_events):
    def _run(text: str):
        _, events = parse_events(text)
        return [e for e in events if e.type == "cyber_theft"]
    return _run


@pytest.mark.parametrize("text, trigger", [
    ("Investigators blamed the hacking of the Plover Bank servers on a North Korean group.", "hacking"),
    ("The ministry said the country had nothing to do with the hacking of the studio's computer systems.", "hacking"),
])
def test_hacking_as_a_noun_is_a_cyber_act(cyber, text, trigger):
    events = cyber(text)
    assert [e.trigger.text for e in events] == [trigger]


@pytest.mark.parametrize("text", [
    "The newspaper's hack writers praised the leader's speech.",   # a hired writer, not a hack
    "State media called the foreign reporters hack journalists in the pay of Seoul.",
])
def test_hack_writers_are_no_cyber_act(cyber, text):
    assert not cyber(text)

"""Classes of attribution errors read on an eighth blind set of real pages (briefing transcripts, a KCNA
statement, machine translations of Korean, Chinese and Russian reports, a defector's interview), each restated
in the team's own words.

- A negated wish or feeling in the speaker's own words ("I did not want my children to ...", "we never expected
  ...") tells a state of mind: it denies no act, so "told"/"said" stays assert.
- "This was stated by X" closing a paragraph (Russian and Chinese agency copy): the agent speaks, and what it said
  is the sentence before, not the word "This"; the agent ends before a place or time phrase.
- "the official representative of the Foreign Ministry Jane Roe" (a title calqued word for word): the person named
  right after the body holds the role, so speaks.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text", [
    '"I did not want my children to grow up without hope," the defector told reporters.',
    '"We never expected the talks to collapse so quickly," the minister said.',
    '"I did not like the cold in the logging camps," the former worker said.',
])
def test_a_negated_state_of_mind_is_no_denial(attributions_of, text):
    atts = [a for a in attributions_of(text) if joined(a.cue) in ("told", "said")]
    assert atts and all(a.stance == "assert" for a in atts), show(atts)


@pytest.mark.parametrize("text", [
    '"We did not send any shells to anyone," the envoy told reporters.',
    '"We never knew about the cargo on that ship," the company said.',
])
def test_a_negated_act_of_the_own_side_still_denies(attributions_of, text):
    atts = [a for a in attributions_of(text) if joined(a.cue) in ("told", "said")]
    assert atts and all(a.stance == "deny" for a in atts), show(atts)


@pytest.mark.parametrize("text,said,source", [
    ("The monitoring mission is a political show aimed at one country. "
     "This was stated by the official representative of the Foreign Ministry Jane Roe at a forum in Vladivostok.",
     "The monitoring mission is a political show aimed at one country",
     "the official representative of the Foreign Ministry Jane Roe"),
    ("The new curbs will hurt ordinary people most. This was said by John Doe, an adviser to the president, on Monday.",
     "The new curbs will hurt ordinary people most", "John Doe"),
    ("The new curbs will hurt ordinary people most. This was announced by the Russian Foreign Ministry on Tuesday.",
     "The new curbs will hurt ordinary people most", "the Russian Foreign Ministry"),
])
def test_this_was_stated_by_reports_the_sentence_before(attributions_of, text, said, source):
    atts = attributions_of(text, resolve=True)
    hit = [a for a in atts if joined(a.content) == said]
    assert hit and joined(hit[0].source).startswith(source), show(atts)
    assert "Vladivostok" not in joined(hit[0].source)


def test_the_person_named_after_the_body_holds_the_title(attributions_of):
    text = ("Officials met in Moscow on Monday. The drills are a dangerous provocation. This was stated by the "
            "official representative of the Russian Foreign Ministry Maria Zakharova at a briefing.")
    atts = attributions_of(text, resolve=True)
    hit = [a for a in atts if joined(a.content).startswith("The drills")]
    assert hit and hit[0].source_entity == "maria-zakharova", show(atts)


@pytest.mark.parametrize("text", [
    "The sister of the defector said the drills were a provocation.",
    "This was confirmed. The ship left port on Monday.",
])
def test_look_alikes_name_no_one_else(attributions_of, text):
    for a in attributions_of(text, resolve=True):
        assert a.source_entity != "maria-zakharova"
        assert joined(a.content) != "This"

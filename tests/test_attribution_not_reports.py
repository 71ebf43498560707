"""Words that look like reports and are not: a hyphenated adjective ending in a cue word, and the sentence
that announces a statement read as the statement.  Sentences are the team's own.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


@pytest.mark.parametrize("text,word", [
    ("It is an extremely abnormal thing that the above-said crimes of the empire remain unpunished even today.", "said"),
    ("The envoy said the so-called inspection regime was a pretext for the blockade.", "called"),
])
def test_a_hyphenated_adjective_is_no_cue(attributions_of, text, word):
    atts = attributions_of(text)
    assert not any(joined(a.cue) == word and not joined(a.source) for a in atts), [(joined(a.source), joined(a.cue)) for a in atts]
    assert all(text.index(joined(a.cue)) != text.index(f"-{word}") + 1 for a in atts)


ANNOUNCED = (
    "A spokesman for the Fisheries Ministry of Atlantis Sunday gave the following answer to the question put by the "
    "news agency as regards the reckless remarks made by the Lemurian secretary of state against Atlantis:,   "
    "Lemurian authorities are imprudently talking about the fishing quotas these days whenever an opportunity "
    "presents itself."
)


def test_the_announcement_of_a_statement_is_not_what_was_said(attributions_of):
    atts = attributions_of(ANNOUNCED)
    assert not any("the question put by the news agency" in joined(a.content) for a in atts), \
        [(joined(a.source), joined(a.content)[:60]) for a in atts]
    assert any("spokesman" in joined(a.source) and "imprudently talking" in joined(a.content) for a in atts)


@pytest.mark.parametrize("text,source", [
    ("The Morning Courier Monday in a bylined article urges the council to lift the port fees.", "The Morning Courier"),
    ("The Morning Courier Tuesday observes in this regard:, ,  This is a clumsy excuse to escape the blame for the raid.",
     "The Morning Courier"),
    ("A spokesman for the Fisheries Ministry of Atlantis Sunday gave the following answer to a question:, ,  "
     "The seizure of the trawler is an act of piracy.", "A spokesman for the Fisheries Ministry of Atlantis"),
    ("The Sunday Times reported that the ferry had sunk near the reef.", "The Sunday Times"),
])
def test_the_day_after_a_speaker_is_not_part_of_the_speaker(attributions_of, text, source):
    atts = attributions_of(text)
    assert atts and all(joined(a.source) == source for a in atts if a.source), [joined(a.source) for a in atts]

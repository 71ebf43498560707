"""Classes of attribution errors read on a ninth blind set of real pages (Security Council meeting coverage,
intelligence briefings relayed by lawmakers, an FBI news conference, machine translations of Russian and Japanese
reports), each restated in the team's own words.

- Plural accusation nouns nobody owns ("This led to allegations that ...", "amid claims that ...") are their own
  unnamed source, like "reports that ...".
- "According to X, the warning reached the council by fax": a phrase cue reports (assert); the noun that opens its content
  is what the content is about, not an act the cue performs.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text,noun", [
    ("The hearing led to allegations that the agency had leaked unverified material to the press.", "allegations"),
    ("The ship was held for a week amid claims that it had carried coal from the North.", "claims"),
    ("The resignation followed accusations that the firm had hidden its owners.", "accusations"),
])
def test_an_unowned_accusation_noun_is_its_own_source(attributions_of, text, noun):
    atts = [a for a in attributions_of(text) if joined(a.cue) == noun]
    assert atts and joined(atts[0].source) == noun, show(atts)


def test_an_owned_accusation_keeps_its_owner(attributions_of):
    text = "The ministry's allegations that the ship had carried coal were rejected by the owner."
    atts = [a for a in attributions_of(text) if "allegations" in joined(a.cue)]
    assert all(joined(a.source) != "allegations" for a in atts), show(atts)


@pytest.mark.parametrize("text", [
    "According to the agency, the warning reached the council by fax on Tuesday night.",
    "According to diplomats, the condemnation was drafted by three members of the council.",
])
def test_according_to_reports_whatever_noun_opens_its_content(attributions_of, text):
    atts = [a for a in attributions_of(text) if joined(a.cue).lower() == "according to"]
    assert atts and all(a.stance == "assert" for a in atts), show(atts)


def test_a_light_verb_still_takes_the_stance_of_its_noun(attributions_of):
    atts = [a for a in attributions_of("The ministry issued a warning that it would respond to any new drills.")
            if "issued" in joined(a.cue)]
    assert atts and atts[0].stance == "warn", show(atts)

"""A speaker negating its own side's past act denies it; a third party negating it only reports.

"North Korea did not send troops, a North Korean diplomat said" is a denial (the gold sets read a denial
introduced by "said" as deny); the same words from a South Korean diplomat are not.  Sentences are the team's own.
"""

from __future__ import annotations

import pytest


def stance_of_said(attributions_of, text, cue):
    atts = attributions_of(text, resolve=True)
    hits = [a for a in atts if " ".join(f.text for f in a.cue) == cue]
    assert hits, [" ".join(f.text for f in a.cue) for a in atts]
    return hits[0].stance


@pytest.mark.parametrize("text,cue,stance", [
    ("North Korea did not send any troops to Russia, a North Korean diplomat said on Monday.", "said", "deny"),
    ("North Korea did not send any troops to Russia, a South Korean diplomat said on Monday.", "said", "assert"),
    ("The DPRK never sold arms to Moscow, the North Korean foreign ministry told reporters.", "told", "deny"),
    ("We have not shipped a single shell to Russia, the vice minister said.", "said", "deny"),
    # a refusal about the future is no denial of an act
    ("We will not export our weapons to anyone, the vice minister said.", "said", "assert"),
    # "it" and "the country" after a speaker stand for the speaker
    ("The trading house said it had never shipped coal to the port.", "said", "deny"),
    ("The consulate said the country had no connection with the smuggling ring.", "said", "deny"),
    ("The agency said it was not involved in the theft.", "said", "deny"),
    # an empty "it", and a speech verb negated, withhold: they deny nothing
    ("The council said it was not possible to verify the photographs.", "said", "assert"),
    ("The coast guard said it had not confirmed the sighting.", "said", "assert"),
])
def test_a_speaker_negating_its_own_sides_past_act_denies_it(attributions_of, text, cue, stance):
    assert stance_of_said(attributions_of, text, cue) == stance

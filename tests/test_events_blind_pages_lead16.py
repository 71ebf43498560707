"""Classes of event errors read on the lead's blind set of stop 16, each restated in the team's own words.

- The subject of a verb that perpetrates a noun trigger is its agent, as with "carried out": "mounted 97
  cyberattacks", "perpetrated the theft", "orchestrated the heist", "masterminded the raid".
- "the theft of cryptocurrencies": the plural's lemma was "cryptocurrencie" (see test_lemmas), so no theft.
"""

from __future__ import annotations

import pytest
from fragments import role_texts


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Analysts think North Korea mounted 40 cyberattacks on exchanges between 2019 and 2022.", "North Korea"),
        ("The Lazarus Group perpetrated the theft of $90 million from the bridge.", "Lazarus Group"),
        ("Police said the gang orchestrated the heist in March.", "gang"),
        ("Prosecutors said the broker masterminded the theft of tokens from the wallet.", "broker"),
    ],
)
def test_the_subject_of_a_perpetrating_verb_is_the_agent(events_of, text, agent):
    thefts = [e for e in events_of(text) if e.type == "cyber_theft"]
    assert thefts and agent in role_texts(thefts[0], "agent")


def test_mounting_a_bracket_is_no_event(events_of):
    assert not events_of("Workers mounted a bracket on the wall of the depot.")


# --- a negating verb negates what it governs, not its coordinated verb's object nor a reason ----------------------


@pytest.mark.parametrize(
    ("text", "etype", "modality"),
    [
        ("The envoy accused Moscow of trying to avoid and breach sanctions for its arms procurement.", "arms_transfer",
         "alleged"),
        ("The guards stopped the smugglers and seized the coal.", "seizure", "asserted"),
        ("The navy prevented the transfer of oil to the tanker.", "ship_to_ship_transfer", "negated"),
        ("Moscow tried to avoid buying rockets from North Korea.", "arms_transfer", "negated"),
    ],
)
def test_negation_reaches_only_what_it_governs(events_of, text, etype, modality):
    found = [e for e in events_of(text) if e.type == etype]
    assert found and found[0].modality == modality

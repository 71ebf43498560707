"""Stances a plain cue word gets wrong: a feeling or view a light verb gives out, a claim of innocence, and a
favourable label ("termed the talks productive" supports; "term" alone reads as a condemnation).

"expressed concern that ..." warns, "voiced regret over the launch" condemns, "expressed his view on ..."
states a view (the cognition noun alone would read none), and "keep claiming they had nothing to do with
the raid" denies rather than alleges.  Sentences are the team's own.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


@pytest.mark.parametrize("text,content,stance", [
    ("Officials in Lemuria expressed concern that the new tariffs may hurt their farmers.", "tariffs may hurt", "warn"),
    ("Atlantis expressed regret over the launch.", "launch", "condemn"),
    ("The harbour ministry expressed hope that the ferry talks would resume in spring.", "ferry talks would resume", "support"),
    ("Orlov, chairman of the shipping board of Valdoria, expressed his view on revising the 1990 treaty.",
     "revising the 1990 treaty", "assert"),
])
def test_a_light_verb_takes_the_stance_of_the_feeling_or_view_it_gives_out(attributions_of, text, content, stance):
    hits = [a for a in attributions_of(text) if content in joined(a.content)]
    assert hits and {a.stance for a in hits} == {stance}, [(joined(a.cue), a.stance) for a in hits]


@pytest.mark.parametrize("text,content,stance", [
    ("The harbour police of Lemuria keep claiming they had nothing to do with the raid.", "nothing to do with", "deny"),
    ("The shipping firm claimed the report about its tankers was a fabrication.", "was a fabrication", "deny"),
    ("The prosecutors claimed the captain had sold the fuel at sea.", "sold the fuel at sea", "allege"),
    # a label cue with a favourable judgement supports
    ("The envoy termed the talks with Lemuria productive.", "the talks with Lemuria", "support"),
    ("The delegation described the visit to the harbour as fruitful and constructive.", "the visit to the harbour", "support"),
    ("The paper termed the blockade an act of piracy.", "the blockade", "condemn"),
    ("The envoy termed the talks with Lemuria far from productive.", "the talks with Lemuria", "condemn"),
])
def test_a_claim_of_innocence_denies_and_a_favourable_label_supports(attributions_of, text, content, stance):
    hits = [a for a in attributions_of(text) if content in joined(a.content)]
    assert hits and hits[0].stance == stance, [(joined(a.cue), a.stance) for a in hits]


@pytest.mark.parametrize("text,source,content,stance", [
    ("The foreign minister of Atlantis voiced concern over the missile launch on Sunday.",
     "The foreign minister of Atlantis", "the missile launch", "warn"),
    ("Lemuria expressed regret that the council had renewed the port ban.", "Lemuria", "the council had renewed the port ban", "condemn"),
    ("Fishermen in the bay expressed outrage at the new quota rules.", "Fishermen in the bay", "the new quota rules", "condemn"),
])
def test_a_voiced_feeling_the_tagger_misses_is_a_statement_of_its_subject(attributions_of, text, source, content, stance):
    hits = [a for a in attributions_of(text) if content in joined(a.content)]
    assert hits and joined(hits[0].source) == source and hits[0].stance == stance, \
        [(joined(a.source), joined(a.cue), a.stance) for a in hits]

"""A finding carried by a relative clause on the object of a verb of finding out: the finder is the source, the
object with its clause the content; without such a clause, or with the verb negated or passive, nothing is read."""

from __future__ import annotations

import pytest

from sanctionwatch.attribution.findings import object_findings
from sanctionwatch.attribution.lexicon import load_lexicon
from fragments import attributions_checked, joined


def _extract(nlp, text: str):
    return attributions_checked(nlp, text)


@pytest.mark.parametrize("text, finder, cue, found", [
    ("The auditors uncovered four shell companies that were registered to the same lawyer in Dubai.",
     "The auditors", "uncovered", "were registered to the same lawyer in Dubai"),
    ("An analyst at the exchange traced nine accounts which were used to move the stolen tokens.",
     "An analyst at the exchange", "traced", "were used to move the stolen tokens"),
    # the clause hung on the date after the object, and its second verb on the finding verb
    ("Researcher Jane Roe identified six wallets on March 3 that received 200 Ether and were linked to the hackers.",
     "Researcher Jane Roe", "identified", "were linked to the hackers"),
])
def test_the_relative_clause_on_the_object_is_what_was_found(nlp, text, finder, cue, found):
    hits = [a for a in _extract(nlp, text) if found in joined(a.content)]
    assert hits, f"no content with {found!r}"
    assert joined(hits[0].source) == finder
    assert joined(hits[0].cue) == cue


@pytest.mark.parametrize("text, words", [
    # an act, no finding: no relative clause
    ("The coast guard found the tanker near the harbour on Tuesday.", "the tanker"),
    # a denial is no finding reported
    ("The auditors did not discover any accounts that were tied to the bank.", "were tied to the bank"),
])
def test_no_finding_without_a_clause_about_the_object(nlp, text, words):
    assert not [a for a in _extract(nlp, text) if words in joined(a.content)]


@pytest.mark.parametrize("text", [
    # the clause's subject is someone else: it says what the crew did, nothing found about the crates
    "The inspectors located the crates that the crew had hidden below deck.",
    # passive: no finder named
    "Four accounts were discovered that were tied to the bank.",
])
def test_the_rule_reads_no_finding_from_other_clauses(nlp, text):
    doc = nlp(text)
    assert object_findings(doc, load_lexicon().finding_verbs, set()) == []


def test_a_token_another_reading_holds_blocks_the_finding(nlp):
    doc = nlp("The auditors uncovered four shell companies that were registered to one lawyer.")
    assert object_findings(doc, load_lexicon().finding_verbs, set()) != []
    assert object_findings(doc, load_lexicon().finding_verbs, {2}) == []

"""An "as" clause that cites a document, a label verb with nothing to pin the label on, "those who".

"As noted in the panel's report, X" reports X with the report as source.  "Described" labels something only
with an object or an "as" complement ("described the claims as lies"); "as described in the report of the
Violations Committee" labels nothing, so a word like "violation" in it makes no denial or condemnation.
Sentences are the team's own.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


@pytest.mark.parametrize("text,source,content", [
    ("As noted in the panel's report, the tankers switched off their transponders.", "the panel's report",
     "the tankers switched off their transponders"),
    ("As stated in the harbour board's annual report, the ferries carried no cargo.", "the harbour board's annual report",
     "the ferries carried no cargo"),
])
def test_as_in_a_document_reports_with_the_document_as_source(attributions_of, text, source, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and content in joined(a.content) and a.stance == "assert" for a in atts), \
        [(joined(a.source), joined(a.cue), joined(a.content), a.stance) for a in atts]


@pytest.mark.parametrize("text", [
    "As described in the June 3, 2024, report of the Coastal Monitoring Group, \u201cThe Violation of Port Rules Through "
    "Shell Firms,\u201d profit from the ferry thefts pays for the missile fleet.",
    "As described in the May report of the Port Violations Committee, the reports of smuggling grew last year.",
])
def test_a_label_verb_without_an_object_neither_denies_nor_condemns(attributions_of, text):
    atts = attributions_of(text)
    assert not any(a.stance in ("deny", "condemn") for a in atts), [(joined(a.cue), a.stance) for a in atts]


@pytest.mark.parametrize("text", [
    "The ministry described the claims as lies.",
    "The envoy dismissed the reports as a violation of common sense.",
])
def test_a_label_pinned_on_a_claim_still_denies(attributions_of, text):
    assert any(a.stance == "deny" for a in attributions_of(text))


@pytest.mark.parametrize("text,pronoun", [
    ("The Republic of Atlantis condemns the firms. Today's action holds accountable those who target our citizens "
     "and support the illegal weapons programme.", "who"),
    ("The Republic of Atlantis condemns the firms. Anyone who supports the smuggling ring will be fined.", "Anyone who"),
])
def test_those_who_name_no_one(attributions_of, text, pronoun):
    hits = [a for a in attributions_of(text, resolve=True) if joined(a.source) in (pronoun, pronoun.split()[-1])]
    assert hits and all(a.source_entity is None for a in hits), [(joined(a.source), a.source_entity) for a in hits]

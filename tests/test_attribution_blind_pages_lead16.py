"""Classes of attribution errors read on the lead's blind set of stop 16 (crypto thefts reported by police,
spy agencies and wires; machine-translated pages), each restated in the team's own words.

- A cue the tagger never learnt, with a that-clause after it ("the firm proved that ...", "the agency
  assessed that ...", "the study demonstrated that ..."), reports the clause whoever the subject is.
- "said at the time it had frozen the funds": the parser reads "the time it had ..." as a relative clause of
  the time noun; "at the time" only means "then", and the clause is what was said.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text,source,cue,content", [
    ("The security firm proved that the gang was run by the state.", "The security firm", "proved",
     "that the gang was run by the state"),
    ("The agency assessed that the group had stolen the coins.", "The agency", "assessed",
     "that the group had stolen the coins"),
    ("The tracking study demonstrated that the tankers had turned off their beacons.", "The tracking study",
     "demonstrated", "that the tankers had turned off their beacons"),
    ("The exchange said at the time it had frozen the funds.", "The exchange", "said", "it had frozen the funds"),
    ("It named no suspect, but the bank said at the time it had noticed an odd transfer to a new wallet.",
     "the bank", "said", "it had noticed an odd transfer"),
])
def test_the_clause_is_reported(attributions_of, text, source, cue, content):
    atts = attributions_of(text)
    assert any(joined(a.source) == source and joined(a.cue) == cue and content in joined(a.content)
               and a.stance == "assert" for a in atts), show(atts)


@pytest.mark.parametrize("text,cue", [
    ("The first trial proved a failure.", "proved"),  # no clause: no report
    ("It remains to be proved that the ship carried coal.", "proved"),  # no one proves it
    ("The clerk demonstrated the new scanner to the inspectors.", "demonstrated"),
    ("The ministry said at the time which ships had been held.", "said"),  # a question, not a statement
    ("The veteran recalled the time he crossed the river.", "recalled"),  # the time is what he recalled
])
def test_no_clause_reported(attributions_of, text, cue):
    atts = attributions_of(text)
    if cue == "recalled":
        assert all(not joined(a.content).startswith("he crossed") for a in atts), show(atts)
    else:
        assert not [a for a in atts if joined(a.cue) == cue], show(atts)

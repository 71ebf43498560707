"""Classes of attribution errors read on a seventh blind set of real pages (Kremlin and Beijing denials, DPRK
committee statements relayed by state media, defectors, UN panel and monitoring-team reports), each restated
in the team's own words.

- An evidential denial ("there is no proof", "they keep saying it without providing any evidence", "the claims
  are not based on evidence") or a claim dismissed as rumour put about by the other side ("hostile forces are
  spreading rumours") makes a neutral cue a denial.
"""

from __future__ import annotations

import pytest
from fragments import joined

pytest.importorskip("pycrfsuite")


def show(atts):
    return [(joined(a.source), joined(a.cue), a.stance, a.source_entity, joined(a.content)[:60]) for a in atts]


@pytest.mark.parametrize("text,cue", [
    ('"They repeat this every week, without providing any proof," the envoy said.', "said"),
    ("The ministry said on Monday there was no evidence that its tankers had met the barge.", "said"),
    ('"They keep writing about it - they do not provide any evidence," Ivanov told reporters.', "told"),
    ("The embassy said the reports of a secret shipment were not based on evidence.", "said"),
    ('"Hostile forces are spreading rumours that we stole the coins," the spokesman said.', "said"),
])
def test_an_evidential_denial_makes_a_neutral_cue_deny(attributions_of, text, cue):
    atts = [a for a in attributions_of(text) if joined(a.cue) == cue]
    assert atts and all(a.stance == "deny" for a in atts), show(attributions_of(text))


@pytest.mark.parametrize("text", [
    "The inspectors said they found fresh evidence of a transfer at sea.",
    "The envoy said the panel would need proof before it could name the ship.",
])
def test_evidence_as_such_is_no_denial(attributions_of, text):
    atts = [a for a in attributions_of(text) if joined(a.cue) == "said"]
    assert atts and all(a.stance != "deny" for a in atts), show(atts)

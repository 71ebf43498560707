"""A participle clause on a blocking verb tells what the block did, not what it blocked.

Sentences are written for these tests."""

from __future__ import annotations

import pytest
from fragments import of_type

PUBLISHED = "2031-03-29"


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text: parse_events(text, PUBLISHED)[1]


@pytest.mark.parametrize("text, etype, modality", [
    # the result of the veto happened
    ("Freedonia vetoed the text on Monday, effectively ending the panel of inspectors.", "monitoring_body", "asserted"),
    ("Ruritania vetoed the measure on Tuesday, effectively dissolving the panel of monitors.", "monitoring_body", "asserted"),
    # what the veto blocked did not
    ("Moscow vetoed a resolution extending the panel of experts.", "monitoring_body", "negated"),
    ("Moscow vetoed a resolution to tighten sanctions on Pyongyang.", "designation", "negated"),
])
def test_block_results_and_blocked_acts(events_of, text, etype, modality):
    found = of_type(events_of(text), etype)
    assert found and found[0].modality == modality

"""A passive report whose found source overlaps its own content loses that source: the relative pronoun's
antecedent is what is believed of, not the believer.  A passive with a source apart from its content, and an active
report, keep theirs."""

from __future__ import annotations

import pytest

from sanctionwatch.attribution.self_sources import drop_self_sources
from sanctionwatch.model import Attribution, Fragment

TEXT = "The Republic of Nowhere — which is widely believed to hold gold — said it was poor."


def _frag(words: str, text: str = TEXT) -> Fragment:
    start = text.index(words)
    return Fragment(start, start + len(words), words)


@pytest.mark.parametrize("source, kind, content, kept", [
    ("The Republic of Nowhere —", "passive", "The Republic of Nowhere", False),
    ("The Republic of Nowhere", "passive", "to hold gold", True),
    ("The Republic of Nowhere —", "indirect", "The Republic of Nowhere", True),
])
def test_a_passive_source_inside_its_content_is_dropped(source, kind, content, kept):
    a = Attribution([_frag(source)], [_frag("is widely believed")], [_frag(content)], kind=kind, source_entity="nowhere",
                    affiliation="nowhere")
    drop_self_sources([a])
    assert bool(a.source) is kept
    assert (a.source_entity == "nowhere") is kept
    assert (a.affiliation == "nowhere") is kept

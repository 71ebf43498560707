"""BIO decoding under constraints, shared by the CRF (where its best path breaks one) and the encoder."""

from __future__ import annotations

import pytest

from sanctionwatch.attribution.bio import LABELS, constrained, role_switch


@pytest.mark.parametrize("labels, broken", [
    (["B-SRC", "I-SRC", "B-CUE", "I-CUE", "I-SRC"], True),   # a cue running into a source
    (["B-CUE", "I-CON", "I-CON"], True),
    (["O", "I-CON", "I-CON"], False),                        # I- after O: a span start the decoder reads well
    (["B-SRC", "B-CUE", "B-CON", "I-CON", "O"], False),
    ([], False),
])
def test_role_switch(labels, broken):
    assert role_switch(labels) is broken


def test_constrained_path_keeps_roles_apart():
    # per-token probabilities whose best labels read "B-CUE I-CUE I-SRC I-SRC"
    table = [{"B-CUE": 0.9}, {"I-CUE": 0.7, "B-SRC": 0.2}, {"I-SRC": 0.6, "B-SRC": 0.35}, {"I-SRC": 0.9}]
    path = constrained(len(table), lambda lab, i: table[i].get(lab, 0.01))
    assert path == ["B-CUE", "I-CUE", "B-SRC", "I-SRC"]
    assert not role_switch(path) and set(path) <= set(LABELS)

"""A model's decoding settings (tagger.json): its window, stride and CRF transitions, read and used by the tagger."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sanctionwatch.attribution import encoder
from sanctionwatch.attribution.encoder import LABELS, EncoderTagger, Transitions, read_settings, viterbi
from sanctionwatch.errors import ModelMissing

N = len(LABELS)


def _transitions(**scores: float) -> Transitions:
    """Zero transitions except ``"PREV>NEXT"=score`` entries."""
    matrix = np.zeros((N, N))
    for key, value in scores.items():
        prev, nxt = key.replace("_", "-").split("TO")
        matrix[LABELS.index(prev), LABELS.index(nxt)] = value
    return Transitions(matrix, np.zeros(N))


def test_learned_transitions_change_the_path():
    probs = np.full((2, N), 1e-3)
    probs[0, LABELS.index("B-SRC")] = 0.9
    probs[1, LABELS.index("O")] = 0.5
    probs[1, LABELS.index("B-CUE")] = 0.4
    logp = np.log(probs)
    assert [LABELS[j] for j in viterbi(logp)] == ["B-SRC", "O"]
    t = _transitions(B_SRCTOB_CUE=2.0)
    assert [LABELS[j] for j in viterbi(logp, t.matrix, t.end)] == ["B-SRC", "B-CUE"]


def test_the_constraints_hold_whatever_the_transitions_say():
    rng = np.random.default_rng(11)
    matrix = rng.normal(scale=5.0, size=(N, N))
    matrix[LABELS.index("O"), LABELS.index("I-CON")] = 50.0  # a learned score can never license a forbidden step
    for _ in range(20):
        logp = np.log(rng.dirichlet(np.ones(N), size=30))
        path = [LABELS[j] for j in viterbi(logp, matrix, rng.normal(size=N))]
        assert not path[0].startswith("I-")
        assert all(prev[2:] == cur[2:] for prev, cur in zip(path, path[1:]) if cur.startswith("I-"))


def test_end_scores_decide_the_last_label():
    logp = np.log(np.full((1, N), 1.0 / N))
    end = np.zeros(N)
    end[LABELS.index("B-CON")] = 1.0
    assert LABELS[viterbi(logp, np.zeros((N, N)), end)[0]] == "B-CON"


def test_transitions_round_trip_and_reject_wrong_shapes():
    t = _transitions(OTOB_SRC=0.25)
    back = Transitions.from_dict(json.loads(json.dumps(t.to_dict())))
    assert np.allclose(back.matrix, t.matrix) and np.allclose(back.end, t.end)
    with pytest.raises(ValueError, match="transitions must be"):
        Transitions.from_dict({"matrix": [[0.0] * N] * (N - 1), "end": [0.0] * N})


@pytest.mark.parametrize("settings, expected", [
    (None, {}),
    ({"window": 512, "stride": 256, "transitions": None}, {"window": 512, "stride": 256, "merge": "owner"}),
    ({"window": 512, "stride": 256, "merge": "weighted"}, {"window": 512, "stride": 256, "merge": "weighted"}),
    ({"window": 512}, {"window": 512, "stride": encoder.READ_STRIDE, "merge": encoder.MERGE}),  # the defaults
])
def test_settings_are_read_from_the_model_directory(tmp_path, settings, expected):
    if settings is not None:
        (tmp_path / encoder.SETTINGS).write_text(json.dumps(settings))
    assert read_settings(tmp_path) == expected


def test_settings_carry_the_crf_transitions(tmp_path):
    t = _transitions(B_CUETOB_CON=1.5)
    (tmp_path / encoder.SETTINGS).write_text(json.dumps({"window": 256, "stride": 128, "transitions": t.to_dict()}))
    got = read_settings(tmp_path)["transitions"]
    assert got.matrix[LABELS.index("B-CUE"), LABELS.index("B-CON")] == 1.5


@pytest.mark.parametrize("text, message", [
    ("{not json", "unreadable"),
    ('{"window": 256, "stride": 300}', "does not fit"),
    ('{"window": 256, "stride": 0}', "does not fit"),
    ('{"window": 256, "stride": 128, "merge": "vote"}', "unknown window merge"),
    ('{"window": 256, "stride": 128, "transitions": {"matrix": [[1]], "end": [0]}}', "unreadable"),
])
def test_bad_settings_are_a_clear_error(tmp_path, text, message):
    (tmp_path / encoder.SETTINGS).write_text(text)
    with pytest.raises(ModelMissing, match=message):
        read_settings(tmp_path)


class _WidthSession:
    def __init__(self):
        self.widths = []

    def run(self, _names, feed):
        self.widths.append(feed["input_ids"].shape[1])
        return [np.zeros((*feed["input_ids"].shape, N), dtype=np.float32)]


class _Tokens:
    def token_to_id(self, piece: str) -> int:
        return {"[CLS]": 101, "[SEP]": 102}[piece]


@pytest.mark.parametrize("window, stride, n", [(12, 5, 30), (40, 19, 100), (512, 256, 300)])
def test_the_tagger_reads_in_the_models_window(window, stride, n):
    session = _WidthSession()
    tagger = EncoderTagger(_Tokens(), session, batch=1, stride=stride, window=window)
    ids = np.arange(1000, 1000 + n, dtype=np.int64)
    assert tagger.logits(ids, np.zeros_like(ids)).shape == (n, N)
    assert max(session.widths) == min(window, n + 2)
    assert len(session.widths) == len(encoder.plan_windows(n, window - 2, stride))


def test_the_shipped_settings_fit_the_shipped_model():
    root = encoder.encoder_path()
    settings = read_settings(root)
    config = json.loads((root / "training.json").read_text())
    assert settings.get("window", encoder.WINDOW) <= 512  # the base model's position table
    assert config["chosen"]["window"] == settings.get("window", encoder.WINDOW)

"""BIO label sequences: the label set both taggers share and decoding under its constraints."""

from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np

LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")

__all__ = ["LABELS", "allowed", "constrained", "role_switch", "viterbi"]


def allowed() -> np.ndarray:
    """allowed[i, j]: label j may follow label i (I-X only after B-X or I-X)."""
    ok = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for j, lab in enumerate(LABELS):
        if lab.startswith("I-"):
            for i, prev in enumerate(LABELS):
                ok[i, j] = prev[2:] == lab[2:]
    return ok


_TRANSITIONS = np.where(allowed(), 0.0, -np.inf)


def viterbi(logp: np.ndarray, transitions: np.ndarray | None = None, end: np.ndarray | None = None) -> list[int]:
    """The best label sequence under the BIO constraints; a sequence may not open with I-.

    ``transitions[i, j]`` (a tagger's learned score of label j after label i)
    and ``end[j]`` (of a sequence ending on j) are added to the path's score
    when given; the constraints hold whatever they say.
    """
    n = len(logp)
    if n == 0:
        return []
    trans = _TRANSITIONS if transitions is None else _TRANSITIONS + transitions
    start = np.array([0.0 if not lab.startswith("I-") else -np.inf for lab in LABELS])
    score = start + logp[0]
    back = np.zeros((n, len(LABELS)), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[i]
    if end is not None:
        score = score + end
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def role_switch(labels: Sequence[str]) -> bool:
    """Whether a span continues straight into another role's I- label ("I-CUE I-SRC"), which the
    lenient decoding would read as a new span without a start. (I- after O is a usual CRF slip and
    decodes well as a span start.)"""
    prev = "O"
    for lab in labels:
        if lab[:2] == "I-" and prev != "O" and prev[2:] != lab[2:]:
            return True
        prev = lab
    return False


def constrained(n: int, marginal: Callable[[str, int], float]) -> list[str]:
    """The best well-formed sequence of ``n`` labels under per-token label probabilities."""
    logp = np.array([[math.log(max(marginal(lab, i), 1e-9)) for lab in LABELS] for i in range(n)])
    return [LABELS[k] for k in viterbi(logp)]

"""A linear-chain CRF layer over the encoder's word-piece scores, and the decoding training scores with.

Standalone on purpose, like train_encoder.py: it needs torch and numpy, and
reads the label set, the BIO constraints and the Viterbi decoder from
``src/sanctionwatch/attribution/bio.py`` by file (that module needs only
numpy), so training decodes dev exactly as the shipped tagger decodes a
document, on a GPU machine that has no spaCy.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = -1e4  # a transition the BIO scheme rules out: finite, so the forward pass stays free of NaNs


def _load_bio():
    spec = importlib.util.spec_from_file_location("sanctionwatch_bio", ROOT / "src" / "sanctionwatch" / "attribution" / "bio.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bio = _load_bio()


class CRF(nn.Module):
    """Learned label transition scores, trained by the sequence log-likelihood.

    Windows are cut anywhere in a document, so a window may open inside a span
    (with ``I-X``): its first label has a learned start score and no
    constraint.  Inside a window the BIO constraints hold; at run time the
    document-level decoder adds ``transitions`` and ``end`` to its own
    constraints (``bio.viterbi``).
    """

    def __init__(self, names: list[str]):
        super().__init__()
        if tuple(names) != tuple(bio.LABELS):
            raise ValueError(f"labels {names} are not the tagger's {bio.LABELS}")
        n = len(names)
        self.trans = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))
        self.register_buffer("forbid", torch.from_numpy(np.where(bio.allowed(), 0.0, FORBIDDEN)).float())

    def transitions(self) -> torch.Tensor:
        return self.trans + self.forbid

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Negative log-likelihood per labelled piece; ``mask`` marks each row's pieces, from position 0 on."""
        emissions = emissions.float()
        tags = tags.clamp(min=0)
        maskf = mask.float()
        trans = self.transitions()
        lengths = mask.sum(1)
        emit = emissions.gather(2, tags.unsqueeze(2)).squeeze(2)
        steps = trans[tags[:, :-1], tags[:, 1:]]
        last = tags.gather(1, (lengths - 1).clamp(min=0).unsqueeze(1)).squeeze(1)
        gold = self.start[tags[:, 0]] + (emit * maskf).sum(1) + (steps * maskf[:, 1:]).sum(1) + self.end[last]
        log_z = self.log_partition(emissions, mask, trans)
        return ((log_z - gold) * (lengths > 0)).sum() / lengths.sum().clamp(min=1)

    def log_partition(self, emissions: torch.Tensor, mask: torch.Tensor, trans: torch.Tensor) -> torch.Tensor:
        """log Z per row, by a tree of log-semiring matrix products over the steps.

        The step-by-step forward recursion launches a handful of GPU kernels per
        piece (over 500 per window); the tree needs about log2(window) levels.
        A masked step is the semiring's identity.
        """
        b, t, n = emissions.shape
        eye = torch.full((n, n), FORBIDDEN, device=emissions.device)
        eye.fill_diagonal_(0.0)
        steps = trans.view(1, 1, n, n) + emissions[:, 1:].unsqueeze(2)
        steps = torch.where(mask[:, 1:, None, None], steps, eye)
        width = 1 << max(t - 2, 0).bit_length()
        if steps.shape[1] < width:
            steps = torch.cat([steps, eye.expand(b, width - steps.shape[1], n, n)], dim=1)
        while steps.shape[1] > 1:
            steps = _log_matmul(steps[:, 0::2], steps[:, 1::2])
        first = self.start + emissions[:, 0]
        return torch.logsumexp(first.unsqueeze(2) + steps[:, 0] + self.end.view(1, 1, n), dim=(1, 2))

    def settings(self) -> dict:
        """The scores the shipped tagger decodes with (``tagger.json``'s ``transitions``)."""
        return {"matrix": self.trans.detach().cpu().double().numpy().round(6).tolist(),
                "end": self.end.detach().cpu().double().numpy().round(6).tolist()}


def _log_matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Matrix product in the log semiring over the last two axes."""
    return torch.logsumexp(a.unsqueeze(-1) + b.unsqueeze(-3), dim=-2)


def decode(logp: np.ndarray, transitions: dict | None = None) -> list[int]:
    """Label ids of pieces in order, as the shipped tagger decodes them (``bio.viterbi``)."""
    if transitions is None:
        return bio.viterbi(logp)
    return bio.viterbi(logp, np.asarray(transitions["matrix"]), np.asarray(transitions["end"]))

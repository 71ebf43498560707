"""The trained sequence tagger: BIO over Source / Cue / Content, one label per token.

PolNeAR is univocal (each token has one role in at most one attribution), so
an attribution layer is a tag sequence.  The model is a linear-chain CRF
(CRFsuite) over the features of ``features.block_features``; it ships in
``sanctionwatch/models/attribution/crf.model`` and is trained by
``training/train_attribution.py``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import pycrfsuite
from spacy.tokens import Doc

from ..errors import ModelMissing
from .bio import constrained, role_switch
from .features import FeatureSpace, block_features
from .lexicon import load_lexicon

ROLE_TAGS = {"source": "SRC", "cue": "CUE", "content": "CON"}
TAG_ROLES = {v: k for k, v in ROLE_TAGS.items()}
MODEL_FILE = "crf.model"


@dataclass(frozen=True, slots=True)
class TokenSpan:
    role: str  # source | cue | content
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    score: float = 1.0


@dataclass(slots=True)
class Group:
    """The spans of one attribution around its cue, before they become a draft."""

    cue: list[TokenSpan]
    source: list[TokenSpan] = field(default_factory=list)
    content: list[TokenSpan] = field(default_factory=list)


MODEL_ENV = "SANCTIONWATCH_ATTRIBUTION_MODEL"


def model_path() -> Path:
    """The shipped model, unless $SANCTIONWATCH_ATTRIBUTION_MODEL names another (e.g. one being evaluated)."""
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env)
    return Path(str(resources.files("sanctionwatch").joinpath("models/attribution", MODEL_FILE)))


def rates_path(model: Path) -> Path:
    return model.with_suffix(".rates.json")


@dataclass(frozen=True, slots=True)
class Tagger:
    crf: object  # pycrfsuite.Tagger
    space: FeatureSpace


@lru_cache(maxsize=2)
def load_tagger(path: str | None = None) -> Tagger:
    p = Path(path) if path else model_path()
    if not p.is_file():
        raise ModelMissing(f"attribution model not found at {p}; run `python training/train_attribution.py`")
    crf = pycrfsuite.Tagger()
    crf.open(str(p))
    rp = rates_path(p)
    rates = json.loads(rp.read_text(encoding="utf-8")) if rp.is_file() else {}
    return Tagger(crf, FeatureSpace.build(load_lexicon(), rates))


def token_labels(doc: Doc, base: int, roles: Sequence[tuple[int, str, int, int]]) -> list[str]:
    """Gold BIO labels for a block's tokens from (attribution id, role, start, end) character spans."""
    return bio_labels([base + tok.idx for tok in doc], roles)


def bio_labels(starts: Sequence[int], roles: Sequence[tuple[int, str, int, int]]) -> list[str]:
    """Gold BIO labels of units (tokens, word pieces) starting at ``starts``, in order.

    A unit takes the role of the span holding its first character; a new span
    (or a new attribution) begins with B- so adjacent attributions stay apart.
    """
    labels, prev = [], None
    for start in starts:
        hit = None
        for aid, role, s, e in roles:
            if s <= start < e:
                hit = (aid, role, s)
                break
        if hit is None:
            labels.append("O")
            prev = None
            continue
        labels.append(("I-" if prev == hit else "B-") + ROLE_TAGS[hit[1]])
        prev = hit
    return labels


def decode(labels: Sequence[str], scores: Sequence[float] | None = None) -> list[TokenSpan]:
    """BIO labels -> token spans; an I- without its B- starts a span (lenient decoding)."""
    spans: list[TokenSpan] = []
    cur_role, cur_start = None, 0

    def close(end: int) -> None:
        if cur_role is not None:
            sc = min(scores[cur_start:end]) if scores else 1.0
            spans.append(TokenSpan(cur_role, cur_start, end, sc))

    for i, lab in enumerate(labels):
        if lab == "O":
            close(i)
            cur_role = None
            continue
        bio, tag = lab.split("-", 1)
        role = TAG_ROLES[tag]
        if bio == "B" or role != cur_role:
            close(i)
            cur_role, cur_start = role, i
    close(len(labels))
    return spans


def snap_to_words(doc: Doc, labels: list[str]) -> list[str]:
    """Never split a hyphenated word between two roles ("Kim Kuk-song claims": spaCy cuts Kuk - song).

    A token glued to a hyphen (no space between) takes the role of the token
    before it, so a name stays whole in the source.
    """
    out = list(labels)
    for i in range(1, len(out)):
        # labels first: most tokens pass this test, and reading doc[i] builds a Token object
        if out[i - 1] == "O" or out[i][2:] == out[i - 1][2:]:
            continue
        prev, tok = doc[i - 1], doc[i]
        if not prev.whitespace_ and (tok.text == "-" or prev.text == "-"):
            out[i] = "I-" + out[i - 1][2:]
    return out


def tag_doc(tagger: Tagger, doc: Doc) -> tuple[list[str], list[float]]:
    """Labels of one parsed block and, for span-opening and cue tokens, the marginal probability
    of their label (1.0 elsewhere: a span's confidence rests on where it starts and on its cue)."""
    feats = block_features(doc, tagger.space)
    if not feats:
        return [], []
    crf = tagger.crf
    labels = crf.tag(feats)
    if role_switch(labels):
        # the CRF learnt no hard constraints; where its best path breaks one, the constrained path over
        # its marginals keeps the roles apart ("has officially attributed last week's theft" read as a
        # cue running into a source)
        labels = constrained(len(labels), crf.marginal)
    labels = snap_to_words(doc, labels)
    scores = [crf.marginal(lab, i) if lab[:1] == "B" or lab.endswith("CUE") else 1.0 for i, lab in enumerate(labels)]
    return labels, scores

"""The learned attribution tagger: a fine-tuned transformer encoder run with onnxruntime.

The encoder (all-MiniLM-L6-v2 fine-tuned on PolNeAR train by
``training/train_encoder.py``) labels word pieces with the same BIO scheme as
the CRF (``B/I-SRC``, ``B/I-CUE``, ``B/I-CON``, ``O``).  A document is tagged
as a whole, in overlapping windows of word pieces (the model's ``tagger.json``
gives their size and stride): each piece takes its prediction from the window
where it sits furthest from an edge, or an average over the windows holding it
weighted by its distance from their cuts, so every piece sees context on both
sides.  A constrained Viterbi pass keeps the sequence well
formed (an ``I-X`` only after ``B-X`` or ``I-X``), adding the label
transition scores of the model's CRF layer where it was trained with one.  Each spaCy token then takes
the label of the piece holding its first character, so the rest of the
extractor (grouping, rules, speakers) sees exactly what the CRF gives it.

Offsets come from the tokenizer's character offsets into the unchanged text;
nothing is ever rewritten.  The same window plan and label assignment serve
training (``training/encoder_data.py``), so training and inference cut
documents identically.
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np
import onnxruntime as ort
from spacy.tokens import Doc
from tokenizers import Tokenizer

from ..errors import ModelMissing
from .bio import LABELS, viterbi
from .tagger import bio_labels, snap_to_words

WINDOW = 256  # word pieces per window, [CLS] and [SEP] included
STRIDE = 128  # training cuts a new window every STRIDE pieces: each piece is seen in the middle of some window
READ_STRIDE = 128  # inference's stride (model selection on PolNeAR dev, see README)
MERGE = "owner"  # how inference merges overlapping windows (``merge_windows``)
MERGES = ("owner", "weighted")
# Windows per onnxruntime run.  The int8 model quantises its activations with one scale per tensor of the run, so
# the batch is part of the numbers: runs of 16 are what the model was chosen with (one window per run took a little
# less CPU but moved PolNeAR dev attribution F1 0.776 -> 0.772 and every strict figure down by up to 0.003).
BATCH = 16
ENCODER_DIR = "encoder"
SETTINGS = "tagger.json"  # beside the model: its window, inference stride, merge and CRF transitions (absent: defaults)
ENCODER_ENV = "SANCTIONWATCH_ENCODER_MODEL"
THREADS_ENV = "SANCTIONWATCH_ENCODER_THREADS"

__all__ = ["EncoderTagger", "LABELS", "Transitions", "read_settings", "case_types", "load_encoder", "owners", "plan_windows", "piece_labels", "viterbi"]


@dataclass(frozen=True)
class Transitions:
    """A CRF layer's learned scores: ``matrix[i, j]`` of label j after label i, ``end[j]`` of a text ending on j."""

    matrix: np.ndarray
    end: np.ndarray

    @classmethod
    def from_dict(cls, data: dict) -> "Transitions":
        matrix, end = np.asarray(data["matrix"], dtype=np.float64), np.asarray(data["end"], dtype=np.float64)
        if matrix.shape != (len(LABELS), len(LABELS)) or end.shape != (len(LABELS),):
            raise ValueError(f"transitions must be {len(LABELS)}x{len(LABELS)} with {len(LABELS)} end scores")
        return cls(matrix, end)

    def to_dict(self) -> dict:
        return {"matrix": self.matrix.round(6).tolist(), "end": self.end.round(6).tolist()}


@dataclass(frozen=True, slots=True)
class Pieces:
    """A text's word pieces: vocabulary ids and [start, end) character offsets into the text."""

    ids: np.ndarray
    starts: list[int]
    ends: list[int]


def plan_windows(n: int, size: int = WINDOW - 2, stride: int = STRIDE) -> list[tuple[int, int]]:
    """Windows [a, b) over n pieces, each ``size`` long (the last one ends at n), a new one every ``stride``."""
    if n <= size:
        return [(0, n)]
    out = []
    a = 0
    while True:
        b = min(a + size, n)
        out.append((b - size, b))
        if b == n:
            return out
        a += stride


def owners(n: int, windows: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each piece, the window where it is furthest from an edge (ties: the earlier window)."""
    best = np.full(n, -1, dtype=np.int64)
    margin = np.full(n, -1, dtype=np.int64)
    for w, (a, b) in enumerate(windows):
        idx = np.arange(a, b)
        m = np.minimum(idx - a, b - 1 - idx)
        better = m > margin[a:b]
        best[a:b][better] = w
        margin[a:b][better] = m[better]
    return best


def cut_distance(n: int, a: int, b: int) -> np.ndarray:
    """For each piece of window [a, b) over n pieces, how far it sits from the window's nearer cut; a
    window side where the text itself begins or ends is no cut (the piece misses no context there)."""
    idx = np.arange(a, b)
    left = idx - a if a > 0 else np.full(b - a, n)
    right = b - 1 - idx if b < n else np.full(b - a, n)
    return np.minimum(left, right)


def merge_windows(n: int, windows: Sequence[tuple[int, int]], scores: Sequence[np.ndarray], how: str = "owner") -> np.ndarray:
    """Per-piece label log-probabilities of n pieces from each window's (``scores[w]``, one row per piece
    of ``windows[w]``).

    ``owner``: each piece from the window where it is most central (``owners``).
    ``weighted``: the average of the log-probabilities of every window holding the
    piece, each weighted by the piece's distance from that window's cut plus one,
    so a piece read with little context on one side counts little.
    """
    if how not in MERGES:
        raise ValueError(f"unknown window merge {how!r}; choose one of {', '.join(MERGES)}")
    if how == "owner":
        out = np.zeros((n, len(LABELS)), dtype=np.float32)
        own = owners(n, windows)
        for w, (a, b) in enumerate(windows):
            mine = own[a:b] == w
            out[a:b][mine] = scores[w][mine]
        return out
    total = np.zeros((n, len(LABELS)), dtype=np.float64)
    weight = np.zeros(n, dtype=np.float64)
    for (a, b), sc in zip(windows, scores):
        d = cut_distance(n, a, b).astype(np.float64) + 1.0
        total[a:b] += d[:, None] * sc
        weight[a:b] += d
    return _log_softmax(total / weight[:, None]).astype(np.float32)


def piece_labels(pieces: Pieces, roles: Sequence[tuple[int, str, int, int]]) -> list[str]:
    """Gold BIO labels of word pieces from (attribution id, role, start, end) character spans: the CRF's rule
    (``tagger.bio_labels``) over the pieces' first characters."""
    return bio_labels(pieces.starts, roles)


def case_types(text: str, pieces: Pieces) -> np.ndarray:
    """Token type ids that carry capitalisation: 1 when a piece starts with a capital letter.

    The base model is uncased; its second token type embedding, unused for
    single texts, is fine-tuned into a capital-letter signal, which names
    (and so sources) depend on.
    """
    return np.asarray([1 if text[s : s + 1].isupper() else 0 for s in pieces.starts], dtype=np.int64)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


@dataclass
class EncoderTagger:
    """A loaded encoder: its tokenizer and onnxruntime session (grouping reads the cue words from the CRF's feature space)."""

    tokenizer: Tokenizer
    session: ort.InferenceSession
    batch: int = BATCH
    stride: int = READ_STRIDE
    merge: str = MERGE
    window: int = WINDOW
    transitions: Transitions | None = None

    @property
    def cls_id(self) -> int:
        return self.tokenizer.token_to_id("[CLS]")

    @property
    def sep_id(self) -> int:
        return self.tokenizer.token_to_id("[SEP]")

    def pieces(self, text: str) -> Pieces:
        enc = self.tokenizer.encode(text, add_special_tokens=False)
        return Pieces(np.asarray(enc.ids, dtype=np.int64), [s for s, _ in enc.offsets], [e for _, e in enc.offsets])

    def window_scores(self, ids: np.ndarray, types: np.ndarray, windows: Sequence[tuple[int, int]]) -> list[np.ndarray]:
        """Label log-probabilities of the pieces of each window [a, b), from runs of ``batch`` windows
        padded to the run's longest."""
        out = []
        for k in range(0, len(windows), self.batch):
            chunk = windows[k : k + self.batch]
            width = max(b - a for a, b in chunk) + 2
            batch_ids = np.zeros((len(chunk), width), dtype=np.int64)
            batch_types = np.zeros_like(batch_ids)
            mask = np.zeros_like(batch_ids)
            for r, (a, b) in enumerate(chunk):
                batch_ids[r, 0], batch_ids[r, 1 : b - a + 1], batch_ids[r, b - a + 1] = self.cls_id, ids[a:b], self.sep_id
                batch_types[r, 1 : b - a + 1] = types[a:b]
                mask[r, : b - a + 2] = 1
            feed = {"input_ids": batch_ids, "token_type_ids": batch_types, "attention_mask": mask}
            (pred,) = self.session.run(None, feed)
            out += [_log_softmax(pred[r, 1 : b - a + 1]) for r, (a, b) in enumerate(chunk)]
        return out

    def logits(self, ids: np.ndarray, types: np.ndarray) -> np.ndarray:
        """Per-piece label log-probabilities of a whole text, windows merged by ``merge_windows``."""
        n = len(ids)
        if n == 0:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        windows = plan_windows(n, self.window - 2, self.stride)
        return merge_windows(n, windows, self.window_scores(ids, types, windows), self.merge)

    def tag_text(self, text: str) -> tuple[Pieces, list[str], list[float]]:
        """Word pieces of ``text`` with their decoded labels and each label's probability."""
        pieces, logp = self.scores(text)
        labels, probs = decode_pieces(logp, transitions=self.transitions)
        return pieces, labels, probs

    def scores(self, text: str) -> tuple[Pieces, np.ndarray]:
        """Word pieces of ``text`` and their label log-probabilities (windows merged), before decoding."""
        pieces = self.pieces(text)
        return pieces, self.logits(pieces.ids, case_types(text, pieces))

    def tag_blocks(self, text: str, blocks: Sequence[tuple[int, Doc]]) -> list[tuple[list[str], list[float]]]:
        """Labels and scores per spaCy token of each (start, Doc) block, tagging the text once."""
        if not blocks:
            return []
        lo, hi = block_range(blocks)
        pieces, logp = self.scores(text[lo:hi])
        return block_token_labels(lo, pieces, logp, blocks, transitions=self.transitions)


def block_range(blocks: Sequence[tuple[int, Doc]]) -> tuple[int, int]:
    """The [start, end) characters the blocks span: the text the encoder reads at once."""
    return blocks[0][0], blocks[-1][0] + len(blocks[-1][1].text)


def decode_pieces(logp: np.ndarray, bias: np.ndarray | None = None,
                  transitions: Transitions | None = None) -> tuple[list[str], list[float]]:
    """Constrained labels of the pieces and each label's probability; ``bias`` (per label, added to
    the log-probabilities) moves the decision between labels without touching the model, and
    ``transitions`` are the model's CRF scores where it has them."""
    scored = logp if bias is None else logp + bias
    path = viterbi(scored) if transitions is None else viterbi(scored, transitions.matrix, transitions.end)
    return [LABELS[j] for j in path], [float(np.exp(logp[i, j])) for i, j in enumerate(path)]


def block_token_labels(lo: int, pieces: Pieces, logp: np.ndarray, blocks: Sequence[tuple[int, Doc]], bias: np.ndarray | None = None,
                       transitions: Transitions | None = None) -> list[tuple[list[str], list[float]]]:
    """Labels and scores per spaCy token of each (start, Doc) block from the pieces of the text at ``lo``.

    Scores follow the CRF tagger's convention: the probability of a
    span-opening or cue label, 1.0 elsewhere.
    """
    labels, probs = decode_pieces(logp, bias, transitions)
    starts = [s + lo for s in pieces.starts]
    ends = [e + lo for e in pieces.ends]
    out = []
    for base, doc in blocks:
        toks, scores = [], []
        for tok in doc:
            lab, p = _token_label(base + tok.idx, base + tok.idx + len(tok.text), starts, ends, labels, probs)
            toks.append(lab)
            scores.append(p if lab[:1] == "B" or lab.endswith("CUE") else 1.0)
        out.append((snap_to_words(doc, join_cues(toks)), scores))
    return out


def join_cues(labels: list[str]) -> list[str]:
    """A cue that starts right after another cue continues it ("were / reportedly unable to confirm").

    Word pieces are labelled one by one, and the encoder sometimes opens a new
    cue on an adverb inside a cue phrase; two attributions whose cues touch
    with nothing between them do not occur in PolNeAR, so the cue is one.
    """
    out = list(labels)
    for i in range(1, len(out)):
        if out[i] == "B-CUE" and out[i - 1].endswith("-CUE"):
            out[i] = "I-CUE"
    return out


def _token_label(start: int, end: int, starts: list[int], ends: list[int], labels: list[str], probs: list[float]) -> tuple[str, float]:
    """The label of the piece holding the token's first character, else of the first piece starting inside
    the token (whitespace tokens have none: O)."""
    k = bisect_right(starts, start) - 1
    if k < 0 or ends[k] <= start:
        k += 1
    if k >= len(starts) or starts[k] >= end:
        return "O", 1.0
    return labels[k], probs[k]


def encoder_path() -> Path:
    """The shipped encoder directory, unless $SANCTIONWATCH_ENCODER_MODEL names another."""
    env = os.environ.get(ENCODER_ENV)
    if env:
        return Path(env)
    return Path(str(resources.files("sanctionwatch").joinpath("models/attribution", ENCODER_DIR)))


@lru_cache(maxsize=2)
def _digest(root: Path) -> bytes:
    h = hashlib.sha256()
    for name in ("model.onnx", "tokenizer.json", "labels.json", SETTINGS):
        path = root / name
        h.update(path.read_bytes() if path.is_file() else b"absent")
    return h.digest()


def encoder_digest() -> bytes:
    """A digest of the encoder files in use, for the pipeline version (a retrained model re-processes stores)."""
    return _digest(encoder_path())


def _threads() -> int:
    """$SANCTIONWATCH_ENCODER_THREADS, else the cores this process may run on."""
    try:
        wanted = int(os.environ.get(THREADS_ENV, "0"))
    except ValueError:
        wanted = 0
    if wanted > 0:
        return wanted
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def session_options() -> ort.SessionOptions:
    """onnxruntime settings for one document at a time on a CPU that other work shares.

    One model runs at a time, so operators run in sequence and only inside an
    operator is work split over threads.  Idle threads do not spin waiting for
    the next run: measured on the 2-core development machine while other
    processes ran, spinning spent 1.5 to 1.7 times the CPU for no wall-clock
    gain, and the spaCy parse that follows in the same process loses that CPU.
    """
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.intra_op_num_threads = _threads()
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.log_severity_level = 3
    return opts


@lru_cache(maxsize=2)
def load_encoder(path: str | None = None) -> EncoderTagger:
    """The encoder in ``path`` (a directory with model.onnx, tokenizer.json, labels.json)."""
    root = Path(path) if path else encoder_path()
    model, tok = root / "model.onnx", root / "tokenizer.json"
    if not model.is_file() or not tok.is_file():
        raise ModelMissing(f"encoder model not found in {root}; run training/train_encoder.py and training/export_encoder.py")
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))
    if tuple(labels) != LABELS:
        raise ModelMissing(f"encoder in {root} has labels {labels}, expected {list(LABELS)}")
    session = ort.InferenceSession(str(model), session_options(), providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(tok))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return EncoderTagger(tokenizer, session, **read_settings(root))


def read_settings(root: Path) -> dict:
    """The model's ``tagger.json``: the window it was trained on, the stride to read with, how overlapping
    windows merge (chosen on dev) and its CRF transitions; a model without one was trained on the default
    window with no CRF layer."""
    path = root / SETTINGS
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        out = {"window": int(data.get("window", WINDOW)), "stride": int(data.get("stride", READ_STRIDE)),
               "merge": str(data.get("merge", MERGE))}
        if data.get("transitions"):
            out["transitions"] = Transitions.from_dict(data["transitions"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelMissing(f"encoder settings {path} are unreadable: {exc}") from exc
    if out["merge"] not in MERGES:
        raise ModelMissing(f"encoder settings {path}: unknown window merge {out['merge']!r}")
    if not 0 < out["stride"] <= out["window"] - 2:
        raise ModelMissing(f"encoder settings {path}: stride {out['stride']} does not fit window {out['window']}")
    return out

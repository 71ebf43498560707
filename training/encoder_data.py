"""Cut PolNeAR into labelled word-piece windows for the encoder tagger (training/train_encoder.py).

    .venv/bin/python training/encoder_data.py --base build/encoder-base --out build/encoder-data.npz [--window 512 --stride 256]

Reads ../shared/polnear (or $SANCTIONWATCH_SHARED/polnear): train for fitting,
dev for choosing the epoch.  Each document is tokenised whole with the base
model's tokenizer and cut with ``sanctionwatch.attribution.encoder.plan_windows``
(the plan inference uses); each word piece takes its gold label by
``piece_labels`` (the rule the CRF's token labels follow).  Token type ids
carry capitalisation (1 when a piece starts with a capital letter), because the
base model is uncased and names are what sources are made of.

The output holds vocabulary ids and labels only, no text; it is a build
artefact (build/ is ignored) and is never committed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctionwatch import polnear  # noqa: E402
from sanctionwatch.attribution.encoder import LABELS, STRIDE, WINDOW, Pieces, case_types, owners, piece_labels, plan_windows  # noqa: E402

LABEL_ID = {lab: i for i, lab in enumerate(LABELS)}


def windows_of(tok: Tokenizer, doc: polnear.GoldDoc, window: int = WINDOW, stride: int = STRIDE) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(ids, types, labels, owned) per window of one document, special tokens not included."""
    enc = tok.encode(doc.text, add_special_tokens=False)
    pieces = Pieces(np.asarray(enc.ids, dtype=np.int64), [s for s, _ in enc.offsets], [e for _, e in enc.offsets])
    labels = np.asarray([LABEL_ID[lab] for lab in piece_labels(pieces, polnear.gold_roles(doc))], dtype=np.int64)
    types = case_types(doc.text, pieces)
    plan = plan_windows(len(pieces.ids), window - 2, stride)
    own = owners(len(pieces.ids), plan)
    return [(pieces.ids[a:b], types[a:b], labels[a:b], own[a:b] == w) for w, (a, b) in enumerate(plan)]


def pack(items: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]], window: int = WINDOW) -> dict[str, np.ndarray]:
    width = window - 2
    n = len(items)
    ids = np.zeros((n, width), dtype=np.uint16)
    types = np.zeros((n, width), dtype=np.uint8)
    labels = np.full((n, width), -1, dtype=np.int8)
    owned = np.zeros((n, width), dtype=bool)
    lengths = np.zeros(n, dtype=np.int32)
    for r, (i, t, lab, o) in enumerate(items):
        k = len(i)
        ids[r, :k], types[r, :k], labels[r, :k], owned[r, :k], lengths[r] = i, t, lab, o, k
    return {"ids": ids, "types": types, "labels": labels, "owned": owned, "lengths": lengths}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="base model directory (tokenizer.json)")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "encoder-data.npz")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each split (smoke runs)")
    ap.add_argument("--window", type=int, default=WINDOW, help="word pieces per window, [CLS] and [SEP] included")
    ap.add_argument("--stride", type=int, default=STRIDE, help="a new window every STRIDE pieces")
    args = ap.parse_args(argv)
    tok = Tokenizer.from_file(str(args.base / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    arrays, provenance = {}, {}
    for split in ("train", "dev"):
        docs = polnear.load_split(split, limit=args.limit)
        items = [w for d in docs for w in windows_of(tok, d, args.window, args.stride)]
        for k, v in pack(items, args.window).items():
            arrays[f"{split}_{k}"] = v
        digest = hashlib.sha256("".join(d.doc_id for d in docs).encode()).hexdigest()[:16]
        provenance[split] = {"documents": len(docs), "windows": len(items), "doc_ids_sha256": digest,
                             "window": args.window, "stride": args.stride}
        print(f"{split}: {len(docs)} documents, {len(items)} windows", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays, labels=np.asarray(LABELS), provenance=np.asarray(json.dumps(provenance)))
    print(f"-> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

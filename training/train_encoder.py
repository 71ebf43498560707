"""Fine-tune the encoder attribution tagger on PolNeAR train (the `training` extra: torch, transformers).

    .venv/bin/python training/train_encoder.py --base build/encoder-base --data build/encoder-data.npz \
        --out build/encoder-trained

Standalone on purpose (torch, transformers, numpy, safetensors; not the
sanctionwatch package), so it runs on a GPU machine that has only those.  The
windows come from training/encoder_data.py.  Each configuration of
training/encoder.yaml is trained from the same seed; after every epoch the
model is scored on the dev windows (each word piece counted once, in the
window where it is furthest from an edge) by exact span F1 over source, cue
and content; the best epoch of the best configuration is written to --out as
fp16 safetensors with its config, labels and the metrics it produced.
training/export_encoder.py turns it into the shipped ONNX model.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
import yaml
from safetensors.torch import load_file, save_file
from torch import nn
from transformers import BertConfig, BertModel

ROOT = Path(__file__).resolve().parents[1]
CLS, SEP = 101, 102


class Tagger(nn.Module):
    """BERT-style encoder plus a linear layer over each word piece; logits out (decoding is done outside)."""

    def __init__(self, config: BertConfig, n_labels: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(config.hidden_size, n_labels)

    def forward(self, input_ids, token_type_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask).last_hidden_state
        return self.head(self.dropout(hidden))


def load_base(base: Path, n_labels: int) -> Tagger:
    config = BertConfig.from_json_file(str(base / "config.json"))
    model = Tagger(config, n_labels)
    state = {k: v.float() for k, v in load_file(str(base / "model.safetensors")).items()}
    state = {k.removeprefix("bert."): v for k, v in state.items()}
    missing, unexpected = model.encoder.load_state_dict(state, strict=False)
    missing = [m for m in missing if "position_ids" not in m]
    if missing:
        raise SystemExit(f"base weights lack {missing[:5]}")
    print(f"base: {base} ({len(state)} tensors; unused {list(unexpected)[:3]})", flush=True)
    return model


def batches(split: dict[str, np.ndarray], size: int, shuffle: bool, rng: random.Random):
    order = list(range(len(split["lengths"])))
    if shuffle:
        rng.shuffle(order)
    for k in range(0, len(order), size):
        rows = order[k : k + size]
        width = int(split["lengths"][rows].max()) + 2
        ids = np.zeros((len(rows), width), dtype=np.int64)
        types = np.zeros_like(ids)
        mask = np.zeros_like(ids)
        labels = np.full_like(ids, -100)
        for r, row in enumerate(rows):
            n = int(split["lengths"][row])
            ids[r, : n + 2] = [CLS, *split["ids"][row, :n], SEP]
            types[r, 1 : n + 1] = split["types"][row, :n]
            mask[r, : n + 2] = 1
            labels[r, 1 : n + 1] = split["labels"][row, :n]
        yield rows, ids, types, mask, labels


def spans(labels: list[str]) -> set[tuple[str, int, int]]:
    """Lenient BIO decoding (an I- after another role opens a span), as the extractor decodes."""
    out, role, start = set(), None, 0
    for i, lab in enumerate([*labels, "O"]):
        if lab == "O" or lab.startswith("B-") or lab[2:] != role:
            if role is not None:
                out.add((role, start, i))
            role, start = (None, 0) if lab == "O" else (lab[2:], i)
    return out


def collect_owned(dev: dict[str, np.ndarray], rows: list[int], best: np.ndarray, names: list[str],
                  gold: list[str], pred: list[str]) -> None:
    """Append the gold and predicted labels of each window's owned pieces (special tokens cut off)."""
    for r, row in enumerate(rows):
        n = int(dev["lengths"][row])
        keep = dev["owned"][row, :n]
        gold += [names[x] for x in dev["labels"][row, :n][keep]]
        pred += [names[x] for x in best[r, 1 : n + 1][keep]]


def span_scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Exact span F1 per role (SRC, CUE, CON) and their mean, from aligned gold and predicted labels."""
    g, p = spans(gold), spans(pred)
    out = {}
    for role in ("SRC", "CUE", "CON"):
        gs, ps = {s for s in g if s[0] == role}, {s for s in p if s[0] == role}
        tp = len(gs & ps)
        prec, rec = tp / max(len(ps), 1), tp / max(len(gs), 1)
        out[role] = round(2 * prec * rec / max(prec + rec, 1e-9), 4)
    out["mean"] = round(sum(out[r] for r in ("SRC", "CUE", "CON")) / 3, 4)
    return out


def evaluate(model: Tagger, dev: dict[str, np.ndarray], names: list[str], device: str) -> dict[str, float]:
    model.eval()
    gold, pred = [], []
    with torch.no_grad(), torch.autocast(device_type=device.split(":")[0], dtype=torch.bfloat16, enabled=device.startswith("cuda")):
        for rows, ids, types, mask, _ in batches(dev, 64, False, random.Random(0)):
            t = lambda a: torch.from_numpy(a).to(device)  # noqa: E731
            logits = model(t(ids), t(types), t(mask)).float().argmax(-1).cpu().numpy()
            collect_owned(dev, rows, logits, names, gold, pred)
    out = span_scores(gold, pred)
    model.train()
    return out


def train_one(cfg: dict, data: dict, names: list[str], base: Path, device: str, seed: int):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = load_base(base, len(names)).to(device)
    train = data["train"]
    steps = cfg["epochs"] * math.ceil(len(train["lengths"]) / cfg["batch"])
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": cfg.get("weight_decay", 0.01)},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=cfg["lr"])
    warm = int(steps * cfg.get("warmup", 0.1))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / max(warm, 1)) * max(0.0, (steps - s) / max(steps - warm, 1)))
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    best, best_state, history, step = None, None, [], 0
    t0 = time.perf_counter()
    for epoch in range(1, cfg["epochs"] + 1):
        total = 0.0
        for _, ids, types, mask, labels in batches(train, cfg["batch"], True, rng):
            t = lambda a: torch.from_numpy(a).to(device)  # noqa: E731
            with torch.autocast(device_type=device.split(":")[0], dtype=torch.bfloat16, enabled=device.startswith("cuda")):
                logits = model(t(ids), t(types), t(mask))
            loss = loss_fn(logits.float().reshape(-1, len(names)), t(labels).reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            total += float(loss.detach())
            step += 1
            if cfg.get("max_steps") and step >= cfg["max_steps"]:
                break
        score = evaluate(model, data["dev"], names, device)
        history.append({"epoch": epoch, "loss": round(total, 2), **score, "seconds": round(time.perf_counter() - t0, 1)})
        print(json.dumps({"config": cfg["name"], **history[-1]}), flush=True)
        if best is None or score["mean"] > best["mean"]:
            best = {"epoch": epoch, **score}
            best_state = {k: v.detach().to("cpu", torch.float16).clone() for k, v in model.state_dict().items()}
        if cfg.get("max_steps") and step >= cfg["max_steps"] or time.time() > cfg.get("deadline", math.inf):
            break
    return best, best_state, history


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="base model directory: config.json, model.safetensors")
    ap.add_argument("--data", type=Path, required=True, help="windows from training/encoder_data.py")
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "encoder.yaml")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", default=None, help="train only the configuration of this name")
    ap.add_argument("--max-steps", type=int, default=None, help="stop each configuration after N steps (smoke runs)")
    ap.add_argument("--budget", type=float, default=None, help="wall-clock seconds: no epoch starts after this")
    args = ap.parse_args(argv)
    spec = yaml.safe_load(args.config.read_text())
    raw = np.load(args.data)
    names = [str(x) for x in raw["labels"]]
    data = {s: {k.split("_", 1)[1]: raw[k] for k in raw.files if k.startswith(s + "_")} for s in ("train", "dev")}
    for s in data.values():
        s["labels"] = s["labels"].astype(np.int64)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.set_float32_matmul_precision("high")
    print(f"device {device}; train {len(data['train']['lengths'])} windows, dev {len(data['dev']['lengths'])}", flush=True)
    deadline = time.time() + args.budget if args.budget else math.inf
    results, winner = [], None
    for cfg in spec["configs"]:
        if args.only and cfg["name"] != args.only:
            continue
        if time.time() > deadline:
            print(f"budget spent: {cfg['name']} not trained", flush=True)
            continue
        cfg = {**spec.get("defaults", {}), **cfg, "max_steps": args.max_steps, "deadline": deadline}
        best, state, history = train_one(cfg, data, names, args.base, device, spec.get("seed", 13))
        results.append({"config": cfg, "best": best, "history": history})
        if winner is None or best["mean"] > winner[0]["mean"]:
            winner = (best, state, cfg)
    best, state, cfg = winner
    args.out.mkdir(parents=True, exist_ok=True)
    save_file(state, str(args.out / "model.safetensors"))
    (args.out / "config.json").write_text((args.base / "config.json").read_text())
    (args.out / "labels.json").write_text(json.dumps(names))
    provenance = json.loads(str(raw["provenance"]))
    metrics = {"chosen": {"config": cfg["name"], **best}, "device": device, "torch": torch.__version__,
               "data": provenance, "seed": spec.get("seed", 13), "runs": results}
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1))
    print(json.dumps(metrics["chosen"]), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fine-tune the encoder attribution tagger on PolNeAR train (the `training` extra: torch, transformers).

    .venv/bin/python training/train_encoder.py --base build/encoder-base --data build/encoder-data.npz \
        [--data build/encoder-data-w512.npz ...] --out build/encoder-trained [--jobs 4]

Standalone on purpose (torch, transformers, numpy, safetensors; not the
sanctionwatch package), so it runs on a GPU machine that has only those.  The
windows come from training/encoder_data.py.  Each configuration of
training/encoder.yaml is trained from its seed on the windows of its
``window`` size (one --data file each); after every epoch the model is scored
on the dev windows by exact span F1 over source, cue and content, each word
piece counted once (in the window where it is furthest from an edge) and the
pieces decoded in order as the shipped tagger decodes a document (constrained
Viterbi, with the CRF layer's transitions where the configuration has one).
Each configuration's best epoch goes to --out/runs/NAME; the best of them is
written to --out as fp16 safetensors with its config, labels, decoding
settings (tagger.json) and the metrics it produced.  --jobs runs
configurations side by side (one process each, on the same GPU).
training/export_encoder.py turns it into the shipped ONNX model.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch
import yaml
from safetensors.torch import load_file, save_file
from torch import nn
from transformers import BertConfig, BertModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from encoder_crf import CRF, decode  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CLS, SEP = 101, 102


class Tagger(nn.Module):
    """BERT-style encoder plus a linear layer over each word piece; logits out (decoding is done outside).
    With ``crf`` the model also holds a CRF layer's transition scores, which training learns and
    decoding adds; the exported graph is the same."""

    def __init__(self, config: BertConfig, names: list[str], dropout: float = 0.1, crf: bool = False):
        super().__init__()
        self.encoder = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(config.hidden_size, len(names))
        self.crf = CRF(names) if crf else None

    def forward(self, input_ids, token_type_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask).last_hidden_state
        return self.head(self.dropout(hidden))


def load_base(base: Path, names: list[str], crf: bool = False) -> Tagger:
    config = BertConfig.from_json_file(str(base / "config.json"))
    model = Tagger(config, names, crf=crf)
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


def collect_owned(dev: dict[str, np.ndarray], rows: list[int], logp: np.ndarray, names: list[str],
                  gold: list[str], owned: list[np.ndarray]) -> None:
    """Append the gold labels and the label log-probabilities of each window's owned pieces (special tokens
    cut off), so the pieces of the dev documents line up in order."""
    for r, row in enumerate(rows):
        n = int(dev["lengths"][row])
        keep = dev["owned"][row, :n]
        gold += [names[x] for x in dev["labels"][row, :n][keep]]
        owned.append(logp[r, 1 : n + 1][keep])


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


def evaluate(model: Tagger, dev: dict[str, np.ndarray], names: list[str], device: str) -> dict:
    """Span F1 on the dev windows: pieces decoded in order as the shipped tagger decodes (the result's own
    keys, ``mean`` among them), and with each piece's best label alone (``argmax``)."""
    model.eval()
    gold, owned = [], []
    with torch.no_grad(), torch.autocast(device_type=device.split(":")[0], dtype=torch.bfloat16, enabled=device.startswith("cuda")):
        for rows, ids, types, mask, _ in batches(dev, 64, False, random.Random(0)):
            t = lambda a: torch.from_numpy(a).to(device)  # noqa: E731
            logp = torch.log_softmax(model(t(ids), t(types), t(mask)).float(), -1).cpu().numpy()
            collect_owned(dev, rows, logp, names, gold, owned)
    scores = np.concatenate(owned)
    transitions = model.crf.settings() if model.crf is not None else None
    out = span_scores(gold, [names[j] for j in decode(scores, transitions)])
    out["argmax"] = span_scores(gold, [names[j] for j in scores.argmax(-1)])
    model.train()
    return out


def loss_of(model: Tagger, logits: torch.Tensor, labels: torch.Tensor, loss_fn: nn.Module) -> torch.Tensor:
    """Cross-entropy per piece, or the CRF's sequence likelihood over each window's pieces (after [CLS])."""
    if model.crf is None:
        return loss_fn(logits.float().reshape(-1, logits.shape[-1]), labels.reshape(-1))
    tags = labels[:, 1:]
    return model.crf.nll(logits[:, 1:], tags, tags != -100)


def train_one(cfg: dict, data: dict, names: list[str], base: Path, device: str, seed: int):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = load_base(base, names, crf=bool(cfg.get("crf"))).to(device)
    if cfg.get("freeze_words"):
        model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    train = data["train"]
    steps = cfg["epochs"] * math.ceil(len(train["lengths"]) / cfg["batch"])
    no_decay = ("bias", "LayerNorm.weight")
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad and not n.startswith("crf.")]
    groups = [
        {"params": [p for n, p in params if not n.endswith(no_decay)], "weight_decay": cfg.get("weight_decay", 0.01)},
        {"params": [p for n, p in params if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    if model.crf is not None:
        groups.append({"params": list(model.crf.parameters()), "weight_decay": 0.0, "lr": cfg.get("crf_lr", 5e-3)})
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
            loss = loss_of(model, logits, t(labels), loss_fn)
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
            best_state = {k: v.detach().to("cpu", torch.float16).clone() for k, v in model.state_dict().items()
                          if not k.startswith("crf.")}
            best["transitions"] = model.crf.settings() if model.crf is not None else None
        if cfg.get("max_steps") and step >= cfg["max_steps"] or time.time() > cfg.get("deadline", math.inf):
            break
    return best, best_state, history


def load_data(paths: list[Path]) -> tuple[list[str], dict[int, dict], dict[int, dict]]:
    """Label names, and per window size its train/dev arrays and provenance (from encoder_data.py files)."""
    names, by_window, provenance = None, {}, {}
    for path in paths:
        raw = np.load(path)
        prov = json.loads(str(raw["provenance"]))
        window = int(prov["train"].get("window", 256))
        names = names or [str(x) for x in raw["labels"]]
        data = {s: {k.split("_", 1)[1]: raw[k] for k in raw.files if k.startswith(s + "_")} for s in ("train", "dev")}
        for split in data.values():
            split["labels"] = split["labels"].astype(np.int64)
        by_window[window], provenance[window] = data, prov
    return names, by_window, provenance


def save_run(out: Path, state: dict, base: Path, names: list[str], metrics: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    save_file(state, str(out / "model.safetensors"))
    (out / "config.json").write_text((base / "config.json").read_text())
    (out / "labels.json").write_text(json.dumps(names))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1))
    chosen = metrics["chosen"]
    settings = {"window": chosen["window"], "stride": chosen["stride"], "transitions": chosen.get("transitions")}
    (out / "tagger.json").write_text(json.dumps(settings, indent=1) + "\n")


def run_config(cfg: dict, args: argparse.Namespace, spec: dict, deadline: float) -> Path:
    """Train one configuration in this process; its best epoch goes to --out/runs/NAME."""
    names, by_window, provenance = load_data(args.data)
    window = int(cfg.get("window", 256))
    if window not in by_window:
        raise SystemExit(f"{cfg['name']}: no --data file holds windows of {window} pieces")
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.set_float32_matmul_precision("high")
    data = by_window[window]
    print(f"{cfg['name']}: device {device}; train {len(data['train']['lengths'])} windows of {window}, dev {len(data['dev']['lengths'])}", flush=True)
    cfg = {**spec.get("defaults", {}), **cfg, "max_steps": args.max_steps, "deadline": deadline}
    seed = int(cfg.get("seed", spec.get("seed", 13)))
    best, state, history = train_one(cfg, data, names, args.base, device, seed)
    stride = int(cfg.get("stride", provenance[window]["train"].get("stride", window // 2)))
    chosen = {"config": cfg["name"], "window": window, "stride": stride, **best}
    metrics = {"chosen": chosen, "device": device, "torch": torch.__version__, "data": provenance[window],
               "seed": seed, "runs": [{"config": {k: v for k, v in cfg.items() if k != "deadline"}, "best": best, "history": history}]}
    out = args.out / "runs" / cfg["name"]
    save_run(out, state, args.base, names, metrics)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="base model directory: config.json, model.safetensors")
    ap.add_argument("--data", type=Path, action="append", required=True,
                    help="windows from training/encoder_data.py; one file per window size the configurations use")
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "encoder.yaml")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", default=None, help="train only the configuration of this name")
    ap.add_argument("--jobs", type=int, default=1, help="configurations trained side by side, one process each")
    ap.add_argument("--max-steps", type=int, default=None, help="stop each configuration after N steps (smoke runs)")
    ap.add_argument("--budget", type=float, default=None, help="wall-clock seconds: no epoch starts after this")
    args = ap.parse_args(argv)
    spec = yaml.safe_load(args.config.read_text())
    deadline = time.time() + args.budget if args.budget else math.inf
    configs = [c for c in spec["configs"] if not args.only or c["name"] == args.only]
    if args.only:
        run_config(configs[0], args, spec, deadline)
        return 0
    if args.jobs > 1:
        run_parallel(configs, args, deadline)
    else:
        for cfg in configs:
            if time.time() > deadline:
                print(f"budget spent: {cfg['name']} not trained", flush=True)
                continue
            run_config(cfg, args, spec, deadline)
    return choose(args.out, [c["name"] for c in configs])


def run_parallel(configs: list[dict], args: argparse.Namespace, deadline: float) -> None:
    """Each configuration in its own process of this script (--only), ``args.jobs`` at a time."""
    common = [sys.executable, str(Path(__file__).resolve()), "--base", str(args.base), "--config", str(args.config), "--out", str(args.out)]
    for path in args.data:
        common += ["--data", str(path)]
    if args.max_steps:
        common += ["--max-steps", str(args.max_steps)]
    pending, running = list(configs), []
    while pending or running:
        while pending and len(running) < args.jobs:
            cfg = pending.pop(0)
            budget = [] if deadline == math.inf else ["--budget", str(max(1.0, deadline - time.time()))]
            running.append((cfg["name"], subprocess.Popen([*common, "--only", cfg["name"], *budget])))
        time.sleep(2)
        for name, proc in list(running):
            if proc.poll() is not None:
                running.remove((name, proc))
                print(f"{name}: exit {proc.returncode}", flush=True)


def choose(out: Path, names: list[str]) -> int:
    """Copy the configuration with the best dev mean span F1 from --out/runs to --out."""
    done = [(json.loads((out / "runs" / n / "metrics.json").read_text()), n) for n in names if (out / "runs" / n / "metrics.json").is_file()]
    if not done:
        raise SystemExit("no configuration finished")
    metrics, name = max(done, key=lambda m: m[0]["chosen"]["mean"])
    for f in ("model.safetensors", "config.json", "labels.json", "tagger.json"):
        shutil.copy(out / "runs" / name / f, out / f)
    metrics["runs"] = [r for m, _ in done for r in m["runs"]]
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1))
    print(json.dumps({k: v for k, v in metrics["chosen"].items() if k != "transitions"}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

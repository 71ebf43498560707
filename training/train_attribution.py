"""Train the attribution tagger (linear-chain CRF) on PolNeAR train.

    .venv/bin/python training/train_attribution.py                 # final model on all of train
    .venv/bin/python training/train_attribution.py --subset fit    # model selection: fit slice,
                                                                   # then score on --subset heldout

Reads ../shared/polnear/train (or $SANCTIONWATCH_SHARED/polnear/train), parses
every text with the project's spaCy model exactly as the pipeline does
(sanctionwatch.read.parse_many: paragraph blocks), turns the BRAT gold into BIO
labels per block, and writes src/sanctionwatch/models/attribution/crf.model.
Hyper-parameters live in training/attribution.yaml.  Never touches dev.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctionwatch import polnear  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from sanctionwatch.attribution.features import FeatureSpace, block_features  # noqa: E402
from sanctionwatch.attribution.lexicon import load_lexicon  # noqa: E402
from sanctionwatch.attribution.tagger import model_path, rates_path, token_labels  # noqa: E402
from sanctionwatch.read import load_model, parse_many  # noqa: E402


def parse_all(docs: list[polnear.GoldDoc], cache: Path | None) -> list[list[tuple[int, Doc]]]:
    """Parsed blocks (start, Doc) per document, via read.parse_many; cached as a DocBin between runs."""
    nlp = load_model()
    store: dict[str, list[tuple[int, Doc]]] = {}
    if cache and cache.exists():
        meta = json.loads(cache.with_suffix(".json").read_text())
        parsed_docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        k = 0
        for doc_id, starts in meta:
            store[doc_id] = list(zip(starts, parsed_docs[k : k + len(starts)]))
            k += len(starts)
    todo = [d for d in docs if d.doc_id not in store]
    for d, parsed in zip(todo, parse_many(nlp, ((x.text, ()) for x in todo))):
        store[d.doc_id] = [(b.start, b.doc) for b in parsed.blocks]
    if cache and todo:
        bin_ = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SPACY"])
        meta = []
        for doc_id, blocks in store.items():
            meta.append((doc_id, [s for s, _ in blocks]))
            for _, doc in blocks:
                bin_.add(doc)
        bin_.to_disk(cache)
        cache.with_suffix(".json").write_text(json.dumps(meta))
    return [store[d.doc_id] for d in docs]


def cue_rates(blocks: list[tuple[Doc, list[str]]], min_count: int = 3) -> dict[str, float]:
    """Share of each lemma's occurrences labelled as cue, for lemmas seen at least min_count times."""
    seen: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    for doc, labels in blocks:
        for tok, lab in zip(doc, labels):
            lemma = tok.lemma_.lower()
            seen[lemma] += 1
            if lab.endswith("CUE"):
                cue[lemma] += 1
    return {k: round(cue[k] / n, 3) for k, n in seen.items() if n >= min_count and cue[k] / n >= 0.02}


def build(docs: list[polnear.GoldDoc], cache: Path | None) -> tuple[list[list[list[str]]], list[list[str]], dict[str, float]]:
    labelled: list[tuple[Doc, list[str]]] = []
    for doc, blocks in zip(docs, parse_all(docs, cache)):
        roles = polnear.gold_roles(doc)
        for start, bdoc in blocks:
            end = start + len(bdoc.text)
            inside = [r for r in roles if r[2] < end and r[3] > start]
            labelled.append((bdoc, token_labels(bdoc, start, inside)))
    rates = cue_rates(labelled)
    space = FeatureSpace.build(load_lexicon(), rates)
    xs = [block_features(d, space) for d, _ in labelled]
    ys = [labels for _, labels in labelled]
    return xs, ys, rates


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subset", default="all", choices=["all", "fit"])
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "attribution.yaml")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--parse-cache", type=Path, default=None, help="DocBin of parsed train blocks, reused between runs")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    cfg = yaml.safe_load(args.config.read_text())
    out = args.out or model_path()
    t0 = time.perf_counter()
    docs = polnear.load_split("train", subset=args.subset, limit=args.limit)
    xs, ys, rates = build(docs, args.parse_cache)
    print(f"{len(xs)} blocks, {sum(map(len, xs))} tokens, features in {time.perf_counter() - t0:.0f}s", flush=True)

    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm=cfg.get("algorithm", "lbfgs"), verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, y)
    trainer.set_params(cfg.get("params", {}))
    out.parent.mkdir(parents=True, exist_ok=True)
    t1 = time.perf_counter()
    trainer.train(str(out))
    rates_path(out).write_text(json.dumps(rates, sort_keys=True, indent=0))
    print(f"trained in {time.perf_counter() - t1:.0f}s -> {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

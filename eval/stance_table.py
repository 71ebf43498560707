"""Stance confusion table: realnews-dev's stance-labelled attribution facts and the team's own gold.

    python eval/stance_table.py [--realnews build/rn.jsonl] [--own eval/stance_gold.yaml]

--realnews takes the output of `python3 ../shared/realnews-dev/score.py --save build/rn.jsonl`;
a gold fact is looked up like the scorer does (content overlaps the anchor, source regex matches).
--own runs the pipeline on the sentences of eval/stance_gold.yaml.  Rows: gold stance (a gold
regex such as "condemn|warn" is its own row); columns: predicted stance, "-" when no attribution
matched.  A cell on a row whose regex accepts the column counts as correct.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctionwatch.actors import resolve_entities  # noqa: E402
from sanctionwatch.attribution import extract_attributions  # noqa: E402
from sanctionwatch.model import STANCES  # noqa: E402
from sanctionwatch.read import load_model, parse  # noqa: E402

REALNEWS = ROOT / ".." / "shared" / "realnews-dev"
COLUMNS = list(STANCES) + ["-"]


def _source_text(doc: dict, a: dict) -> str:
    names = {e["id"]: e["name"] for e in doc.get("entities", [])}
    ent = a.get("source_entity") or ""
    return " ".join([f["text"] for f in a["source"]] + [ent, names.get(ent, "")])


def realnews_pairs(pred: Path) -> list[tuple[str, str]]:
    gold = json.loads((REALNEWS / "gold.json").read_text(encoding="utf-8"))["facts"]
    docs = {Path(d["input"]).name: d for d in map(json.loads, pred.read_text(encoding="utf-8").splitlines())}
    pairs = []
    for fact in gold:
        if fact["kind"] != "attribution" or "stance" not in fact:
            continue
        doc = docs.get(fact["doc"])
        got = "-"
        if doc is not None:
            text = doc["text"]
            anchors = [(text.find(c), text.find(c) + len(c)) for c in fact["content_overlaps"] if c in text]
            for a in doc["attributions"]:
                overlaps = any(f["start"] < e and s < f["end"] for f in a["content"] for s, e in anchors)
                if overlaps and re.search(fact["source"], _source_text(doc, a), re.I):
                    got = a["stance"]
                    break
        pairs.append((fact["stance"], got))
    return pairs


def own_pairs(path: Path) -> list[tuple[str, str]]:
    nlp = load_model()
    pairs = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
        parsed = parse(nlp, item["text"])
        atts = extract_attributions(parsed, resolve_entities(parsed))
        hits = [a for a in atts if any(item["content"] in f.text for f in a.content)]
        pairs.append((item["stance"], hits[0].stance if hits else "-"))
    return pairs


def table(title: str, pairs: list[tuple[str, str]]) -> str:
    counts = Counter(pairs)
    rows = sorted({g for g, _ in pairs}, key=lambda g: (COLUMNS.index(g.split("|")[0]) if g.split("|")[0] in COLUMNS else 99, g))
    right = sum(n for (g, p), n in counts.items() if re.fullmatch(g, p))
    lines = [f"{title}: {right}/{len(pairs)} stances right", "| gold \\ predicted | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for g in rows:
        lines.append(f"| {g} | " + " | ".join(str(counts.get((g, c), "")) or "" for c in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realnews", type=Path, help="saved output of the realnews-dev scorer (--save)")
    ap.add_argument("--own", type=Path, default=ROOT / "eval" / "stance_gold.yaml")
    args = ap.parse_args(argv)
    if args.realnews:
        print(table("realnews-dev (stance-labelled attribution facts)", realnews_pairs(args.realnews)))
        print()
    print(table("own gold (eval/stance_gold.yaml)", own_pairs(args.own)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

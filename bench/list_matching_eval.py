"""Precision and recall of sanctions-list name matching on invented name variants.

Reads the variants in tests/fixtures/list_variants.yaml (spelling, romanisation,
word order, legal forms, acronyms, vessels, and different names that must not
match) and the UN consolidated list from ../shared/sanctions-lists/ (or --list).

    python bench/list_matching_eval.py [--list PATH] [-v]

A positive is found when its expected entry is among the matches; any other
entry returned for it, and any match of a negative, is a false positive.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

from sanctionwatch.sanctions import load_list

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ROOT / "tests" / "fixtures" / "list_variants.yaml"
UN_LIST = ROOT / ".." / "shared" / "sanctions-lists" / "un-consolidated-2018-10-29.xml"


def expected_refs(value: str | list[str]) -> set[str]:
    return set(value) if isinstance(value, list) else {value}


def evaluate(list_path: Path, variants_path: Path = VARIANTS, verbose: bool = False) -> dict[str, float]:
    sl = load_list(list_path)
    data = yaml.safe_load(variants_path.read_text(encoding="utf-8"))
    found, total, wrong = Counter(), Counter(), Counter()
    for category, cases in data["positives"].items():
        for query, etype, refs in cases:
            got = {m.reference_number for m in sl.match(query, etype)}
            total[category] += 1
            if got & expected_refs(refs):
                found[category] += 1
            elif verbose:
                print(f"  missed  [{category}] {query!r} ({etype}) -> {sorted(got) or 'nothing'}, expected {refs}")
            extra = got - expected_refs(refs)
            wrong[category] += bool(extra)
            if extra and verbose:
                print(f"  wrong   [{category}] {query!r} ({etype}) -> also {sorted(extra)}")
    negatives_hit = 0
    for query, etype in data["negatives"]:
        got = sl.match(query, etype)
        if got:
            negatives_hit += 1
            if verbose:
                print(f"  false   {query!r} ({etype}) -> {[m.reference_number for m in got]}")
    for category in total:
        print(f"{category:14s} recall {found[category] / total[category]:.3f} ({found[category]}/{total[category]})"
              f"  wrong entries {wrong[category]}")
    tp, fn = sum(found.values()), sum(total.values()) - sum(found.values())
    fp = sum(wrong.values()) + negatives_hit
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"negatives      {negatives_hit} of {len(data['negatives'])} different names matched")
    print(f"overall        precision {precision:.3f} recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    return {"precision": precision, "recall": recall, "false_positives": fp, "negatives_hit": negatives_hit}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", type=Path, default=UN_LIST, help="list file (any format sanctionwatch reads)")
    ap.add_argument("--variants", type=Path, default=VARIANTS)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss and false positive")
    args = ap.parse_args()
    if not args.list.exists():
        print(f"list not found: {args.list}", file=sys.stderr)
        return 1
    evaluate(args.list, args.variants, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

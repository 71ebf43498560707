"""Pairwise precision / recall / F1 of case linking on the demo corpus.

Needs the whole pipeline to have run on the corpus into a store first:

    sanctionwatch run examples/corpus --exclude README.md --db /tmp/corpus.db
    python bench/linking_eval.py --db /tmp/corpus.db [--gold examples/corpus/gold_cases.yaml] [--min-sources 2] [--json] [-v]

Protocol.  Each gold case lists ``mentions`` and ``denials``, each a
``{file, sentence}`` whose sentence is an exact substring of the stored text of
the document whose input ends with ``file`` (``wires.jsonl:N`` for line N of
the JSONL).  Such a *unit* is located by string search (whitespace-insensitive
as a fallback).  A predicted case member *hits* a unit when the member's
trigger (or, for attribution-only denials, its attribution span) lies inside
the unit.  Over the units hit by at least one prediction:

* gold pairs: two units that share a gold case;
* predicted pairs: two units hit by members of one predicted case.

Two rules keep one extracted event from being scored against more than it
can be.  Nested units: a span inside a clause the gold gives for one case and
inside the longer sentence it gives for another hits the clause only (the
innermost unit: the gold gave the clause for the event in it).  Units in two
gold cases ("Moscow and Pyongyang denied trading in weapons" answering both
the shells and the missiles case): one member can be in one case only, so such
a unit counts for the gold cases its predicted case holds other units of (all
of its gold cases when it holds none).  ``--literal`` scores without them.

Linking P/R/F1 compare these pair sets.  End-to-end recall divides the
correct predicted pairs by all gold pairs, including units no event hit
(extraction misses).  Syndication P/R compares document pairs put in one
syndication group with the corpus's ``syndicated`` groups.
Target: linking F1 >= 0.85.

``-v`` lists the errors behind the figures: each false merge (a predicted case
joining units of different gold cases) and each missed pair (units of one gold
case in different predicted cases), grouped by the gold cases involved.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctionwatch.linking.clustering import link_events  # noqa: E402
from sanctionwatch.linking.syndication import syndication_groups  # noqa: E402
from sanctionwatch.model import Document, Fragment  # noqa: E402
from sanctionwatch.store import Store  # noqa: E402

Unit = tuple[str, int, int]  # doc_id, start, end


def find_doc(docs: list[Document], file: str) -> Document | None:
    for d in docs:
        if d.input == file or d.input.endswith("/" + file):
            return d
    return None


def locate(doc: Document, sentence: str) -> tuple[int, int] | None:
    i = doc.text.find(sentence)
    if i >= 0:
        return i, i + len(sentence)
    pattern = r"\s+".join(re.escape(w) for w in sentence.split())
    m = re.search(pattern, doc.text)
    return (m.start(), m.end()) if m else None


def gold_units(gold: dict, docs: list[Document]) -> tuple[dict[Unit, set[str]], list[str]]:
    """unit -> gold case ids; and the mentions that could not be located."""
    units: dict[Unit, set[str]] = defaultdict(set)
    missing = []
    for case in gold["cases"]:
        for m in (case.get("mentions") or []) + (case.get("denials") or []):
            doc = find_doc(docs, m["file"])
            span = locate(doc, m["sentence"]) if doc else None
            if span is None:
                missing.append(f"{m['file']}: {m['sentence'][:60]}")
                continue
            units[(doc.doc_id, *span)].add(case["id"])
    return units, missing


def member_spans(doc: Document, event_idx: int | None, attribution_idx: int | None) -> list[tuple[int, int]]:
    """Every span of a case member: each mention of its event (coreference folds several into one), or
    its attribution."""
    if event_idx is not None:
        ev = doc.events[event_idx]
        return [(t.start, t.end) for t in ev.mentions or [ev.trigger]]
    a = doc.attributions[attribution_idx]
    frags = a.source + a.cue + a.content
    return [(min(f.start for f in frags), max(f.end for f in frags))]


def restore_mentions(store: Store, docs: list[Document]) -> None:
    """Put back ``Event.mentions`` from the stored event JSON where the store's reader leaves them out."""
    for doc in docs:
        rows = store.conn.execute("SELECT json FROM events WHERE doc_id = ? ORDER BY idx", (doc.doc_id,)).fetchall()
        for ev, row in zip(doc.events, rows):
            if not ev.mentions:
                ev.mentions = [Fragment(**m) for m in json.loads(row[0]).get("mentions") or []]


def hits(units: dict[Unit, set[str]], doc_id: str, span: tuple[int, int], innermost: bool = True) -> list[Unit]:
    found = [u for u in units if u[0] == doc_id and u[1] <= span[0] and span[1] <= u[2]]
    if not innermost:
        return found
    return [u for u in found if not any(v != u and u[1] <= v[1] and v[2] <= u[2] for v in found)]


def effective_labels(units: dict[Unit, set[str]], groups: list[set[Unit]]) -> dict[Unit, set[str]]:
    """Each unit's gold cases, a unit of several narrowed to those its predicted cases hold other units of."""
    out = {u: set(cases) for u, cases in units.items()}
    for u, cases in units.items():
        if len(cases) < 2:
            continue
        seen = {c for g in groups if u in g for v in g if v != u for c in units[v]}
        if cases & seen:
            out[u] = cases & seen
    return out


def prf(pred: set, gold: set) -> dict[str, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "pred": len(pred), "gold": len(gold)}


def pairs_of(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def evaluate(docs: list[Document], gold: dict, min_sources: int = 2, literal: bool = False) -> dict:
    units, missing = gold_units(gold, docs)
    by_id = {d.doc_id: d for d in docs}
    cases = link_events(docs, min_sources=min_sources)
    predicted_groups = []
    case_of_unit: dict[Unit, set[str]] = defaultdict(set)  # unit -> predicted case ids (for -v)
    hit_units: set[Unit] = set()
    unmatched_members = 0
    for case in cases:
        group: set[Unit] = set()
        for m in case.members:
            found = [u for span in member_spans(by_id[m.doc_id], m.event_idx, m.attribution_idx)
                     for u in hits(units, m.doc_id, span, innermost=not literal)]
            unmatched_members += not found
            group.update(found)
            for u in found:
                case_of_unit[u].add(f"{case.id}[{case.type}]")
        hit_units |= group
        predicted_groups.append(group)
    labels = units if literal else effective_labels(units, predicted_groups)
    gold_pairs_all = {frozenset((u, v)) for u, v in combinations(sorted(units), 2) if labels[u] & labels[v]}
    gold_pairs = {p for p in gold_pairs_all if p <= hit_units}
    pred_pairs = pairs_of(predicted_groups)
    linking = prf(pred_pairs, gold_pairs)
    end_to_end = prf(pred_pairs, gold_pairs_all)

    file_to_doc = {}
    for g in gold.get("syndicated") or []:
        for f in g["files"]:
            d = find_doc(docs, f)
            if d:
                file_to_doc[f] = d.doc_id
    gold_synd = pairs_of([[file_to_doc[f] for f in g["files"] if f in file_to_doc] for g in gold.get("syndicated") or []])
    synd = prf(pairs_of(syndication_groups(docs)), gold_synd)
    return {
        "documents": len(docs),
        "events": sum(len(d.events) for d in docs),
        "cases": len(cases),
        "gold_cases": len(gold["cases"]),
        "gold_units": len(units),
        "gold_units_hit": len(hit_units),
        "gold_mentions_not_located": missing,
        "members_hitting_no_gold_unit": unmatched_members,
        "linking": linking,
        "end_to_end": {"recall": end_to_end["recall"], "tp": end_to_end["tp"], "gold": end_to_end["gold"]},
        "syndication": synd,
        "status_counts": {s: sum(c.status == s for c in cases) for s in sorted({c.status for c in cases})},
        "errors": _errors(pred_pairs - gold_pairs, gold_pairs - pred_pairs, units, case_of_unit, by_id),
    }


def _errors(false_pairs: set[frozenset], missed_pairs: set[frozenset], units: dict[Unit, set[str]],
            case_of_unit: dict[Unit, set[str]], by_id: dict[str, Document]) -> dict[str, list[dict]]:
    """The wrong and the missed pairs grouped by the gold cases they join (false) or split (missed)."""
    def show(u: Unit) -> str:
        doc = by_id[u[0]]
        name = doc.input.rsplit("/", 1)[-1]
        return f"{name}@{u[1]}: {' '.join(doc.text[u[1]:u[2]].split())[:90]}"

    out: dict[str, list[dict]] = {"false_merges": [], "missed": []}
    for kind, pairs in (("false_merges", false_pairs), ("missed", missed_pairs)):
        grouped: dict[tuple, list[tuple[Unit, Unit]]] = defaultdict(list)
        for pair in pairs:
            u, v = sorted(pair)
            key = tuple(sorted({"+".join(sorted(units[u])), "+".join(sorted(units[v]))}))
            grouped[key].append((u, v))
        for key, found in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out[kind].append({
                "gold": list(key), "pairs": len(found),
                "examples": [{"a": show(u), "b": show(v), "cases_a": sorted(case_of_unit[u]),
                              "cases_b": sorted(case_of_unit[v])} for u, v in sorted(found)[:3]],
            })
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="store written by `sanctionwatch run examples/corpus --db FILE`")
    ap.add_argument("--gold", default=str(ROOT / "examples" / "corpus" / "gold_cases.yaml"))
    ap.add_argument("--min-sources", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--literal", action="store_true",
                    help="score every unit hit and every gold case of a unit (no nested-unit or shared-unit rule)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false merges and missed pairs")
    args = ap.parse_args(argv)
    if not Path(args.db).exists():
        print(f"no store at {args.db}; run `sanctionwatch run examples/corpus --db {args.db}` first", file=sys.stderr)
        return 1
    gold = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))
    with Store(args.db) as store:
        docs = list(store.iter_documents())
        restore_mentions(store, docs)
    result = evaluate(docs, gold, args.min_sources, literal=args.literal)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        l, s = result["linking"], result["syndication"]
        print(f"documents {result['documents']}, events {result['events']}, cases {result['cases']} "
              f"(gold {result['gold_cases']}); gold units hit {result['gold_units_hit']}/{result['gold_units']}")
        print(f"linking     P {l['precision']:.3f}  R {l['recall']:.3f}  F1 {l['f1']:.3f}  "
              f"(pairs: {l['tp']} correct, {l['pred']} predicted, {l['gold']} gold)")
        print(f"end-to-end  R {result['end_to_end']['recall']:.3f} over {result['end_to_end']['gold']} gold pairs")
        print(f"syndication P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
        if result["gold_mentions_not_located"]:
            print(f"{len(result['gold_mentions_not_located'])} gold sentence(s) not found in the store:")
            for m in result["gold_mentions_not_located"]:
                print("  -", m)
        if args.verbose:
            for kind, title in (("false_merges", "false merges"), ("missed", "missed pairs")):
                print(f"\n== {title}")
                for err in result["errors"][kind]:
                    print(f"{err['pairs']:4d}  {' x '.join(err['gold'])}")
                    for ex in err["examples"]:
                        print(f"        A {ex['a']}\n          in {', '.join(ex['cases_a'])}")
                        print(f"        B {ex['b']}\n          in {', '.join(ex['cases_b'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score sanctionwatch.events on eval/events_gold.yaml.

    python bench/events_eval.py [--split dev|test|all] [--json] [--errors]

Matching rules
--------------
* **Event**: a predicted event matches a gold event of the same sentence when
  the types are equal and the trigger spans overlap (the gold trigger is the
  first occurrence of its text in the sentence).  Each event matches at most
  once.  Per-type precision/recall/F1, micro totals (all events pooled) and
  macro totals (mean over types with gold or predicted events).
* **Argument**: role + span.  A predicted argument matches a gold one with the
  same role when the spans are identical, or when the syntactic head (spaCy
  ``Span.root`` of the span in the parsed sentence) is the same token: "the
  new tactical missile weapons system" and "new tactical missile weapons
  system" both have the head "system".  Time and quantity are scored on their
  own (below), so arguments with those roles are left out here.  Arguments of
  unmatched events count as false positives / negatives.
* **Time**: for matched events whose gold event has a time, the predicted
  time must have exactly the gold start, end and granularity ("accuracy").
  "time recall" also counts gold times of missed events as wrong.
  "time spurious" counts matched events whose gold has no time but whose
  prediction has one (a time taken from the report verb or another clause).
  **Reported**: for gold events with a ``reported`` time, the predicted
  ``reported`` must have the gold start, end and granularity.
* **Quantity** and **modality**: accuracy over matched events (quantity:
  value, unit and approximate all equal, for gold events with a quantity).

Speed: the time spent in extract_events over the gold sentences divided by
the time nlp.pipe spends parsing them (same process, same texts).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import yaml  # noqa: E402

from sanctionwatch.actors import resolve_entities  # noqa: E402
from sanctionwatch.events import extract_events, load_taxonomy  # noqa: E402
from sanctionwatch.model import Document, Event  # noqa: E402
from sanctionwatch.read import Parsed, load_model, parse_many  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "eval" / "events_gold.yaml"
SCORED_ELSEWHERE = {"time", "quantity"}


def load_gold(path: Path = GOLD, split: str = "all") -> list[dict[str, Any]]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]
    return [r for r in rows if split == "all" or r.get("split") == split]


def _find(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    if i < 0:
        raise ValueError(f"{needle!r} not in {text!r}")
    return i, i + len(needle)


def _head(parsed: Parsed, start: int, end: int) -> int | None:
    for block in parsed.blocks:
        if block.start <= start and end <= block.end:
            span = block.doc.char_span(start - block.start, end - block.start, alignment_mode="expand")
            return None if span is None else block.start + span.root.idx
    return None


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def _norm_date(v: Any) -> str | None:
    return None if v is None else str(v)


def _time_key(t) -> tuple | None:
    """(start, end, granularity) of a gold time (a dict) or a predicted TimeValue, for comparison."""
    if not t:
        return None
    if isinstance(t, dict):
        return _norm_date(t.get("start")), _norm_date(t.get("end")), t.get("granularity")
    return t.start, t.end, t.granularity


def score(rows: list[dict[str, Any]], show_errors: bool = False) -> dict[str, Any]:
    nlp = load_model()
    tax = load_taxonomy()
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    parsed_all = list(parse_many(nlp, ((t, ()) for t in texts)))
    parse_s = time.perf_counter() - t0

    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    arg = [0, 0, 0]
    time_ok = time_n = time_all = time_spurious = rep_ok = rep_n = 0
    qty_ok = qty_n = mod_ok = mod_n = 0
    extract_s = 0.0
    errors: list[str] = []

    for row, parsed in zip(rows, parsed_all):
        text = row["text"]
        doc = Document(doc_id=row["id"], text=text, published=_norm_date(row.get("published")))
        doc.entities = resolve_entities(parsed)
        t1 = time.perf_counter()
        predicted: list[Event] = extract_events(parsed, doc, tax)
        extract_s += time.perf_counter() - t1
        used: set[int] = set()
        for g in row["events"]:
            gs, ge = _find(text, g["trigger"])
            match = next((i for i, p in enumerate(predicted) if i not in used and p.type == g["type"]
                          and p.trigger.start < ge and gs < p.trigger.end), None)
            gold_args = [(a[0], *_find(text, a[1])) for a in g.get("args", [])]
            if g.get("time"):
                time_all += 1
            if match is None:
                per_type[g["type"]][2] += 1
                arg[2] += len(gold_args)
                errors.append(f"{row['id']} MISS {g['type']} {g['trigger']!r}")
                continue
            used.add(match)
            p = predicted[match]
            per_type[g["type"]][0] += 1
            # arguments
            pred_args = [(a.role, a.start, a.end) for a in p.arguments if a.role not in SCORED_ELSEWHERE]
            free = list(pred_args)
            for role, s, e in gold_args:
                hit = next((pa for pa in free if pa[0] == role and ((pa[1], pa[2]) == (s, e) or _head(parsed, s, e) == _head(parsed, pa[1], pa[2]))), None)
                if hit is None:
                    arg[2] += 1
                    errors.append(f"{row['id']} ARG-MISS {g['type']} {role}={text[s:e]!r}")
                else:
                    arg[0] += 1
                    free.remove(hit)
            arg[1] += len(free)
            errors.extend(f"{row['id']} ARG-EXTRA {g['type']} {r}={text[s:e]!r}" for r, s, e in free)
            # time
            if g.get("time"):
                time_n += 1
                want, got = _time_key(g["time"]), _time_key(p.time)
                if got == want:
                    time_ok += 1
                else:
                    errors.append(f"{row['id']} TIME {g['type']} want {want} got {got} ({p.time.text if p.time else None!r})")
            elif p.time is not None:
                time_spurious += 1
                errors.append(f"{row['id']} TIME-SPURIOUS {g['type']} got {p.time.text!r}")
            if g.get("reported"):
                rep_n += 1
                want_r, got_r = _time_key(g["reported"]), _time_key(p.reported)
                if got_r == want_r:
                    rep_ok += 1
                else:
                    errors.append(f"{row['id']} REPORTED {g['type']} want {want_r} got {got_r}")
            # quantity
            if g.get("quantity"):
                qty_n += 1
                gq = g["quantity"]
                q = p.quantity
                if q and float(q.value) == float(gq["value"]) and q.unit == gq["unit"] and q.approximate == bool(gq["approximate"]):
                    qty_ok += 1
                else:
                    errors.append(f"{row['id']} QTY want {gq} got {q.to_dict() if q else None}")
            mod_n += 1
            want_mod = g.get("modality", "asserted")
            if p.modality == want_mod:
                mod_ok += 1
            else:
                errors.append(f"{row['id']} MODALITY {g['type']} want {want_mod} got {p.modality}")
        for i, p in enumerate(predicted):
            if i not in used:
                per_type[p.type][1] += 1
                arg[1] += sum(1 for a in p.arguments if a.role not in SCORED_ELSEWHERE)
                errors.append(f"{row['id']} EXTRA {p.type} {p.trigger.text!r}")

    types = {t: _prf(*v) for t, v in sorted(per_type.items())}
    tp, fp, fn = (sum(v[k] for v in per_type.values()) for k in range(3))
    macro = {k: round(sum(t[k] for t in types.values()) / len(types), 3) if types else 0.0 for k in ("precision", "recall", "f1")}
    result = {
        "sentences": len(rows),
        "gold_events": tp + fn,
        "types": types,
        "micro": _prf(tp, fp, fn),
        "macro": macro,
        "arguments": _prf(*arg),
        "time_accuracy": round(time_ok / time_n, 3) if time_n else None,
        "time_scored": time_n,
        "time_recall": round(time_ok / time_all, 3) if time_all else None,
        "time_spurious": time_spurious,
        "reported_accuracy": round(rep_ok / rep_n, 3) if rep_n else None,
        "reported_scored": rep_n,
        "quantity_accuracy": round(qty_ok / qty_n, 3) if qty_n else None,
        "quantity_scored": qty_n,
        "modality_accuracy": round(mod_ok / mod_n, 3) if mod_n else None,
        "speed": {"parse_s": round(parse_s, 3), "extract_s": round(extract_s, 3),
                  "extract_over_parse": round(extract_s / parse_s, 3) if parse_s else None},
    }
    if show_errors:
        result["errors"] = errors
    return result


def _print(res: dict[str, Any], split: str) -> None:
    print(f"events_eval split={split} sentences={res['sentences']} gold events={res['gold_events']}")
    print(f"{'type':26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for t, v in res["types"].items():
        print(f"{t:26} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['tp']:4d} {v['fp']:4d} {v['fn']:4d}")
    m, a = res["micro"], res["arguments"]
    print(f"{'micro':26} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['tp']:4d} {m['fp']:4d} {m['fn']:4d}")
    print(f"{'macro':26} {res['macro']['precision']:6.3f} {res['macro']['recall']:6.3f} {res['macro']['f1']:6.3f}")
    print(f"{'arguments':26} {a['precision']:6.3f} {a['recall']:6.3f} {a['f1']:6.3f} {a['tp']:4d} {a['fp']:4d} {a['fn']:4d}")
    print(f"time accuracy {res['time_accuracy']} (n={res['time_scored']}), time recall {res['time_recall']}, "
          f"spurious times {res['time_spurious']}, reported accuracy {res['reported_accuracy']} (n={res['reported_scored']})")
    print(f"quantity accuracy {res['quantity_accuracy']} (n={res['quantity_scored']}), modality accuracy {res['modality_accuracy']}")
    s = res["speed"]
    print(f"speed: parse {s['parse_s']}s, extract_events {s['extract_s']}s, ratio {s['extract_over_parse']}")
    for e in res.get("errors", []):
        print("  " + e)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list every miss and extra")
    args = ap.parse_args(argv)
    res = score(load_gold(args.gold, args.split), args.errors)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        _print(res, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

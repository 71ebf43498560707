"""Incremental case linking vs the full rebuild: time to bring cases up to date after adding documents.

    python bench/linking_incremental.py [--n 500] [--new 10] [--repeat 3] [--hops 2] [--cache /tmp/sw_link_inc]

A base store holds the demo corpus (examples/corpus) plus ``--n`` synthetic
articles (bench/gen_corpus.py, seed 7), linked once in full.  Then ``--new``
more synthetic articles (the next ones of the same generator) are saved and
the cases are brought up to date twice, on the same store: first by
``linking.incremental.update_cases`` (timed), then by ``linking.rebuild.rebuild_cases``
(timed); the ratio full / incremental is measured in this one process.  The
two results are compared: identical cases (ids, members, statuses, sources)
or, if not, pairwise co-membership precision/recall/F1 of the incremental
cases against the rebuild.  Each repeat starts from a fresh copy of the base
store; the median is reported.

Processing the articles through the pipeline takes minutes, so the processed
stores are cached under ``--cache`` (delete it to rebuild them).  SQLite only:
the point is the work done, which the backend does not change.

Measured (2-core shared machine, nice 19, median of 3, hops 2):

* 540 documents (corpus + 500 synthetic), 10 added: incremental 23.2 s, full
  rebuild 90.0 s, 3.9x; identical to the rebuild (1,434 cases).  After the
  clustering's type veto moved ahead of scoring (one run, less load): 11.9 s
  against 32.8 s, 2.8x, identical.  The synthetic
  generator's events link widely (five outlets, generic parties, many undated
  events), so the neighbourhood held 251 large cases and 469 documents: the
  time is the re-clustering of those cases, not the SQL.
* 40 documents (corpus + 10 added): 355 ms vs 489 ms, 1.4x, identical.
* With event coreference and evidence-weighed linking (linking/evidence.py), 140 documents
  (corpus + 100 synthetic, 10 added), one run: incremental 1.6 s, full rebuild 2.4 s,
  1.5x, identical (95 cases); the previous linker on the same coreferent events, same
  machine: full rebuild 3.5 s, and its incremental result differed (co-membership F1 0.966).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from sanctionwatch.linking.rebuild import rebuild_cases  # noqa: E402
from sanctionwatch.linking.incremental import link_store, update_cases  # noqa: E402
from sanctionwatch.store import Store  # noqa: E402

CORPUS = ROOT / "examples" / "corpus"
SEED = 7


def build_stores(cache: Path, n: int, new: int) -> tuple[Path, Path]:
    """(base store: corpus + n synthetic, incoming store: the next ``new`` synthetic), processed once."""
    base, incoming = cache / f"base_{n}.db", cache / f"incoming_{n}_{new}.db"
    if base.exists() and incoming.exists():
        return base, incoming
    import gen_corpus

    from sanctionwatch.pipeline import Pipeline

    cache.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    jsonl = cache / f"synthetic_{n + new}.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        gen_corpus.write_jsonl(fh, n + new, seed=SEED)
    docs = []
    started = time.perf_counter()
    pipeline.run([str(CORPUS), str(jsonl)], sink=docs.append)
    print(f"processed {len(docs)} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    docs = [d for d in docs if not d.input.endswith("README.md")]
    held = {f"{jsonl}:{i}" for i in range(n + 1, n + new + 1)}  # JSONL inputs are path:line (1-based)
    for path in (base, incoming):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    with Store(base) as store:
        store.save_documents([d for d in docs if d.input not in held], pipeline.version)
        rebuild_cases(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with Store(incoming) as store:
        store.save_documents([d for d in docs if d.input in held], pipeline.version)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return base, incoming


def snapshot(store: Store) -> dict[str, dict]:
    return {r[0]: json.loads(r[1]) for r in store.conn.execute("SELECT case_id, json FROM cases")}


def co_membership(pred: dict[str, dict], gold: dict[str, dict]) -> dict[str, float]:
    def pairs(cases: dict[str, dict]) -> set[tuple[str, str]]:
        return {p for c in cases.values()
                for p in combinations(sorted(json.dumps(m, sort_keys=True) for m in c["members"]), 2)}

    p, g = pairs(pred), pairs(gold)
    tp = len(p & g)
    precision, recall = tp / len(p) if p else 1.0, tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def one_round(base: Path, incoming: Path, hops: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work.db"
        shutil.copy(base, work)
        with Store(incoming) as src:
            new_docs = list(src.iter_documents())
            version = src.conn.execute("SELECT pipeline_version FROM documents LIMIT 1").fetchone()[0]
        with Store(work) as store:
            if link_store(store).full:  # the cached base was linked before; a no-op normally
                print("note: base store had no linking state; linked it in full first", file=sys.stderr)
            store.save_documents(new_docs, version)
            started = time.perf_counter()
            summary = update_cases(store, hops=hops)
            t_inc = time.perf_counter() - started
            incremental = snapshot(store)
            started = time.perf_counter()
            rebuild_cases(store)
            t_full = time.perf_counter() - started
            full = snapshot(store)
            documents = store.count("documents")
    return {
        "documents": documents, "incremental_s": t_inc, "full_s": t_full, "identical": incremental == full,
        "same_ids": len(set(incremental) & set(full)), "cases_incremental": len(incremental), "cases_full": len(full),
        "agreement": co_membership(incremental, full), "update": summary.to_dict(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500, help="synthetic articles in the base store (plus the demo corpus)")
    ap.add_argument("--new", type=int, default=10, help="articles added before the update")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--hops", default="2", help="neighbourhood rounds for update_cases, or 'closed'")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "sw_link_inc")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    hops = None if args.hops == "closed" else int(args.hops)
    base, incoming = build_stores(args.cache, args.n, args.new)
    rounds = [one_round(base, incoming, hops) for _ in range(args.repeat)]
    t_inc = statistics.median(r["incremental_s"] for r in rounds)
    t_full = statistics.median(r["full_s"] for r in rounds)
    last = rounds[-1]
    result = {
        "documents": last["documents"], "added": args.new, "hops": args.hops, "repeat": args.repeat,
        "incremental_s": round(t_inc, 4), "full_s": round(t_full, 4), "speedup": round(t_full / t_inc, 1),
        "identical": all(r["identical"] for r in rounds), "same_ids": last["same_ids"],
        "cases_incremental": last["cases_incremental"], "cases_full": last["cases_full"],
        "agreement": last["agreement"], "update": last["update"],
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        u = result["update"]
        print(f"{result['documents']} documents, {args.new} added; hops {args.hops}; median of {args.repeat}")
        print(f"incremental {t_inc * 1000:.0f} ms   full rebuild {t_full * 1000:.0f} ms   "
              f"full / incremental = {result['speedup']}x")
        print(f"neighbourhood: {u['cases_considered']} existing cases, {u['documents_loaded']} documents loaded, "
              f"{u['items_reclustered']} events re-clustered; {u['cases_touched']} cases touched")
        print(f"agreement with the rebuild: {'identical' if result['identical'] else 'DIFFERENT'}; "
              f"{result['same_ids']} of {result['cases_full']} case ids shared; "
              f"co-membership F1 {result['agreement']['f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

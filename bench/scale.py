"""Throughput, memory and re-run cost at corpus scale, with 1 and 2 extraction workers.

    python bench/scale.py [--n 20000] [--seed 7] [--workers 1 2] [--json] [--keep DIR]

Generates ``--n`` synthetic articles (bench/gen_corpus.py) as JSONL, then, each
in a fresh child process so memory is measured per run:

  bare        spaCy ``nlp.pipe`` over the same texts (the baseline, this process)
  full/wN     ingest -> clean -> read -> actors -> attributions -> events -> SQLite,
              extraction on N worker processes (sanctionwatch.execution)
  writer      save_document alone (the ceiling of one SQLite writer)
  dask        with --dask: the same on a local Dask cluster (processes, 1 thread each)
  rerun       the w1 run again over the unchanged corpus into the same store
              (every document skipped by content hash)
  memory      peak RSS (ru_maxrss) of the writer process and of its largest worker,
              at 2,000 articles (or n/4 when n <= 2,000) and at n

Speed is docs/s and words/s; ``ratio`` is full / bare words/s measured in the same
run (bare over the first --bare-sample texts, before and after the full runs), so figures from different (noisy, shared) machines stay comparable.
Worker pool start-up (one model load per worker) is inside the timed runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import gen_corpus  # noqa: E402


def ingest(jsonl: Path, db: Path, workers: int, limit: int | None = None, scheduler: str | None = None) -> dict:
    """What ``sanctionwatch ingest --workers N`` does: prepare here, extract on the pool, write here."""
    from itertools import islice

    from sanctionwatch.ingest import IngestError, iter_raw
    from sanctionwatch.execution import ExtractionFailed, extract_stream
    from sanctionwatch.pipeline import Pipeline, Settings
    from sanctionwatch.store import BatchWriter, Store

    pipeline = Pipeline(Settings())
    counts: dict = {"stored": 0, "unchanged": 0, "failed": 0, "skipped": 0}
    started = time.perf_counter()
    with Store(db) as store:
        def prepared():
            for raw in islice(iter_raw([str(jsonl)]), limit):
                if isinstance(raw, IngestError):
                    counts["skipped"] += 1
                    continue
                doc = pipeline.prepare(raw)
                if store.has_document(doc.doc_id, pipeline.version):
                    counts["unchanged"] += 1
                    continue
                yield doc

        with BatchWriter(store, pipeline.version) as writer:  # as `sanctionwatch ingest` writes
            for result in extract_stream(pipeline.settings, prepared(), pipeline=pipeline, workers=workers,
                                         scheduler=scheduler):
                if isinstance(result, ExtractionFailed):
                    counts["failed"] += 1
                    counts.setdefault("first_failure", result.reason)
                else:
                    writer.add(result)
                    counts["stored"] += 1
    seconds = time.perf_counter() - started
    return {**counts, "seconds": seconds,
            "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "worker_maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


def in_child(jsonl: Path, db: Path, workers: int, limit: int | None = None, scheduler: str | None = None) -> dict:
    code = ("import json, sys; sys.path.insert(0, %r); import scale;"
            "from pathlib import Path;"
            "print(json.dumps(scale.ingest(Path(%r), Path(%r), %d, %r, %r)))") % (
        str(ROOT / "bench"), str(jsonl), str(db), workers, limit, scheduler)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def bare(jsonl: Path, sample: int) -> tuple[float, int, int]:
    """Seconds for spaCy alone over the first ``sample`` texts: (seconds, docs, words)."""
    from itertools import islice

    from sanctionwatch.read import load_model

    nlp = load_model()
    texts = [json.loads(line)["text"] for line in islice(jsonl.open(encoding="utf-8"), sample)]
    list(nlp.pipe(texts[:20]))  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started, len(texts), sum(len(t.split()) for t in texts)


def writer_ceiling(db: Path, sample: int = 500) -> dict:
    """How fast the single writer can save extracted documents (one transaction each): the
    throughput no number of workers can exceed with one SQLite store."""
    from sanctionwatch.store import Store

    with Store(db, readonly=True) as src:
        docs = [src.get_document(i) for i in src.doc_ids()[:sample]]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "w.db") as dst:
        started = time.perf_counter()
        for doc in docs:
            dst.save_document(doc, "bench")
        seconds = time.perf_counter() - started
    return {"docs": len(docs), "seconds": seconds, "save_docs_per_s": len(docs) / seconds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000, help="articles (default 20000; use 500 for a quick run)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--bare-sample", type=int, default=1000,
                    help="texts for the spaCy baseline, measured before and after the full runs (default 1000)")
    ap.add_argument("--dask", action="store_true", help="also run on a local Dask cluster with the largest --workers")
    ap.add_argument("--no-memory", action="store_true", help="skip the extra run at the small size")
    ap.add_argument("--keep", type=Path, help="keep the corpus and stores in this directory")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="sw-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    jsonl = tmp / f"synthetic-{args.n}.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        words = gen_corpus.write_jsonl(fh, args.n, args.seed)

    result: dict = {"n": args.n, "words": words, "cpus": os.cpu_count(),
                    "load_avg_at_start": os.getloadavg()[0], "runs": {}}
    # The baseline is taken before and after the full runs and averaged: on a shared machine
    # the load drifts over a long run, and the ratio is only meaningful against the same load.
    b1, bn, bw = bare(jsonl, args.bare_sample)
    for w in args.workers:
        db = tmp / f"w{w}.db"
        db.unlink(missing_ok=True)
        run = in_child(jsonl, db, w)
        run.update(docs_per_s=run["stored"] / run["seconds"], words_per_s=words * run["stored"] / args.n / run["seconds"])
        result["runs"][f"w{w}"] = run
    if args.dask:
        w = max(args.workers)
        run = in_child(jsonl, tmp / "dask.db", w, scheduler="local")
        run.update(docs_per_s=run["stored"] / run["seconds"], words_per_s=words * run["stored"] / args.n / run["seconds"])
        result["runs"][f"dask{w}"] = run
    b2, _, _ = bare(jsonl, args.bare_sample)
    b = (b1 + b2) / 2
    result["bare"] = {"sample": bn, "seconds_before": b1, "seconds_after": b2,
                      "docs_per_s": bn / b, "words_per_s": bw / b}
    for run in result["runs"].values():
        run["ratio_to_bare"] = run["words_per_s"] / result["bare"]["words_per_s"]
    first = f"w{args.workers[0]}"
    rerun = in_child(jsonl, tmp / f"{first}.db", args.workers[0])
    rerun["percent_of_first_run"] = 100 * rerun["seconds"] / result["runs"][first]["seconds"]
    result["rerun"] = rerun
    result["writer"] = writer_ceiling(tmp / f"{first}.db")
    if not args.no_memory:
        small = 2000 if args.n > 2000 else max(1, args.n // 4)
        result["memory"] = {str(args.n): {w: {"writer_kib": r["maxrss_kib"], "worker_kib": r["worker_maxrss_kib"]}
                                          for w, r in result["runs"].items()}}
        result["memory"][str(small)] = {}
        for w in args.workers:
            db = tmp / f"mem-w{w}.db"
            db.unlink(missing_ok=True)
            r = in_child(jsonl, db, w, limit=small)
            result["memory"][str(small)][f"w{w}"] = {"writer_kib": r["maxrss_kib"], "worker_kib": r["worker_maxrss_kib"]}
    result["load_avg_at_end"] = os.getloadavg()[0]

    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


def print_table(r: dict) -> None:
    print(f"{r['n']:,} articles, {r['words']:,} words, {r['cpus']} CPUs "
          f"(load average {r['load_avg_at_start']:.1f} -> {r['load_avg_at_end']:.1f})")
    print(f"{'run':<10}{'seconds':>10}{'docs/s':>10}{'words/s':>10}{'x bare':>8}{'failed':>8}")
    bare_s = r["bare"]["sample"] / r["bare"]["docs_per_s"]
    print(f"{'bare':<10}{bare_s:>10.1f}{r['bare']['docs_per_s']:>10.1f}{r['bare']['words_per_s']:>10.0f}{1:>8.2f}"
          f"  (first {r['bare']['sample']} texts, mean of before/after)")
    for name, run in r["runs"].items():
        print(f"{'full/' + name:<10}{run['seconds']:>10.1f}{run['docs_per_s']:>10.1f}{run['words_per_s']:>10.0f}"
              f"{run['ratio_to_bare']:>8.2f}{run['failed']:>8}")
        if run.get("first_failure"):
            print(f"  first failure: {run['first_failure']}")
    rr = r["rerun"]
    print(f"re-run on unchanged corpus: {rr['seconds']:.1f}s = {rr['percent_of_first_run']:.1f}% of the first run "
          f"({rr['unchanged']} unchanged, {rr['stored']} stored)")
    print(f"single writer ceiling (save_document only): {r['writer']['save_docs_per_s']:.0f} docs/s")
    for size, runs in r.get("memory", {}).items():
        for name, m in runs.items():
            print(f"peak RSS at {int(size):,} articles, {name}: writer {m['writer_kib'] / 1024:.0f} MiB, "
                  f"largest worker {m['worker_kib'] / 1024:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())

"""Throughput and memory of the full pipeline against bare spaCy, in the same process.

    python bench/throughput.py [--mb 2] [--corpus examples/corpus] [--repeat 3] [--profile fast|accurate] [--no-store] [--json]

The demo corpus is repeated (each copy made unique, so content hashing does not
skip it) until it holds at least --mb megabytes of text.  Then, alternating
order over --repeat rounds to cancel drift on a noisy machine:

  bare      nlp.pipe over the same texts (the baseline)
  full      ingest -> clean -> read -> actors -> attributions -> events
  full+store  the same, written to a fresh SQLite store in batches (as `sanctionwatch run` does)

Speed is reported as docs/s, words/s and the ratio full / bare.  Memory is
the peak RSS of child processes that run the full pipeline with store over
1x and 4x the corpus: flat memory means the ratio stays near 1.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(corpus: Path, min_bytes: int) -> list:
    from sanctionwatch.ingest import iter_raw, IngestError

    base = []
    for raw in iter_raw([str(corpus)]):
        if isinstance(raw, IngestError):
            continue
        base.append(raw)
    out, size, copy = [], 0, 0
    while size < min_bytes:
        for raw in base:
            payload = raw.payload.decode("utf-8", "replace") if isinstance(raw.payload, bytes) else raw.payload
            if raw.kind == "html":
                payload = payload.replace("</body>", f"<p>copy {copy}</p></body>")
            else:
                payload = f"{payload}\n\n(copy {copy})\n"
            out.append(type(raw)(f"{raw.input}#{copy}", raw.kind, payload, dict(raw.hints)))
            size += len(payload.encode("utf-8"))
        copy += 1
    return out


def run_bare(nlp, texts: list[str]) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t


def run_full(pipeline, raws, store=None) -> float:
    """The full pipeline; with a store, documents are written the way `sanctionwatch run` writes
    them (BatchWriter: one transaction per batch), not one commit per document."""
    from sanctionwatch.store import BatchWriter

    t = time.perf_counter()
    docs = (pipeline.prepare(r) for r in raws)
    if store is None:
        for _ in pipeline.process(docs):
            pass
    else:
        with BatchWriter(store, pipeline.version) as writer:
            for doc in pipeline.process(docs):
                writer.add(doc)
    return time.perf_counter() - t


def peak_rss_kib() -> int:
    """This process's peak resident set (VmHWM).

    Not ru_maxrss: Linux keeps that across fork+exec, so a child started from
    a big parent would report the parent's peak.
    """
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_peak_rss(mb: float) -> int:
    """Peak RSS (KiB) of a fresh process running the full pipeline with store over `mb` MB."""
    code = (
        "import sys, resource, tempfile; sys.path.insert(0, %r);"
        "from bench.throughput import corpus_texts, peak_rss_kib, run_full;"
        "from sanctionwatch.pipeline import Pipeline; from sanctionwatch.store import Store; from pathlib import Path;"
        "p = Pipeline(); raws = corpus_texts(Path(%r), int(%f * 1048576));"
        "d = tempfile.mkdtemp(); s = Store(d + '/b.db'); run_full(p, iter(raws), s);"
        "print(peak_rss_kib())"
    ) % (str(ROOT), str(ROOT / "examples" / "corpus"), mb)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of text (default 2)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-memory", action="store_true", help="skip the child-process memory runs")
    ap.add_argument("--no-store", action="store_true", help="skip the full+store runs (the slow profile's rounds take long)")
    ap.add_argument("--profile", choices=("fast", "accurate"), default=None,
                    help="attribution profile (default: $SANCTIONWATCH_ATTRIBUTION_PROFILE, else the default profile)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from sanctionwatch.pipeline import Pipeline, Settings
    from sanctionwatch.store import Store

    pipeline = Pipeline(Settings(attribution_profile=args.profile))
    nlp = pipeline.nlp
    raws = corpus_texts(args.corpus, int(args.mb * 1048576))
    prepared = [pipeline.prepare(r) for r in raws]
    texts = [d.text for d in prepared]
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    run_bare(nlp, texts[:20]), run_full(pipeline, raws[:20])  # warm-up

    bare, full, stored = [], [], []
    for i in range(args.repeat):
        order = ["bare", "full", "store"] if i % 2 == 0 else ["store", "full", "bare"]
        if args.no_store:
            order.remove("store")
        for what in order:
            if what == "bare":
                bare.append(run_bare(nlp, texts))
            elif what == "full":
                full.append(run_full(pipeline, raws))
            else:
                with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.db") as store:
                    stored.append(run_full(pipeline, raws, store))
    b, f = statistics.median(bare), statistics.median(full)
    result = {
        "profile": pipeline.profile,
        "documents": n, "words": words, "megabytes": round(sum(len(t.encode()) for t in texts) / 1048576, 2),
        "bare_spacy": {"seconds": round(b, 2), "docs_per_s": round(n / b, 1), "words_per_s": round(words / b)},
        "full_pipeline": {"seconds": round(f, 2), "docs_per_s": round(n / f, 1), "words_per_s": round(words / f)},
        "ratio_full_to_bare": round(b / f, 3),
        "peak_rss_this_process_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if stored:
        s = statistics.median(stored)
        result["full_pipeline_with_store"] = {"seconds": round(s, 2), "docs_per_s": round(n / s, 1), "words_per_s": round(words / s)}
        result["ratio_store_to_bare"] = round(b / s, 3)
    if not args.no_memory:
        small, large = child_peak_rss(args.mb / 4), child_peak_rss(args.mb)
        result["peak_rss_mib"] = {f"{args.mb / 4:g}MB": round(small / 1024, 1), f"{args.mb:g}MB": round(large / 1024, 1),
                                  "growth_4x_corpus": round(large / small, 3)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{n} documents, {words} words, {result['megabytes']} MB of text; median of {args.repeat} rounds; "
              f"attribution profile {result['profile']}")
        for key in ("bare_spacy", "full_pipeline", "full_pipeline_with_store"):
            if key in result:
                r = result[key]
                print(f"  {key:26s} {r['seconds']:8.2f} s {r['docs_per_s']:8.1f} docs/s {r['words_per_s']:9d} words/s")
        store_ratio = f"   with store: {result['ratio_store_to_bare']:.2f}" if "ratio_store_to_bare" in result else ""
        print(f"  speed ratio full/bare: {result['ratio_full_to_bare']:.2f}{store_ratio}  (aim >= 0.75 fast, >= 0.4 accurate)")
        if "peak_rss_mib" in result:
            print(f"  peak RSS: {result['peak_rss_mib']}  (flat memory: growth near 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Peak memory and time of a full case rebuild as the store grows (it must stream documents, not hold them).

    python bench/rebuild_memory.py [--kcna 600] [--synthetic 200] [--sizes 2000,4000,8000,16000]
                                   [--cache /tmp/sw_rebuild_mem]

A base store is built once (cached under ``--cache``): the first ``--kcna`` English stories of
../shared/kcna (real KCNA reporting; left out, with a note, when the folder is absent) plus
``--synthetic`` articles of bench/gen_corpus.py, all through the pipeline.  Running the pipeline over
16,000 documents takes far longer than the rebuild being measured on a 2-core machine, so each larger
store repeats the base documents: copy ``r`` of a document gets its own id, has its publication and
event dates moved ``r`` x 40 years on and its letters rotated by ``r`` places (in the text and in every
span's text alike, so offsets hold), so copies neither link into one another's cases nor read as
syndicated copies of one text; each copy's extraction stays that of a real document.  Every size is measured in a fresh
process (``--measure``): the peak RSS during ``linking.rebuild.rebuild_cases`` (VmHWM, reset just before it),
the RSS before it, and its time.

Measured (2-core machine shared with other jobs, nice 10; base = 600 English KCNA stories + 200 synthetic,
one run each; cases identical before and after each change at 1,000, 2,000 and 4,000):

| documents | first streaming version (another day) | before the sweep (another day) | now: peak RSS, time |
|---:|---:|---:|---:|
| 4,000 | 201 MB, 164 s | 218 MB, 64 s | 204 MB, 36 s |
| 8,000 | 258 MB, 494 s | 255 MB, 160 s | not run |
| 16,000 | not run | 327 MB, 310 s | 242 MB, 145 s |

Since linking/sweep.py finishes cases behind the date-ordered sweep, the peak grows +19% from 4,000 to 16,000
(target +25%; +50% before) and time x4.07.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import string
import subprocess
import sys
import time
from dataclasses import fields, is_dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from sanctionwatch.linking.rebuild import rebuild_cases  # noqa: E402
from sanctionwatch.model import Document, TimeValue  # noqa: E402
from sanctionwatch.store import Store  # noqa: E402

KCNA = ROOT.parent / "shared" / "kcna" / "kcna-2012-06-to-10.jsonl"
SHIFT_YEARS = 40


def build_base(cache: Path, kcna: int, synthetic: int, kcna_file: Path = KCNA) -> Path:
    base = cache / f"base_{kcna}_{synthetic}.db"
    if base.exists():
        return base
    import gen_corpus

    from sanctionwatch.pipeline import Pipeline

    cache.mkdir(parents=True, exist_ok=True)
    inputs = []
    if kcna_file.exists() and kcna:
        real = cache / f"kcna_{kcna}.jsonl"
        with kcna_file.open(encoding="utf-8") as src, real.open("w", encoding="utf-8") as out:
            english = (line for line in src if json.loads(line).get("language") == "en")
            out.writelines(islice(english, kcna))
        inputs.append(str(real))
    else:
        print(f"note: {kcna_file} not found: synthetic documents only", file=sys.stderr)
    if synthetic:
        synth = cache / f"synthetic_{synthetic}.jsonl"
        with synth.open("w", encoding="utf-8") as fh:
            gen_corpus.write_jsonl(fh, synthetic)
        inputs.append(str(synth))
    pipeline = Pipeline()
    docs: list[Document] = []
    started = time.perf_counter()
    pipeline.run(inputs, sink=docs.append)
    print(f"processed {len(docs)} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with Store(base) as store:
        store.save_documents(docs, pipeline.version)
    return base


def _shift(value: str | None, years: int) -> str | None:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return value
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def _shift_time(t: TimeValue | None, years: int) -> TimeValue | None:
    return None if t is None else replace(t, start=_shift(t.start, years), end=_shift(t.end, years))


def _rotate(text: str, r: int) -> str:
    return text.translate(_ROTATIONS[r % 26])


_ROTATIONS = [str.maketrans(string.ascii_lowercase + string.ascii_uppercase,
                            string.ascii_lowercase[r:] + string.ascii_lowercase[:r]
                            + string.ascii_uppercase[r:] + string.ascii_uppercase[:r]) for r in range(26)]


def _rotate_spans(obj: Any, r: int) -> Any:
    """``obj`` with the letters of every ``text`` field (and title) rotated, recursively; the rest as it is."""
    if isinstance(obj, list):
        return [_rotate_spans(x, r) for x in obj]
    if not is_dataclass(obj):
        return obj
    changes = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.name in ("text", "title") and isinstance(value, str):
            changes[f.name] = _rotate(value, r)
        elif isinstance(value, list) or is_dataclass(value):
            changes[f.name] = _rotate_spans(value, r)
    return replace(obj, **changes)


def copy_of(doc: Document, r: int) -> Document:
    if r == 0:
        return doc
    years = r * SHIFT_YEARS
    events = [replace(e, time=_shift_time(e.time, years), reported=_shift_time(e.reported, years)) for e in doc.events]
    moved = replace(doc, doc_id=f"{doc.doc_id[:48]}-r{r}", input=f"{doc.input}#r{r}",
                    published=_shift(doc.published, years), events=events)
    return _rotate_spans(moved, r)


def build_scaled(cache: Path, base: Path, size: int) -> Path:
    target = cache / f"{base.stem}_rot{size}.db"
    if target.exists():
        return target
    with Store(base, readonly=True) as store:
        version = store.conn.execute("SELECT pipeline_version FROM documents LIMIT 1").fetchone()[0]
        originals = list(store.iter_documents())
    with Store(target) as store:
        batch: list[Document] = []
        for n in range(size):
            batch.append(copy_of(originals[n % len(originals)], n // len(originals)))
            if len(batch) == 500:
                store.save_documents(batch, version)
                batch = []
        store.save_documents(batch, version)
    return target


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) to the current RSS (Linux: ``echo 5 > clear_refs``): ru_maxrss
    would also count what the parent process held before exec."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def measure(db: Path) -> dict:
    with Store(db) as store:
        documents = store.count("documents")
        gc.collect()
        exact = _reset_peak()
        before = _status_kb("VmRSS") or 0
        started = time.perf_counter()
        cases = rebuild_cases(store)
        seconds = time.perf_counter() - started
    peak = (_status_kb("VmHWM") if exact else None) or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"documents": documents, "cases": len(cases), "seconds": round(seconds, 1),
            "rss_before_mb": round(before / 1024), "peak_rss_mb": round(peak / 1024),
            "rebuild_mb": round((peak - before) / 1024)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kcna", type=int, default=600)
    ap.add_argument("--synthetic", type=int, default=200)
    ap.add_argument("--sizes", default="2000,4000,8000,16000")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sw_rebuild_mem"))
    ap.add_argument("--kcna-file", type=Path, default=KCNA, help="the KCNA JSONL (default: ../shared/kcna)")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # one size, in this process
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    base = build_base(args.cache, args.kcna, args.synthetic, args.kcna_file)
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        db = build_scaled(args.cache, base, size)
        out = subprocess.run([sys.executable, __file__, "--measure", str(db)], check=True, capture_output=True,
                             text=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    first = rows[0]
    for r in rows[1:]:
        print(f"{r['documents']:>6} docs: peak RSS x{r['peak_rss_mb'] / first['peak_rss_mb']:.2f} "
              f"(the rebuild's own memory x{r['rebuild_mb'] / max(first['rebuild_mb'], 1):.2f}), "
              f"time x{r['seconds'] / max(first['seconds'], 0.1):.2f} against {first['documents']} docs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

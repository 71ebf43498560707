"""The case file on real KCNA reporting, with a reproducible by-eye audit sample.

    python bench/kcna_cases.py [--n 1000] [--stories-seed 1] [--sample 30] [--seed 7]
                               [--workers 2] [--db build/kcna_cases.db] [--reuse]

Runs ``sanctionwatch run`` on ``--n`` stories of ../shared/kcna (a seeded sample of the 4,610; ``--n 0``
takes them all) into a fresh store, then prints what the issue-14 audit asks about: the number of cases,
how many are corroborated (KCNA is one publisher: it must be 0), how many titles name more than three
actors, cases per event type, and ``--sample`` cases drawn with ``--seed`` (title, members, and each
member's trigger in its sentence) so that a by-eye audit can be redone on the same cases.  ``--reuse``
reads an existing store instead of running the pipeline again (to re-draw a sample).  Audit with a seed
other than the one the rules were tuned on.

The stories are third-party text: they are read from ../shared at run time and never written into the
repository (the store and the sample file go under build/, which git ignores).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctionwatch.cases import Case  # noqa: E402
from sanctionwatch.model import Document  # noqa: E402
from sanctionwatch.store import Store  # noqa: E402
from sanctionwatch.store.cases import load_cases  # noqa: E402

KCNA = ROOT.parent / "shared" / "kcna" / "kcna-2012-06-to-10.jsonl"
CLI = Path(sys.executable).with_name("sanctionwatch")
MAX_TITLE_ACTORS = 3
SENTENCE_CHARS = 300


def sample_stories(n: int, seed: int, out: Path) -> int:
    lines = KCNA.read_text(encoding="utf-8").splitlines(keepends=True)
    if n and n < len(lines):
        keep = sorted(random.Random(seed).sample(range(len(lines)), n))
        lines = [lines[i] for i in keep]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def run_pipeline(stories: Path, db: Path, workers: int) -> float:
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run([str(CLI), "run", str(stories), "--db", str(db), "--workers", str(workers),
                    "--no-progress", "--format", "json"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def title_actors(case: Case) -> int:
    """Actors the title names: every party of the case (the title lists them before the colon)."""
    return len({a for ids in case.actors.values() for a in ids})


def _sentence(doc: Document, event_idx: int | None) -> tuple[str, str]:
    if event_idx is None or not 0 <= event_idx < len(doc.events):
        return "(attribution only)", ""
    ev = doc.events[event_idx]
    span = ev.sentence or ev.trigger
    rel = ev.trigger.start - span.start
    text = span.text[:rel] + "[[" + ev.trigger.text + "]]" + span.text[rel + len(ev.trigger.text):]
    text = " ".join(text.split())
    if len(text) > SENTENCE_CHARS:
        at = text.find("[[")
        lo = max(0, at - SENTENCE_CHARS // 2)
        text = ("…" if lo else "") + text[lo:lo + SENTENCE_CHARS] + "…"
    args = ", ".join(f"{a.role}={a.entity or a.text}" for a in ev.arguments if a.role not in ("quantity",))
    when = ev.time.start if ev.time else "-"
    return text, f"{ev.modality}; time {when}; {args}"


def summary(cases: list[Case]) -> dict:
    return {
        "cases": len(cases),
        "corroborated": sum(c.status == "corroborated" for c in cases),
        "titles_over_3_actors": sum(title_actors(c) > MAX_TITLE_ACTORS for c in cases),
        "multi_member": sum(len(c.members) > 1 for c in cases),
        "by_type": dict(Counter(c.type for c in cases).most_common()),
    }


def show_sample(store: Store, cases: list[Case], k: int, seed: int) -> None:
    picked = random.Random(seed).sample(cases, min(k, len(cases)))
    for n, case in enumerate(picked, 1):
        print(f"\n#{n} {case.id} [{case.type}] {case.status}, {len(case.members)} member(s)")
        print(f"   title: {case.summary}")
        for m in case.members:
            doc = store.get_document(m.doc_id)
            if doc is None:
                continue
            sent, detail = _sentence(doc, m.event_idx)
            print(f"   - {doc.published} {m.role} «{doc.title[:70]}»")
            print(f"     {sent}")
            if detail:
                print(f"     {detail}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="stories to run (0: all 4,610)")
    ap.add_argument("--stories-seed", type=int, default=1, help="seed of the story sample")
    ap.add_argument("--sample", type=int, default=30, help="cases to print for the audit")
    ap.add_argument("--seed", type=int, default=7, help="seed of the case sample")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db", type=Path, default=ROOT / "build" / "kcna_cases.db")
    ap.add_argument("--reuse", action="store_true", help="read the existing --db instead of running")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON only")
    args = ap.parse_args()
    if not KCNA.exists():
        sys.exit(f"{KCNA} not found: this benchmark needs ../shared/kcna")
    seconds = None
    if not args.reuse:
        stories = args.db.with_suffix(".jsonl")
        count = sample_stories(args.n, args.stories_seed, stories)
        seconds = run_pipeline(stories, args.db, args.workers)
        print(f"{count} stories, pipeline {seconds:.0f} s (--workers {args.workers})", file=sys.stderr)
    with Store(args.db) as store:
        cases = load_cases(store)
        result = summary(cases)
        if args.json:
            print(json.dumps(result))
            return
        print(f"cases {result['cases']}, corroborated {result['corroborated']}, "
              f"titles with >{MAX_TITLE_ACTORS} actors {result['titles_over_3_actors']}, "
              f"with several members {result['multi_member']}")
        print("per type: " + ", ".join(f"{t} {n}" for t, n in result["by_type"].items()))
        if args.sample:
            show_sample(store, cases, args.sample, args.seed)


if __name__ == "__main__":
    main()

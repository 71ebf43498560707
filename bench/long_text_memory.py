"""Peak memory of `sanctionwatch extract` on long texts without paragraph breaks (issue 16, item 4).

    python bench/long_text_memory.py [--sizes 0.3,1,10] [--json]

For each size, two files of the same text and the same size are extracted in
fresh child processes:

  breaks      paragraphs separated by blank lines, as a normal article
  one line    the same paragraphs joined by two spaces: no line break at all, same size

The text is real reporting (KCNA stories from ../shared/kcna, paragraphs as the
dataset separates them) when that folder is present, else generated sentences.
Reported per size: peak RSS (MB) and seconds of each, and the ratio one line /
breaks.  The reader cuts a text without breaks into blocks at sentence ends
(else spaces) of at most read.MAX_BLOCK_CHARS, so the ratio should stay near 1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KCNA = ROOT.parent / "shared" / "kcna" / "kcna-2012-06-to-10.jsonl"
_SEPARATOR = re.compile(r"(?<=[.!?\"'])\s*,(?:\s*,)*\s+|,(?:[ \t]+,)+\s*")


def paragraphs(min_chars: int) -> list[str]:
    """At least ``min_chars`` of paragraphs (repeated, each copy numbered so it stays distinct)."""
    base: list[str] = []
    if KCNA.exists():
        with KCNA.open(encoding="utf-8") as fh:
            for line in fh:
                story = json.loads(line)
                if story.get("language", "en").startswith("en"):
                    base += [p.strip(" ,") for p in _SEPARATOR.split(story["text"]) if len(p.strip(" ,")) > 40]
                if sum(map(len, base)) > 2_000_000:
                    break
    else:
        base = [f"The ministry said on day {i} that ship number {i} left the port of Nampo with {i * 7} tons of coal. "
                f"Officials in Seoul said the shipment, the {i}th this year, would be examined by the panel." for i in range(1, 2000)]
    out, total, copy = [], 0, 0
    while total < min_chars:
        for p in base:
            p = f"{p} (copy {copy})" if copy else p
            out.append(p)
            total += len(p) + 2
            if total >= min_chars:
                break
        copy += 1
    return out


def measure(path: Path) -> dict:
    """Run extract on one file in a child process; peak RSS from wait4, so each run is its own."""
    cmd = [str(ROOT / ".venv" / "bin" / "sanctionwatch"), "extract", "--format", "jsonl", "--published", "2012-10-31", str(path)]
    started = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"extract failed on {path.name}: {err[-2000:]}")
    rss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return {"peak_rss_mb": round(rss_mb, 1), "seconds": round(seconds, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.3,1,10", help="sizes in MB, comma-separated")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            paras = paragraphs(int(mb * 1_000_000))
            texts = {"breaks": "\n\n".join(paras), "one_line": "  ".join(paras)}  # same length: two spaces for a blank line
            assert len(texts["breaks"]) == len(texts["one_line"])
            row: dict = {"mb": mb, "chars": len(texts["breaks"])}
            for shape, text in texts.items():
                path = Path(tmp) / f"{shape}-{mb}MB.txt"
                path.write_text(text, encoding="utf-8")
                row[shape] = measure(path)
                path.unlink()
            row["rss_ratio"] = round(row["one_line"]["peak_rss_mb"] / row["breaks"]["peak_rss_mb"], 2)
            results.append(row)
            if not args.json:
                print(f"{mb:>5} MB  breaks {row['breaks']['peak_rss_mb']:>7.0f} MB {row['breaks']['seconds']:>6.1f} s   "
                      f"one line {row['one_line']['peak_rss_mb']:>7.0f} MB {row['one_line']['seconds']:>6.1f} s   "
                      f"ratio {row['rss_ratio']:.2f}", flush=True)
    if args.json:
        print(json.dumps({"source": "kcna" if KCNA.exists() else "generated", "results": results}, indent=2))


if __name__ == "__main__":
    main()

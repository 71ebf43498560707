"""Score the attribution extractor on PolNeAR: python bench/attribution_eval.py --split dev [--limit N] [--json]."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sanctionwatch.polnear import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

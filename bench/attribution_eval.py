"""Score the attribution extractor on PolNeAR: python bench/attribution_eval.py --split dev [--profile all] [--limit N] [--format json].

The same program as `sanctionwatch eval attribution` (its options, its output), runnable from a checkout.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sanctionwatch.cli import main  # noqa: E402

if __name__ == "__main__":
    main(["eval", "attribution", *sys.argv[1:]])

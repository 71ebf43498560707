"""The package version, in a module of its own so that every module can read it without a cycle.

:func:`files_digest` fingerprints the data files a user adds (an actor table in
$SANCTIONWATCH_ACTORS, boilerplate rules, an attribution model): they change
what extraction finds as much as the packaged data does, so the pipeline
version (``pipeline.pipeline_version``) includes them and ``reprocess`` sees
stored documents made without them as out of date.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

__version__ = "0.1.0"


def files_digest(paths: Iterable[Path]) -> str:
    """A digest of the files' names and contents (a directory: its files, by relative path); a missing
    path counts by name alone, so naming a file that appears later still changes the version then."""
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path).encode() + b"\0")
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                h.update(str(f.relative_to(path)).encode() + b"\0")
                h.update(f.read_bytes())
        elif path.is_file():
            h.update(path.read_bytes())
        h.update(b"\1")
    return h.hexdigest()

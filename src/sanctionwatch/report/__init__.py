"""Reports: per-document evidence (documents.py) and Panel-style case files (cases.py)."""

from __future__ import annotations

from pathlib import Path

from .documents import write_documents_report


def write_reports(store, out_dir: Path, min_sources: int = 2) -> dict[str, Path]:
    """Write every report the store supports into ``out_dir``; returns {name: path}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    from .cases import write_case_report

    written = write_documents_report(store, out_dir)
    written.update(write_case_report(store, out_dir, min_sources=min_sources))
    return written

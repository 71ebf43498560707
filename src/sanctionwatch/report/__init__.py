"""Reports: per-document evidence (documents.py) and Panel-style case files (cases.py), from what the store holds."""

from __future__ import annotations

from pathlib import Path

from ..store import Store
from .cases import write_case_report
from .documents import write_documents_report

__all__ = ["write_case_report", "write_documents_report", "write_reports"]


def write_reports(store: Store, out_dir: Path, min_sources: int = 2) -> dict[str, Path]:
    """Write every report the store supports into ``out_dir``; returns {name: path}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = write_documents_report(store, out_dir)
    written.update(write_case_report(store, out_dir, min_sources=min_sources))
    return written

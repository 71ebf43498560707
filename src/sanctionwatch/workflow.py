"""The corpus workflow as a library: documents into the store, lists matched, cases linked, reports written.

:func:`run` lists the stages in order; the CLI's ``run`` and ``ingest`` call
the same functions, so a script and the command line produce the same store.
:func:`extract` is the one-document entry point (no store), as ``extract`` is
for files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .ingest import RawInput
from .linking.incremental import link_store
from .model import Document
from .pipeline import Outcome, Pipeline, Settings, Summary
from .report import write_reports
from .sanctions import match_store
from .store import BatchWriter, Store


@dataclass
class RunResult:
    summary: Summary
    reports: dict[str, Path] = field(default_factory=dict)


def load_pipeline(model: str | None = None, **settings: object) -> Pipeline:
    """A pipeline with the model and data files loaded once (``settings`` as in :class:`Settings`)."""
    return Pipeline(Settings(model=model, **settings))  # type: ignore[arg-type]


def open_store(target: str | Path, *, readonly: bool = False) -> Store:
    """A SQLite file (created if absent) or a ``postgresql://`` URL; use it as a context manager."""
    return Store(target, readonly=readonly)


def extract(text: str, *, title: str | None = None, published: str | None = None, url: str | None = None,
            publisher: str | None = None, pipeline: Pipeline | None = None, label: str = "text") -> Document:
    """One article given as a string, through every extraction stage; nothing is stored."""
    pipe = pipeline or load_pipeline()
    hints = {"title": title, "published": published, "url": url, "publisher": publisher}
    doc = pipe.prepare(RawInput(label, "text", text, {k: v for k, v in hints.items() if v}))
    return next(pipe.process([doc]))


def store_documents(pipeline: Pipeline, store: Store, paths: Iterable[str], *, force: bool = False,
                    on_outcome: Callable[[Outcome], None] = lambda o: None) -> Summary:
    """Ingest ``paths`` and store every new document in batches; skips and unchanged inputs are recorded.

    A document the store refused alone (not the storage failing: see BatchWriter) is counted as skipped.
    """
    def seen(doc_id: str) -> bool:
        return not force and store.has_document(doc_id, pipeline.version)

    with BatchWriter(store, pipeline.version) as writer:
        def record(o: Outcome) -> None:
            if o.status == "skipped":
                writer.record(o.input, "skipped", reason=o.reason)
            elif o.status == "unchanged" and o.document is not None:
                writer.record(o.input, "unchanged", doc_id=o.document.doc_id)
            on_outcome(o)

        summary = pipeline.run(paths, sink=writer.add, seen=seen, on_outcome=record)
    for doc, reason in writer.failed:  # extracted, but the store refused it
        summary.stored -= 1
        summary.skipped.append((doc.input, reason))
    return summary


def link_cases(store: Store, min_sources: int = 2) -> None:
    """Match the imported sanctions lists (when any), then update the cases the new documents touch."""
    try:
        match_store(store)  # flags designated actors, when a list has been imported (`lists import`)
    except LookupError:
        pass
    link_store(store, min_sources=min_sources)


def run(paths: Iterable[str], db: str | Path, *, pipeline: Pipeline | None = None, report_dir: str | Path | None = None,
        min_sources: int = 2, force: bool = False, link: bool = True) -> RunResult:
    """The corpus workflow: store -> lists -> link -> report."""
    pipe = pipeline or load_pipeline()
    with Store(db) as store:
        result = RunResult(store_documents(pipe, store, paths, force=force))
        if link:
            link_cases(store, min_sources)
        if report_dir is not None:
            result.reports = write_reports(store, Path(report_dir), min_sources=min_sources)
    return result

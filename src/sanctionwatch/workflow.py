"""The corpus workflow as a library: documents into the store, lists matched, cases linked, reports written.

:func:`run_in_store` lists the stages in order (store -> lists -> link ->
report).  Every front end goes through it or through its tail
:func:`update_store`: the CLI's ``run`` and ``ingest`` (which stops after the
store), ``report`` (no new documents), ``reprocess`` (re-extracted documents,
then :func:`link_cases`) and the web upload (:func:`store_text`, one article).
So a script, the command line and the web produce the same store, and the
report always shows the stored cases.  :func:`extract` is the one-document
entry point (no store), as ``extract`` is for files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .ingest import RawInput
from .linking.incremental import link_store
from .model import Document
from .pipeline import Outcome, Pipeline, Settings, Summary, default_pipeline
from .report import write_case_report, write_reports
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


def link_cases(store: Store, min_sources: int = 2, *, full: bool = False) -> None:
    """Match the imported sanctions lists (when any), then update the cases the new documents touch
    (every case with ``full``)."""
    try:
        match_store(store)  # flags designated actors, when a list has been imported (`lists import`)
    except LookupError:
        pass
    link_store(store, min_sources=min_sources, full=full)


def update_store(store: Store, *, link: bool = True, min_sources: int = 2, full: bool = False,
                 report_dir: str | Path | None = None, reports: str = "all") -> dict[str, Path]:
    """The stages after the store: lists -> link -> report.  The report reads the cases just stored
    (``reports``: "all" for the evidence and case reports, "cases" for the case report alone)."""
    if link:
        link_cases(store, min_sources, full=full)
    if report_dir is None:
        return {}
    if reports == "cases":
        return write_case_report(store, Path(report_dir), min_sources=min_sources)
    return write_reports(store, Path(report_dir), min_sources=min_sources)


def run_in_store(pipeline: Pipeline, store: Store, paths: Iterable[str], *, force: bool = False, link: bool = True,
                 min_sources: int = 2, report_dir: str | Path | None = None,
                 on_outcome: Callable[[Outcome], None] = lambda o: None) -> RunResult:
    """The corpus workflow over an open store: store -> lists -> link -> report."""
    summary = store_documents(pipeline, store, paths, force=force, on_outcome=on_outcome)
    reports = update_store(store, link=link, min_sources=min_sources, report_dir=report_dir)
    return RunResult(summary, reports)


def run(paths: Iterable[str], db: str | Path, *, pipeline: Pipeline | None = None, report_dir: str | Path | None = None,
        min_sources: int = 2, force: bool = False, link: bool = True) -> RunResult:
    """The corpus workflow: store -> lists -> link -> report."""
    pipe = pipeline or load_pipeline()
    with Store(db) as store:
        return run_in_store(pipe, store, paths, force=force, link=link, min_sources=min_sources,
                            report_dir=report_dir)


def store_text(store: Store, text: str, *, title: str | None = None, published: str | None = None,
               url: str | None = None, publisher: str | None = None, input_label: str = "upload",
               pipeline: Pipeline | None = None, min_sources: int = 2) -> Document:
    """One article given as a string (the web upload): extracted, stored, then the lists matched and the
    cases it touches linked incrementally, as `run` does for a corpus."""
    pipe = pipeline or default_pipeline()
    doc = extract(text, title=title, published=published, url=url, publisher=publisher, pipeline=pipe,
                  label=input_label)
    store.save_document(doc, pipe.version)
    update_store(store, min_sources=min_sources)
    return doc

"""The corpus workflow as a library: documents into the store, lists matched, cases linked, reports written.

:func:`run_in_store` lists the stages in order (store -> lists -> link ->
report).  Every front end goes through it or through its tail
:func:`update_store`: the CLI's ``run`` and ``ingest`` (which stops after the
store), ``report`` (no new documents), ``reprocess`` (re-extracted documents,
then :func:`link_cases`) and the web upload (:func:`store_text`, one article).
So a script, the command line and the web produce the same store, and the
report always shows the stored cases.  :func:`extract` is the one-document
entry point (no store), as ``extract`` is for files.  :func:`review` (the CLI's
``review`` and the web's review form) stores an analyst's verdict and lets it
take effect through the same tail: the document's list flags re-resolved and
its cases re-linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .ingest import RawInput
from .linking.incremental import link_store, relink_documents
from .model import Document
from .pipeline import Outcome, Pipeline, Settings, Summary, default_pipeline
from .report import write_case_report, write_reports
from .reviews import Review, add_review
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


def link_cases(store: Store, min_sources: int = 2, *, full: bool = False,
               doc_ids: Sequence[str] | None = None) -> None:
    """Match the imported sanctions lists (when any), then update the cases the new documents touch
    (every case with ``full``).  ``doc_ids``: only these documents' mentions changed, so only they are
    matched against the lists (a web upload, a review); None matches every stored mention."""
    try:
        match_store(store, doc_ids=doc_ids)  # flags designated actors, when a list has been imported
    except LookupError:
        pass
    link_store(store, min_sources=min_sources, full=full)


def update_store(store: Store, *, link: bool = True, min_sources: int = 2, full: bool = False,
                 report_dir: str | Path | None = None, reports: str = "all",
                 doc_ids: Sequence[str] | None = None) -> dict[str, Path]:
    """The stages after the store: lists -> link -> report.  The report reads the cases just stored
    (``reports``: "all" for the evidence and case reports, "cases" for the case report alone;
    ``doc_ids``: as in :func:`link_cases`)."""
    if link:
        link_cases(store, min_sources, full=full, doc_ids=doc_ids)
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
    update_store(store, min_sources=min_sources, doc_ids=[doc.doc_id])
    return doc


def review(store: Store, *, min_sources: int = 2, **fields: str | None) -> Review:
    """Store one analyst review (``fields`` as :func:`sanctionwatch.reviews.add_review` takes them) and let
    it take effect: the document's list flags re-resolved and the cases it is in re-linked incrementally
    (a rejected extraction leaves them; the report reads the stored cases).  A case review changes no
    extraction and re-links nothing."""
    done = add_review(store, **fields)  # type: ignore[arg-type]
    if done.target != "case":
        relink_documents(store, [done.doc_id])
        update_store(store, min_sources=min_sources, doc_ids=[done.doc_id])
    return done

"""Re-processing a store: re-run extraction where the pipeline version changed, write back, update cases.

Documents are rebuilt from the stored text (so every offset stays as stored),
extracted on any engine (:mod:`sanctionwatch.execution`), written in batches,
the sanctions lists re-matched (when one is imported) and the cases touched
re-linked incrementally, as `run` does (workflow.link_cases).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .execution import ExtractionFailed, Result, extract_stream
from .ingest import RawInput
from .model import Document
from .pipeline import Pipeline
from .store import BatchWriter, Store
from .workflow import link_cases

# Warnings that describe the original bytes, which the store no longer has: carried over
# when a document is rebuilt from its stored text (everything else is recomputed).
_INPUT_WARNINGS = ("invalid UTF-8",)


@dataclass
class ReprocessSummary:
    version: str
    candidates: int = 0
    reprocessed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason)
    cases_updated: bool = False
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version, "candidates": self.candidates, "reprocessed": self.reprocessed,
            "failed": [{"doc_id": d, "reason": r} for d, r in self.failed],
            "cases_updated": self.cases_updated, "seconds": round(self.seconds, 3),
        }


def document_from_stored(stored: Document, pipeline: Pipeline) -> Document:
    """A prepared document rebuilt from what the store holds: the stored text is the input.

    Metadata goes back in as ingest hints, so ``prepare`` recomputes language checks and the
    ignored regions with the current rules while the text, and so every offset, stays as stored.
    """
    hints = {"title": stored.title, "published": stored.published, "publisher": stored.publisher,
             "url": stored.url, "language": stored.language, **stored.meta}
    doc = pipeline.prepare(RawInput(stored.input, "text", stored.text,
                                    {k: v for k, v in hints.items() if v not in (None, "")}))
    if doc.text != stored.text:  # prepare must never rewrite text; refuse rather than move offsets
        raise RuntimeError(f"{stored.doc_id}: text changed while rebuilding the document")
    doc.doc_id, doc.format = stored.doc_id, stored.format
    doc.warnings = [w for w in stored.warnings if w.startswith(_INPUT_WARNINGS)] + doc.warnings
    return doc


def reprocess_store(
    store: Store,
    pipeline: Pipeline,
    *,
    everything: bool = False,
    workers: int = 1,
    scheduler: str | None = None,
    chunk: int | None = None,
    min_sources: int = 2,
    on_result: Callable[[Result], None] = lambda r: None,
) -> ReprocessSummary:
    """Re-run extraction for stored documents whose pipeline version is not ``pipeline.version``
    (every document with ``everything``), write them back, then update the cases when linking exists.

    Killed half-way, it resumes on the next call: documents already rewritten carry the current
    version.  A document whose extraction fails keeps its old results (and stays stale).
    """
    started = time.perf_counter()
    summary = ReprocessSummary(pipeline.version)
    ids = store.stale_doc_ids(pipeline.version, everything)
    summary.candidates = len(ids)

    def docs() -> Iterator[Document]:
        for doc_id in ids:
            stored = store.get_document(doc_id)
            if stored is not None:
                yield document_from_stored(stored, pipeline)

    with BatchWriter(store, pipeline.version) as writer:
        for result in extract_stream(pipeline.settings, docs(), pipeline=pipeline, workers=workers,
                                     scheduler=scheduler, chunk=chunk):
            if isinstance(result, ExtractionFailed):
                summary.failed.append((result.doc_id, result.reason))
            else:
                writer.add(result)
                summary.reprocessed += 1
            on_result(result)
    for doc, reason in writer.failed:  # the store refused the new results: the old ones stay, still stale
        summary.reprocessed -= 1
        summary.failed.append((doc.doc_id, reason))
    if summary.reprocessed:
        link_cases(store, min_sources)  # lists re-matched first: the entities may have changed
        summary.cases_updated = True
    summary.seconds = time.perf_counter() - started
    return summary

"""Writing extracted documents in batches: one transaction per batch, one bad document costs only itself."""

from __future__ import annotations

import time
from typing import Any

from ..model import Document
from .connection import describe
from .documents import Store
from .faults import storage_error


class BatchWriter:
    """Buffers extracted documents and input records and writes them in batches.

    One transaction per batch (``size`` documents, or whatever is buffered
    after ``max_seconds``), so a crash loses at most the batch in flight, which
    the next run redoes (stored documents are skipped by hash).  A batch that
    fails is retried one document at a time: the document that still fails
    alone is recorded as skipped with the database's reason and listed in
    ``failed``, and the rest are stored.  A failure of the storage itself (disk
    full, read-only, locked, damaged) is no fault of a document: it is raised
    as the store's error and nothing of the batch is recorded, so a re-run
    processes those documents again.  On Ctrl-C the documents already
    extracted are written before the interrupt goes on.
    """

    def __init__(self, store: Store, pipeline_version: str, *, size: int = 64, max_seconds: float = 2.0):
        self.store, self.version = store, pipeline_version
        self.size, self.max_seconds = size, max_seconds
        self.docs: list[Document] = []
        self.records: list[tuple[str, str, str | None, str | None]] = []  # (input, status, doc_id, reason)
        self.failed: list[tuple[Document, str]] = []  # (document, reason)
        self.written = 0
        self._since: float | None = None

    def add(self, doc: Document) -> None:
        self.docs.append(doc)
        self._since = self._since or time.monotonic()
        if len(self.docs) >= self.size or time.monotonic() - self._since >= self.max_seconds:
            self.flush()

    def record(self, input: str, status: str, doc_id: str | None = None, reason: str | None = None) -> None:
        self.records.append((input, status, doc_id, reason))

    def _raise_if_storage(self, exc: Exception) -> None:
        fault = storage_error(exc, describe(self.store.path))  # never a password in a message
        if fault is not None:
            raise fault from exc

    def flush(self) -> None:
        docs, records = self.docs, self.records
        if not docs and not records:
            return
        self.docs, self.records, self._since = [], [], None
        try:
            with self.store.transaction():
                self.store.save_documents(docs, self.version)
                self.store.record_inputs(records)
            self.written += len(docs)
            return
        except Exception as exc:
            self._raise_if_storage(exc)
            if not docs:  # input records alone failing is the database itself failing
                raise
        self.store.record_inputs(records)
        for doc in docs:
            try:
                self.store.save_documents([doc], self.version)
                self.written += 1
            except Exception as exc:  # this document alone cannot be stored (e.g. a NUL character for PostgreSQL)
                self._raise_if_storage(exc)
                reason = f"store error: {type(exc).__name__}: {str(exc).strip().splitlines()[0][:300]}"
                self.failed.append((doc, reason))
                self.store.record_input(doc.input, "skipped", reason=reason)

    def __enter__(self) -> "BatchWriter":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.flush()
        elif issubclass(exc_type, KeyboardInterrupt):
            try:
                self.flush()
            except Exception:  # the interrupt matters more; unsaved documents are redone next run
                pass

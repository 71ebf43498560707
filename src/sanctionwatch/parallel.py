"""Parallel extraction on one machine: a pool of processes, one pipeline each, one writer.

``process_parallel`` takes a stream of *prepared* documents (ingested and
cleaned by the caller) and yields them back extracted, **in input order**, so
the caller stays the only process that touches the store.  Design choices and
why:

* Processes, not threads: spaCy and the extractors are CPU-bound Python.  The
  pool uses the ``spawn`` start method (a fork of a process that has already
  loaded a model and opened SQLite is fragile); each worker builds its
  Pipeline once, in the pool initializer, so the model is loaded once per
  worker, not per chunk.
* Documents travel in chunks (``chunk`` documents each) so that spaCy still
  batches many blocks per ``nlp.pipe`` call inside a worker.
* At most ``max_pending`` chunks are in flight; the input iterator is pulled
  only when there is room, so memory is flat whatever the corpus size.
  (``multiprocessing.Pool.imap`` would read the whole input ahead.)
* An exception while extracting one document does not kill the batch: the
  chunk is re-run one document at a time and the culprit comes back as an
  :class:`ExtractionFailed` marker (input, doc id, reason).  The caller turns
  it into a *skipped* outcome and stores nothing for it, so the next run, or
  ``reprocess`` after a fix, tries it again; a partly extracted document is
  never stored under the current pipeline version.
* A worker that dies outright (segfault, OOM killer) breaks the pool.  The
  pool is rebuilt and the chunks that were in flight are re-run one at a time,
  so the one that kills a worker again is known; it is then split into single
  documents and the document that still kills a worker is marked failed.

Resuming after a crash is the store's job: each document is saved in one
transaction and already-stored documents are skipped by content hash, so
nothing here needs to be checkpointed.
"""

from __future__ import annotations

import os
import pickle
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol

from .model import Document

if TYPE_CHECKING:
    from .pipeline import Settings

START_METHOD_ENV = "SANCTIONWATCH_START_METHOD"  # spawn (default) or forkserver
# Each worker is one core's worth of work; BLAS thread pools inside it would
# only fight the other workers for the same cores.
_SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class ExtractionFailed:
    """A document whose extraction raised (or killed its worker): nothing extracted is kept."""

    input: str
    doc_id: str
    reason: str


Result = Document | ExtractionFailed


class Extractor(Protocol):
    """What a worker needs from a pipeline: ``process`` and the ``version`` it stamps results with."""

    version: str

    def process(self, docs: Iterable[Document]) -> Iterator[Document]: ...


Factory = Callable[["Settings"], Extractor]


def default_factory(settings: "Settings") -> Extractor:
    from .pipeline import Pipeline

    return Pipeline(settings)


# -- the work on one chunk (shared with distributed.py) ----------------------

def pack(docs: list[Document]) -> bytes:
    """A chunk as bytes: shipped once, and kept pristine so a failed batch can be re-run per document."""
    return pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)


def extract_chunk(extractor: Extractor, payload: bytes) -> list[Result]:
    """Extract every document of a packed chunk; one bad document costs only itself.

    The whole chunk goes through ``process`` in one call (spaCy batching); if
    anything raises, the chunk is unpacked afresh, because ``process`` mutates
    documents in place, and re-run one document at a time.
    """
    docs: list[Document] = pickle.loads(payload)
    try:
        out = list(extractor.process(docs))
        if len(out) == len(docs):
            return list(out)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - isolate below, document by document
        pass
    results: list[Result] = []
    for doc in pickle.loads(payload):
        try:
            out = list(extractor.process([doc]))
            if len(out) != 1:
                raise RuntimeError(f"the pipeline returned {len(out)} documents for one")
            results += out
        except Exception as exc:  # noqa: BLE001 - any extractor bug becomes a skipped input
            results.append(ExtractionFailed(doc.input, doc.doc_id, f"extraction failed: {type(exc).__name__}: {exc}"))
    return results


def chunked(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


# -- worker side ---------------------------------------------------------------

_WORKER: Extractor | None = None


def _init_worker(settings: "Settings", factory: Factory) -> None:
    global _WORKER
    for name in _SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    _exit_with_parent()
    _WORKER = factory(settings)


def _exit_with_parent() -> None:
    """A writer killed with SIGKILL cannot shut its pool down; without this its workers would
    linger, each holding a loaded model, until the machine is rebooted."""
    import threading
    from multiprocessing import parent_process
    from multiprocessing.connection import wait

    parent = parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker_chunk(payload: bytes) -> tuple[str, list[Result]]:
    assert _WORKER is not None, "worker used before its initializer ran"
    return _WORKER.version, extract_chunk(_WORKER, payload)


# -- caller side ---------------------------------------------------------------

def process_parallel(
    settings: "Settings",
    docs: Iterable[Document],
    workers: int,
    chunk: int = 16,
    max_pending: int | None = None,
    *,
    pipeline: Extractor | None = None,
    factory: Factory = default_factory,
) -> Iterator[Result]:
    """Extract prepared ``docs`` on ``workers`` processes; yield results in input order.

    Each result is the extracted :class:`Document` or an :class:`ExtractionFailed`
    marker.  ``workers <= 1`` runs in this process (reusing ``pipeline`` when
    given, so the model is not loaded twice).  ``max_pending`` bounds the
    chunks in flight (default ``4 * workers``).  Workers must compute the same
    pipeline version as ``pipeline`` (when given); a mismatch raises, since
    results would be stored under the wrong version.
    """
    if chunk < 1:
        raise ValueError("chunk must be >= 1")
    if workers <= 1:
        extractor = pipeline or factory(settings)
        for batch in chunked(docs, chunk):
            yield from extract_chunk(extractor, pack(batch))
        return
    pending = max(1, max_pending if max_pending is not None else 4 * workers)
    expected = [pipeline.version if pipeline is not None else None]
    yield from _Pool(settings, workers, factory, expected).run(chunked(docs, chunk), pending)


class _Pool:
    """A process pool with ordered, bounded submission and recovery from dead workers."""

    def __init__(self, settings: "Settings", workers: int, factory: Factory, expected: list[str | None]):
        self.settings, self.workers, self.factory = settings, workers, factory
        self.expected = expected  # shared with check_version: [version or None]
        self.executor: ProcessPoolExecutor | None = None

    def _start(self, workers: int) -> ProcessPoolExecutor:
        method = os.environ.get(START_METHOD_ENV, "spawn")
        if method not in ("spawn", "forkserver"):
            raise ValueError(f"{START_METHOD_ENV} must be spawn or forkserver, not {method!r}")
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=get_context(method),
            initializer=_init_worker, initargs=(self.settings, self.factory),
        )
        return self.executor

    def _stop(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def _check(self, version: str) -> None:
        check_version(version, self.expected)

    def run(self, chunks: Iterator[list[Document]], max_pending: int) -> Iterator[Result]:
        inflight: deque[tuple[bytes, Future]] = deque()
        self._start(self.workers)
        try:
            for batch in chunks:
                payload = pack(batch)
                assert self.executor is not None
                inflight.append((payload, self.executor.submit(_worker_chunk, payload)))
                while len(inflight) >= max_pending:
                    yield from self._next(inflight)
            while inflight:
                yield from self._next(inflight)
        finally:
            self._stop()

    def _next(self, inflight: deque[tuple[bytes, Future]]) -> list[Result]:
        try:
            version, results = inflight[0][1].result()
        except BrokenProcessPool:
            payloads = [p for p, _ in inflight]
            inflight.clear()
            results = self._recover(payloads)
            self._start(self.workers)
            return results
        inflight.popleft()
        self._check(version)
        return results

    def _recover(self, payloads: list[bytes]) -> list[Result]:
        """Re-run the chunks that were in flight when a worker died, one at a time on a
        one-process pool, so a chunk that kills its worker again is known; such a chunk is
        split, and a single document that still kills its worker is marked failed."""
        self._stop()
        results: list[Result] = []
        queue: deque[tuple[bytes, bool]] = deque((p, True) for p in payloads)
        try:
            while queue:
                payload, may_split = queue.popleft()
                executor = self.executor or self._start(1)
                try:
                    version, out = executor.submit(_worker_chunk, payload).result()
                except BrokenProcessPool:
                    self._stop()
                    docs: list[Document] = pickle.loads(payload)
                    if may_split and len(docs) > 1:
                        queue.extendleft(reversed([(pack([d]), False) for d in docs]))
                    else:
                        results += [ExtractionFailed(d.input, d.doc_id, "extraction failed: worker process died")
                                    for d in docs]
                    continue
                self._check(version)
                results += out
        finally:
            self._stop()
        return results


# -- choosing the engine ---------------------------------------------------------

def extract_stream(
    settings: "Settings",
    docs: Iterable[Document],
    *,
    pipeline: Extractor | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    chunk: int | None = None,
) -> Iterator[Result]:
    """Extract prepared ``docs`` in this process, on a process pool, or on Dask; results in input order.

    ``workers`` and ``scheduler`` default to ``settings.workers`` / ``settings.scheduler`` when the
    Settings in use has them.  ``scheduler`` is a Dask scheduler address, or ``"local"`` for a
    LocalCluster of ``workers`` processes on this machine.
    """
    workers = workers if workers is not None else int(getattr(settings, "workers", 1) or 1)
    scheduler = scheduler if scheduler is not None else getattr(settings, "scheduler", None)
    chunk = chunk or int(getattr(settings, "chunk", 0) or 0) or (32 if scheduler else 16)
    if scheduler:
        from .distributed import process_distributed

        address = None if scheduler == "local" else scheduler
        return process_distributed(settings, docs, address, workers=max(1, workers), chunk=chunk, pipeline=pipeline)
    return process_parallel(settings, docs, workers, chunk, pipeline=pipeline)


# -- incremental re-processing of a store ------------------------------------------

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


def check_version(version: str, expected: list[str | None], who: str = "a worker") -> None:
    """The first version a worker reports becomes ``expected[0]``; a worker reporting another stops
    the run rather than let results be stored under the wrong version (pool, Dask and Ray alike)."""
    if expected[0] is None:
        expected[0] = version
    elif version != expected[0]:
        raise RuntimeError(f"{who} runs pipeline version {version}, which differs from {expected[0]}: "
                           "workers must have the same sanctionwatch code, model and data files")


def document_from_stored(stored: Document, pipeline: Any) -> Document:
    """A prepared document rebuilt from what the store holds: the stored text is the input.

    Metadata goes back in as ingest hints, so ``prepare`` recomputes language checks and the
    ignored regions with the current rules while the text, and so every offset, stays as stored.
    """
    from .ingest import RawInput

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
    store: Any,
    pipeline: Any,
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
    import time

    started = time.perf_counter()
    summary = ReprocessSummary(pipeline.version)
    ids = store.stale_doc_ids(pipeline.version, everything)
    summary.candidates = len(ids)

    def docs() -> Iterator[Document]:
        for doc_id in ids:
            stored = store.get_document(doc_id)
            if stored is not None:
                yield document_from_stored(stored, pipeline)

    from .store import BatchWriter

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
        summary.cases_updated = update_cases_if_available(store, min_sources)
    summary.seconds = time.perf_counter() - started
    return summary


def update_cases_if_available(store: Any, min_sources: int) -> bool:
    """Bring the cases up to date with the re-processed documents (incrementally; see link_incremental)."""
    try:
        from .link_incremental import link_store
    except ImportError:  # cross-document linking not installed in this build
        return False
    link_store(store, min_sources=min_sources)
    return True

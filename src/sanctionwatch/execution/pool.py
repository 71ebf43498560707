"""Parallel extraction on one machine: a pool of processes, one pipeline each, one writer.

Processes, not threads: spaCy and the extractors are CPU-bound Python.  The
pool uses the ``spawn`` start method (a fork of a process that has already
loaded a model and opened SQLite is fragile); each worker builds its pipeline
once, in the pool initializer, so the model is loaded once per worker, not
per chunk.  Documents travel in chunks so that spaCy still batches many
blocks per ``nlp.pipe`` call inside a worker.  A worker that dies breaks the
whole pool: the pool is rebuilt, and the lost chunks are re-run on a
one-process pool (see :mod:`.ordered`).

Resuming after a crash is the store's job: each document is saved in one
transaction and already-stored documents are skipped by content hash, so
nothing here needs to be checkpointed.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context, parent_process
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Iterable, Iterator

from ..model import Document
from .chunks import ChunkAnswer, Extractor, Factory, Result, answer, choose_factory, chunked, extract_chunk, pack
from .chunks import single_threaded
from .ordered import WorkerDied, run_ordered

if TYPE_CHECKING:
    from ..pipeline import Settings

START_METHOD_ENV = "SANCTIONWATCH_START_METHOD"  # spawn (default) or forkserver

_WORKER: Extractor | None = None


def _init_worker(settings: "Settings", factory: Factory) -> None:
    global _WORKER
    single_threaded()
    _exit_with_parent()
    _WORKER = factory(settings)


def _exit_with_parent() -> None:
    """A writer killed with SIGKILL cannot shut its pool down; without this its workers would
    linger, each holding a loaded model, until the machine is rebooted."""
    parent = parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker_chunk(payload: bytes) -> ChunkAnswer:
    assert _WORKER is not None, "worker used before its initializer ran"
    return answer(_WORKER, payload)


class PoolEngine:
    """A process pool as an :class:`~.ordered.Engine`: ``workers`` processes, or one to re-run a lost chunk."""

    retried_by_scheduler = False

    def __init__(self, settings: "Settings", workers: int, factory: Factory):
        self.settings, self.workers, self.factory = settings, workers, factory
        self.executor: ProcessPoolExecutor | None = None
        self.size = 0
        self.generation = 0  # which pool a handle's chunk went to: only a failure of the current one stops it

    def _pool(self, size: int) -> ProcessPoolExecutor:
        if self.executor is None or self.size != size:
            self.stop()
            method = os.environ.get(START_METHOD_ENV, "spawn")
            if method not in ("spawn", "forkserver"):
                raise ValueError(f"{START_METHOD_ENV} must be spawn or forkserver, not {method!r}")
            self.executor = ProcessPoolExecutor(max_workers=size, mp_context=get_context(method),
                                                initializer=_init_worker, initargs=(self.settings, self.factory))
            self.size = size
            self.generation += 1
        return self.executor

    def stop(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor, self.size = None, 0

    def submit(self, payload: bytes) -> tuple[int, Future]:
        future = self._pool(self.workers).submit(_worker_chunk, payload)
        return self.generation, future

    def result(self, handle: tuple[int, Future]) -> ChunkAnswer:
        generation, future = handle
        try:
            return future.result()
        except (BrokenProcessPool, CancelledError):  # every chunk of a broken pool fails with it
            if generation == self.generation:
                self.stop()
            raise WorkerDied from None

    def settle(self, handles: list[tuple[int, Future]]) -> None:
        pass  # a broken pool has already failed every chunk it held

    def run_alone(self, payload: bytes) -> ChunkAnswer:
        pool = self._pool(1)
        return self.result((self.generation, pool.submit(_worker_chunk, payload)))


def process_parallel(
    settings: "Settings",
    docs: Iterable[Document],
    workers: int,
    chunk: int = 16,
    max_pending: int | None = None,
    *,
    pipeline: Extractor | None = None,
    factory: Factory | None = None,
) -> Iterator[Result]:
    """Extract prepared ``docs`` on ``workers`` processes; yield results in input order.

    Each result is the extracted :class:`Document` or an :class:`ExtractionFailed`
    marker.  ``workers <= 1`` runs in this process (reusing ``pipeline`` when
    given, so the model is not loaded twice).  Workers build their extractor
    with ``factory`` (default: the class of ``pipeline``).  ``max_pending``
    bounds the chunks in flight (default ``4 * workers``).  Workers must compute
    the same pipeline version as ``pipeline`` (when given); a mismatch raises.
    """
    batches = chunked(docs, chunk)
    if workers <= 1:
        extractor = pipeline or choose_factory(factory, pipeline)(settings)
        for batch in batches:
            yield from extract_chunk(extractor, pack(batch))
        return
    engine = PoolEngine(settings, workers, choose_factory(factory, pipeline))
    expected = [pipeline.version if pipeline is not None else None]
    try:
        yield from run_ordered(engine, batches, max_pending if max_pending is not None else 4 * workers, expected)
    finally:
        engine.stop()

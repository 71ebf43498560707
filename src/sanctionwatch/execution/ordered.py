"""The one bounded, in-order submission loop and the one recovery from a dead worker, for every engine.

* At most ``max_pending`` chunks are in flight; the input iterator is pulled
  only when there is room, so memory is flat whatever the corpus size
  (``multiprocessing.Pool.imap`` would read the whole input ahead).
* Results are taken from the head of the queue, so they come back in input
  order and the caller stays the only process that writes the store.
* A worker that dies outright (segfault, OOM killer) loses its chunk.  The
  other chunks in flight are let settle, then the lost chunk is re-run alone,
  so a chunk that kills its worker again is known; it is then split and each
  document re-run alone, and a document that still kills its worker is marked
  failed.  (An engine whose scheduler already re-ran the task on other workers,
  as Dask does, skips the re-run alone and splits at once.)

An engine (:class:`Engine`) only submits a chunk, waits for one, and re-runs
one alone; the pool, Dask and Ray engines are thin adapters over their APIs.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Iterator, Protocol

from .chunks import ChunkAnswer, Result, check_version, died, pack, unpack
from ..errors import WorkerDied
from ..model import Document


class Engine(Protocol):
    #: the engine's scheduler already re-ran a task whose worker died (Dask's allowed-failures)
    retried_by_scheduler: bool

    def submit(self, payload: bytes) -> Any:
        """Start one chunk; returns a handle for :meth:`result`."""

    def result(self, handle: Any) -> ChunkAnswer:
        """Wait for one chunk; raises WorkerDied when its worker died."""

    def settle(self, handles: list[Any]) -> None:
        """Let the chunks in flight finish or fail, before a lost chunk is re-run alone."""

    def run_alone(self, payload: bytes) -> ChunkAnswer:
        """Run one chunk with no other work beside it; raises WorkerDied when its worker died."""


def run_ordered(engine: Engine, chunks: Iterator[list[Document]], max_pending: int,
                expected: list[str | None], who: str = "a worker") -> Iterator[Result]:
    """Submit ``chunks`` with at most ``max_pending`` in flight; yield their results in input order."""
    inflight: deque[tuple[bytes, Any]] = deque()
    max_pending = max(1, max_pending)
    for batch in chunks:
        payload = pack(batch)
        inflight.append((payload, engine.submit(payload)))
        while len(inflight) >= max_pending:
            yield from _take_head(engine, inflight, expected, who)
    while inflight:
        yield from _take_head(engine, inflight, expected, who)


def _take_head(engine: Engine, inflight: deque[tuple[bytes, Any]], expected: list[str | None],
               who: str) -> list[Result]:
    payload, handle = inflight.popleft()
    try:
        version, results = engine.result(handle)
    except WorkerDied:
        engine.settle([h for _, h in inflight])
        return recover(engine, payload, expected, who)
    check_version(version, expected, who)
    return results


def recover(engine: Engine, payload: bytes, expected: list[str | None], who: str = "a worker") -> list[Result]:
    """Results for a chunk lost with its worker: re-run alone, then split; a document that kills
    its worker alone is marked failed (nothing of it is stored, so a later run tries it again)."""
    if not engine.retried_by_scheduler:
        try:
            version, results = engine.run_alone(payload)
            check_version(version, expected, who)
            return results
        except WorkerDied:
            pass
    docs = unpack(payload)
    if len(docs) == 1:
        return [died(docs[0])]
    out: list[Result] = []
    for doc in docs:
        try:
            version, results = engine.run_alone(pack([doc]))
        except WorkerDied:
            out.append(died(doc))
            continue
        check_version(version, expected, who)
        out += results
    return out

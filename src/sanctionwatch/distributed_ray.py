"""Extraction on a Ray cluster: the same stage function as the process pool and Dask, one writer.

``process_ray`` ships chunks of *prepared* documents to Ray actors and yields the
extracted documents back **in input order** to the calling process, which alone
writes the store.  Nothing of the pipeline is forked: each actor builds one
:class:`~sanctionwatch.pipeline.Pipeline` when it is created (so the model stays
loaded for the actor's life) and runs :func:`sanctionwatch.parallel.extract_chunk`
on every chunk, exactly as a pool worker or a Dask worker does.

Ray is optional and imported lazily (``pip install ray``); it is not a dependency
of sanctionwatch.  This uses Ray Core actors, not Ray Data: the documents are
Python objects that must come back in order to a single writer, which Ray Data's
Arrow blocks and ``map_batches`` neither need nor help with (and Ray Data pulls in
pandas and pyarrow).  See docs/engines.md for the measured comparison with Dask.

Cluster rules are the same as for Dask: every node needs the same sanctionwatch
version, model and data files as the caller (checked: an actor reporting another
pipeline version stops the run).  ``address`` None (and no ``RAY_ADDRESS``) starts
a private local Ray instance of ``workers`` CPUs on 127.0.0.1, without dashboard,
shut down at the end; otherwise ``ray.init(address)`` joins a running cluster
(``ray start --head`` on one machine, ``ray start --address HEAD:6379`` on others).
"""

from __future__ import annotations

import functools
import os
import pickle
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .errors import RayUnavailable
from .model import Document
from .parallel import (
    ExtractionFailed, Extractor, Factory, Result, check_version, chunked, default_factory, extract_chunk, pack,
)

if TYPE_CHECKING:
    from .pipeline import Settings

ADDRESS_ENV = "RAY_ADDRESS"  # Ray's own variable: ray.init() reads it too
# An actor whose process dies is restarted (model reloaded) without limit: the chunk that was
# running is failed back to us and split here, so a poison document cannot exhaust a budget.
_MAX_RESTARTS = -1


def _ray():
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RayUnavailable("Ray mode needs Ray: pip install ray") from exc
    return ray


class PipelineActor:
    """Body of the Ray actor: one extractor, built once, used for every chunk sent to it."""

    def __init__(self, settings: "Settings", factory: Factory = default_factory):
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
        self.extractor = factory(settings)

    def ready(self) -> tuple[int, str]:
        return os.getpid(), self.extractor.version

    def extract(self, payload: bytes) -> tuple[str, list[Result]]:
        return self.extractor.version, extract_chunk(self.extractor, payload)


@functools.cache
def _remote_class() -> Any:
    # Ray actors run one method at a time by default (max_concurrency=1), so one pipeline is
    # never used from two threads.  Task retries stay off: a failed chunk is split by _gather.
    return _ray().remote(num_cpus=1, max_restarts=_MAX_RESTARTS, max_task_retries=0)(PipelineActor)


def start_actors(settings: "Settings", workers: int, factory: Factory = default_factory) -> list[Any]:
    """``workers`` actors on the current Ray instance, each with its pipeline loaded (waits for it).

    A pipeline that cannot be built (missing model, bad data file) raises here, before any
    document is sent.
    """
    ray = _ray()
    cls = _remote_class()
    actors = [cls.remote(settings, factory) for _ in range(max(1, workers))]
    try:
        ray.get([a.ready.remote() for a in actors])
    except ray.exceptions.RayError as exc:
        stop_actors(actors)
        raise RuntimeError(f"a Ray actor could not build its pipeline: {exc}") from exc
    return actors


def stop_actors(actors: Iterable[Any]) -> None:
    ray = _ray()
    for actor in actors:
        ray.kill(actor, no_restart=True)


def init_local(workers: int) -> None:
    """A private Ray instance on this machine: ``workers`` CPUs, loopback only, no dashboard."""
    _ray().init(address="local", num_cpus=max(1, workers), include_dashboard=False,
                _node_ip_address="127.0.0.1", logging_level="ERROR")


def connect(address: str | None, workers: int) -> bool:
    """Make sure Ray is initialised; True when this call started it (and so must shut it down)."""
    ray = _ray()
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never phone home from a library call
    address = address or os.environ.get(ADDRESS_ENV) or None
    if address:
        ray.init(address=address, logging_level="ERROR")
    else:
        init_local(workers)
    return True


def process_ray(
    settings: "Settings",
    docs: Iterable[Document],
    address: str | None = None,
    workers: int = 2,
    chunk: int = 32,
    max_pending: int | None = None,
    *,
    pipeline: Extractor | None = None,
    factory: Factory = default_factory,
    actors: list[Any] | None = None,
) -> Iterator[Result]:
    """Extract prepared ``docs`` on Ray actors; yield results (Document or ExtractionFailed) in input order.

    Uses ``actors`` when given (from :func:`start_actors`; the caller owns them and Ray), else
    starts ``workers`` actors on the Ray instance already initialised in this process, on the
    cluster at ``address`` / $RAY_ADDRESS, or on a new local instance, and stops what it started.
    At most ``max_pending`` chunks are in flight (default: 4 per actor), so the input is read
    lazily and memory stays flat.
    """
    if chunk < 1:
        raise ValueError("chunk must be >= 1")
    ray = _ray()
    started_ray = own_actors = False
    if actors is None:
        started_ray = connect(address, workers)
        own_actors = True
    try:
        if own_actors:
            actors = start_actors(settings, workers, factory)
        assert actors
        pending = max(1, max_pending if max_pending is not None else 4 * len(actors))
        expected = [pipeline.version if pipeline is not None else None]
        yield from _Dispatcher(actors).ordered(chunked(docs, chunk), pending, expected)
    finally:
        if own_actors and actors:
            stop_actors(actors)
        if started_ray:
            ray.shutdown()


@dataclass
class _Task:
    payload: bytes
    ref: Any
    actor: int


class _Dispatcher:
    """Ordered, bounded submission to a fixed set of actors: each chunk goes to the actor with the
    fewest chunks queued, results are taken from the head of the queue, and a chunk lost with a
    dead actor is re-run alone so the document that kills actors is found."""

    def __init__(self, actors: list[Any]):
        self.actors = actors
        self.load = [0] * len(actors)

    def submit(self, payload: bytes) -> _Task:
        i = min(range(len(self.actors)), key=self.load.__getitem__)
        self.load[i] += 1
        return _Task(payload, self.actors[i].extract.remote(payload), i)

    def ordered(self, chunks: Iterator[list[Document]], max_pending: int,
                expected: list[str | None]) -> Iterator[Result]:
        inflight: deque[_Task] = deque()
        for batch in chunks:
            inflight.append(self.submit(pack(batch)))
            while len(inflight) >= max_pending:
                yield from self.gather(inflight.popleft(), inflight, expected)
        while inflight:
            yield from self.gather(inflight.popleft(), inflight, expected)

    def gather(self, task: _Task, inflight: deque[_Task], expected: list[str | None]) -> list[Result]:
        ray = _ray()
        try:
            version, results = ray.get(task.ref)
        except ray.exceptions.RayActorError:
            # Every chunk queued on a dying actor fails with it, so failing is no proof of guilt.
            # Let the rest of the work settle, then re-run this chunk alone on a live actor.
            if inflight:
                ray.wait([t.ref for t in inflight], num_returns=len(inflight))
            return self.rerun_alone(task.payload, expected, may_split=True)
        finally:
            self.load[task.actor] -= 1
        self.check(version, expected)
        return results

    def rerun_alone(self, payload: bytes, expected: list[str | None], may_split: bool) -> list[Result]:
        """A chunk that kills its actor while running alone is split; a document that still does
        is marked failed (the pool does the same, see parallel._Pool._recover)."""
        ray = _ray()
        try:
            version, results = ray.get(self.live_actor().extract.remote(payload))
        except ray.exceptions.RayActorError:
            docs: list[Document] = pickle.loads(payload)
            if may_split and len(docs) > 1:
                return [r for d in docs for r in self.rerun_alone(pack([d]), expected, may_split=False)]
            return [ExtractionFailed(d.input, d.doc_id, "extraction failed: worker process died") for d in docs]
        self.check(version, expected)
        return results

    def live_actor(self, attempts: int = 20) -> Any:
        """An actor that answers: a restarting actor answers once its pipeline is rebuilt; a call
        that raced with its death fails at once and is tried again."""
        ray = _ray()
        error: Exception | None = None
        for _ in range(attempts):
            for actor in self.actors:
                try:
                    ray.get(actor.ready.remote())
                    return actor
                except ray.exceptions.RayActorError as exc:
                    error = exc
            time.sleep(0.5)
        raise RuntimeError(f"no Ray actor came back after a worker died: {error}")

    @staticmethod
    def check(version: str, expected: list[str | None]) -> None:
        check_version(version, expected, "a Ray actor")

"""Extraction on a Ray cluster: the same stage function as the process pool and Dask, one writer.

``process_ray`` ships chunks of *prepared* documents to Ray actors and yields the
extracted documents back **in input order** to the calling process, which alone
writes the store.  Nothing of the pipeline is forked: each actor builds one
:class:`~sanctionwatch.pipeline.Pipeline` when it is created (so the model stays
loaded for the actor's life) and runs :func:`.chunks.extract_chunk` on every
chunk, exactly as a pool worker or a Dask worker does, under the loop of
:mod:`.ordered`.

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
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import RayUnavailable
from ..model import Document
from .chunks import ChunkAnswer, Extractor, Factory, Result, answer, choose_factory, chunked, single_threaded
from .ordered import WorkerDied, run_ordered

if TYPE_CHECKING:
    from ..pipeline import Settings

ADDRESS_ENV = "RAY_ADDRESS"  # Ray's own variable: ray.init() reads it too
# An actor whose process dies is restarted (model reloaded) without limit: the chunk that was
# running is failed back to us and split here, so a poison document cannot exhaust a budget.
_MAX_RESTARTS = -1


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RayUnavailable("Ray mode needs Ray: pip install ray") from exc
    return ray


class PipelineActor:
    """Body of the Ray actor: one extractor, built once, used for every chunk sent to it."""

    def __init__(self, settings: "Settings", factory: Factory):
        single_threaded()
        self.extractor = factory(settings)

    def ready(self) -> tuple[int, str]:
        return os.getpid(), self.extractor.version

    def extract(self, payload: bytes) -> ChunkAnswer:
        return answer(self.extractor, payload)


@functools.cache
def _remote_class() -> Any:
    # Ray actors run one method at a time by default (max_concurrency=1), so one pipeline is
    # never used from two threads.  Task retries stay off: a lost chunk is re-run and split by .ordered.
    return _ray().remote(num_cpus=1, max_restarts=_MAX_RESTARTS, max_task_retries=0)(PipelineActor)


def start_actors(settings: "Settings", workers: int, factory: Factory) -> list[Any]:
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
    factory: Factory | None = None,
    actors: list[Any] | None = None,
) -> Iterator[Result]:
    """Extract prepared ``docs`` on Ray actors; yield results (Document or ExtractionFailed) in input order.

    Uses ``actors`` when given (from :func:`start_actors`; the caller owns them and Ray), else
    starts ``workers`` actors (building their extractor with ``factory``, default: the class of
    ``pipeline``) on the Ray instance already initialised in this process, on the
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
            actors = start_actors(settings, workers, choose_factory(factory, pipeline))
        assert actors
        pending = max_pending if max_pending is not None else 4 * len(actors)
        expected = [pipeline.version if pipeline is not None else None]
        yield from run_ordered(RayEngine(actors), chunked(docs, chunk), pending, expected, "a Ray actor")
    finally:
        if own_actors and actors:
            stop_actors(actors)
        if started_ray:
            ray.shutdown()


@dataclass
class _Task:
    ref: Any
    actor: int


class RayEngine:
    """A fixed set of Ray actors as an :class:`~.ordered.Engine`: each chunk goes to the actor with
    the fewest chunks queued.  Every chunk queued on a dying actor fails with it, so failing is no
    proof of guilt: the rest of the work settles before the lost chunk is re-run alone."""

    retried_by_scheduler = False

    def __init__(self, actors: list[Any]):
        self.ray = _ray()
        self.actors = actors
        self.load = [0] * len(actors)

    def submit(self, payload: bytes) -> _Task:
        i = min(range(len(self.actors)), key=self.load.__getitem__)
        self.load[i] += 1
        return _Task(self.actors[i].extract.remote(payload), i)

    def result(self, handle: _Task) -> ChunkAnswer:
        try:
            return self.ray.get(handle.ref)
        except self.ray.exceptions.RayActorError:
            raise WorkerDied from None
        finally:
            self.load[handle.actor] -= 1

    def settle(self, handles: list[_Task]) -> None:
        if handles:
            self.ray.wait([t.ref for t in handles], num_returns=len(handles))

    def run_alone(self, payload: bytes) -> ChunkAnswer:
        try:
            return self.ray.get(self.live_actor().extract.remote(payload))
        except self.ray.exceptions.RayActorError:
            raise WorkerDied from None

    def live_actor(self, attempts: int = 20) -> Any:
        """An actor that answers: a restarting actor answers once its pipeline is rebuilt; a call
        that raced with its death fails at once and is tried again."""
        error: Exception | None = None
        for _ in range(attempts):
            for actor in self.actors:
                try:
                    self.ray.get(actor.ready.remote())
                    return actor
                except self.ray.exceptions.RayActorError as exc:
                    error = exc
            time.sleep(0.5)
        raise RuntimeError(f"no Ray actor came back after a worker died: {error}")

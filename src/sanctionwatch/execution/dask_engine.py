"""Extraction on a Dask cluster: the same stage functions, many machines, one writer.

``process_distributed`` ships chunks of *prepared* documents to Dask workers
and yields the extracted documents back **in input order** to the client
process, which alone writes the store.  Nothing of the pipeline is forked:
a worker plugin builds one :class:`~sanctionwatch.pipeline.Pipeline` per
worker process when it joins (so the model is loaded once per worker), and
each task runs :func:`.chunks.extract_chunk` on it, exactly as the local
process pool does, under the loop of :mod:`.ordered`.

Why Dask rather than Ray: it installs from PyPI as pure Python (``pip install
"dask[distributed]"``, a few MB against Ray's few hundred), starts a local
cluster in seconds on a 2-core machine, and its plugin + ``submit`` model is
all this needs.  Dask is imported lazily: the rest of sanctionwatch never
needs it.

Cluster rules: every worker must have the same sanctionwatch version, model
and data files as the client (checked: a worker reporting another pipeline
version stops the run), and should run one thread per process
(``dask worker ADDRESS --nworkers N --nthreads 1``), since one pipeline is
not shared between threads: tasks on the same worker take turns on it.
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import DaskUnavailable, NoWorkers
from ..model import Document
from .chunks import ChunkAnswer, Extractor, Factory, Result, answer, choose_factory, chunked, single_threaded
from .ordered import WorkerDied, run_ordered

if TYPE_CHECKING:
    from ..pipeline import Settings

SCHEDULER_ENV = "SANCTIONWATCH_DASK_SCHEDULER"
_PLUGIN_PREFIX = "sanctionwatch-pipeline"

# How long a result may be awaited while the cluster has no worker at all before
# the run stops with NoWorkers, instead of waiting for ever (seen when every
# worker of an overloaded LocalCluster died and its nannies gave up).
NO_WORKERS_GRACE_S = 120.0
_POLL_S = 5.0


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DaskUnavailable('distributed mode needs Dask: pip install "dask[distributed]"') from exc
    return distributed


def plugin_name(settings: "Settings", factory: Factory) -> str:
    """One plugin per (settings, factory), so two runs with different models can share a cluster."""
    key = f"{settings!r}|{factory.__module__}.{factory.__qualname__}".encode()
    return f"{_PLUGIN_PREFIX}-{hashlib.sha256(key).hexdigest()[:12]}"


class PipelinePlugin:
    """Worker plugin: builds the extractor once when the worker starts (or joins later)."""

    idempotent = True  # registering again (a second run on the same cluster) keeps the loaded model

    def __init__(self, settings: "Settings", factory: Factory):
        self.settings, self.factory = settings, factory
        self.name = plugin_name(settings, factory)
        self.extractor: Extractor | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "factory": self.factory, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"], state["factory"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        single_threaded()
        self.extractor = self.factory(self.settings)

    def teardown(self, worker: Any) -> None:
        self.extractor = None


_PLUGIN_CLASS = "SanctionwatchPipelinePlugin"


def __getattr__(name: str) -> Any:
    # The WorkerPlugin subclass is made on first use, so importing this module needs no Dask;
    # a worker unpickling a plugin looks the class up by name and lands here too.
    if name == _PLUGIN_CLASS:
        cls = type(name, (PipelinePlugin, _distributed().WorkerPlugin), {"__module__": __name__})
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def worker_plugin(settings: "Settings", factory: Factory) -> Any:
    """A ``distributed.WorkerPlugin`` that holds one pipeline per worker process."""
    cls = globals().get(_PLUGIN_CLASS) or __getattr__(_PLUGIN_CLASS)
    return cls(settings, factory)


def _dask_chunk(name: str, payload: bytes) -> ChunkAnswer:
    plugin = _distributed().get_worker().plugins[name]
    with plugin.lock:
        if plugin.extractor is None:
            raise RuntimeError(f"worker plugin {name} has no pipeline (its setup failed; see the worker log)")
        return answer(plugin.extractor, payload)


def connect(address: str | None, workers: int) -> tuple[Any, Any]:
    """A Dask client: to ``address`` (or $SANCTIONWATCH_DASK_SCHEDULER), else to a new local cluster.

    Returns ``(client, cluster)``; ``cluster`` is None when connecting to an existing scheduler.
    TLS and credentials come from Dask's own configuration, e.g. the environment variables
    DASK_DISTRIBUTED__COMM__TLS__CA_FILE, ..._TLS__CLIENT__CERT and ..._TLS__CLIENT__KEY.
    """
    distributed = _distributed()
    address = address or os.environ.get(SCHEDULER_ENV) or None
    if address:
        return distributed.Client(address), None
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    return distributed.Client(cluster), cluster


def _result(future: Any, grace: float | None = None, poll: float = _POLL_S) -> Any:
    """``future.result()``, but raise NoWorkers once the cluster has had no worker for ``grace`` seconds."""
    grace = NO_WORKERS_GRACE_S if grace is None else grace
    without = 0.0
    while True:
        try:
            return future.result(timeout=poll)
        except TimeoutError:
            if future.client.scheduler_info().get("workers"):
                without = 0.0
                continue
            without += poll
            if without >= grace:
                raise NoWorkers(f"the Dask cluster has had no worker for {without:.0f} s: stopping "
                                "(documents already stored are kept; run the command again to resume)") from None


class DaskEngine:
    """A Dask client as an :class:`~.ordered.Engine`.  The scheduler re-runs a task whose worker died
    on other workers (``allowed-failures``) before giving up with KilledWorker, so a lost chunk is
    split at once."""

    retried_by_scheduler = True

    def __init__(self, client: Any, plugin: str):
        self.client, self.plugin = client, plugin
        self.killed = _distributed().KilledWorker

    def submit(self, payload: bytes) -> Any:
        return self.client.submit(_dask_chunk, self.plugin, payload, pure=False)

    def result(self, handle: Any) -> ChunkAnswer:
        try:
            return _result(handle)
        except self.killed:
            raise WorkerDied from None

    def settle(self, handles: list[Any]) -> None:
        pass  # other chunks run on, on other workers

    def run_alone(self, payload: bytes) -> ChunkAnswer:
        return self.result(self.submit(payload))


def process_distributed(
    settings: "Settings",
    docs: Iterable[Document],
    address: str | None = None,
    workers: int = 2,
    chunk: int = 32,
    max_pending: int | None = None,
    *,
    pipeline: Extractor | None = None,
    factory: Factory | None = None,
    client: Any = None,
) -> Iterator[Result]:
    """Extract prepared ``docs`` on a Dask cluster; yield results (Document or ExtractionFailed) in input order.

    ``address`` None (and no $SANCTIONWATCH_DASK_SCHEDULER) starts a LocalCluster of ``workers``
    processes, closed at the end; otherwise connects to that scheduler and uses its workers.
    An existing ``client`` may be passed instead.  Workers build their extractor with ``factory``
    (default: the class of ``pipeline``).  At most ``max_pending`` chunks are in flight
    (default: 4 per worker), so the input is read lazily and memory stays flat.
    """
    if chunk < 1:
        raise ValueError("chunk must be >= 1")
    _distributed()
    factory = choose_factory(factory, pipeline)
    own = client is None
    cluster = None
    if own:
        client, cluster = connect(address, workers)
    try:
        plugin = worker_plugin(settings, factory)
        client.register_plugin(plugin, name=plugin.name)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending = max_pending if max_pending is not None else 4 * n_workers
        expected = [pipeline.version if pipeline is not None else None]
        yield from run_ordered(DaskEngine(client, plugin.name), chunked(docs, chunk), pending, expected)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()

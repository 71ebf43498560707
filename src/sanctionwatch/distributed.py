"""Extraction on a Dask cluster: the same stage functions, many machines, one writer.

``process_distributed`` ships chunks of *prepared* documents to Dask workers
and yields the extracted documents back **in input order** to the client
process, which alone writes the store.  Nothing of the pipeline is forked:
a worker plugin builds one :class:`~sanctionwatch.pipeline.Pipeline` per
worker process when it joins (so the model is loaded once per worker), and
each task runs :func:`sanctionwatch.parallel.extract_chunk` on it, exactly as
the local process pool does.

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
import pickle
import threading
from collections import deque
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .errors import DaskUnavailable, NoWorkers
from .model import Document
from .parallel import (
    ExtractionFailed, Extractor, Factory, Result, check_version, chunked, default_factory, extract_chunk, pack,
)

if TYPE_CHECKING:
    from .pipeline import Settings

SCHEDULER_ENV = "SANCTIONWATCH_DASK_SCHEDULER"
_PLUGIN_PREFIX = "sanctionwatch-pipeline"


# How long a result may be awaited while the cluster has no worker at all before
# the run stops with NoWorkers, instead of waiting for ever (seen when every
# worker of an overloaded LocalCluster died and its nannies gave up).
NO_WORKERS_GRACE_S = 120.0
_POLL_S = 5.0


def _distributed():
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

    def __init__(self, settings: "Settings", factory: Factory = default_factory):
        self.settings, self.factory = settings, factory
        self.name = plugin_name(settings, factory)
        self.extractor: Extractor | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "factory": self.factory, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"], state["factory"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
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


def worker_plugin(settings: "Settings", factory: Factory = default_factory) -> Any:
    """A ``distributed.WorkerPlugin`` that holds one pipeline per worker process."""
    cls = globals().get(_PLUGIN_CLASS) or __getattr__(_PLUGIN_CLASS)
    return cls(settings, factory)


def _dask_chunk(name: str, payload: bytes) -> tuple[str, list[Result]]:
    from distributed import get_worker

    plugin = get_worker().plugins[name]
    with plugin.lock:
        if plugin.extractor is None:
            raise RuntimeError(f"worker plugin {name} has no pipeline (its setup failed; see the worker log)")
        return plugin.extractor.version, extract_chunk(plugin.extractor, payload)


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


def process_distributed(
    settings: "Settings",
    docs: Iterable[Document],
    address: str | None = None,
    workers: int = 2,
    chunk: int = 32,
    max_pending: int | None = None,
    *,
    pipeline: Extractor | None = None,
    factory: Factory = default_factory,
    client: Any = None,
) -> Iterator[Result]:
    """Extract prepared ``docs`` on a Dask cluster; yield results (Document or ExtractionFailed) in input order.

    ``address`` None (and no $SANCTIONWATCH_DASK_SCHEDULER) starts a LocalCluster of ``workers``
    processes, closed at the end; otherwise connects to that scheduler and uses its workers.
    An existing ``client`` may be passed instead.  At most ``max_pending`` chunks are in flight
    (default: 4 per worker), so the input is read lazily and memory stays flat.
    """
    if chunk < 1:
        raise ValueError("chunk must be >= 1")
    _distributed()
    own = client is None
    cluster = None
    if own:
        client, cluster = connect(address, workers)
    try:
        plugin = worker_plugin(settings, factory)
        client.register_plugin(plugin, name=plugin.name)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending = max(1, max_pending if max_pending is not None else 4 * n_workers)
        expected = [pipeline.version if pipeline is not None else None]
        yield from _ordered(client, plugin.name, chunked(docs, chunk), pending, expected)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


def _ordered(client: Any, name: str, chunks: Iterator[list[Document]], max_pending: int,
             expected: list[str | None]) -> Iterator[Result]:
    inflight: deque[tuple[bytes, Any]] = deque()

    def submit(payload: bytes) -> Any:
        return client.submit(_dask_chunk, name, payload, pure=False)

    def head() -> list[Result]:
        payload, future = inflight.popleft()
        return _gather(future, payload, submit, expected)

    for batch in chunks:
        payload = pack(batch)
        inflight.append((payload, submit(payload)))
        while len(inflight) >= max_pending:
            yield from head()
    while inflight:
        yield from head()


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


def _gather(future: Any, payload: bytes, submit, expected: list[str | None]) -> list[Result]:
    """The result of one chunk; a chunk whose task keeps killing workers is re-run document by
    document, and a document that still kills its worker is marked failed."""
    from distributed import KilledWorker

    try:
        version, results = _result(future)
    except KilledWorker:
        docs: list[Document] = pickle.loads(payload)
        if len(docs) == 1:
            return [ExtractionFailed(docs[0].input, docs[0].doc_id, "extraction failed: worker process died")]
        singles = [(pack([d]), d) for d in docs]
        futures = [(p, submit(p)) for p, _ in singles]
        return [r for p, f in futures for r in _gather(f, p, submit, expected)]
    check_version(version, expected)
    return results

"""Choosing the engine: in this process, on a process pool, or on Dask."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from ..model import Document
from .chunks import Extractor, Result
from .dask_engine import process_distributed
from .pool import process_parallel

if TYPE_CHECKING:
    from ..pipeline import Settings


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
    LocalCluster of ``workers`` processes on this machine.  Workers build the class of ``pipeline``.
    """
    workers = workers if workers is not None else int(getattr(settings, "workers", 1) or 1)
    scheduler = scheduler if scheduler is not None else getattr(settings, "scheduler", None)
    chunk = chunk or int(getattr(settings, "chunk", 0) or 0) or (32 if scheduler else 16)
    if scheduler:
        address = None if scheduler == "local" else scheduler
        return process_distributed(settings, docs, address, workers=max(1, workers), chunk=chunk, pipeline=pipeline)
    return process_parallel(settings, docs, workers, chunk, pipeline=pipeline)

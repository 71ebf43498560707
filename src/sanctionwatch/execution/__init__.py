"""Extraction on many processes or machines, with one writer: one chunk protocol, one loop, three engines.

* :mod:`.chunks`       the chunk protocol: packing, extracting a chunk, results, version checks
* :mod:`.ordered`      the one bounded in-order loop and the one recovery from a dead worker
* :mod:`.pool`         engine: a process pool on this machine
* :mod:`.dask_engine`  engine: a Dask cluster (optional extra, imported when used)
* :mod:`.ray_engine`   engine: Ray actors (optional extra, imported when used)
* :mod:`.stream`       choosing the engine from the settings

Nothing here imports the pipeline: workers build the class of the caller's
pipeline (or what ``factory`` gives), so pipeline -> execution is one-way.
"""

from .chunks import ExtractionFailed, Extractor, Factory, Result, check_version, chunked, extract_chunk, pack
from .dask_engine import SCHEDULER_ENV, process_distributed
from .ordered import Engine, WorkerDied, run_ordered
from .pool import START_METHOD_ENV, process_parallel
from .ray_engine import process_ray
from .stream import extract_stream

__all__ = [
    "Engine", "ExtractionFailed", "Extractor", "Factory", "Result", "SCHEDULER_ENV", "START_METHOD_ENV",
    "WorkerDied", "check_version", "chunked", "extract_chunk", "extract_stream", "pack", "process_distributed",
    "process_parallel", "process_ray", "run_ordered",
]

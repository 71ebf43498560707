"""The chunk protocol every engine speaks: documents travel packed in chunks, results come back per chunk.

A chunk is a list of *prepared* documents pickled once (:func:`pack`): shipped
as bytes, and kept pristine so a chunk that fails can be re-run document by
document.  A worker answers ``(pipeline version, results)``; each result is the
extracted :class:`Document` or an :class:`ExtractionFailed` marker, and the
caller refuses a version other than the first it saw (:func:`check_version`),
since results would be stored under the wrong one.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol

from ..errors import WorkerVersionMismatch
from ..model import Document

if TYPE_CHECKING:  # the settings type only; execution never imports the pipeline at run time
    from ..pipeline import Settings

# Each worker is one core's worth of work; BLAS thread pools inside it would
# only fight the other workers for the same cores.
SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class ExtractionFailed:
    """A document whose extraction raised (or killed its worker): nothing extracted is kept."""

    input: str
    doc_id: str
    reason: str


Result = Document | ExtractionFailed
ChunkAnswer = tuple[str, list[Result]]  # (pipeline version, results in chunk order)


class Extractor(Protocol):
    """What a worker needs from a pipeline: ``process`` and the ``version`` it stamps results with."""

    version: str

    def process(self, docs: Iterable[Document]) -> Iterator[Document]: ...


Factory = Callable[["Settings"], Extractor]


def choose_factory(factory: Factory | None, pipeline: Extractor | None) -> Factory:
    """The factory workers build their extractor with: the one given, else the caller's pipeline class."""
    if factory is not None:
        return factory
    if pipeline is None:
        raise ValueError("give the pipeline in use or a factory that builds one per worker")
    return type(pipeline)  # type: ignore[return-value]


def single_threaded() -> None:
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")


def pack(docs: list[Document]) -> bytes:
    """A chunk as bytes: shipped once, and kept pristine so a failed batch can be re-run per document."""
    return pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(payload: bytes) -> list[Document]:
    return pickle.loads(payload)


def extract_chunk(extractor: Extractor, payload: bytes) -> list[Result]:
    """Extract every document of a packed chunk; one bad document costs only itself.

    The whole chunk goes through ``process`` in one call (spaCy batching); if
    anything raises, the chunk is unpacked afresh, because ``process`` mutates
    documents in place, and re-run one document at a time.
    """
    docs = unpack(payload)
    try:
        out = list(extractor.process(docs))
        if len(out) == len(docs):
            return list(out)
    except Exception:  # noqa: BLE001 - isolate below, document by document
        pass
    results: list[Result] = []
    for doc in unpack(payload):
        try:
            out = list(extractor.process([doc]))
            if len(out) != 1:
                raise RuntimeError(f"the pipeline returned {len(out)} documents for one")
            results += out
        except Exception as exc:  # noqa: BLE001 - any extractor bug becomes a skipped input
            results.append(ExtractionFailed(doc.input, doc.doc_id, f"extraction failed: {type(exc).__name__}: {exc}"))
    return results


def answer(extractor: Extractor, payload: bytes) -> ChunkAnswer:
    """What a worker sends back for one chunk."""
    return extractor.version, extract_chunk(extractor, payload)


def chunked(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    if size < 1:
        raise ValueError("chunk must be >= 1")
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def check_version(version: str, expected: list[str | None], who: str = "a worker") -> None:
    """The first version a worker reports becomes ``expected[0]``; a worker reporting another stops
    the run rather than let results be stored under the wrong version (pool, Dask and Ray alike)."""
    if expected[0] is None:
        expected[0] = version
    elif version != expected[0]:
        raise WorkerVersionMismatch(f"{who} runs pipeline version {version}, which differs from {expected[0]}: "
                                    "workers must have the same sanctionwatch code, model and data files")


def died(doc: Document) -> ExtractionFailed:
    return ExtractionFailed(doc.input, doc.doc_id, "extraction failed: worker process died")



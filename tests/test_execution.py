"""The one in-order loop and worker-death recovery every engine shares, driven by an in-process engine.

The engine below runs chunks in this process and "dies" on any chunk holding a
document that says DIE, as a segfaulting worker would; the loop must bound
what is in flight, keep input order, and find the poison document alone.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import pytest

from sanctionwatch.errors import WorkerVersionMismatch
from sanctionwatch.execution import ExtractionFailed, WorkerDied, chunked, run_ordered
from sanctionwatch.execution.chunks import ChunkAnswer, answer, unpack
from sanctionwatch.model import Document


class Upper:
    version = "v1"

    def process(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if "BOOM" in doc.text:
                raise ValueError("extractor bug")
            doc.title = doc.text.upper()
            yield doc


class FakeEngine:
    def __init__(self, retried_by_scheduler: bool = False, versions: Iterator[str] | None = None):
        self.retried_by_scheduler = retried_by_scheduler
        self.versions = versions
        self.pending: dict[int, bytes] = {}
        self.max_inflight = 0
        self.alone_runs: list[int] = []  # chunk sizes re-run alone
        self.settled = 0

    def _run(self, payload: bytes) -> ChunkAnswer:
        if any("DIE" in d.text for d in unpack(payload)):
            raise WorkerDied
        version, results = answer(Upper(), payload)
        return (next(self.versions) if self.versions else version), results

    def submit(self, payload: bytes) -> int:
        handle = self.next_handle = getattr(self, "next_handle", 0) + 1
        self.pending[handle] = payload
        self.max_inflight = max(self.max_inflight, len(self.pending))
        return handle

    def result(self, handle: int) -> ChunkAnswer:
        return self._run(self.pending.pop(handle))

    def settle(self, handles: list[Any]) -> None:
        self.settled += 1

    def run_alone(self, payload: bytes) -> ChunkAnswer:
        self.alone_runs.append(len(unpack(payload)))
        return self._run(payload)


def docs(n: int, special: dict[int, str] | None = None) -> list[Document]:
    special = special or {}
    return [Document(doc_id=f"d{i}", text=special.get(i, f"note {i}"), input=f"{i}.txt") for i in range(n)]


def outcome(results: list[Any]) -> list[str]:
    return [f"failed:{r.doc_id}:{r.reason.split(':')[-1].strip()}" if isinstance(r, ExtractionFailed) else r.doc_id
            for r in results]


@pytest.mark.parametrize("n, chunk, max_pending", [(0, 3, 2), (1, 3, 2), (10, 3, 1), (25, 4, 3), (25, 1, 5)])
def test_results_come_back_in_order_with_bounded_flight(n: int, chunk: int, max_pending: int) -> None:
    engine = FakeEngine()
    results = list(run_ordered(engine, chunked(docs(n), chunk), max_pending, [None]))
    assert outcome(results) == [f"d{i}" for i in range(n)]
    assert engine.max_inflight <= max_pending


@pytest.mark.parametrize("retried, alone_runs", [
    (False, [4, 1, 1, 1, 1]),  # the pool and Ray: the lost chunk alone, then each of its documents
    (True, [1, 1, 1, 1]),  # Dask already re-ran the task elsewhere: split at once
])
def test_a_poison_document_is_found_alone(retried: bool, alone_runs: list[int]) -> None:
    engine = FakeEngine(retried_by_scheduler=retried)
    results = list(run_ordered(engine, chunked(docs(12, {5: "DIE now"}), 4), 2, [None]))
    expected = [f"d{i}" for i in range(12)]
    expected[5] = "failed:d5:worker process died"
    assert outcome(results) == expected
    assert engine.alone_runs == alone_runs and engine.settled == 1


def test_an_extractor_bug_costs_only_its_document() -> None:
    results = list(run_ordered(FakeEngine(), chunked(docs(6, {2: "BOOM"}), 3), 2, [None]))
    assert outcome(results) == ["d0", "d1", "failed:d2:extractor bug", "d3", "d4", "d5"]


def test_a_worker_on_another_pipeline_version_stops_the_run() -> None:
    engine = FakeEngine(versions=iter(["v1", "v1", "v2", "v1"]))
    with pytest.raises(WorkerVersionMismatch, match="differs"):
        list(run_ordered(engine, chunked(docs(12), 3), 2, [None]))


def test_a_chunk_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        list(chunked(docs(3), 0))

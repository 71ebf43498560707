"""Distributed extraction on a local Dask cluster (2 worker processes) gives what one process gives."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

import pytest

pytest.importorskip("distributed", reason='Dask is not installed (pip install "dask[distributed]"): distributed mode untested')

from sanctionwatch.execution.dask_engine import process_distributed  # noqa: E402
from sanctionwatch.model import Document, Sentence  # noqa: E402
from sanctionwatch.execution import ExtractionFailed  # noqa: E402
from sanctionwatch.pipeline import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


class WordCounter:
    """Stand-in pipeline: one Sentence per line, tagged with the worker's pid; 'BOOM' raises."""

    version = "test-1"

    def process(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if "BOOM" in doc.text:
                raise ValueError("bad document")
            doc.sentences = [Sentence(0, len(doc.text), doc.text)]
            doc.meta["pid"] = os.getpid()
            yield doc


def word_counter(settings: Settings) -> WordCounter:
    return WordCounter()


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as c:
        yield c


def test_results_are_in_input_order_and_one_bad_document_costs_only_itself(client):
    docs = [Document(doc_id=f"d{i}", text="BOOM" if i == 13 else f"text {i}", input=f"in/{i}") for i in range(50)]
    results = list(process_distributed(Settings(), docs, chunk=3, max_pending=4, client=client, factory=word_counter))
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(50)]
    failed = [r for r in results if isinstance(r, ExtractionFailed)]
    assert [(f.doc_id, f.reason) for f in failed] == [("d13", "extraction failed: ValueError: bad document")]
    ok = [r for r in results if not isinstance(r, ExtractionFailed)]
    assert all(r.sentences[0].text == f"text {r.doc_id[1:]}" for r in ok)
    assert len({r.meta["pid"] for r in ok}) == 2, "both workers should have taken chunks"


@pytest.mark.slow
def test_distributed_store_equals_single_process_store(client, tmp_path):
    from sanctionwatch.ingest import IngestError, iter_raw
    from sanctionwatch.pipeline import Pipeline
    from sanctionwatch.store import Store

    pipeline = Pipeline(Settings())
    prepared = [pipeline.prepare(raw) for raw in iter_raw([str(CORPUS)]) if not isinstance(raw, IngestError)]
    assert len(prepared) >= 20

    def fresh() -> list[Document]:
        return [pipeline.prepare(raw) for raw in iter_raw([str(CORPUS)]) if not isinstance(raw, IngestError)]

    stores = {}
    for mode in ("single", "dask"):
        docs = fresh()
        stream = (pipeline.process(docs) if mode == "single"
                  else process_distributed(pipeline.settings, docs, chunk=4, client=client, pipeline=pipeline))
        with Store(tmp_path / f"{mode}.db") as store:
            for result in stream:
                assert not isinstance(result, ExtractionFailed), result
                store.save_document(result, pipeline.version)
        with Store(tmp_path / f"{mode}.db", readonly=True) as store:
            stores[mode] = {doc_id: store.get_document(doc_id).to_dict() for doc_id in store.doc_ids()}

    assert len(stores["single"]) == len(prepared)
    assert stores["dask"].keys() == stores["single"].keys()
    for doc_id, record in stores["single"].items():
        assert stores["dask"][doc_id] == record, doc_id


def test_a_cluster_without_workers_stops_the_run_instead_of_hanging():
    import time

    from distributed import Client, LocalCluster

    from sanctionwatch.execution.dask_engine import NoWorkers, _result

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as c:
        cluster.scale(0)
        deadline = time.monotonic() + 60
        while c.scheduler_info().get("workers") and time.monotonic() < deadline:
            time.sleep(0.2)
        future = c.submit(sum, [1, 2], pure=False)
        with pytest.raises(NoWorkers, match="no worker"):
            _result(future, grace=1.0, poll=0.5)
        c.cluster.scale(1)
        c.wait_for_workers(1, timeout=60)
        assert _result(future, grace=1.0, poll=0.5) == 3  # and a cluster that has workers is simply waited on

"""Extraction on Ray actors (a private local Ray instance, 2 actors) gives what one process gives."""

from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install ray): Ray mode untested")

from sanctionwatch.execution.ray_engine import init_local, process_ray, start_actors, stop_actors  # noqa: E402
from sanctionwatch.ingest import RawInput  # noqa: E402
from sanctionwatch.model import Document, Sentence  # noqa: E402
from sanctionwatch.execution import ExtractionFailed  # noqa: E402
from sanctionwatch.pipeline import Settings  # noqa: E402


class LineCounter:
    """Stand-in pipeline: one Sentence per document, tagged with the actor's pid.
    A document 'BOOM' raises; a document 'DIE' kills the actor's process."""

    version = "test-1"

    def process(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if doc.text == "BOOM":
                raise ValueError("bad document")
            if doc.text == "DIE":
                os._exit(13)
            doc.sentences = [Sentence(0, len(doc.text), doc.text)]
            doc.meta["pid"] = os.getpid()
            doc.warnings.append("counted")  # would show twice if a retried document were not fresh
            yield doc


def line_counter(settings: Settings) -> LineCounter:
    return LineCounter()


class PidVersion(LineCounter):
    def __init__(self) -> None:
        self.version = f"pid-{os.getpid()}"


def pid_version(settings: Settings) -> PidVersion:
    return PidVersion()


def broken(settings: Settings) -> LineCounter:
    raise FileNotFoundError("no such model: en_core_web_nothing")


@pytest.fixture(scope="module")
def local_ray():
    init_local(2)
    # The stand-ins above live in this test module, which Ray workers cannot import by name.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield
    ray.cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    ray.shutdown()


def docs_with(special: dict[int, str], n: int = 40) -> list[Document]:
    return [Document(doc_id=f"d{i}", text=special.get(i, f"text {i}"), input=f"in/{i}") for i in range(n)]


def test_results_are_in_input_order_and_one_bad_document_costs_only_itself(local_ray):
    results = list(process_ray(Settings(), docs_with({13: "BOOM"}), chunk=3, max_pending=4, factory=line_counter))
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(40)]
    failed = [r for r in results if isinstance(r, ExtractionFailed)]
    assert [(f.doc_id, f.reason) for f in failed] == [("d13", "extraction failed: ValueError: bad document")]
    ok = [r for r in results if not isinstance(r, ExtractionFailed)]
    assert all(r.sentences[0].text == f"text {r.doc_id[1:]}" and r.warnings == ["counted"] for r in ok)
    assert len({r.meta["pid"] for r in ok}) == 2, "both actors should have taken chunks"


def test_a_document_that_kills_its_actor_is_marked_failed_and_the_rest_survive(local_ray):
    actors = start_actors(Settings(), 2, line_counter)
    try:
        results = list(process_ray(Settings(), docs_with({7: "DIE"}, 24), chunk=4, actors=actors))
    finally:
        stop_actors(actors)
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(24)]
    failed = [(r.doc_id, r.reason) for r in results if isinstance(r, ExtractionFailed)]
    assert failed == [("d7", "extraction failed: worker process died")]
    assert all(r.warnings == ["counted"] for r in results if not isinstance(r, ExtractionFailed))


def test_actors_with_different_pipeline_versions_stop_the_run(local_ray):
    with pytest.raises(RuntimeError, match="pipeline version"):
        list(process_ray(Settings(), docs_with({}, 16), chunk=2, factory=pid_version))


def test_a_pipeline_that_cannot_be_built_fails_before_any_document_is_sent(local_ray):
    with pytest.raises(RuntimeError, match="could not build its pipeline"):
        start_actors(Settings(), 2, broken)


def test_chunk_must_be_positive(local_ray):
    with pytest.raises(ValueError):
        list(process_ray(Settings(), docs_with({}, 2), chunk=0, factory=line_counter))


ARTICLES = {
    "seizure.txt": (
        "SEOUL, March 3 (Demo Wire) - South Korea's coast guard said on Tuesday it had detained the tanker "
        "Blue Lantern, which it accused of transferring 1,200 tonnes of refined oil to a North Korean vessel.\n\n"
        "North Korea's foreign ministry dismissed the report as a fabrication."),
    "cyber.txt": (
        "The U.N. Panel of Experts alleged that the Lazarus Group stole about $300 million in cryptocurrency "
        "in 2025.\n\nA Treasury spokesperson said the money was reportedly used to fund missile programmes."),
    "launch.txt": (
        "TOKYO - Japan's Ministry of Defense said North Korea fired a short-range ballistic missile into the "
        "Sea of Japan on Friday.\n\nKim Yo Jong called the criticism a groundless smear."),
    "empty-ish.txt": "Sanctions.",
}


@pytest.mark.slow
def test_real_pipeline_on_ray_equals_single_process(local_ray):
    from sanctionwatch.pipeline import Pipeline

    pipeline = Pipeline(Settings())

    def prepared() -> list[Document]:
        return [pipeline.prepare(RawInput(name, "text", text, {})) for name, text in ARTICLES.items()]

    single = [d.to_dict() for d in pipeline.process(prepared())]
    on_ray = list(process_ray(pipeline.settings, prepared(), chunk=1, pipeline=pipeline))
    assert not [r for r in on_ray if isinstance(r, ExtractionFailed)]
    assert [d.to_dict() for d in on_ray] == single
    assert any(d["attributions"] for d in single), "the fixture should exercise attribution extraction"

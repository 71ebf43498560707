"""Parallel extraction: order, bounded memory, failure isolation, and resuming after SIGKILL.

The first tests drive ``process_parallel`` with a small stand-in extractor
(defined here, importable by spawned workers) so they exercise the pool
logic without loading spaCy; the last ones run the real CLI.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from sanctionwatch.model import Argument, Attribution, Document, Entity, Event, Fragment, Mention, Quantity, Sentence, TimeValue
from sanctionwatch.execution import ExtractionFailed, extract_chunk, pack, process_parallel
from sanctionwatch.pipeline import Settings

ROOT = Path(__file__).resolve().parents[1]


class LineSplitter:
    """Stand-in pipeline: one Sentence per line.  A line 'BOOM' raises; a line 'DIE' kills the process."""

    version = "test-1"

    def process(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if "BOOM" in doc.text.splitlines():
                raise ValueError("bad document")
            if "DIE" in doc.text.splitlines():
                os._exit(13)
            pos, sentences = 0, []
            for line in doc.text.splitlines(keepends=True):
                if line.strip():
                    sentences.append(Sentence(pos, pos + len(line.rstrip("\n")), line.rstrip("\n")))
                pos += len(line)
            doc.sentences = sentences
            doc.warnings.append("split")  # would show twice if a retried document were not fresh
            yield doc


def line_splitter(settings: Settings) -> LineSplitter:
    return LineSplitter()


class PidVersion(LineSplitter):
    def __init__(self) -> None:
        self.version = f"pid-{os.getpid()}"


def pid_version(settings: Settings) -> PidVersion:
    return PidVersion()


def make_docs(n: int, bad: dict[int, str] | None = None) -> list[Document]:
    bad = bad or {}
    return [Document(doc_id=f"d{i:04d}", text=f"article {i}\n{bad.get(i, 'body')}\nend {i}\n", input=f"in/{i}")
            for i in range(n)]


def outcome(results) -> list[tuple[str, object]]:
    return [(r.doc_id, r.reason if isinstance(r, ExtractionFailed) else [s.text for s in r.sentences] + r.warnings)
            for r in results]


def expected(n: int, bad: dict[int, str] | None = None) -> list[tuple[str, object]]:
    bad = bad or {}
    out = []
    for i in range(n):
        if i in bad:
            reason = "extraction failed: ValueError: bad document" if bad[i] == "BOOM" else "extraction failed: worker process died"
            out.append((f"d{i:04d}", reason))
        else:
            out.append((f"d{i:04d}", [f"article {i}", "body", f"end {i}", "split"]))
    return out


@pytest.mark.parametrize("workers, chunk, max_pending", [(1, 4, None), (2, 1, 1), (2, 4, 2), (3, 7, None)])
def test_results_come_back_complete_and_in_input_order(workers, chunk, max_pending):
    results = process_parallel(Settings(), make_docs(37), workers, chunk, max_pending, factory=line_splitter)
    assert outcome(results) == expected(37)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_exception_in_one_document_costs_only_that_document(workers):
    bad = {5: "BOOM", 6: "BOOM", 17: "BOOM"}
    results = list(process_parallel(Settings(), make_docs(20, bad), workers, chunk=4, factory=line_splitter))
    assert outcome(results) == expected(20, bad)


def test_a_document_that_kills_its_worker_is_marked_failed_and_the_run_goes_on():
    bad = {9: "DIE"}
    results = list(process_parallel(Settings(), make_docs(24, bad), 2, chunk=4, max_pending=3, factory=line_splitter))
    assert outcome(results) == expected(24, bad)


def test_input_is_read_lazily_with_a_bounded_number_of_documents_in_flight():
    workers, chunk, max_pending = 2, 3, 2
    pulled = 0

    def source() -> Iterator[Document]:
        nonlocal pulled
        for doc in make_docs(60):
            pulled += 1
            yield doc

    ahead = []
    for yielded, _ in enumerate(process_parallel(Settings(), source(), workers, chunk, max_pending, factory=line_splitter), 1):
        ahead.append(pulled - yielded)
    assert len(ahead) == 60
    # in flight: max_pending chunks, plus the chunk being yielded from
    assert max(ahead) <= chunk * (max_pending + 1)


def test_workers_on_a_different_pipeline_version_are_refused():
    with pytest.raises(RuntimeError, match="differs"):
        list(process_parallel(Settings(), make_docs(8), 2, chunk=2, pipeline=LineSplitter(), factory=pid_version))


def test_extract_chunk_retries_from_pristine_copies():
    docs = make_docs(3, {1: "BOOM"})
    results = extract_chunk(LineSplitter(), pack(docs))
    assert outcome(results) == expected(3, {1: "BOOM"})


def test_extracted_documents_survive_pickling():
    text = "OFAC said the tanker moved 5,000 barrels in March 2019."
    doc = Document(doc_id="x", text=text, input="x.txt")
    doc.sentences = [Sentence(0, len(text), text)]
    doc.entities = [Entity("ofac", "OFAC", "ORG", [Mention(0, 4, "OFAC", "ORG")], "Q1")]
    doc.attributions = [Attribution([doc.fragment(0, 4)], [doc.fragment(5, 9)], [doc.fragment(10, 55)], "allege", True)]
    doc.events = [Event("sts_transfer", doc.fragment(21, 26), [Argument("agent", 10, 20, "the tanker", None)],
                        Quantity(5000, "barrel", False, "5,000 barrels"), TimeValue("March 2019", "2019-03-01", "2019-03-31", "month"),
                        "alleged", 0, Fragment(0, len(text), text))]
    assert pickle.loads(pickle.dumps(doc)).to_dict() == doc.to_dict()


# -- the real CLI: kill -9 mid-run, resume, compare with a clean run ---------------

def _gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "sanctionwatch.cli", *args]


def _workers_wired() -> bool:
    return "workers" in Settings.__dataclass_fields__


def _stored_count(db: Path | str) -> int:
    from sanctionwatch.store import Store, StoreError, is_url

    if is_url(str(db)):
        try:
            with Store(str(db), readonly=True) as store:
                return store.count("documents")
        except StoreError:  # not migrated yet
            return 0
    db = Path(db)
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _snapshot(db: Path) -> dict[str, dict]:
    from sanctionwatch.store import Store

    with Store(db, readonly=True) as store:
        return {doc_id: store.get_document(doc_id).to_dict() for doc_id in store.doc_ids()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "synthetic.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        _gen_corpus().write_jsonl(fh, 240, seed=11)
    return path


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> dict[str, dict]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    subprocess.run(_cli("ingest", str(corpus), "--db", str(db), "--no-progress"), check=True, cwd=ROOT,
                   capture_output=True)
    return _snapshot(db)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [
    1,
    pytest.param(2, marks=pytest.mark.skipif(not _workers_wired(), reason=(
        "--workers is not wired yet: needs Settings.workers and the process_parallel hook in Pipeline.run "
        "and the --workers option in cli.py"))),
])
def test_a_run_killed_with_sigkill_resumes_with_nothing_lost_or_duplicated(workers, corpus, clean_run, tmp_path):
    db = tmp_path / "killed.db"
    _kill_and_resume(db, workers, corpus, clean_run)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_a_postgres_run_killed_with_sigkill_resumes_with_nothing_lost_or_duplicated(corpus, clean_run, pg_url):
    _kill_and_resume(pg_url, 2, corpus, clean_run)


def _kill_and_resume(db: Path | str, workers: int, corpus: Path, clean_run: dict[str, dict]) -> None:
    """Kill a real `ingest` run with SIGKILL part-way, run it again, and compare with an uninterrupted run."""
    from sanctionwatch.store import Store

    extra = ["--workers", str(workers)] if workers > 1 else []
    args = _cli("ingest", str(corpus), "--db", str(db), "--no-progress", *extra)
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while _stored_count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None, "the run finished before it could be killed: make the corpus larger"
        workers_pids = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(_alive(p) for p in workers_pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in workers_pids if _alive(p)], "pool workers outlived the killed writer"
    finally:
        try:  # its pool workers too, should any outlive their parent
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    stored_when_killed = _stored_count(db)
    assert 0 < stored_when_killed < len(clean_run)

    done = subprocess.run(args + ["--format", "json"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["unchanged"] == stored_when_killed
    assert summary["stored"] == len(clean_run) - stored_when_killed

    with Store(str(db), readonly=True) as store:
        rows = tuple(store.conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone())
        inputs = tuple(store.conn.execute("SELECT count(*), count(DISTINCT input) FROM documents").fetchone())
    assert rows == (len(clean_run), len(clean_run))
    assert inputs == (len(clean_run), len(clean_run))
    resumed = _snapshot(db)
    assert resumed.keys() == clean_run.keys()
    for doc_id, record in clean_run.items():
        assert resumed[doc_id] == record, doc_id


# -- reprocess: only documents stored by another pipeline version ---------------------

def _store_demo(pipeline, db: Path, n: int = 4) -> list[str]:
    from sanctionwatch.ingest import iter_raw
    from sanctionwatch.store import Store

    files = sorted((ROOT / "examples" / "corpus").glob("*.txt"))[:n]
    docs = [pipeline.prepare(raw) for raw in iter_raw([str(f) for f in files])]
    with Store(db) as store:
        for doc in pipeline.process(docs):
            store.save_document(doc, pipeline.version)
        # the store writes ingested_at and never reads it: a rewritten row loses the mark
        with store.transaction() as c:
            c.execute("UPDATE documents SET ingested_at = 'mark'")
    return [d.doc_id for d in docs]


def _reprocess(db: Path, *args: str) -> dict:
    from click.testing import CliRunner

    from sanctionwatch.cli import main

    result = CliRunner().invoke(main, ["reprocess", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _rows(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return {d: (v, i) for d, v, i in conn.execute("SELECT doc_id, pipeline_version, ingested_at FROM documents")}


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_reprocess_reruns_only_documents_from_another_pipeline_version(pipeline, tmp_path, workers):
    db = tmp_path / "r.db"
    ids = _store_demo(pipeline, db)
    before = _snapshot(db)
    stale = ids[1]
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET pipeline_version = '0.0.0+old' WHERE doc_id = ?", (stale,))

    summary = _reprocess(db, "--workers", str(workers))

    assert (summary["candidates"], summary["reprocessed"], summary["failed"]) == (1, 1, [])
    rows = _rows(db)
    assert {d for d, (_, mark) in rows.items() if mark != "mark"} == {stale}
    assert {v for v, _ in rows.values()} == {pipeline.version}
    assert _snapshot(db) == before  # same text, same code: the same extraction, offsets intact
    assert _reprocess(db)["candidates"] == 0


@pytest.mark.slow
def test_reprocess_all_rewrites_every_document(pipeline, tmp_path):
    db = tmp_path / "r.db"
    ids = _store_demo(pipeline, db, n=3)
    summary = _reprocess(db, "--all")
    assert summary["reprocessed"] == len(ids) == 3
    assert all(mark != "mark" for _, mark in _rows(db).values())

"""Shared fixtures: the spaCy model (loaded once), the shared data folder, a pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    env = os.environ.get("SANCTIONWATCH_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent (set SANCTIONWATCH_SHARED): real-data checks skipped")
    return path


@pytest.fixture(scope="session")
def seeds(shared) -> dict[str, str]:
    files = sorted((shared / "seeds").glob("*.txt"))
    if not files:
        pytest.skip("../shared/seeds has no articles")
    return {f.name: f.read_text(encoding="utf-8") for f in files}


@pytest.fixture(scope="session")
def nlp():
    from sanctionwatch.read import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline():
    from sanctionwatch.pipeline import Pipeline

    return Pipeline()


# -- stores: every test that takes ``store_target`` runs against SQLite and PostgreSQL --------

REQUIRE_POSTGRES = os.environ.get("SANCTIONWATCH_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a PostgreSQL server for the tests: $SANCTIONWATCH_TEST_PG_URL, or a throwaway
    one started from Debian's binaries (``make test`` installs them).  Skips when neither is
    available, unless $SANCTIONWATCH_REQUIRE_POSTGRES=1 (CI), where that is a failure."""
    url = os.environ.get("SANCTIONWATCH_TEST_PG_URL")
    if url:
        yield url
        return
    from postgres_server import TempPostgres, find_bin

    if find_bin() is None:
        if REQUIRE_POSTGRES:
            pytest.fail("PostgreSQL is required ($SANCTIONWATCH_REQUIRE_POSTGRES=1) but initdb/pg_ctl are missing")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql): PostgreSQL runs skipped")
    server = TempPostgres()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def pg_url(postgres_server, request):
    """A fresh, empty database on the test server, dropped afterwards."""
    import re
    import uuid

    import psycopg

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:40] + "_" + uuid.uuid4().hex[:8]
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path) -> str:
    """Where to put a store: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "sw.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def agents_by_pipeline(pipeline):
    """The agent entities of each event of one type, read by the whole pipeline (attributions first, so that what
    the events layer takes from who speaks is there): one list of entity ids per event."""
    from sanctionwatch.model import Document

    def run(text: str, type_: str, published: str = "2024-05-02"):
        doc = next(iter(pipeline.process([Document(doc_id="a", text=text, published=published)])))
        return [[a.entity for a in e.arguments if a.role == "agent"] for e in doc.events if e.type == type_]
    return run


@pytest.fixture(scope="session")
def parse_events(nlp):
    """Parse one text of a test's own, resolve its actors and extract its events: (document, events)."""
    from sanctionwatch.actors import resolve_entities
    from sanctionwatch.events import extract_events
    from sanctionwatch.model import Document
    from sanctionwatch.read import parse

    def run(text: str, published: str | None = "2024-04-05"):
        parsed = parse(nlp, text)
        doc = Document(doc_id="t", text=text, published=published)
        doc.entities = resolve_entities(parsed)
        return doc, extract_events(parsed, doc)

    return run


@pytest.fixture(scope="session")
def events_of(parse_events):
    """The events of one text of a test's own, published on 12 March 2024 unless the test says otherwise."""
    return lambda text, published="2024-03-12": parse_events(text, published)[1]


@pytest.fixture(scope="session")
def attributions_of(nlp):
    """Extract the attributions of one text of a test's own, checking every offset; ``resolve=True`` resolves
    its actors first.  Skips when the CRF (python-crfsuite) or its trained model is missing."""
    pytest.importorskip("pycrfsuite")
    from sanctionwatch.actors import resolve_entities
    from sanctionwatch.attribution import extract_attributions
    from sanctionwatch.attribution.tagger import model_path
    from sanctionwatch.read import parse

    if not model_path().is_file():  # pragma: no cover
        pytest.skip("attribution model not built (training/train_attribution.py)")

    def run(text: str, resolve: bool = False):
        parsed = parse(nlp, text)
        atts = extract_attributions(parsed, resolve_entities(parsed) if resolve else None)
        for a in atts:
            for f in a.source + a.cue + a.content:
                assert text[f.start : f.end] == f.text
        return atts

    return run

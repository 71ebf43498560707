"""The demo corpus end to end into SQLite and into PostgreSQL: the same evidence, cases, search and reports.

Both stores are written by the real command line (`sanctionwatch run ... --db PATH|URL`),
so this covers URL handling, migrations, bulk loading, linking and reporting on each backend.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctionwatch.cli import EXIT_OK, EXIT_PARTIAL, main
from sanctionwatch.model import check_offsets
from sanctionwatch.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
pytestmark = pytest.mark.slow

TABLES = ("documents", "inputs", "ignored", "sentences", "entities", "mentions", "attributions", "events",
          "cases", "case_members", "case_actors", "case_sources")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, postgres_server):
    """Run the demo corpus once into each backend (module scope: ~10 s each)."""
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS backends_e2e WITH (FORCE)")
        admin.execute("CREATE DATABASE backends_e2e")
    base = tmp_path_factory.mktemp("backends")
    targets = {"sqlite": str(base / "demo.db"), "postgresql": postgres_server.rsplit("/", 1)[0] + "/backends_e2e"}
    out = {}
    for name, target in targets.items():
        report = base / f"report-{name}"
        result = CliRunner().invoke(main, ["run", str(CORPUS), "--db", target, "--report", str(report),
                                           "--format", "json", "--no-progress"])
        assert result.exit_code in (EXIT_OK, EXIT_PARTIAL), result.output
        out[name] = {"db": target, "report": report, "summary": json.loads(result.stdout)}
    yield out
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS backends_e2e WITH (FORCE)")


def test_the_run_summaries_agree(runs):
    lite, pg = runs["sqlite"]["summary"], runs["postgresql"]["summary"]
    assert lite["stored"] == pg["stored"] == 30
    for key in ("inputs", "unchanged", "skipped", "entities", "attributions", "events"):
        assert lite[key] == pg[key], key


def test_every_table_holds_the_same_rows(runs):
    with Store(runs["sqlite"]["db"], readonly=True) as lite, Store(runs["postgresql"]["db"], readonly=True) as pg:
        for table in TABLES:
            assert lite.count(table) == pg.count(table), table
        assert lite.doc_ids() == pg.doc_ids()
        for doc_id in lite.doc_ids():
            a, b = lite.get_document(doc_id).to_dict(), pg.get_document(doc_id).to_dict()
            assert a == b, doc_id
            assert check_offsets(b) == []


def test_the_cases_are_the_same(runs):
    sql = ("SELECT case_id, type, status, independent_sources, time_start, time_end, quantity_value, json"
           " FROM cases ORDER BY case_id")
    with Store(runs["sqlite"]["db"], readonly=True) as lite, Store(runs["postgresql"]["db"], readonly=True) as pg:
        cases = [tuple(r) for r in lite.conn.execute(sql)]
        assert cases and cases == [tuple(r) for r in pg.conn.execute(sql)]
        statuses = {r[2] for r in cases}
        assert {"corroborated", "single-source"} <= statuses


@pytest.mark.parametrize("query", ["munitions", "containers OR artillery", '"ship-to-ship"', "Hwasong*", "Kim NOT Yo"])
def test_search_finds_the_same_sentences(runs, query):
    with Store(runs["sqlite"]["db"], readonly=True) as lite, Store(runs["postgresql"]["db"], readonly=True) as pg:
        a = {(h["doc_id"], h["idx"]) for h in lite.search(query, limit=1000)}
        b = {(h["doc_id"], h["idx"]) for h in pg.search(query, limit=1000)}
        assert a and a == b


@pytest.mark.parametrize("name", ["evidence.md", "cases.md", "cases.html", "evidence.html"])
def test_the_reports_are_the_same(runs, name):
    a = (runs["sqlite"]["report"] / name).read_text(encoding="utf-8")
    b = (runs["postgresql"]["report"] / name).read_text(encoding="utf-8")
    assert a == b

"""End-to-end: the pipeline, the CLI and the JSON contract."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.cli import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, main
from sanctionwatch.ingest import RawInput
from sanctionwatch.model import check_offsets
from sanctionwatch.store import Store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads(resources.files("sanctionwatch.schema").joinpath("document.schema.json").read_text())

STORY = (
    "SEOUL, March 4 (Demo Wire) -- South Korea's defence ministry said on Monday that the North had shipped "
    "some 7,000 containers of munitions to Russia since August.\n\n"
    "Pyongyang denied the claim. \"We have never exported weapons to any country,\" Kim Yo Jong said in a statement "
    "carried by KCNA.\n\nLeave a Comment\n"
)


def run_one(pipeline, text: str, label: str = "t.txt", **hints):
    doc = pipeline.prepare(RawInput(label, "text", text, hints))
    return next(pipeline.process([doc]))


def test_story_end_to_end(pipeline):
    doc = run_one(pipeline, STORY, published="2024-03-05")
    record = doc.to_dict()
    jsonschema.validate(record, SCHEMA)
    assert check_offsets(record) == []
    ids = {e["id"] for e in record["entities"]}
    assert {"rok-mnd", "prk", "rus", "kim-yo-jong", "kcna"} <= ids  # "South Korea's defence ministry" is the ministry
    assert [r["reason"] for r in record["ignored"]] == ["comment_widget"]
    by_entity = {a["source_entity"]: a for a in record["attributions"]}
    assert "kim-yo-jong" in by_entity and "never exported weapons" in by_entity["kim-yo-jong"]["content"][0]["text"]
    assert any(a["stance"] == "deny" for a in record["attributions"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "Kim Jong-un said", " Pyongyang ", "“", "”", '"', " – ", "\n\n", "denied ", "according to KCNA", ", he says.",
    "é", "👍🏽", "\u200b", "\r\n", "ß", "ﬁ", "İ", "\u0301", "北朝鮮", "Seoul, ", "7,000 containers ", "in March ",
]), max_size=30).map("".join) | st.text(max_size=200))
def test_every_span_points_at_its_text_for_any_input(pipeline, text):
    if not text.strip():
        return
    record = run_one(pipeline, text).to_dict()
    assert check_offsets(record) == []


def test_non_english_documents_are_stored_flagged_and_not_extracted(pipeline):
    doc = run_one(pipeline, "Le ministère sud-coréen a déclaré que le Nord avait envoyé des conteneurs de munitions à la Russie.")
    assert doc.language == "fr" and doc.skipped_stages == ["read", "entities", "attributions", "events"]
    assert doc.entities == [] and any("English-only" in w for w in doc.warnings)


# -- CLI -----------------------------------------------------------------------

@pytest.fixture
def batch(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(STORY, encoding="utf-8")
    (d / "b.txt").write_text("Russia vetoed the resolution, the Kremlin said on Thursday.", encoding="utf-8")
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "feed.jsonl").write_text(json.dumps({"text": "KCNA said the launch succeeded.", "published": "2024-01-01"}) + "\n{broken\n")
    return d


def test_run_stores_reports_and_says_what_was_skipped(tmp_path, batch, store_target):
    db, rep = store_target, tmp_path / "report"
    result = CliRunner().invoke(main, ["run", str(batch), "--db", str(db), "--report", str(rep), "--format", "json"])
    assert result.exit_code == EXIT_PARTIAL, result.output
    summary = json.loads(result.stdout)
    assert summary["stored"] == 3 and summary["inputs"] == 6
    reasons = {Path(s["input"]).name: s["reason"] for s in summary["skipped"]}
    assert set(reasons) == {"empty.txt", "binary.txt", "feed.jsonl:2"}
    assert "binary" in reasons["binary.txt"] and "malformed JSON" in reasons["feed.jsonl:2"]
    html = (rep / "evidence.html").read_text()
    assert "Kim Yo Jong" in html and "class=ign" in html or "class='ign'" in html
    with Store(db, readonly=True) as s:
        assert s.count("documents") == 3
        statuses = dict(s.conn.execute("SELECT input, status FROM inputs").fetchall())
        assert statuses[str(batch / "binary.txt")] == "skipped"

    again = CliRunner().invoke(main, ["run", str(batch), "--db", str(db), "--format", "json"])
    assert json.loads(again.stdout)["unchanged"] == 3 and json.loads(again.stdout)["stored"] == 0


def test_a_crash_mid_batch_loses_only_the_document_in_flight(tmp_path, batch, pipeline, monkeypatch):
    db = tmp_path / "sw.db"
    calls = {"n": 0}
    original = Store.save_document

    def flaky(self, doc, version):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # Ctrl-C while writing the second document
        return original(self, doc, version)

    monkeypatch.setattr(Store, "save_document", flaky)
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        pipeline.run([str(batch)], sink=lambda d: store.save_document(d, pipeline.version),
                     seen=lambda i: store.has_document(i, pipeline.version))
    with Store(db, readonly=True) as s:
        assert s.count("documents") == 1
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    monkeypatch.setattr(Store, "save_document", original)
    result = CliRunner().invoke(main, ["ingest", str(batch), "--db", str(db), "--format", "json"])
    summary = json.loads(result.stdout)
    assert summary["unchanged"] == 1 and summary["stored"] == 2


def test_extract_prints_the_json_contract(batch):
    result = CliRunner().invoke(main, ["extract", str(batch / "a.txt"), str(batch / "feed.jsonl"), "--published", "2024-03-05"])
    assert result.exit_code == EXIT_PARTIAL  # the broken JSONL line
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in records] == [str(batch / "a.txt"), f"{batch / 'feed.jsonl'}:1"]
    assert records[0]["published"] == "2024-03-05" and records[1]["published"] == "2024-01-01"
    for r in records:
        jsonschema.validate(r, SCHEMA)
        assert check_offsets(r) == []


def test_huge_file_is_refused_quickly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("North Korea fired a missile. " * (50 * 1024 * 1024 // 29 + 1))
    result = CliRunner().invoke(main, ["extract", str(big)])
    assert result.exit_code == EXIT_ERROR and "over the size limit" in result.stderr


def test_search_finds_highlighted_sentences(batch, store_target):
    db = store_target
    CliRunner().invoke(main, ["ingest", str(batch), "--db", str(db)])
    result = CliRunner().invoke(main, ["search", "containers", "--db", str(db), "--format", "json"])
    assert result.exit_code == EXIT_OK
    [hit] = json.loads(result.stdout)
    assert "⦃containers⦄" in hit["snippet"]
    bad = CliRunner().invoke(main, ["search", '"open', "--db", str(db)])
    assert bad.exit_code == 2 and "bad search query" in bad.stderr


def test_seeds_end_to_end(seeds, pipeline):
    docs = {name[:3]: run_one(pipeline, text, name) for name, text in seeds.items()}
    for doc in docs.values():
        assert check_offsets(doc.to_dict()) == []
    d4 = docs["004"]
    ids = {e.id for e in d4.entities}
    assert {"prk", "rus", "kor", "usa", "kim-jong-un", "kim-yo-jong", "kcna"} <= ids
    denial = [a for a in d4.attributions if a.stance == "deny"]
    assert denial and any(a.source_entity == "kim-yo-jong" for a in denial)
    assert any(a.source_entity == "kor" and "7,000 containers" in " ".join(f.text for f in a.content) for a in d4.attributions)
    d0 = docs["000"]
    dash = [a for a in d0.attributions if a.content and a.content[0].text.startswith("In North Korea, terrorism")]
    assert dash and "Kuk-song" in dash[0].source[0].text
    assert {r.reason for r in d0.ignored} >= {"breadcrumb", "caption", "empty_stub", "comment_widget", "untranslated_heading"}


def test_an_unreachable_database_is_one_clear_line_and_exit_1(batch):
    result = CliRunner().invoke(main, ["ingest", str(batch), "--db", "postgresql://nobody:secret@127.0.0.1:1/none"])
    assert result.exit_code == EXIT_ERROR
    assert "cannot connect to PostgreSQL" in result.stderr and "Traceback" not in result.output
    assert "secret" not in result.output + result.stderr

"""The CLI over hostile corpora: odd names, special files, unreadable directories, huge sidecars (issue 16).

Whatever is in the directory, a run ends with a summary and an exit code,
never a traceback; every entry that was not read is named with a reason in the
summary and in the store's ``inputs`` table, and the rest of the batch is stored.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.cli import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, main
from sanctionwatch.store import Store

pytestmark = pytest.mark.slow

ARTICLE = "Officials in Nampo said a tanker took on fuel from another ship at night, the agency reported.\n"


def _ingest(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, ["ingest", *args, "--format", "json", "--no-progress"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    summary = json.loads(result.stdout) if result.stdout.strip().startswith("{") else {}
    return result.exit_code, summary, result.output


def _inputs_table(db: Path) -> dict[str, tuple[str, str | None]]:
    with Store(str(db), readonly=True) as s:
        return {i: (st_, r) for i, st_, r in s.conn.execute("SELECT input, status, reason FROM inputs")}


def test_undecodable_file_name_is_stored_and_the_batch_completes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(corpus), b"b-\xff\xfe.txt"), "wb") as fh:
        fh.write(b"Customs officers seized a shipment of coal bound for a port in the north.\n")
    (corpus / "c.txt").write_text("A third, different article about a vessel that switched off its transponder.\n")
    db, report = tmp_path / "sw.db", tmp_path / "report"
    for attempt in range(2):  # a re-run must not crash either
        result = CliRunner().invoke(main, ["run", str(corpus), "--db", str(db), "--report", str(report),
                                           "--format", "json", "--no-progress"])
        assert result.exit_code == EXIT_OK, result.output
        summary = json.loads(result.stdout)
        assert summary["stored" if attempt == 0 else "unchanged"] == 3
        assert set(summary["reports"]) == {"evidence-md", "evidence-html", "cases-md", "cases-html"}
    with Store(str(db), readonly=True) as s:
        names = [r[0] for r in s.conn.execute("SELECT input FROM documents ORDER BY input")]
    assert names[1].endswith("b-\\xff\\xfe.txt")
    assert "b-\\\\xff\\\\xfe.txt" in (report / "evidence.md").read_text(encoding="utf-8")  # Markdown-escaped


def test_rich_markup_in_a_path_is_printed_not_parsed(tmp_path):
    corpus = tmp_path / "odd[" / "]dir"  # the path reads corpus/odd[/]dir: a closing tag to rich
    corpus.mkdir(parents=True)
    (corpus / "[bold]a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "zero.txt").write_text("")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "sw.db"), "--no-progress"])
    assert result.exit_code == EXIT_PARTIAL, result.output
    flat = result.output.replace("\n", "")  # rich wraps long paths at the console width
    assert "odd[/]dir" in flat and "zero.txt" in flat


def test_special_files_and_unreadable_directories_are_recorded(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "locked" / "hidden.txt").write_text("Never read.")
    os.mkfifo(corpus / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(corpus / "sock.txt"))
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(corpus / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # tests run as root, where chmod 000 does not lock anything
    db = tmp_path / "sw.db"
    code, summary, _ = _ingest(str(corpus), "--db", str(db))
    sock.close()
    assert code == EXIT_PARTIAL and summary["stored"] == 1
    skipped = {Path(s["input"]).name: s["reason"] for s in summary["skipped"]}
    assert set(skipped) == {"locked", "pipe.txt", "sock.txt"}
    assert "cannot read directory" in skipped["locked"]
    assert "FIFO" in skipped["pipe.txt"] and "socket" in skipped["sock.txt"]
    table = _inputs_table(db)
    assert table[str(corpus / "locked")][0] == "skipped" and table[str(corpus / "pipe.txt")][0] == "skipped"


def test_ingest_of_a_device_ends_with_a_clear_error(tmp_path):
    code, summary, output = _ingest("/dev/zero", "--db", str(tmp_path / "sw.db"))
    assert code == EXIT_ERROR
    assert summary["skipped"] == [{"input": "/dev/zero", "reason": "not a regular file (a character device): skipped"}]


def test_a_huge_sidecar_is_refused_under_max_bytes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "a.txt.meta.json").write_text(json.dumps({"title": "T" * 200_000}))
    (corpus / "b.txt").write_text("Another short article about a ship seen near the coast.\n")
    code, summary, _ = _ingest(str(corpus), "--db", str(tmp_path / "sw.db"), "--max-bytes", "100000")
    assert code == EXIT_PARTIAL and summary["stored"] == 1
    [skip] = summary["skipped"]
    assert skip["input"].endswith("a.txt.meta.json") and "over the size limit" in skip["reason"]


def test_an_unreadable_date_is_a_warning_in_the_summary(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "a.txt.meta.json").write_text(json.dumps({"published": "0001-01-01", "title": {"nested": "x"}}))
    code, summary, _ = _ingest(str(corpus), "--db", str(tmp_path / "sw.db"))
    assert code == EXIT_OK and summary["stored"] == 1
    warnings = [w["warning"] for w in summary["warnings"]]
    assert any("before 1900" in w for w in warnings) and any("title is an object" in w for w in warnings)


# -- fuzz: generated directory trees -----------------------------------------------

NAME_PARTS = st.sampled_from([b"a", b"[", b"]", b"[bold]", b"\xff", b"\xe9t\xe9", b"`", b"<img>", b" ", b"-", b"\x1b[2J",
                              "\u202e".encode(), "한".encode(), b"..x", b"%00"])
ENTRY = st.tuples(
    st.lists(NAME_PARTS, min_size=1, max_size=3).map(lambda parts: b"".join(parts)),
    st.sampled_from(["text", "empty", "binary", "utf16", "fifo", "dangling", "dirlink", "dir", "locked", "bigmeta",
                     "badmeta", "odddate", "jsonl"]),
)


def _make(root: bytes, name: bytes, kind: str) -> None:
    path = os.path.join(root, name + (b".jsonl" if kind == "jsonl" else b".txt"))
    if os.path.lexists(path):
        return
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling":
        os.symlink(os.path.join(root, b"missing-target"), path)
    elif kind == "dirlink":
        os.symlink(root, path)  # a loop back to the corpus
    elif kind == "dir":
        os.mkdir(path)
    elif kind == "jsonl":
        with open(path, "wb") as fh:
            fh.write(json.dumps({"text": ARTICLE, "title": [1]}).encode() + b"\n{not json\n" + b"x" * 5000 + b"\n")
    else:
        body = {"empty": b"", "binary": bytes(range(256)), "utf16": ARTICLE.encode("utf-16-le")}.get(
            kind, (ARTICLE + name.decode("utf-8", "replace")).encode())
        with open(path, "wb") as fh:
            fh.write(body)
        if kind == "locked":
            os.chmod(path, 0)  # unreadable, except to root
        meta = {"bigmeta": json.dumps({"title": "T" * 10_000}).encode(), "badmeta": b"{\"title\": ",
                "odddate": json.dumps({"published": "2024-02-30", "url": "javascript:alert(1)"}).encode()}.get(kind)
        if meta is not None:
            with open(path + b".meta.json", "wb") as fh:
                fh.write(meta)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(ENTRY, min_size=1, max_size=6), nested=st.booleans())
def test_fuzz_cli_over_generated_trees(entries, nested):
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(os.fsencode(tmp), b"corpus", *((b"sub[", b"]\xff") if nested else ()))
        os.makedirs(root, exist_ok=True)
        for name, kind in entries:
            _make(root, name, kind)
        db = os.path.join(tmp, "sw.db")
        code, summary, output = _ingest(os.path.join(tmp, "corpus"), "--db", db, "--max-bytes", "4096")
        assert code in (EXIT_OK, EXIT_PARTIAL, EXIT_ERROR), output
        assert summary, output  # a JSON summary, whatever happened
        assert summary["inputs"] == summary["stored"] + summary["unchanged"] + len(summary["skipped"])
        for s in summary["skipped"]:
            assert s["reason"] and s["input"].encode("utf-8")
        table = _inputs_table(Path(db))
        assert {s["input"] for s in summary["skipped"]} <= set(table)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.mark.parametrize("value, message", [("0001-01-01", "before 1900"), ("3024-01-01", "after the day of ingest"),
                                            ("2024-02-30", "cannot be read")])
def test_published_option_must_be_a_plausible_date(tmp_path, value, message):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--published", value])
    assert result.exit_code == 2 and message in result.output

"""Ingest: inputs of every kind become documents or clear errors; nothing is lost."""

from __future__ import annotations

import io
import json

import pytest

from sanctionwatch.ingest import (
    IngestError,
    RawInput,
    content_hash,
    decode,
    find_date_line,
    iter_raw,
    normalise_date,
    to_document,
)


def _all(paths, **kw):
    return list(iter_raw([str(p) for p in paths], **kw))


def test_text_file_with_sidecar(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Seoul said the North fired a missile.\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"title": "T", "published": "2024-03-05", "publisher": "Wire", "url": "https://x.test/a", "cite": "Yonhap"}))
    [raw] = _all([tmp_path])
    doc = to_document(raw)
    assert (doc.title, doc.published, doc.publisher, doc.url) == ("T", "2024-03-05", "Wire", "https://x.test/a")
    assert doc.meta == {"cite": "Yonhap"}
    assert doc.text == "Seoul said the North fired a missile.\n"  # stored unchanged
    assert doc.doc_id == content_hash(doc.text) and len(doc.doc_id) == 16


def test_same_text_same_id_different_text_different_id():
    a = to_document(RawInput("a", "text", "Same words."))
    b = to_document(RawInput("b", "text", "Same words."))
    c = to_document(RawInput("c", "text", "Other words."))
    assert a.doc_id == b.doc_id != c.doc_id


def test_jsonl_lines_are_documents_and_bad_lines_are_errors(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "One.", "title": "A", "published": "2024-01-02", "source": "Wire", "url": "u"}),
        "{not json",
        json.dumps({"title": "no body"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"html": "<html><body><article><p>Two paragraphs of text here for the extractor to find.</p></article></body></html>"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _all([f])
    labels = [i.input for i in items]
    assert labels == [f"{f}:1", f"{f}:2", f"{f}:3", f"{f}:5", f"{f}:6"]
    assert isinstance(items[0], RawInput) and items[0].hints["publisher"] == "Wire"
    assert isinstance(items[1], IngestError) and "malformed JSON" in items[1].reason
    assert isinstance(items[2], IngestError) and "no `text` or `html`" in items[2].reason
    assert isinstance(items[3], IngestError) and "expected an object" in items[3].reason
    assert items[4].kind == "html"
    assert to_document(items[0]).format == "jsonl"


@pytest.mark.parametrize(
    "payload, message",
    [
        (b"", "empty document"),
        (b"   \n\n\t ", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, payload, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(payload)
    [raw] = _all([f])
    with pytest.raises(IngestError) as info:
        to_document(raw)
    assert message in info.value.reason and info.value.input == str(f)


def test_invalid_utf8_is_replaced_and_flagged():
    text, warnings = decode("Kim said ".encode() + b"\xff\xfe\xfa" + " hello".encode(), "x")
    assert text.startswith("Kim said ") and "\ufffd" in text and text.endswith(" hello")
    assert warnings and "invalid UTF-8" in warnings[0]


def test_utf16_with_bom_is_decoded():
    text, warnings = decode("Pyongyang denied it.".encode("utf-16"), "x")  # encode() writes the BOM
    assert text == "Pyongyang denied it." and warnings == []


def test_oversized_file_is_refused_without_reading(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB sparse file
    [item] = _all([f], max_bytes=10 * 1024 * 1024)
    assert isinstance(item, IngestError) and "over the size limit" in item.reason and "50.0 MB" in item.reason


def test_html_without_body_is_an_error_and_malformed_html_is_tolerated(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head></html>")
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><article><p>The ministry said the shipment <b>arrived</p><p>in March, officials said.</article>")
    items = {i.input: i for i in _all([tmp_path])}
    with pytest.raises(IngestError, match="no extractable"):
        to_document(items[str(empty)])
    doc = to_document(items[str(broken)])
    assert "shipment" in doc.text and doc.format == "html"


def test_directory_walk_include_exclude_and_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A text.")
    (tmp_path / "sub" / "b.txt").write_text("B text.")
    (tmp_path / "sub" / "c.md").write_text("C text.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    got = [i.input for i in _all([tmp_path], include=("*.txt",), exclude=("sub/b.txt",))]
    assert got == [str(tmp_path / "a.txt")]
    [missing] = _all([tmp_path / "nope.txt"])
    assert isinstance(missing, IngestError) and "no such file" in missing.reason


def test_dangling_link_in_a_directory_is_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("Good text.")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-target.txt")
    items = {i.input: i for i in _all([tmp_path])}
    assert isinstance(items[str(tmp_path / "good.txt")], RawInput)
    bad = items[str(tmp_path / "gone.txt")]
    assert isinstance(bad, IngestError) and "cannot read" in bad.reason


def test_unreadable_file_is_reported(tmp_path):
    import os

    f = tmp_path / "locked.txt"
    f.write_text("secret")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        [item] = _all([tmp_path])
        assert isinstance(item, IngestError) and "cannot read" in item.reason
    finally:
        f.chmod(0o644)


def test_stdin():
    stream = io.TextIOWrapper(io.BytesIO("From a pipe.".encode()), encoding="utf-8")
    [raw] = list(iter_raw(["-"], stdin=stream))
    assert to_document(raw).text == "From a pipe."


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00+09:00", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Sept. 13, 2023", "2023-09-13"),
        ("05.03.2024", "2024-03-05"),
        ("Published: 12 Oct 2021 10:31", "2021-10-12"),
        ("31 February 2024", None),
        ("no date here", None),
        (None, None),
    ],
)
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_date_line_near_the_top_of_the_text():
    text = "Headline here\nPublished: 14 April 2024\n\nBody text that mentions 1 May 2020 much later."
    assert find_date_line(text) == "2024-04-14"
    assert find_date_line("Body only, and a long sentence that happens to contain 1 May 2020 in it.") is None

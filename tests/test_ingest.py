"""Ingest: inputs of every kind become documents or clear errors; nothing is lost."""

from __future__ import annotations

import io
import json
import os
import socket
from datetime import date

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


# -- hostile inputs (issue 16) --------------------------------------------------

TODAY = date(2025, 6, 1)


def test_a_file_name_that_is_not_utf8_is_read_under_a_printable_name(tmp_path):
    raw_dir = os.fsencode(tmp_path)
    with open(os.path.join(raw_dir, b"caf\xe9-\xff.txt"), "wb") as fh:
        fh.write(b"A ferry left the harbour at dawn.\n")
    with open(os.path.join(raw_dir, b"caf\xe9-\xff.txt.meta.json"), "wb") as fh:
        fh.write(b'{"title": "Sidecar found"}')
    [raw] = _all([tmp_path])
    assert isinstance(raw, RawInput)
    raw.input.encode("utf-8")  # storable: no lone surrogates
    assert raw.input.endswith("caf\\xe9-\\xff.txt")
    doc = to_document(raw)
    assert doc.title == "Sidecar found"
    assert any("not valid UTF-8" in w for w in doc.warnings)


def test_an_unreadable_directory_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Readable text here.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Never seen.")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root ignores chmod; this is what a locked directory does
    items = _all([tmp_path])
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.input for e in errors] == [str(locked)]
    assert "cannot read directory" in errors[0].reason and "Permission denied" in errors[0].reason
    assert [i.input for i in items if isinstance(i, RawInput)] == [str(tmp_path / "a.txt")]


@pytest.mark.parametrize("make, what", [
    (lambda p: os.mkfifo(p), "FIFO"),
    (lambda p: socket.socket(socket.AF_UNIX).bind(str(p)), "socket"),
])
def test_special_files_in_a_directory_are_skipped_with_a_reason(tmp_path, make, what):
    (tmp_path / "good.txt").write_text("Good text.")
    make(tmp_path / "special.txt")
    items = {i.input: i for i in _all([tmp_path])}
    assert isinstance(items[str(tmp_path / "good.txt")], RawInput)
    bad = items[str(tmp_path / "special.txt")]
    assert isinstance(bad, IngestError) and "not a regular file" in bad.reason and what in bad.reason


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_named_on_the_command_line_is_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    [item] = _all([device])
    assert isinstance(item, IngestError) and "character device" in item.reason


def test_a_sidecar_over_max_bytes_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Short article text.")
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"title": "x" * 5000}))
    [item] = _all([tmp_path], max_bytes=1000)
    assert isinstance(item, IngestError) and item.input.endswith("a.txt.meta.json")
    assert "metadata sidecar is over the size limit" in item.reason


def test_a_jsonl_line_over_max_bytes_is_refused_and_the_next_read(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(json.dumps({"text": "y" * 5000}) + "\n" + json.dumps({"text": "Small record."}) + "\n")
    first, second = _all([f], max_bytes=1000)
    assert isinstance(first, IngestError) and "over the size limit" in first.reason
    assert isinstance(second, RawInput) and second.input.endswith("batch.jsonl:2")


@pytest.mark.parametrize("hints, field, expected, warning", [
    ({"title": "t" * 5000}, "title", "t" * 1000, "cut to 1,000"),
    ({"publisher": "p" * 500}, "publisher", "p" * 200, "cut to 200"),
    ({"url": "https://x.test/" + "u" * 5000}, "url", None, "over the limit"),
    ({"title": {"text": "Headline"}}, "title", None, "title is an object, not text"),
    ({"title": ["a", "b"]}, "title", None, "title is a list"),
    ({"publisher": True}, "publisher", None, "publisher is a boolean"),
    ({"language": {"code": "en"}}, "language", None, "language is an object"),
    ({"title": "Line one\x00\nline two"}, "title", "Line one line two", "control characters"),
    ({"title": 2024}, "title", "2024", None),
])
def test_metadata_fields_are_checked(hints, field, expected, warning):
    doc = to_document(RawInput("a.txt", "text", "Body of the article.", hints), today=TODAY)
    assert getattr(doc, field) == expected
    if warning:
        assert any(warning in w for w in doc.warnings), doc.warnings
    else:
        assert doc.warnings == []


def test_a_huge_extra_metadata_value_is_dropped_with_a_warning():
    doc = to_document(RawInput("a.txt", "text", "Body.", {"notes": "n" * 50_000, "cite": "Wire"}), today=TODAY)
    assert doc.meta == {"cite": "Wire"}
    assert any("'notes'" in w and "ignored" in w for w in doc.warnings)


@pytest.mark.parametrize("given, published, warning", [
    ("2024-03-05", "2024-03-05", None),
    ("not-a-date", None, "cannot be read as a date"),
    ("2024-02-30", None, "cannot be read as a date"),
    ("20240305", None, "cannot be read as a date"),
    ("0001-01-01", None, "before 1900"),
    ("1899-12-31", None, "before 1900"),
    ("3024-01-01", None, "after the day of ingest"),
    ("2025-06-02", "2025-06-02", None),  # one day ahead: a time zone, not the future
    ("2025-06-03", None, "after the day of ingest"),
    ({"y": 2024}, None, "is not a date"),
])
def test_published_dates_are_used_or_warned_about(given, published, warning):
    doc = to_document(RawInput("a.txt", "text", "Body of the article.", {"published": given}), today=TODAY)
    assert doc.published == published
    if warning:
        assert any(warning in w for w in doc.warnings), doc.warnings
    else:
        assert doc.warnings == []


def test_an_implausible_date_line_in_the_text_is_not_taken():
    assert find_date_line("Headline\nPublished: 1 January 0001\n\nBody.") is None


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_by_its_zero_bytes(encoding):
    text = "Officials in Nampo said the cargo was coal.\nSecond line, with accents: café.\n"
    decoded, warnings = decode(text.encode(encoding), "a.txt")
    assert decoded == text
    assert warnings and encoding.upper() in warnings[0]


@pytest.mark.parametrize("payload", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 8, b"PK\x03\x04" + b"\x00" * 200])
def test_binary_data_is_still_refused(payload):
    with pytest.raises(IngestError, match="binary"):
        decode(payload, "x.txt")


def test_a_link_to_a_directory_is_reported_not_followed(tmp_path):
    corpus, other = tmp_path / "corpus", tmp_path / "other"
    corpus.mkdir()
    other.mkdir()
    (corpus / "a.txt").write_text("Inside the corpus.")
    (other / "b.txt").write_text("Outside the corpus.")
    (corpus / "loop").symlink_to(corpus)
    (corpus / "elsewhere").symlink_to(other)
    items = _all([corpus])
    assert [i.input for i in items if isinstance(i, RawInput)] == [str(corpus / "a.txt")]
    links = {i.input: i.reason for i in items if isinstance(i, IngestError)}
    assert set(links) == {str(corpus / "loop"), str(corpus / "elsewhere")}
    assert all("not followed" in r for r in links.values())


def test_lone_surrogates_in_text_are_replaced_keeping_offsets():
    # a multi-byte character cut in two and handed over as text (e.g. from a shell argument)
    text = "Seoul said the ship left port." + "\udce2\udc80" + " It was seized later."
    doc = to_document(RawInput(input="cut.txt", kind="text", payload=text))
    assert len(doc.text) == len(text) and "\udce2" not in doc.text
    doc.text.encode("utf-8")
    assert any("surrogate" in w for w in doc.warnings)

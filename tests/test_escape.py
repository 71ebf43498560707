"""The one escaping policy (sanctionwatch.escape), format by format, on hostile values of my own making."""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from sanctionwatch.escape import csv_cell, html_text, md_code, md_link, md_text, printable_path, safe_url, terminal

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "**bold** _it_ [link](javascript:alert(1)) `code` | cell | # head",
    "![pic](https://evil.example/p.png)",
    "&lt;script&gt; entity &#60;b&#62;",
    "line one\nline two\r\n<b>three</b>",
    "back\\slash \\<b>x</b>",
]


@pytest.mark.parametrize("url, ok", [
    ("https://news.example/a?b=1&c=2", True),
    ("http://news.example/path#frag", True),
    ("  https://news.example/trimmed  ", True),
    ("HTTPS://NEWS.EXAMPLE/", True),
    ("javascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("https://example.com/<img src=x onerror=alert(1)>", False),
    ("https://example.com/\"onmouseover=alert(1)", False),
    ("https://example.com/'x", False),
    ("https://example.com/`x`", False),
    ("https://example.com/a b", False),
    ("https://example.com/a\nb", False),
    ("https://example.com/\x00", False),
    ("https://example.com/\u202egnp.exe", False),
    ("https://", False),
    ("https:///no-host", False),
    ("https://[::1/", False),
    ("//news.example/x", False),
    ("ftp://news.example/x", False),
    ("https://example.com/" + "a" * 3000, False),
    (None, False),
    ("", False),
])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


@pytest.mark.parametrize("value", HOSTILE)
def test_html_text_leaves_no_markup(value):
    out = html_text(value)
    assert "<" not in out and ">" not in out and '"' not in out and "'" not in out


@pytest.mark.parametrize("value", HOSTILE)
def test_md_text_renders_as_the_same_plain_text(value):
    rendered = MarkdownIt("commonmark").renderInline(md_text(value))
    assert "<" not in rendered.replace("&lt;", "")  # no element at all: no <em>, <a>, <img>, <code>
    # what a reader sees is the value itself (newlines folded into spaces)
    assert html.unescape(rendered) == " ".join(value.splitlines())


@pytest.mark.parametrize("value", [*HOSTILE, "a ``` b", "`lead", "trail`", "", "   "])
def test_md_code_is_one_literal_code_span(value):
    rendered = MarkdownIt("commonmark").renderInline(md_code(value))
    assert rendered.startswith("<code>") and rendered.endswith("</code>") and rendered.count("<code>") == 1
    assert "<img" not in rendered and "<script" not in rendered


@pytest.mark.parametrize("url", ["https://example.com/<img src=x onerror=alert(1)>", "javascript:alert(1)",
                                 "https://example.com/a>b<script>"])
def test_md_link_refuses_hostile_urls(url):
    assert md_link(url) is None


def test_md_link_is_an_autolink():
    rendered = MarkdownIt("commonmark").renderInline(md_link("https://news.example/a?b=1&c=2"))
    assert rendered == '<a href="https://news.example/a?b=1&amp;c=2">https://news.example/a?b=1&amp;c=2</a>'


@pytest.mark.parametrize("value", ["corpus/[/]odd.txt", "[red]x[/red]", "[bold]", "trail\\", "esc \x1b[2J here",
                                   "bell\x07", "c1 \x9b31m"])
def test_terminal_prints_the_value_literally(value):
    console = Console(record=True, width=200, color_system=None)
    # markup right after the value, as in the CLI summary: a trailing backslash must not eat it
    console.print(f"[yellow]skipped[/] {terminal(value)}[dim]: reason[/]")
    printed = console.export_text()
    assert "\x1b" not in printed and "\x07" not in printed and "\x9b" not in printed
    expected = value.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\x9b", "\\x9b")
    assert printed.strip() == f"skipped {expected}: reason"


@pytest.mark.parametrize("value, out", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("plain", "plain"), (None, ""), (12, "12"),
])
def test_csv_cell(value, out):
    assert csv_cell(value) == out


@pytest.mark.parametrize("raw, shown", [
    (b"plain.txt", "plain.txt"),
    (b"caf\xc3\xa9.txt", "café.txt"),
    (b"bad\xff\xfename.txt", "bad\\xff\\xfename.txt"),
    (b"latin\xe9.txt", "latin\\xe9.txt"),
])
def test_printable_path(raw, shown):
    out = printable_path(raw.decode("utf-8", "surrogateescape"))
    assert out == shown
    out.encode("utf-8")  # always encodable: storable, printable


def test_printable_path_of_a_foreign_surrogate():
    out = printable_path("x\ud800y")
    assert out == "x\\ud800y"


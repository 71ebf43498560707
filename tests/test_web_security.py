"""Workbench hardening: escaping of hostile articles, headers, body limits, path traversal, tokens, span rendering."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the workbench needs the 'web' extra (fastapi, uvicorn, jinja2)")

from fastapi.testclient import TestClient  # noqa: E402
from markupsafe import escape  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

from sanctionwatch.ingest import RawInput, to_document  # noqa: E402
from sanctionwatch.web import create_app  # noqa: E402
from sanctionwatch.web.render import Span, document_spans, safe_url, segments  # noqa: E402
from sanctionwatch.web.security import CSP, host_names, token_matches  # noqa: E402
from test_web_api import (  # noqa: E402
    AUTH, CASE_ID, HOSTILE_PAYLOADS, HOSTILE_TEXT, HOSTILE_TITLE, TOKEN, build_store, coal_document, has_case_tables,
    hostile_document,
)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "sec.db")


@pytest.fixture()
def client(db: Path) -> TestClient:
    with TestClient(create_app(db, token=TOKEN), base_url="http://127.0.0.1") as c:
        yield c


PAGES = ["/", "/?q=coal", "/?q=shipped", "/documents", "/documents/doc-hostile", "/documents/doc-hostile?hl=0-40",
         "/actors", "/actors/local%3A%3Cscript%3E", "/timeline", "/reviews", "/cases", "/documents/doc-coal"]


def parse_tags(body: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag the browser would build from ``body``, with its attributes."""
    found: list[tuple[str, dict[str, str | None]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collector().feed(body)
    return found


# ---------------------------------------------------------------------------------------------------------------
# Hostile input never reaches a page unescaped

@pytest.mark.parametrize("url", PAGES)
def test_hostile_payloads_never_appear_raw(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    body = r.text
    for payload in HOSTILE_PAYLOADS:
        assert payload not in body, (url, payload)
    assert "javascript:" not in " ".join(re.findall(r'(?:href|src|action)="([^"]*)"', body)).lower()
    # The only script element on any page is the static file.
    tags = parse_tags(body)
    assert [a for t, a in tags if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    for tag, attrs in tags:
        assert not [k for k in attrs if k.startswith("on") or k in ("style", "srcdoc", "formaction")], (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "base"), tag
        assert tag != "textarea" or attrs.get("name") == "note"  # only the review form's own


def test_hostile_document_text_is_all_there_escaped(client: TestClient) -> None:
    body = client.get("/documents/doc-hostile").text
    text_div = body.split('id="doctext">', 1)[1].split("</div>", 1)[0]
    # Stripping the highlight tags and unescaping gives back exactly the stored text.
    assert html.unescape(re.sub(r"<[^>]+>", "", text_div)) == HOSTILE_TEXT
    assert str(escape(HOSTILE_TITLE)) in body
    assert "&lt;already escaped&gt;" not in body  # double-escaped: it is shown literally, as written
    assert "&amp;lt;already escaped&amp;gt;" in body


def test_non_http_urls_are_text_not_links(client: TestClient) -> None:
    body = client.get("/documents/doc-hostile").text
    assert "original article" not in body
    assert 'class="rawurl"' in body and "javascript:window.__pwned=&#39;url&#39;" in body
    coal = client.get("/documents/doc-coal").text
    assert 'href="https://news.example.org/coal"' in coal and 'rel="noopener noreferrer nofollow"' in coal


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"), ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
    ("javascript:alert(1)", None), (" javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None),
    ("data:text/html,<script>", None), ("//evil.example", None), ("https://x.org/\"onmouseover=", None),
    ("https://x.org/<script>", None), ("vbscript:x", None), ("", None), (None, None),
])
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_api_json_is_data_not_html(client: TestClient) -> None:
    r = client.get("/api/v1/documents/doc-hostile")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["title"] == HOSTILE_TITLE  # the API returns the text as stored; escaping is the page's job


# ---------------------------------------------------------------------------------------------------------------
# Headers

@pytest.mark.parametrize("url", ["/", "/documents/doc-coal", "/api/v1/documents", "/static/app.css", "/nope",
                                 "/api/v1/nope", "/healthz"])
def test_strict_headers_everywhere(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"


def test_csp_forbids_inline_script_and_foreign_origins() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP and "http" not in CSP


def test_no_external_assets_in_pages_or_static(client: TestClient) -> None:
    static = Path(__file__).resolve().parents[1] / "src" / "sanctionwatch" / "web" / "static"
    for f in static.iterdir():
        assert not re.search(r"https?://", f.read_text(encoding="utf-8")), f
    body = client.get("/").text
    assert not re.search(r'(?:src|href)="(?:https?:)?//', body)


# ---------------------------------------------------------------------------------------------------------------
# Request size, path traversal, tokens

def test_body_limit_by_content_length(db: Path) -> None:
    with TestClient(create_app(db, token=TOKEN, max_body=1000), base_url="http://127.0.0.1") as c:
        r = c.post("/api/v1/reviews", content=b"{" + b" " * 2000 + b"}", headers={**AUTH, "Content-Type": "application/json"})
        assert r.status_code == 413


def test_body_limit_without_content_length(db: Path) -> None:
    def chunks():
        for _ in range(30):
            yield b" " * 100

    with TestClient(create_app(db, token=TOKEN, max_body=1000), base_url="http://127.0.0.1") as c:
        r = c.post("/api/v1/reviews", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
        assert r.status_code == 413


def test_default_body_limit_is_two_megabytes(client: TestClient) -> None:
    big = {"text": "a" * (2 * 1024 * 1024 + 10)}
    assert client.post("/api/v1/documents", json=big, headers=AUTH).status_code == 413


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fstore.py",
    "/static/..%5c..%5cstore.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/....//app.py",
    "/static/templates/../../reviews.py", "/static/../templates/base.html", "/documents/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
])
def test_no_path_traversal(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    for marker in ("root:x:0", "def create_app", "{% block", "import "):
        assert marker not in r.text


def test_static_serves_only_its_files(client: TestClient) -> None:
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))


@pytest.mark.parametrize(("expected", "header", "ok"), [
    ("secret-token-123", "Bearer secret-token-123", True), ("secret-token-123", "bearer secret-token-123", True),
    ("secret-token-123", "Bearer secret-token-12", False), ("secret-token-123", "Bearer secret-token-1234", False),
    ("secret-token-123", "Basic secret-token-123", False), ("secret-token-123", "secret-token-123", False),
    ("secret-token-123", None, False), (None, "Bearer anything", False), ("", "Bearer ", False),
    ("tökén-ünïcode-1", "Bearer tökén-ünïcode-1", True),
])
def test_token_matches(expected: str | None, header: str | None, ok: bool) -> None:
    assert token_matches(expected, header) is ok


def test_token_is_compared_in_constant_time() -> None:
    import inspect

    from sanctionwatch.web import security

    assert "hmac.compare_digest" in inspect.getsource(security.token_matches)


def test_cors_is_not_opened(client: TestClient) -> None:
    r = client.options("/api/v1/reviews", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers


# ---------------------------------------------------------------------------------------------------------------
# Span rendering (split at all boundaries)

def test_segments_cover_the_text_exactly_and_carry_every_span() -> None:
    doc = coal_document()
    spans = document_spans(doc, hit=(10, 60))
    segs = segments(doc.text, spans)
    assert "".join(s.text for s in segs) == doc.text
    assert all(doc.text[s.start:s.end] == s.text for s in segs)
    for sp in spans:  # every span is exactly the union of the segments that carry it
        covered = "".join(s.text for s in segs if sp in s.spans)
        assert covered == doc.text[sp.start:sp.end]


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=0, max_size=60),
       raw=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["actor", "cue", "content"])),
                    max_size=12))
def test_segments_property(text: str, raw: list[tuple[int, int, str]]) -> None:
    spans = [Span(a, b, k, f"{k}{i}", f"#x{i}") for i, (a, b, k) in enumerate(raw)]
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    for sp in valid:
        assert "".join(s.text for s in segs if sp in s.spans) == text[sp.start:sp.end]
    for s in segs:
        assert all(sp.start <= s.start and s.end <= sp.end for sp in s.spans)


def test_segment_link_prefers_the_most_specific_span() -> None:
    text = "The ministry denied it."
    spans = [Span(0, 23, "content", "c", "#attr-0"), Span(4, 12, "actor", "a", "/actors/x"),
             Span(13, 19, "cue", "q", "#attr-1")]
    by_text = {s.text: s for s in segments(text, spans)}
    assert by_text["ministry"].href == "/actors/x"
    assert by_text["denied"].href == "#attr-1"
    assert by_text["The "].href == "#attr-0"
    assert by_text["ministry"].css == "k-actor k-content"


def test_case_link_from_statement_content(client: TestClient, db: Path) -> None:
    if not has_case_tables(db):
        pytest.skip("cases tables (migration 0002) not in this checkout")
    body = client.get("/documents/doc-coal").text
    assert f'href="/cases/{CASE_ID}"' in body
    board = client.get(f"/cases/{CASE_ID}").text
    assert 'javascript:' not in board  # the hostile source URL of the second document is shown as no link


def test_hostile_actor_page_and_review_stay_escaped(client: TestClient) -> None:
    from sanctionwatch import reviews as rv

    doc = hostile_document()
    r = client.post("/api/v1/reviews", headers=AUTH, json={
        "doc_id": doc.doc_id, "target": "attribution", "target_key": rv.attribution_key(doc.attributions[0]),
        "verdict": "corrected", "field": "source_entity", "value": "<script>window.__pwned='review'</script>",
        "reviewer": "<img src=x onerror=alert(1)>", "note": '"><svg onload=alert(1)>'})
    assert r.status_code == 201
    for url in ("/documents/doc-hostile", "/reviews"):
        body = client.get(url).text
        assert "<script>window.__pwned='review'" not in body and "<img src=x onerror=alert(1)>" not in body
        assert '"><svg onload' not in body
        assert "&lt;script&gt;window.__pwned=&#39;review&#39;&lt;/script&gt;" in body


# ---------------------------------------------------------------------------------------------------------------
# Issue 16: invalid characters, error responses, uploads that cannot be ingested, the Host allow-list

NUL_REQUESTS = [
    "/api/v1/documents?publisher=%00", "/api/v1/documents?period=2024%00", "/api/v1/search?q=coal%00",
    "/api/v1/actors?q=a%00b", "/api/v1/events?type=%00", "/api/v1/timeline?actor=%00", "/api/v1/cases?status=%00",
    "/api/v1/documents/doc%00x", "/api/v1/actors/%00", "/?q=%00", "/documents?publisher=x%00", "/actors?q=%1b[2J",
    "/api/v1/documents?publisher=%0A", "/api/v1/search?q=a%7F",
]


@pytest.mark.parametrize("url", NUL_REQUESTS)
def test_invalid_characters_are_a_400_before_any_query(db: Path, url: str) -> None:
    app = create_app(db, token=TOKEN)

    def no_store():  # the check runs before the store is touched: the same on SQLite and PostgreSQL
        raise AssertionError("a store was opened for a request that should have been refused")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        app.state.pool.store = no_store
        r = c.get(url)
    assert r.status_code == 400, (url, r.status_code, r.text[:200])
    assert "not allowed" in (r.json()["detail"] if url.startswith("/api/") else r.text)
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("body", [
    {"text": "Coal\x00 moved."}, {"text": "Fine text.", "title": "T\x00"}, {"text": "Fine text.", "publisher": "\ud800"},
])
def test_invalid_characters_in_a_json_body_are_a_400(client: TestClient, body: dict) -> None:
    r = client.post("/api/v1/documents", content=json.dumps(body),  # ASCII JSON: "\u0000", "\ud800" escapes
                    headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 400 and "not allowed" in r.json()["detail"]


def test_invalid_characters_in_a_form_are_a_400(client: TestClient) -> None:
    r = client.post("/api/v1/reviews", data={"note": "bad\x00note"}, headers=AUTH)
    assert r.status_code == 400 and "not allowed" in r.text


def _ingest_like_the_pipeline(store, text: str, **kw):
    return to_document(RawInput(kw["input_label"], "text", text))  # the real emptiness check, without spaCy


@pytest.mark.parametrize("text", ["   ", "\n\n\t \n", "\u00a0\u2003"])
def test_whitespace_only_upload_is_a_400_with_a_message(db: Path, text: str) -> None:
    with TestClient(create_app(db, token=TOKEN, ingest_text=_ingest_like_the_pipeline),
                    base_url="http://127.0.0.1") as c:
        r = c.post("/api/v1/documents", json={"text": text}, headers=AUTH)
    assert r.status_code == 400, r.text
    assert "empty document" in r.json()["detail"]


@pytest.mark.parametrize("path, kind", [("/api/v1/boom", "application/json"), ("/boom", "text/html")])
def test_a_500_is_json_or_html_with_the_security_headers(db: Path, path: str, kind: str) -> None:
    app = create_app(db)

    def boom() -> None:
        raise RuntimeError("something broke <script>alert(1)</script>")

    app.add_api_route(path, boom)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        r = c.get(path)
    assert r.status_code == 500
    assert r.headers["content-type"].startswith(kind)
    for header in ("content-security-policy", "x-content-type-options", "x-frame-options"):
        assert header in r.headers, header
    assert "<script>" not in r.text and "RuntimeError" not in r.text  # no internals leak


def test_an_upload_whose_ingest_crashes_is_a_json_500_with_headers(db: Path) -> None:
    def crash(store, text, **kw):
        raise ValueError("year 0 is out of range")

    with TestClient(create_app(db, token=TOKEN, ingest_text=crash), base_url="http://127.0.0.1",
                    raise_server_exceptions=False) as c:
        r = c.post("/api/v1/documents", json={"text": "Some text."}, headers=AUTH)
    assert r.status_code == 500 and r.json() == {"detail": "internal server error"}
    assert r.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/api/v1/documents", "/"])
def test_bad_content_length_is_json_or_html_with_headers(client: TestClient, path: str) -> None:
    r = client.post(path, content=b"x", headers={"content-length": "abc", **AUTH})
    assert r.status_code == 400
    assert r.headers["content-type"].split(";")[0] in ("application/json", "text/html")
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host, ok", [
    ("127.0.0.1", True), ("127.0.0.1:8765", True), ("localhost:8765", True), ("LOCALHOST", True), ("[::1]:8765", True),
    ("[::1]", True), ("evil.example", False), ("evil.example:8765", False), ("127.0.0.1.evil.example", False),
    ("localhost.", False), ("[::2]:80", False), ("", False),
])
def test_host_allow_list(db: Path, host: str, ok: bool) -> None:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        r = c.get("/healthz", headers={"host": host})
    assert (r.status_code == 200) is ok, (host, r.status_code)
    if not ok:
        assert r.status_code == 400 and "Host" in r.text and r.headers["x-frame-options"] == "DENY"


def test_host_allow_list_is_extendable(db: Path) -> None:
    with TestClient(create_app(db, allowed_hosts=["workbench.internal"]), base_url="http://127.0.0.1") as c:
        assert c.get("/healthz", headers={"host": "workbench.internal:8765"}).status_code == 200
        assert c.get("/healthz", headers={"host": "other.internal"}).status_code == 400


@pytest.mark.parametrize("url", [u for u in NUL_REQUESTS if "%00" in u])
def test_nul_is_a_400_on_both_backends(store_target: str, url: str) -> None:
    with TestClient(create_app(build_store(store_target)), base_url="http://127.0.0.1",
                    raise_server_exceptions=False) as c:
        r = c.get(url)
    assert r.status_code == 400, (url, r.status_code, r.text[:200])


@pytest.mark.parametrize("listen, extra, names", [
    ("127.0.0.1", (), ["127.0.0.1"]),
    ("::", ("box.lan",), ["[::]", "box.lan"]),
    ("fe80::1", ("[::2]",), ["[fe80::1]", "[::2]"]),
    ("10.0.0.5", ("workbench.example", "10.0.0.5"), ["10.0.0.5", "workbench.example", "10.0.0.5"]),
])
def test_host_names_for_serve(listen: str, extra: tuple[str, ...], names: list[str]) -> None:
    assert host_names(listen, extra) == names

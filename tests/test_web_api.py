"""HTTP API of the workbench: every endpoint, its filters, pagination, bad parameters and auth.

The builders at the top (sample documents, a store with a case) are also
imported by test_web_security.py and test_web_browser.py.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the workbench needs the 'web' extra (fastapi, uvicorn, jinja2)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

from sanctionwatch import reviews as rv, workflow  # noqa: E402
from sanctionwatch.model import (  # noqa: E402
    Argument, Attribution, Document, Entity, Event, Fragment, IgnoredRegion, Mention, Quantity, Sentence, TimeValue,
    check_offsets,
)
from sanctionwatch.cases import Case  # noqa: E402
from sanctionwatch.store import Store  # noqa: E402
from sanctionwatch.store.cases import load_cases  # noqa: E402
from sanctionwatch.web import create_app  # noqa: E402

TOKEN = "test-token-0123456789"
PIPELINE = "test"

# ---------------------------------------------------------------------------------------------------------------
# Builders (shared with the security and browser tests)

COAL_TEXT = (
    "Seoul, 14 March 2023. Subscribe to our newsletter for more.\n\n"
    "South Korean officials said that a North Korean vessel delivered 5,000 tonnes of coal to a port in China "
    "in January. The foreign ministry in Pyongyang denied the report, calling it a fabrication.\n\n"
    "Analysts warned that further deliveries could follow before the summer."
)


def at(text: str, needle: str, nth: int = 0) -> Fragment:
    """The fragment of ``text`` covering the nth occurrence of ``needle`` (offsets computed, never typed)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Fragment.of(text, start, start + len(needle))


def mention(text: str, needle: str, nth: int = 0) -> Mention:
    f = at(text, needle, nth)
    return Mention(f.start, f.end, f.text, "GPE")


def sentences_of(text: str) -> list[Sentence]:
    """Split on '. ' and paragraph breaks: crude, but the fixtures are written for it."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] in " \n"):
            seg = text[start:i + 1]
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(start + lead, i + 1, text[start + lead:i + 1]))
            start = i + 1
    return out


def coal_document(doc_id: str = "doc-coal", published: str = "2023-03-14", publisher: str = "Example Daily") -> Document:
    t = COAL_TEXT
    content0 = at(t, "a North Korean vessel delivered 5,000 tonnes of coal to a port in China in January")
    doc = Document(
        doc_id=doc_id, text=t, input=f"{doc_id}.txt", title="Coal shipment to China denied by Pyongyang",
        published=published, publisher=publisher, url="https://news.example.org/coal", language="en",
        ignored=[IgnoredRegion(*(lambda f: (f.start, f.end, f.text))(at(t, "Subscribe to our newsletter for more.")),
                               "boilerplate")],
        sentences=sentences_of(t),
        entities=[
            Entity("kor", "South Korea", "country", [mention(t, "South Korean")]),
            Entity("prk", "North Korea", "country", [mention(t, "North Korean"), mention(t, "Pyongyang")]),
            Entity("chn", "China", "country", [mention(t, "China")]),
            Entity("local:foreign-ministry", "foreign ministry", "ORG", [mention(t, "foreign ministry")]),
        ],
        attributions=[
            Attribution([at(t, "South Korean officials")], [at(t, "said")], [content0], "assert",
                        source_entity="kor"),
            Attribution([at(t, "The foreign ministry in Pyongyang")], [at(t, "denied")], [at(t, "the report")],
                        "deny", source_entity="prk"),
            Attribution([at(t, "Analysts")], [at(t, "warned")],
                        [at(t, "further deliveries could follow before the summer")], "warn"),
        ],
        events=[
            Event("banned_export", at(t, "delivered"),
                  [Argument("agent", *(lambda f: (f.start, f.end, f.text))(at(t, "a North Korean vessel")), "prk"),
                   Argument("item", *(lambda f: (f.start, f.end, f.text))(at(t, "coal"))),
                   Argument("destination", *(lambda f: (f.start, f.end, f.text))(at(t, "China")), "chn")],
                  Quantity(5000, "tonne", False, "5,000 tonnes"), TimeValue("in January", "2023-01-01", "2023-01-31",
                                                                           "month"),
                  "alleged", 0, at(t, t[t.index("South Korean"):t.index("January.") + 8])),
            Event("banned_export", at(t, "deliveries"), [], None, None, "hypothetical", 2),
        ],
    )
    assert not check_offsets(doc.to_dict())
    return doc


HOSTILE_TITLE = '<script>window.__pwned = "title"</script>Sanctions <b>news'
HOSTILE_URL = "javascript:window.__pwned='url'"
HOSTILE_TEXT = (
    'Officials said <img src=x onerror="window.__pwned=\'img\'"> that coal was shipped.\n\n'
    "<script>window.__pwned = 'script'; alert('pwned')</script> The ministry denied it.\n\n"
    '<a href="javascript:window.__pwned=\'link\'">click</a> <svg onload="window.__pwned=\'svg\'"> <p <div "broken \' '
    "&lt;already escaped&gt; &amp; done.</p></textarea></title><!-- end"
)
HOSTILE_PAYLOADS = ("<script>", "<img src=x onerror", "<svg onload", 'href="javascript:', "</textarea></title>")


def hostile_document(doc_id: str = "doc-hostile") -> Document:
    t = HOSTILE_TEXT
    doc = Document(
        doc_id=doc_id, text=t, input="evil.html", title=HOSTILE_TITLE, published="2023-04-01",
        publisher='Evil "Press" <i>', url=HOSTILE_URL, language="en", meta={"note": "<script>x</script>"},
        sentences=sentences_of(t),
        entities=[Entity("local:<script>", '<img src=x onerror="window.__pwned=1">', "ORG",
                         [mention(t, "Officials")])],
        attributions=[
            Attribution([at(t, "Officials")], [at(t, "said")],
                        [at(t, "<img src=x onerror=\"window.__pwned='img'\"> that coal was shipped")], "assert",
                        source_entity="local:<script>"),
            # Overlapping on purpose: the content runs across the script tag and into the next statement.
            Attribution([at(t, "The ministry")], [at(t, "denied")],
                        [at(t, "<script>window.__pwned = 'script'; alert('pwned')</script> The ministry")], "deny"),
        ],
        events=[Event("banned_export", at(t, "shipped"), [], None, None, "alleged", 0)],
        warnings=["<script>window.__pwned='warning'</script>"],
    )
    assert not check_offsets(doc.to_dict())
    return doc


def other_documents() -> list[Document]:
    """Two more dated documents, from other publishers and months, for filters and pagination."""
    a = coal_document("doc-coal-2", published="2023-05-02", publisher="Harbour Wire")
    a.language = "fr"
    b = coal_document("doc-coal-3", published="2022-11-20", publisher="Harbour Wire")
    b.entities = [e for e in b.entities if e.id != "chn"]  # no China mention: the actor filter must drop it
    b.events[0].arguments = [g for g in b.events[0].arguments if g.entity != "chn"]
    return [a, b]


CASE_ID = "case-coal-1"


def insert_case(store: Store) -> bool:
    """A hand-written case over the coal documents (the allegation) and its denial; False without the tables."""
    has = store.table_exists("cases")
    if not has:
        return False
    case = {
        "id": CASE_ID, "type": "banned_export", "category": "trade_evasion",
        "summary": "North Korea delivered coal to China", "status": "contested", "min_sources": 2,
        "actors": {"agent": ["prk"], "destination": ["chn"]}, "actor_names": {"prk": "North Korea", "chn": "China"},
        "time": {"start": "2023-01-01", "end": "2023-01-31"}, "reported": {"start": "2023-03-14", "end": "2023-05-02"},
        "quantity": {"value": 5000, "unit": "tonne", "approximate": False}, "independent_sources": 2,
        "source_groups": [["doc-coal"], ["doc-coal-2"]], "denial_sources": [["doc-coal"]], "claimants": ["kor"],
        "members": [], "designated": [],
    }
    with store.transaction() as c:
        c.execute("INSERT INTO cases(case_id, type, category, summary, status, min_sources, independent_sources,"
                  " time_start, time_end, reported_start, reported_end, quantity_value, quantity_unit, json)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  (CASE_ID, "banned_export", "trade_evasion", case["summary"], "contested", 2, 2, "2023-01-01",
                   "2023-01-31", "2023-03-14", "2023-05-02", 5000, "tonne", json.dumps(case)))
        c.executemany("INSERT INTO case_members(case_id, doc_id, event_idx, attribution_idx, role) VALUES (?,?,?,?,?)",
                      [(CASE_ID, "doc-coal", 0, 0, "allegation"), (CASE_ID, "doc-coal-2", 0, 0, "allegation"),
                       (CASE_ID, "doc-coal", None, 1, "denial")])
        c.executemany("INSERT INTO case_actors(case_id, role, entity_id, name) VALUES (?,?,?,?)",
                      [(CASE_ID, "agent", "prk", "North Korea"), (CASE_ID, "destination", "chn", "China")])
        c.executemany("INSERT INTO case_sources(case_id, kind, source_group, doc_id, publisher, published, url)"
                      " VALUES (?,?,?,?,?,?,?)",
                      [(CASE_ID, "support", 0, "doc-coal", "Example Daily", "2023-03-14", "https://news.example.org/coal"),
                       (CASE_ID, "support", 1, "doc-coal-2", "Harbour Wire", "2023-05-02", "javascript:alert(1)"),
                       (CASE_ID, "denial", 0, "doc-coal", "Example Daily", "2023-03-14", None)])
    return True


def build_store(path: Path, *, with_case: bool = True) -> Path:
    with Store(path) as store:
        for doc in [coal_document(), *other_documents(), hostile_document()]:
            store.save_document(doc, PIPELINE)
        if with_case:
            insert_case(store)
    return path


def has_case_tables(path: Path) -> bool:
    with Store(path) as store:
        return store.table_exists("cases")


# ---------------------------------------------------------------------------------------------------------------
# Fixtures

@pytest.fixture()
def db(store_target: str) -> str:
    """The sample store, on SQLite and on PostgreSQL: every API test runs against both."""
    return build_store(store_target)


@pytest.fixture()
def client(db: Path) -> TestClient:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture()
def writer(db: Path) -> TestClient:
    with TestClient(create_app(db, token=TOKEN), base_url="http://127.0.0.1") as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def ok(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return r.json()


# ---------------------------------------------------------------------------------------------------------------
# Documents

def test_healthz_and_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    assert ok(client, "/healthz") == {"status": "ok"}
    paths = ok(client, "/api/v1/openapi.json")["paths"]
    for p in ("/api/v1/documents", "/api/v1/documents/{doc_id}", "/api/v1/search", "/api/v1/actors",
              "/api/v1/actors/{actor_id}", "/api/v1/actors/{actor_id}/said", "/api/v1/actors/{actor_id}/said-about",
              "/api/v1/attributions", "/api/v1/events", "/api/v1/cases", "/api/v1/cases/{case_id}",
              "/api/v1/timeline", "/api/v1/reviews"):
        assert p in paths
    assert "post" in paths["/api/v1/reviews"] and "post" in paths["/api/v1/documents"]


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"doc-coal", "doc-coal-2", "doc-coal-3", "doc-hostile"}),
    ("period=2023", {"doc-coal", "doc-coal-2", "doc-hostile"}),
    ("period=2023-03", {"doc-coal"}),
    ("period=2023-04..", {"doc-coal-2", "doc-hostile"}),
    ("period=..2022-12-31", {"doc-coal-3"}),
    ("period=2023-03-14", {"doc-coal"}),
    ("publisher=Harbour%20Wire", {"doc-coal-2", "doc-coal-3"}),
    ("language=fr", {"doc-coal-2"}),
    ("actor=chn", {"doc-coal", "doc-coal-2"}),
    ("actor=chn&period=2023-05", {"doc-coal-2"}),
])
def test_document_list_filters(client: TestClient, query: str, expected: set[str]) -> None:
    body = ok(client, f"/api/v1/documents?{query}")
    assert {d["doc_id"] for d in body["items"]} == expected
    assert body["total"] == len(expected)


def test_document_list_paginates_with_total(client: TestClient) -> None:
    first = ok(client, "/api/v1/documents?limit=3&offset=0")
    second = ok(client, "/api/v1/documents?limit=3&offset=3")
    assert first["total"] == second["total"] == 4
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    assert not {d["doc_id"] for d in first["items"]} & {d["doc_id"] for d in second["items"]}


def test_one_document_is_exactly_the_json_contract(client: TestClient) -> None:
    body = ok(client, "/api/v1/documents/doc-coal")
    assert body == json.loads(json.dumps(coal_document().to_dict()))
    assert check_offsets(body) == []
    assert client.get("/api/v1/documents/nope").status_code == 404


# ---------------------------------------------------------------------------------------------------------------
# Search

@pytest.mark.parametrize(("query", "expected_docs"), [
    ("q=coal", {"doc-coal", "doc-coal-2", "doc-coal-3", "doc-hostile"}),
    ("q=coal%20vessel", {"doc-coal", "doc-coal-2", "doc-coal-3"}),
    ("q=coal&publisher=Harbour%20Wire", {"doc-coal-2", "doc-coal-3"}),
    ("q=coal&period=2023-03", {"doc-coal"}),
    ("q=coal&language=fr", {"doc-coal-2"}),
    ("q=coal&actor=chn", {"doc-coal", "doc-coal-2"}),
    ("q=ministry&stance=deny", {"doc-coal", "doc-coal-2", "doc-coal-3", "doc-hostile"}),
    ("q=coal&stance=deny", set()),  # the denials are in the next sentence
    ("q=deliveries&event_type=banned_export", {"doc-coal", "doc-coal-2", "doc-coal-3"}),
    ("q=summer&event_type=arms_transfer", set()),
    ("q=zzzzunknown", set()),
])
def test_search_filters(client: TestClient, query: str, expected_docs: set[str]) -> None:
    body = ok(client, f"/api/v1/search?{query}")
    assert {h["doc_id"] for h in body["items"]} == expected_docs
    assert body["total"] == len(body["items"])


def test_search_hit_has_offsets_into_the_stored_text_and_a_marked_snippet(client: TestClient) -> None:
    body = ok(client, "/api/v1/search?q=coal&publisher=Example%20Daily")
    (hit,) = body["items"]
    assert COAL_TEXT[hit["start"]:hit["end"]].startswith("South Korean officials said")
    assert "[coal]" in hit["snippet"]


@pytest.mark.parametrize("q", ['"unbalanced', "coal AND", "(*", "NEAR(", "col:coal", "'; DROP TABLE documents; --"])
def test_search_words_mode_never_fails_on_syntax(client: TestClient, q: str) -> None:
    r = client.get("/api/v1/search", params={"q": q})
    assert r.status_code == 200


def test_search_fts_mode_reports_bad_syntax_as_400(client: TestClient) -> None:
    assert ok(client, "/api/v1/search?q=coal%20NOT%20vessel&mode=fts")["total"] == 1  # only the hostile doc
    r = client.get("/api/v1/search", params={"q": '"unbalanced', "mode": "fts"})
    assert r.status_code == 400 and "bad full-text query" in r.json()["detail"]


# ---------------------------------------------------------------------------------------------------------------
# Actors, attributions, events

def test_actor_list_and_summary(client: TestClient) -> None:
    body = ok(client, "/api/v1/actors?q=korea")
    assert {a["id"] for a in body["items"]} == {"kor", "prk"}
    prk = ok(client, "/api/v1/actors/prk")
    assert prk["name"] == "North Korea" and prk["documents"] == 3
    assert "DPRK" in prk["aliases"]  # from the packaged actor table
    assert {f["text"] for f in prk["surface_forms"]} == {"North Korean", "Pyongyang"}
    assert prk["said"] == 3 and prk["mentions"] == 6
    assert client.get("/api/v1/actors/nobody").status_code == 404


def test_actor_said_and_said_about(client: TestClient) -> None:
    said = ok(client, "/api/v1/actors/prk/said")
    assert said["total"] == 3
    assert {i["attribution"]["stance"] for i in said["items"]} == {"deny"}
    assert ok(client, "/api/v1/actors/prk/said?stance=assert")["total"] == 0
    # China is mentioned inside the content of the officials' statement, never as a source.
    about = ok(client, "/api/v1/actors/chn/said-about")
    assert about["total"] == 2
    assert all(i["attribution"]["source_entity"] == "kor" for i in about["items"])
    assert ok(client, "/api/v1/actors/chn/said")["total"] == 0
    # North Korea is the source of the denial: its mention there is in the source, not the content.
    about_prk = ok(client, "/api/v1/actors/prk/said-about")
    assert {i["attribution"]["stance"] for i in about_prk["items"]} == {"assert"}
    mentions = ok(client, "/api/v1/actors/chn/mentions")
    assert mentions["total"] == 2 and {m["text"] for m in mentions["items"]} == {"China"}


def test_actor_list_matches_when_lists_are_imported(client: TestClient, db: Path) -> None:
    body = ok(client, "/api/v1/actors/prk")
    with Store(db) as store:
        has_lists = store.table_exists("list_matches")
    assert body["list_matches"] == ([] if has_lists else None)


@pytest.mark.parametrize(("query", "total"), [
    ("", 11), ("stance=deny", 4), ("stance=assert", 4), ("stance=warn", 3), ("source=kor", 3),
    ("source=prk&stance=deny", 3), ("doc_id=doc-coal", 3), ("period=2023-03", 3), ("publisher=Harbour%20Wire", 6),
])
def test_attribution_filters(client: TestClient, query: str, total: int) -> None:
    assert ok(client, f"/api/v1/attributions?{query}")["total"] == total


def test_one_attribution(client: TestClient) -> None:
    body = ok(client, "/api/v1/attributions/doc-coal/1")
    assert body["attribution"]["cue"][0]["text"] == "denied"
    assert client.get("/api/v1/attributions/doc-coal/99").status_code == 404


@pytest.mark.parametrize(("query", "total"), [
    ("", 7), ("type=banned_export", 7), ("type=arms_transfer", 0), ("modality=hypothetical", 3),
    ("modality=alleged", 4), ("doc_id=doc-coal", 2), ("actor=chn", 2), ("period=2022", 2),
])
def test_event_filters(client: TestClient, query: str, total: int) -> None:
    assert ok(client, f"/api/v1/events?{query}")["total"] == total


# ---------------------------------------------------------------------------------------------------------------
# Cases and timeline

def test_cases_list_and_detail(client: TestClient, db: Path) -> None:
    if not has_case_tables(db):
        pytest.skip("cases tables (migration 0002) not in this checkout")
    body = ok(client, "/api/v1/cases")
    assert body["computed"] is True and body["total"] == 1
    (item,) = body["items"]
    assert item["status"] == "contested" and item["allegations"] == 2 and item["denials"] == 1
    assert ok(client, "/api/v1/cases?status=corroborated")["total"] == 0
    assert ok(client, "/api/v1/cases?actor=chn")["total"] == 1
    assert ok(client, "/api/v1/cases?period=2022")["total"] == 0
    case = ok(client, f"/api/v1/cases/{CASE_ID}")
    assert [m["doc_id"] for m in case["allegations"]] == ["doc-coal", "doc-coal-2"]
    (denial,) = case["denials"]
    assert denial["attribution"]["cue"][0]["text"] == "denied"
    assert {s["kind"] for s in case["sources"]} == {"support", "denial"}
    assert client.get("/api/v1/cases/case-nope").status_code == 404


def test_the_web_case_is_the_stored_case(client: TestClient, db: Path) -> None:
    # One Case type: the case page's JSON, `cases --format json` and the report read the same object.
    with Store(db) as store:
        (stored,) = load_cases(store)
    case = ok(client, f"/api/v1/cases/{CASE_ID}")["case"]
    assert case == stored.to_dict() and Case.from_dict(case).to_dict() == case
    assert case["independent_sources"] == 2 and case["quantity"] == {"value": 5000, "unit": "tonne",
                                                                      "approximate": False}


def test_cases_before_any_are_computed(tmp_path: Path) -> None:
    db = build_store(tmp_path / "nocase.db", with_case=False)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        body = ok(c, "/api/v1/cases")
        assert body["total"] == 0 and body["items"] == []
        if has_case_tables(db):
            assert body["computed"] is True
        else:
            assert body["computed"] is False and "no cases computed yet" in body["message"]


@pytest.mark.parametrize(("query", "expected"), [
    ("by=type", {("2022-11", "banned_export"): 2, ("2023-03", "banned_export"): 2, ("2023-04", "banned_export"): 1,
                 ("2023-05", "banned_export"): 2}),
    ("by=category&period=2023-03", {("2023-03", "trade_evasion"): 2}),
    ("by=type&date=event", {("2023-01", "banned_export"): 3}),
    ("by=type&modality=hypothetical&period=2023", {("2023-03", "banned_export"): 1, ("2023-05", "banned_export"): 1}),
    ("by=type&actor=chn", {("2023-03", "banned_export"): 2, ("2023-05", "banned_export"): 2}),
])
def test_timeline_counts_by_month(client: TestClient, query: str, expected: dict) -> None:
    body = ok(client, f"/api/v1/timeline?{query}")
    assert {(r["month"], r["key"]): r["count"] for r in body["items"]} == expected


# ---------------------------------------------------------------------------------------------------------------
# Bad parameters: always a clear 4xx, never a 500

BAD = [
    "/api/v1/documents?limit=0", "/api/v1/documents?limit=201", "/api/v1/documents?limit=abc",
    "/api/v1/documents?offset=-1", "/api/v1/documents?offset=99999999999999999999999",
    "/api/v1/documents?period=2023-13", "/api/v1/documents?period=2023-02-30", "/api/v1/documents?period=yesterday",
    "/api/v1/documents?period=2024..2023", "/api/v1/documents?period=..", "/api/v1/documents?period=2023-1",
    "/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=coal&stance=shouting", "/api/v1/search?q=coal&mode=sql",
    "/api/v1/search?q=" + "a" * 501, "/api/v1/attributions?stance=maybe", "/api/v1/events?modality=perhaps",
    "/api/v1/cases?status=solved", "/api/v1/timeline?by=week", "/api/v1/timeline?date=tomorrow",
    "/api/v1/attributions/doc-coal/-1", "/api/v1/attributions/doc-coal/x", "/api/v1/reviews?target=sentence",
    "/api/v1/actors?q=" + "x" * 300, "/api/v1/documents/" + "d" * 300,
]


@pytest.mark.parametrize("url", BAD)
def test_bad_parameters_are_4xx(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    assert "detail" in r.json()


@settings(max_examples=60, deadline=None)
@given(period=st.text(max_size=30), q=st.text(min_size=1, max_size=40), limit=st.integers(-5, 300),
       offset=st.integers(-5, 10**20))
def test_fuzzed_parameters_never_500(period: str, q: str, limit: int, offset: int, tmp_path_factory) -> None:
    db = _fuzz_db(tmp_path_factory)
    with TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        for url, params in (("/api/v1/search", {"q": q, "period": period, "limit": limit, "offset": offset}),
                            ("/api/v1/documents", {"period": period, "publisher": q, "limit": limit}),
                            ("/api/v1/timeline", {"period": period, "actor": q}),
                            ("/", {"q": q, "period": period, "offset": offset})):
            r = c.get(url, params=params)
            assert r.status_code < 500, (url, params, r.status_code, r.text[:200])


_FUZZ_DB: list[Path] = []


def _fuzz_db(factory) -> Path:
    if not _FUZZ_DB:
        _FUZZ_DB.append(build_store(factory.mktemp("fuzz") / "fuzz.db"))
    return _FUZZ_DB[0]


# ---------------------------------------------------------------------------------------------------------------
# Writes: reviews and uploads

def coal_keys() -> dict[str, str]:
    d = coal_document()
    return {"attribution": rv.attribution_key(d.attributions[1]), "event": rv.event_key(d.events[0]),
            "mention": rv.mention_key("chn", d.entities[2].mentions[0]), "entity": rv.entity_key(d.entities[0])}


def review_body(**over: Any) -> dict[str, Any]:
    body = {"doc_id": "doc-coal", "target": "attribution", "target_key": coal_keys()["attribution"],
            "verdict": "wrong", "reviewer": "ana", "note": "the report is not the content"}
    body.update(over)
    return body


def test_writes_are_refused_on_a_read_only_server(client: TestClient) -> None:
    r = client.post("/api/v1/reviews", json=review_body(), headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert client.post("/api/v1/documents", json={"text": "x"}, headers=AUTH).status_code == 403


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": TOKEN},
    {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer "},
])
def test_writes_need_the_right_bearer_token(writer: TestClient, headers: dict[str, str]) -> None:
    r = writer.post("/api/v1/reviews", json=review_body(), headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert ok(writer, "/api/v1/reviews")["total"] == 0


def test_review_is_stored_listed_and_survives_reprocessing(writer: TestClient, db: Path) -> None:
    r = writer.post("/api/v1/reviews", json=review_body(), headers=AUTH)
    assert r.status_code == 201, r.text
    stored = r.json()
    assert stored["reviewer"] == "ana" and stored["created_at"]
    r = writer.post("/api/v1/reviews", headers=AUTH, json=review_body(
        target="event", target_key=coal_keys()["event"], verdict="corrected", field="type", value="petroleum_import",
        note=None))
    assert r.status_code == 201, r.text
    with Store(db) as store:  # re-processing rewrites every extraction row
        store.save_document(coal_document(), "test-v2")
    listed = ok(writer, "/api/v1/reviews?doc_id=doc-coal")
    assert listed["total"] == 2
    assert [i["verdict"] for i in listed["items"]] == ["wrong", "corrected"]
    assert ok(writer, "/api/v1/reviews?target=event")["total"] == 1
    page = writer.get("/documents/doc-coal").text
    assert "the report is not the content" in page and "petroleum_import" in page


@pytest.mark.parametrize(("over", "message"), [
    ({"target_key": "source=1:2;cue=3:4;content=5:6"}, "has no attribution"),
    ({"doc_id": "doc-missing"}, "no document"),
    ({"verdict": "corrected", "field": "stance"}, "needs the corrected value"),
    ({"verdict": "corrected", "field": "colour", "value": "red"}, "names a field"),
    ({"reviewer": "   "}, "reviewer name is required"),
    ({"target": "case", "target_key": "case=case-nope"}, "no case"),
])
def test_review_validation(writer: TestClient, over: dict[str, Any], message: str) -> None:
    r = writer.post("/api/v1/reviews", json=review_body(**over), headers=AUTH)
    assert r.status_code == 422 and message in r.json()["detail"]


@pytest.mark.parametrize("over", [{"verdict": "maybe"}, {"target": "paragraph"}, {"note": "n" * 4001},
                                  {"reviewer": "r" * 81}])
def test_review_schema_validation(writer: TestClient, over: dict[str, Any]) -> None:
    assert writer.post("/api/v1/reviews", json=review_body(**over), headers=AUTH).status_code == 422


def test_case_review(writer: TestClient, db: Path) -> None:
    if not has_case_tables(db):
        pytest.skip("cases tables (migration 0002) not in this checkout")
    r = writer.post("/api/v1/reviews", headers=AUTH, json={
        "target": "case", "target_key": rv.case_key(CASE_ID), "verdict": "correct", "reviewer": "bo"})
    assert r.status_code == 201, r.text
    assert [x["reviewer"] for x in ok(writer, f"/api/v1/cases/{CASE_ID}")["reviews"]] == ["bo"]


def test_the_upload_goes_through_the_corpus_workflow(db: Path) -> None:
    # store_text extracts, stores, matches the lists and links (tests/test_workflow.py runs it).
    assert create_app(db).state.ingest_text is workflow.store_text


def test_upload_runs_ingest_text_and_needs_the_token(db: Path) -> None:
    calls: list[dict[str, Any]] = []

    def fake_ingest(store: Store, text: str, **kw: Any) -> Document:
        # Stands in for workflow.store_text (which loads spaCy): stores a hand-built document.
        calls.append({"text": text, **kw})
        doc = Document(doc_id="doc-upload", text=text, title=kw.get("title"), published=kw.get("published"),
                       input=kw["input_label"])
        store.save_document(doc, PIPELINE)
        return doc

    with TestClient(create_app(db, token=TOKEN, ingest_text=fake_ingest), base_url="http://127.0.0.1") as c:
        body = {"text": "Officials said coal moved.", "title": "Upload", "published": "2024-01-02"}
        assert c.post("/api/v1/documents", json=body).status_code == 401
        r = c.post("/api/v1/documents", json=body, headers=AUTH)
        assert r.status_code == 201, r.text
        assert r.json()["doc_id"] == "doc-upload"
        assert calls == [{"text": body["text"], "title": "Upload", "published": "2024-01-02", "url": None,
                          "publisher": None, "input_label": "upload"}]
        assert ok(c, "/api/v1/documents/doc-upload")["text"] == body["text"]
        assert c.post("/api/v1/documents", json={**body, "published": "2 Jan"}, headers=AUTH).status_code == 422
        assert c.post("/api/v1/documents", json={"title": "no text"}, headers=AUTH).status_code == 422


# ---------------------------------------------------------------------------------------------------------------
# Review library and export

def test_export_reviews_writes_exact_span_texts(db: Path) -> None:
    keys = coal_keys()
    with Store(db) as store:
        rv.add_review(store, doc_id="doc-coal", target="attribution", target_key=keys["attribution"],
                      verdict="wrong", reviewer="ana", note="content too short")
        rv.add_review(store, doc_id="doc-coal", target="mention", target_key=keys["mention"], verdict="correct",
                      reviewer="ana")
        rv.add_review(store, doc_id="doc-coal", target="entity", target_key=keys["entity"], verdict="corrected",
                      field="type", value="government", reviewer="bo")
        buf = io.StringIO()
        assert rv.export_reviews(store, buf) == 3
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    attr, men, ent = lines
    assert [(s["role"], s["text"]) for s in attr["spans"]] == [
        ("source", "The foreign ministry in Pyongyang"), ("cue", "denied"), ("content", "the report")]
    assert attr["review"]["note"] == "content too short" and attr["extraction_still_present"] is True
    assert attr["sentence"]["text"].startswith("The foreign ministry in Pyongyang denied")
    assert attr["current_extraction"]["stance"] == "deny"
    assert [s["text"] for s in men["spans"]] == ["China"]
    assert [s["text"] for s in ent["spans"]] == ["South Korean"]
    for line in lines:
        for s in line["spans"]:
            assert COAL_TEXT[s["start"]:s["end"]] == s["text"]


def test_export_keeps_reviewed_spans_after_the_extraction_changes(db: Path) -> None:
    key = coal_keys()["attribution"]
    with Store(db) as store:
        rv.add_review(store, doc_id="doc-coal", target="attribution", target_key=key, verdict="wrong", reviewer="ana")
        changed = coal_document()
        changed.attributions[1].content = [at(COAL_TEXT, "the report, calling it a fabrication")]
        store.save_document(changed, "test-v2")
        (line,) = list(rv.iter_export(store))
    assert line["extraction_still_present"] is False and line["current_extraction"] is None
    assert [s["text"] for s in line["spans"]][-1] == "the report"  # what the analyst judged, not the new span


def test_export_command_writes_jsonl(db: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sanctionwatch.cli import main

    with Store(db) as store:
        rv.add_review(store, doc_id="doc-coal", target="event", target_key=coal_keys()["event"], verdict="correct",
                      reviewer="ana")
    out = tmp_path / "reviews.jsonl"
    result = CliRunner().invoke(main, ["export", "reviews", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["spans"] == [{"role": "trigger", "start": COAL_TEXT.index("delivered"),
                              "end": COAL_TEXT.index("delivered") + 9, "text": "delivered"}]


@pytest.mark.parametrize("key", ["source=1:2;cue=x;content=", "cue=5:3", "nonsense"])
def test_malformed_keys_are_rejected(key: str) -> None:
    with pytest.raises(rv.ReviewError):
        rv.key_spans(key)


def test_serve_command_refuses_missing_db_and_short_token(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sanctionwatch.commands.web import serve

    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "absent.db")])
    assert r.exit_code != 0 and "no database" in r.output
    db = build_store(tmp_path / "x.db")
    r = CliRunner().invoke(serve, ["--db", str(db), "--token", "short"])
    assert r.exit_code != 0 and "12 characters" in r.output

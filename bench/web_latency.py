"""Latency of the workbench on a 10,000-document store, in process (FastAPI TestClient).

Builds a store of generated documents (templates filled with actors, goods,
ports and dates; each with entities, attributions, events and sentences), adds
cases over them, then times N requests per route and prints p50/p95 in
milliseconds together with the ratio to a trivial /healthz request measured in
the same run (so the figures compare across machines).

    .venv/bin/python bench/web_latency.py [--docs 10000] [--requests 200] [--db FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from sanctionwatch.model import check_offsets, Argument, Attribution, Document, Entity, Event, Fragment, Mention, Sentence, TimeValue
from sanctionwatch.store import Store
from sanctionwatch.web import create_app

ACTORS = [("prk", "North Korea", "country"), ("kor", "South Korea", "country"), ("chn", "China", "country"),
          ("rus", "Russia", "country"), ("usa", "United States", "country"), ("jpn", "Japan", "country")]
CLAIMANTS = [("kor", "South Korean officials"), ("usa", "The US Treasury"), ("jpn", "Japanese investigators"),
             ("local:panel", "A UN panel of experts")]
GOODS = [("coal", "banned_export"), ("refined petroleum", "petroleum_import"), ("artillery shells", "arms_transfer"),
         ("iron ore", "banned_export"), ("luxury cars", "luxury_goods")]
VERBS = ["delivered", "shipped", "transferred", "sold"]
PUBLISHERS = ["Example Daily", "Harbour Wire", "Northern Monitor", "Asia Ledger", "Reliable Post"]
TEMPLATE = ("{claimant} said that a North Korean vessel {verb} {qty} tonnes of {good} to a port in {dest} in {month}. "
            "The foreign ministry in Pyongyang denied the report, calling it a fabrication. "
            "Analysts warned that further deliveries could follow before the end of the year, "
            "and {dest} declined to comment on the {good} trade.")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def at(text: str, needle: str, start: int = 0) -> Fragment:
    i = text.index(needle, start)
    return Fragment.of(text, i, i + len(needle))


def make_document(i: int, rng: random.Random) -> Document:
    claimant_id, claimant = rng.choice(CLAIMANTS)
    good, etype = rng.choice(GOODS)
    dest_id, dest, _ = rng.choice([a for a in ACTORS[2:] if a[0] != claimant_id])
    month = rng.randrange(12)
    year = rng.choice([2021, 2022, 2023, 2024])
    text = TEMPLATE.format(claimant=claimant, verb=rng.choice(VERBS), qty=f"{rng.randrange(1, 90) * 100:,}",
                           good=good, dest=dest, month=MONTHS[month])
    text = f"Report {i}. " + text
    first_end = text.index(". The foreign") + 1
    second_end = text.index(". Analysts") + 1
    sentences = [Sentence(0, len(f"Report {i}."), f"Report {i}.")]
    for a, b in ((len(f"Report {i}. "), first_end), (first_end + 1, second_end), (second_end + 1, len(text))):
        sentences.append(Sentence(a, b, text[a:b]))
    content = Fragment.of(text, text.index("a North Korean vessel"), text.index(MONTHS[month], text.index(" in ")) + len(MONTHS[month]))
    trigger = at(text, "vessel ")
    trigger = Fragment.of(text, trigger.end, text.index(" ", trigger.end))
    ents = [Entity("prk", "North Korea", "country", [Mention(*_m(text, "North Korean")), Mention(*_m(text, "Pyongyang"))]),
            Entity(dest_id, dest, "country", [Mention(*_m(text, dest))])]
    if claimant_id != "local:panel":
        ents.append(Entity(claimant_id, dict((a, n) for a, n, _ in ACTORS).get(claimant_id, claimant), "country",
                           [Mention(*_m(text, claimant.split()[1] if claimant.startswith("The") else claimant.split()[0]))]))
    attrs = [
        Attribution([at(text, claimant)], [at(text, "said")], [content], "assert", source_entity=claimant_id),
        Attribution([at(text, "The foreign ministry in Pyongyang")], [at(text, "denied")], [at(text, "the report")],
                    "deny", source_entity="prk"),
        Attribution([at(text, "Analysts")], [at(text, "warned")],
                    [at(text, "further deliveries could follow before the end of the year")], "warn"),
    ]
    dated = f"{year}-{month + 1:02d}"
    events = [Event(etype, trigger, [Argument("agent", *_m(text, "a North Korean vessel"), entity="prk"),
                                     Argument("destination", *_m(text, dest), entity=dest_id)],
                    None, TimeValue(f"in {MONTHS[month]}", f"{dated}-01", f"{dated}-28", "month"), "alleged", 0,
                    sentences[1]),
              Event("banned_export", at(text, "deliveries"), [], None, None, "hypothetical", 2)]
    return Document(doc_id=f"gen-{i:05d}", text=text, input=f"gen/{i}.txt", title=f"{good.capitalize()} to {dest} ({i})",
                    published=f"{year}-{month + 1:02d}-{rng.randrange(1, 28):02d}", publisher=rng.choice(PUBLISHERS),
                    url=f"https://news.example.org/{i}", language="en", sentences=sentences, entities=ents,
                    attributions=attrs, events=events)


def _m(text: str, needle: str) -> tuple[int, int, str]:
    i = text.index(needle)
    return i, i + len(needle), needle


def build(path: Path, n_docs: int, n_cases: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with Store(path) as store:
        with store.transaction() as c:
            for i in range(n_docs):
                doc = make_document(i, rng)
                if i < 50:  # the generator must respect the offset invariant like the pipeline does
                    assert not check_offsets(doc.to_dict()), doc.doc_id
                store.save_document(doc, "bench")
            if store.table_exists("cases"):
                for k in range(n_cases):
                    members = rng.sample(range(n_docs), 12)
                    cid = f"case-{k:04d}"
                    case = {"id": cid, "type": "banned_export", "category": "trade_evasion",
                            "summary": f"Generated case {k}", "status": "contested", "min_sources": 2,
                            "independent_sources": 5, "members": []}
                    c.execute("INSERT INTO cases(case_id, type, category, summary, status, min_sources,"
                              " independent_sources, reported_start, reported_end, json) VALUES (?,?,?,?,?,?,?,?,?,?)",
                              (cid, "banned_export", "trade_evasion", case["summary"], "contested", 2, 5,
                               "2021-01-01", "2024-12-31", json.dumps(case)))
                    for j, d in enumerate(members):
                        role = "denial" if j % 4 == 3 else "allegation"
                        c.execute("INSERT INTO case_members VALUES (?,?,?,?,?)",
                                  (cid, f"gen-{d:05d}", 0 if role == "allegation" else None,
                                   0 if role == "allegation" else 1, role))
                        c.execute("INSERT INTO case_sources VALUES (?,?,?,?,?,?,?)",
                                  (cid, "denial" if role == "denial" else "support", j // 3, f"gen-{d:05d}",
                                   "Example Daily", "2023-01-01", None))


def measure(client: TestClient, url: str, n: int) -> list[float]:
    client.get(url)  # warm caches and the connection pool
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(url)
        out.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{url}: HTTP {r.status_code} {r.text[:200]}")
    return out


def pct(xs: list[float], p: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[int(p) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--cases", type=int, default=400)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path, help="store to build or reuse (default: a temporary file)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.docs, args.cases)
        print(f"built {args.docs} documents, {args.cases} cases in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    doc = f"gen-{min(4242, args.docs - 1):05d}"
    case = f"case-{min(42, max(args.cases - 1, 0)):04d}"
    routes = [
        ("baseline /healthz", "/healthz"),
        ("search API, common words", "/api/v1/search?q=coal%20vessel"),
        ("search API, filtered", "/api/v1/search?q=coal&publisher=Harbour%20Wire&period=2023&stance=deny"),
        ("search page (HTML)", "/?q=coal%20vessel"),
        ("document API", f"/api/v1/documents/{doc}"),
        ("document page (HTML)", f"/documents/{doc}"),
        ("case board list (HTML)", "/cases"),
        ("case board detail (HTML)", f"/cases/{case}"),
        ("actor page (HTML)", "/actors/chn"),
        ("timeline page (HTML)", "/timeline"),
    ]
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        n_docs = client.get("/api/v1/documents?limit=1").json()["total"]
        results = [(name, measure(client, url, args.requests)) for name, url in routes]
    base = statistics.median(results[0][1])
    print(f"{n_docs} documents, {args.requests} requests per route, in-process TestClient")
    print(f"{'route':32} {'p50 ms':>8} {'p95 ms':>8} {'p50/base':>9} {'p95/base':>9}")
    for name, xs in results:
        p50, p95 = statistics.median(xs), pct(xs, 95)
        print(f"{name:32} {p50:8.1f} {p95:8.1f} {p50 / base:9.1f} {p95 / base:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

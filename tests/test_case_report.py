"""The Panel-style case report: footnotes quote exact text, denials beside allegations, hostile text escaped."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from sanctionwatch.commands.cases import commands
from sanctionwatch.ingest import iter_raw, to_document
from sanctionwatch.cases import Case, CaseMember
from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.rebuild import rebuild_cases
from sanctionwatch.model import Argument, Attribution, Document, Entity, Event, Fragment, Mention, Sentence, TimeValue
from sanctionwatch.report import cases as cases_module
from sanctionwatch.report import files, write_reports
from sanctionwatch.report.cases import evidence_fragment, timeline_svg, write_case_report
from sanctionwatch.store import Store
from sanctionwatch.store.cases import load_cases

ALLEGATION = "Seoul said the North shipped 6,700 containers of munitions to Russia in February."
DENIAL = "Pyongyang rejected the claim <b>as absurd</b> & false."


def make_doc(doc_id: str, sentence: str, *, modality: str = "asserted", title: str = "Report", publisher: str = "P",
             published: str = "2024-03-01", attribution: Attribution | None = None, url: str | None = None) -> Document:
    text = f"{title}\n\nIntro line here.\n\n{sentence}\n\nClosing line."
    s0 = text.index(sentence)
    trig = s0 + sentence.index("shipped") if "shipped" in sentence else s0 + sentence.index("rejected")
    event = Event(
        type="arms_transfer",
        trigger=Fragment.of(text, trig, trig + 7),
        arguments=[Argument("agent", s0, s0 + 5, text[s0:s0 + 5], "prk"), Argument("recipient", s0, s0 + 5, text[s0:s0 + 5], "rus")],
        time=TimeValue("February", "2024-02-01", "2024-02-29", "month"),
        modality=modality,
        attribution=0 if attribution else None,
        sentence=Fragment.of(text, s0, s0 + len(sentence)),
    )
    return Document(
        doc_id=doc_id, text=text, input=f"{doc_id}.txt", title=title, publisher=publisher, published=published, url=url,
        sentences=[Sentence(s0, s0 + len(sentence), sentence)], events=[event],
        entities=[Entity("prk", "North Korea", "country", [Mention(s0, s0 + 5, text[s0:s0 + 5])]),
                  Entity("rus", "Russia", "country", [])],
        attributions=[attribution] if attribution else [],
    )


@pytest.fixture()
def report(tmp_path):
    with Store(tmp_path / "r.db") as store:
        store.save_document(make_doc("d1", ALLEGATION, title="Munitions <script>alert(1)</script>", publisher="Wire A",
                                     url="https://a.example/x?a=1&b=2"), "t")
        store.save_document(make_doc("d2", ALLEGATION, publisher="Wire B", published="2024-03-02",
                                     url="javascript:alert(1)"), "t")
        store.save_document(make_doc("d3", DENIAL.replace("rejected", "rejected"), modality="denied",
                                     publisher="<img src=x onerror=alert(1)>", published="2024-03-05"), "t")
        rebuild_cases(store)  # the report shows the stored cases: link first
        paths = write_case_report(store, tmp_path / "out", min_sources=2)
        docs = {d.doc_id: d for d in store.iter_documents()}
    return {k: p.read_text(encoding="utf-8") for k, p in paths.items()}, docs


def test_writes_both_files(report):
    files, _ = report
    assert set(files) == {"cases-md", "cases-html"}


def test_footnotes_quote_exact_text_with_offsets(report):
    files, docs = report
    md = files["cases-md"]
    d1 = docs["d1"]
    start = d1.text.index(ALLEGATION)
    assert f"characters {start}–{start + len(ALLEGATION)}" in md
    assert "“Seoul said the North shipped 6,700 containers of munitions to Russia in February.”" in md
    notes = re.findall(r"^\[\^(\d+)\]: ", md, flags=re.M)
    assert notes == ["1", "2", "3"]


def test_denial_sits_beside_allegations(report):
    files, _ = report
    html = files["cases-html"]
    (section,) = re.findall(r"<section class=\"case\".*?</section>", html, flags=re.S)
    allege, deny = section.split("<div class=\"deny\">")
    assert "Seoul said the North shipped" in allege and "Pyongyang rejected" not in allege
    assert "Pyongyang rejected the claim &lt;b&gt;as absurd&lt;/b&gt; &amp; false." in deny
    assert "Contested" in section
    md = files["cases-md"]
    assert "Allegations: [^1] [^2]" in md and "Denials (right of reply): [^3]" in md


def test_html_escapes_hostile_text(report):
    files, _ = report
    html = files["cases-html"]
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html  # a non-http link is not made clickable
    assert 'href="https://a.example/x?a=1&amp;b=2"' in html
    assert "<script" not in files["cases-md"] and "&lt;img" in files["cases-md"]


def test_html_is_standalone_with_inline_svg(report):
    files, _ = report
    html = files["cases-html"]
    assert "<svg" in html and "<circle" in html and "Arms and military cooperation" in html
    assert not re.search(r"(src|href)=\"(https?:)?//[^\"]*\.(js|css)", html)
    assert "<link " not in html


def test_summary_and_status_in_report(report):
    files, _ = report
    assert "North Korea: Arms transfer to Russia, in February 2024." in files["cases-md"]


def test_designated_flag_shown(tmp_path, store_target):
    with Store(store_target) as store:
        store.save_document(make_doc("d1", ALLEGATION), "t")
        c = store.conn
        with store.transaction():
            c.execute("INSERT INTO sanctions_lists VALUES ('un-sc-consolidated','UN',NULL,'x','0','now')")
            c.execute("INSERT INTO list_entries(list_id, reference_number, kind, regime, name, listed_on, dataid, json)"
                      " VALUES ('un-sc-consolidated','KPe.999','entity','DPRK','TEST CORP',NULL,NULL,'{}')")
            c.execute("INSERT INTO list_matches VALUES ('un-sc-consolidated','KPe.999','prk','North Korea',NULL,NULL,NULL,"
                      "0.95,'exact','listed name')")
        rebuild_cases(store)  # the report shows the stored cases: link first
        paths = write_case_report(store, tmp_path / "o")
    assert "designated" in paths["cases-md"].read_text() and "KPe.999" in paths["cases-html"].read_text()


def test_evidence_fragment_falls_back_to_attribution_span():
    text = "Moscow called the report slander, the ministry said."
    attr = Attribution(source=[Fragment.of(text, 35, 47)], cue=[Fragment.of(text, 48, 52)],
                       content=[Fragment.of(text, 0, 33)], stance="deny", source_entity="rus")
    doc = Document(doc_id="x", text=text, attributions=[attr])
    frag = evidence_fragment(doc, CaseMember("x", None, "denial", 0))
    assert text[frag.start:frag.end] == frag.text and frag.start == 0 and frag.end == 52


def test_timeline_without_dates():
    assert "<svg" not in timeline_svg([])
    (case,) = link_events([make_doc("d1", ALLEGATION)])
    assert "<svg" in timeline_svg([case])


def test_commands(tmp_path, store_target):
    from click.testing import CliRunner

    from sanctionwatch.commands.cases import commands

    by_name = {c.name: c for c in commands}
    db = store_target
    with Store(db) as store:
        store.save_document(make_doc("d1", ALLEGATION, publisher="A"), "t")
        other = "Tokyo sources confirmed that munitions were shipped from the North to Russian ports during February."
        store.save_document(make_doc("d2", other, title="Other angle", publisher="B"), "t")
    runner = CliRunner()
    res = runner.invoke(by_name["report"], ["--db", str(db), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out" / "cases.html").exists() and (tmp_path / "out" / "cases.md").exists()
    res = runner.invoke(by_name["cases"], ["--db", str(db), "--format", "json", "--actor", "prk", "--status", "corroborated"])
    assert res.exit_code == 0 and [c["status"] for c in json.loads(res.output)] == ["corroborated"]
    res = runner.invoke(by_name["cases"], ["--db", str(db), "--format", "json", "--until", "2023"])
    assert res.exit_code == 0 and json.loads(res.output) == []
    res = runner.invoke(by_name["cases"], ["--db", str(db), "--actor", "irn", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output) == []
    assert runner.invoke(by_name["cases"], ["--db", str(tmp_path / "missing.db")]).exit_code == 1
    assert runner.invoke(by_name["cases"], ["--db", str(db), "--since", "soon"]).exit_code == 2
    assert runner.invoke(by_name["cases"], ["--db", str(db), "--status", "maybe"]).exit_code == 2
    assert runner.invoke(by_name["lists"], ["match", "--db", str(db)]).exit_code == 1  # no list imported
    bad = tmp_path / "bad.xml"
    bad.write_text("<not-xml", encoding="utf-8")
    assert runner.invoke(by_name["lists"], ["import", str(bad), "--db", str(db)]).exit_code == 1


# -- hostile metadata through every report (issue 16) ------------------------

HOSTILE_URL = "https://example.com/<img src=x onerror=alert(1)>"
HOSTILE_NAME = "odd`<img src=x onerror=alert(2)>`[red]name"


def hostile_reports(tmp_path) -> dict[str, str]:
    """Every report file over a store whose metadata is hostile: a sidecar URL, a title, a publisher, a file name."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{HOSTILE_NAME}.txt").write_text("Ferry operators in Wonsan were said to move goods.\n", encoding="utf-8")
    (corpus / f"{HOSTILE_NAME}.txt.meta.json").write_text(json.dumps({
        "url": HOSTILE_URL, "title": "Title <script>alert(3)</script> **x** `y`", "publisher": "[p](javascript:alert(4))",
    }), encoding="utf-8")
    (raw,) = list(iter_raw([str(corpus)]))
    ingested = to_document(raw)
    with Store(tmp_path / "h.db") as store:
        store.save_document(ingested, "t")
        store.save_document(make_doc("d1", ALLEGATION, title="T <svg onload=alert(5)>", url=HOSTILE_URL,
                                     publisher="<img src=x onerror=alert(6)>"), "t")
        store.save_document(make_doc("d2", ALLEGATION, publisher="Wire B", url="https://b.example/`x`"), "t")
        rebuild_cases(store)
        paths = write_reports(store, tmp_path / "out", min_sources=2)
    return {k: p.read_text(encoding="utf-8") for k, p in paths.items()}


def test_markdown_reports_carry_no_html_from_metadata(tmp_path):
    files = hostile_reports(tmp_path)
    for name in ("evidence-md", "cases-md"):
        md = files[name]
        assert "<img" not in md and "<script" not in md and "<svg" not in md, name
        rendered = MarkdownIt("commonmark").render(md)  # raw HTML allowed, as most viewers do
        assert "<img" not in rendered and "<script" not in rendered and "<svg" not in rendered, name
        assert 'href="javascript' not in rendered, name
        assert "example.com/<" not in rendered, name


def test_every_html_report_has_a_csp(tmp_path):
    files = hostile_reports(tmp_path)
    for name in ("evidence-html", "cases-html"):
        head = files[name][:2000]
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in head, name
        assert "<script" not in files[name] and "<img" not in files[name], name


def test_a_failed_report_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    with Store(tmp_path / "r.db") as store:
        store.save_document(make_doc("d1", ALLEGATION), "t")
        rebuild_cases(store)  # the report shows the stored cases: link first
        paths = write_case_report(store, tmp_path / "out")
        before = {k: p.read_bytes() for k, p in paths.items()}

        def broken(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(cases_module, "render_html", broken)
        with pytest.raises(OSError):
            write_case_report(store, tmp_path / "out")
    assert {k: p.read_bytes() for k, p in paths.items()} == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cases.html", "cases.md"]  # no temp files left


def test_write_atomic_cleans_up_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "cases.md"
    target.write_text("old report\n", encoding="utf-8")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError):
        files.write_atomic(target, "new report\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["cases.md"]


def test_cases_table_prints_markup_in_actor_names_literally(tmp_path):
    db = tmp_path / "m.db"
    with Store(db) as store:
        for doc_id, publisher in (("d1", "Wire A"), ("d2", "Wire B")):
            doc = make_doc(doc_id, ALLEGATION, publisher=publisher)
            doc.entities[0] = Entity("prk", "North [/]Korea [bold]", "country", doc.entities[0].mentions)
            store.save_document(doc, "t")
    by_name = {c.name: c for c in commands}
    runner = CliRunner()
    assert runner.invoke(by_name["report"], ["--db", str(db), "--out", str(tmp_path / "out")]).exit_code == 0  # links
    res = runner.invoke(by_name["cases"], ["--db", str(db)], env={"COLUMNS": "400"})
    assert res.exit_code == 0, res.output
    assert "[/]Korea [bold]" in res.output


def _case_ids_in(md: str) -> list[str]:
    return re.findall(r"\*\*Case id:\*\* `([^`]+)`", md)


def test_the_report_shows_the_stored_cases_and_never_relinks(tmp_path, monkeypatch):
    with Store(tmp_path / "r.db") as store:
        store.save_document(make_doc("d1", ALLEGATION, publisher="Wire A"), "t")
        store.save_document(make_doc("d2", ALLEGATION, publisher="Wire B", published="2024-03-02"), "t")
        rebuild_cases(store)
        stored = load_cases(store)

        def no_linking(*args, **kwargs):
            raise AssertionError("the report must not link")

        for module in ("sanctionwatch.linking.clustering", "sanctionwatch.linking.rebuild"):
            monkeypatch.setattr(f"{module}.link_events", no_linking)
        monkeypatch.setattr("sanctionwatch.linking.clustering.link_items", no_linking)
        monkeypatch.setattr("sanctionwatch.linking.sweep.Sweep.run", no_linking)  # the full rebuild's clustering
        paths = write_case_report(store, tmp_path / "out")
        in_report, _ = cases_module.stored_cases(store)
    assert [c.to_dict() for c in in_report] == [c.to_dict() for c in stored] and stored
    md = paths["cases-md"].read_text(encoding="utf-8")
    assert sorted(_case_ids_in(md)) == sorted(c.id for c in stored)
    assert f"{stored[0].independent_sources} independent source(s)" in md


def test_a_store_without_cases_gives_an_empty_report(tmp_path):
    with Store(tmp_path / "r.db") as store:
        store.save_document(make_doc("d1", ALLEGATION), "t")  # stored, not linked
        paths = write_case_report(store, tmp_path / "out")
    assert paths["cases-md"].read_text(encoding="utf-8").startswith("# sanctionwatch case report\n\n0 case(s)")


def test_a_case_reads_back_as_it_was_linked():
    (case,) = link_events([make_doc("d1", ALLEGATION), make_doc("d2", ALLEGATION, publisher="Wire B")])
    linked = json.loads(json.dumps(case.to_dict()))  # as the store keeps it
    again = Case.from_dict(linked)
    assert {k: v for k, v in again.to_dict().items() if k in linked} == linked  # every linked field reads back
    assert (again.id, again.status, again.independent_sources, again.members) == (
        case.id, case.status, case.independent_sources, [CaseMember(m.doc_id, m.event_idx, m.role, m.attribution_idx)
                                                          for m in case.members])
    assert again.time_start == case.time_start and again.reported_end == case.reported_end


@pytest.mark.parametrize("stored, expected", [
    # what an older store wrote: no claimants, designations, labels or membership
    ({"id": "c1", "type": "arms_transfer", "category": "military_cooperation", "status": "single-source",
      "members": [{"doc_id": "a", "event_idx": 0, "role": "allegation"}], "source_groups": [["a"]]},
     {"claimants": [], "designated": [], "source_labels": [], "membership": [], "independent_sources": 1,
      "quantity": None, "time": {"start": None, "end": None}}),
    ({"id": "c2", "type": "coal_export", "category": "trade_evasion", "status": "contested", "min_sources": 3,
      "quantity": {"value": 900, "unit": "tonne", "approximate": True}, "time": {"start": "2022-05-01"},
      "denial_sources": [["b"]]},
     {"min_sources": 3, "quantity": {"value": 900, "unit": "tonne", "approximate": True},
      "time": {"start": "2022-05-01", "end": None}, "denial_sources": [["b"]], "independent_sources": 0}),
])
def test_case_from_dict_reads_partial_json(stored, expected):
    out = Case.from_dict(stored).to_dict()
    assert {k: out[k] for k in expected} == expected

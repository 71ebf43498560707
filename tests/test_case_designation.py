"""Case-level designation reads the listing date: an actor listed after a case's events was not designated then."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

import sanctionwatch as sw
from sanctionwatch.linking.rebuild import case_date
from sanctionwatch.model import Argument, Entity, Fragment, Mention, Sentence, TimeValue
from sanctionwatch.sanctions import import_list
from sanctionwatch.store.cases import load_cases
from sanctionwatch.workflow import link_cases, update_store

LIST_XML = (Path(__file__).parent / "fixtures" / "lists" / "un_birchwood.xml").read_text(encoding="utf-8")


def _doc(doc_id: str, sentence: str, published: str, time: TimeValue | None) -> sw.Document:
    text = f"{sentence}\n"
    at, t = text.index("Birchwood Shipping"), text.index("shipped")
    doc = sw.Document(doc_id=doc_id, text=text, input=f"{doc_id}.txt", publisher=f"Desk {doc_id}", published=published)
    doc.sentences = [Sentence(0, len(sentence), sentence)]
    doc.entities = [Entity("birchwood", "Birchwood Shipping", "org", [Mention(at, at + 18, "Birchwood Shipping")])]
    doc.events = [sw.Event(type="arms_transfer", trigger=Fragment.of(text, t, t + 7),
                           arguments=[Argument("agent", at, at + 18, "Birchwood Shipping", "birchwood")],
                           time=time, sentence=Fragment.of(text, 0, len(sentence)))]
    return doc


def test_an_actor_listed_after_the_events_is_not_designated_in_that_case(tmp_path: Path) -> None:
    early = _doc("d-2011", "Birchwood Shipping shipped rifles to a southern port in 2011.", "2012-03-01",
                 TimeValue("in 2011", "2011-01-01", "2011-12-31", "year"))
    late = _doc("d-2019", "Birchwood Shipping shipped mortars to an eastern port in 2019.", "2019-09-01",
                TimeValue("in 2019", "2019-01-01", "2019-12-31", "year"))
    path = tmp_path / "list.xml"
    path.write_text(LIST_XML, encoding="utf-8")
    with sw.open_store(tmp_path / "sw.db") as store:
        for d in (early, late):
            store.save_document(d, "hand-1")
        import_list(store, path)
        link_cases(store)
        by_year = {c.time_start[:4]: c for c in load_cases(store)}
        assert by_year["2011"].designated == []
        (flag,) = by_year["2019"].designated
        assert flag["reference_number"] == "KPe.961" and flag["status"] == "designated"
        assert flag["listed_on"] == "2013-01-22"
        md = update_store(store, link=False, report_dir=tmp_path / "out", reports="cases")["cases-md"]
        text = md.read_text(encoding="utf-8")
        assert text.count("**designated**") == 1
        testclient = pytest.importorskip("fastapi.testclient")
        web = pytest.importorskip("sanctionwatch.web")
        client = testclient.TestClient(web.create_app(str(tmp_path / "sw.db")), base_url="http://127.0.0.1")
        pages = {year: client.get(f"/cases/{c.id}").text for year, c in by_year.items()}
        assert "KPe.961" in pages["2019"] and "listed 2013-01-22" in pages["2019"] and "KPe.961" not in pages["2011"]


@pytest.mark.parametrize("time_start, time_end, reported, expected", [
    ("2011-01-01", "2011-12-31", "2012-03-01", "2011-12-31"),  # the end of the events' period
    ("2011-05-04", None, "2012-03-01", "2011-05-04"),
    (None, None, "2012-03-01", "2012-03-01"),  # undated events: at the latest their first report
    (None, None, None, None),
])
def test_case_date(time_start, time_end, reported, expected) -> None:
    case = SimpleNamespace(time_start=time_start, time_end=time_end, reported_start=reported, reported_end=reported)
    assert case_date(case) == expected  # type: ignore[arg-type]

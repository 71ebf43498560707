"""List matching for some documents only (a web upload, a review): their flags replaced, the entities' best
matches recomputed from every flag, and the result the same as matching the whole store."""

from __future__ import annotations

from pathlib import Path

from sanctionwatch.model import Argument, Document, Entity, Event, Fragment, Mention, TimeValue
from sanctionwatch.sanctions import flags, import_list, match_store
from sanctionwatch.store import Store
from sanctionwatch.store import lists as stored_lists
from sanctionwatch.workflow import store_text

LIST_XML = (Path(__file__).parent / "fixtures" / "lists" / "un_birchwood.xml").read_text(encoding="utf-8")


def _doc(doc_id: str, text: str, published: str, year: str | None = None) -> Document:
    doc = Document(doc_id=doc_id, text=text, input=f"{doc_id}.txt", published=published)
    at = text.index("Birchwood Shipping")
    doc.entities = [Entity("birchwood", "Birchwood Shipping", "org", [Mention(at, at + 18, "Birchwood Shipping")])]
    if year:
        t = text.index("sent")
        doc.events = [Event("transfer", Fragment(t, t + 4, "sent"), [Argument("agent", at, at + 18, "Birchwood Shipping",
                                                                             "birchwood")],
                            time=TimeValue(year, f"{year}-01-01", f"{year}-12-31", "year"))]
    return doc


def _flags(store: Store) -> list[tuple]:
    return sorted((f["doc_id"], f["start"], f["reference_number"], f["status"], f["explanation"])
                  for f in stored_lists.flags(store))


def _matches(store: Store) -> list[tuple]:
    return sorted((m["entity_id"], m["reference_number"], m["score"], m["explanation"])
                  for m in stored_lists.matches(store))


def test_matching_one_document_leaves_the_others_and_agrees_with_a_full_match(tmp_path: Path, store_target) -> None:
    old = _doc("d-old", "Birchwood Shipping sent two tankers north in 2011.", "2011-06-01", "2011")
    new = _doc("d-new", "Port staff said Birchwood Shipping was loading coal again.", "2019-06-01")
    path = tmp_path / "list.xml"
    path.write_text(LIST_XML, encoding="utf-8")
    with Store(store_target) as store:
        store.save_document(old, "test")
        import_list(store, path)
        match_store(store)
        assert [f[3] for f in _flags(store)] == ["before-listing"]
        store.save_document(new, "test")
        assert match_store(store, doc_ids=["d-new"]) == 1  # the entity's best flag: the new, designated one
        scoped_flags, scoped_matches = _flags(store), _matches(store)
        assert [(f[0], f[3]) for f in scoped_flags] == [("d-new", "designated"), ("d-old", "before-listing")]
        match_store(store)
        assert (_flags(store), _matches(store)) == (scoped_flags, scoped_matches)


def test_matching_a_document_whose_mention_is_gone_drops_its_flag_and_match(tmp_path: Path) -> None:
    doc = _doc("d-one", "Port staff said Birchwood Shipping was loading coal again.", "2019-06-01")
    path = tmp_path / "list.xml"
    path.write_text(LIST_XML, encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        store.save_document(doc, "test")
        import_list(store, path)
        assert match_store(store) == 1
        doc.entities = []  # re-extracted without the company
        store.save_document(doc, "test")
        assert match_store(store, doc_ids=["d-one"]) == 0
        assert _flags(store) == [] and _matches(store) == []


class _OneDocPipeline:
    """Stands in for the spaCy pipeline: the uploaded text becomes a document naming the company."""

    version = "hand-1"

    def prepare(self, raw):
        return Document(doc_id="d-upload", text=raw.payload, input=raw.input, published=raw.hints.get("published"))

    def process(self, docs):
        for doc in docs:
            doc.entities = _doc(doc.doc_id, doc.text, doc.published or "").entities
            yield doc


def test_the_web_upload_matches_the_lists_for_the_new_document_only(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "list.xml"
    path.write_text(LIST_XML, encoding="utf-8")
    read: list = []
    original = stored_lists.mention_rows
    monkeypatch.setattr(stored_lists, "mention_rows", lambda db, doc_ids=None: read.append(doc_ids) or original(db, doc_ids))
    with Store(tmp_path / "t.db") as store:
        store.save_document(_doc("d-old", "Birchwood Shipping sent two tankers north in 2011.", "2011-06-01"), "test")
        import_list(store, path)
        store_text(store, "Harbour clerks said Birchwood Shipping had a new tanker.", published="2019-06-01",
                   pipeline=_OneDocPipeline())  # type: ignore[arg-type]
        assert read[-1] == ["d-upload"]
        assert {f[0] for f in _flags(store)} == {"d-upload"}  # the old document was never matched here


def test_a_list_is_built_once_per_import(tmp_path: Path, monkeypatch) -> None:
    built: list[str] = []
    monkeypatch.setattr(flags, "_LOADED", {})  # another test may have built this very list in this process
    original = flags.list_from_store
    monkeypatch.setattr(flags, "list_from_store", lambda db, i: built.append(i) or original(db, i))
    path = tmp_path / "list.xml"
    path.write_text(LIST_XML, encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        store.save_document(_doc("d-one", "Port staff said Birchwood Shipping was loading coal again.", "2019-06-01"),
                            "test")
        import_list(store, path)
        assert match_store(store) == 1 and match_store(store, doc_ids=["d-one"]) == 1
        assert len(built) == 1
        path.write_text(LIST_XML.replace("BIRCHWOOD SHIPPING", "ASPEN FREIGHT").replace("Birchwood Shipping", "Aspen Freight"),
                        encoding="utf-8")
        import_list(store, path)  # another list under the same id: built again, and matched as it now is
        assert match_store(store) == 0 and len(built) == 2

"""The streaming full rebuild gives the cases the in-memory linking gives, copies found through documents
without evidence included, and leaves the linking state the incremental update starts from."""

from __future__ import annotations

import gc
import random
from pathlib import Path

import sanctionwatch as sw
from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.incremental import link_store
from sanctionwatch.linking.rebuild import linking_view, rebuild_cases
from sanctionwatch.model import Argument, Attribution, Document, Entity, Event, Fragment, Mention, Sentence, TimeValue
from sanctionwatch.store import linking as stored

WORDS = ("harbour", "ledger", "convoy", "tariff", "quay", "manifest", "inspector", "crane", "berth", "pilot",
         "ballast", "tug", "customs", "warehouse", "tide", "anchor", "freight", "clerk", "dock", "lantern",
         "barge", "signal", "winch", "cargo", "hull", "rope", "gangway", "mooring", "deck", "keel")
CLAIM = "Harbour police said Northland shipped 40 rocket launchers to Zembla in March."


def _prose(seed: int, n: int = 160) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def _doc(doc_id: str, publisher: str, parts: list[str], with_claim: bool, published: str) -> sw.Document:
    text = "\n\n".join(parts + ([CLAIM] if with_claim else [])) + "\n"
    doc = sw.Document(doc_id=doc_id, text=text, input=f"{doc_id}.txt", publisher=publisher, published=published)
    if with_claim:
        s = text.index(CLAIM)
        nland, zem, t = s + CLAIM.index("Northland"), s + CLAIM.index("Zembla"), s + CLAIM.index("shipped")
        doc.sentences = [Sentence(s, s + len(CLAIM), CLAIM)]
        doc.entities = [Entity("nland", "Northland", "country", [Mention(nland, nland + 9, "Northland")]),
                        Entity("zem", "Zembla", "country", [Mention(zem, zem + 6, "Zembla")])]
        doc.events = [sw.Event(type="arms_transfer", trigger=Fragment.of(text, t, t + 7),
                               arguments=[Argument("agent", nland, nland + 9, "Northland", "nland"),
                                          Argument("recipient", zem, zem + 6, "Zembla", "zem")],
                               time=TimeValue("in March", "2024-03-01", "2024-03-31", "month"),
                               sentence=Fragment.of(text, s, s + len(CLAIM)))]
    return doc


def _docs() -> list[sw.Document]:
    p, q, r = _prose(1), _prose(2), _prose(3)
    return [
        _doc("d-a", "Wire A", [p], True, "2024-04-01"),  # a copy of d-c (shares p) ...
        _doc("d-c", "Wire C", [p, q], False, "2024-04-02"),  # ... which has no evidence ...
        _doc("d-b", "Wire B", [q], True, "2024-04-03"),  # ... and is a copy of d-b (shares q)
        _doc("d-d", "Wire D", [r], True, "2024-04-04"),  # independent reporting
    ]


def test_streaming_rebuild_matches_the_in_memory_linking(tmp_path: Path) -> None:
    docs = _docs()
    with sw.open_store(tmp_path / "sw.db") as store:
        store.save_documents(docs, "hand-1")
        cases = rebuild_cases(store)
        assert [c.to_dict() for c in cases] == [c.to_dict() for c in link_events(docs)]
        keys = dict(stored.source_keys(store, ["d-a", "d-b", "d-c", "d-d"]))
        assert keys["d-a"] == keys["d-b"] == keys["d-c"] != keys["d-d"]  # copies joined through d-c
        (case,) = cases
        assert case.independent_sources == 2
        assert stored.syndication_pairs_from(store, ["d-a", "d-b"]) == [("d-a", "d-c"), ("d-b", "d-c")]
        assert stored.documents_sharing_shingles(store, []) == set()
        assert link_store(store).touched == 0  # the state it left: nothing pending


def test_the_incremental_update_after_a_streamed_rebuild_finds_copies_in_the_sampled_index(tmp_path: Path) -> None:
    first, *rest = _docs()
    with sw.open_store(tmp_path / "sw.db") as store:
        store.save_documents(rest, "hand-1")
        rebuild_cases(store)
        store.save_document(first, "hand-1")
        link_store(store)  # incremental: d-a's copy d-c is found through the stored sampled shingles
        keys = dict(stored.source_keys(store, ["d-a", "d-c"]))
        assert keys["d-a"] == keys["d-c"]
        assert [c.to_dict() for c in sw.store.cases.load_cases(store)] == [c.to_dict() for c in link_events(_docs())]


def test_the_rebuild_holds_no_document_it_has_read(tmp_path: Path, monkeypatch) -> None:
    """No whole document (with its sentences) is alive when the cases are written: each is released once
    read (what keeps memory flat as stores grow); documents with evidence stay only as linking views."""
    alive_at_write: list[int] = []
    original_replace = stored.replace_all
    ours = {(d.doc_id, d.publisher) for d in _docs()}  # other tests' documents may still be alive in a full run

    def replace_all(*args, **kwargs):
        gc.collect()
        alive_at_write.append(sum(1 for o in gc.get_objects()
                                  if isinstance(o, sw.Document) and o.sentences and (o.doc_id, o.publisher) in ours))
        return original_replace(*args, **kwargs)

    monkeypatch.setattr(stored, "replace_all", replace_all)
    with sw.open_store(tmp_path / "sw.db") as store:
        docs = _docs()
        for doc in docs:
            doc.sentences = doc.sentences or [Sentence(0, len(doc.text), doc.text)]
        store.save_documents(docs, "hand-1")
        del docs, doc
        assert len(rebuild_cases(store)) == 1
    assert alive_at_write == [0]


def test_a_linking_view_keeps_what_cases_read_and_drops_the_rest() -> None:
    text = ("HARBOURTON (Reuters) - Officials said the cargo left the port on Monday. "
            "\"We tracked every container,\" a port officer said, adding that resolution 2397 applied.")
    said = text.index("said")
    quote = text.index("We tracked")
    doc = Document(
        doc_id="v1", text=text, publisher="Lakeside Courier", published="2024-05-02",
        entities=[Entity("prk", "North Korea", "country", [Mention(0, 3, text[0:3], "GPE")]),
                  Entity("local:port", "the port", "facility", [])],
        attributions=[Attribution([Fragment.of(text, 0, 9)], [Fragment.of(text, said, said + 4)],
                                  [Fragment.of(text, quote, quote + 27)], source_entity="prk")],
        events=[Event("banned_export", Fragment.of(text, text.index("left"), text.index("left") + 4),
                      [Argument("agent", 0, 9, text[:9], "prk")], attribution=0,
                      sentence=Fragment.of(text, 0, text.index("Monday.") + 7))])
    view = linking_view(doc)
    assert view.text and view.text == text[: len(view.text)]  # the dateline head: credit still reads it
    assert [e.id for e in view.entities] == ["prk"]  # only actors its events and attributions name
    assert not view.entities[0].mentions
    (ev,) = view.events
    assert (ev.type, ev.attribution, ev.arguments) == ("banned_export", 0, [])
    (attr,) = view.attributions
    assert attr.source[0].text == text[0:9] and attr.source_entity == "prk"  # the speaker, as claims name it
    assert (attr.content[0].start, attr.content[0].text) == (quote, "")  # offsets kept, the quote gone
    undated = linking_view(Document(doc_id="v2", text="No dateline here. " * 10, events=[]))
    assert undated.text == ""

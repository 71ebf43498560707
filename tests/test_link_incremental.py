"""Incremental case linking agrees with the full rebuild, touches only what changed; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctionwatch.linking.incremental import link_store, update_cases
from sanctionwatch.linking.items import evidence_items
from sanctionwatch.linking.neighbourhood import blocking_window, related_types
from sanctionwatch.linking.rebuild import rebuild_cases
from sanctionwatch.linking.scoring import LINK_THRESHOLD, compatible
from sanctionwatch.store.linking import blocking_candidates, pending_changes
from sanctionwatch.model import Argument, Document, Event, Fragment, TimeValue
from sanctionwatch.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def corpus_docs(pipeline) -> list[Document]:
    """The demo corpus processed once for the module (about 5 s), in input order."""
    docs: list[Document] = []
    pipeline.run([str(CORPUS)], sink=docs.append)
    docs = [d for d in docs if not d.input.endswith("README.md")]
    assert len(docs) >= 20
    return sorted(docs, key=lambda d: d.input)


def snapshot(store: Store) -> dict[str, dict]:
    """case id -> the stored case (members, status, sources ...)."""
    return {r[0]: json.loads(r[1]) for r in store.conn.execute("SELECT case_id, json FROM cases")}


def rebuilt(store: Store) -> dict[str, dict]:
    rebuild_cases(store)
    return snapshot(store)


BATCH_ORDERS = {
    "input order": lambda docs: docs,
    "by publication": lambda docs: sorted(docs, key=lambda d: (d.published or "", d.doc_id)),
    "newest first": lambda docs: sorted(docs, key=lambda d: (d.published or "", d.doc_id), reverse=True),
    "interleaved": lambda docs: docs[0::3] + docs[1::3] + docs[2::3],
}


@pytest.mark.parametrize("order", sorted(BATCH_ORDERS))
def test_three_incremental_batches_give_the_full_rebuild(store_target, corpus_docs, pipeline, order):
    """Equality, not a similarity score: with the default 2 hops the neighbourhood is wide enough on this
    corpus for the greedy clustering to see every event it would see in a full rebuild (1 hop missed one
    case pair in the "newest first" order, pairwise F1 0.994; see the linking.incremental module doc)."""
    docs = BATCH_ORDERS[order](corpus_docs)
    with Store(store_target) as store:
        third = (len(docs) + 2) // 3
        summaries = []
        for b in range(3):
            store.save_documents(docs[b * third:(b + 1) * third], pipeline.version)
            summaries.append(link_store(store))
        assert summaries[0].full and not summaries[1].full and not summaries[2].full
        assert summaries[2].documents_added == len(docs) - 2 * third
        incremental = snapshot(store)
        assert incremental == rebuilt(store)
        assert {c["status"] for c in incremental.values()} >= {"single-source", "corroborated"}


@pytest.fixture
def linked(store_target, corpus_docs, pipeline):
    with Store(store_target) as store:
        store.save_documents(corpus_docs, pipeline.version)
        link_store(store)
        yield store


def test_an_unchanged_store_updates_nothing(linked):
    before = snapshot(linked)
    summary = link_store(linked)
    assert not summary.full
    assert (summary.touched, summary.cases_considered, summary.documents_loaded) == (0, 0, 0)
    assert snapshot(linked) == before
    assert pending_changes(linked) == ([], [], [])


def _doc_with_most_cases(store: Store) -> str:
    return store.conn.execute(
        "SELECT doc_id, count(DISTINCT case_id) AS n FROM case_members GROUP BY doc_id ORDER BY n DESC, doc_id LIMIT 1"
    ).fetchone()[0]


def test_deleting_a_document_updates_only_its_neighbourhood(linked):
    before = snapshot(linked)
    victim = _doc_with_most_cases(linked)
    holding = {cid for cid, c in before.items() if any(m["doc_id"] == victim for m in c["members"])}
    with linked.transaction() as c:
        c.execute("DELETE FROM documents WHERE doc_id = ?", (victim,))
    summary = update_cases(linked)
    after = snapshot(linked)
    assert summary.documents_removed == 1 and summary.documents_loaded < len(before)
    assert holding <= set(summary.cases_removed)  # their member lists changed, so their ids did
    assert 0 < summary.cases_considered < len(before)
    untouched = set(before) - set(summary.cases_removed) - set(summary.cases_rewritten)
    assert all(after[cid] == before[cid] for cid in untouched)
    assert not any(m["doc_id"] == victim for c in after.values() for m in c["members"])
    assert after == rebuilt(linked)


def test_replacing_a_document_relinks_it(linked, corpus_docs, pipeline):
    """A corrected article is a new text (a new content hash): the old version goes, the new one comes."""
    old = next(d for d in corpus_docs if d.doc_id == _doc_with_most_cases(linked))
    from sanctionwatch.ingest import RawInput

    raw = RawInput(old.input, "text", old.text + "\n\nThis article was corrected to fix a typing error.",
                   {"title": old.title, "published": old.published, "publisher": old.publisher, "url": old.url})
    new = next(pipeline.process([pipeline.prepare(raw)]))
    assert new.doc_id != old.doc_id and new.events
    with linked.transaction() as c:
        c.execute("DELETE FROM documents WHERE doc_id = ?", (old.doc_id,))
    linked.save_document(new, pipeline.version)
    summary = update_cases(linked)
    assert (summary.documents_added, summary.documents_removed) == (1, 1)
    after = snapshot(linked)
    assert any(m["doc_id"] == new.doc_id for c in after.values() for m in c["members"])
    assert after == rebuilt(linked)


def test_a_resaved_document_is_relinked(linked, pipeline):
    """Re-processing rewrites a document under the same id; its cases must follow its new events."""
    doc_id = _doc_with_most_cases(linked)
    doc = linked.get_document(doc_id)
    doc.events = doc.events[1:]  # the new extraction lost one event
    linked.save_document(doc, pipeline.version + "-next")
    assert pending_changes(linked)[1] == [doc_id]
    summary = update_cases(linked)
    assert summary.documents_changed == 1
    assert snapshot(linked) == rebuilt(linked)
    assert pending_changes(linked) == ([], [], [])


# --------------------------------------------------------------------------
# Independent sources across the increment: hand-made articles

STORY = ("Satellite images show the tanker {name} taking refined petroleum from a foreign vessel off Nampo on "
         "the night of 3 March, according to analysts who studied the pictures. The transfer lasted several "
         "hours and the tanker had switched off its transponder, they said. The cargo was estimated at several "
         "thousand barrels of diesel fuel, in breach of the cap on refined products.")


def article(doc_id: str, text: str, publisher: str) -> Document:
    """One article whose single event is a North Korean ship-to-ship transfer on 3 March 2024."""
    start = text.index("taking")
    ev = Event(
        type="ship_to_ship_transfer", trigger=Fragment.of(text, start, start + len("taking")),
        arguments=[Argument("agent", 0, 9, text[0:9], "prk")],
        time=TimeValue("3 March", "2024-03-03", "2024-03-03", "day", True), modality="asserted",
    )
    return Document(doc_id=doc_id, text=text, publisher=publisher, published="2024-03-05", events=[ev])


@pytest.mark.parametrize("copy_publisher, status, sources", [
    ("Other Daily", "corroborated", 2),  # a copy of A by a third outlet: A's wire counted once, B still separate
    ("Second Wire", "single-source", 1),  # a copy of A by B's outlet ties A and B into one source
])
def test_a_new_syndicated_copy_changes_the_source_count(store_target, copy_publisher, status, sources):
    a = article("doc-a", STORY.format(name="Silver Heron"), "First Wire")
    b = article("doc-b", "Officials in Seoul said the tanker Silver Heron was seen taking oil from a ship off "
                "Nampo on 3 March, and called it a breach of the sanctions.", "Second Wire")
    with Store(store_target) as store:
        store.save_documents([a, b], "v")
        link_store(store)
        (case,) = snapshot(store).values()
        assert case["status"] == "corroborated" and case["independent_sources"] == 2
        copy = article("doc-c", "Reprinted. " + a.text, copy_publisher)
        store.save_document(copy, "v")
        summary = update_cases(store)
        assert summary.documents_added == 1
        (case,) = snapshot(store).values()
        assert (case["status"], case["independent_sources"]) == (status, sources)
        assert snapshot(store) == rebuilt(store)


# --------------------------------------------------------------------------
# Blocking never loses a pair that could link


def test_blocking_query_returns_every_member_that_scores_above_the_threshold(linked, corpus_docs):
    """Exhaustive over the corpus: the SQL prefilter is a superset of the pairs compatible() links."""
    items = evidence_items(corpus_docs)
    by_key = {(i.doc.doc_id, i.idx): i for i in items}
    checked = 0
    for x in items:
        returned = {(doc_id, idx) for _, doc_id, idx, _ in
                    blocking_candidates(linked, *blocking_window(x.event, x.doc.published))}
        for key, m in by_key.items():
            if compatible(x.event, m.event, published_a=x.doc.published, published_b=m.doc.published) >= LINK_THRESHOLD:
                checked += 1
                # a coreference-merged event is found through any of its mentions
                assert any((m.doc.doc_id, n) in returned for n in m.chain), (x.doc.input, x.idx, m.doc.input, m.idx)
    assert checked > len(items)  # every item matches itself, and some match others


@pytest.mark.parametrize("type_id, related, unrelated", [
    ("ship_to_ship_transfer", "ship_to_ship_transfer", "missile_launch"),
])
def test_related_types_include_the_type_and_exclude_other_families(type_id, related, unrelated):
    types = related_types(type_id)
    assert related in types and unrelated not in types


def test_another_article_of_a_known_publisher_relinks_no_old_case(store_target):
    """Source keys stay stable: the publisher's new article (with the smallest id) re-keys no old document."""
    launch = Event(type="missile_launch", trigger=Fragment(10, 15, "fired"), modality="asserted",
                   arguments=[Argument("agent", 0, 9, "Pyongyang", "prk")],
                   time=TimeValue("on 9 May", "2019-05-09", "2019-05-09", "day", True))
    old = [article("doc-m", STORY.format(name="Ocean Lark"), "First Wire"),
           article("doc-n", STORY.format(name="Blue Lantern"), "Second Wire")]
    with Store(store_target) as store:
        store.save_documents(old, "v")
        link_store(store)
        before = snapshot(store)
        new = Document(doc_id="doc-0", text="Pyongyang fired a missile on 9 May.", publisher="first wire ",
                       published="2019-05-10", events=[launch])
        store.save_document(new, "v")
        summary = update_cases(store)
        assert (summary.cases_considered, summary.cases_added) == (0, [next(iter(set(snapshot(store)) - set(before)))])
        assert {k: v for k, v in snapshot(store).items() if k in before} == before
        assert snapshot(store) == rebuilt(store)

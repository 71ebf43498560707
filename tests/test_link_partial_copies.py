"""A partial copy (a rewrite, a relay) is one only when published close to its original; a near-full copy
is one whatever its date.  An agency's template sentences, reused in its stories of a series months apart,
make no copies.  Pages written for these tests (no third-party text)."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.incremental import link_store, update_cases
from sanctionwatch.linking.rebuild import rebuild_cases
from sanctionwatch.linking.syndication import is_copy, syndication_groups
from sanctionwatch.model import Argument, Document, Event, Fragment, TimeValue
from sanctionwatch.store import Store
from sanctionwatch.store import linking as stored


@pytest.mark.parametrize("shared, size_a, size_b, days_apart, expected", [
    (30, 120, 140, None, True),  # a partial copy, dates unknown: the text decides
    (30, 120, 140, 1, True),  # a relay the next day
    (30, 120, 140, 120, False),  # the same share four months later: template sentences, not a copy
    (100, 120, 140, 500, True),  # most of the text: a mirror re-dated long after
    (5, 120, 140, 0, False),  # too little shared, however close
])
def test_a_partial_copy_must_be_close_in_time(shared, size_a, size_b, days_apart, expected):
    assert is_copy(shared, size_a, size_b, days_apart=days_apart) is expected


TEMPLATE = ("The coastguard of Freedonia says one of its patrol planes has photographed a foreign freighter "
            "apparently handing fuel to a North Korean tanker on the high seas. ")
CLOSING = " Sanctions on North Korea cap its fuel imports and forbid the handing of any goods to its ships at sea."
WINTER = ("A statement issued on Thursday said the two ships were lashed together for six hours near a reef "
          "east of the capital. It named the freighter Amber Gull and said the tanker had been listed before. "
          "The ministry added that it had told the sanctions committee and shared its pictures with allies, who "
          "had asked for them after a similar sighting in the autumn.")
SPRING = ("Officials told reporters that the sighting took place far to the south, off an island chain, and "
          "that the tanker this time was the Crimson Tern, photographed at dusk while a hose ran between the "
          "hulls. Diplomats expect the case to reach the council before the summer recess, when members meet "
          "again to review the list of banned vessels and the panel's last report.")


def _page(doc_id: str, body: str, published: str, publisher: str) -> Document:
    text = TEMPLATE + body + CLOSING
    t = text.index("handing")
    d = text.index("North Korean")
    ev = Event("ship_to_ship_transfer", Fragment(t, t + len("handing"), "handing"),
               [Argument("destination", d, d + len("North Korean"), "North Korean", "prk")],
               time=TimeValue("on Thursday", published, published, "day", True),
               sentence=Fragment(0, len(TEMPLATE) - 1, TEMPLATE[:-1]), modality="alleged")
    return Document(doc_id=doc_id, text=text, publisher=publisher, published=published, events=[ev])


@pytest.mark.parametrize("second_published, one_group", [
    ("2024-01-12", True),  # a relay two days later shares enough to be a copy
    ("2024-05-20", False),  # four months later: only the agency's template is shared
])
def test_stories_of_a_series_sharing_a_template_are_no_copies(second_published, one_group):
    winter = _page("w1", WINTER, "2024-01-10", "Harbour Times")
    spring = _page("s1", SPRING, second_published, "Valley Gazette")
    groups = syndication_groups([winter, spring])
    assert (len(groups) == 1) is one_group


def test_a_mirror_re_dated_a_year_later_is_still_a_copy():
    original = _page("w1", WINTER, "2024-01-10", "Harbour Times")
    mirror = _page("m1", WINTER, "2025-02-01", "Scraped Mirror")
    assert syndication_groups([original, mirror]) == [{"m1", "w1"}]


@pytest.mark.parametrize("second_published, copies", [
    ("2024-01-12", [("s1", "w1")]),  # a relay two days later is found as a copy by the update too
    ("2024-05-20", []),  # the later story of the series is not
])
def test_the_incremental_update_judges_partial_copies_like_the_rebuild(store_target, second_published, copies):
    winter = _page("w1", WINTER, "2024-01-10", "Harbour Times")
    spring = _page("s1", SPRING, second_published, "Harbour Wire")
    with Store(store_target) as store:
        store.save_documents([winter], "v")
        link_store(store)
        store.save_document(spring, "v")
        update_cases(store)
        for _ in ("update", "rebuild"):
            assert stored.syndication_pairs_from(store, ["s1", "w1"]) == copies
            keys = dict(stored.source_keys(store, ["s1", "w1"]))
            assert (keys["s1"] == keys["w1"]) is bool(copies)  # one independent source only as copies
            rebuild_cases(store)

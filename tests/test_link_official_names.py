"""Copies and separate write-ups of one official release: names and titles copied from the release are no
sign that one page copied another's prose (linking/syndication.py ``shingles``)."""

from __future__ import annotations

import pytest

from sanctionwatch.linking.syndication import is_copy, own_words, shingles

# Two separate write-ups of one (invented) designation round: both spell out the agency, the official's
# title and the designees, but tell the rest in their own words.
_RELEASE_A = (
    "Washington on Tuesday blacklisted a shipping firm and two of its managers, saying the Office of Foreign "
    "Assets Control had found that Pine Harbour Maritime Trading and Silver Crane Logistics Company moved "
    "coal for Pyongyang last spring. Deputy Assistant Secretary of the Treasury for Sanctions Policy and "
    "Enforcement Jane Doe-Rivera announced the step, which freezes any assets the firms hold in America. "
    "Officials added that the managers had renamed vessels to hide the cargo."
)
_RELEASE_B = (
    "New penalties landed this week on a pair of logistics companies accused of carrying North Korean coal. "
    "According to the Office of Foreign Assets Control, Pine Harbour Maritime Trading and Silver Crane "
    "Logistics Company arranged the voyages, and Deputy Assistant Secretary of the Treasury for Sanctions "
    "Policy and Enforcement Jane Doe-Rivera said more listings would follow. The blacklisting blocks "
    "their property under American jurisdiction."
)


def _shared(a: str, b: str) -> tuple[int, int, int]:
    sa, sb = shingles(own_words(a)), shingles(own_words(b))
    return len(sa & sb), len(sa), len(sb)


def test_write_ups_sharing_only_names_and_titles_are_not_copies():
    shared, size_a, size_b = _shared(_RELEASE_A, _RELEASE_B)
    assert not is_copy(shared, size_a, size_b, days_apart=0)
    # what is left is a shingle joining "the" to a name ("the office of foreign assets")
    assert shared <= 2 and shared / min(size_a, size_b) < 0.05


def test_a_copy_that_repeats_the_names_is_still_a_copy():
    copy = "Updated: " + _RELEASE_A.replace("last spring", "in the spring")
    shared, size_a, size_b = _shared(_RELEASE_A, copy)
    assert is_copy(shared, size_a, size_b, days_apart=3)
    assert shared / min(size_a, size_b) >= 0.5


@pytest.mark.parametrize("phrase, shared", [
    ("Office of Foreign Assets Control", False),   # an agency's name: the page's own
    ("Deputy Secretary of the Treasury", False),   # an official's title
    ("the Bank of Korea said", True),              # two capitalised words are no title
    ("sanctions took effect at midnight", True),   # ordinary prose
])
def test_which_runs_of_five_words_two_pages_share(phrase, shared):
    a = f"first page: {phrase} ."
    b = f"second page, in other words: {phrase} !"
    assert bool(shingles(own_words(a)) & shingles(own_words(b))) is shared


def test_the_page_keeps_its_size():
    # the names' words become the page's own rather than vanishing: the containment of another page's
    # shared prose is measured against the whole page
    assert len(shingles(own_words(_RELEASE_A))) == len(shingles(_RELEASE_A))

"""A blog's tag list joined onto one line by the scrape: capitalised words only, no full stop, one tag prefix
standing three times or more.  A headline, a name list or a title-case line of the story repeats no word that often
and is kept."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole

HEADLINE = "Regulator fines shipping agent over oil transfers\n\n"
STORY = (
    "Officials in Seoul said on Monday that two tankers had met at sea near the island in April.\n\n"
    "The ministry added that the crews were being questioned and that the cargo had been seized by the coast guard.\n"
)


@pytest.mark.parametrize("tags", [
    "Trade Law Banking Compliance EU Sanctions EU Export Controls EU Designations Iran",
    "Sanctions Watch Asia Of Interest to Banks FinCEN FinCEN Advisories FinCEN Guidance Shipping",
    "Maritime Maritime Insurance Maritime Security Vessel Tracking Ship to Ship Transfers",
])
def test_a_flattened_tag_list_is_ignored(tags):
    text = HEADLINE + tags + "\n\n" + STORY
    assert ignored_whole(text, tags)
    assert kept_whole(text, "two tankers had met at sea")


@pytest.mark.parametrize("line", [
    # a title-case headline with no repeated word
    "Treasury Sanctions Two Shipping Firms And Three Captains Over Oil Transfers At Sea",
    # a repeated word, but a lower-case content word shows running text
    "EU sanctions EU firms and EU banks that traded with the shipping agent",
    # too short for a tag list: a label line
    "EU Sanctions EU Designations EU",
])
def test_title_case_lines_that_are_not_tag_lists_are_kept(line):
    text = HEADLINE + line + "\n\n" + STORY
    assert kept_whole(text, line)

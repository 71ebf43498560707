"""Page clutter read on a seventh blind set of real pages, restated in the team's own words: a section trail
between bars, a relative time stamp, AP's "This photo provided on <date>, by <source>, ..." caption, a photo
credit closed by a site's domain, a "Recent Features" label, and a two-sentence teaser packed in a rail's list."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole

STORY = (
    "Officials in Seoul said on Monday that two tankers had met at sea near the island in April.\n\n"
    "The ministry added that the crews were being questioned and that the cargo had been seized by the coast guard.\n\n"
    "The ministry said it would share its findings with the monitoring team by the end of the month.\n"
)


@pytest.mark.parametrize("clutter", [
    "Asia | Security | Maritime",
    "The Koreas | Diplomacy | East Asia",
    "2 months, 3 days ago",
    "5 hours ago",
    "Recent Features",
    "This photo provided on May 2, 2023, by the North Korean government, a soldier inspects a tank in a field.",
    "An envoy of the ministry at a briefing. Jane Roe, RIA Novosti / example.ru",
])
def test_a_line_of_clutter_above_the_story_is_ignored(clutter):
    text = clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)
    assert kept_whole(text, "two tankers had met at sea")


@pytest.mark.parametrize("line", [
    "The envoy said the vote was 13 to 2 | a margin the council had not seen in years.",
    "Two years ago the ministry said the same thing about the same tanker.",
    "This photo provided by the coast guard was cited by the ministry as proof, officials said.",
])
def test_story_lines_that_look_alike_are_kept(line):
    text = line + "\n\n" + STORY
    assert kept_whole(text, line)


def test_a_teaser_packed_in_a_rail_list_is_ignored_where_paragraphs_stand_apart():
    rail = ("More from Example News:\n"
            "Floods closed two bridges in the north. Crews worked through the night to reopen them.\n"
            "Court orders a mayor to explain a missing budget.")
    text = "A longer story stands above the rail, its paragraphs set apart by blank lines as most pages do.\n\n" + STORY + "\n" + rail + "\n"
    assert ignored_whole(text, "Floods closed two bridges in the north. Crews worked through the night to reopen them.")
    assert kept_whole(text, "share its findings with the monitoring team")


def test_a_paragraph_after_a_rail_header_is_kept_where_the_page_has_no_blank_lines():
    text = STORY.replace("\n\n", "\n") + "Related\nThe coast guard said on Tuesday that the second tanker had also been seized near the island.\n"
    assert kept_whole(text, "the second tanker had also been seized near the island")

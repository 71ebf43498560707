"""Page clutter from the lead's seventh blind set, restated in the team's own words: a bare ISO 8601 time stamp
on a line of its own, and a caption that says what a screenshot or photo shows after a participle other than the
usual "released/provided" ("captured Monday by X at ...")."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole

STORY = (
    "Officials in Tokyo said on Tuesday that two tankers had been seen side by side at sea in February.\n\n"
    "The ministry added that it had told the monitoring committee and would share its photographs.\n"
)


@pytest.mark.parametrize("clutter", [
    "2025-03-04T11:22:33.456Z",
    "2019-10-01T08:00:00+09:00",
    "2021-06-30T23:59",
    "The screenshot captured Monday by the Example News Agency at the ministry's website shows two tankers side by side. (Example)",
    "A photo taken on Friday by a coast guard plane shows a hose between the two ships.",
])
def test_a_line_of_clutter_above_the_story_is_ignored(clutter):
    text = clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)
    assert kept_whole(text, "two tankers had been seen side by side")


@pytest.mark.parametrize("line", [
    "The screenshot captured by the ministry shows the transfer, officials said on Tuesday.",
    "On 2025-03-04 the ministry said it had seen the two ships at night.",
    "The photo released by the ministry was the fourth it had shown, according to the agency.",
])
def test_story_lines_that_look_alike_are_kept(line):
    text = line + "\n\n" + STORY
    assert kept_whole(text, line)


@pytest.mark.parametrize("clutter", [
    "by news_desk on 2021-03-04 10:22:31",
    "By admin on March 4, 2021",
    "New user promotion",
])
def test_a_site_accounts_byline_and_a_promotion_label_are_ignored(clutter):
    text = clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)


def test_a_sentence_opening_with_by_is_kept():
    line = "By the end of the month the ministry had named four more ships."
    assert kept_whole(line + "\n\n" + STORY, line)


@pytest.mark.parametrize("clutter", [
    "[Anchor Lead]",
    "[Pkg]",
    "[Reporter]",
    "comments powered by Disqus",
])
def test_bracketed_broadcast_labels_and_a_comment_widget_are_ignored(clutter):
    text = clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)


def test_a_bracketed_soundbite_label_goes_and_its_speaker_stays():
    line = '[Soundbite] JANE ROE(COAST GUARD) : "The two ships met at night."'
    text = STORY + "\n\n" + line
    assert ignored_whole(text, "[Soundbite]")
    assert kept_whole(text, 'JANE ROE(COAST GUARD) : "The two ships met at night."')


def test_a_korean_sites_entry_and_revision_stamps_are_ignored():
    head = "SHIPS SEEN AT SEA News 입력 2021.03.04 (10:22) 수정 2021.03.04 (11:40)"
    text = head + "\n\n" + STORY
    assert ignored_whole(text, "입력 2021.03.04 (10:22) 수정 2021.03.04 (11:40)")
    assert kept_whole(text, "SHIPS SEEN AT SEA")


def test_a_read_more_link_closing_a_paragraph_is_ignored():
    para = "The ministry said it was holding the crew. Read more at Example News."
    text = para + "\n\n" + STORY
    assert ignored_whole(text, "Read more at Example News.")
    assert kept_whole(text, "The ministry said it was holding the crew.")


@pytest.mark.parametrize("clutter", ["What's the story", "Details"])
def test_a_sites_section_labels_are_ignored(clutter):
    text = clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)

"""Page clutter read on an eighth blind set of real pages (briefing transcripts, content farms, broadcaster
copy), restated in the team's own words: two empty stamp labels side by side, a content farm's location line
and its "Site - Section - Title" trail, a caption that says "in this captured image", and a broadcaster's
byline "Name (CNN)" on a line of its own."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole

STORY = (
    "Officials in Seoul said on Monday that two tankers had met at sea near the island in April.\n\n"
    "The ministry added that the crews were being questioned and that the cargo had been seized by the coast guard.\n\n"
    "The ministry said it would share its findings with the monitoring team by the end of the month.\n"
)


@pytest.mark.parametrize("clutter", [
    "Posted Updated",
    "Published: Updated:",
    "Current location - Reference Library - Essays - Why do tankers switch off their transponders?",
    "You are here: Home / World / Asia",
    "Example Trivia Website - Odd facts - Which ministry answered the question about coal?",
    "An envoy answers questions at a briefing in Geneva, May 3, in this captured image. Yonhap |",
    "A spokesman reads a statement in this screen-captured image from state television.",
    "Jane Roe (CNN)",
    "Jane Roe and John Doe, CNN",
])
def test_a_line_of_clutter_above_the_story_is_ignored(clutter):
    text = clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)
    assert kept_whole(text, "two tankers had met at sea")


@pytest.mark.parametrize("line", [
    "Updated figures were posted by the ministry on Tuesday, officials said.",
    "The ship - a tanker - was seized off the coast, the coast guard said.",
    "Seoul - North Korea fired two missiles on Monday, the military said.",
    "In this case the captured image was cited by the ministry as proof, officials said.",
    "(CNN) — The coast guard said two tankers had met at sea.",
])
def test_story_lines_that_look_alike_are_kept(line):
    text = line + "\n\n" + STORY
    assert kept_whole(text, line)


@pytest.mark.parametrize("line", [
    "MODERATOR: Thank you all for coming today, and let me hand over to our guest.",
    "MR ROE: Good afternoon. I have two announcements before I take questions.",
])
def test_a_transcripts_speaker_label_is_no_caption(line):
    text = line + "\n\n" + STORY
    assert kept_whole(text, line.split(": ", 1)[1])


def test_an_all_caps_caption_label_is_still_a_caption():
    line = "THE LEADER: Crowds line the road as the motorcade passes the square."
    assert ignored_whole(line + "\n\n" + STORY, line)

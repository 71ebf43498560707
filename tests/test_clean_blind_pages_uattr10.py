"""Page clutter read on a tenth blind set of real pages (crypto-analytics news, law firms' client alerts and blogs,
Korean broadcasters' scripts in machine translation, a Chinese wire copy), restated in the team's own words: the
label of a key-points box, a law firm's tag line, contact line and disclaimer, a broadcaster's angle-bracket script
labels and bylines, a font-size widget glued to a dateline and a stock-photo credit in the middle of a line."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole

STORY = (
    "Officials in Seoul said on Monday that two tankers had met at sea near the island in April.\n\n"
    "The ministry added that the crews were being questioned and that the cargo had been seized by the coast guard.\n\n"
    "The ministry said it would share its findings with the monitoring team by the end of the month.\n"
)


@pytest.mark.parametrize("clutter", [
    "Fast facts",
    "Key Takeaways",
    "Hot Take",
    "TL;DR",
    "Example & Roe lawyers can assist with export-control questions and provide training for your staff.",
    "Our attorneys are available to advise on any of the matters discussed above.",
    "If you have any questions about this alert, please contact the author or your usual firm contact.",
    "Should you have any queries arising from this note, do not hesitate to get in touch with us.",
    "The content of this article is intended to provide a general guide to the subject matter.",
    "This client alert is provided for general information purposes only and is not legal advice.",
    "Attorney Advertising",
    "Specialist advice should be sought about your specific circumstances.",
    "<Anchor>",
    "<Reporter>",
    "Correspondent Jane Roe.",
    "Reporter Jane Roe reports.",
    "John Doe reports.",
])
def test_a_line_of_clutter_is_ignored(clutter):
    text = STORY + "\n" + clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)
    assert kept_whole(text, "two tankers had met at sea")


@pytest.mark.parametrize("line", [
    "Lawyers for the shipping firm can appeal the ruling within a month, the court said.",
    "The ministry's lawyers will argue that the cargo was seized lawfully.",
    "If the panel has questions, it will contact the ministry, officials said.",
    "This advisory is intended to give companies information about the workers' methods.",
    "The correspondent reported that the talks had stalled.",
    "The reporter said the ship had left the port.",
    "Reuters reports that the ship left the port in April.",
    "The key takeaway from the report is that the tankers met at night.",
    "Font makers in the city said the exports had dropped.",
])
def test_story_lines_that_look_alike_are_kept(line):
    text = line + "\n\n" + STORY
    assert kept_whole(text, line)


@pytest.mark.parametrize("line, clutter, kept", [
    ("The ministry said the tankers met twice. Text size: A A A", "Text size: A A A", "The ministry said the tankers met twice."),
    ("Key takeaways: the tankers met twice near the island.", "Key takeaways:", "the tankers met twice near the island."),
    ("<Anchor> The ministry said the tankers met twice.", "<Anchor>", "The ministry said the tankers met twice."),
    ("The ministry said the crews were questioned. Reporter Jane Roe reports.", "Reporter Jane Roe reports.",
     "The ministry said the crews were questioned."),
    ("A tanker at anchor near a port (Pixabay) The ministry said the tankers met twice.", "(Pixabay)",
     "The ministry said the tankers met twice."),
    ("Workers at a desk [Photo: Shutterstock] Officials said the firm hired them.", "[Photo: Shutterstock]",
     "Officials said the firm hired them."),
])
def test_clutter_glued_to_story_text_goes_alone(line, clutter, kept):
    text = STORY + "\n" + line + "\n\n" + STORY
    assert ignored_whole(text, clutter)
    assert kept_whole(text, kept)


def test_a_font_size_widget_after_a_dateline_is_ignored():
    text = STORY + "\nExample Wire, March 3, 2016 Adjust font size:\n\n" + STORY
    assert ignored_whole(text, "Adjust font size:")


def test_a_wire_tag_in_the_middle_of_a_line_stays():
    text = "The ministry said the tankers met twice (Yonhap) near the island.\n\n" + STORY
    assert kept_whole(text, "(Yonhap)")

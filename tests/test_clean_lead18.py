"""Page clutter from the lead's blind set of stop 18, restated in the team's own words: a caption closed by a
stock-photo site's credit glued to its full stop ("... sign.(123rf)"), which, unlike a wire's "(Yonhap)" tag
after a sentence, never carries news; and a bare link whose path holds capitalised words after a slash or a
hyphen ("/Politics-Economy/Sanctions-may-..."), which is one link to its end."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole

STORY = (
    "Officials in Seoul said on Tuesday that the regime had closed twelve shops abroad since March.\n\n"
    "The ministry added that the staff of the shops had been sent home in groups.\n"
)


@pytest.mark.parametrize("clutter", [
    "A closed shop front in a border town.(123rf)",
    "Shipping containers at a port. (Shutterstock)",
    "http://example.com/magazine/20190101-ISSUE/Politics-Economy/Sanctions-may-bite-North-Korea-s-trade?page=2",
])
def test_a_line_of_clutter_above_the_story_is_ignored(clutter):
    text = clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)
    assert kept_whole(text, "the regime had closed twelve shops abroad")


def test_a_wire_tag_after_a_sentence_is_no_caption():
    line = "The regime closed twelve shops abroad this year, a source said. (Yonhap)"
    assert kept_whole(line + "\n\n" + STORY, "The regime closed twelve shops abroad this year, a source said.")


def test_a_link_glued_to_the_next_sentence_still_ends_at_it():
    text = "See https://example.com/news/123.htmlThe regime closed twelve shops abroad this year.\n\n" + STORY
    assert kept_whole(text, "The regime closed twelve shops abroad this year.")

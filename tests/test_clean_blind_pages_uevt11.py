"""Page clutter found on the uevt11 blind set (a wire repost, a law firm's client note), restated in lines written
for these tests."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole


@pytest.mark.parametrize(
    "line",
    [
        "(This story has been corrected to fix the name of the ministry in the third paragraph)",
        "(This article has been updated to add a comment from the ministry.)",
        "The content of this note is intended as general information only; please seek advice on your own situation.",
        "The information in this alert is provided for general purposes only and is not legal advice.",
    ],
)
def test_editorial_notes_and_law_firm_footers_are_ignored(line):
    text = "Prosecutors charged three traders with shipping coal from North Korea.\n\n" + line + "\n"
    assert ignored_whole(text, line)
    assert kept_whole(text, "Prosecutors charged three traders")


@pytest.mark.parametrize(
    "line",
    [
        "This story has been a headache for the customs service for years, the official said.",
        "The content of the cargo was coal from North Korea, the coast guard said.",
    ],
)
def test_sentences_that_only_look_like_notes_are_kept(line):
    text = "A vessel was detained near Busan.\n\n" + line + "\n"
    assert kept_whole(text, line)

"""Clutter lines of broadcast scripts, Korean-sourced pages and KCNA copies, and a dated photo caption.

Each case is written for these tests (invented names, places and outlets); the story lines around it must stay.
"""

from __future__ import annotations

import pytest
from fragments import ignored_whole as _covered
from fragments import kept_whole as _kept

STORY = "The coast guard held the tanker in port for a week, officials said on Monday."
LATER = "The owner of the vessel denied any wrongdoing in a statement on Tuesday."


@pytest.mark.parametrize(
    "text, clutter",
    [
        # the anchor hands over to the reporter on a line of its own
        (f"Anchor: {STORY}\nSara Oh reports.\nReport: {LATER}", "Sara Oh reports."),
        (f"{STORY}\nOur Park Min-ji has more.\n{LATER}", "Our Park Min-ji has more."),
        # a caption whose Korean photo credit the scraper left untranslated
        (f"Vice Minister Han Do-yun speaks at a briefing [사진 제공: 연합뉴스]\n\n{STORY}",
         "Vice Minister Han Do-yun speaks at a briefing [사진 제공: 연합뉴스]"),
        (f"{STORY}\nThe ferry Haeyang at the quay (사진=해양경찰청)\n{LATER}", "The ferry Haeyang at the quay (사진=해양경찰청)"),
        # KCNA's source stamp closing a copy of its item
        (f"{STORY} -0-\nwww.kcna.kp (Juche113.4.2.)\n", "www.kcna.kp (Juche113.4.2.)"),
        # a related-stories header naming the site, and the teasers under it
        (f"{STORY}\nMore From Example Daily (En)\nPyongyang, May 3 (KCNA) -- A new dam is being built on the river in\n",
         "More From Example Daily (En)\nPyongyang, May 3 (KCNA) -- A new dam is being built on the river in"),
        # a photo caption that ends in its date and the credit in parentheses, whoever the credit names
        (f"Port Closed to Tankers\n\nThe Ocean Star anchored off Nampo, April 2, 2019 (USCG)\n\n{STORY}",
         "The Ocean Star anchored off Nampo, April 2, 2019 (USCG)"),
    ],
)
def test_handover_credit_and_stamp_lines_are_clutter(text, clutter):
    assert _covered(text, clutter)
    for line in (STORY, LATER):
        if line in text:
            assert _kept(text, line)


@pytest.mark.parametrize(
    "text, prose",
    [
        # with a colon the line introduces a quoted passage of the story
        (f"{STORY}\nThe Example Times reports:\n\"The tanker left at night.\"", "The Example Times reports:"),
        # a sentence about what a reporter reported is the story
        (f"{STORY}\nJane Doe reports that the tanker left at night.\n", "Jane Doe reports that the tanker left at night."),
        # a sentence that ends in a date and an abbreviation, then its full stop, is the story
        (f"{STORY}\nThe tanker was seized on April 2, 2019 (KST).\n", "The tanker was seized on April 2, 2019 (KST)."),
        # a bracketed Korean word inside a sentence is no credit
        (f"{STORY}\nThe word for photo [사진] appears on the sign, the guide said, and nothing else.\n",
         "The word for photo [사진] appears on the sign, the guide said, and nothing else."),
    ],
)
def test_story_lines_that_look_alike_are_kept(text, prose):
    assert _kept(text, prose)

"""Page clutter read on a ninth blind set of real pages (Korean and Russian outlets' copy, a reposted Justice
Department release, a content farm), restated in the team's own words: an East Asian reproduction notice, a photo
caption with no credit, percent-encoded link debris behind a site label, a press release's "View ... here" link
line and a related-story label glued to its title by a double space."""

from __future__ import annotations

import pytest
from fragments import ignored_whole, kept_whole

STORY = (
    "Officials in Seoul said on Monday that two tankers had met at sea near the island in April.\n\n"
    "The ministry added that the crews were being questioned and that the cargo had been seized by the coast guard.\n\n"
    "The ministry said it would share its findings with the monitoring team by the end of the month.\n"
)


@pytest.mark.parametrize("clutter", [
    "저작권자 © 예시신문 무단전재 및 재배포 금지",
    "Copyright holder Example Daily, 무단 전재 및 재배포 금지",
    "記事の無断転載を禁じます",
    "版权所有，未经授权不得转载",
    "Jane Roe, head of the customs office, speaks to reporters at the port in Busan on Mar. 4, 2021.",
    "John Doe, the agency's director, arrives for a hearing of the committee in Seoul on Nov. 2, 2018.",
    "Example Radio – News and opinions 85% D8% A7% D9% 84% D9% 8A% D8% A9-% D8% AA% D8% AD% D8% B0 /",
    "Note: View the indictment here and the wanted posters here.",
    "Read the full report here.",
    "See also  Floods close the harbour road",
    "Details of the study can be read here and here.",
    "The full list is available here.",
    "Jane Roe contributed to this report, which first ran on the broadcaster's Korean service.",
    "Associated Press writer John Doe in Seoul contributed reporting to this story.",
])
def test_a_line_of_clutter_is_ignored(clutter):
    text = STORY + "\n" + clutter + "\n\n" + STORY
    assert ignored_whole(text, clutter)
    assert kept_whole(text, "two tankers had met at sea")


@pytest.mark.parametrize("line", [
    "Jane Roe, head of the customs office, said the ship left the port in Busan on Mar. 4, 2021.",
    "John Doe, the agency's director, has resigned after the hearing in Seoul on Nov. 2, 2018.",
    "The fund lost 85% of its value, while the index rose 40% over the year.",
    "Note that the ministry will publish the figures here in May, officials said.",
    "See also the annex, which lists the ships seized by the coast guard.",
    "The ministry said more details can be found here in the annex, which lists the ships.",
    "The minister said the full list is available here in Seoul, where the talks were held.",
    "Officials said the tanker contributed to this year's rise in coal exports.",
])
def test_story_lines_that_look_alike_are_kept(line):
    text = line + "\n\n" + STORY
    assert kept_whole(text, line)


def test_a_link_sentence_is_ignored_with_the_text_after_it_kept():
    text = STORY + "\nDetails of the study can be read here and here.  Besides the authors, the panel said the ship left.\n"
    assert ignored_whole(text, "Details of the study can be read here and here.")
    assert kept_whole(text, "Besides the authors, the panel said the ship left.")

"""A part of a month ("mid-October 2017", "early March") narrows the month; it must still date it."""

from datetime import date

import pytest

from sanctionwatch.timex import find_times

PUBLISHED = date(2022, 8, 3)


@pytest.mark.parametrize(
    "text, expression, start, end",
    [
        ("The tanker forged its papers in mid-October 2017.", "in mid-October 2017", "2017-10-01", "2017-10-31"),
        # the year named after the month is the month's, not the most recent March
        ("The exchange lost the coins in early March 2019.", "in early March 2019", "2019-03-01", "2019-03-31"),
        ("The freighter docked at Nampo in late-June 2021.", "in late-June 2021", "2021-06-01", "2021-06-30"),
        ("Officials said the troops arrived in mid-May.", "in mid-May", "2022-05-01", "2022-05-31"),
        ("In late January the ship switched off its transponder.", "In late January", "2022-01-01", "2022-01-31"),
    ],
)
def test_month_parts_date_the_month(text, expression, start, end):
    found = find_times(text, 0, None, PUBLISHED)
    assert [(text[s:e], tv.start, tv.end) for s, e, tv in found] == [(expression, start, end)]


@pytest.mark.parametrize("text, start, end", [
    ("The barge was impounded in April last year.", "2030-04-01", "2030-04-30"),
    ("Talks resume in March of next year.", "2032-03-01", "2032-03-31"),
    ("The plant opened in June this year.", "2031-06-01", "2031-06-30"),
])
def test_a_month_of_a_named_year(text, start, end):
    # the month of the year named after it, not the most recent such month
    (found,) = [v for _, _, v in find_times(text, anchor=date(2031, 5, 10))]
    assert (found.start, found.end) == (start, end)


def test_the_modal_may_before_this_year_is_no_month():
    assert [v.text for _, _, v in find_times("Prices may this year rise.", anchor=date(2031, 5, 10))] == ["this year"]

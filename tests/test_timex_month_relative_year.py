"""A month qualified by a year named relative to publication ("in November last year") is one
expression: the year is publication's, never the year of an earlier date in the paragraph."""

from datetime import date

import pytest

from sanctionwatch.timex import find_times

PUBLISHED = date(2023, 4, 12)


@pytest.mark.parametrize(
    "text, expression, start, end",
    [
        ("The brokers moved the coins in September last year.", "in September last year", "2022-09-01", "2022-09-30"),
        ("The cap was set in 2017. The tanker sailed in June last year.", "in June last year", "2022-06-01", "2022-06-30"),
        ("A second cargo followed in February this year.", "in February this year", "2023-02-01", "2023-02-28"),
        ("The envoy is due in Seoul in May next year.", "in May next year", "2024-05-01", "2024-05-31"),
        ("The plant reopened in early March of last year.", "in early March of last year", "2022-03-01", "2022-03-31"),
    ],
)
def test_month_with_relative_year(text, expression, start, end):
    found = find_times(text, 0, None, PUBLISHED)
    assert (expression, start, end) in [(text[s:e], tv.start, tv.end) for s, e, tv in found]


def test_earlier_year_in_paragraph_does_not_date_the_month():
    text = "The ban took effect in December 2019.\nThe unit left for the front in October last year."
    found = {text[s:e]: tv.start for s, e, tv in find_times(text, 0, None, PUBLISHED)}
    assert found["in October last year"] == "2022-10-01"


@pytest.mark.parametrize("text", ["Officials may next year review the list.", "The panel may this year meet twice."])
def test_modal_may_before_relative_year_is_no_month(text):
    found = find_times(text, 0, None, PUBLISHED)
    assert all(tv.granularity != "month" for _s, _e, tv in found)


def test_without_publication_date_the_month_is_unanchored():
    found = find_times("The vessel was renamed in July last year.", 0, None, None)
    months = [tv for _s, _e, tv in found if tv.granularity == "month"]
    assert months and not months[0].anchored

"""Time expressions: every class, anchored on a Friday publication date and without one."""

from datetime import date

import pytest

from sanctionwatch.timex import find_times, normalise_time

FRIDAY = date(2024, 4, 5)


@pytest.mark.parametrize(
    "text, start, end, granularity",
    [
        ("on Friday", "2024-04-05", "2024-04-05", "day"),  # publication day itself
        ("on Tuesday", "2024-04-02", "2024-04-02", "day"),
        ("last Friday", "2024-03-29", "2024-03-29", "day"),
        ("in April", "2024-04-01", "2024-04-30", "month"),  # the current month counts
        ("in March", "2024-03-01", "2024-03-31", "month"),
        ("in November", "2023-11-01", "2023-11-30", "month"),  # never after publication
        ("in September 2023", "2023-09-01", "2023-09-30", "month"),
        ("March 3", "2024-03-03", "2024-03-03", "day"),
        ("on 12 March 2023", "2023-03-12", "2023-03-12", "day"),
        ("last year", "2023-01-01", "2023-12-31", "year"),
        ("this year", "2024-01-01", "2024-12-31", "year"),
        ("last month", "2024-03-01", "2024-03-31", "month"),
        ("last week", "2024-03-25", "2024-03-31", "week"),
        ("earlier this month", "2024-04-01", "2024-04-05", "month"),
        ("two years ago", "2022-01-01", "2022-12-31", "year"),
        ("yesterday", "2024-04-04", "2024-04-04", "day"),
        ("in 2014", "2014-01-01", "2014-12-31", "year"),
        ("2011", "2011-01-01", "2011-12-31", "year"),
        ("in the early 1990s", "1990-01-01", "1993-12-31", "decade"),
        ("the late 1970s", "1977-01-01", "1979-12-31", "decade"),
        ("in the 2000s", "2000-01-01", "2009-12-31", "decade"),
        ("in the first quarter of 2023", "2023-01-01", "2023-03-31", "quarter"),
        ("late 2022", "2022-09-01", "2022-12-31", "month"),
        # seasons of a named year (northern hemisphere)
        ("the summer of 2023", "2023-06-01", "2023-08-31", "month"),
        ("in spring 2021", "2021-03-01", "2021-05-31", "month"),
        ("the fall of 2019", "2019-09-01", "2019-11-30", "month"),
        ("since September 2023", "2023-09-01", "2024-04-05", "open"),
        ("between January and April", "2024-01-01", "2024-04-30", "range"),
        ("between November and February", "2023-11-01", "2024-02-29", "range"),
        ("between 2017 and 2023", "2017-01-01", "2023-12-31", "range"),
        ("from May to June 2023", "2023-05-01", "2023-06-30", "range"),
        # a trailing year qualifier dates both ends of a range
        ("between February and August last year", "2023-02-01", "2023-08-31", "range"),
        ("from March to June this year", "2024-03-01", "2024-06-30", "range"),
        ("between October and December 2021", "2021-10-01", "2021-12-31", "range"),
        ("since last September", "2023-09-01", "2024-04-05", "open"),
        # "by"/"next": the coming month, not the last one
        ("by June", "2024-06-01", "2024-06-30", "month"),
        ("by February", "2025-02-01", "2025-02-28", "month"),
    ],
)
def test_normalise_against_publication(text, start, end, granularity):
    tv = normalise_time(text, FRIDAY)
    assert tv is not None, text
    assert (tv.start, tv.end, tv.granularity, tv.anchored) == (start, end, granularity, True)


@pytest.mark.parametrize("text, granularity", [("on Friday", "day"), ("in April", "month"), ("last year", "year"), ("between January and April", "range")])
def test_relative_without_anchor_is_kept_unanchored(text, granularity):
    tv = normalise_time(text, None)
    assert tv is not None and tv.text == text
    assert (tv.start, tv.end, tv.granularity, tv.anchored) == (None, None, granularity, False)


@pytest.mark.parametrize("text, start, end", [("in 2014", "2014-01-01", "2014-12-31"), ("in September 2023", "2023-09-01", "2023-09-30"), ("the early 1990s", "1990-01-01", "1993-12-31")])
def test_absolute_without_anchor_is_anchored(text, start, end):
    tv = normalise_time(text, None)
    assert (tv.start, tv.end, tv.anchored) == (start, end, True)


def test_since_without_anchor_keeps_its_start_and_an_open_end():
    tv = normalise_time("since September 2023", None)
    assert (tv.start, tv.end, tv.granularity, tv.anchored) == ("2023-09-01", None, "open", False)


@pytest.mark.parametrize("text", ["may", "The North may launch", "7,000 containers", "Resolution 2397 x", "March on"])
def test_not_time_expressions(text):
    assert normalise_time(text, FRIDAY) is None


def test_find_times_offsets_and_prepositions():
    text = "South Korea said in March that the North sent shells since April 2023 and may launch more."
    found = find_times(text, 0, len(text), FRIDAY)
    assert [text[s:e] for s, e, _ in found] == ["in March", "since April 2023"]
    for s, e, tv in found:
        assert text[s:e] == tv.text


@pytest.mark.parametrize("text, expected", [
    # a capitalised word before a bare month inside a sentence makes it a name
    ("they marched during the Arduous March and starved", []),
    ("veterans of the Long March gathered", []),
    # a full stop after a full month name ends the sentence; after "Sept" it is the abbreviation's
    ("it was seen in May.", ["in May"]),
    ("it was seen in Sept. near the port", ["in Sept."]),
    ("The talks failed. Since March the ships have waited.", ["Since March"]),
    # a list of days shares the last month; the first day keeps its own
    ("tests on 14 January, 2 and 19 February", ["on 14 January", "19 February"]),
])
def test_month_names_and_day_lists(text, expected):
    assert [tv.text for _, _, tv in find_times(text, 0, len(text), FRIDAY)] == expected


def test_find_times_respects_window():
    text = "In 2011 he left. In 2014 he fled."
    found = find_times(text, 17, len(text), None)
    assert [tv.text for _, _, tv in found] == ["In 2014"]


@pytest.mark.parametrize(
    "text, phrase, start, end",
    [
        # the year of the last dated expression before it, not the publication's
        ("The board was set up in June 2019 after the vote in March of that year.", "in March of that year",
         "2019-03-01", "2019-03-31"),
        ("Exports rose in 2016. Later that year the port closed.", "Later that year", "2016-01-01", "2016-12-31"),
        ("The ferry was seized on 4 May 2020 and sold the following year.", "the following year",
         "2021-01-01", "2021-12-31"),
        ("Talks began in 2011; in late that same year they failed.", "in late that same year", "2011-09-01", "2011-12-31"),
        # a relative date is context too
        ("The mill reopened last year and in August of the same year it shipped steel.", "in August of the same year",
         "2023-08-01", "2023-08-31"),
    ],
)
def test_year_named_by_reference_takes_the_context_year(text, phrase, start, end):
    found = {text[s:e]: tv for s, e, tv in find_times(text, 0, len(text), FRIDAY)}
    assert phrase in found, found
    tv = found[phrase]
    assert (tv.start, tv.end, tv.anchored) == (start, end, True)


def test_year_reference_without_context_stays_unanchored():
    text = "Inspectors visited in April of that year."
    (s, e, tv), = find_times(text, 0, len(text), FRIDAY)
    assert text[s:e] == "in April of that year"
    assert (tv.start, tv.end, tv.anchored) == (None, None, False)


def test_year_reference_does_not_reach_into_an_earlier_paragraph():
    text = "The plant opened in 2012.\n\nIn May of that year nothing happened."
    found = [tv for _s, _e, tv in find_times(text, text.index("In May"), len(text), FRIDAY)]
    assert [tv.anchored for tv in found] == [False]

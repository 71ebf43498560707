"""A day and month "of the same year" take the year of the story's last dated expression, not the
publication's; a date without a year is no year reference."""

import pytest

from sanctionwatch.dates import parse_anchor
from sanctionwatch.timex import find_times


@pytest.mark.parametrize(
    "text, expr, start",
    [
        ("The league was founded on May 2, 1961 and on Oct. 9 of the same year it held its first match.",
         "on Oct. 9 of the same year", "1961-10-09"),
        ("She left home on April 3, 2004. She reached the coast at dawn of July 8 of the same year.",
         "July 8 of the same year", "2004-07-08"),
        # a yearless date in between does not lend its (publication) year
        ("The mill opened in 1987; on March 3 it stopped, and in May of that year it burned.",
         "in May of that year", "1987-05-01"),
    ],
)
def test_same_year_reference(text, expr, start):
    found = {text[s:e]: tv for s, e, tv in find_times(text, 0, len(text), parse_anchor("2013-02-01"))}
    assert expr in found and found[expr].start == start

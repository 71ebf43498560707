"""'During this period' takes the interval of the last dated expression before it (sentences written for
these tests)."""

import pytest

from sanctionwatch.dates import parse_anchor
from sanctionwatch.timex import find_times


@pytest.mark.parametrize(
    "text, expr, start, end",
    [
        ("The ship went dark between May and July 2018. During this period, it took on fuel from a tanker.",
         "During this period", "2018-05-01", "2018-07-31"),
        ("Exports fell in 2015. Over the same period imports rose.", "the same period", "2015-01-01", "2015-12-31"),
    ],
)
def test_period_reference(text, expr, start, end):
    found = {text[s:e]: tv for s, e, tv in find_times(text, 0, len(text), parse_anchor("2019-04-29"))}
    assert expr in found and (found[expr].start, found[expr].end) == (start, end)


def test_period_reference_without_a_dated_expression_is_unanchored():
    text = "Nothing happened. In that period the talks stalled."
    (tv,) = [tv for _, _, tv in find_times(text, 0, len(text), parse_anchor("2019-04-29"))]
    assert not tv.anchored and tv.start is None


def test_event_in_this_period(parse_events):
    text = "The tanker went dark between May and July 2018. During this period, it shipped diesel to Nampo."
    _, events = parse_events(text, "2019-04-29")
    found = [e for e in events if e.type == "petroleum_import"]
    assert found and found[0].time is not None and found[0].time.start == "2018-05-01"

"""An undated event takes its time from the story around it (events/discourse_time.py): the same act told again
in the next sentence, "the latest launch", a gap after a verb of following ("came nine days after ..."), and the
date of a sighting for the transfer seen; and the cases where it must not (other acts, other agents, habits,
plans). Sentences written for these tests."""

from __future__ import annotations

import pytest
from fragments import of_type


def _times(events, etype: str, trigger: str, after: int = 0) -> list[str | None]:
    return [e.time.start if e.time else None for e in of_type(events, etype)
            if e.trigger.text == trigger and e.trigger.start >= after]


@pytest.mark.parametrize(
    ("text", "published", "etype", "trigger", "start"),
    [
        # the same act told again, dated by the sentence before
        ("North Korea fired a short-range missile on Thursday, the military said. The missile was launched from "
         "near Wonsan and flew about 400 km.", "2023-03-10", "missile_launch", "launched", "2023-03-09"),
        ("The South Korean army said North Korea launched a cruise missile on Sunday. The army detected the missile "
         "fired from a coastal site at 5:10 a.m.", "2023-03-14", "missile_launch", "fired", "2023-03-12"),
        ("Hackers stole $40 million from a Singapore exchange in June. A North Korean group stole the bulk of the "
         "funds.", "2022-09-01", "cyber_theft", "stole", "2022-06-01"),
        # the news act named as such
        ("North Korea launched two cruise missiles on Sunday. Analysts are studying the North's latest missile "
         "launch.", "2023-03-14", "missile_launch", "launch", "2023-03-12"),
        # a gap after a verb of following, counted back from the publication date
        ("The launch comes nine days after North Korea tested a new cruise missile.", "2024-05-20",
         "missile_launch", "tested", "2024-05-11"),
        ("The drill came two weeks after North Korea launched a solid-fuel missile.", "2024-05-20",
         "missile_launch", "launched", "2024-05-06"),
        # the date of the sighting dates the transfer seen
        ("A Japanese patrol plane spotted the North Korean tanker Green Star alongside a Panama-flagged ship on "
         "June 3. The two ships were believed to be conducting a ship-to-ship transfer of fuel.", "2022-06-10",
         "ship_to_ship_transfer", "ship-to-ship transfer", "2022-06-03"),
        ("Tokyo said the tankers were suspected of illegal ship-to-ship transfers. It told the Security Council of "
         "the April 9 sighting near Zhoushan.", "2021-04-16", "ship_to_ship_transfer", "ship-to-ship transfers",
         "2021-04-09"),
    ],
)
def test_an_undated_act_takes_the_story_date(parse_events, text, published, etype, trigger, start):
    assert start in _times(parse_events(text, published)[1], etype, trigger)


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        # other acts than the one dated
        ("North Korea launched a satellite on Tuesday. It had failed in two previous satellite launches.",
         "satellite_launch", "launches"),
        ("North Korea fired three missiles on Monday. Russia fired a missile at Kharkiv, killing two people.",
         "missile_launch", "fired"),
        # a habit or a plan is no dated act
        ("North Korea fired a missile on Monday. North Korea regularly fires missiles into the sea.",
         "missile_launch", "fires"),
        ("North Korea fired a missile on Monday. It may fire another missile soon.", "missile_launch", "fire"),
        # "already": an earlier act than the one dated
        ("North Korea fired a missile on Monday. Since the spring it has already fired a dozen rockets.",
         "missile_launch", "fired"),
    ],
)
def test_other_acts_keep_no_borrowed_date(parse_events, text, etype, trigger):
    # only the second sentence's events: the first is the dated one
    found = _times(parse_events(text, "2023-06-08")[1], etype, trigger, after=text.index(". ") + 2)
    assert found
    monday = "2023-06-05"
    assert monday not in found


def test_the_act_before_the_gap_keeps_its_own_date(parse_events):
    events = parse_events("North Korea fired a ballistic missile on Friday. The launch came three days after North "
                          "Korea tested a cruise missile.", "2024-05-20")[1]
    # Friday is 17 May; the test three days before it
    assert "2024-05-14" in _times(events, "missile_launch", "tested")
    assert "2024-05-17" in _times(events, "missile_launch", "fired")


def test_the_next_sentence_taking_up_the_item_dates_the_act(parse_events):
    text = ("North Korea has fired an unidentified rocket, Seoul said. The rocket took off on Saturday morning "
            "from a site near Kusong.")
    assert "2023-03-11" in _times(parse_events(text, "2023-03-12")[1], "missile_launch", "fired")


def test_a_report_date_in_the_next_sentence_dates_no_act(parse_events):
    text = ("Pyongyang says it tested a new cruise missile Haeil-5\n\n"
            "North Korea said on Friday it had test-fired the Haeil-5 off its east coast.")
    found = _times(parse_events(text, "2023-04-14")[1], "missile_launch", "tested")
    assert found
    assert "2023-04-14" not in found


def test_latest_is_the_news_act_not_an_older_one(parse_events):
    # the news act is undated, so the latest dated launch (last week's) is not it
    text = ("North Korea has launched a missile, the military said. Last week Pyongyang launched a cruise missile "
            "toward the sea. North Korea's latest launch came hours after a summit in Tokyo.")
    found = _times(parse_events(text, "2023-05-21")[1], "missile_launch", "launch", after=text.index("latest"))
    assert found
    assert all(t is None or not t.startswith("2023-05-08") for t in found)


def test_this_act_is_the_one_told_last(parse_events):
    text = "North Korea launched a rocket on Sunday. Officials in Tokyo are studying this missile launch closely."
    assert "2023-03-12" in _times(parse_events(text, "2023-03-15")[1], "missile_launch", "launch")


def test_a_gap_after_a_comma_counts_back_from_the_dated_act(parse_events):
    text = "North Korea fired a cruise missile on Friday, a week after its last ballistic missile launch."
    events = parse_events(text, "2024-05-20")[1]
    assert "2024-05-17" in _times(events, "missile_launch", "fired")
    assert "2024-05-10" in _times(events, "missile_launch", "launch")


def test_a_gap_after_a_comma_with_no_dated_act_dates_nothing(parse_events):
    # nothing before the gap is dated: the launch keeps no date rather than one counted from publication
    text = "Seoul tightened its watch on the border, a week after North Korea's last ballistic missile launch."
    found = _times(parse_events(text, "2024-05-20")[1], "missile_launch", "launch")
    assert found
    assert "2024-05-13" not in found


@pytest.mark.parametrize(
    ("text", "etype", "trigger", "clause_day"),
    [
        ("Japan imposed new sanctions on Friday after North Korea's nuclear test.", "nuclear_test", "test", "2024-05-17"),
        ("Seoul raised its alert on Monday following Pyongyang's satellite launch.", "satellite_launch", "launch",
         "2024-05-13"),
        ("The drills began on Monday, days before North Korea's missile launch.", "missile_launch", "launch", "2024-05-13"),
    ],
)
def test_an_act_named_after_a_sequence_word_keeps_not_the_clause_date(parse_events, text, etype, trigger, clause_day):
    found = _times(parse_events(text, "2024-05-20")[1], etype, trigger)
    assert found
    assert clause_day not in found


def test_a_fronted_time_frames_the_acts_of_its_sentence(parse_events):
    text = ("According to prosecutors, from 2019 to 2021, the man ran a network of rented servers, managing dozens "
            "of accounts that were used to hide the employment of North Korean IT workers in Canada.")
    assert "2019-01-01" in _times(parse_events(text, "2024-05-20")[1], "overseas_workers", "employment")


@pytest.mark.parametrize(
    ("text", "etype", "trigger", "framed"),
    [
        # the time of a saying or a reaction is that act's alone
        ("Last week, a Pentagon spokesman said North Korea is secretly supplying artillery shells to Russia.",
         "arms_transfer", "supplying", "2024-05-13"),
        ("In March, Pyongyang thanked Beijing for using its veto to block the resolution.", "un_veto", "veto",
         "2024-03-01"),
    ],
)
def test_a_fronted_time_on_a_saying_or_reaction_frames_nothing_else(parse_events, text, etype, trigger, framed):
    found = _times(parse_events(text, "2024-05-20")[1], etype, trigger)
    assert found
    assert framed not in found


def test_a_gap_dates_the_act_it_introduces_not_one_told_inside_it(parse_events):
    text = ("The draft comes four days after Britain convened the council to discuss North Korea's recent missile "
            "launches.")
    found = _times(parse_events(text, "2024-05-20")[1], "missile_launch", "launches")
    assert found
    assert "2024-05-16" not in found


def test_a_fronted_time_skips_an_act_under_a_reaction(parse_events):
    text = ("On March 4, the council, while condemning the North's recent test launch of a cruise missile, drafted "
            "a new text.")
    found = _times(parse_events(text, "2024-05-20")[1], "missile_launch", "launch")
    assert found
    assert "2024-03-04" not in found


def test_a_coarse_clause_time_still_holds_the_act_after_after(parse_events):
    # a year holds both the sanctions and the test that came before them
    text = "In 2006, the Security Council imposed sanctions on North Korea after its first nuclear test."
    assert "2006-01-01" in _times(parse_events(text, "2024-05-20")[1], "nuclear_test", "test")


def test_a_sighting_does_not_date_a_transfer_that_has_its_own_time(parse_events):
    text = ("A patrol plane spotted the tanker Blue Sky beside a North Korean vessel on June 3. Last year, a frigate "
            "observed another ship conducting a ship-to-ship transfer with a North Korean tanker.")
    found = _times(parse_events(text, "2022-06-10")[1], "ship_to_ship_transfer", "ship-to-ship transfer")
    assert found
    assert "2022-06-03" not in found

"""Event error classes found on a fifth blind set of real pages (uevt5), each restated in sentences written
for these tests (other names, places, figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts


@pytest.fixture(scope="module")
def events_of(parse_events):
    return lambda text, published="2024-06-20": parse_events(text, published)[1]


@pytest.mark.parametrize(
    "text, target",
    [
        # a vessel stopped (or searched) by a coast guard or navy is an interdiction
        ("The Japanese Coast Guard on Monday stopped a bulk carrier off Tsushima.", "bulk carrier"),
        ("Philippine authorities inspected the freighter at Subic Bay last week.", "freighter"),
        ("The 4,100-ton tanker was stopped and escorted to Incheon for questioning.", "tanker"),
    ],
)
def test_stopping_a_vessel_is_a_seizure(events_of, text, target):
    found = of_type(events_of(text), "seizure")
    assert found
    assert not any(target in t for e in found for t in role_texts(e, "agent"))


@pytest.mark.parametrize(
    "text",
    [
        # the vessel as the subject of "stopped" made a stop; it was not stopped
        "The freighter stopped in Nampho for two days before sailing to Dalian.",
        "The tanker stopped transmitting its position near Taiwan.",
    ],
)
def test_a_vessel_that_stops_is_no_seizure(events_of, text):
    assert not of_type(events_of(text), "seizure")


def test_a_passive_verb_coordinated_with_an_active_one_has_no_subject_agent(events_of):
    # the shared subject of "had sailed ... and was interdicted" is what was interdicted, not who did it
    found = of_type(events_of("The freighter had sailed from Wonsan on May 2, and was interdicted in Greek waters."),
                    "seizure")
    assert found
    assert not role_texts(found[0], "agent")


@pytest.mark.parametrize(
    "text, item",
    [
        # goods sold or shipped TO North Korea, whatever they are, breach the sanctions
        ("Prosecutors said the company had exported tobacco leaf to North Korea.", "tobacco"),
        ("The case concerned the sale of printing machinery to Pyongyang.", "machinery"),
        ("A Thai trader shipped rubber to the DPRK in 2019.", "rubber"),
    ],
)
def test_goods_sent_to_north_korea_are_a_banned_trade(events_of, text, item):
    found = of_type(events_of(text), "banned_export")
    assert found
    assert "prk" in role_entities(found[0], "destination") | role_entities(found[0], "recipient")


@pytest.mark.parametrize(
    "text",
    [
        # a North Korean seller or another destination is not a sale TO the DPRK
        "A North Korean diplomat sold watches to collectors in Vienna.",
        "The firm exported printing machinery to Vietnam.",
    ],
)
def test_only_the_destination_types_the_trade(events_of, text):
    assert not of_type(events_of(text), "banned_export")


@pytest.mark.parametrize(
    "text",
    [
        "Washington said a Vladivostok company provides diesel to North Korea.",
        "The report said a Chinese trader had provided 3,000 barrels of fuel to Nampho.",
    ],
)
def test_oil_provided_is_a_petroleum_import(events_of, text):
    assert of_type(events_of(text), "petroleum_import")


@pytest.mark.parametrize(
    "text, target",
    [
        # a relative pronoun stands for the noun its clause modifies
        ("The bankers worked for the Daedong Credit Bank, which was designated by the Treasury in 2016.",
         "Daedong Credit Bank"),
        ("It listed a Dalian shipping agent, which had been sanctioned in 2018.", "shipping agent"),
    ],
)
def test_relative_pronoun_target_is_its_antecedent(events_of, text, target):
    found = of_type(events_of(text), "designation")
    targets = {t for e in found for t in role_texts(e, "target")}
    assert any(target in t for t in targets)
    assert "which" not in targets


def test_relative_pronoun_subject_is_its_antecedent(events_of):
    found = of_type(events_of("Officials named a Belarusian company that shipped rifles to Syria."), "arms_transfer")
    assert found
    assert any("company" in t for t in role_texts(found[0], "agent"))


@pytest.mark.parametrize(
    "text, value",
    [
        # a headline's "Mil" is a million
        ("Iran Shipped 2.5 Mil Rounds to Russia", 2_500_000),
        ("North Korea Likely Supplied 1.2 Mil Artillery Rounds to Russia", 1_200_000),
    ],
)
def test_headline_mil_is_a_million(events_of, text, value):
    found = of_type(events_of(text), "arms_transfer")
    assert found and found[0].quantity is not None
    assert found[0].quantity.value == value


def test_containers_moved_in_an_arms_story_are_the_arms(events_of):
    text = ("Belarus sent 300,000 artillery shells to Russia last year, officials said. "
            "Analysts estimate that hundreds of containers were moved through the port of Minsk-Riga.")
    found = of_type(events_of(text), "arms_transfer")
    assert any(e.trigger.text == "moved" for e in found)


def test_workers_arriving_in_a_dispatch_story_are_the_dispatch(events_of):
    text = ("North Korea has sent 300 workers to Laos, residents said. "
            "On July 3 and 4 the workers arrived by truck in the city of Luang Namtha.")
    found = [e for e in of_type(events_of(text, "2024-09-10"), "overseas_workers") if e.trigger.text == "arrived"]
    assert found
    assert found[0].time is not None and found[0].time.start.startswith("2024-07-0")


def test_workers_arriving_elsewhere_are_no_dispatch(events_of):
    assert not of_type(events_of("The workers arrived at the factory in Ohio at dawn."), "overseas_workers")


@pytest.mark.parametrize(
    "text, target",
    [
        # "an attack on X", "a hack on X": X was attacked
        ("The money came from an attack on the Kraken exchange in 2022.", "Kraken exchange"),
        ("Investigators linked the coins to a hack on the Orbit bridge.", "Orbit bridge"),
    ],
)
def test_attack_on_is_the_target(events_of, text, target):
    found = of_type(events_of(text), "cyber_theft")
    assert found
    assert any(target in t for e in found for t in role_texts(e, "target"))


def test_sanctioning_noun_is_a_designation(events_of):
    assert of_type(events_of("The mixer was used again after the sanctioning of the service in 2021."), "designation")

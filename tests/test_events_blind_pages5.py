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
        ("Philippine authorities halted the freighter at Subic Bay last week.", "freighter"),
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
        # an inspection alone (a resolution's duty) is no seizure
        "The resolution provides that all states inspect cargo bound for the country.",
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
        # sent: only goods (delegations and letters are sent too)
        ("The broker is accused of sending $80,000 worth of goods to North Korea.", "goods"),
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
        "Seoul sent a delegation to North Korea last week.",
        # goods the trigger does not name (another sentence's oil)
        "Members must report every month on the amount they supply to North Korea.",
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


@pytest.mark.parametrize(
    "text",
    [
        # a condition is supposed, even under a negated main clause
        "If Iran did carry out a nuclear test, we could not accept it.",
        "Unless Belarus ships more shells, the front will not hold.",
    ],
)
def test_a_condition_is_hypothetical(events_of, text):
    found = [e for e in events_of(text) if e.type in ("nuclear_test", "arms_transfer")]
    assert found
    assert found[0].modality == "hypothetical"


def test_relative_clause_gap_object_types_the_trigger(events_of):
    # the noun a relative clause modifies is what its verb acts on
    found = events_of("It would be the largest weapon that Iran has ever tested.")
    assert of_type(found, "weapons_test")


def test_non_restrictive_which_is_the_nearest_noun(events_of):
    text = ("The accused include directors and clerks of the Korea Kwangson Bank ('KKBC'), which was "
            "designated by the Treasury in 2016.")
    found = of_type(events_of(text), "designation")
    assert found
    assert any("Kwangson" in t for t in role_texts(found[0], "target"))


@pytest.mark.parametrize(
    "text",
    [
        "The bankers are accused of operating covert branches in Thailand and Kuwait.",
        "Prosecutors said the bank had established a network of branches across Asia.",
    ],
)
def test_covert_branches_are_a_banking_channel(events_of, text):
    assert of_type(events_of(text), "banking_channel")


@pytest.mark.parametrize(
    "text, place",
    [
        # a place named through its class noun: the name is the argument
        ("Iran shipped drones to the port of Astrakhan.", "Astrakhan"),
        ("Pyongyang has sent 400 workers to the city of Vladivostok.", "Vladivostok"),
    ],
)
def test_class_noun_of_a_name_is_the_name(events_of, text, place):
    found = [e for e in events_of(text) if e.type in ("arms_transfer", "overseas_workers")]
    assert found
    assert place in role_texts(found[0], "destination")


def test_a_means_gerund_shares_its_time(events_of):
    found = of_type(events_of("A fisherman defected to the South by crossing the sea border on Tuesday.",
                              "2024-06-20"), "defection")
    main = [e for e in found if e.trigger.text == "defected"]
    assert main and main[0].time is not None and main[0].time.start == "2024-06-18"


@pytest.mark.parametrize(
    "text, country",
    [
        # "it" as the subject of a weapons act: the country named before it as subject or possessor
        ("The tremor came from Iran's test site at Fordow, where it detonated a nuclear device in May.", "irn"),
        ("Russia said it had launched a spy satellite on Friday.", "rus"),
    ],
)
def test_it_of_a_weapons_act_is_the_country(events_of, text, country):
    found = [e for e in events_of(text) if e.type in ("nuclear_test", "satellite_launch")]
    assert found
    assert country in role_entities(found[0], "agent")


def test_it_without_a_country_subject_names_no_agent(events_of):
    found = of_type(events_of("Tokyo protested to Japan's partners. It fired a missile on Friday."), "missile_launch")
    assert found
    assert not role_texts(found[0], "agent")


@pytest.mark.parametrize(
    "text, start",
    [
        # a time the parser hangs on the series noun dates what the series counts
        ("Iran's May rocket test and a series of missile tests this year were in breach of the resolutions.",
         "2024-01-01"),
        ("The embargo was breached by a spate of arms shipments in March, the panel found.", "2024-03-01"),
    ],
)
def test_a_series_noun_passes_its_time_on(events_of, text, start):
    found = [e for e in events_of(text) if e.trigger.text.endswith(("tests", "shipments"))]
    assert found
    assert found[0].time is not None and found[0].time.start == start


@pytest.mark.parametrize(
    "text, agent",
    [
        # the owner of a noun that takes an infinitive acts in it
        ("Iran said its attempt to launch a spy satellite had failed.", "irn"),
        ("Russia's plan to ship rifles to Niger was reported by the agency.", "rus"),
    ],
)
def test_the_owner_of_an_attempt_acts(events_of, text, agent):
    found = [e for e in events_of(text) if e.type in ("satellite_launch", "arms_transfer")]
    assert found
    assert agent in role_entities(found[0], "agent")


@pytest.mark.parametrize(
    "text",
    [
        # an "if" that asks is no condition
        "It is unclear if the missile test was a success.",
        "Reporters asked if Iran had fired a missile.",
    ],
)
def test_an_if_that_asks_is_not_hypothetical(events_of, text):
    found = of_type(events_of(text), "missile_launch")
    assert found
    assert found[0].modality != "hypothetical"


def test_a_coordinated_active_verb_shares_no_context(events_of):
    # the shared subject ("the sanctions") acts; it does not type the second verb
    assert not of_type(events_of("The sanctions would raise tensions and could put more pressure on farmers."),
                       "designation")


def test_a_raised_subject_still_acts_after_a_passive_conjunct(events_of):
    found = of_type(events_of("Kyiv said Iran is selling drones to Russia and is expected to send troops to Russia."),
                    "troop_deployment")
    assert found
    assert "irn" in role_entities(found[0], "agent")


def test_a_participle_under_a_passive_is_passive(events_of):
    found = of_type(events_of("The tanker was held by Thai officials and later seized by the U.S. Navy."), "seizure")
    assert any(e.trigger.text == "seized" for e in found)


@pytest.mark.parametrize(
    "text, etype, modality",
    [
        # what one "is permitted to" do is a right; letting others act is an act of theirs
        ("Under the resolution, Japan is permitted to stop vessels suspected of smuggling.", "seizure", "hypothetical"),
        ("Member states are authorized to seize vessels carrying banned cargo.", "seizure", "hypothetical"),
        ("Mongolia allowed North Korean workers to enter the country.", "overseas_workers", "asserted"),
    ],
)
def test_a_permission_is_not_an_act(events_of, text, etype, modality):
    found = of_type(events_of(text), etype)
    assert found
    assert found[0].modality == modality


def test_territorial_waters_are_a_place(events_of):
    # "waters" lemmatises to "water": the place phrase still counts
    found = of_type(events_of("The freighter was interdicted in Greek territorial waters."), "seizure")
    assert found
    assert any("waters" in t for t in role_texts(found[0], "location"))

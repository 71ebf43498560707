"""Event error classes found on the uevt13 blind set of real pages (North Korean labour in Russia on student visas,
fishing rights sold to Chinese firms, an ordinal ICBM launch, counted hacking attacks, a smuggled car, the oil cap of
a 2017 resolution), each restated in sentences written for these tests (other names, places, figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts

from sanctionwatch.timex import labels_a_document

# --- a purpose of labour outranks the troop noun sent -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "To staff its timber camps with overseas workers, the regime began sending soldiers to Siberia.",
        "In order to fill the quota of labourers abroad, the army started dispatching soldiers to building sites.",
        "To supply more cheap labor, the state has been sending troops to Mongolia.",
    ],
)
def test_soldiers_sent_as_labour_are_workers(events_of, text):
    events = events_of(text)
    assert of_type(events, "overseas_workers")
    assert not of_type(events, "troop_deployment")


@pytest.mark.parametrize(
    "text",
    [
        "To support the offensive, the regime began sending soldiers to the front.",
        "North Korea sent 2,000 soldiers to Belarus to help its ally.",
    ],
)
def test_soldiers_sent_for_war_stay_troops(events_of, text):
    assert of_type(events_of(text), "troop_deployment")


# --- a foreign employer places the labour it hires ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Several Russian logging firms hire North Korean labourers every spring.", "rus"),
        ("Chinese garment factories hired North Korean workers last year.", "chn"),
    ],
)
def test_foreign_employer_gives_location(events_of, text, place):
    found = of_type(events_of(text), "overseas_workers")
    assert found
    assert place in role_entities(found[0], "location") | role_entities(found[0], "destination")


def test_north_korean_employer_gives_no_location(events_of):
    found = of_type(events_of("North Korean trading firms employ North Korean labourers in Mongolia."), "overseas_workers")
    assert found
    assert "prk" not in role_entities(found[0], "location")


# --- in a labour story, people sent, returning or working there are that labour -----------------------------------


_LABOUR_STORY = ("North Korea has sent thousands of workers to Russia despite the ban, officials said. ")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("These days they are dispatched mostly to orchards.", "dispatched"),
        ("They work in shifts for a shipyard near the port.", "work"),
    ],
)
def test_labour_story_pronoun_acts_are_labour(events_of, sentence, trigger):
    events = events_of(_LABOUR_STORY + sentence)
    found = [e for e in of_type(events, "overseas_workers") if e.trigger.text == trigger]
    assert found


def test_labourers_returning_home_are_no_labour(events_of):
    events = events_of(_LABOUR_STORY + "Workers who spent four winters there returned to Pyongyang nearly broke.")
    assert not [e for e in of_type(events, "overseas_workers") if e.trigger.text == "returned"]


def test_pronoun_sent_outside_a_labour_story_is_no_labour(events_of):
    events = events_of("The ministry drafted new rules. They were sent to the parliament on Monday.")
    assert not of_type(events, "overseas_workers")


# --- in a hacking story, a counted attack is a cyber attack -----------------------------------------------------


def test_counted_attacks_in_a_hacking_story(events_of):
    text = ("North Korean hackers stole $3 million in cryptocurrency from an exchange, officials said. "
            "The unit has launched more than 4,000 attacks against Japanese agencies this year.")
    found = [e for e in of_type(events_of(text), "cyber_theft") if e.trigger.text == "attacks"]
    assert found
    assert found[0].quantity is not None and found[0].quantity.value == 4000


@pytest.mark.parametrize("sentence", [
    "Investigators later tied the same crew to the attack, citing two security firms.",
    "The agency confirmed last week that the group was behind the attack.",
])
def test_the_attack_that_points_back_to_the_theft_is_no_second_act(events_of, sentence):
    # a singular "the attack" retells the theft already reported; typed as another act it carried its own
    # arguments ("two security firms" as a count) into case linking and split one theft's reports
    text = "Hackers linked to Pyongyang drained $40 million from a token bridge in June. " + sentence
    assert not [e for e in of_type(events_of(text), "cyber_theft") if e.trigger.text == "attack"]


def test_attacks_outside_a_hacking_story_are_no_cyber_theft(events_of):
    assert not of_type(events_of("Artillery attacks on the town continued through the night."), "cyber_theft")


# --- the bracketed year of a numbered resolution names it --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("the council tightened sanctions by adopting Resolution 2270 (2016).", "2016", True),
        ("Under UNSCR 1718 (2006) member states must inspect cargo.", "2006", True),
        ("The talks resumed in (2019) after a pause.", "2019", False),
        ("It adopted resolution 2270 in 2016.", "2016", False),
    ],
)
def test_bracketed_year_of_a_numbered_resolution(text, label, expected):
    at = text.index(label)
    assert labels_a_document(text, at, at + len(label)) is expected


def test_lone_resolution_year_still_dates_the_adoption(events_of):
    found = of_type(events_of("The council unanimously adopted resolution 2270 (2016).", published="2016-03-20"),
                    "un_resolution")
    assert found
    assert found[0].time is not None and found[0].time.start.startswith("2016")


def test_resolution_adopted_on_a_named_day(events_of):
    found = of_type(events_of("On 5 March 2016, the Security Council tightened sanctions by adopting Resolution "
                              "2270 (2016).", published="2016-03-20"), "un_resolution")
    assert found
    assert found[0].time is not None and found[0].time.start == "2016-03-05"
    assert role_texts(found[0], "agent")


# --- buyers named by a country's adjective alone ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "buyer"),
    [
        ("The regime earns cash by selling fishing rights to Chinese trawler operators.", "banned_export", "chn"),
        ("The firm exported North Korean coal to Vietnamese traders in 2019.", "banned_export", "vnm"),
    ],
)
def test_buyers_marked_by_nationality(events_of, text, etype, buyer):
    found = of_type(events_of(text), etype)
    assert found
    assert buyer in role_entities(found[0], "destination") | role_entities(found[0], "recipient")


def test_common_noun_without_nationality_is_no_destination(events_of):
    found = of_type(events_of("Pyongyang has been selling fishing rights to small operators for years."),
                    "banned_export")
    assert found
    assert not role_texts(found[0], "destination")


# --- the owner of the missile launched is the launcher ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Tuesday's flight was Iran's third satellite launch this year, which set a record.", "irn"),
        ("The blast marked North Korea's seventh nuclear test, which drew wide condemnation.", "prk"),
    ],
)
def test_possessor_of_the_launched_item_acts(events_of, text, agent):
    events = [e for e in events_of(text) if e.type in ("missile_launch", "satellite_launch", "nuclear_test")]
    assert events
    assert any(agent in role_entities(e, "agent") for e in events)


# --- nationals entering the country of a labour story are that labour ----------------------------------------------


def test_nationals_entering_in_a_labour_story(events_of):
    text = _LABOUR_STORY + "In 2023 some 8,150 North Koreans entered Russia, most of them as students."
    found = [e for e in of_type(events_of(text), "overseas_workers") if e.trigger.text == "entered"]
    assert found
    assert "rus" in role_entities(found[0], "destination")
    assert found[0].quantity is not None and found[0].quantity.value == 8150


def test_nationals_entering_outside_a_labour_story_are_no_labour(events_of):
    found = of_type(events_of("In 2023 some 8,150 North Koreans entered Russia, most of them as students."),
                    "overseas_workers")
    assert not [e for e in found if e.trigger.text == "entered"]


# --- the trainees of a training noun are its target, the trainer its agent -----------------------------------------


_TROOP_STORY = "North Korea has sent 4,000 troops to Belarus, the spy agency said. "


@pytest.mark.parametrize(
    ("sentence", "trainee", "trainer"),
    [
        ("The troops received training from Belarusian officers in mine clearing.", "troops", "blr"),
        ("North Korean soldiers are undergoing training at Belarusian bases.", "North Korean soldiers", None),
    ],
)
def test_trainees_of_a_training_noun(events_of, sentence, trainee, trainer):
    found = [e for e in of_type(events_of(_TROOP_STORY + sentence), "military_training") if e.trigger.text == "training"]
    assert found
    ev = found[0]
    assert trainee in role_texts(ev, "target")
    assert trainee not in role_texts(ev, "agent")
    if trainer is not None:
        assert trainer in role_entities(ev, "agent")


def test_one_sent_for_training_is_the_trainee(events_of):
    found = [e for e in of_type(events_of(_TROOP_STORY + "One sergeant was sent to Minsk for training in June."),
                                "military_training") if e.trigger.text == "training"]
    assert found
    assert "sergeant" not in role_texts(found[0], "agent")
    assert "sergeant" in role_texts(found[0], "target")


# --- a person's pronoun never stands for the reporting agency -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un has sent 4,000 troops to Belarus, the spy agency said. He will send more in spring, the NIS said.",
        "The NIS said he would send more troops to Belarus in spring.",
    ],
)
def test_he_is_not_the_agency(events_of, text):
    found = [e for e in of_type(events_of(text), "troop_deployment") if e.trigger.text == "send"]
    assert found
    assert "nis" not in role_entities(found[-1], "agent")


def test_he_is_a_named_speaker_himself(events_of):
    found = of_type(events_of("Mr. Ri said he would launch a satellite in the autumn."), "satellite_launch")
    assert found
    assert role_entities(found[0], "agent") - {None}


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un has sent 4,000 troops to Belarus, the spy agency said. He will send more in spring, the NIS said.",
        "The NIS said he would send more troops to Belarus in spring.",
    ],
)
def test_he_is_not_the_agency_with_attributions(agents_by_pipeline, text):
    agents = agents_by_pipeline(text, "troop_deployment")
    assert agents
    assert "nis" not in agents[-1]


# --- the labour site's place, named deeper in the labour's phrases -------------------------------------------------


def test_site_place_deeper_in_the_phrase(events_of):
    text = _LABOUR_STORY + "They work in crews for big housing projects in central Irkutsk."
    found = [e for e in of_type(events_of(text), "overseas_workers") if e.trigger.text == "work"]
    assert found
    assert any("Irkutsk" in t for t in role_texts(found[0], "location"))


def test_site_at_home_gives_no_location(events_of):
    text = _LABOUR_STORY + "They work in crews for big housing projects in Pyongyang."
    found = [e for e in of_type(events_of(text), "overseas_workers") if e.trigger.text == "work"]
    assert not any("Pyongyang" in role_texts(e, "location") for e in found)


# --- a personal relative's antecedent is who acts -------------------------------------------------------------------


def test_labourers_who_worked_abroad(events_of):
    text = _LABOUR_STORY + "Labourers who worked in Khabarovsk for six years came home with almost nothing."
    found = [e for e in of_type(events_of(text), "overseas_workers") if e.trigger.text == "worked"]
    assert found
    assert "Khabarovsk" in role_texts(found[0], "location")


def test_a_resolution_which_proposes_is_no_new_resolution(events_of):
    events = events_of("Two members vetoed a draft resolution which proposed new curbs on fuel sales.")
    assert not [e for e in of_type(events, "un_resolution") if e.trigger.text == "proposed"]


# --- a counted attack under a verb already read as the attack is one act --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hackers tied to Pyongyang launched 30 attacks with spyware on Thai banks last month.",
        "The group deployed ransomware in nine attacks on Dutch clinics, researchers said.",
    ],
)
def test_verb_and_its_counted_attacks_are_one_event(events_of, text):
    found = of_type(events_of(text), "cyber_theft")
    assert len(found) == 1
    assert not role_texts(found[0], "destination")


def test_pronoun_sent_to_the_front_is_no_labour(events_of):
    text = (_LABOUR_STORY + "It has also deployed 3,000 troops there. Now they are sent to the front near Kursk.")
    assert not [e for e in of_type(events_of(text), "overseas_workers") if e.trigger.text == "sent"
                and "front" in e.sentence.text]


# --- luxuries on their way to the DPRK, and their seizure ---------------------------------------------------------


def test_sedans_bound_for_the_dprk(events_of):
    events = events_of("Customs officers seized three Mercedes sedans bound for North Korea at a port in Busan.")
    lux = of_type(events, "luxury_goods")
    assert lux
    assert "prk" in role_entities(lux[0], "recipient") | role_entities(lux[0], "destination")
    assert of_type(events, "seizure")


def test_bound_elsewhere_is_no_luxury_import(events_of):
    assert not [e for e in of_type(events_of("Two yachts bound for Monaco left the shipyard."), "luxury_goods")
                if e.trigger.text == "bound"]


def test_luxuries_bought_for_a_leader(events_of):
    found = of_type(events_of("A broker bought four limousines for Kim Jong Un in 2019."), "luxury_goods")
    assert found
    assert "kim-jong-un" in role_entities(found[0], "recipient")


# --- "X was the Nth launch <period>": the subject's own date dates the launch --------------------------------------


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The test on Friday was the country's fourth ICBM launch since March.", "2023-12-15"),
        ("Friday's launch was North Korea's sixth ICBM launch this year.", "2023-12-15"),
        ("The launch marked North Korea's sixth ICBM launch this year, a record.", "2023-01-01"),
    ],
)
def test_ordinal_launch_takes_the_subjects_date(events_of, text, start):
    found = of_type(events_of(text, published="2023-12-18"), "missile_launch")
    assert found
    assert any(e.time is not None and e.time.start == start for e in found)


# --- licences bought "to fish": the infinitive names the trade ----------------------------------------------------


def test_licences_bought_to_fish(events_of):
    found = of_type(events_of("About 300 Chinese trawlers bought licences to fish in North Korean waters in 2022."),
                    "banned_export")
    assert found
    assert "chn" in role_entities(found[0], "recipient") | role_entities(found[0], "agent")


def test_licences_bought_to_drive_are_no_export(events_of):
    assert not of_type(events_of("The couriers bought licences to drive in the capital."), "banned_export")

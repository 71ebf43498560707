"""Event error classes found on the uevt12 blind set of real pages (North Korean troops sent to Russia, Japanese
sightings of ship-to-ship transfers, a failed satellite launch, IT-worker indictments, munitions for food, North
Korean missiles fired at Ukraine), each restated in sentences written for these tests (other names, places,
figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities, role_texts


# --- a raising verb lends its subject to the infinitive under it ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype", "item", "qty"),
    [
        ("About 2,000 North Korean troops are thought to have been sent to Belarus this year.", "troop_deployment",
         "North Korean troops", 2000),
        ("Some 400 soldiers are said to have been deployed near the border, officials said.", "troop_deployment",
         "soldiers", 400),
        ("Around 700 North Korean engineers were thought to have been dispatched to the front.", "troop_deployment",
         "North Korean engineers", 700),
    ],
)
def test_raised_passive_subject_is_what_is_sent(events_of, text, etype, item, qty):
    found = of_type(events_of(text), etype)
    assert found
    ev = found[0]
    assert item in role_texts(ev, "item")
    assert item not in role_texts(ev, "agent")
    assert ev.quantity is not None and ev.quantity.value == qty


@pytest.mark.parametrize(
    ("text", "etype", "who"),
    [
        ("The Kremlin appears to have fired two North Korean rockets at Odesa on Sunday.", "missile_launch", "rus"),
        ("Pyongyang seems to have launched a ballistic missile toward the sea.", "missile_launch", "prk"),
        ("North Korea is likely to launch another reconnaissance satellite soon.", "satellite_launch", "prk"),
    ],
)
def test_raised_active_subject_acts(events_of, text, etype, who):
    found = of_type(events_of(text), etype)
    assert found
    assert who in role_entities(found[0], "agent")


def test_object_before_the_infinitive_acts(events_of):
    found = of_type(events_of("Analysts expect North Korea to send more troops to Russia."), "troop_deployment")
    assert found
    assert "prk" in role_entities(found[0], "agent")


def test_a_deadline_in_a_by_phrase_is_no_agent(events_of):
    found = of_type(events_of("A further 3,000 troops are set to be deployed by November.",
                              published="2024-09-02"), "troop_deployment")
    assert found
    assert not role_texts(found[0], "agent")
    assert found[0].time is not None and found[0].time.start.startswith("2024-11")


# --- a planned event's bare month is the coming one ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        ("North Korea plans to launch another reconnaissance satellite in August.", "2023-07-20", "2023-08"),
        ("The regime vowed to test another missile in December.", "2024-10-05", "2024-12"),
    ],
)
def test_planned_bare_month_is_the_coming_one(events_of, text, published, start):
    found = [e for e in events_of(text, published=published) if e.time is not None]
    assert found
    assert found[0].modality == "hypothetical"
    assert found[0].time.start.startswith(start)


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        # done, or hedged about the past: the last such month
        ("North Korea launched a spy satellite in August.", "2023-07-20", "2022-08"),
        ("North Korean coal may have entered the port in November.", "2019-06-14", "2018-11"),
        # a month the story already set in a named year keeps it
        ("In 2021 the regime said it would test a missile in September.", "2023-05-02", "2021-09"),
    ],
)
def test_past_or_dated_month_is_not_moved(events_of, text, published, start):
    found = [e for e in events_of(text, published=published) if e.time is not None]
    assert found
    assert found[0].time.start.startswith(start)


# --- "a ship that was accused of ...": the relative pronoun stands for the ship --------------------------------


def test_accused_relative_pronoun_is_its_antecedent(events_of):
    text = "Seoul held the Orchid Star, a tanker which was accused of shipping 900 tons of diesel to a North Korean vessel."
    found = [e for e in events_of(text) if e.type in ("ship_to_ship_transfer", "petroleum_import")]
    assert found
    agents = role_texts(found[0], "agent")
    assert agents and not agents & {"which", "that"}
    assert any("Orchid Star" in a or "tanker" in a for a in agents)


# --- what flies a flag is a ship ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In May 2019, Indonesia seized the Sierra Leone-flagged Golden Pine off Borneo.",
        "Taiwanese officials detained the Togo-flagged Blue Heron last week.",
    ],
)
def test_a_flagged_name_is_a_seized_ship(events_of, text):
    found = of_type(events_of(text), "seizure")
    assert found
    assert role_texts(found[0], "agent")
    assert role_texts(found[0], "target")


# --- coordinated verbs of one type on one shared object are one act ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The cargo ship was seized and searched by coast guard officers in Mokpo.",
        "Customs officers seized and inspected the tanker at Ulsan.",
    ],
)
def test_seized_and_inspected_is_one_seizure(events_of, text):
    assert len(of_type(events_of(text), "seizure")) == 1


@pytest.mark.parametrize(
    ("text", "etype", "n"),
    [
        # each verb acts on something of its own, or the verbs are alternatives
        ("Hackers breached the platform and stole 9 million dollars in tokens.", "cyber_theft", 2),
        ("The tanker was renamed and changed its flag to Palau.", "ais_manipulation", 2),
    ],
)
def test_separate_acts_stay_separate(events_of, text, etype, n):
    assert len(of_type(events_of(text), etype)) == n


# --- troops moved by transport verbs; pronouns for troops in a story of troops sent abroad ----------------------


def test_transported_soldiers_are_deployed(events_of):
    found = of_type(events_of("Between May 3 and 9, North Korea transported soldiers to Belarus on cargo planes.",
                              published="2024-06-01"), "troop_deployment")
    assert found
    assert "prk" in role_entities(found[0], "agent")
    assert found[0].time is not None and found[0].time.start == "2024-05-03"


STORY = "North Korea has sent 2,500 soldiers to Khabarovsk, officials said. "


@pytest.mark.parametrize(
    "tail",
    [
        "She was sent to Belarus for drills last spring.",
        "Next month it will send more.",
    ],
)
def test_pronoun_sent_in_a_troop_story_is_a_deployment(events_of, tail):
    found = [e for e in of_type(events_of(STORY + tail), "troop_deployment") if e.trigger.start >= len(STORY)]
    assert found


@pytest.mark.parametrize(
    "tail",
    [
        "At the bases they get training before they go to the front.",
        "The battalions completed two weeks of training, the officials said.",
    ],
)
def test_training_in_a_troop_story_is_military(events_of, tail):
    found = [e for e in of_type(events_of(STORY + tail), "military_training") if e.trigger.start >= len(STORY)]
    assert found


@pytest.mark.parametrize(
    "text",
    [
        # no troops in the story: a pronoun sent, or training, is nothing military
        "She was sent to Belarus for training last spring.",
        "Software developers were trained in Shenyang. North Korea has sent 2,500 soldiers to Khabarovsk.",
    ],
)
def test_training_or_pronoun_outside_a_troop_story(events_of, text):
    events = events_of(text)
    assert not [e for e in events if e.type == "military_training"]
    assert not [e for e in events if e.type == "troop_deployment" and e.trigger.text.lower() == "sent"
                and "She" in e.sentence.text]


# --- the destination of goods a carrying participle measures -------------------------------------------------------


def test_destination_after_a_measured_load(events_of):
    text = "Pyongyang has shipped some 900 crates carrying thousands of rockets to Russia since June."
    found = of_type(events_of(text, published="2024-11-20"), "arms_transfer")
    assert found
    assert "rus" in role_entities(found[0], "destination") | role_entities(found[0], "recipient")


# --- a barter paid for arms is an arms deal; the payer gets the arms ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "payer", "modality"),
    [
        ("Moscow has offered Pyongyang wheat and fuel in exchange for artillery rounds.", "rus", "hypothetical"),
        ("Russia gave North Korea fuel and wheat in return for the rockets, the minister said.", "rus", None),
    ],
)
def test_barter_for_arms(events_of, text, payer, modality):
    found = of_type(events_of(text), "arms_transfer")
    assert found
    ev = found[0]
    assert payer in role_entities(ev, "recipient")
    assert payer not in role_entities(ev, "agent")
    assert role_texts(ev, "item")
    if modality is not None:
        assert ev.modality == modality


def test_barter_for_food_is_no_arms_deal(events_of):
    assert not of_type(events_of("Moscow shipped Pyongyang fertiliser in exchange for timber."), "arms_transfer")


# --- "have" read as the main verb before an adverbial and a participle -----------------------------------------------


def test_perfect_with_an_adverbial_keeps_its_subject(events_of):
    found = of_type(events_of("Belarusian units have for the second time fired North Korean rockets at Kharkiv."),
                    "missile_launch")
    assert found
    assert "Belarusian units" in role_texts(found[0], "agent")


# --- a kind is transparent; a count of occasions is no quantity ------------------------------------------------------


def test_attacks_with_a_type_of_missile_are_launches(events_of):
    found = of_type(events_of("The army launched nine strikes on the city with a new kind of North Korean missile."),
                    "missile_launch")
    assert found


def test_occasions_are_no_quantity(events_of):
    found = of_type(events_of("The tanker took part in ship-to-ship transfers on 14 occasions in 2021."),
                    "ship_to_ship_transfer")
    assert found
    assert found[0].quantity is None


# --- in a story of troops sent abroad, a batch that arrives is a deployment --------------------------------------------


def test_batch_arriving_in_a_troop_story(events_of):
    text = STORY + "The second batch arrived in Khabarovsk on Nov. 4."
    found = [e for e in of_type(events_of(text, published="2024-11-20"), "troop_deployment")
             if e.trigger.text == "arrived"]
    assert found
    assert found[0].time is not None and found[0].time.start == "2024-11-04"


# --- the brief's open classes, in the team's own words ------------------------------------------------------------------


def test_sum_spent_on_a_gerund_is_its_cost(events_of):
    # (b) "spent $X importing Y": the money is the import's
    found = of_type(events_of("The trading house spent $450,000 importing North Korean anthracite in 2019."),
                    "banned_export")
    assert found
    assert found[0].quantity is not None and found[0].quantity.value == 450000


@pytest.mark.parametrize(
    "text",
    [
        # (c) what is launched into orbit is a satellite, even as a pronoun
        "The rocket broke apart, and the effort to put it into orbit failed, state media said.",
        "The agency plans to put the new probe into orbit next year.",
    ],
)
def test_launched_into_orbit_is_a_satellite_launch(events_of, text):
    assert of_type(events_of(text), "satellite_launch")


def test_launched_into_the_sea_is_no_satellite_launch(events_of):
    assert not of_type(events_of("The army launched a missile into the sea off the east coast."), "satellite_launch")


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # (d) taking part in another's war, though the war is a place phrase
        ("Kyiv denounced the country's participation in the war in Europe.", 1),
        ("North Korean troops fight in the war against Ukraine, the report said.", 1),
        ("Cadets participated in the war games near Seoul.", 0),
    ],
)
def test_taking_part_in_a_war(events_of, text, n):
    assert len(of_type(events_of(text), "troop_deployment")) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # (e) the power to veto is no veto cast
        ("France, a veto power, backed the draft.", 0),
        ("Britain holds veto power in the council.", 0),
        ("Russia and China cast a veto on the draft on Friday.", 1),
    ],
)
def test_veto_power_is_no_veto(events_of, text, n):
    found = of_type(events_of(text), "un_veto")
    assert len(found) == n
    if n:
        assert {"rus", "chn"} <= role_entities(found[0], "agent")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # (g) "tell/order/instruct X to V": X does V
        ("The manager instructed the sailors to transfer diesel to a North Korean vessel.", "sailors"),
        ("A broker told the captain to smuggle coal into Vietnam.", "captain"),
        ("Moscow helped North Korea launch its reconnaissance satellite.", "North Korea"),
    ],
)
def test_object_of_a_control_verb_acts(events_of, text, who):
    found = [e for e in events_of(text) if e.type not in ("designation",)]
    assert found
    assert who in role_texts(found[0], "agent")


# --- a transfer told as a sighting: the vessels seen are its parties ---------------------------------------------------


SIGHTED = "Tokyo reported a suspected ship-to-ship transfer last week. "


@pytest.mark.parametrize(
    ("tail", "agent", "partner"),
    [
        ("A navy frigate spotted the tanker Sea Lark alongside a barge 300 kilometres off Ningbo on April 2.",
         "Sea Lark", "barge"),
        ("Officials cited the April 2 sighting of the tanker, Sea Lark 3, moored alongside a fishing boat.",
         "Sea Lark 3", "fishing boat"),
    ],
)
def test_sighting_in_a_transfer_story(events_of, tail, agent, partner):
    found = [e for e in of_type(events_of(SIGHTED + tail, published="2024-04-09"), "ship_to_ship_transfer")
             if e.trigger.start >= len(SIGHTED)]
    assert found
    ev = found[0]
    assert any(agent in a for a in role_texts(ev, "agent"))
    assert any(partner in p for p in role_texts(ev, "partner"))
    if ev.trigger.text == "spotted":
        assert ev.time is not None and ev.time.start == "2024-04-02"
    assert ev.quantity is None  # a distance is no amount moved


def test_sighting_outside_a_transfer_story_is_nothing(events_of):
    assert not of_type(events_of("A navy frigate spotted the tanker Sea Lark alongside a barge off Ningbo."),
                       "ship_to_ship_transfer")


# --- in a story of workers abroad, the jobs landed and the staff impersonated are that labour -------------------------


WORKERS = "The indictment says North Korean IT workers were hired by dozens of US firms. "


@pytest.mark.parametrize(
    "tail",
    [
        "They used borrowed names to obtain jobs at 60 companies.",
        "Two of them posed as remote contractors of a payments start-up in Denver.",
    ],
)
def test_jobs_and_impersonation_in_a_workers_story(events_of, tail):
    found = [e for e in of_type(events_of(WORKERS + tail), "overseas_workers") if e.trigger.start >= len(WORKERS)]
    assert found


def test_posing_outside_a_workers_story_is_nothing(events_of):
    assert not of_type(events_of("The reporter posed as a remote employee of a shipping firm."), "overseas_workers")


# --- containers that carry shells, in a story of arms shipments -------------------------------------------------------


def test_containers_carrying_shells_in_an_arms_story(events_of):
    text = ("North Korea has shipped 2,000 containers of munitions to Russia, the ministry said. "
            "Those containers could carry some 900,000 rockets.")
    found = [e for e in of_type(events_of(text), "arms_transfer") if e.trigger.text == "carry"]
    assert found
    assert found[0].quantity is not None and found[0].quantity.value == 900000


# --- asking for military help: the seeker would receive it, and has not yet --------------------------------------------


def test_seeking_military_help_is_a_hypothetical_transfer_to_the_seeker(events_of):
    found = of_type(events_of("Pyongyang wants military aid from Minsk, such as jets and radars, officials think."),
                    "arms_transfer")
    assert found
    ev = found[0]
    assert "prk" in role_entities(ev, "recipient")
    assert "prk" not in role_entities(ev, "agent")
    assert ev.modality == "hypothetical"


# --- goods transferred, in a story of ship-to-ship transfers ---------------------------------------------------------------


def test_goods_transferred_in_a_transfer_story(events_of):
    text = ("Japan reported a ship-to-ship transfer in the Yellow Sea. "
            "Officials say the two vessels may have been transferring goods banned by the sanctions.")
    found = [e for e in of_type(events_of(text), "ship_to_ship_transfer") if e.trigger.text == "transferring"]
    assert found


def test_goods_transferred_elsewhere_are_nothing(events_of):
    assert not of_type(events_of("The warehouse was transferring goods to a new site in Busan."), "ship_to_ship_transfer")


# --- escaping notice is no flight -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("The rented laptops helped the operatives escape detection for years.", 0),
        ("The front companies helped North Korean traders escape sanctions.", 0),
        ("Three North Koreans escaped to Mongolia in March.", 1),
    ],
)
def test_escaping_detection_is_no_defection(events_of, text, n):
    assert len(of_type(events_of(text), "defection")) == n

"""Event error classes found on a seventh blind set of real pages (uevt7: government releases, law-firm and
blockchain-analytics blogs, think tanks), each restated in sentences written for these tests (other names, places,
figures and dates)."""

from __future__ import annotations

import pytest
from fragments import of_type, role_entities

from sanctionwatch.quantity import parse_quantity


# --- an authority taking accounts, funds or coins is a seizure, a hacker's "seizing" coins is not -------------


@pytest.mark.parametrize(
    "text",
    [
        "Federal agents seized 14 bank accounts that North Korean IT workers used to move their pay.",
        "Investigators were able to seize about 15 percent of the funds North Korean hackers stole from the Harbor Bridge exchange.",
        "Police in Seoul recovered $12 million worth of cryptocurrency taken by North Korean hackers.",
        "The court ordered the forfeiture of 75 crypto wallets tied to North Korea's Kimsuky group.",
    ],
)
def test_taking_funds_is_a_seizure(events_of, text):
    assert of_type(events_of(text), "seizure")


@pytest.mark.parametrize(
    "text",
    [
        "North Korean hackers kept trying to seize cryptocurrency from small exchanges.",
        "The company recovered from the North Korean attack within a week.",
        "The coast guard seized the tanker Ocean Star near Busan for carrying North Korean coal.",  # a vessel: a seizure of its own rule
    ],
)
def test_no_funds_seizure_where_none_is_taken(events_of, text):
    found = of_type(events_of(text), "seizure")
    if "tanker" in text:
        assert found
    else:
        assert not found


# --- laundering the proceeds of a theft is the theft's, and "they" is the group named before --------------------


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's Andariel group broke into the Nova exchange. From there, they laundered the funds through 900 crypto addresses.",
        "Analysts said North Korea's Andariel group laundered funds stolen from two crypto exchanges.",
    ],
)
def test_laundering_stolen_funds_is_cyber_theft(events_of, text):
    found = [e for e in of_type(events_of(text), "cyber_theft") if e.trigger.text.lower().startswith("launder")]
    assert found


def test_they_of_a_theft_is_the_group_named_before(events_of):
    text = ("After North Korea's Andariel group gained control of the bridge keys, it drained the wallets. "
            "Then they laundered the funds through 900 crypto addresses.")
    found = [e for e in of_type(events_of(text), "cyber_theft") if e.trigger.text.lower() == "laundered"]
    assert found and role_entities(found[0], "agent") - {None}


def test_they_names_no_victim(events_of):
    # the exchange is an object, not a subject: it is not what "they" stands for
    text = "North Korean hackers broke into the Nova exchange last year. They laundered the funds through crypto addresses."
    found = [e for e in of_type(events_of(text), "cyber_theft") if e.trigger.text.lower() == "laundered"]
    assert found and not any("nova" in str(x) for x in role_entities(found[0], "agent"))


# --- a goods lexicon beats the destination fallback ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, etype",
    [
        ("The tanker was listed for the delivery of refined petroleum products into North Korea.", "petroleum_import"),
        ("Pyongyang funds its weapons through the procurement of petroleum products at sea.", "petroleum_import"),
        ("The firm sold cigarette filters to North Korea in 2019.", "banned_export"),
    ],
)
def test_goods_type_before_destination(events_of, text, etype):
    assert of_type(events_of(text), etype)


# --- remote IT work -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The North Koreans posed online so that they could work as remote software developers for firms in Ohio.",
        "The North Korean regime earns money through remote IT work for companies in Europe.",
        "The network helped North Korean IT workers obtain contracts at 40 European firms.",
    ],
)
def test_remote_it_work_is_overseas_workers(events_of, text):
    assert of_type(events_of(text), "overseas_workers")


# --- "$1.7B": a capital abbreviation glued to a currency amount ----------------------------------------------------


@pytest.mark.parametrize("text, value", [("$1.7B", 1.7e9), ("$450M", 4.5e8), ("US$2.3b", 2.3e9)])
def test_capital_scale_abbreviation(text, value):
    q = parse_quantity(text)
    assert q is not None and q.value == value and q.unit == "USD"


def test_bare_b_is_no_scale():
    q = parse_quantity("2 B")
    assert q is None or q.value == 2


# --- who designates: "the government of X", and one who announces a designation makes it -------------------------


@pytest.mark.parametrize(
    "text, agent",
    [
        ("On Monday, the government of Japan designated 4 ships and 2 firms for smuggling North Korean coal.", "jpn"),
        ("The government of Australia sanctioned three North Korean trading companies on Friday.", "aus"),
        ("The State Department today announced the designations of 12 North Korean officials.", None),
    ],
)
def test_designating_state_is_the_agent(events_of, text, agent):
    found = of_type(events_of(text), "designation")
    assert found
    agents = role_entities(found[0], "agent")
    assert (agent in agents) if agent else (agents - {None})


def test_announcing_a_launch_only_reports_it(events_of):
    found = of_type(events_of("Seoul's military announced the launch of a North Korean missile on Tuesday."), "missile_launch")
    assert found and "kor" not in role_entities(found[0], "agent")


# --- a weapons word that only names a programme is no arms transfer ----------------------------------------------


@pytest.mark.parametrize(
    "text, arms",
    [
        ("A ring raised $3 million to be funneled to North Korea and its weapons of mass destruction program.", False),
        ("Their wages were transferred to Pyongyang's missile programme.", False),
        ("The firm shipped missile parts to North Korea for its missile program.", True),
    ],
)
def test_programme_is_no_goods(events_of, text, arms):
    assert bool(of_type(events_of(text), "arms_transfer")) == arms


# --- a contact clause of a light verb on the event noun: its subject acts ----------------------------------------


@pytest.mark.parametrize(
    "text, etype",
    [
        ("The missile test North Korea conducted last week drew condemnation.", "missile_launch"),
        ("Analysts compared the nuclear test North Korea carried out in 2017 with earlier ones.", "nuclear_test"),
    ],
)
def test_contact_clause_subject_is_the_agent(events_of, text, etype):
    found = of_type(events_of(text), etype)
    assert found and "prk" in role_entities(found[0], "agent")


# --- "stolen from X by Y": the "by" phrase the parser hangs on X still acts ---------------------------------------


def test_by_phrase_after_from_phrase_is_the_agent(events_of):
    text = "Investigators traced $12 million worth of cryptocurrency stolen from an exchange by North Korean hackers."
    found = [e for e in of_type(events_of(text), "cyber_theft") if e.trigger.text == "stolen"]
    assert found and "prk" in role_entities(found[0], "agent")


def test_participle_counts_the_amount_of_its_noun(events_of):
    text = "Investigators traced $12 million worth of cryptocurrency stolen from an exchange by North Korean hackers."
    found = [e for e in of_type(events_of(text), "cyber_theft") if e.trigger.text == "stolen"]
    assert found and found[0].quantity is not None and found[0].quantity.value == 12_000_000

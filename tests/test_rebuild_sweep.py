"""The rebuild's sweep finishes cases behind it (holding a window of time, not the store) and still gives
exactly the cases of clustering the whole set at once."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import sanctionwatch as sw
from sanctionwatch.linking import sweep as sweep_module
from sanctionwatch.linking.clustering import link_events
from sanctionwatch.linking.rebuild import rebuild_cases
from sanctionwatch.model import Argument, Entity, Fragment, Mention, Quantity, Sentence, TimeValue

COUNTRIES = [("nland", "Northland"), ("zem", "Zembla"), ("osl", "Ostland"), ("ruri", "Ruritania")]
# (event type, verb, unit): a durative flow, one-day acts, and a tally-prone count
KINDS = [("arms_transfer", "shipped", "rocket launcher"), ("missile_launch", "launched", "missile"),
         ("cyber_theft", "stole", "bitcoin")]
FILLER = ("harbour", "ledger", "convoy", "tariff", "quay", "manifest", "crane", "berth", "pilot", "ballast")


def _event_doc(doc_id: str, when: TimeValue | None, kind: int, agent: int, other: int, figure: int | None,
               published: str | None, prose: str = "") -> sw.Document:
    etype, verb, unit = KINDS[kind]
    (a_id, a_name), (o_id, o_name) = COUNTRIES[agent], COUNTRIES[other]
    amount = f"{figure} {unit}s" if figure is not None else f"{unit}s"
    claim = f"Officials said {a_name} {verb} {amount} with {o_name} {when.text if when else 'recently'}."
    text = (prose + "\n\n" if prose else "") + claim + "\n"
    s = text.index(claim)
    a, o, t = s + claim.index(a_name), s + claim.index(o_name), s + claim.index(verb)
    doc = sw.Document(doc_id=doc_id, text=text, input=f"{doc_id}.txt", publisher=f"Wire {doc_id[-1]}",
                      published=published)
    doc.sentences = [Sentence(s, s + len(claim), claim)]
    doc.entities = [Entity(a_id, a_name, "country", [Mention(a, a + len(a_name), a_name)]),
                    Entity(o_id, o_name, "country", [Mention(o, o + len(o_name), o_name)])]
    doc.events = [sw.Event(type=etype, trigger=Fragment.of(text, t, t + len(verb)),
                           arguments=[Argument("agent", a, a + len(a_name), a_name, a_id),
                                      Argument("recipient", o, o + len(o_name), o_name, o_id)],
                           quantity=Quantity(figure, unit) if figure is not None else None,
                           time=when, sentence=Fragment.of(text, s, s + len(claim)))]
    return doc


def _month(year: int, month: int) -> TimeValue:
    end = 30 if month in (4, 6, 9, 11) else 28 if month == 2 else 31
    return TimeValue(f"in {month}/{year}", f"{year}-{month:02d}-01", f"{year}-{month:02d}-{end}", "month")


def _corpus(seed: int) -> list[sw.Document]:
    """Reports spread over eight years, several on each act, with the ties the sweep must follow: copies
    of one text years apart, multi-year tallies and undated figures of one count, undated reports."""
    rng = random.Random(seed)
    docs = []
    n = 0
    for year in range(2010, 2018):
        for month in rng.sample(range(1, 13), 4):
            kind, agent, other = rng.randrange(3), rng.randrange(4), rng.randrange(4)
            other = (agent + 1) % 4 if other == agent else other
            figure = rng.choice([None, 20, 40, 300])
            for _ in range(rng.randint(1, 3)):  # a few reports of each act, some a few weeks later
                day = rng.randint(1, 28)
                late = rng.choice([0, 0, 20, 45])
                when = _month(year, month) if rng.random() < 0.8 else None
                pub_month = min(12, month + late // 30)
                docs.append(_event_doc(f"d{n:03d}", when, kind, agent, other, figure,
                                       f"{year}-{pub_month:02d}-{day:02d}"))
                n += 1
    tally = TimeValue("between 2010 and 2016", "2010-01-01", "2016-12-31", "range")
    docs.append(_event_doc("t-tally", tally, 2, 0, 1, 620, "2017-02-01"))
    docs.append(_event_doc("t-undated", None, 2, 0, 1, 620, "2019-05-01"))  # the same count, undated, later
    copy = " ".join(random.Random(seed + 1).choice(FILLER) for _ in range(200)) + "."
    docs.append(_event_doc("c-first", _month(2011, 3), 0, 2, 3, 40, "2011-03-20", copy))
    docs.append(_event_doc("c-again", _month(2015, 3), 0, 2, 3, 40, "2015-03-20", copy))  # re-dated mirror
    return docs


def _finishing_batches(monkeypatch) -> list[int]:
    """How many finishing batches each sweep ran (filled as rebuilds run)."""
    batches: list[int] = []
    original_run = sweep_module.Sweep.run

    def run(self, rows):
        out = original_run(self, rows)
        batches.append(self.batches)
        return out

    monkeypatch.setattr(sweep_module.Sweep, "run", run)
    return batches


@pytest.mark.parametrize("seed", [1, 2, 3, 5, 8])
def test_the_sweep_gives_the_cases_of_the_whole_set_clustering(tmp_path: Path, monkeypatch, seed: int) -> None:
    monkeypatch.setattr(sweep_module, "CHECK_EVERY", 4)  # look often: a small store still finishes in steps
    batches = _finishing_batches(monkeypatch)
    docs = _corpus(seed)
    with sw.open_store(tmp_path / "sw.db") as store:
        store.save_documents(docs, "hand-1")
        cases = rebuild_cases(store)
    whole = link_events(docs)
    assert [c.to_dict() for c in cases] == [c.to_dict() for c in whole]
    assert len(whole) > 10
    assert batches[0] > 1  # cases were finished as the sweep went, not all at the end


def test_an_undated_report_with_no_publication_date_keeps_every_cluster_open(tmp_path: Path, monkeypatch) -> None:
    """An item placed nowhere in time may join any cluster: the sweep then finishes everything at the end."""
    monkeypatch.setattr(sweep_module, "CHECK_EVERY", 1)
    batches = _finishing_batches(monkeypatch)
    docs = _corpus(4) + [_event_doc("u-nowhere", None, 0, 0, 1, 40, None)]
    with sw.open_store(tmp_path / "sw.db") as store:
        store.save_documents(docs, "hand-1")
        cases = rebuild_cases(store)
    assert [c.to_dict() for c in cases] == [c.to_dict() for c in link_events(docs)]
    assert batches == [1]


def _act(text: str, type_: str, trigger: str, agent: str, agent_id: str, when: str | None) -> sw.Event:
    start, a = text.index(trigger), text.index(agent)
    return sw.Event(type_, Fragment.of(text, start, start + len(trigger)),
                    [Argument("agent", a, a + len(agent), agent, agent_id)],
                    time=TimeValue(when, when, when, "day") if when else None)


def test_an_article_that_ties_an_outcome_to_its_cause_years_later_keeps_the_cause_open(tmp_path: Path,
                                                                                    monkeypatch) -> None:
    """A report years on that the watchdog closed (undated) after the veto of its mandate joins the veto's
    case through its article (linking.consequences): the veto's cluster may not be finished before it."""
    monkeypatch.setattr(sweep_module, "CHECK_EVERY", 2)
    veto = "Osterlich vetoed the renewal of the watchdog's mandate at the Security Council."
    closure = "The watchdog has shut down. It shut down after Osterlich vetoed the renewal of its mandate."
    docs = _corpus(6) + [
        sw.Document(doc_id="v-veto", text=veto, publisher="Wire V", published="2012-05-21",
                    events=[_act(veto, "un_veto", "vetoed", "Osterlich", "ost", "2012-05-20")]),
        sw.Document(doc_id="v-closure", text=closure, publisher="Wire W", published="2016-09-02",
                    events=[_act(closure, "monitoring_body", "shut down", "The watchdog", "un", None),
                            _act(closure, "un_veto", "vetoed", "Osterlich", "ost", "2012-05-20")]),
    ]
    with sw.open_store(tmp_path / "sw.db") as store:
        store.save_documents(docs, "hand-1")
        cases = rebuild_cases(store)
    whole = link_events(docs)
    assert [c.to_dict() for c in cases] == [c.to_dict() for c in whole]
    (veto_case,) = [c for c in whole if any(m.doc_id == "v-veto" for m in c.members)]
    assert {(m.doc_id, m.event_idx) for m in veto_case.members} >= {("v-closure", 0), ("v-closure", 1)}

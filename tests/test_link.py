"""Cross-document linking: syndication, compatibility, cases and their status."""

from __future__ import annotations

import pytest

from sanctionwatch.cases import Case
from sanctionwatch.linking.status import case_status
from sanctionwatch.linking.clustering import merge_clusters, link_events
from sanctionwatch.linking.items import Item
from sanctionwatch.linking.rebuild import rebuild_cases
from sanctionwatch.linking.scoring import compatible
from sanctionwatch.linking.summaries import format_period
from sanctionwatch.linking.syndication import syndication_groups
from sanctionwatch.linking.taxonomy import parse_taxonomy
from sanctionwatch.linking.taxonomy import taxonomy as packaged_taxonomy
from sanctionwatch.report.cases import section_order, section_title
from sanctionwatch.model import Argument, Entity, Attribution, Document, Event, Fragment, IgnoredRegion, Quantity, TimeValue
from sanctionwatch.store import Store

WIRE = (
    "The tanker loaded refined petroleum from a foreign vessel in the open sea off the port of Nampo "
    "late on Tuesday, according to satellite images reviewed by analysts. The transfer lasted several hours "
    "and the tanker switched off its transponder before the meeting, the analysts said. Officials in Seoul "
    "declined to comment on the images. The cargo was estimated at several thousand barrels of diesel fuel."
)
OTHER_STORY = (
    "Pyongyang opened a new hospital in the capital on Monday, state media reported, with the leader cutting "
    "a ribbon in front of cheering crowds. The hospital has several hundred beds and modern equipment, the "
    "agency said, and will serve the families of party officials and soldiers in the capital region first."
)


def doc_with(doc_id: str, text: str, *, title: str | None = None, footer: str = "", boiler: str = "", **kw) -> Document:
    """A document whose text is [boilerplate][title][body][footer], with boilerplate marked ignored."""
    head = boiler + (title + "\n\n" if title else "")
    full = head + text + footer
    ignored = [IgnoredRegion(0, len(boiler), boiler, "boilerplate")] if boiler else []
    return Document(doc_id=doc_id, text=full, title=title, ignored=ignored, **kw)


@pytest.mark.parametrize(
    "docs, expected",
    [
        (  # one wire on two sites: different headline, one site adds a footer
            [doc_with("a", WIRE, title="Tanker seen taking fuel at sea"),
             doc_with("b", WIRE, title="SATELLITE PICTURES: fuel handed over off Nampo",
                      footer="\n\nShare this article. Subscribe to our newsletter for daily updates from Asia.")],
            [{"a", "b"}],
        ),
        (  # the same site boilerplate on two different stories does not make them copies
            [doc_with("a", WIRE, boiler="Home > World > Asia. Read more. Share. Subscribe now to the daily brief. " * 3),
             doc_with("b", OTHER_STORY, boiler="Home > World > Asia. Read more. Share. Subscribe now to the daily brief. " * 3)],
            [{"a"}, {"b"}],
        ),
        ([doc_with("a", WIRE), doc_with("b", OTHER_STORY)], [{"a"}, {"b"}]),
        (  # a copy that keeps only the first half of the wire still counts as syndicated
            [doc_with("a", WIRE), doc_with("b", WIRE[: len(WIRE) // 2]), doc_with("c", OTHER_STORY)],
            [{"a", "b"}, {"c"}],
        ),
        (  # copies are grouped transitively and the publisher does not matter
            [doc_with("x", WIRE, publisher="One"), doc_with("y", WIRE + " Extra line.", publisher="Two"),
             doc_with("z", "Breaking. " + WIRE, publisher="Three")],
            [{"x", "y", "z"}],
        ),
    ],
)
def test_syndication_groups(docs, expected):
    assert syndication_groups(docs) == expected


# --------------------------------------------------------------------------
# events built by hand


def ev(
    type_: str = "ship_to_ship_transfer",
    agent: str | None = "prk",
    recipient: str | None = None,
    time: tuple[str, str] | None = None,
    qty: tuple[float, str] | None = None,
    item: str | None = None,
    modality: str = "asserted",
    attribution: int | None = None,
    at: int = 0,
) -> Event:
    args = []
    if agent:
        args.append(Argument("agent", at, at + 1, "x", agent))
    if recipient:
        args.append(Argument("recipient", at, at + 1, "x", recipient))
    if item:
        args.append(Argument("item", at, at + len(item), item))
    return Event(
        type=type_,
        trigger=Fragment(at, at + 1, "x"),
        arguments=args,
        quantity=Quantity(qty[0], qty[1]) if qty else None,
        time=TimeValue("t", time[0], time[1], "range") if time else None,
        modality=modality,
        attribution=attribution,
    )


@pytest.mark.parametrize(
    "a, b, linked",
    [
        (ev(), ev(), True),
        (ev(type_="arms_transfer"), ev(type_="missile_launch"), False),  # different types
        (ev(agent="prk", recipient="rus"), ev(agent="prk", recipient="syr"), False),  # conflicting recipients
        (ev(agent="prk", recipient="rus"), ev(agent="rus", recipient="prk"), True),  # same parties, roles swapped
        (ev(agent="prk", recipient="rus"), ev(agent="prk"), True),  # one side less specific
        (ev(agent="local:a"), ev(agent="local:b"), False),  # nothing in common, nothing else known
        (ev(time=("2018-03-01", "2018-03-31")), ev(time=("2018-03-12", "2018-03-12")), True),  # month contains day
        (ev(time=("2018-03-01", "2018-03-31")), ev(time=("2019-03-01", "2019-03-31")), False),  # a year apart
        (ev(time=("2018-03-10", "2018-03-10")), ev(time=("2018-03-12", "2018-03-12")), True),  # within the slack
        (ev(time=("2018-03-01", "2018-03-31")), ev(), True),  # unanchored
        (ev(qty=(1600, "tonnes")), ev(qty=(1650, "tonne")), True),  # within tolerance, plural unit
        (ev(qty=(1600, "tonnes")), ev(qty=(7000, "tonnes")), False),  # out of tolerance
        (ev(qty=(1600, "tonnes")), ev(qty=(7000, "barrels")), True),  # not comparable: no conflict
        (ev(item="refined petroleum"), ev(item="petroleum products"), True),
    ],
)
def test_compatible(a, b, linked):
    score = compatible(a, b)
    assert 0 <= score <= 1
    assert (score >= 0.5) == linked, score
    assert compatible(b, a) == score  # symmetric


def test_compatible_prefers_more_evidence():
    base = compatible(ev(recipient="rus"), ev(recipient="rus"))
    richer = compatible(ev(recipient="rus", time=("2024-01-01", "2024-01-31"), qty=(100, "containers")),
                        ev(recipient="rus", time=("2024-01-15", "2024-01-15"), qty=(105, "containers")))
    assert richer > base


def test_undated_events_far_apart_in_publication_do_not_link():
    a, b = ev(agent="prk"), ev(agent="prk")
    assert compatible(a, b, published_a="2018-01-01", published_b="2018-01-20") >= 0.5
    assert compatible(a, b, published_a="2018-01-01", published_b="2021-06-01") < 0.5


def test_event_after_publication_is_unlikely():
    dated = ev(time=("2024-10-01", "2024-10-31"))
    assert compatible(dated, ev(), published_b="2023-01-01") < compatible(dated, ev(), published_b="2024-11-02")


# --------------------------------------------------------------------------
# cases


def article(doc_id: str, *events: Event, published: str = "2024-01-10", publisher: str | None = None,
            attributions: list[Attribution] | None = None, text: str | None = None) -> Document:
    body = text or f"Article {doc_id}: " + ("Some sentence about an event. " * 4)
    return Document(doc_id=doc_id, text=body, published=published, publisher=publisher,
                    events=list(events), attributions=attributions or [])


def deny_attr(source: str = "prk") -> Attribution:
    return Attribution(source=[Fragment(0, 1, "A")], cue=[Fragment(2, 3, "r")], content=[Fragment(4, 9, "ticle")],
                       stance="deny", source_entity=source)


def allege_attr(source: str = "kor") -> Attribution:
    return Attribution(source=[Fragment(0, 1, "A")], cue=[Fragment(2, 3, "r")], content=[Fragment(4, 9, "ticle")],
                       stance="allege", source_entity=source)


ARMS = dict(type_="arms_transfer", agent="prk", recipient="rus")


@pytest.mark.parametrize(
    "docs, min_sources, status, n_sources",
    [
        ([article("a", ev(**ARMS))], 2, "single-source", 1),
        ([article("a", ev(**ARMS)), article("b", ev(**ARMS))], 2, "corroborated", 2),
        # min_sources is configurable
        ([article("a", ev(**ARMS)), article("b", ev(**ARMS))], 3, "single-source", 2),
        ([article("a", ev(**ARMS))], 1, "corroborated", 1),
        # a denial event beside an allegation
        ([article("a", ev(**ARMS, modality="alleged")), article("b", ev(**ARMS, modality="denied"))], 2, "contested", 1),
        # the event inside a deny-stance attribution is a denial
        ([article("a", ev(**ARMS)), article("b", ev(**ARMS, attribution=0), attributions=[deny_attr()])], 2, "contested", 1),
        ([article("b", ev(**ARMS, modality="denied"))], 2, "denied-only", 0),
        # two articles of one publisher are one source
        ([article("a", ev(**ARMS), publisher="Wire"), article("b", ev(**ARMS), publisher="wire ")], 2, "single-source", 1),
    ],
)
def test_case_status(docs, min_sources, status, n_sources):
    (case,) = link_events(docs, min_sources=min_sources)
    assert case.status == status
    assert case.independent_sources == n_sources
    assert case.min_sources == min_sources


@pytest.mark.parametrize(
    "sources, denial, min_sources, status",
    [(0, False, 2, "single-source"), (1, False, 2, "single-source"), (2, False, 2, "corroborated"),
     (5, True, 2, "contested"), (0, True, 2, "denied-only"), (1, False, 1, "corroborated")],
)
def test_case_status_table(sources, denial, min_sources, status):
    assert case_status(sources, denial, min_sources) == status


def test_syndicated_copies_count_once():
    a = article("a", ev(**ARMS), text=WIRE)
    b = article("b", ev(**ARMS), text="Headline\n\n" + WIRE + "\n\nFollow us.")
    (case,) = link_events([a, b])
    assert case.source_groups == [["a", "b"]]
    assert case.status == "single-source"
    c = article("c", ev(**ARMS), text=OTHER_STORY)
    (case,) = link_events([a, b, c])
    assert case.independent_sources == 2 and case.status == "corroborated"


def test_attribution_only_denial_is_right_of_reply():
    # "Pyongyang dismissed the report" names no event: it attaches to the case reported in the same article.
    a = article("a", ev(**ARMS, attribution=0, at=50), attributions=[allege_attr("kor"), deny_attr("prk")])
    b = article("b", ev(**ARMS))
    (case,) = link_events([a, b])
    assert case.status == "contested"
    assert [(m.doc_id, m.event_idx, m.attribution_idx) for m in case.denials] == [("a", None, 1)]
    assert case.claimants == ["kor"]


def test_denial_by_a_stranger_is_not_attached():
    a = article("a", ev(**ARMS), attributions=[deny_attr("usa")])
    (case,) = link_events([a])
    assert case.denials == [] and case.status == "single-source"


def test_hypothetical_events_are_not_evidence():
    assert link_events([article("a", ev(**ARMS, modality="hypothetical"))]) == []


def test_distinct_events_make_distinct_cases():
    docs = [
        article("a", ev(**ARMS, time=("2023-09-01", "2023-09-30")), ev(type_="missile_launch", agent="prk", at=40)),
        article("b", ev(**ARMS, time=("2023-09-15", "2023-09-15"))),
        article("c", ev(type_="arms_transfer", agent="prk", recipient="irn", time=("2023-09-15", "2023-09-15"))),
    ]
    cases = link_events(docs)
    by_members = sorted(sorted((m.doc_id, m.event_idx) for m in c.members) for c in cases)
    assert by_members == [[("a", 0), ("b", 0)], [("a", 1)], [("c", 0)]]


def test_case_fields_and_summary():
    q = ev(**ARMS, time=("2024-03-01", "2024-03-31"), qty=(7000, "containers"), item="munitions")
    docs = [article("a", q), article("b", ev(**ARMS, time=("2024-03-01", "2024-03-31")))]
    docs[0].entities = [Entity("prk", "North Korea", "country"), Entity("rus", "Russia", "country")]
    (case,) = link_events(docs)
    assert case.actors == {"agent": ["prk"], "recipient": ["rus"]}
    assert (case.time_start, case.time_end) == ("2024-03-01", "2024-03-31")
    assert case.quantity is not None and case.quantity.value == 7000
    assert case.summary == "North Korea: Arms transfer of munitions to Russia (7,000 containers), in March 2024."
    assert case.actor_names == {"prk": "North Korea", "rus": "Russia"}


@pytest.mark.parametrize(
    "time, tail",
    [(("2024-03-12", "2024-03-12"), ", on 12 March 2024."), (("2017-01-01", "2023-12-31"), ", in 2017–2023."),
     (("2023-01-01", "2023-12-31"), ", in 2023."), (None, ".")],
)
def test_summary_time_phrase(time, tail):
    (case,) = link_events([article("a", ev(**ARMS, time=time))])
    assert case.summary.endswith(tail)


def test_case_ids_are_stable_and_output_sorted():
    docs = [article("b", ev(**ARMS)), article("a", ev(**ARMS)), article("c", ev(type_="missile_launch"))]
    first = link_events(docs)
    second = link_events(list(reversed(docs)))
    assert [c.to_dict() for c in first] == [c.to_dict() for c in second]
    assert all(c.id.startswith("case-") for c in first)
    assert len({c.id for c in first}) == len(first)


@pytest.mark.parametrize(
    "start, end, text",
    [("2024-03-12", "2024-03-12", "12 March 2024"), ("2024-03-01", "2024-03-31", "March 2024"),
     ("2023-01-01", "2023-12-31", "2023"), ("2024-02-27", "2024-03-05", "between 2024-02-27 and 2024-03-05"),
     (None, None, None)],
)
def test_format_period(start, end, text):
    assert format_period(start, end) == text


def test_parse_taxonomy_shapes():
    flat = parse_taxonomy({"types": [{"id": "arms_transfer", "category": "military", "label": "Arms transfer"}]})
    assert flat.info("arms_transfer").category == "military"
    nested = parse_taxonomy({"categories": {"maritime": {"label": "Maritime", "types": {"sts": {"label": "STS",
                             "subtypes": {"sts_oil": {"label": "STS of oil"}}}}}}})
    assert nested.info("sts_oil").category == "maritime" and nested.related("sts", "sts_oil")
    assert nested.category_label("maritime") == "Maritime"
    assert nested.info("unknown_type").category == "other"


def test_rebuild_cases_writes_tables(tmp_path):
    with Store(tmp_path / "c.db") as store:
        for d in [article("a", ev(**ARMS), publisher="P1"), article("b", ev(**ARMS, modality="denied"), publisher="P2"),
                  article("c", ev(type_="missile_launch"), publisher="P3")]:
            store.save_document(d, "test")
        cases = rebuild_cases(store, min_sources=2)
        assert store.count("cases") == len(cases) == 2
        rows = {r["case_id"]: r for r in store.conn.execute("SELECT * FROM cases")}
        contested = next(c for c in cases if c.type == "arms_transfer")
        assert rows[contested.id]["status"] == "contested"
        members = store.conn.execute("SELECT doc_id, role FROM case_members WHERE case_id = ? ORDER BY doc_id",
                                     (contested.id,)).fetchall()
        assert [tuple(m) for m in members] == [("a", "report"), ("b", "denial")]
        actors = {tuple(r) for r in store.conn.execute("SELECT role, entity_id FROM case_actors WHERE case_id = ?",
                                                        (contested.id,))}
        assert actors == {("agent", "prk"), ("recipient", "rus")}
        kinds = [r[0] for r in store.conn.execute("SELECT kind FROM case_sources WHERE case_id = ? ORDER BY kind",
                                                  (contested.id,))]
        assert kinds == ["denial", "support"]
        again = rebuild_cases(store, min_sources=2)  # idempotent
        assert [c.id for c in again] == [c.id for c in cases] and store.count("cases") == 2


def test_case_roundtrips_to_json():
    (case,) = link_events([article("a", ev(**ARMS))])
    d = case.to_dict()
    assert isinstance(case, Case) and d["status"] == "single-source" and d["members"][0]["doc_id"] == "a"


@pytest.mark.parametrize(
    "raw, a, b, related",
    [
        ({"types": [{"id": "veto", "related": ["panel_end"]}, {"id": "panel_end"}]}, "veto", "panel_end", True),
        ({"types": [{"id": "veto", "related": ["panel_end"]}, {"id": "panel_end"}]}, "panel_end", "veto", True),
        ({"types": [{"id": "veto", "related": "panel_end"}, {"id": "panel_end"}]}, "panel_end", "veto", True),
        ({"types": [{"id": "veto"}, {"id": "panel_end"}]}, "veto", "panel_end", False),
    ],
)
def test_taxonomy_related_types_are_symmetric(raw, a, b, related):
    assert parse_taxonomy(raw).related(a, b) is related


def test_packaged_taxonomy_relates_veto_and_panel_end():
    veto = ev(type_="un_veto", agent="rus", time=("2024-03-28", "2024-03-28"))
    panel_end = ev(type_="monitoring_body", agent="rus", time=("2024-03-01", "2024-04-30"))
    assert compatible(veto, panel_end) > 0.5
    assert compatible(veto, ev(type_="arms_transfer", agent="rus")) == 0.0


def test_nameless_denial_joins_its_articles_allegation():
    # the denial names no party: alone it scores too low to link with anything,
    # but its own article alleges a same-type event, which it answers
    docs = [
        article("a", ev(**ARMS, time=("2024-01-01", "2024-01-31"), at=10), ev(type_="arms_transfer", agent=None, modality="denied", at=40)),
        article("b", ev(**ARMS, time=("2024-01-01", "2024-01-31"))),
    ]
    (case,) = link_events(docs, 2)
    assert case.status == "contested"
    assert {(m.doc_id, m.role) for m in case.members} == {("a", "allegation"), ("a", "denial"), ("b", "report")} or \
        {(m.doc_id, m.role) for m in case.members} == {("a", "report"), ("a", "denial"), ("b", "report")}


def test_merge_pass_repairs_greedy_order():
    # the greedy pass may leave two clusters of one shipment when the first
    # cluster was not yet there to join; the average-link pass unites them
    x = Item(article("a"), 0, ev(**ARMS, item="shells"), "report")
    y = Item(article("b"), 0, ev(**ARMS, item="shells"), "report")
    z = Item(article("c"), 0, ev(type_="arms_transfer", agent="prk", recipient="syr"), "report")
    merged = merge_clusters([[x], [y], [z]], 0.5)
    assert [[i.doc.doc_id for i in cl] for cl in merged] == [["a", "b"], ["c"]]


def test_merge_pass_keeps_conflicting_actors_apart():
    docs = [article("a", ev(**ARMS)), article("b", ev(type_="arms_transfer", agent=None)),
            article("c", ev(type_="arms_transfer", agent="prk", recipient="syr"))]
    cases = link_events(docs, 2)
    assert not any({"a", "c"} <= {m.doc_id for m in cs.members} for cs in cases)


def test_report_sections_come_from_the_taxonomy_file():
    """data/taxonomy.yaml lists every category in report order with its heading; the report takes both from it."""
    tax = packaged_taxonomy()
    assert {t.category for t in tax.types.values()} <= set(tax.categories)
    assert section_order(reversed(list(tax.categories))) == list(tax.categories)
    assert section_order(["zz_unknown", *tax.categories]) == [*tax.categories, "zz_unknown"]
    assert section_title("maritime_evasion") == "Maritime: ship-to-ship transfers and vessel identity"
    assert section_title("zz_unknown") == "Zz unknown"

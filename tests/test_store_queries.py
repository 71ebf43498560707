"""The store's shared query builders: full-text search (CLI and web), periods, case filters and statuses."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sanctionwatch.linking.status import case_status
from sanctionwatch.cli import main
from sanctionwatch.errors import SearchSyntaxError
from sanctionwatch.model import Document, Sentence
from sanctionwatch.store import Store
from sanctionwatch.store.cases import CASE_STATUSES, CaseFilter, case_records, list_cases
from sanctionwatch.store.filters import parse_period
from sanctionwatch.store.search import fts5_match, search_sentences

TEXT = ("Ri Song-chol of the trade ministry met port officials. "
        "The ship-to-ship transfer off Nampo was denied by Ri Song-chol. "
        "Customs staff in Dandong counted the crates.")


def sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        end = min(end, len(text))
        out.append(Sentence(start, end, text[start:end]))
        start = end + 1
    return out


@pytest.fixture
def store(store_target: str):
    with Store(store_target) as s:
        doc = Document(doc_id="d1", text=TEXT, input="d1.txt", title="Port notes", published="2023-02-10",
                       publisher="Coast Wire", language="en", sentences=sentences(TEXT))
        s.save_document(doc, "v1")
        yield s


@pytest.mark.parametrize("query, expected", [
    ("Song-chol", '"Song-chol"'),
    ("Ri Song-chol", '"Ri" "Song-chol"'),
    ("ship-to-ship OR crates", '"ship-to-ship" OR "crates"'),
    ('"port officials" NOT Nampo', '"port officials" NOT "Nampo"'),
    ("cust*", '"cust"*'),
    ("(Nampo OR Dandong) crates", '( "Nampo" OR "Dandong" ) "crates"'),
    ("U.N.", '"U.N."'),
])
def test_fts5_match_quotes_every_term(query: str, expected: str) -> None:
    assert fts5_match(query) == expected


@pytest.mark.parametrize("query", ['"unclosed', "- -", "   "])
def test_fts5_match_refuses_what_cannot_be_searched(query: str) -> None:
    with pytest.raises(SearchSyntaxError):
        fts5_match(query)


@pytest.mark.parametrize("query, hits", [
    ("Song-chol", 2), ("Ri Song-chol", 2), ("ship-to-ship", 1), ("Song-chol NOT transfer", 1),
    ("cust*", 1), ("(Nampo OR Dandong)", 2),
])
def test_search_with_hyphenated_names(store: Store, query: str, hits: int) -> None:
    total, found = search_sentences(store, query)
    assert total == hits == len(found)
    assert all(TEXT[h["start"]:h["end"]] == h["text"] for h in found)


def test_cli_search_takes_a_hyphenated_name(store: Store) -> None:
    result = CliRunner().invoke(main, ["search", "Ri Song-chol", "--db", store.path, "--format", "json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 2 and all("⦃" in h["snippet"] for h in hits)


@pytest.mark.parametrize("period, bounds", [
    ("2023-02", ("2023-02-01", "2023-02-28")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("1900-02", ("1900-02-01", "1900-02-28")),
    ("2023", ("2023-01-01", "2023-12-31")),
    ("2023-04..2023-06", ("2023-04-01", "2023-06-30")),
    ("..2023-11", (None, "2023-11-30")),
])
def test_periods_follow_the_calendar(period: str, bounds: tuple) -> None:
    assert parse_period(period) == bounds


@pytest.mark.parametrize("period", ["2023-02-29", "2023-04-31", "2023-13", "0000", "2024..2023", ".."])
def test_impossible_periods_are_refused(period: str) -> None:
    with pytest.raises(ValueError):
        parse_period(period)


def test_case_statuses_are_the_linkers() -> None:
    """Every status the linker can give is one the store and the filters know, and each is reachable."""
    given = {case_status(n, denial, min_sources) for n in range(4) for denial in (False, True) for min_sources in (1, 2, 3)}
    assert given == set(CASE_STATUSES)


def _case(store: Store, case_id: str, time: tuple, reported: tuple) -> None:
    body = {"id": case_id, "time": {"start": time[0], "end": time[1]},
            "reported": {"start": reported[0], "end": reported[1]}}
    with store.transaction() as c:
        c.execute("INSERT INTO cases(case_id, type, category, summary, status, min_sources, independent_sources,"
                  " time_start, time_end, reported_start, reported_end, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                  (case_id, "trade.coal", "trade", case_id, "single-source", 2, 1, *time, *reported,
                   json.dumps(body)))


@pytest.mark.parametrize("period, expected", [
    ("2019", {"old-transfer"}),  # dated by its events, not by when it was reported
    ("2023", {"undated"}),  # no event time: its reporting dates it
    ("2019..2023", {"old-transfer", "undated"}),
    ("2021", set()),
])
def test_cases_are_in_a_period_by_event_time_in_cli_and_web(store: Store, period: str, expected: set) -> None:
    if not store.table_exists("cases"):
        pytest.skip("no case tables in this checkout")
    _case(store, "old-transfer", ("2019-05-01", "2019-05-31"), ("2023-03-01", "2023-03-02"))
    _case(store, "undated", (None, None), ("2023-06-01", "2023-06-01"))
    f = CaseFilter(period=period)
    assert {c["id"] for c in case_records(store, f)} == expected
    assert {r["case_id"] for r in list_cases(store, f)[1]} == expected

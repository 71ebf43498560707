"""Tables for analysts' own tools: cases, case members, events, attributions and entities as CSV and JSONL.

`sanctionwatch export` writes one file per table and format.  JSONL rows keep
lists and nested values; CSV cells join lists with "; " so that a spreadsheet
or ``pandas.read_csv`` opens them as they are.  Events and cases carry the
CAMEO codes and the PLOVER type of their event type (``data/taxonomy.yaml``).
Rows are streamed from the store, one table at a time.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .escape import csv_cell
from .events import EventType, load_taxonomy
from .store import exports as q
from .store.connection import Database

TABLES = ("cases", "case_members", "events", "attributions", "entities")
TABLE_FORMATS = ("csv", "jsonl")

CASE_COLUMNS = ["case_id", "type", "category", "label", "cameo", "plover", "summary", "status", "independent_sources",
                "min_sources", "time_start", "time_end", "reported_start", "reported_end", "quantity_value",
                "quantity_unit", "allegations", "denials", "actors", "designated", "claims"]
MEMBER_COLUMNS = ["case_id", "doc_id", "event_idx", "attribution_idx", "role"]
EVENT_COLUMNS = ["doc_id", "idx", "type", "category", "label", "cameo", "plover", "modality", "time_start", "time_end",
                 "time_text", "trigger", "agent", "recipient", "partner", "item", "origin", "destination", "location",
                 "target", "agent_ids", "recipient_ids", "partner_ids", "target_ids", "quantity_value", "quantity_unit", "sentence",
                 "attribution_idx", "confidence", "title", "published", "publisher", "url"]
ATTRIBUTION_COLUMNS = ["doc_id", "idx", "source_entity", "source", "cue", "content", "stance", "hedged", "negated",
                       "parent", "kind", "start", "end", "published", "publisher", "url"]
ENTITY_COLUMNS = ["entity_id", "name", "type", "wikidata", "aliases", "documents", "mentions", "first_published",
                  "last_published", "sanctions"]
_ROLES = ("agent", "recipient", "partner", "item", "origin", "destination", "location", "target")


@dataclass(frozen=True, slots=True)
class TableFile:
    table: str
    format: str
    path: Path
    rows: int


def _codes(types: dict[str, EventType], type_id: str) -> dict[str, Any]:
    t = types.get(type_id)
    if t is None:
        return {"category": None, "label": None, "cameo": [], "plover": None}
    return {"category": t.category, "label": t.label, "cameo": list(t.cameo), "plover": t.plover}


def case_rows(db: Database, types: dict[str, EventType]) -> Iterator[dict[str, Any]]:
    for r in q.cases(db):
        extra = _json(r.pop("json"))
        actors = extra.get("actors") or {}
        yield {
            **{k: r[k] for k in ("case_id", "type", "summary", "status", "independent_sources", "min_sources",
                                 "time_start", "time_end", "reported_start", "reported_end", "quantity_value",
                                 "quantity_unit", "allegations", "denials")},
            **{k: v for k, v in _codes(types, r["type"]).items()},
            "category": r["category"],
            "actors": [f"{role}:{e}" for role in sorted(actors) for e in actors[role]],
            "designated": sorted({d.get("reference_number", "") for d in extra.get("designated") or []}),
            "claims": extra.get("claims") or [],
        }


def event_rows(db: Database, types: dict[str, EventType]) -> Iterator[dict[str, Any]]:
    for r in q.events(db):
        e = _json(r["json"])
        args: dict[str, list[dict[str, Any]]] = {}
        for a in e.get("arguments") or []:
            args.setdefault(a.get("role", ""), []).append(a)
        quantity = e.get("quantity") or {}
        time = e.get("time") or {}
        yield {
            "doc_id": r["doc_id"], "idx": r["idx"], "type": r["type"], **_codes(types, r["type"]),
            "modality": r["modality"], "time_start": r["time_start"], "time_end": r["time_end"],
            "time_text": time.get("text"), "trigger": (e.get("trigger") or {}).get("text"),
            **{role: [a.get("text", "") for a in args.get(role, [])] for role in _ROLES},
            **{f"{role}_ids": [a["entity"] for a in args.get(role, []) if a.get("entity")]
               for role in ("agent", "recipient", "partner", "target")},
            "quantity_value": quantity.get("value"), "quantity_unit": quantity.get("unit"),
            "sentence": (e.get("sentence") or {}).get("text"), "attribution_idx": r["attribution_idx"],
            "confidence": e.get("confidence"),
            **{k: r[k] for k in ("title", "published", "publisher", "url")},
        }


def attribution_rows(db: Database) -> Iterator[dict[str, Any]]:
    for r in q.attributions(db):
        a = _json(r.pop("json"))
        yield {
            **{k: r[k] for k in ("doc_id", "idx", "source_entity", "stance", "parent", "kind", "start", "end",
                                 "published", "publisher", "url")},
            "hedged": bool(r["hedged"]), "negated": bool(r["negated"]),
            **{part: " … ".join(f.get("text", "") for f in a.get(part) or []) for part in ("source", "cue", "content")},
        }


def entity_rows(db: Database) -> Iterator[dict[str, Any]]:
    names = _grouped(q.entity_names(db), "name")
    flags = _grouped(q.list_matches(db), None)
    for r in q.entities(db):
        yield {
            **r,
            "aliases": [n for n in names.get(r["entity_id"], []) if n != r["name"]],
            "sanctions": [f"{m['list_id']}:{m['reference_number']}" for m in flags.get(r["entity_id"], [])],
        }


def _grouped(rows: Iterable[dict[str, Any]], field: str | None) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for r in rows:
        out.setdefault(r["entity_id"], []).append(r[field] if field else r)
    return out


def _json(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv_cell(value: Any) -> Any:
    """A CSV cell: article text can start with "=" or "+", so text goes through escape.csv_cell; numbers stay numbers."""
    value = _cell(value)
    return csv_cell(value) if isinstance(value, str) else value


def write_table(rows: Iterable[dict[str, Any]], columns: list[str], out_dir: Path, table: str,
                formats: Iterable[str]) -> list[TableFile]:
    """Stream ``rows`` into ``table.csv`` and/or ``table.jsonl`` in ``out_dir``."""
    formats = list(formats)
    handles = {fmt: open(out_dir / f"{table}.{fmt}", "w", encoding="utf-8", newline="") for fmt in formats}
    n = 0
    try:
        writer = csv.DictWriter(handles["csv"], columns, extrasaction="ignore") if "csv" in handles else None
        if writer:
            writer.writeheader()
        for row in rows:
            n += 1
            if writer:
                writer.writerow({k: _csv_cell(row.get(k)) for k in columns})
            if "jsonl" in handles:
                handles["jsonl"].write(json.dumps({k: row.get(k) for k in columns}, ensure_ascii=False) + "\n")
    finally:
        for h in handles.values():
            h.close()
    return [TableFile(table, fmt, out_dir / f"{table}.{fmt}", n) for fmt in formats]


def export_tables(db: Database, out_dir: str | Path, *, tables: Iterable[str] = TABLES,
                  formats: Iterable[str] = TABLE_FORMATS, taxonomy_path: str | None = None) -> list[TableFile]:
    """Write the chosen tables in the chosen formats into ``out_dir`` (created); returns what was written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    types = load_taxonomy(taxonomy_path).types
    makers: dict[str, tuple[Callable[[], Iterable[dict[str, Any]]], list[str]]] = {
        "cases": (lambda: case_rows(db, types), CASE_COLUMNS),
        "case_members": (lambda: q.case_members(db), MEMBER_COLUMNS),
        "events": (lambda: event_rows(db, types), EVENT_COLUMNS),
        "attributions": (lambda: attribution_rows(db), ATTRIBUTION_COLUMNS),
        "entities": (lambda: entity_rows(db), ENTITY_COLUMNS),
    }
    written: list[TableFile] = []
    for table in tables:
        rows, columns = makers[table]
        written.extend(write_table(rows(), columns, out, table, formats))
    return written

"""Sanctions lists and the store: importing a list, reading it back, matching the stored entities."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from ..store import lists as stored_lists
from ..store.connection import Database
from .matching import DEFAULT_REGIMES, UN_LIST_ID, ListEntry, ListMatch, SanctionsList
from .un_xml import load_un_list



def import_list(store: Database, path: str | Path) -> SanctionsList:
    """Load the XML and replace the stored copy of that list, in one transaction."""
    sl = load_un_list(path)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entries = list(sl.entries.values())
    stored_lists.replace_list(
        store, (sl.list_id, sl.name, sl.date_generated, str(path), digest, now),
        [(sl.list_id, e.reference_number, e.kind, e.regime, e.name, e.listed_on, e.dataid,
          json.dumps(e.details, ensure_ascii=False)) for e in entries],
        [(sl.list_id, e.reference_number, a, q) for e in entries for a, q in e.aliases],
        [(sl.list_id, e.reference_number, s, v) for e in entries for s, v in e.identifiers],
    )
    return sl


def list_from_store(store: Database, list_id: str = UN_LIST_ID) -> SanctionsList | None:
    stored = stored_lists.read_list(store, list_id)
    if stored is None:
        return None
    entries = {
        r["reference_number"]: ListEntry(
            r["reference_number"], r["kind"], r["regime"], r["name"], listed_on=r["listed_on"], dataid=r["dataid"],
            details=json.loads(r["json"]),
        )
        for r in stored.entries
    }
    for ref, alias, quality in stored.aliases:
        entries[ref].aliases.append((alias, quality))
    for ref, scheme, value in stored.identifiers:
        entries[ref].identifiers.append((scheme, value))
    return SanctionsList(list_id, stored.name, stored.date_generated, entries)


def match_store(store: Database, list_id: str = UN_LIST_ID, regimes: Iterable[str] | None = DEFAULT_REGIMES) -> int:
    """Match every stored entity (its name and each distinct mention text) and replace list_matches.

    Keeps the best match per (entity, list entry).  Returns the number of rows written.
    Raises LookupError when the list has not been imported.
    """
    sl = list_from_store(store, list_id)
    if sl is None:
        raise LookupError(f"sanctions list {list_id!r} is not in the store; run `sanctionwatch lists import` first")
    candidates: dict[tuple[str, str], tuple[str | None, str | None, int | None, int | None]] = {}
    for entity_id, name, etype in stored_lists.entity_names(store):
        candidates.setdefault((entity_id, name), (etype, None, None, None))
    for entity_id, etype, doc_id, start, end, text in stored_lists.mention_texts(store):
        candidates.setdefault((entity_id, text), (etype, doc_id, start, end))
    best: dict[tuple[str, str], tuple[ListMatch, str | None, int | None, int | None]] = {}
    for (entity_id, text), (etype, doc_id, start, end) in sorted(candidates.items(), key=lambda kv: kv[0]):
        for m in sl.match(text, etype, regimes=regimes):
            key = (entity_id, m.reference_number)
            if key not in best or m.score > best[key][0].score:
                best[key] = (m, doc_id, start, end)
    stored_lists.replace_matches(store, list_id, [
        (list_id, ref, entity_id, m.query, doc_id, start, end, m.score, m.method, m.explanation)
        for (entity_id, ref), (m, doc_id, start, end) in sorted(best.items())
    ])
    return len(best)

"""Lists into the store and back: `sanctionwatch lists import` and the matcher's source of entries."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

from ..store import lists as stored_lists
from ..store.connection import Database
from .entries import ListEntry
from .formats import load_list
from .matching import UN_LIST_ID, SanctionsList


def import_list(store: Database, path: str | Path, fmt: str | None = None) -> SanctionsList:
    """Read a list file (format detected unless given) and replace the stored copy of that list, in one transaction."""
    sl = load_list(path, fmt)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entries = list(sl.entries.values())
    stored_lists.replace_list(
        store, (sl.list_id, sl.name, sl.date_generated, str(path), digest, now),
        [(sl.list_id, e.reference_number, e.kind, e.regime, e.name, e.listed_on, e.dataid,
          json.dumps(e.details, ensure_ascii=False), e.programme) for e in entries],
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
            details=json.loads(r["json"]), programme=r.get("programme"),
        )
        for r in stored.entries
    }
    for ref, alias, quality in stored.aliases:
        entries[ref].aliases.append((alias, quality))
    for ref, scheme, value in stored.identifiers:
        entries[ref].identifiers.append((scheme, value))
    return SanctionsList(list_id, stored.name, stored.date_generated, entries)

"""The event taxonomy as linking and the reports see it: labels, categories in report order, parents, relations.

The file is read once, by :func:`sanctionwatch.events.taxonomy.raw_taxonomy`; the events stage compiles its
trigger indexes from the same mapping.  This reader is lenient about the shape so that a user's extended
taxonomy with nested types still links.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..events.taxonomy import raw_taxonomy


@dataclass(frozen=True, slots=True)
class TypeInfo:
    id: str
    label: str
    category: str
    parent: str | None = None
    related: tuple[str, ...] = ()  # types one real-world case often spans (taxonomy ``related``)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    types: dict[str, TypeInfo]
    categories: dict[str, str]  # category id -> label, in report order

    def info(self, type_id: str) -> TypeInfo:
        found = self.types.get(type_id)
        if found:
            return found
        return TypeInfo(type_id, type_id.replace("_", " ").replace("-", " "), "other")

    def category_label(self, category: str) -> str:
        return self.categories.get(category, category.replace("_", " ").replace("-", " ").capitalize())

    def related(self, a: str, b: str) -> bool:
        """True when one type is an ancestor of the other (e.g. a generic transfer and an arms transfer),
        or either lists the other as ``related`` (a UN veto and the end of the panel it blocked)."""
        if a in self._ancestors(b) or b in self._ancestors(a):
            return True
        ia, ib = self.types.get(a), self.types.get(b)
        return bool((ia and b in ia.related) or (ib and a in ib.related))

    def _ancestors(self, type_id: str) -> set[str]:
        seen: set[str] = set()
        cur = self.types.get(type_id)
        while cur and cur.parent and cur.parent not in seen:
            seen.add(cur.parent)
            cur = self.types.get(cur.parent)
        return seen


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    try:
        raw = raw_taxonomy()
    except (FileNotFoundError, OSError):
        return Taxonomy({}, {})
    return parse_taxonomy(raw or {})


def parse_taxonomy(raw: dict[str, Any]) -> Taxonomy:
    """Read categories and event types from the taxonomy file.

    Accepts ``categories`` as a mapping or list of ``{id, label}``, and event
    types either nested under each category (``types``/``events``) or in a
    top-level ``types``/``events`` list or mapping carrying ``category``.
    """
    categories: dict[str, str] = {}
    types: dict[str, TypeInfo] = {}

    def add_type(tid: str, body: Any, category: str | None) -> None:
        body = body if isinstance(body, dict) else {}
        cat = str(body.get("category") or category or "other")
        label = str(body.get("label") or body.get("name") or tid.replace("_", " "))
        related = body.get("related") or ()
        related = (related,) if isinstance(related, str) else tuple(str(r) for r in related)
        types[tid] = TypeInfo(tid, label, cat, body.get("parent"), related)
        for sub_key in ("subtypes", "children"):
            for sid, sbody in _items(body.get(sub_key)):
                sbody = dict(sbody) if isinstance(sbody, dict) else {}
                sbody.setdefault("parent", tid)
                add_type(sid, sbody, cat)

    for cid, body in _items(raw.get("categories")):
        body = body if isinstance(body, dict) else {"label": body}
        categories[cid] = str(body.get("label") or body.get("name") or cid)
        for key in ("types", "events", "event_types"):
            for tid, tbody in _items(body.get(key)):
                add_type(tid, tbody, cid)
    for key in ("types", "events", "event_types"):
        for tid, tbody in _items(raw.get(key)):
            add_type(tid, tbody, None)
    return Taxonomy(types, categories)


def _items(value: Any) -> list[tuple[str, Any]]:
    """(id, body) pairs from a mapping, a list of {id: ...} dicts, or a list of strings."""
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    out: list[tuple[str, Any]] = []
    for item in value or []:
        if isinstance(item, str):
            out.append((item, {}))
        elif isinstance(item, dict) and "id" in item:
            out.append((str(item["id"]), item))
        elif isinstance(item, dict) and len(item) == 1:
            (k, v), = item.items()
            out.append((str(k), v))
    return out


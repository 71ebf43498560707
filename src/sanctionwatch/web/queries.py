"""What the workbench shows, shaped from the store's read queries.

The SQL is the store's (:mod:`sanctionwatch.store.views`, ``.search``,
``.cases``, ``.lists``); this module adds what only a page needs: matches
highlighted in sentences, event types grouped by taxonomy category, the
actor table's aliases, and leaving out of actor pages what an analyst rejected
(:func:`sanctionwatch.reviews.rejected_rows`).  The pages and the API call it as ``Q.name``.
"""

from __future__ import annotations

import re
from typing import Any

from ..actors import load_actor_table
from ..reviews import rejected_rows
from ..linking.taxonomy import taxonomy
from ..store import Store
from ..store import cases as stored_cases
from ..store import views
from ..store.cases import CASE_STATUSES, case_links, get_case, has_cases
from ..store.filters import DocumentFilter, parse_period
from ..store.lists import actor_matches
from ..store.search import SpanFilter, fts_query, search_sentences
from ..store.views import facets, get_attribution, list_actors, list_attributions, list_documents, list_events

__all__ = [
    "CASE_STATUSES", "actor_matches", "actor_mentions", "actor_said", "actor_summary", "case_links", "category_of", "facets",
    "fts_query", "get_attribution", "get_case", "has_cases", "highlight", "list_actors", "list_attributions",
    "list_cases", "list_documents", "list_events", "parse_period", "query_words", "said_about", "search",
    "table_aliases", "timeline",
]

_WORD = re.compile(r"\w+", re.UNICODE)


# -- search ------------------------------------------------------------------
def search(store: Store, q: str, *, mode: str = "words", period: str | None = None, publisher: str | None = None,
           language: str | None = None, actor: str | None = None, event_type: str | None = None,
           stance: str | None = None, limit: int = 20, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Sentence-level full-text search; actor/event/stance filters keep sentences that contain such a span.

    Raises SearchSyntaxError for malformed syntax in mode 'fts'.
    """
    match = fts_query(q, mode)
    if not match:
        return 0, []
    total, hits = search_sentences(store, match, documents=DocumentFilter(period, publisher, language),
                                   spans=SpanFilter(actor, event_type, stance), limit=limit, offset=offset)
    words = query_words(q)
    items = []
    for h in hits:
        item = {"doc_id": h["doc_id"], "sentence": h["idx"], "start": h["start"], "end": h["end"],
                "title": h["title"], "published": h["published"], "publisher": h["publisher"],
                "language": h["language"]}
        item["snippet_parts"] = highlight(h["text"], words)
        items.append(item)
    return total, items


def query_words(q: str) -> list[str]:
    """The words of a query (FTS operators and quotes dropped), for highlighting."""
    return [w for w in _WORD.findall(q) if w not in ("AND", "OR", "NOT", "NEAR")]


def highlight(text: str, words: list[str], width: int = 320) -> list[tuple[str, bool]]:
    """(text, is_hit) parts of a sentence, words matched case-insensitively as prefixes of tokens.

    Sentences longer than ``width`` are cut to a window around the first hit.
    """
    if not words:
        return [(text[:width], False)]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")\w*",
                         re.IGNORECASE | re.UNICODE)
    if len(text) > width:
        m = pattern.search(text)
        lo = max(0, (m.start() if m else 0) - width // 3)
        text = ("…" if lo else "") + text[lo:lo + width] + ("…" if lo + width < len(text) else "")
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            parts.append((text[pos:m.start()], False))
        parts.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts


# -- actors ------------------------------------------------------------------
def actor_summary(store: Store, actor_id: str) -> dict[str, Any] | None:
    hidden = rejected_rows(store)
    found = views.actor_summary(store, actor_id, hide_attributions=hidden.attributions,
                                hide_mentions=hidden.mentions, hide_entities=hidden.entities)
    if found is None:
        return None
    shaped: dict[str, Any] = {}
    for key, value in found.items():
        shaped[key] = value
        if key == "names_used":
            shaped["aliases"] = table_aliases(actor_id)
    return shaped


def actor_said(store: Store, actor_id: str, *, stance: str | None = None, period: str | None = None,
               limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """What the actor said (attributions with it as source), without those an analyst rejected."""
    return list_attributions(store, source=actor_id, stance=stance, period=period, limit=limit, offset=offset,
                             hide=rejected_rows(store).attributions)


def said_about(store: Store, actor_id: str, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """What is said about the actor, without the attributions an analyst rejected."""
    return views.said_about(store, actor_id, limit=limit, offset=offset, hide=rejected_rows(store).attributions)


def actor_mentions(store: Store, actor_id: str, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """The actor's mentions, without those (or the entities) an analyst rejected."""
    hidden = rejected_rows(store)
    return views.actor_mentions(store, actor_id, limit=limit, offset=offset, hide_mentions=hidden.mentions,
                                hide_entities=hidden.entities)


def table_aliases(actor_id: str) -> list[str]:
    """Aliases from the actor table (data/actors.yaml and user extensions); [] for document-local actors."""
    actor = load_actor_table().get(actor_id)
    return sorted({*actor.aliases, *actor.exact_aliases}) if actor else []


# -- timeline ----------------------------------------------------------------
def category_of(event_type: str) -> str:
    """The event type's category from the taxonomy (data/taxonomy.yaml); 'other' when unknown."""
    return taxonomy().info(event_type).category


def timeline(store: Store, *, by: str = "type", date: str = "published", period: str | None = None,
             actor: str | None = None, modality: str | None = None) -> list[dict[str, Any]]:
    """Event counts per month and type (or category), dated by publication or by the event's own time."""
    counts: dict[tuple[str, str], int] = {}
    for month, type_, n in views.event_month_counts(store, date=date, period=period, actor=actor, modality=modality):
        key = (month, type_ if by == "type" else category_of(type_))
        counts[key] = counts.get(key, 0) + n
    return [{"month": m, "key": k, "count": n} for (m, k), n in sorted(counts.items())]


# -- cases -------------------------------------------------------------------
def list_cases(store: Store, *, status: str | None = None, type: str | None = None, category: str | None = None,
               actor: str | None = None, period: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    return stored_cases.list_cases(store, stored_cases.CaseFilter(status, type, category, actor, period),
                                   limit=limit, offset=offset)

"""Flags: stored mentions matched against every imported list, each checked against its document.

One flag per (list entry, mention), with the document, the mention's offsets,
the status (designated, before-listing, rejected) and the reasons; an
analyst's review that marks the mention or the entity wrong, or corrects the
entity, rejects the flag (the pipeline's next run re-resolves it); per entity
the best flag that was not rejected becomes its ``list_matches`` row, which
cases, actor pages and reports show.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable, Sequence

from ..errors import ListNotImported
from ..model import Mention
from ..reviews import mention_key
from ..store import lists as stored_lists
from ..store.connection import Database
from .context import FlagCheck, Reason, acronym_reason, check, read_context
from .entries import ListMatch
from .importing import list_from_store
from .matching import DEFAULT_REGIMES, SanctionsList
from .normalise import rules, tokens

CONTEXT_CHARS = 160  # read this far either side of a mention


def match_store(store: Database, list_id: str | None = None,
                regimes: Iterable[str] | None = DEFAULT_REGIMES, *, doc_ids: Sequence[str] | None = None) -> int:
    """Match every stored mention against the imported lists (or one list) and replace their flags and matches.

    ``doc_ids``: match only these documents' mentions (a new upload, a reviewed document) and replace only
    their flags; the ``list_matches`` of the entities involved are then recomputed from all their flags.
    Returns the number of ``list_matches`` rows written (entities with at least one flag not rejected).
    Raises ListNotImported (a LookupError) when no list (or not that list) has been imported.
    """
    ids = [list_id] if list_id else stored_lists.list_ids(store)
    lists = _loaded_lists(store, ids)
    if not lists:
        raise ListNotImported(f"sanctions list {list_id!r} is not in the store; run `sanctionwatch lists import` first"
                          if list_id else "no sanctions list in the store; run `sanctionwatch lists import` first")
    wanted = tuple(regimes) if regimes is not None else None
    cache: dict[tuple[str, str | None], list[ListMatch]] = {}

    def matched(text: str, etype: str | None) -> list[ListMatch]:
        if (text, etype) not in cache:
            cache[(text, etype)] = [m for sl in lists.values() for m in sl.match(text, etype, regimes=wanted)]
        return cache[(text, etype)]

    found: dict[tuple[str, str, str, int, int], tuple[ListMatch, str, str]] = {}  # (list, ref, doc, start, end)
    published_of: dict[str, str | None] = {}
    for entity_id, etype, name, doc_id, start, end, text, published in stored_lists.mention_rows(store, doc_ids):
        published_of[doc_id] = published
        for m in matched(text, etype) + matched(name, etype):
            k = (m.list_id, m.reference_number, doc_id, start, end)
            if k not in found or m.score > found[k][0].score:
                found[k] = (m, entity_id, text)
    event_dates = _event_dates(store, {k[2] for k in found})
    verdicts = _review_verdicts(store, doc_ids)
    flag_rows = []
    best: dict[tuple[str, str, str], tuple] = {}
    for (lid, ref, doc_id, start, end), (m, entity_id, text) in sorted(found.items(), key=lambda kv: kv[0]):
        window, begin = stored_lists.mention_window(store, doc_id, start, end, CONTEXT_CHARS)
        ctx = read_context(window, start - begin, end - begin)
        event_date = event_dates.get((doc_id, entity_id))
        result = check(lists[lid].entries[ref], ctx, published=published_of.get(doc_id), event_date=event_date)
        if m.method == "single-token" and len(tokens(m.matched_name)[0]) <= rules().acronym_max_chars:
            reason = acronym_reason(lists[lid].entries[ref], m.matched_name, stored_lists.document_text(store, doc_id))
            result = FlagCheck("rejected" if reason.verdict == "contradicts" else result.status,
                               [*result.reasons, reason])
        result = _apply_review(result, verdicts, doc_id, entity_id, start, end)
        explanation = m.explanation + (f"; {result.summary()}" if result.reasons else "")
        flag_rows.append((lid, ref, entity_id, doc_id, start, end, text, m.score, m.method, result.status,
                          event_date, json.dumps([r.to_dict() for r in result.reasons], ensure_ascii=False),
                          explanation))
        if result.status == "rejected":
            continue
        k = (lid, ref, entity_id)
        if k not in best or m.score > best[k][7]:
            best[k] = (lid, ref, entity_id, text, doc_id, start, end, m.score, m.method, explanation)
    if doc_ids is not None:
        return stored_lists.replace_document_flags(store, list(lists), sorted(set(doc_ids)), flag_rows)
    stored_lists.replace_flags(store, list(lists), flag_rows, [best[k] for k in sorted(best)])
    return len(best)


# Lists built from the store, by (list_id, sha256, imported_at): building a list's name index costs more than
# matching one uploaded document, so a long-running process (the workbench) builds it once per import.
_LOADED: dict[tuple[str, str, str], SanctionsList] = {}
_LOADED_MAX = 8


def _loaded_lists(store: Database, ids: Sequence[str]) -> dict[str, SanctionsList]:
    stamps = stored_lists.list_stamps(store)
    out: dict[str, SanctionsList] = {}
    for i in ids:
        if i not in stamps:
            continue
        key = (i, *stamps[i])
        if key not in _LOADED:
            sl = list_from_store(store, i)
            if sl is None:
                continue
            if len(_LOADED) >= _LOADED_MAX:
                _LOADED.pop(next(iter(_LOADED)))
            _LOADED[key] = sl
        out[i] = _LOADED[key]
    return out


def _review_verdicts(store: Database, doc_ids: Sequence[str] | None = None
                     ) -> dict[tuple[str, str, str], tuple[str, str | None, str | None]]:
    """(doc_id, target, target_key) -> the latest (verdict, field, value): a later review refines an earlier one."""
    return {(doc_id, target, key): (verdict, field, value)
            for doc_id, target, key, verdict, field, value in stored_lists.entity_reviews(store, doc_ids)}


def _apply_review(result: FlagCheck, verdicts: dict[tuple[str, str, str], tuple[str, str | None, str | None]],
                  doc_id: str, entity_id: str, start: int, end: int) -> FlagCheck:
    for target, key in (("mention", mention_key(entity_id, Mention(start, end, ""))), ("entity", f"entity={entity_id}")):
        verdict, field, value = verdicts.get((doc_id, target, key), ("", None, None))
        if verdict == "wrong":
            text = f"an analyst marked the {target} wrong"
        elif verdict == "corrected" and field in ("entity", "id", "name", "type", "span"):
            text = f"an analyst corrected the {target}'s {field} to {value!r}"
        else:
            continue
        return FlagCheck("rejected", [*result.reasons, Reason("review", "contradicts", text)])
    return result


def _event_dates(store: Database, doc_ids: set[str]) -> dict[tuple[str, str], str]:
    """(doc_id, entity_id) -> the earliest date of an event in that document with the entity as an argument."""
    out: dict[tuple[str, str], str] = {}
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc_id, time_start, raw in stored_lists.event_rows(store, sorted(doc_ids)):
        for arg in json.loads(raw).get("arguments") or []:
            if arg.get("entity") and time_start:
                by_key[(doc_id, arg["entity"])].append(time_start)
    for k, dates in by_key.items():
        out[k] = min(dates)
    return out


__all__ = ["CONTEXT_CHARS", "match_store"]

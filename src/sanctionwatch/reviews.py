"""Analyst reviews of extractions: storage, lookup and JSONL export.

A review points at an extraction by ``doc_id + target + target_key``, never by
a row id of an extraction table: re-processing a document deletes and rewrites
those rows, and reviews must survive that.  The key spells out the character
offsets of what the analyst saw (e.g. an attribution's source, cue and content
fragments).  A document's text never changes under its doc_id (the id is the
hash of the text), so the exact reviewed span texts can always be recovered
from the key, even after a new pipeline version has drawn different spans;
``export_reviews`` writes those texts, plus the current extraction when it
still has the same key, so the export can serve as training/evaluation data
without silently pairing an old verdict with a new extraction.

Reviews take effect through :class:`Verdicts` (the latest verdict on each
item): the linker reads every document as reviewed (:meth:`Verdicts.apply`:
an event marked wrong is no evidence, an attribution marked wrong no longer
carries its events or denies anything, an entity marked wrong is no party and
a corrected entity id replaces the old one), so rejected extractions leave
the cases and the reports built on them; the workbench hides them from actor
pages and marks them rejected in the document view; the list flags of a
rejected or corrected entity are rejected (:mod:`sanctionwatch.sanctions.flags`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from typing import IO, Any, Iterable, Iterator

from .errors import ReviewError
from .model import Attribution, Document, Entity, Event, Fragment, IgnoredRegion, Mention
from .store import Store
from .store import cases as stored_cases
from .store import reviews as stored_reviews

VERDICTS = ("correct", "wrong", "corrected")

# Which fields an analyst may correct, per kind of extraction.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "attribution": ("source_entity", "stance", "source", "cue", "content", "kind"),
    "event": ("type", "modality", "agent", "recipient", "item", "quantity", "time"),
    "mention": ("entity", "type", "span"),
    "entity": ("name", "type", "id"),
    "ignored": ("reason",),
    "case": ("status", "members", "title"),
}
TARGETS = tuple(CORRECTABLE)

MAX_VALUE = 500
MAX_NOTE = 4000
MAX_REVIEWER = 80
_SPAN_ROLES = ("source", "cue", "content", "trigger", "mention", "ignored")


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    doc_id: str
    target: str
    target_key: str
    verdict: str
    field: str | None
    value: str | None
    note: str | None
    reviewer: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- keys ------------------------------------------------------------------
def _spans(frags: Any) -> str:
    return ",".join(f"{f.start}:{f.end}" for f in frags)


def attribution_key(a: Attribution) -> str:
    return f"source={_spans(a.source)};cue={_spans(a.cue)};content={_spans(a.content)}"


def event_key(e: Event) -> str:
    return f"trigger={e.trigger.start}:{e.trigger.end};type={e.type}"


def mention_key(entity_id: str, m: Mention) -> str:
    # The entity id goes last: it is free text and may itself contain ';'.
    return f"mention={m.start}:{m.end};entity={entity_id}"


def entity_key(e: Entity) -> str:
    return f"entity={e.id}"


def ignored_key(r: IgnoredRegion) -> str:
    return f"ignored={r.start}:{r.end}"


def case_key(case_id: str) -> str:
    return f"case={case_id}"


def key_spans(target_key: str) -> list[tuple[str, int, int]]:
    """(role, start, end) of every span spelled out in a key; raises ReviewError on a malformed key."""
    if target_key.startswith(("case=", "entity=")):
        return []
    head = target_key.split(";entity=", 1)[0]
    out: list[tuple[str, int, int]] = []
    for part in head.split(";"):
        role, sep, value = part.partition("=")
        if not sep:
            raise ReviewError(f"malformed target_key part {part!r}")
        if role not in _SPAN_ROLES:
            continue
        for item in filter(None, value.split(",")):
            a, sep, b = item.partition(":")
            if not (sep and a.isdigit() and b.isdigit() and int(a) < int(b)):
                raise ReviewError(f"malformed span {item!r} in target_key")
            out.append((role, int(a), int(b)))
    return out


def extraction_keys(doc: Document) -> dict[tuple[str, str], dict[str, Any]]:
    """(target, target_key) -> JSON of the current extraction, for every reviewable item of a document."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for i, a in enumerate(doc.attributions):
        found[("attribution", attribution_key(a))] = {"index": i, **a.to_dict()}
    for i, e in enumerate(doc.events):
        found[("event", event_key(e))] = {"index": i, **e.to_dict()}
    for e in doc.entities:
        found[("entity", entity_key(e))] = e.to_dict()
        for m in e.mentions:
            found[("mention", mention_key(e.id, m))] = {"entity": e.id, "name": e.name, **m.to_dict()}
    for r in doc.ignored:
        found[("ignored", ignored_key(r))] = r.to_dict()
    return found


# -- storage ---------------------------------------------------------------
def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _row(r: Any) -> Review:
    return Review(r["id"], r["doc_id"], r["target"], r["target_key"], r["verdict"], r["field"], r["value"],
                  r["note"], r["reviewer"], r["created_at"])


def add_review(
    store: Store,
    *,
    doc_id: str,
    target: str,
    target_key: str,
    verdict: str,
    reviewer: str,
    field: str | None = None,
    value: str | None = None,
    note: str | None = None,
    created_at: str | None = None,
) -> Review:
    """Validate and store one review; the extraction it names must exist in the stored document now."""
    reviewer = (reviewer or "").strip()
    if not reviewer or len(reviewer) > MAX_REVIEWER:
        raise ReviewError(f"reviewer name is required (at most {MAX_REVIEWER} characters)")
    if target not in CORRECTABLE:
        raise ReviewError(f"target must be one of {', '.join(TARGETS)}")
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)}")
    if verdict == "corrected":
        if field not in CORRECTABLE[target]:
            raise ReviewError(f"a correction of a {target} names a field: one of {', '.join(CORRECTABLE[target])}")
        if not value:
            raise ReviewError("a correction needs the corrected value")
    elif field is not None and field not in CORRECTABLE[target]:
        raise ReviewError(f"field must be one of {', '.join(CORRECTABLE[target])}")
    if value is not None and len(value) > MAX_VALUE:
        raise ReviewError(f"value is longer than {MAX_VALUE} characters")
    if note is not None and len(note) > MAX_NOTE:
        raise ReviewError(f"note is longer than {MAX_NOTE} characters")
    if target == "case":
        if not target_key.startswith("case=") or not stored_cases.case_exists(store, target_key[5:]):
            raise ReviewError(f"no case {target_key!r}")
    else:
        doc = store.get_document(doc_id)
        if doc is None:
            raise ReviewError(f"no document {doc_id!r}")
        if (target, target_key) not in extraction_keys(doc):
            raise ReviewError(f"document {doc_id} has no {target} with key {target_key!r}")
    stamp = created_at or _now()
    rid = stored_reviews.insert_review(
        store, (doc_id, target, target_key, verdict, field, value, note, reviewer, stamp))
    assert rid is not None
    return Review(rid, doc_id, target, target_key, verdict, field, value, note, reviewer, stamp)


def list_reviews(
    store: Store, doc_id: str | None = None, *, target: str | None = None, limit: int | None = None, offset: int = 0
) -> list[Review]:
    """Reviews, oldest first (a later review of the same item refines, never replaces, an earlier one)."""
    return [_row(r) for r in stored_reviews.select_reviews(store, doc_id, target=target, limit=limit, offset=offset)]


def count_reviews(store: Store, doc_id: str | None = None, *, target: str | None = None) -> int:
    return stored_reviews.count_reviews(store, doc_id, target=target)


def _export_record(review: Review, doc: Document | None) -> dict[str, Any]:
    try:
        spans = key_spans(review.target_key)
    except ReviewError:
        spans = []
    current = None
    context = None
    if doc is not None:
        if review.target == "entity":
            ent = next((e for e in doc.entities if entity_key(e) == review.target_key), None)
            spans = [("mention", m.start, m.end) for m in ent.mentions] if ent else []
        current = extraction_keys(doc).get((review.target, review.target_key))
        if spans:
            first = min(s for _, s, _ in spans)
            sent = next((s for s in doc.sentences if s.start <= first < s.end), None)
            context = sent.to_dict() if sent else None
    return {
        "review": review.to_dict(),
        "document": None if doc is None else {
            "doc_id": doc.doc_id, "title": doc.title, "published": doc.published, "publisher": doc.publisher,
            "url": doc.url, "language": doc.language,
        },
        "spans": [
            {"role": role, "start": a, "end": b, "text": doc.text[a:b] if doc is not None and b <= len(doc.text) else None}
            for role, a, b in spans
        ],
        "sentence": context,
        "current_extraction": current,
        "extraction_still_present": current is not None,
    }


def iter_export(store: Store) -> Iterator[dict[str, Any]]:
    cache: dict[str, Document | None] = {}
    for review in list_reviews(store):
        if review.doc_id not in cache:
            cache.clear()  # reviews come grouped enough in practice; keep memory flat on big stores
            cache[review.doc_id] = store.get_document(review.doc_id)
        yield _export_record(review, cache[review.doc_id])


def export_reviews(store: Store, fp: IO[str]) -> int:
    """Write every review as one JSON line (review + exact span texts + context); returns the count."""
    n = 0
    for record in iter_export(store):
        fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


# -- verdicts in effect ------------------------------------------------------
@dataclass(slots=True)
class Verdicts:
    """The latest verdict on each reviewed extraction: what is rejected, and which entity ids were corrected."""

    rejected: set[tuple[str, str, str]] = field(default_factory=set)  # (doc_id, target, target_key)
    renamed: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc_id, entity id) -> corrected id
    docs: set[str] = field(default_factory=set)  # documents with a verdict in effect

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str, str, str | None, str | None]]) -> Verdicts:
        latest: dict[tuple[str, str, str], tuple[str, str | None, str | None]] = {}
        for doc_id, target, key, verdict, fld, value in rows:  # oldest first: a later verdict refines
            latest[(doc_id, target, key)] = (verdict, fld, value)
        out = cls()
        for (doc_id, target, key), (verdict, fld, value) in latest.items():
            if verdict == "wrong":
                out.rejected.add((doc_id, target, key))
            elif verdict == "corrected" and target == "entity" and fld == "id" and value:
                out.renamed[(doc_id, key.removeprefix("entity="))] = value.strip()
            else:
                continue
            out.docs.add(doc_id)
        return out

    def event_rejected(self, doc_id: str, event: Event) -> bool:
        return (doc_id, "event", event_key(event)) in self.rejected

    def attribution_rejected(self, doc_id: str, attribution: Attribution) -> bool:
        return (doc_id, "attribution", attribution_key(attribution)) in self.rejected

    def entity_rejected(self, doc_id: str, entity_id: str) -> bool:
        return (doc_id, "entity", f"entity={entity_id}") in self.rejected

    def mention_rejected(self, doc_id: str, entity_id: str, start: int, end: int) -> bool:
        return (self.entity_rejected(doc_id, entity_id)
                or (doc_id, "mention", mention_key(entity_id, Mention(start, end, ""))) in self.rejected)

    def attribution_dict_rejected(self, doc_id: str, attribution: dict[str, Any]) -> bool:
        """As :meth:`attribution_rejected`, for an attribution as stored JSON."""
        def frags(role: str) -> list[Fragment]:
            return [Fragment(f["start"], f["end"], "") for f in attribution.get(role) or []]
        return self.attribution_rejected(doc_id, Attribution(frags("source"), frags("cue"), frags("content")))

    def apply(self, doc: Document) -> Document:
        """The document as reviewed, for linking: a copy when a verdict touches it (indices unchanged).

        A rejected event keeps its place but is marked ``modality="rejected"`` (no evidence: see
        :func:`sanctionwatch.linking.evidence.member_role`); the events of a rejected attribution lose it,
        and the attribution its speaker (it can no longer deny or claim); a rejected entity is no
        argument, mention or sentence actor, nor is a rejected mention; a corrected entity id replaces the old
        one everywhere.
        """
        if doc.doc_id not in self.docs:
            return doc
        d = doc.doc_id
        gone = {e.id for e in doc.entities if self.entity_rejected(d, e.id)}
        renamed = {old: new for (doc_id, old), new in self.renamed.items() if doc_id == d}

        def entity(eid: str | None) -> str | None:
            return None if eid is None or eid in gone else renamed.get(eid, eid)

        dropped = {i for i, a in enumerate(doc.attributions) if self.attribution_rejected(d, a)}
        attributions = [replace(a, source_entity=None) if i in dropped
                        else replace(a, source_entity=entity(a.source_entity)) for i, a in enumerate(doc.attributions)]
        events = []
        for ev in doc.events:
            ev = replace(ev, arguments=[replace(g, entity=entity(g.entity)) for g in ev.arguments],
                         attribution=None if ev.attribution in dropped else ev.attribution)
            events.append(replace(ev, modality=REJECTED) if self.event_rejected(d, ev) else ev)
        entities = [replace(e, id=renamed.get(e.id, e.id),
                            mentions=[m for m in e.mentions if not self.mention_rejected(d, e.id, m.start, m.end)])
                    for e in doc.entities if e.id not in gone]
        return replace(doc, attributions=attributions, events=events, entities=entities)


REJECTED = "rejected"  # the modality :meth:`Verdicts.apply` gives an event an analyst marked wrong


def verdicts(store: Store, doc_ids: Iterable[str] | None = None) -> Verdicts:
    """The verdicts in effect, on every document or on ``doc_ids``."""
    return Verdicts.from_rows(stored_reviews.verdict_rows(store, None if doc_ids is None else sorted(set(doc_ids))))


@dataclass(slots=True)
class RejectedRows:
    """What analysts rejected, as the store's row coordinates (for read queries that must leave it out)."""

    attributions: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, idx)
    events: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, idx)
    entities: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, entity_id): every mention
    mentions: list[tuple[str, str, int, int]] = field(default_factory=list)  # (doc_id, entity_id, start, end)


def rejected_rows(store: Store) -> RejectedRows:
    """The stored extractions whose latest verdict is 'wrong' (reviews are few: each reviewed document is
    read once to find its rows by key)."""
    found = verdicts(store)
    out = RejectedRows()
    for doc_id in sorted({d for d, _, _ in found.rejected}):
        doc = store.get_document(doc_id)
        if doc is None:
            continue
        out.attributions += [(doc_id, i) for i, a in enumerate(doc.attributions) if found.attribution_rejected(doc_id, a)]
        out.events += [(doc_id, i) for i, e in enumerate(doc.events) if found.event_rejected(doc_id, e)]
        for e in doc.entities:
            if found.entity_rejected(doc_id, e.id):
                out.entities.append((doc_id, e.id))
                continue
            out.mentions += [(doc_id, e.id, m.start, m.end) for m in e.mentions
                             if found.mention_rejected(doc_id, e.id, m.start, m.end)]
    return out

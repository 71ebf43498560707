"""Typed data objects for everything sanctionwatch emits.

Every span is a :class:`Fragment`: a half-open character interval into the
document's stored text, carrying the text it covers.  The invariant
``document.text[f.start:f.end] == f.text`` holds for every fragment the
system emits; :func:`check_offsets` verifies it and the tests enforce it.

The JSON form of these objects is the versioned contract described in
``schema/document.schema.json`` and the README.  Adding optional fields is a
minor version bump; removing or changing a field is a major one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

SCHEMA_VERSION = "1.4.0"

STANCES = ("assert", "allege", "deny", "confirm", "condemn", "warn", "support", "none")


@dataclass(frozen=True, slots=True)
class Fragment:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Fragment":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fragment:
        return cls(d["start"], d["end"], d["text"])


def _fragments(items: Iterable[dict[str, Any]] | None) -> list[Fragment]:
    return [Fragment.from_dict(f) for f in items or []]


@dataclass(frozen=True, slots=True)
class IgnoredRegion:
    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> IgnoredRegion:
        return cls(d["start"], d["end"], d["text"], d["reason"])


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str = ""  # spaCy label or "ALIAS" for lexicon hits

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        """The label is not part of the JSON contract: it comes back only where a reader put it in."""
        return cls(d["start"], d["end"], d["text"], d.get("label", ""))


@dataclass(slots=True)
class Entity:
    """A canonical actor (id from the actor table) or a document-local one (``local:...``)."""

    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.wikidata:
            d["wikidata"] = self.wikidata
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(d["id"], d["name"], d["type"], [Mention.from_dict(m) for m in d.get("mentions") or []],
                   d.get("wikidata"))


@dataclass(slots=True)
class Attribution:
    source: list[Fragment]
    cue: list[Fragment]
    content: list[Fragment]
    stance: str = "assert"
    hedged: bool = False
    negated: bool = False
    source_entity: str | None = None
    parent: int | None = None
    kind: str = "indirect"  # direct | indirect | mixed | according_to | noun | dash
    confidence: float = 1.0
    affiliation: str | None = None  # actor the speaker belongs to ("a North Korean defector" -> prk)
    channel: str | None = None  # outlet that carried the statement ("KCNA cited ... as saying" -> kcna)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": [f.to_dict() for f in self.source],
            "source_entity": self.source_entity,
            "cue": [f.to_dict() for f in self.cue],
            "content": [f.to_dict() for f in self.content],
            "stance": self.stance,
            "hedged": self.hedged,
            "negated": self.negated,
            "parent": self.parent,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "affiliation": self.affiliation,
            "channel": self.channel,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        """What ``to_dict`` wrote; keys added after the first stores (negated, kind, ...) take their defaults."""
        return cls(
            source=_fragments(d["source"]), cue=_fragments(d["cue"]), content=_fragments(d["content"]),
            stance=d["stance"], hedged=d["hedged"], negated=d.get("negated", False),
            source_entity=d.get("source_entity"), parent=d.get("parent"), kind=d.get("kind", "indirect"),
            confidence=d.get("confidence", 1.0), affiliation=d.get("affiliation"), channel=d.get("channel"),
        )


MODALITIES = ("asserted", "alleged", "denied", "hypothetical", "negated")


@dataclass(slots=True)
class Argument:
    role: str  # agent | recipient | partner | item | quantity | origin | destination | location | time | target
    start: int
    end: int
    text: str
    entity: str | None = None  # canonical actor id (or local id) when the argument is an actor

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "entity": self.entity, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Argument:
        return cls(d["role"], d["start"], d["end"], d["text"], d.get("entity"))


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str
    approximate: bool = False
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "approximate": self.approximate}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quantity:
        """The quantity's words are not part of the JSON contract (the event's trigger and arguments hold them)."""
        return cls(d["value"], d["unit"], bool(d.get("approximate", False)), d.get("text", ""))


@dataclass(slots=True)
class TimeValue:
    text: str
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, inclusive
    granularity: str = "day"  # day | week | month | quarter | year | decade | range | open
    anchored: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "text": self.text,
            "anchored": self.anchored,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeValue:
        return cls(d["text"], d["start"], d["end"], d["granularity"], d["anchored"])


@dataclass(slots=True)
class Event:
    type: str  # an id from data/taxonomy.yaml
    trigger: Fragment
    arguments: list[Argument] = field(default_factory=list)
    quantity: Quantity | None = None
    time: TimeValue | None = None  # when the event happened, from its own time expression; None when unknown
    modality: str = "asserted"
    attribution: int | None = None  # index into Document.attributions
    sentence: Fragment | None = None
    confidence: float = 1.0
    reported: TimeValue | None = None  # when it was reported: the reporting verb's time, else the publication date
    # On the first mention of an event the document names several times: the triggers of all its
    # mentions (event_coref); empty otherwise.
    mentions: list[Fragment] = field(default_factory=list)
    # History, not news: it happened long before it was reported (events.history); never current evidence.
    historical: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "arguments": [a.to_dict() for a in self.arguments],
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "time": self.time.to_dict() if self.time else None,
            "reported": self.reported.to_dict() if self.reported else None,
            "modality": self.modality,
            "attribution": self.attribution,
            "sentence": self.sentence.to_dict() if self.sentence else None,
            "confidence": round(self.confidence, 3),
            "mentions": [m.to_dict() for m in self.mentions],
            "historical": self.historical,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        q, time, reported, sentence = d.get("quantity"), d.get("time"), d.get("reported"), d.get("sentence")
        return cls(
            type=d["type"],
            trigger=Fragment.from_dict(d["trigger"]),
            arguments=[Argument.from_dict(a) for a in d["arguments"]],
            quantity=Quantity.from_dict(q) if q else None,
            time=TimeValue.from_dict(time) if time else None,
            reported=TimeValue.from_dict(reported) if reported else None,
            mentions=_fragments(d.get("mentions")),
            modality=d["modality"],
            attribution=d.get("attribution"),
            sentence=Fragment.from_dict(sentence) if sentence else None,
            confidence=d.get("confidence", 1.0),
            historical=bool(d.get("historical", False)),
        )


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(d["start"], d["end"], d["text"])


@dataclass(slots=True)
class Document:
    """One input article, its stored text and everything extracted from it."""

    doc_id: str
    text: str
    input: str = ""
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    format: str = "text"  # text | html | jsonl
    meta: dict[str, Any] = field(default_factory=dict)  # free-form (e.g. citation of the reporting restated)
    warnings: list[str] = field(default_factory=list)
    ignored: list[IgnoredRegion] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped_stages: list[str] = field(default_factory=list)

    def fragment(self, start: int, end: int) -> Fragment:
        return Fragment.of(self.text, start, end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "input": self.input,
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "url": self.url,
            "language": self.language,
            "format": self.format,
            "meta": self.meta,
            "warnings": list(self.warnings),
            "skipped_stages": list(self.skipped_stages),
            "text": self.text,
            "ignored": [r.to_dict() for r in self.ignored],
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """A document as ``to_dict`` wrote it (a line of `sanctionwatch extract` JSONL, say); the schema version
        is the writer's, not a field of the object."""
        return cls(
            doc_id=d["doc_id"], text=d["text"], input=d.get("input", ""), title=d.get("title"),
            published=d.get("published"), publisher=d.get("publisher"), url=d.get("url"), language=d.get("language"),
            format=d.get("format", "text"), meta=dict(d.get("meta") or {}), warnings=list(d.get("warnings") or []),
            skipped_stages=list(d.get("skipped_stages") or []),
            ignored=[IgnoredRegion.from_dict(r) for r in d.get("ignored") or []],
            sentences=[Sentence.from_dict(s) for s in d.get("sentences") or []],
            entities=[Entity.from_dict(e) for e in d.get("entities") or []],
            attributions=[Attribution.from_dict(a) for a in d.get("attributions") or []],
            events=[Event.from_dict(e) for e in d.get("events") or []],
        )


def iter_spans(obj: Any) -> Iterator[dict[str, Any]]:
    """Yield every ``{start, end, text}`` object nested anywhere in ``obj`` (a to_dict() result)."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int) and isinstance(obj.get("text"), str):
            yield obj
        for key, value in obj.items():
            if key != "text":
                yield from iter_spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from iter_spans(value)


def check_offsets(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the spans of a serialised document that violate the offset invariant (empty when sound)."""
    text = record["text"]
    body = {k: v for k, v in record.items() if k != "text"}
    return [s for s in iter_spans(body) if text[s["start"]:s["end"]] != s["text"]]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def fragments_text(frags: Iterable[Fragment]) -> str:
    return " … ".join(f.text for f in frags)

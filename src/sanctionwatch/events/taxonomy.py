"""The event taxonomy (``data/taxonomy.yaml``) compiled into trigger indexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from ..resources import package_yaml
from .history import HistoryRules, parse_history

# --- taxonomy ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TriggerRule:
    type: str
    lemmas: frozenset[str]
    context: frozenset[str] | None
    pos: frozenset[str] | None
    phrases: tuple[tuple[str, ...], ...]
    unless: frozenset[str] = frozenset()  # modifiers of the context word that rule it out ("IT personnel" are no troops)
    agents: frozenset[str] = frozenset()  # actor ids a named agent must be ("rejected a resolution" is a veto only by a veto power)
    # a second lexicon that must also be among the trigger's arguments ("changed the name" is AIS
    # manipulation only of a vessel)
    also: frozenset[str] | None = None
    # words that, among the trigger's nearest arguments, give it its everyday sense ("the execution of
    # the plan", "a stay of execution")
    not_with: frozenset[str] = frozenset()
    # fires only in a document that already reports an event of its type ("arrived in South Korea" is a
    # defection in a defector's story, a visit elsewhere)
    documented: bool = False
    # ... or, where given, an event of this other type ("their units train there" is military training in a story
    # of troops sent abroad)
    documented_by: str | None = None
    # the context word must be what the trigger acts on, its object or passive subject ("stopped a cargo
    # ship", "the vessel was stopped"), never its subject ("the ship stopped in Nampho")
    object_only: bool = False
    # prepositions the context word must sit under ("exported filters to North Korea": typed by the
    # destination, not by a North Korean seller)
    via: frozenset[str] = frozenset()
    # the trigger must name its goods: an object, a passive subject or an "of" phrase that is no measure
    needs_item: bool = False
    # the trigger noun must be plural: a class of acts ("launched 900 attacks"), never the definite
    # singular that points back to the one act the story is about ("the FBI tied the group to the attack")
    plural: bool = False


@dataclass(frozen=True, slots=True)
class EventType:
    id: str
    category: str
    label: str
    description: str
    cameo: tuple[str, ...]
    plover: str | None
    roles: frozenset[str]
    object_role: str
    prepositions: dict[str, str]  # preposition -> role, the global table with this type's overrides
    dated_by_announcement: bool = False  # done by announcing it: "announced on Friday" dates it
    object_roles: dict[str, str] = field(default_factory=dict)  # trigger lemma -> role of its object ("hacked X": target)
    item_nationality: str | None = None  # role of the item's nationality ("North Korean coal": origin)


@dataclass(slots=True)
class Taxonomy:
    types: dict[str, EventType]
    rules: list[TriggerRule]
    modality: dict[str, frozenset[str]]
    places: frozenset[str]
    measures: frozenset[str]
    # lemmas that trigger only as verbs: their noun is an everyday thing ("a ship", "the DPRK's moves")
    verb_only: frozenset[str] = frozenset()
    # when an event is history rather than news (section ``history``; see events.history)
    history: HistoryRules = field(default_factory=lambda: parse_history(None))
    # compiled indexes: first token -> rules, so a sentence costs one dict lookup per token
    by_lemma: dict[str, list[TriggerRule]] = field(default_factory=dict)
    by_first_word: dict[str, list[tuple[tuple[str, ...], TriggerRule]]] = field(default_factory=dict)
    # type -> prepositions whose phrase is the event's place ("in", "at"): a context word there says where
    # the event happens, not what it is ("arrived at the unit" is no troop deployment)
    location_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    # type -> prepositions whose phrase is who or where receives ("to", "for"): with an object of its own
    # the trigger says what was sent, and a context word there is the receiver ("sent autographs to workers")
    receiver_preps: dict[str, frozenset[str]] = field(default_factory=dict)

    def compile(self) -> "Taxonomy":
        self.location_preps = {t.id: frozenset(p for p, role in t.prepositions.items() if role == "location")
                               for t in self.types.values()}
        self.receiver_preps = {t.id: frozenset(p for p, role in t.prepositions.items() if role in ("destination", "recipient"))
                               for t in self.types.values()}
        for rule in self.rules:
            for lemma in rule.lemmas:
                self.by_lemma.setdefault(lemma, []).append(rule)
            for phrase in rule.phrases:
                self.by_first_word.setdefault(phrase[0], []).append((phrase, rule))
        for table in (self.by_first_word,):
            for key in table:
                table[key].sort(key=lambda pr: -len(pr[0]))  # longest phrase first
        return self


def _words(phrase: str) -> tuple[str, ...]:
    # split like the tokenizer does: "ship-to-ship" -> ship - to - ship
    return tuple(re.findall(r"\w+|[^\w\s]", phrase.lower()))


def _lexicon(value: Any, lexicons: dict[str, list[str]]) -> frozenset[str] | None:
    if value is None:
        return None
    words = lexicons[value] if isinstance(value, str) else value
    return frozenset(str(w).lower() for w in words)


def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Load and compile the event taxonomy (the packaged one unless ``path`` is given)."""
    if path is None:
        return _packaged_taxonomy()
    with open(path, encoding="utf-8") as fh:
        return _build_taxonomy(yaml.safe_load(fh))


@lru_cache(maxsize=1)
def raw_taxonomy() -> dict[str, Any]:
    """The packaged data/taxonomy.yaml as parsed YAML: the one reading of the file, which the events stage
    compiles (below) and linking and the reports view (:mod:`sanctionwatch.linking.taxonomy`)."""
    return package_yaml("taxonomy.yaml")


@lru_cache(maxsize=1)
def _packaged_taxonomy() -> Taxonomy:
    return _build_taxonomy(raw_taxonomy())


def _build_taxonomy(raw: dict[str, Any]) -> Taxonomy:
    lexicons = {k: list(v) for k, v in raw.get("lexicons", {}).items()}
    preps = {str(k).lower(): str(v) for k, v in raw.get("prepositions", {}).items()}
    types: dict[str, EventType] = {}
    rules: list[TriggerRule] = []
    for t in raw["types"]:
        types[t["id"]] = EventType(
            id=t["id"],
            category=t.get("category", ""),
            label=t.get("label", t["id"]),
            description=" ".join(str(t.get("description", "")).split()),
            cameo=tuple(str(c) for c in t.get("cameo") or ()),
            plover=t.get("plover"),
            roles=frozenset(t.get("roles", {}) or ()) | {"time", "quantity"},
            object_role=t.get("object_role", "item"),
            prepositions={**preps, **{str(k).lower(): str(v) for k, v in (t.get("prepositions") or {}).items()}},
            dated_by_announcement=bool(t.get("dated_by_announcement", False)),
            object_roles={str(k).lower(): str(v) for k, v in (t.get("object_roles") or {}).items()},
            item_nationality=t.get("item_nationality"),
        )
        for r in t.get("triggers", []):
            rules.append(TriggerRule(
                type=t["id"],
                lemmas=frozenset(str(x).lower() for x in r.get("lemmas", ())),
                context=_lexicon(r.get("context"), lexicons),
                pos=frozenset(r["pos"]) if r.get("pos") else None,
                phrases=tuple(_words(p) for p in r.get("phrases", ())),
                unless=_lexicon(r.get("unless"), lexicons) or frozenset(),
                agents=_lexicon(r.get("agents"), lexicons) or frozenset(),
                also=_lexicon(r.get("also"), lexicons),
                not_with=_lexicon(r.get("not_with"), lexicons) or frozenset(),
                documented=bool(r.get("documented", False) or r.get("documented_by")),
                documented_by=r.get("documented_by"),
                object_only=bool(r.get("object_only", False)),
                via=frozenset(str(x).lower() for x in r.get("via", ())),
                needs_item=bool(r.get("needs_item", False)),
                plural=bool(r.get("plural", False)),
            ))
    modality = {k: frozenset(str(w).lower() for w in v) for k, v in raw.get("modality", {}).items()}
    places = frozenset(str(w).lower() for w in lexicons.get("places", ()))
    measures = frozenset(str(w).lower() for w in lexicons.get("measures", ()))
    verb_only = frozenset(str(w).lower() for w in lexicons.get("verb_only", ()))
    return Taxonomy(types, rules, modality, places, measures, verb_only, parse_history(raw.get("history"))).compile()



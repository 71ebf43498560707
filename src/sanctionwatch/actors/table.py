"""The actor table: data/actors.yaml layered over world.py and user files, and its alias index."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Collection, Iterable, Iterator, Mapping, Sequence

import yaml

from ..name_shapes import place_names
from ..world import world_entries


ACTORS_ENV = "SANCTIONWATCH_ACTORS"
ALIAS_LABEL = "ALIAS"
# NER labels that can name an actor; the others (DATE, MONEY, ...) are for events.
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
# An NER-only EVENT ("the Korean War") is rarely an actor; keep it only when the table knows it.
RESOLVED_ONLY_LABELS = frozenset({"EVENT"})
LOCAL_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",  # the NER cannot tell a country from a city; known countries come from the table
    "NORP": "group",
    "LOC": "place",
    "FAC": "facility",
    "PRODUCT": "product",
    "EVENT": "event",
    "VESSEL": "vessel",  # a ship name found by its shape (name_shapes.py), not by the NER
}
PLACE_TYPES = frozenset({"country", "place"})
PLACE_LABELS = frozenset({"GPE", "LOC"})

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HYPHENS = "-\u2010\u2011\u2012"
HYPHEN_CLASS = re.escape(HYPHENS)  # inside [...], a bare "-" would make a range
QUOTE_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
# Removed from keys, so "Kim Jong-un", "Kim Jong Un" and "Kim Jongun" meet, and "U.S." meets "US".
_KEY_DROP = re.compile(rf"[\s.{HYPHEN_CLASS}]+")
POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
SLUG_RE = re.compile(r"[^a-z0-9]+")
# A nationality adjective the table does not know ("Asian", "Canadian", "N. Korean") is an attribute,
# not an actor: it gets no local id (a plural group name such as "Houthis" still does).
DEMONYM_ENDING = re.compile(r"(?:an|ese|ish)$")
WORD_RE = re.compile(r"\w+")

# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class ContextAlias:
    """An alias that names the actor only when the document mentions one of ``requires``."""

    alias: str
    requires: tuple[str, ...]
    exact: bool = False


@dataclass(frozen=True)
class Relation:
    """This actor is the ``noun`` (sister, aunt, wife...) of actor ``of``: "Kim Jong-un's sister"."""

    nouns: tuple[str, ...]
    of: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    context_aliases: tuple[ContextAlias, ...] = ()
    exact_aliases: tuple[str, ...] = ()  # matched with this capitalisation only ("US" is not "us")
    description: str | None = None
    relations: tuple["Relation", ...] = ()  # "sister of kim-jong-un": descriptions that name this actor

    def surfaces(self) -> Iterator[str]:
        """Every plain (context-free) way of writing this actor, its name included."""
        yield self.name
        yield from self.aliases
        yield from self.exact_aliases


@dataclass(frozen=True, slots=True)
class AliasTarget:
    actor_id: str | None  # None: a shadowing phrase that is no alias of anything
    requires: tuple[str, ...] | None = None  # set for context aliases
    person: bool = False


class ActorTable:
    """Canonical actors and their aliases; lookups are normalised (case, hyphens, quotes, possessive)."""

    def __init__(
        self,
        actors: Iterable[Actor],
        titles: Iterable[str] = (),
        not_aliases: Iterable[str] = (),
        not_entities: Iterable[str] = (),
        vessel_nouns: Iterable[str] = (),
        organisation_heads: Iterable[str] = (),
        body_heads: Iterable[str] = (),
        role_nouns: Iterable[str] = (),
        country_leads: Iterable[str] = (),
    ) -> None:
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        self.titles = frozenset(t.lower() for t in titles)
        self.title_words = frozenset(w for t in self.titles for w in t.split())
        self.not_aliases = tuple(not_aliases)
        self.not_entities = frozenset(surface_key(s, exact=False) for s in not_entities)
        self.vessel_nouns = tuple(vessel_nouns)
        self.organisation_heads = tuple(organisation_heads)
        self.body_heads = tuple(body_heads)
        self.role_nouns = tuple(r.lower() for r in role_nouns)
        self.country_leads = tuple(country_leads)
        self._index: AliasIndex | None = None
        self._places: dict[str, str] | None = None

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    @property
    def index(self) -> "AliasIndex":
        # Built once per table: the alias pass works on token text, so it does not depend on an nlp vocab.
        if self._index is None:
            self._index = AliasIndex.build(self)
        return self._index

    @property
    def places(self) -> dict[str, str]:
        """Single-word country and place names (lower case) to ids: the targets of misspelling repair."""
        if self._places is None:
            self._places = place_names((a.id, a.type, a.surfaces()) for a in self if a.type in PLACE_TYPES)
        return self._places

    @property
    def conflicts(self) -> list[tuple[str, str, str]]:
        """(alias key, overridden actor id, winning actor id) for aliases claimed by two actors."""
        return list(self.index.conflicts)

    def alias_count(self) -> int:
        return len(self.index.lower) + len(self.index.exact)

    def lookup(self, surface: str, context: Collection[str] | None = None) -> Actor | None:
        """The actor this surface names, if any.

        Context aliases count only when ``context`` (ids of actors the document
        mentions) includes one they require.
        """
        text = POSSESSIVE.sub("", surface.strip().translate(QUOTE_FOLD)).strip()
        candidates = [text]
        if text[:4].lower() == "the ":
            candidates.append(text[4:])
        for cand in candidates:
            target = self.index.find(cand)
            if target is None or target.actor_id is None:
                continue
            if target.requires is not None and not (context and set(target.requires) & set(context)):
                continue
            return self._actors.get(target.actor_id)
        return None


def surface_key(text: str, exact: bool) -> str:
    """The matching key of a surface: quotes straightened, spaces, hyphens and dots dropped."""
    key = _KEY_DROP.sub("", text.translate(QUOTE_FOLD))
    return key if exact else key.lower()


def _is_auto_exact(alias: str) -> bool:
    """Short all-capital acronyms ("US", "UN", "AP") collide with ordinary words in lower case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 3 and all(c.isupper() for c in letters)


def _exact_variants(alias: str) -> set[str]:
    # "the North" must also match at the start of a sentence.
    return {alias, alias[:1].upper() + alias[1:]}


@dataclass
class AliasIndex:
    exact: dict[str, AliasTarget] = field(default_factory=dict)
    lower: dict[str, AliasTarget] = field(default_factory=dict)
    exact_prefixes: frozenset[str] = frozenset()
    lower_prefixes: frozenset[str] = frozenset()
    # Lower-cased alias prefixes that end on a word boundary ("kim", "kimjong", "kimjongun"):
    # a match can only start at a text word that is one of these.
    first_words: set[str] = field(default_factory=set)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, table: ActorTable) -> "AliasIndex":
        index = cls()
        for actor in table:
            person = actor.type == "person"
            plain = AliasTarget(actor.id, None, person)
            for alias in actor.surfaces():
                exact = alias in actor.exact_aliases or _is_auto_exact(alias)
                index._add(alias, exact, plain)
            for ca in actor.context_aliases:
                index._add(ca.alias, ca.exact or _is_auto_exact(ca.alias), AliasTarget(actor.id, ca.requires, person))
        for phrase in table.not_aliases:
            index._add(phrase, False, AliasTarget(None), override=True)
        index.exact_prefixes = _prefixes(index.exact)
        index.lower_prefixes = _prefixes(index.lower)
        return index

    def _add(self, alias: str, exact: bool, target: AliasTarget, override: bool = False) -> None:
        variants = _exact_variants(alias) if exact else {alias}
        store = self.exact if exact else self.lower
        for variant in variants:
            key = surface_key(variant, exact)
            if not key:
                continue
            acc = ""
            for word in WORD_RE.findall(variant.lower()):
                acc += word
                self.first_words.add(acc)
            old = store.get(key)
            if old is not None and old.actor_id != target.actor_id and not override:
                # Later actors (later files) win; the packaged table is tested to have none of these.
                self.conflicts.append((key, str(old.actor_id), str(target.actor_id)))
            if old is None or old.actor_id != target.actor_id or override or old.requires is not None:
                store[key] = target

    def find(self, surface: str) -> AliasTarget | None:
        return self.exact.get(surface_key(surface, True)) or self.lower.get(surface_key(surface, False))


def _prefixes(keys: Iterable[str]) -> frozenset[str]:
    return frozenset(k[:i] for k in keys for i in range(1, len(k) + 1))


# --------------------------------------------------------------------------- loading


def packaged_actors_path() -> Path:
    return Path(str(resources.files("sanctionwatch") / "data" / "actors.yaml"))


def env_actor_paths() -> tuple[Path, ...]:
    raw = os.environ.get(ACTORS_ENV, "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p.strip())


def load_actor_table(extra_paths: Sequence[Path] = ()) -> ActorTable:
    """The packaged table, then files named in $SANCTIONWATCH_ACTORS, then ``extra_paths``.

    Later files extend earlier ones: an entry with a known id overrides the
    fields it gives and adds its aliases (``remove_aliases`` drops some).
    The default call (no extra paths) is cached per value of the env variable.
    """
    if not extra_paths:
        return _load_cached(env_actor_paths())
    return _load((packaged_actors_path(), *env_actor_paths(), *map(Path, extra_paths)))


@lru_cache(maxsize=8)
def _load_cached(env_paths: tuple[Path, ...]) -> ActorTable:
    return _load((packaged_actors_path(), *env_paths))


def _load(paths: Sequence[Path]) -> ActorTable:
    actors: dict[str, dict[str, Any]] = {}
    lists: dict[str, list[str]] = {
        "titles": [], "not_aliases": [], "not_entities": [], "vessel_nouns": [], "organisation_heads": [],
        "body_heads": [], "role_nouns": [], "country_leads": [],
    }
    for i, entry in enumerate(world_entries()):
        _merge_entry(actors, entry, f"rigour territories[{i}]")
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"actor table file not found: {path}")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping with an 'actors' list at the top level")
        for key, values in lists.items():
            values.extend(_str_list(data.get(key), f"{path}: {key}"))
        for i, entry in enumerate(data.get("actors") or []):
            where = f"{path}: actors[{i}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise ValueError(f"{where}: every actor needs a string 'id'")
            _merge_entry(actors, entry, where)
    return ActorTable(
        (_actor_from(raw, raw["_where"]) for raw in actors.values()),
        titles=lists["titles"],
        not_aliases=lists["not_aliases"],
        not_entities=lists["not_entities"],
        vessel_nouns=lists["vessel_nouns"],
        organisation_heads=lists["organisation_heads"],
        body_heads=lists["body_heads"],
        role_nouns=lists["role_nouns"],
        country_leads=lists["country_leads"],
    )


def _merge_entry(actors: dict[str, dict[str, Any]], entry: Mapping[str, Any], where: str) -> None:
    actor_id = entry["id"]
    if not _ID_RE.match(actor_id):
        raise ValueError(f"{where}: id {actor_id!r} must be a lowercase slug (a-z, 0-9, '-')")
    current = actors.setdefault(
        actor_id, {"id": actor_id, "aliases": [], "exact_aliases": [], "context_aliases": [], "relations": []}
    )
    current["_where"] = where
    old_name = current.get("name")
    if old_name and entry.get("name", old_name) != old_name and old_name not in current["aliases"]:
        current["aliases"].append(old_name)  # a renamed actor is still written the old way in text
    for key in ("name", "type", "wikidata", "description"):
        if key in entry:
            current[key] = entry[key]
    for key in ("aliases", "exact_aliases"):
        for alias in _str_list(entry.get(key), f"{where}: {key}"):
            if alias not in current[key]:
                current[key].append(alias)
    current["context_aliases"].extend(_context_aliases(entry.get("context_aliases"), where))
    current["context_aliases"].extend(_epithets(entry.get("epithets"), where))
    current["relations"].extend(_relations(entry.get("relations"), where))
    removed = set(_str_list(entry.get("remove_aliases"), f"{where}: remove_aliases"))
    if removed:
        for key in ("aliases", "exact_aliases"):
            current[key] = [a for a in current[key] if a not in removed]
        current["context_aliases"] = [c for c in current["context_aliases"] if c.alias not in removed]


def _context_aliases(raw: Any, where: str) -> list[ContextAlias]:
    out = []
    for j, item in enumerate(raw or []):
        if not isinstance(item, dict) or not isinstance(item.get("alias"), str) or not item.get("requires"):
            raise ValueError(f"{where}: context_aliases[{j}] needs 'alias' and a non-empty 'requires' list")
        requires = tuple(_str_list(item["requires"], f"{where}: context_aliases[{j}].requires"))
        out.append(ContextAlias(item["alias"], requires, bool(item.get("exact", False))))
    return out


def _epithets(raw: Any, where: str) -> list[ContextAlias]:
    """Wire copy's epithets for an actor it has named ("the reclusive state", "the impoverished and
    cash-strapped country"): every adjective, or two of them joined by "and" or a comma, before every noun."""
    out = []
    for j, item in enumerate(raw or []):
        if not isinstance(item, dict) or not item.get("adjectives") or not item.get("nouns") or not item.get("requires"):
            raise ValueError(f"{where}: epithets[{j}] needs 'adjectives', 'nouns' and 'requires' lists")
        adjectives = _str_list(item["adjectives"], f"{where}: epithets[{j}].adjectives")
        nouns = _str_list(item["nouns"], f"{where}: epithets[{j}].nouns")
        requires = tuple(_str_list(item["requires"], f"{where}: epithets[{j}].requires"))
        pairs = [f"{a} and {b}" for a in adjectives for b in adjectives if a != b]
        pairs += [f"{a}, {b}" for a in adjectives for b in adjectives if a != b]
        out += [ContextAlias(f"the {m} {n}", requires) for m in adjectives + pairs for n in nouns]
    return out


def _relations(raw: Any, where: str) -> list[Relation]:
    out = []
    for j, item in enumerate(raw or []):
        if not isinstance(item, dict) or not isinstance(item.get("of"), str) or not item.get("noun"):
            raise ValueError(f"{where}: relations[{j}] needs 'noun' (a word or list) and 'of' (an actor id)")
        nouns = tuple(n.lower() for n in _str_list(item["noun"], f"{where}: relations[{j}].noun"))
        out.append(Relation(nouns, item["of"]))
    return out


def _str_list(raw: Any, where: str) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise ValueError(f"{where}: expected a list of strings")
    return list(raw)


def _actor_from(raw: Mapping[str, Any], where: str) -> Actor:
    for key in ("name", "type"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ValueError(f"{where}: actor {raw['id']!r} needs a '{key}'")
    wikidata = raw.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wikidata)):
        raise ValueError(f"{where}: wikidata must look like Q123, not {wikidata!r}")
    return Actor(
        id=raw["id"],
        name=raw["name"],
        type=raw["type"],
        aliases=tuple(raw["aliases"]),
        wikidata=wikidata,
        context_aliases=tuple(raw["context_aliases"]),
        exact_aliases=tuple(raw["exact_aliases"]),
        description=raw.get("description"),
        relations=tuple(raw.get("relations", ())),
    )



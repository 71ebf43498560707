"""Entities: spaCy NER plus a user-extensible table of canonical actors.

Two passes over the parsed blocks, then a merge:

1. an *alias pass* over the tokens with the actor table (``data/actors.yaml``
   plus user files), so that known actors are found even where the statistical
   NER misses or mislabels them, as it often does on machine-translated text;
2. the spaCy NER spans of interesting labels, trimmed of titles, a leading
   "the" and a possessive "'s".

An alias hit wins wherever it overlaps an NER span.  NER-only spans become
document-local entities (``local:<slug>``), except that a partial person name
("Kuk-song", "Kim Kuk", "Putin") joins the one person in the document whose
name contains it, and is dropped when several do (a bare "Kim" among several
Kims names nobody in particular).

Context aliases ("the North", "the regime") resolve only when the document
also mentions one of the actors listed in their ``requires`` (data, not code).
A dateline ("(Seoul)", "SEOUL, March 3 (Yonhap) --") says where a story was
filed, so a place inside it is not a mention; the agency in it is kept, as a
mention of the media outlet that reported the story.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection, Iterable, Iterator, Mapping, Sequence

import yaml
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH

from .model import Entity, Mention
from .name_shapes import Shaped, fuzzy_place, organisation_names, place_names, vessel_names
from .world import world_entries

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .read import Parsed

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
# Datelines are only looked for near the top: a story is filed once.
DATELINE_WINDOW = 2000

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HYPHENS = "-\u2010\u2011\u2012"
_HYPHEN_CLASS = re.escape(_HYPHENS)  # inside [...], a bare "-" would make a range
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
# Removed from keys, so "Kim Jong-un", "Kim Jong Un" and "Kim Jongun" meet, and "U.S." meets "US".
_KEY_DROP = re.compile(rf"[\s.{_HYPHEN_CLASS}]+")
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_SLUG_RE = re.compile(r"[^a-z0-9]+")
# A nationality adjective the table does not know ("Asian", "Canadian", "N. Korean") is an attribute,
# not an actor: it gets no local id (a plural group name such as "Houthis" still does).
_DEMONYM = re.compile(r"(?:an|ese|ish)$")
_WORD_RE = re.compile(r"\w+")
_DATELINE_PAREN = re.compile(r"^[ \t]*\((?P<place>[A-Z][^()\n]{0,40})\)[ \t]", re.MULTILINE)
_DATELINE_CAPS = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z'\u2019./ -]{1,40}?)"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:\s*,\s*\d{4})?)?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:--|\u2014|\u2013|-|:)\s",
    re.MULTILINE,
)


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
class _Target:
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
    ) -> None:
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        self.titles = frozenset(t.lower() for t in titles)
        self.title_words = frozenset(w for t in self.titles for w in t.split())
        self.not_aliases = tuple(not_aliases)
        self.not_entities = frozenset(surface_key(s, exact=False) for s in not_entities)
        self.vessel_nouns = tuple(vessel_nouns)
        self.organisation_heads = tuple(organisation_heads)
        self._index: _AliasIndex | None = None
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
    def index(self) -> "_AliasIndex":
        # Built once per table: the alias pass works on token text, so it does not depend on an nlp vocab.
        if self._index is None:
            self._index = _AliasIndex.build(self)
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
        text = _POSSESSIVE.sub("", surface.strip().translate(_QUOTES)).strip()
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
    key = _KEY_DROP.sub("", text.translate(_QUOTES))
    return key if exact else key.lower()


def _is_auto_exact(alias: str) -> bool:
    """Short all-capital acronyms ("US", "UN", "AP") collide with ordinary words in lower case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 3 and all(c.isupper() for c in letters)


def _exact_variants(alias: str) -> set[str]:
    # "the North" must also match at the start of a sentence.
    return {alias, alias[:1].upper() + alias[1:]}


@dataclass
class _AliasIndex:
    exact: dict[str, _Target] = field(default_factory=dict)
    lower: dict[str, _Target] = field(default_factory=dict)
    exact_prefixes: frozenset[str] = frozenset()
    lower_prefixes: frozenset[str] = frozenset()
    # Lower-cased alias prefixes that end on a word boundary ("kim", "kimjong", "kimjongun"):
    # a match can only start at a text word that is one of these.
    first_words: set[str] = field(default_factory=set)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, table: ActorTable) -> "_AliasIndex":
        index = cls()
        for actor in table:
            person = actor.type == "person"
            plain = _Target(actor.id, None, person)
            for alias in actor.surfaces():
                exact = alias in actor.exact_aliases or _is_auto_exact(alias)
                index._add(alias, exact, plain)
            for ca in actor.context_aliases:
                index._add(ca.alias, ca.exact or _is_auto_exact(ca.alias), _Target(actor.id, ca.requires, person))
        for phrase in table.not_aliases:
            index._add(phrase, False, _Target(None), override=True)
        index.exact_prefixes = _prefixes(index.exact)
        index.lower_prefixes = _prefixes(index.lower)
        return index

    def _add(self, alias: str, exact: bool, target: _Target, override: bool = False) -> None:
        variants = _exact_variants(alias) if exact else {alias}
        store = self.exact if exact else self.lower
        for variant in variants:
            key = surface_key(variant, exact)
            if not key:
                continue
            acc = ""
            for word in _WORD_RE.findall(variant.lower()):
                acc += word
                self.first_words.add(acc)
            old = store.get(key)
            if old is not None and old.actor_id != target.actor_id and not override:
                # Later actors (later files) win; the packaged table is tested to have none of these.
                self.conflicts.append((key, str(old.actor_id), str(target.actor_id)))
            if old is None or old.actor_id != target.actor_id or override or old.requires is not None:
                store[key] = target

    def find(self, surface: str) -> _Target | None:
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
        "titles": [], "not_aliases": [], "not_entities": [], "vessel_nouns": [], "organisation_heads": []
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


# --------------------------------------------------------------------------- alias pass


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    target: _Target

    @property
    def length(self) -> int:
        return self.end - self.start


# The alias pass cuts the block text into its own *pieces* with one C-level
# regex rather than walking spaCy tokens (creating a Token object per token
# costs more than the whole match): words, dotted abbreviations ("U.S.", "N."
# before a name), single hyphens, and any other non-space character.
_PIECE_RE = re.compile(
    rf"(?P<abbr>(?:[A-Za-z]\.){{2,}}|[A-Z]\.(?= ?[A-Z][a-z]))|(?P<word>\w+)|(?P<hyphen>[{_HYPHEN_CLASS}])|\S"
)
_SKIP = ""  # a hyphen between pieces: "Kim Jong-un" == "Kim Jong Un"
_NEXT_PIECE_RE = re.compile(rf"\s*(?:{_PIECE_RE.pattern})")


def _piece_key(m: re.Match[str]) -> str:
    """Exact-case key of one piece (_SKIP for a hyphen)."""
    kind = m.lastgroup
    if kind == "word":
        return m.group(kind)
    if kind == "hyphen":
        return _SKIP
    if kind == "abbr":
        return m.group(kind).replace(".", "")
    return m.group().strip().translate(_QUOTES)  # the next-piece pattern may have eaten leading space


def _candidate_starts(text: str, index: _AliasIndex) -> list[int]:
    """Sorted offsets of the words where an alias match may start.

    Found with set intersection and str.find, all in C: a Python step per word
    of the text would cost more than everything else here together.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: offsets would shift
        return [m.start() for m in _WORD_RE.finditer(text) if m.group().lower() in index.first_words]
    starts = []
    for word in set(_WORD_RE.findall(lowered)) & index.first_words:
        n = len(word)
        pos = lowered.find(word)
        while pos != -1:
            before = lowered[pos - 1] if pos else " "
            after = lowered[pos + n] if pos + n < len(lowered) else " "
            if not (_is_word_char(before) or _is_word_char(after)):
                starts.append(pos)
            pos = lowered.find(word, pos + n)
    starts.sort()
    return starts


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _hits_from(text: str, pos: int, end: int, index: _AliasIndex) -> list[_Hit]:
    """Alias matches starting at pos, piece by piece, while the key is still a prefix of some alias."""
    hits: list[_Hit] = []
    exact, lower = index.exact, index.lower
    exact_pre, lower_pre = index.exact_prefixes, index.lower_prefixes
    acc_e = acc_l = ""
    live_e = live_l = True
    nxt = _PIECE_RE.match(text, pos, end)
    while nxt is not None:
        key = _piece_key(nxt)
        if key:
            if live_e:
                acc_e += key
                live_e = acc_e in exact_pre
                if live_e and acc_e in exact:
                    hits.append(_Hit(pos, nxt.end(), exact[acc_e]))
            if live_l:
                acc_l += key.lower()
                live_l = acc_l in lower_pre
                if live_l and acc_l in lower:
                    hits.append(_Hit(pos, nxt.end(), lower[acc_l]))
            if not (live_e or live_l):
                break
        nxt = _NEXT_PIECE_RE.match(text, nxt.end(), end)
    return hits


def _splits_a_name(hit: _Hit, text: str) -> bool:
    """A person alias ending inside a hyphenated given name ("Kim Song" in "Kim Song-nam")."""
    if not hit.target.person:
        return False
    tail = text[hit.end : hit.end + 2]
    return len(tail) == 2 and tail[0] in _HYPHENS and tail[1].islower()


def _choose(hits: list[_Hit]) -> list[_Hit]:
    """Longest first, plain aliases before context ones, never overlapping."""
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.target.requires is not None, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


# --------------------------------------------------------------------------- NER pass


@dataclass(slots=True)
class _NerSpan:
    start: int
    end: int
    text: str
    label: str


_LEADING_WORDS = frozenset({"the"})
_TRAILING = frozenset({"'s", "'", ",", ".", ":", ";", '"', ")"})
_IOB_BEGIN, _IOB_INSIDE = 3, 1
_NER_ATTRS = [ENT_IOB, ENT_TYPE, IDX, LENGTH]


def _token_rows(doc: "Doc") -> Any:
    # Token arrays instead of doc.ents / doc.text / Block.end, which build a Token object per token.
    return doc.to_array(_NER_ATTRS)


def _ner_spans(rows: Any, strings: Any, text: str, base: int, table: ActorTable) -> list[_NerSpan]:
    out = []
    iob = rows[:, 0]
    n = len(rows)
    for i in (iob == _IOB_BEGIN).nonzero()[0].tolist():
        label = strings[int(rows[i, 1])]
        if label not in KEEP_LABELS:
            continue
        j = i + 1
        while j < n and iob[j] == _IOB_INSIDE:
            j += 1
        toks = [(base + idx, base + idx + length) for idx, length in rows[i:j, 2:4].tolist()]
        span = _trim_ner(text, toks, label, table)
        if span is not None:
            start, end = span
            surface = text[start:end]
            if surface_key(surface, exact=False) not in table.not_entities:
                out.append(_NerSpan(start, end, surface, label))
    return out


def _trim_ner(text: str, toks: list[tuple[int, int]], label: str, table: ActorTable) -> tuple[int, int] | None:
    """Drop a leading "the", a person's titles, and a trailing possessive or punctuation."""
    lo, hi = 0, len(toks)
    while lo < hi:
        word = text[toks[lo][0] : toks[lo][1]].lower()
        if (
            word in _LEADING_WORDS
            or (label == "PERSON" and word.rstrip(".") in table.title_words)
            or not any(c.isalnum() for c in word)  # a list dash or bullet the NER took in
        ):
            lo += 1
        else:
            break
    while hi > lo:
        word = text[toks[hi - 1][0] : toks[hi - 1][1]].translate(_QUOTES).lower()
        if word in _TRAILING or not word.strip():
            hi -= 1
        else:
            break
    if hi <= lo:
        return None
    start, end = toks[lo][0], toks[hi - 1][1]
    # A possessive the tokenizer left attached ("Korea's" as one token).
    m = _POSSESSIVE.search(text[start:end].translate(_QUOTES))
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


# --------------------------------------------------------------------------- datelines


def dateline_places(text: str, window: int = DATELINE_WINDOW) -> list[tuple[int, int]]:
    """Character ranges of the place part of datelines near the top of the text."""
    out = []
    for m in _DATELINE_PAREN.finditer(text, 0, min(window, len(text))):
        out.append(m.span("place"))
    for m in _DATELINE_CAPS.finditer(text, 0, min(window, len(text))):
        place = m.group("place")
        if place.upper() == place or m.group("date") or m.group("agency"):
            out.append(m.span("place"))
    return out


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a dateline opening text[start:end] ("SEOUL, May 29 (Yonhap) -- ") ends; ``start`` when none does."""
    m = _DATELINE_CAPS.match(text, start, end)
    if m and (m.group("place").upper() == m.group("place") or m.group("date") or m.group("agency")):
        return m.end()
    return start


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in ranges)


# --------------------------------------------------------------------------- resolution


@lru_cache(maxsize=4096)
def _name_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(rf"[\s{_HYPHEN_CLASS}.]+", text.translate(_QUOTES).lower()) if t)


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return 0 < n < len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _slug(text: str) -> str:
    return _SLUG_RE.sub("-", text.translate(_QUOTES).lower()).strip("-") or "entity"


@dataclass
class _Group:
    id: str
    name: str
    type: str
    wikidata: str | None
    mentions: list[Mention] = field(default_factory=list)
    names: list[tuple[str, ...]] = field(default_factory=list)  # token forms, for partial person names


class _Groups:
    """The entities of one document under construction, keyed by id."""

    def __init__(self) -> None:
        self.by_id: dict[str, _Group] = {}

    def canonical(self, actor: Actor) -> _Group:
        group = self.by_id.get(actor.id)
        if group is None:
            group = self.by_id[actor.id] = _Group(actor.id, actor.name, actor.type, actor.wikidata)
            if actor.type == "person":
                group.names = [_name_tokens(s) for s in actor.surfaces()]
        return group

    def local(self, span: _NerSpan) -> _Group:
        local_id = f"local:{_slug(span.text)}"
        group = self.by_id.get(local_id)
        if group is None:
            group = self.by_id[local_id] = _Group(local_id, span.text, LOCAL_TYPES[span.label], None)
        return group

    def person_owners(self, tokens: tuple[str, ...]) -> set[str]:
        """Ids of the persons whose name has these tokens as a proper part ("Kuk-song" in "Kim Kuk-song")."""
        return {g.id for g in self.by_id.values() if any(_contains(n, tokens) for n in g.names)}

    def entities(self) -> list[Entity]:
        out = []
        for group in self.by_id.values():
            group.mentions.sort(key=lambda m: (m.start, m.end))
            if group.id.startswith("local:"):
                group.name = max((m.text for m in group.mentions), key=len)
            out.append(Entity(group.id, group.name, group.type, group.mentions, group.wikidata))
        out.sort(key=lambda e: e.mentions[0].start)
        return out


def _scan(parsed: "Parsed", table: ActorTable) -> tuple[list[_Hit], list[_NerSpan]]:
    """Alias hits (already non-overlapping) and trimmed NER spans of every block."""
    text = parsed.text
    hits: list[_Hit] = []
    ner: list[_NerSpan] = []
    index = table.index
    candidates = _candidate_starts(text, index)
    for block in parsed.blocks:
        rows = _token_rows(block.doc)
        if not len(rows):
            continue
        end = block.start + int(rows[-1, 2] + rows[-1, 3])
        block_hits = [
            hit
            for pos in candidates[bisect_left(candidates, block.start) : bisect_left(candidates, end)]
            for hit in _hits_from(text, pos, end, index)
            if not _splits_a_name(hit, text)
        ]
        hits.extend(_choose(block_hits))
        ner.extend(_ner_spans(rows, block.doc.vocab.strings, text, block.start, table))
    return hits, ner


def _is_place(type_or_label: str) -> bool:
    return type_or_label in PLACE_TYPES or type_or_label in PLACE_LABELS


def _add_alias_hits(
    groups: _Groups, hits: list[_Hit], text: str, table: ActorTable, datelines: list[tuple[int, int]]
) -> tuple[set[str], bytearray]:
    """Record alias hits; return the ids mentioned by plain aliases and a mask of the characters taken."""
    resolved: list[tuple[_Hit, Actor]] = []
    for hit in hits:
        actor = table.get(hit.target.actor_id) if hit.target.actor_id else None
        if actor is not None and not (_is_place(actor.type) and _inside(hit.start, hit.end, datelines)):
            resolved.append((hit, actor))
    present = {actor.id for hit, actor in resolved if hit.target.requires is None}
    taken = bytearray(len(text))
    for hit, actor in resolved:
        if hit.target.requires is not None and not set(hit.target.requires) & present:
            continue
        groups.canonical(actor).mentions.append(Mention(hit.start, hit.end, text[hit.start : hit.end], ALIAS_LABEL))
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return present, taken


def _add_ner_spans(
    groups: _Groups,
    ner: list[_NerSpan],
    table: ActorTable,
    present: set[str],
    taken: bytearray,
    datelines: list[tuple[int, int]],
) -> None:
    leftovers: list[_NerSpan] = []
    for span in ner:
        if taken.find(1, span.start, span.end) != -1:
            continue  # the alias hit wins
        actor = table.lookup(span.text, context=present)
        if actor is None and span.label != "PERSON" and " " not in span.text:
            # machine translation misspells capitals and countries ("Pionyang"): one edit on a long word
            place_id = fuzzy_place(span.text, table.places)
            actor = table.get(place_id) if place_id else None
        kind = actor.type if actor is not None else span.label
        if _is_place(kind) and _inside(span.start, span.end, datelines):
            continue
        if actor is not None:
            groups.canonical(actor).mentions.append(Mention(span.start, span.end, span.text, span.label))
        elif span.label not in RESOLVED_ONLY_LABELS and not (span.label == "NORP" and _DEMONYM.search(span.text)):
            leftovers.append(span)
    # Longest names first, so "Kim Kuk-song" exists before "Kuk-song" looks for it.
    leftovers.sort(key=lambda s: (s.label != "PERSON", -len(_name_tokens(s.text)), s.start))
    for span in leftovers:
        mention = Mention(span.start, span.end, span.text, span.label)
        if span.label == "PERSON":
            tokens = _name_tokens(span.text)
            owners = groups.person_owners(tokens)
            if len(owners) > 1:
                continue  # an ambiguous partial name ("Kim" among several Kims) names nobody for sure
            if owners:
                groups.by_id[owners.pop()].mentions.append(mention)
                continue
            group = groups.local(span)
            if tokens not in group.names:
                group.names.append(tokens)
        else:
            group = groups.local(span)
        group.mentions.append(mention)


def resolve_entities(parsed: "Parsed", table: ActorTable | None = None) -> list[Entity]:
    """One Entity per canonical actor or per unknown entity, mentions in document order."""
    table = table or load_actor_table()
    hits, ner = _scan(parsed, table)
    datelines = dateline_places(parsed.text)
    groups = _Groups()
    present, taken = _add_alias_hits(groups, hits, parsed.text, table, datelines)
    _add_ner_spans(groups, ner, table, present, taken, datelines)
    _add_relation_descriptions(groups, parsed.text, table)
    _add_shaped_names(groups, parsed.text, table)
    _merge_abbreviations(groups, parsed.text)
    return groups.entities()


# "the Center for Advanced Defense Studies (C4ADS)": the parenthesis names the same actor
_PAREN_ABBREVIATION = re.compile(r"\s*\(\s*(?P<abbr>[A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "to", "&"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in _WORD_RE.findall(name) if w.lower() not in _FUNCTION_WORDS).upper()


def _add_abbreviation_mentions(groups: "_Groups", group: "_Group", text: str, abbr: str, label: str) -> None:
    """Every whole-word use of an abbreviation the NER missed is a mention of the actor it abbreviates."""
    spans = [(m.start, m.end) for g in groups.by_id.values() for m in g.mentions]
    for hit in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text):
        if not any(s < hit.end() and hit.start() < e for s, e in spans):
            group.mentions.append(Mention(hit.start(), hit.end(), abbr, label))


def _merge_abbreviations(groups: "_Groups", text: str) -> None:
    """One entity for a name and its abbreviation within a document.

    Merged when the abbreviation follows the name in parentheses, or when a local
    organisation's initials spell an abbreviation used elsewhere in the document
    ("International Atomic Energy Agency" ... "IAEA").  A table actor absorbs a local one;
    two table actors are never merged.
    """
    surfaces: dict[str, str] = {}
    for g in groups.by_id.values():
        for m in g.mentions:
            surfaces.setdefault(m.text.replace(".", ""), g.id)
    for g in list(groups.by_id.values()):
        if g.id not in groups.by_id or not g.id.startswith("local:") or g.type == "person":
            continue
        partner = None
        for m in list(g.mentions):
            paren = _PAREN_ABBREVIATION.match(text, m.end)
            if not paren:
                continue
            abbr = paren.group("abbr")
            partner = surfaces.get(abbr.replace(".", ""))
            if partner is None:
                surfaces[abbr.replace(".", "")] = g.id
            _add_abbreviation_mentions(groups, g, text, abbr, m.label)
            break
        if partner is None:
            # "C4ADS" abbreviates "Center for Advanced Defense Studies": digits are not initials
            initials = _initials(g.name)
            short = {re.sub(r"\d", "", k): gid for k, gid in surfaces.items() if k.isupper() or any(c.isdigit() for c in k)}
            if len(initials) >= 3 and initials in short:
                partner = short[initials]
        if partner is None or partner == g.id or partner not in groups.by_id:
            continue
        other = groups.by_id[partner]
        keep, gone = (other, g) if not other.id.startswith("local:") else (g, other)
        keep.mentions.extend(gone.mentions)
        del groups.by_id[gone.id]
        for key, gid in surfaces.items():
            if gid == gone.id:
                surfaces[key] = keep.id


# "Kim Jong-un's sister", "the powerful sister of North Korean leader Kim Jong-un": a description
# that names another actor through a relation listed in the table.  Up to four modifier words
# may stand between the noun and the name ("of North Korean leader").
_BEFORE_NAME = r"(?:[Tt]he\s+|[Hh]is\s+|[Hh]er\s+)?(?:[\w-]+\s+){{0,2}}?(?P<noun>{nouns})\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}$"
_AFTER_NAME = r"^[’']s\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{nouns})\b"


def _add_relation_descriptions(groups: "_Groups", text: str, table: ActorTable) -> None:
    """Add a mention of actor A over each description "<noun> of B" / "B's <noun>" that A's relations list."""
    for actor in table:
        for rel in actor.relations:
            owner = groups.by_id.get(rel.of)
            if owner is None:
                continue
            nouns = "|".join(re.escape(n) for n in rel.nouns)
            before = re.compile(_BEFORE_NAME.format(nouns=nouns), re.IGNORECASE)
            after = re.compile(_AFTER_NAME.format(nouns=nouns), re.IGNORECASE)
            for m in list(owner.mentions):
                window = max(0, m.start - 120)
                b = before.search(text, window, m.start)
                if b and "\n" not in text[b.start():m.start]:
                    _add_mention(groups, actor, text, b.start(), m.end)
                a = after.match(text[m.end:m.end + 60])
                if a:
                    _add_mention(groups, actor, text, m.start, m.end + a.end())


def _add_mention(groups: "_Groups", actor: Actor, text: str, start: int, end: int) -> None:
    group = groups.canonical(actor)
    if not any(x.start == start and x.end == end for x in group.mentions):
        group.mentions.append(Mention(start, end, text[start:end], "RELATION"))


def _add_shaped_names(groups: "_Groups", text: str, table: ActorTable) -> None:
    """Vessel names after a vessel noun, and organisations named with a country adjective in front.

    A proposal takes over country mentions inside it ("Russian" in "Russian Financial Society") and
    local NER mentions it covers; it yields to any other mention it overlaps (a table actor knows better).
    """
    proposals = organisation_names(text, table.organisation_heads) + vessel_names(text, table.vessel_nouns)
    for shaped in proposals:
        overlapping = [
            (g, m) for g in groups.by_id.values() for m in g.mentions if m.start < shaped.end and shaped.start < m.end
        ]
        same = [(g, m) for g, m in overlapping if (m.start, m.end) == (shaped.start, shaped.end)]
        if same:
            group = same[0][0]
            if group.id.startswith("local:"):
                group.type = shaped.type  # "the vessel Ryusong": the noun outweighs the NER's guess
            continue
        if any(
            m.start < shaped.start
            or m.end > shaped.end
            or not (g.type in PLACE_TYPES or (g.id.startswith("local:") and g.type != "person"))
            for g, m in overlapping
        ):
            continue
        for g, m in overlapping:
            g.mentions.remove(m)
            if not g.mentions:
                del groups.by_id[g.id]
        _add_shaped(groups, table, text, shaped)


def _add_shaped(groups: "_Groups", table: ActorTable, text: str, shaped: Shaped) -> None:
    surface = text[shaped.start : shaped.end]
    label = "VESSEL" if shaped.type == "vessel" else "ORG"
    actor = table.lookup(surface)
    if actor is not None:
        group = groups.canonical(actor)
    else:
        group = groups.local(_NerSpan(shaped.start, shaped.end, surface, label))
        group.type = shaped.type
    group.mentions.append(Mention(shaped.start, shaped.end, surface, label))


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end) most (ties: the longest mention), else None."""
    best: tuple[int, int] = (0, 0)
    found: Entity | None = None
    for entity in entities:
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0 and not (start == end and m.start <= start < m.end):
                continue
            score = (max(overlap, 1 if start == end else 0), m.end - m.start)
            if score > best:
                best, found = score, entity
    return found

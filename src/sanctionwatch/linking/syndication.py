"""Syndication: which pages are copies of one text, and which pages count as one independent source."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from typing import Iterable, Mapping, Sequence

from ..model import Document
from ..read import kept_ranges
from .credit import source_publisher_key

SHINGLE_WORDS = 5
# Share of the smaller page's own prose (outside quotations) that two pages share when one is a copy,
# rewrite or relay of the other; independent reports of one event share well under 10%.
SYNDICATION_CONTAINMENT = 0.12
SYNDICATION_MIN_SHARED = 8
# A page holding most of another's prose is its copy whatever the dates (a mirror re-dates what it copies);
# one sharing less of it (a rewrite, a relay, a brief) is one only when published within RELAY_DAYS of the
# other: an agency reuses its template and background sentences across the stories of a series for months
# ("a surveillance aircraft has spotted ... transferring fuel to a North Korean tanker" in January and May).
FULL_COPY_CONTAINMENT = 0.5
RELAY_DAYS = 7

_WORD = re.compile(r"\w+", re.UNICODE)


def _normalise_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(folded)


def body_text(doc: Document) -> str:
    """The document text outside its ignored (boilerplate) regions, joined by blank lines."""
    return "\n\n".join(doc.text[a:b] for a, b in kept_ranges(len(doc.text), doc.ignored))


# A run of three or more capitalised words (linked by "of", "the", "for", "and", "'s"): an official's title or
# an organisation's name ("Acting Under Secretary of the Treasury for Terrorism and Financial Intelligence",
# "Korea Osong Shipping and Chonsurim Trading"). Every page on one designation or indictment copies such
# names from the same release, so a shingle lying wholly inside one is no sign that one page copied another's
# prose (two separate write-ups of one Treasury round shared 12% of their shingles through titles and names
# alone). Such shingles are made the page's own (salted with a digest of the page) rather than dropped: the
# page keeps its size, so a page naming many officials does not look more copied by what prose it shares,
# and shingles joining a name to the prose around it still tell a copy.
_CAP = r"[A-Z][\w.\u2019'-]*"
_NAME_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:of|the|for|and|on|de|du|des)[ \t]+)*{_CAP}){{2,}}")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """Hashed word k-shingles; blake2b keeps them stable across processes (unlike hash()).

    No shingle crosses a paragraph separator (U+2029), which :func:`own_words` puts where a quotation was;
    a shingle inside a long name or title is the page's own (see _NAME_RUN).
    """
    salt = hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
    segments = [_words_in_names(part) for part in text.split("\u2029")]
    out: set[int] = set()
    for words in segments:
        if len(words) >= k:
            for i in range(len(words) - k + 1):
                window = words[i:i + k]
                joined = " ".join(w for w, _ in window)
                out.add(_h(joined + " " + salt) if all(named for _, named in window) else _h(joined))
    if not out:
        flat = [w for words in segments for w, _ in words]
        return {_h(" ".join(flat))} if flat else set()
    return out


def _words_in_names(text: str) -> list[tuple[str, bool]]:
    """The normalised words of ``text``, each with whether it lies in a long name (see _NAME_RUN)."""
    names = [m.span() for m in _NAME_RUN.finditer(text)]
    out = []
    for m in _WORD.finditer(text):
        named = any(a <= m.start() < b for a, b in names)
        out.extend((w, named) for w in _normalise_words(m.group()))
    return out


def _h(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


# A quotation: pages quoting one official statement are not copies of one another, so quoted words are
# left out of the shingles (the quote's place becomes a break no shingle crosses).
_QUOTED = re.compile(r"[\"“”„«»][^\"“”„«»\n]{0,600}[\"“”„«»]")


def own_words(text: str) -> str:
    """``text`` without its quotations (see _QUOTED)."""
    return _QUOTED.sub(" \u2029 ", text)


def shingle_sets(docs: Iterable[Document]) -> dict[str, set[int]]:
    """doc_id -> the shingles of its body text outside quotations."""
    return {d.doc_id: shingles(own_words(body_text(d))) for d in docs}


def is_copy(shared: int, size_a: int, size_b: int, *, containment: float = SYNDICATION_CONTAINMENT,
            min_shared: int = SYNDICATION_MIN_SHARED, days_apart: int | None = None) -> bool:
    """Whether two documents sharing ``shared`` shingles are syndicated copies of one story; ``days_apart``:
    how far apart they were published (None: unknown), which a partial copy must be close in."""
    smaller = min(size_a, size_b)
    if not (smaller > 0 and shared >= min(min_shared, smaller) and shared / smaller >= containment):
        return False
    return shared / smaller >= FULL_COPY_CONTAINMENT or days_apart is None or days_apart <= RELAY_DAYS


def days_between(a: str | None, b: str | None) -> int | None:
    """Days between two publication dates (ISO, a time may follow), None when either is missing or unreadable."""
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def syndication_pairs(
    sets: dict[str, set[int]],
    *,
    containment: float = SYNDICATION_CONTAINMENT,
    min_shared: int = SYNDICATION_MIN_SHARED,
    published: Mapping[str, str | None] | None = None,
) -> list[tuple[str, str]]:
    """Sorted (a, b) doc id pairs, a < b, that are syndicated copies (see :func:`syndication_groups`);
    ``published``: doc_id -> publication date, for the partial copies (see :func:`is_copy`)."""
    dates = published or {}
    index: dict[int, list[str]] = defaultdict(list)
    for doc_id in sorted(sets):
        for s in sets[doc_id]:
            index[s].append(doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in index.values():
        if 1 < len(holders) <= 200:  # a shingle in hundreds of docs is boilerplate, not syndication
            for i, a in enumerate(holders):
                for b in holders[i + 1:]:
                    shared[(a, b)] += 1
    return sorted(
        (a, b) for (a, b), n in shared.items()
        if is_copy(n, len(sets[a]), len(sets[b]), containment=containment, min_shared=min_shared,
                   days_apart=days_between(dates.get(a), dates.get(b)))
    )


class DisjointSets:
    """Union-find over ids; the root of each set is its smallest id, so results do not depend on order."""

    def __init__(self, ids: Iterable[str]):
        self.parent = {d: d for d in ids}

    def find(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[set[str]]:
        """Every set, sorted by its smallest id."""
        found: dict[str, set[str]] = defaultdict(set)
        for d in self.parent:
            found[self.find(d)].add(d)
        return sorted(found.values(), key=min)


def groups_from_pairs(doc_ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Connected components of the copy relation, each doc in exactly one group, sorted by smallest id."""
    sets = DisjointSets(doc_ids)
    for a, b in pairs:
        if a in sets.parent and b in sets.parent:
            sets.union(a, b)
    return sets.groups()


def syndication_groups(
    docs: Iterable[Document],
    *,
    containment: float = SYNDICATION_CONTAINMENT,
    min_shared: int = SYNDICATION_MIN_SHARED,
) -> list[set[str]]:
    """Partition documents into groups of syndicated copies (every doc is in exactly one group).

    Two documents are copies when the shingles they share cover at least
    ``containment`` of the smaller one: a different headline or an extra site
    footer only adds a few shingles to one side, so containment (rather than
    Jaccard) keeps them together.  Shingles leave quotations out, so two pages
    quoting one statement share nothing by it, and the low default (12%) also
    catches condensed rewrites and relays of one story, which keep some of its
    sentences: independent reports hardly ever share whole sentences of their
    own prose.  Candidates come from an inverted index over shingles, so only
    documents sharing text are ever compared.
    """
    docs = list(docs)
    sets = shingle_sets(docs)
    return groups_from_pairs(sets, syndication_pairs(sets, containment=containment, min_shared=min_shared,
                                                     published={d.doc_id: d.published for d in docs}))



def source_keys(docs: Sequence[Document], groups: Sequence[set[str]]) -> dict[str, str]:
    """doc_id -> independent-source key: syndicated copies, pages crediting one agency's or outlet's
    story, and articles of one publisher share one key (see :mod:`sanctionwatch.linking.credit`)."""
    return source_keys_of_publishers({d.doc_id: source_publisher_key(d) for d in docs}, groups)


def source_keys_of_publishers(publisher_keys: Mapping[str, str | None], groups: Sequence[set[str]]) -> dict[str, str]:
    """:func:`source_keys` from each document's :func:`source_publisher_key` (doc_id -> key), for a caller
    that no longer holds the documents (the streaming full rebuild)."""
    sets = DisjointSets(publisher_keys)
    for g in groups:
        members = sorted(d for d in g if d in sets.parent)
        for other in members[1:]:
            sets.union(members[0], other)
    by_publisher: dict[str, str] = {}
    for doc_id, pub in publisher_keys.items():
        if pub:
            if pub in by_publisher:
                sets.union(by_publisher[pub], doc_id)
            else:
                by_publisher[pub] = doc_id
    return {d: sets.find(d) for d in publisher_keys}

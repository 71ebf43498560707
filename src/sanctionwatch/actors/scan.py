"""The two passes over parsed text: alias hits from the actor table, and trimmed spaCy NER spans."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH

from .table import (
    HYPHEN_CLASS, HYPHENS, KEEP_LABELS, POSSESSIVE, QUOTE_FOLD, WORD_RE, ActorTable, AliasIndex, AliasTarget,
    surface_key,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..read import Parsed


# --------------------------------------------------------------------------- alias pass


@dataclass(slots=True)
class AliasHit:
    start: int
    end: int
    target: AliasTarget

    @property
    def length(self) -> int:
        return self.end - self.start


# The alias pass cuts the block text into its own *pieces* with one C-level
# regex rather than walking spaCy tokens (creating a Token object per token
# costs more than the whole match): words, dotted abbreviations ("U.S.", "N."
# before a name), single hyphens, and any other non-space character.
_PIECE_RE = re.compile(
    rf"(?P<abbr>(?:[A-Za-z]\.){{2,}}|[A-Z]\.(?= ?[A-Z][a-z]))|(?P<word>\w+)|(?P<hyphen>[{HYPHEN_CLASS}])|\S"
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
    return m.group().strip().translate(QUOTE_FOLD)  # the next-piece pattern may have eaten leading space


def _candidate_starts(text: str, index: AliasIndex) -> list[int]:
    """Sorted offsets of the words where an alias match may start.

    Found with set intersection and str.find, all in C: a Python step per word
    of the text would cost more than everything else here together.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: offsets would shift
        return [m.start() for m in WORD_RE.finditer(text) if m.group().lower() in index.first_words]
    starts = []
    for word in set(WORD_RE.findall(lowered)) & index.first_words:
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


def _hits_from(text: str, pos: int, end: int, index: AliasIndex) -> list[AliasHit]:
    """Alias matches starting at pos, piece by piece, while the key is still a prefix of some alias."""
    hits: list[AliasHit] = []
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
                    hits.append(AliasHit(pos, nxt.end(), exact[acc_e]))
            if live_l:
                acc_l += key.lower()
                live_l = acc_l in lower_pre
                if live_l and acc_l in lower:
                    hits.append(AliasHit(pos, nxt.end(), lower[acc_l]))
            if not (live_e or live_l):
                break
        nxt = _NEXT_PIECE_RE.match(text, nxt.end(), end)
    return hits


def _splits_a_name(hit: AliasHit, text: str) -> bool:
    """A person alias ending inside a hyphenated given name ("Kim Song" in "Kim Song-nam")."""
    if not hit.target.person:
        return False
    tail = text[hit.end : hit.end + 2]
    return len(tail) == 2 and tail[0] in HYPHENS and tail[1].islower()


def _choose(hits: list[AliasHit]) -> list[AliasHit]:
    """Longest first, plain aliases before context ones, never overlapping."""
    chosen: list[AliasHit] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.target.requires is not None, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


# --------------------------------------------------------------------------- NER pass


@dataclass(slots=True)
class NerSpan:
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


def _ner_spans(rows: Any, strings: Any, text: str, base: int, table: ActorTable) -> list[NerSpan]:
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
                out.append(NerSpan(start, end, surface, label))
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
    if label != "PERSON":
        # "Hong Kong-based Silver Star Shipping": the place the firm is based in is no part of its name
        for k in range(lo, hi - 1):
            word = text[toks[k][0] : toks[k][1]].lower()
            if word.endswith("-based") or word == "based" and text[toks[k][0] - 1 : toks[k][0]] in ("-", "‐", "–"):
                lo = k + 1
                break
    while hi > lo:
        word = text[toks[hi - 1][0] : toks[hi - 1][1]].translate(QUOTE_FOLD).lower()
        if word in _TRAILING or not word.strip():
            hi -= 1
        else:
            break
    if hi <= lo:
        return None
    start, end = toks[lo][0], toks[hi - 1][1]
    words = text[start:end].split()
    if label != "PERSON" and not any(w[0].isupper() or w[0].isdigit() for w in words) and any(
            a == "of" and b.endswith("ing") for a, b in zip(words, words[1:])):
        return None  # "accused by the ministry of using ...": the gerund after "of" is the accusation, not a name
    # A possessive the tokenizer left attached ("Korea's" as one token).
    m = POSSESSIVE.search(text[start:end].translate(QUOTE_FOLD))
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


# --------------------------------------------------------------------------- both passes


def scan_blocks(parsed: "Parsed", table: ActorTable) -> tuple[list[AliasHit], list[NerSpan]]:
    """Both passes over every block: alias hits (already non-overlapping) and trimmed NER spans."""
    text = parsed.text
    hits: list[AliasHit] = []
    ner: list[NerSpan] = []
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

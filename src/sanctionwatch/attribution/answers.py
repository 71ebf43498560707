"""The answers of a press-conference transcript are its host's: under "Foreign Ministry Spokesperson Jane Roe's
Regular Press Conference on May 2, 2016", every paragraph from an "A:" label up to the next "Q:" is Jane Roe's
answer, sentences with no speech verb of their own included ("Fines alone will not settle the quarrel.");
a sentence with a speech verb of its own ("We believe that ...", "China hopes ...") is left to that verb, whose
"we" is the host's (speaker.py reads a "we" outside quotations as the header's author).

The sentences between the header and the first "Q:" are the host's opening announcements ("The deputy
minister will attend a trade fair in Lima next week."), and the host's too.

The labels themselves are page furniture (the clean stage ignores "Q: " and "A: ", and no one called A
answers): the header's host is the speaker and the label only marks where an answer starts.  Without such a
header (an interview page, a reader's Q&A) nothing is added.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..read import Block, Parsed
from .dash_paragraphs import block_end
from .draft import Draft, strip_span
from .sides import header_span

_LABEL = re.compile(r"^[ \t]*(?P<who>Q|A)[ \t]*:[ \t]+", re.MULTILINE)
_OCCASION = re.compile(r"(?i)(?:regular\s+|daily\s+)?(?:press\s+conference|press\s+briefing|briefing)")
# an opening announcement ends a sentence (a date line, a hit counter or the host's title line does not)
_SENTENCE_END = ".!?"
# an answer paragraph shorter than this (a stray label, a page number) says nothing
MIN_ANSWER_CHARS = 20


def _lines(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out, at = [], lo
    while at < hi:
        nl = text.find("\n", at, hi)
        end = hi if nl < 0 else nl
        s, e = strip_span(text, at, end)
        if e > s:
            out.append((s, e))
        at = end + 1
    return out


def answer_drafts(text: str, parsed: Parsed, drafts: Sequence[Draft]) -> list[Draft]:
    """One draft per paragraph of every labelled answer of a transcript whose header names its host."""
    host = header_span(text)
    labels = [(m.start("who"), m.end(), m.group("who")) for m in _LABEL.finditer(text)]
    if host is None or not labels:
        return []
    home = next((b for b in parsed.blocks if b.start <= host[0] < block_end(b)), None)
    if home is None:
        return []
    src_tokens = [t for t in home.doc if host[0] <= home.start + t.idx < host[1]]
    if not src_tokens:
        return []
    cues = sorted(c[0] for d in drafts for c in d.cue)
    # the header's own word for the occasion ("Regular Press Conference", "Press Briefing") is the opening's cue
    said = _OCCASION.search(text, host[1], text.find("\n", host[1]) if "\n" in text[host[1]:] else len(text))
    occasion = [t for t in home.doc if said and said.start() <= home.start + t.idx < said.end()]
    out: list[Draft] = []
    # the host's opening announcements: the sentences between the header and the first question
    opening = text.find("\n", host[1])
    for bi, block in enumerate(parsed.blocks):
        lo, hi = max(block.start, opening), min(block_end(block), labels[0][0])
        for s, e in _runs(text, block, lo, hi, cues) if opening >= 0 and hi > lo else ():
            if occasion and e - s >= MIN_ANSWER_CHARS and text[e - 1] in _SENTENCE_END:
                out.append(Draft(bi, [host], [(said.start(), said.end())], [(s, e)], occasion, list(src_tokens), confidence=0.5))
    for k, (at, label_end, who) in enumerate(labels):
        if who != "A":
            continue
        stop = labels[k + 1][0] if k + 1 < len(labels) else len(text)
        cue = strip_span(text, at, label_end)
        for bi, block in enumerate(parsed.blocks):
            lo, hi = max(block.start, label_end), min(block_end(block), stop)
            for s, e in _runs(text, block, lo, hi, cues) if hi > lo else ():
                if e - s >= MIN_ANSWER_CHARS:
                    out.append(Draft(bi, [host], [cue], [(s, e)], [], list(src_tokens), confidence=0.5))
    return out


def _runs(text: str, block: Block, lo: int, hi: int, cues: Sequence[int]) -> list[tuple[int, int]]:
    """Runs of the answer's sentences, within one line each, that hold no cue of their own: a sentence with
    its own speech verb ("We believe that ...", "China hopes ...") is left to that attribution."""
    out: list[tuple[int, int]] = []
    for line_lo, line_hi in _lines(text, lo, hi):
        run: tuple[int, int] | None = None
        for sent in block.doc.sents:
            s, e = strip_span(text, block.start + sent.start_char, block.start + sent.end_char)
            s, e = max(s, line_lo), min(e, line_hi)
            if e <= s:
                continue
            if any(s <= c < e for c in cues):
                if run is not None:
                    out.append(run)
                run = None
                continue
            run = (run[0], e) if run is not None else (s, e)
        if run is not None:
            out.append(run)
    return out

"""Quotations laid out over several paragraphs: dash paragraphs and quotation paragraphs with no cue.

Translated interviews introduce a speaker in a line ending in ':' and then give the words in paragraphs that
open with a dash; a long quotation may also run on over paragraphs that name nobody.  Each such paragraph
takes the speaker introduced or quoted just before it.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..read import Block, Parsed
from .assemble import content_text
from .draft import Draft, span_chars, strip_span
from .features import DASHES
from .lexicon import Lexicon
from .meaning import cue_head
from .phrases import noun_phrase
from .quotes import closer_of, last_speaker_is

ASK_LEMMAS = frozenset({"ask", "question", "interview", "quiz"})
QUOTE_OPENERS = "“\"«„"
# a paragraph this short with no attribution (a photo credit, a caption) does not end a quotation
INTERRUPTION_CHARS = 80


def block_end(block: Block) -> int:
    """Block.end without Doc.text (which rebuilds the whole string from its tokens on every call)."""
    doc = block.doc
    return block.start + (doc[-1].idx + len(doc[-1].text) if len(doc) else 0)


def _is_quote_block(block: Block) -> bool:
    """A paragraph that is one quotation from its first character ("“We call on ...”")."""
    doc = block.doc
    return len(doc) > 3 and doc[0].text[:1] in QUOTE_OPENERS


def _quotes_speaker(d: Draft, text: str) -> bool:
    return bool(d.source) and any(c in QUOTE_OPENERS for c in content_text(text, d.content))


def _is_dash_block(block: Block) -> bool:
    doc = block.doc
    return len(doc) > 1 and doc[0].text[:1] in DASHES and len(doc[0].text) == 1 and bool(doc[0].whitespace_)


def _ends_with_colon(block: Block) -> bool:
    doc = block.doc
    return len(doc) > 0 and doc[-1].text.endswith(":")


def _speaker_from_intro(block: Block, lex: Lexicon, start: int = 0) -> tuple[list[Token], list[Token]] | None:
    """For an intro line ending in ':' ("BBC asks Kim where the money goes:"), (speaker tokens, cue tokens)."""
    doc = block.doc
    for tok in doc[start:]:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in lex.cue_lemmas and lemma not in ASK_LEMMAS:
            continue
        roles = ("dobj", "dative") if lemma in ASK_LEMMAS else ("nsubj",)
        for child in tok.children:
            if child.dep_ in roles:
                return noun_phrase(child), [tok]
    return None


DashSpeaker = tuple[list[tuple[int, int]], list[tuple[int, int]], list[Token], list[Token]]

def _speaker_of(d: Draft) -> DashSpeaker:
    return d.source, d.cue, d.source_tokens, d.cue_tokens


def _intro_speaker(text: str, block: Block, own: list[Draft], lex: Lexicon) -> DashSpeaker | None:
    """Who speaks in the dash paragraphs after an intro line ending in ':'."""
    last = block.doc[-1].sent.start
    own = [d for d in own if d.cue_tokens and d.cue_tokens[0].i >= last]  # only the sentence that ends in ':'
    if own and own[-1].source:
        head = cue_head(own[-1].cue_tokens)
        if head is None or head.lemma_.lower() not in ASK_LEMMAS:
            return _speaker_of(own[-1])
    found = _speaker_from_intro(block, lex, last)  # "BBC asks Kim ...:" -> Kim answers
    if found:
        return _speaker_tuple(text, block, *found)
    return _speaker_of(own[-1]) if own and own[-1].source else None


def _cover_dash_paragraph(text: str, block: Block, own: list[Draft]) -> None:
    """In "– A. B. C, says X." the whole dash paragraph is X's quote, not just the last sentence."""
    if len(own) != 1 or not own[0].content:
        return
    d = own[0]
    start, _ = strip_span(text, block.start + 1, block_end(block))
    first = min(s for s, _ in d.content)
    spans = d.source + d.cue
    if start < first and not any(start <= s < first for s, _ in spans):
        d.content = [(start, max(e for _, e in d.content))] + [c for c in d.content if c[1] > max(e for _, e in d.content)]


def dash_drafts(text: str, parsed: Parsed, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """Attribute dash-quoted paragraphs that name no speaker to the speaker introduced just before.

    Translated news often writes "He says he worked abroad:" and then a
    paragraph opening with a dash that holds the quote.  read.py puts the two
    in separate blocks, so the link needs the neighbouring block.  A run of
    dash paragraphs keeps its speaker until an ordinary paragraph ends it.
    """
    by_block: dict[int, list[Draft]] = {}
    for d in drafts:
        by_block.setdefault(d.block, []).append(d)
    out: list[Draft] = []
    speaker: DashSpeaker | None = None
    for bi, block in enumerate(parsed.blocks):
        own = by_block.get(bi, [])
        # a quotation that runs on into the next paragraph is the words of whoever closes it there
        speaker = _speaker_of(c) if _is_quote_block(block) and not own and (c := closer_of(text, block.start, block_end(block), by_block.get(bi + 1, []))) else speaker
        if _is_dash_block(block):
            for d in own:
                d.kind = "dash"
            if own:
                _cover_dash_paragraph(text, block, own)
                if own[-1].source:
                    speaker = _speaker_of(own[-1])
            elif speaker is not None:
                s, e = strip_span(text, block.start + 1, block_end(block))
                out.append(Draft(bi, list(speaker[0]), list(speaker[1]), [(s, e)], list(speaker[3]), list(speaker[2]), kind="dash", confidence=0.6))
        elif _ends_with_colon(block):
            speaker = _intro_speaker(text, block, own, lex)
        elif _is_quote_block(block) and not own and speaker is not None:
            # a quotation paragraph with no cue continues the speaker quoted or introduced just before
            s, e = strip_span(text, block.start, block_end(block))
            out.append(Draft(bi, list(speaker[0]), list(speaker[1]), [(s, e)], list(speaker[3]), list(speaker[2]), kind="direct", confidence=0.5))
        elif own:
            quoting = [d for d in own if _quotes_speaker(d, text)]
            speaker = _speaker_of(quoting[-1]) if quoting and last_speaker_is(own, quoting[-1]) else None
        elif block_end(block) - block.start > INTERRUPTION_CHARS:
            speaker = None
    return out


def _speaker_tuple(text: str, block: Block, speaker: list[Token], cue: list[Token]):
    doc = block.doc
    src = [span_chars(text, block.start, doc, speaker[0].i, speaker[-1].i + 1)]
    cue_span = [span_chars(text, block.start, doc, cue[0].i, cue[-1].i + 1)]
    return src, cue_span, speaker, cue

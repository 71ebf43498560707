"""extract_attributions: tagger + grouping + rules -> model.Attribution records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc, Token

from ..model import Attribution, Entity, Fragment
from ..read import Block, Parsed
from .features import DASHES
from .group import Group, group_block
from .lexicon import Lexicon, load_lexicon
from .meaning import QUOTE_CHARS, cue_head, is_hedged, kind_of, stance_of
from .resolve import resolve_source
from .tagger import decode, load_tagger, tag_doc

_TRAILING = " \t\n,;:"
ASK_LEMMAS = frozenset({"ask", "question", "interview", "quiz"})


@dataclass(slots=True)
class Draft:
    """An attribution before it becomes a model record (token handles kept for the rules)."""

    block: int
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]
    cue_tokens: list[Token]
    source_tokens: list[Token] = field(default_factory=list)
    kind: str | None = None
    confidence: float = 1.0
    parent: int | None = None


def _char_span(text: str, base: int, doc: Doc, start: int, end: int) -> tuple[int, int]:
    s = base + doc[start].idx
    e = base + doc[end - 1].idx + len(doc[end - 1].text)
    return _strip(text, s, e)


def _strip(text: str, s: int, e: int, chars: str = " \t\n") -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def _frags(text: str, spans: Sequence[tuple[int, int]]) -> list[Fragment]:
    return [Fragment.of(text, s, e) for s, e in sorted(set(spans)) if e > s]


def _draft_from_group(text: str, bi: int, block: Block, g: Group) -> Draft:
    doc = block.doc
    conv = lambda spans: [_char_span(text, block.start, doc, s.start, s.end) for s in spans]  # noqa: E731
    cue_tokens = [doc[i] for s in g.cue for i in range(s.start, s.end)]
    src_tokens = [doc[i] for s in g.source for i in range(s.start, s.end)]
    scores = [s.score for s in g.cue + g.content + g.source]
    return Draft(bi, conv(g.source), conv(g.cue), conv(g.content), cue_tokens, src_tokens, confidence=min(scores))


# ------------------------------------------------------------- dash paragraphs


def _is_dash_block(block: Block) -> bool:
    t = block.doc.text
    return len(t) > 2 and t[0] in DASHES and t[1].isspace()


def _speaker_from_intro(block: Block, lex: Lexicon) -> tuple[list[Token], list[Token]] | None:
    """For an intro line ending in ':' ("BBC asks Kim where the money goes:"), (speaker tokens, cue tokens)."""
    doc = block.doc
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in lex.cue_lemmas and lemma not in ASK_LEMMAS:
            continue
        roles = ("dobj", "dative") if lemma in ASK_LEMMAS else ("nsubj",)
        for child in tok.children:
            if child.dep_ in roles:
                return list(child.subtree), [tok]
    return None


Speaker = tuple[list[tuple[int, int]], list[tuple[int, int]], list[Token], list[Token]]


def _speaker_of(d: Draft) -> Speaker:
    return d.source, d.cue, d.source_tokens, d.cue_tokens


def _intro_speaker(text: str, block: Block, own: list[Draft], lex: Lexicon) -> Speaker | None:
    """Who speaks in the dash paragraphs after an intro line ending in ':'."""
    if own and own[-1].source:
        head = cue_head(own[-1].cue_tokens)
        if head is None or head.lemma_.lower() not in ASK_LEMMAS:
            return _speaker_of(own[-1])
    found = _speaker_from_intro(block, lex)  # "BBC asks Kim ...:" -> Kim answers
    if found:
        return _speaker_tuple(text, block, *found)
    return _speaker_of(own[-1]) if own and own[-1].source else None


def _dash_drafts(text: str, parsed: Parsed, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
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
    speaker: Speaker | None = None
    for bi, block in enumerate(parsed.blocks):
        own = by_block.get(bi, [])
        if _is_dash_block(block):
            for d in own:
                d.kind = "dash"
            if own:
                if own[-1].source:
                    speaker = _speaker_of(own[-1])
            elif speaker is not None:
                s, e = _strip(text, block.start + 1, block.end)
                out.append(Draft(bi, list(speaker[0]), list(speaker[1]), [(s, e)], list(speaker[3]), list(speaker[2]), kind="dash", confidence=0.6))
        elif block.doc.text.rstrip().endswith(":"):
            speaker = _intro_speaker(text, block, own, lex)
        else:
            speaker = None
    return out


def _speaker_tuple(text: str, block: Block, speaker: list[Token], cue: list[Token]):
    doc = block.doc
    src = [_char_span(text, block.start, doc, speaker[0].i, speaker[-1].i + 1)]
    cue_span = [_char_span(text, block.start, doc, cue[0].i, cue[-1].i + 1)]
    return src, cue_span, speaker, cue


# ------------------------------------------------------------- nested attributions


def _nested_drafts(text: str, parsed: Parsed, outer: list[Draft], lex: Lexicon) -> list[Draft]:
    """Speech/cue verbs with a subject inside an outer content ("the BBC reports that the defector said ...")."""
    out: list[Draft] = []
    for oi, d in enumerate(outer):
        block = parsed.blocks[d.block]
        doc = block.doc
        for cs, ce in d.content:
            window = doc.char_span(max(cs - block.start, 0), min(ce - block.start, len(doc.text)), alignment_mode="expand")
            for tok in window if window is not None else ():
                lemma = tok.lemma_.lower()
                if tok.pos_ != "VERB" or lemma not in lex.stance_of or lemma in lex.cognition:
                    continue
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > tok.i]
                if not comp:
                    continue
                cue_toks = [c for c in tok.children if c.dep_ in ("aux", "neg", "auxpass") and c.i < tok.i] + [tok]
                cue_toks.sort(key=lambda t: t.i)
                content = list(comp[0].subtree) if comp[0].dep_ != "dobj" else list(comp[0].subtree)
                cspan = _char_span(text, block.start, doc, content[0].i, content[-1].i + 1)
                cspan = (max(cspan[0], cs), min(cspan[1], ce))
                src = []
                src_toks: list[Token] = []
                if subj:
                    src_toks = list(subj[0].subtree)
                    src = [_char_span(text, block.start, doc, src_toks[0].i, src_toks[-1].i + 1)]
                cue = [_char_span(text, block.start, doc, cue_toks[0].i, cue_toks[-1].i + 1)]
                if cspan[1] > cspan[0]:
                    out.append(Draft(d.block, src, cue, [cspan], cue_toks, src_toks, confidence=0.5, parent=oi))
    return out


# ------------------------------------------------------------- assembly


def _content_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in sorted(spans))


def _finish(text: str, d: Draft, entities: Sequence[Entity] | None, lex: Lexicon) -> Attribution:
    content_text = _content_text(text, d.content)
    stance, negated = stance_of(d.cue_tokens, content_text, lex)
    hedged = is_hedged(d.cue_tokens, content_text, lex)
    kind = d.kind or kind_of(d.cue_tokens, content_text, not d.source, False, lex)
    source = _frags(text, d.source)
    return Attribution(
        source=source,
        cue=_frags(text, d.cue),
        content=_frags(text, d.content),
        stance=stance,
        hedged=hedged,
        negated=negated,
        source_entity=resolve_source(text, source, entities, lex) if entities else None,
        parent=d.parent,
        kind=kind,
        confidence=d.confidence,
    )


def extract_attributions(parsed: Parsed, entities: list[Entity] | None = None, *, lexicon: Lexicon | None = None, model: str | None = None) -> list[Attribution]:
    """Find who said what in a parsed document.

    Outermost attributions come from the trained tagger (PolNeAR conventions);
    dash-quoted paragraphs and nested attributions come from rules.  Inner
    attributions point at their enclosing one with ``parent`` (an index into
    the returned list); the list is in document order of outer attributions,
    each followed by its nested ones.
    """
    lex = lexicon or load_lexicon()
    tagger = load_tagger(model)
    text = parsed.text
    drafts: list[Draft] = []
    for bi, block in enumerate(parsed.blocks):
        labels, scores = tag_doc(tagger, block.doc)
        for g in group_block(block.doc, decode(labels, scores)):
            drafts.append(_draft_from_group(text, bi, block, g))
    drafts += _dash_drafts(text, parsed, drafts, lex)
    drafts.sort(key=lambda d: (min(s for s, _ in d.content), d.block))
    nested = _nested_drafts(text, parsed, drafts, lex)
    ordered: list[Draft] = []
    for oi, d in enumerate(drafts):
        d.parent = None
        ordered.append(d)
        here = len(ordered) - 1
        for n in nested:
            if n.parent == oi:
                ordered.append(Draft(n.block, n.source, n.cue, n.content, n.cue_tokens, n.source_tokens, n.kind, n.confidence, here))
    return [_finish(text, d, entities, lex) for d in ordered]

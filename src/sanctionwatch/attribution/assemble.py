"""From a draft and its speaker to the Attribution record: lead separators, datelines, stance, kind."""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Token

from ..actors import dateline_end
from ..model import Attribution, Entity
from ..read import Parsed
from .draft import Draft, fragments, span_chars, strip_span
from .features import QUOTE_CHARS
from .lexicon import Lexicon
from .meaning import cue_head, is_hedged, kind_of, stance_of
from .speaker import Speaker
from .tagger import Group


def content_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in sorted(spans))


# A dateline ("SEOUL, March 4 (Yonhap) --") or a headline separator ("North Korea | ...") glued to
# the first words of a story is never part of the source that speaks after it.
_LEAD_SEPARATOR = re.compile(r"(?:\)\s*(?:--|[–—-])|--|—|\s\|\s|\n)\s*")


def after_lead(text: str, start: int, end: int) -> tuple[int, int]:
    cut = start
    for m in _LEAD_SEPARATOR.finditer(text, start, end):
        cut = m.end()
    return (cut, end) if cut < end else (start, end)


def after_dateline(text: str, start: int, end: int) -> tuple[int, int]:
    """ "UNITED NATIONS - North Korea on Monday rejected ...": the parser may make the dateline's place the
    subject and the story's subject its apposition; the source starts after a dateline (a single hyphen
    marks one only after a place in capitals, see ``dateline_end``)."""
    cut = dateline_end(text, start, end)
    while cut < end and text[cut].isspace():
        cut += 1
    return (cut, end) if start < cut < end else (start, end)


def _without_dateline(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content that opens a story starts after its dateline ("SEOUL (AP) --" is where it was filed, not what was said)."""
    if not spans:
        return spans
    start, end = spans[0]
    cut = dateline_end(text, start, end)
    while cut < end and text[cut].isspace():
        cut += 1
    return ([(cut, end)] if cut < end else []) + spans[1:]


# subordinators of a clause the writer adds after a speech verb set inside the sentence ("..., Roe said, as ...")
_ASIDE_MARKS = frozenset({"as", "while", "because", "although", "though", "since", "whereas"})


def _interrupted_clause(text: str, d: Draft) -> list[tuple[int, int]] | None:
    """ "The firms profit from the cheap labour, Roe said, as the states look away": a speech verb set inside the
    sentence reports the clause it interrupts, not the writer's subordinate clause after it."""
    head = cue_head(d.cue_tokens)
    if head is None or head.dep_ != "parataxis" or head.head.i >= head.i or not d.content or not d.cue:
        return None
    cue_end = max(e for _, e in d.cue)
    if min(s for s, _ in d.content) < cue_end or text[min(s for s, _ in d.content):].split(" ", 1)[0].lower() not in _ASIDE_MARKS:
        return None
    base = min(s for s, _ in d.cue) - d.cue_tokens[0].idx
    subjects = [c.left_edge.i for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
    start, end = head.sent.start, min(subjects or [head.i])
    if end - start < 3:
        return None
    span = strip_span(text, base + head.doc[start].idx, base + head.doc[end - 1].idx + len(head.doc[end - 1].text), " \t\n,")
    return [span] if span[1] > span[0] else None


def finish(text: str, d: Draft, speaker: Speaker | None, entities: Sequence[Entity] | None, lex: Lexicon) -> Attribution:
    d.content = _without_dateline(text, sorted(d.content)) or d.content
    d.content = _interrupted_clause(text, d) or d.content
    said = content_text(text, d.content)
    stance, negated = stance_of(d.cue_tokens, said, lex)
    if stance == "none" and not negated and _assessment(d, speaker, entities, lex):
        stance = "assert"
    pieces = d.content + d.cue
    extent = text[min(s for s, _ in pieces) : max(e for _, e in pieces)] if pieces else said
    hedged = is_hedged(d.cue_tokens, extent, lex)
    spans = d.source
    if speaker is not None and speaker.source_span is not None:
        spans = [strip_span(text, *speaker.source_span)]
    kind = d.kind or kind_of(d.cue_tokens, said, not spans, False, lex)
    source = fragments(text, [after_dateline(text, *after_lead(text, s, e)) for s, e in spans])
    return Attribution(
        source=source,
        cue=fragments(text, d.cue),
        content=fragments(text, d.content),
        stance=stance,
        hedged=hedged,
        negated=negated,
        source_entity=speaker.entity if speaker is not None and entities else None,
        parent=d.parent,
        kind=kind,
        confidence=d.confidence,
        affiliation=speaker.affiliation if speaker is not None else None,
        channel=speaker.channel if speaker is not None else None,
    )


def _assessment(d: Draft, speaker: Speaker | None, entities: Sequence[Entity] | None, lex: Lexicon) -> bool:
    """ "The spy agency believes X", "UN officials believe X": the belief of a body, or of a group speaking as one,
    is the assessment it made public; one person's "I think" stays a private thought."""
    head = cue_head(d.cue_tokens)
    if head is None or head.lemma_.lower() not in lex.assessment_cues:
        return False
    if (plural := _plural_head(d.source_tokens)) is not None:
        return plural.lemma_.lower() not in lex.commentators
    if speaker is None or speaker.entity is None:
        return False
    kinds = {e.type for e in entities or () if e.id == speaker.entity}
    return bool(kinds & lex.assessment_source_types)


def _plural_head(tokens: Sequence[Token]) -> Token | None:
    """The plural noun heading the source phrase ("officials", "the complainants"); None for a pronoun or a singular."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.tag_ in ("NNS", "NNPS") and (t.head.i not in inside or t.head.i == t.i)), None)


def block_starts(parsed: Parsed) -> dict[int, int]:
    return {id(b.doc): b.start for b in parsed.blocks}


_DATE_TOKEN = re.compile(r"^\d{4}$|\d[-/.]\d")


def source_tokens(text: str, parsed: Parsed, d: Draft) -> list[Token]:
    """The draft's source tokens without a dateline or headline glued in front of them."""
    if not d.source_tokens:
        return []
    base = block_starts(parsed).get(id(d.source_tokens[0].doc), parsed.blocks[d.block].start)
    keep = [after_dateline(text, *after_lead(text, s, e)) for s, e in d.source]
    toks = [t for t in d.source_tokens if any(s <= base + t.idx < e for s, e in keep)]
    subject = _subject_after_dateline(text, base, toks, d.cue_tokens)
    if subject:
        d.source = [span_chars(text, base, subject[0].doc, subject[0].i, subject[-1].i + 1)]
        return subject
    # a scraped date glued in front of the first sentence ("date 2024-01-02 The ministry said") is not the source
    lead = [i for i, t in enumerate(toks[:6]) if _DATE_TOKEN.search(t.text)]
    if lead and lead[-1] + 1 < len(toks):
        toks = toks[lead[-1] + 1 :]
        d.source = [span_chars(text, base, toks[0].doc, toks[0].i, toks[-1].i + 1)]
    return toks


# a participle or a coordinated verb speaks with the subject of the verb it hangs on ("slammed X, calling it ...")
_SHARES_SUBJECT = frozenset({"advcl", "xcomp", "conj"})


def _subject_after_dateline(text: str, base: int, toks: list[Token], cue_tokens: list[Token]) -> list[Token]:
    """ "SEOUL, Jan 4 (Reuters) - Iran on Sunday slammed ...": the parser may make the dateline's place the
    subject; the story's own subject after the dateline speaks. Empty when the source is no dateline."""
    head = cue_head(cue_tokens)
    if not toks or head is None or toks[0].doc is not head.doc:
        return []
    doc = head.doc
    cut = dateline_end(text, base + doc[0].idx, base + len(doc.text))
    if cut <= base + doc[0].idx or base + toks[-1].idx >= cut:
        return []
    verb = head
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and base + c.idx >= cut and c.i < verb.i), None)
        if subj is not None or verb.dep_ not in _SHARES_SUBJECT or verb.head.i == verb.i:
            break
        verb = verb.head
    if subj is None:
        return []
    # "Iran on Sunday": the time of the act is no part of who acted
    drop = {t.i for c in subj.children if c.dep_ == "prep" for t in c.subtree if any(w.ent_type_ in ("DATE", "TIME") for w in c.subtree)}
    return [t for t in subj.subtree if t.i not in drop and base + t.idx >= cut]


def without_self_quotes(out: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose content is nothing but its own source ("Yonhap reported the launch, citing
    the JCS" read as the JCS saying "the JCS"): a misparse, not an attribution.  Parents are renumbered."""
    keep = [i for i, a in enumerate(out)
            if not (a.source and a.content and all(any(s.start <= c.start and c.end <= s.end for s in a.source) for c in a.content))]
    if len(keep) == len(out):
        return out
    index = {old: new for new, old in enumerate(keep)}
    kept = [out[i] for i in keep]
    for a in kept:
        a.parent = index.get(a.parent) if a.parent is not None else None
    return kept


def clip_run_on(text: str, drafts: list[Draft]) -> None:
    """An unquoted content that runs on past its sentence into the next one, where another speaker begins ("The
    resolution also states that it is not meant to harm civilians. We maintain that it must be implemented."),
    ends where that sentence starts: the next speaker's words are not nested in the first one's (whether or not
    the run-on reaches the next speaker's cue: "... has fled. The case will take years, the prosecutor conceded.")."""
    for b in drafts:
        if not b.source or not b.cue or not b.cue_tokens:
            continue
        cue_at, b_sent = b.cue[0][0], _sentence_chars(b.cue[0][0], b.cue_tokens[0])
        for a in drafts:
            if a is b or not a.cue_tokens or not a.cue or not any(s < b_sent[1] and b_sent[0] < e for s, e in a.content):
                continue
            if any(ch in QUOTE_CHARS for s, e in a.content for ch in text[s:e]):
                continue  # a quotation may run over sentences
            a_end = _sentence_chars(a.cue[0][0], a.cue_tokens[0])[1]
            # (a body after "... told the crowd:" starts past its intro's sentence: every sentence of it is said)
            if min(s for s, _ in a.content) < a_end <= b_sent[0] and min(s for s, _ in b.source) >= b_sent[0]:
                clipped = [strip_span(text, s, min(e, b_sent[0])) for s, e in a.content if s < b_sent[0]]
                a.content = [(s, e) for s, e in clipped if e > s] or a.content


def run_on_reports(doc: Doc, groups: Sequence[Group], speech: frozenset[str]) -> set[int]:
    """Tokens of a tagger's unquoted content that ran on past its cue's sentence into a sentence with a speech verb
    and a named subject of its own ("Officials believe the crew has fled. The case will take years, the
    prosecutor conceded."): that sentence is another report, so its words are left for the rules (``clip_run_on`` then ends
    the first content where the second report's sentence starts)."""
    freed: set[int] = set()
    for g in groups:
        if not g.cue:
            continue
        end = doc[g.cue[0].start].sent.end
        for sp in g.content:
            if sp.end <= end or any(ch in QUOTE_CHARS for t in doc[sp.start : sp.end] for ch in t.text):
                continue
            for sent in {doc[i].sent.start: doc[i].sent for i in range(max(sp.start, end), sp.end)}.values():
                if any(t.lemma_.lower() in speech and t.pos_ == "VERB"
                       and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in t.children) for t in sent):
                    freed.update(range(max(sp.start, sent.start), min(sp.end, sent.end)))
    return freed


def _sentence_chars(at: int, tok: Token) -> tuple[int, int]:
    """Global character span of the sentence of ``tok``, whose first character is at ``at``."""
    base = at - tok.idx
    return base + tok.sent.start_char, base + tok.sent.end_char

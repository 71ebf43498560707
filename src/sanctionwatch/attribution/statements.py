"""Statement bodies: what follows "A spokesman issued the following statement:" is the spokesman's.

Government releases and state-media stories introduce a statement once ("A spokesperson for the
ministry issued the following statement:", "It said:", "the statement said, and went on:") and then
give its text as plain paragraphs with no speech verb of their own.  Each paragraph of such a body
becomes an attribution to the speaker of the intro; an attribution found inside a body paragraph
(the statement quoting the other side) nests under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..read import Block, Parsed
from .draft import Draft, span_chars, strip_span
from .lexicon import Lexicon
from .meaning import cue_head
from .phrases import noun_phrase, past_number_label
from .rules import subject_of

# a body paragraph shorter than this (a stray comma run, a dateline) says nothing
MIN_BODY_CHARS = 20
# a body paragraph already held this much by other attributions' contents is left to them
COVERED_SHARE = 0.5
# a paragraph this short that does not end a sentence (a caption, a credit, a headline) ends the body
SHORT_BLOCK_CHARS = 80
# how many heads up from the word before the colon the speech verb may be
INTRO_CLIMB = 6
SENTENCE_END = (".", "!", "?", "\"", "”", "’", "'", ")")
# a speech verb with one of these before the colon has said its content already
_OWN_CONTENT = frozenset({"ccomp", "dobj", "xcomp"})
# what precedes the first word of a paragraph inside a block: nothing, a line break, or KCNA's joint
# of a sentence end and a comma run ("... tears.,  Rodong Sinmun observes:")
PARAGRAPH_START = re.compile(r"(?:\A|\n|[.!?:\"”’]\s*,[\s,]*)\s*\Z")
QUOTE_OPENERS = ("\"", "“", "‘", "'", "«")
# this many quotations in a story mark it as news that quotes its speakers, where an unquoted body is one paragraph
QUOTING_STORY = 2
QUOTED_SENTENCE_WORDS = 8
# a source that is one of these in a later paragraph of a running body is the intro's speaker again
SPEAKER_PRONOUNS = frozenset({"he", "she"})


@dataclass(slots=True)
class Intro:
    """The sentence that hands on to a body: where its colon is, who speaks, and how far the body runs."""

    block: int
    colon: Token
    source: list[Token]
    cue: list[Token]
    to_end: bool  # "the following statement:" runs to the end of the text; "It said:" to the end of its paragraph


def _opens_body(doc: Doc, colon: Token) -> bool:
    """The colon ends its line: the block ends, a new line starts, or (KCNA's joined paragraphs) a comma follows."""
    nxt = colon.i + 1
    if nxt >= len(doc) or "\n" in colon.whitespace_:
        return True
    return doc[nxt].text == "," or doc[nxt].is_space and "\n" in doc[nxt].text


def _following_intro(before: list[Token], lex: Lexicon) -> tuple[Token, list[Token]] | None:
    """ "issued the following statement:" -> (issued, cue tokens issued..statement)."""
    for tok in before:
        if tok.lower_ != "following":
            continue
        noun = tok.head
        if noun.lemma_.lower() not in lex.body_intro_nouns and noun.lower_ not in lex.body_intro_nouns:
            continue
        verb = noun.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i > noun.i:
            continue
        return verb, list(verb.doc[verb.i : noun.i + 1])
    return None


def _speech_intro(colon: Token, lex: Lexicon, speech: frozenset[str]) -> tuple[Token, list[Token]] | None:
    """ "It said:" / "and went on:" -> (verb, cue tokens) when the colon follows the speech verb itself."""
    doc = colon.doc
    if colon.i == 0:
        return None
    last = doc[colon.i - 1]
    verb = last.head
    # "and goes on:" with the particle read as a bare preposition is the same phrase
    bare = last.dep_ == "prep" and not any(True for _ in last.children)
    if (last.dep_ == "prt" or bare) and f"{verb.lemma_.lower()} {last.lower_}" in lex.body_intro_particles:
        return verb, [verb, last]
    # "It said:", "a commentary observes in this regard:": the speech verb's phrase ends at the colon and
    # has no object or clause of its own, so what it says is what follows
    node = last
    # up from the word before the colon through its phrases ("observes in a bylined commentary in this regard:")
    for _ in range(INTRO_CLIMB):
        lemma = node.lemma_.lower()
        if node.pos_ in ("VERB", "AUX") and (lemma in speech or lemma in lex.addressee_verbs):
            # "told reporters:", "addressed the community:": the object is who hears, not what is said
            # (and only what follows it counts: a clause the parse hung on it from before the subject is not its own)
            hears = lemma in lex.addressee_verbs
            own = _OWN_CONTENT - {"dobj"} if hears else _OWN_CONTENT
            # a clause before the subject is the previous sentence the parse ran into this one
            # ("... shedding tears. The paper observes in this regard:"), not what the verb says
            subj = subject_of(node)
            first = node.i if hears else (subj.left_edge.i if subj is not None and subj.i < node.i else -1)
            if node.right_edge.i < colon.i - 1 or any(c.dep_ in own and first < c.i < colon.i for c in node.children):
                return None
            return node, [node]
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _ends_intro(tok: Token) -> bool:
    """A colon, glued to a bracket by the tokenizer ("(LWR):"), or the full stop that closes a sentence
    announcing "the following answer." on a line of its own (KCNA sometimes ends the intro so)."""
    return tok.text.endswith(":") and not tok.text.rstrip(":").isalnum() or tok.text == "." and tok.i == tok.sent.end - 1


def _intro_at(bi: int, colon: Token, drafts: list[Draft], lex: Lexicon, speech: frozenset[str]) -> Intro | None:
    if not _opens_body(colon.doc, colon):
        return None
    before = [t for t in colon.sent if t.i < colon.i]
    following = _following_intro(before, lex)
    if colon.text == "." and (following is None or any(t.text.endswith(":") for t in before)):
        return None
    found = following or _speech_intro(colon, lex, speech)
    if found is None:
        return None
    verb, cue = found
    subj = past_number_label(subject_of(verb))  # "the statement said, and went on:", "says the article, adding:"
    lo = before[0].i if before else colon.i
    own = [d for d in drafts if d.block == bi and d.source_tokens and d.cue_tokens and lo <= d.cue_tokens[0].i < colon.i]
    if subj is not None and verb.dep_ == "conj" and any(subj.i < d.source_tokens[0].i and d.cue_tokens[0].i < verb.i for d in own):
        # "This is a crime, the paper notes, and goes on:": the closing speaker goes on, not the clause's subject
        subj = None
    if subj is not None and subj.dep_ != "expl":
        return Intro(bi, colon, noun_phrase(subj), cue, following is not None)
    # the tagger may have read the speaker where the parse lost it
    if not own:
        return None
    nearest = max(own, key=lambda d: d.cue_tokens[0].i)
    return Intro(bi, colon, list(nearest.source_tokens), cue, following is not None)


def _runs_on(text: str, blocks: list[Block], intro: Intro, colon_end: int, lex: Lexicon) -> bool:
    """ "He said:" as a paragraph of its own, or "..., he said, adding:" closing one, before an unquoted
    paragraph: a transcribed statement (state media, a release) that runs on over the paragraphs after
    it, where a news story would quote the words."""
    home = blocks[intro.block]
    rest = text[colon_end : home.end]
    if intro.to_end or rest.strip(" ,\n\t") and not rest.lstrip(" \t").startswith(","):
        return False  # the colon does not end its paragraph (KCNA joins paragraphs with ", ,")
    nxt = rest if rest.strip(" ,\n\t") else (text[blocks[intro.block + 1].start :] if intro.block + 1 < len(blocks) else "")
    if not nxt.strip(" ,\n\t") or nxt.lstrip(" ,\n\t").startswith(QUOTE_OPENERS):
        return False
    verb = intro.cue[0]
    going_on = verb.lemma_.lower() in lex.body_running_verbs or len(intro.cue) > 1 and (
        f"{verb.lemma_.lower()} {intro.cue[-1].lower_}" in lex.body_intro_particles
    )
    first = min(intro.source[0].idx, intro.cue[0].idx)
    return going_on or PARAGRAPH_START.search(text[home.start : home.start + first]) is not None


def _quoted_speech(text: str, drafts: list[Draft]) -> int:
    """How many attributions give a sentence in quotation marks (the content opens with a quote and runs to
    QUOTED_SENTENCE_WORDS words: a scare-quoted phrase, as state media put around their targets' words, is not one)."""
    n = 0
    for d in drafts:
        if not d.content:
            continue
        s, e = min(d.content)[0], max(d.content)[1]
        if text[s:e].startswith(QUOTE_OPENERS) and len(text[s:e].split()) >= QUOTED_SENTENCE_WORDS:
            n += 1
    return n


def _head(tokens: list[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), None)


def _narrator_returns(text: str, block: Block, bi: int, intro: Intro, drafts: list[Draft], speech: frozenset[str]) -> bool:
    """A paragraph where the narrator speaks again ends a running body: one that opens a quotation, reports
    the speaker anew ("The spokesman warned that ...", "He also said ..."), quotes someone ("Mook told CBS,
    '...'") or gives a named party's words ("Shelby said ...").  A body's own nested reports ("the
    military authorities disclosed that ...") and the tagger's stray cues ("the people are pushing
    forward") do not."""
    if text[block.start : block.end].lstrip(" ,\n\t").startswith(QUOTE_OPENERS):
        return True
    own = _head(intro.source)
    for d in drafts:
        if d.block != bi or not d.source_tokens or not d.cue_tokens or d.source_tokens[0].i > d.cue_tokens[0].i:
            continue
        head, verb = _head(d.source_tokens), cue_head(d.cue_tokens)
        if head is None or own is None or verb is None:
            continue
        if head.lower_ in SPEAKER_PRONOUNS or head.lemma_.lower() == own.lemma_.lower():
            return True
        quoted = any(q in text[cs:ce] for cs, ce in d.content for q in QUOTE_OPENERS)
        if verb.lemma_.lower() in speech and (quoted or head.pos_ == "PROPN"):
            return True
    return False


def _units(
    parsed: Parsed, intro: Intro, stop: tuple[int, int], drafts: list[Draft], lex: Lexicon, speech: frozenset[str]
) -> list[tuple[int, int, int]]:
    """(block, start, end) of each body paragraph, from the colon to the end the intro allows or to `stop`
    (the next intro's sentence).  A paragraph is one unit, as a dash paragraph is: PolNeAR and the
    gold sets annotate a block quotation whole."""
    text = parsed.text
    blocks = parsed.blocks
    home = blocks[intro.block]
    colon_end = home.start + intro.colon.idx + len(intro.colon.text)
    at_block_end = not text[colon_end : home.end].strip(" ,\n\t")
    # a story that quotes its speakers in quotation marks gives a "said:" one paragraph, as news does
    runs_on = _runs_on(text, blocks, intro, colon_end, lex) and _quoted_speech(text, drafts) < QUOTING_STORY
    whole = intro.to_end or runs_on
    last_block = len(blocks) - 1 if whole else min(intro.block + (1 if at_block_end else 0), len(blocks) - 1)
    out: list[tuple[int, int, int]] = []
    for bi in range(intro.block, last_block + 1):
        block = blocks[bi]
        raw = text[block.start : block.end].strip()
        if bi > intro.block and len(raw) < SHORT_BLOCK_CHARS and not raw.endswith(SENTENCE_END):
            break
        if runs_on and bi > intro.block + 1 and _narrator_returns(text, block, bi, intro, drafts, speech):
            break
        lo, hi = (colon_end if bi == intro.block else block.start), block.end
        if bi == stop[0]:
            hi = min(hi, block.start + block.doc[stop[1]].idx)
        elif bi > stop[0]:
            break
        s, e = strip_span(text, lo, hi, " ,\n\t")
        if e - s >= MIN_BODY_CHARS and any(c.isalpha() for c in text[s:e]):
            out.append((bi, s, e))
        if bi == stop[0]:
            break
    return out


def _leading_report(text: str, parsed: Parsed, intro: Intro, speech: frozenset[str], drafts: list[Draft]) -> Draft | None:
    """ "Such moves may become a new threat, the article noted, and went on:": the words before the inserted
    "the article noted" are the article's too, though the parse hangs the speech verb on them."""
    verb = intro.cue[0]
    said = verb.head
    if verb.dep_ != "conj" or said.dep_ != "parataxis" or said.lemma_.lower() not in speech:
        return None
    subj = subject_of(said)
    sent = said.sent
    if subj is None or subj.left_edge.i <= sent.start or said.head.i >= subj.left_edge.i:
        return None
    home = parsed.blocks[intro.block]
    s, e = strip_span(text, home.start + sent.start_char, home.start + subj.left_edge.idx, " ,\n\t")
    if e - s < MIN_BODY_CHARS or any(cs < e and s < ce for d in drafts for cs, ce in d.content):
        return None
    src = span_chars(text, home.start, home.doc, intro.source[0].i, intro.source[-1].i + 1)
    cue = span_chars(text, home.start, home.doc, said.i, said.i + 1)
    return Draft(intro.block, [src], [cue], [(s, e)], [said], list(intro.source), confidence=0.5)


def _covered(span: tuple[int, int], drafts: list[Draft]) -> bool:
    """Another attribution introduced outside the paragraph already holds it (a quotation continued
    from before); one whose cue is inside it is the statement reporting others and nests under it."""
    s, e = span
    held = sum(
        max(0, min(e, ce) - max(s, cs))
        for d in drafts
        if d.cue and not s <= d.cue[0][0] < e
        for cs, ce in d.content
    )
    return held >= COVERED_SHARE * (e - s)


def body_drafts(text: str, parsed: Parsed, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """One draft per paragraph of every statement body, spoken by the intro's speaker."""
    speech = frozenset(lex.stance_of.keys() - lex.cognition)
    intros: list[Intro] = []
    for bi, block in enumerate(parsed.blocks):
        for tok in block.doc:
            if _ends_intro(tok):
                intro = _intro_at(bi, tok, drafts, lex, speech)
                if intro is not None:
                    intros.append(intro)
    out: list[Draft] = []
    starts = {id(b.doc): b.start for b in parsed.blocks}
    for intro in intros:
        lead = _leading_report(text, parsed, intro, speech, drafts)
        if lead is not None:
            out.append(lead)
    for k, intro in enumerate(intros):
        nxt = intros[k + 1] if k + 1 < len(intros) else None
        stop = (nxt.block, nxt.colon.sent.start) if nxt is not None else (len(parsed.blocks), 0)
        home: Block = parsed.blocks[intro.block]
        src = [span_chars(text, home.start, home.doc, intro.source[0].i, intro.source[-1].i + 1)]
        cue = [span_chars(text, home.start, home.doc, intro.cue[0].i, intro.cue[-1].i + 1)]
        for bi, s, e in _units(parsed, intro, stop, drafts, lex, speech):
            _own_subjects(text, (s, e), home.start + intro.colon.idx, drafts, starts)
            if _covered((s, e), drafts):
                continue
            out.append(Draft(bi, list(src), list(cue), [(s, e)], list(intro.cue), list(intro.source), confidence=0.5))
    return out


def _own_subjects(text: str, body: tuple[int, int], colon_at: int, drafts: list[Draft], starts: dict[int, int]) -> None:
    """ "The director general said in a report that ..." inside a body: a speech verb with a subject of its
    own in the body is that subject's, not the intro speaker's the tagger (or a parse that ran the intro
    and the body together) reached back to across the colon."""
    for d in drafts:
        if not d.cue or not d.cue_tokens or not body[0] <= d.cue[0][0] < body[1]:
            continue
        if not d.source or d.source[0][0] >= colon_at:
            continue
        base = starts.get(id(d.cue_tokens[0].doc))
        if base is None:
            continue
        subj = _body_subject(cue_head(d.cue_tokens), base, body)
        if subj is None:
            continue
        cue_i = d.cue_tokens[0].i
        phrase = [t for t in noun_phrase(subj) if t.i < cue_i]
        d.source = [span_chars(text, base, subj.doc, phrase[0].i, phrase[-1].i + 1)]
        d.source_tokens = phrase


def _body_subject(verb: Token | None, base: int, body: tuple[int, int]) -> Token | None:
    if verb is None:
        return None
    inside = lambda t: body[0] <= base + t.idx < body[1]  # noqa: E731
    subj = subject_of(verb)
    if subj is not None and inside(subj):
        return None if subj.pos_ == "PRON" else subj
    # the parse hung the body's opening noun phrase on the intro: the first noun of the body before
    # the verb whose head lies before the body is the subject it lost
    for t in verb.doc[: verb.i]:
        if inside(t) and t.pos_ in ("NOUN", "PROPN") and not inside(t.head) and t.head.i < t.i:
            return t
    return None

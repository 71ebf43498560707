"""Quotations split across sentences: the opening sentences belong to whoever closes the quotation.

In "Holm assured clients that deposits were safe. “We have reserves. Every account is backed,” Holm
wrote." the tagger often hands the first quoted sentence to the attribution before it and gives the
closing cue only the last sentence, or leaves the first sentences to nobody.  The quotation is one
piece of speech: what lies between its opening mark and the closing speaker's content is the closing
speaker's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .draft import Draft, span_chars, strip_span
from .features import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT_QUOTES

# a quotation longer than this (characters) is not searched back for its opening mark
MAX_QUOTE_CHARS = 1200


def _opening_before(text: str, start: int) -> int | None:
    """The opening mark of the quotation whose closing mark ends the content starting at ``start``."""
    for i in range(start - 1, max(-1, start - MAX_QUOTE_CHARS), -1):
        ch = text[i]
        if ch in CLOSE_QUOTES or ch == "\n":
            return None
        if ch in OPEN_QUOTES:
            return i
    return None


def _closes_unopened(text: str, span: tuple[int, int]) -> bool:
    piece = text[span[0] : span[1]]
    return any(c in CLOSE_QUOTES for c in piece) and not any(c in OPEN_QUOTES for c in piece)


def reclaim_quote_openings(text: str, drafts: list[Draft]) -> None:
    """Move the opening sentences of a split quotation to the draft whose content closes it."""
    for d in drafts:
        if not d.content or not d.source:
            continue
        first = min(d.content)
        if not _closes_unopened(text, first):
            continue
        opening = _opening_before(text, first[0])
        if opening is None or any(opening <= c[0] < first[0] for c in d.cue):
            continue  # 'the envoy “stressed that ...”': the quotation opens on the draft's own cue
        held = False
        for other in drafts:
            if other is d:
                continue
            inside = [c for c in other.content if c[0] < first[0] and opening < c[1]]
            held = held or bool(inside)
            moved = [c for c in inside if opening <= c[0] and c[1] <= first[0]]
            # the other draft keeps what it said before the quotation opened
            if moved and len(moved) < len(other.content):
                other.content = [c for c in other.content if c not in moved]
                d.content = sorted(d.content + moved)
        if not held:
            # nobody was given the opening sentences: they join the closing speaker's content
            gap = strip_span(text, opening, first[0])
            if gap[1] > gap[0]:
                d.content = sorted(d.content + [gap])


_ENDS_SENTENCE = frozenset(",.!?:;")


def closes_on_a_word(text: str, k: int) -> bool:
    """The character at ``k`` is a closing quotation mark right after a word, not after punctuation or a
    space: the quoted words stop in the middle of their sentence ('... back to" Pyongyang, ...')."""
    return 1 <= k < len(text) and text[k] in CLOSE_QUOTES | STRAIGHT_QUOTES and not text[k - 1].isspace() \
        and text[k - 1] not in _ENDS_SENTENCE


def _token_at(doc: Doc, base: int, pos: int) -> int | None:
    """The index of the token holding the character at ``pos`` (text offsets; the doc starts at ``base``)."""
    span = doc.char_span(pos - base, pos - base + 1, alignment_mode="expand") if 0 <= pos - base < len(doc.text) else None
    if not span:
        return None
    t = span[0]
    return t.i if base + t.idx <= pos < base + t.idx + len(t.text) else None


# how the words after the quotation may hang on the reported clause: its own subject, object or complement, never
# a clause of their own ("... was \u201cright\u201d when he said ...", "... \u201cdisgusting\u201d and encouraged ...")
_RUN_ON_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound", "amod", "det", "poss", "nummod",
                          "ccomp", "xcomp", "aux", "auxpass", "advmod", "npadvmod", "attr", "acomp", "case", "neg", "prt"})


def run_on_after_quote(text: str, doc: Doc, base: int, d: Draft, cues: frozenset[str] = frozenset()) -> None:
    """ 'assessed that it is "highly likely" the country could mount a warhead': a quoted phrase that closes on
    a word inside a reported clause does not end the clause; the content runs on to the clause's end."""
    if not d.content or not d.cue_tokens or d.cue_tokens[0].doc is not doc:
        return
    s, e0 = max(d.content)
    # the tagger may stop just inside the closing mark ('that it is "highly likely')
    e = e0 + 1 if e0 < len(text) and text[e0] in CLOSE_QUOTES | STRAIGHT_QUOTES and text[e0 - 1].isalnum() else e0
    if e >= len(text) or not closes_on_a_word(text, e - 1):
        return
    if text[e] != " " or not text[e + 1 : e + 2].isalnum():
        return
    nxt = _token_at(doc, base, e + 1)
    first = _token_at(doc, base, s)
    if nxt is None or first is None:
        return
    cue = {t.i for t in d.cue_tokens}
    sent = doc[nxt].sent
    t = doc[nxt]
    if doc[nxt].pos_ in ("CCONJ", "SCONJ") or doc[nxt].tag_ in ("WRB", "WDT", "WP"):
        return
    while t.head.i != t.i and first <= t.head.i < sent.end and t.head.i not in cue:
        if t.dep_ not in _RUN_ON_DEPS:
            return
        t = t.head
    if t.i >= nxt:
        return  # the words after the quotation hang on the cue, not on the reported clause ('called it "a farce" and left')
    end = min(t.right_edge.i + 1, sent.end)
    while end > nxt and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= nxt:
        return
    if any(doc[k].lemma_.lower() in cues and doc[k].pos_ == "VERB" for k in range(nxt, end)):
        return  # someone else's report inside the run-on is an attribution of its own
    new_end = span_chars(text, base, doc, nxt, end)[1]
    # never into the attribution's own source or cue ('"we will win" the leader said')
    if any(e < a < new_end for a, _ in d.source + d.cue):
        return
    d.content = [(a, new_end) if (a, b) == (s, e0) else (a, b) for a, b in d.content]


def last_speaker_is(own: list[Draft], quoting: Draft) -> bool:
    """Whether the quoting draft's speaker still holds the floor at the end of its paragraph: no later draft,
    or only ones whose source lies inside its source (' "...," said Roe, a lecturer, referring to the drills.')."""
    later = own[own.index(quoting) + 1 :]
    return all(d.source and all(any(qs <= s and e <= qe for qs, qe in quoting.source) for s, e in d.source) for d in later)


def _left_open(piece: str) -> bool:
    """A paragraph whose quotation does not close in it ("“If the plan fails, ..." with no closing mark)."""
    curly_open, curly_close, straight = piece.count("“"), piece.count("”"), piece.count('"')
    return curly_open > curly_close if curly_open else straight % 2 == 1


def closer_of(text: str, start: int, end: int, following: list[Draft]) -> Draft | None:
    """The first draft of the next paragraph whose content closes the quotation this paragraph leaves open."""
    if not _left_open(text[start:end]):
        return None
    for d in following:
        words = " ".join(text[s:e] for s, e in sorted(d.content)).rstrip(" ,.")
        if d.source and words[-1:] in ("”", '"'):
            return d
    return None


def repair_quotations(text: str, blocks: list, drafts: list[Draft], cues: frozenset[str]) -> None:
    """Split quotations back to their closing speaker, then let reported clauses run on past quoted phrases."""
    reclaim_quote_openings(text, drafts)
    for d in drafts:
        run_on_after_quote(text, blocks[d.block].doc, blocks[d.block].start, d, cues)

"""A report whose content opens with a subject interrupted by a parenthesis between dashes: "The ministry said the tanker
— which was seized by the coast guard in April — had carried coal to the port".

The tagger reads the passive inside the dashes as the sentence's report and drops the verb that reports the whole
clause; the parser, for its part, often hangs the interrupted subject on the reporting verb as a second subject.  The
reporting verb keeps its clause, subject and parenthesis included (the aside is the writer's or the speaker's, and a
report inside it stays nested in the content).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .tagger import Group, TokenSpan

__all__ = ["interrupted_report", "widen_interrupted"]

_DASHES = frozenset({"—", "–", "--", "-"})
_SUBJECTS = ("nsubj", "nsubjpass")


def _subject_before(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)


def _aside_end(doc: Doc, subj: Token, before: int) -> int | None:
    """The index of the closing dash of a dash-bounded relative clause or apposition hung on ``subj``."""
    for aside in subj.children:
        if aside.dep_ not in ("relcl", "appos", "acl") or aside.i < subj.i:
            continue
        lo, hi = aside.left_edge.i, aside.right_edge.i
        if lo > 0 and doc[lo - 1].text in _DASHES and hi + 1 < before and doc[hi + 1].text in _DASHES:
            return hi + 1
    return None


def interrupted_report(verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """(source, cue, content) token ranges of such a report, or None."""
    doc = verb.doc
    said_by = _subject_before(verb)
    if said_by is None or said_by.lower_ in ("it", "there"):
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        # the clause's own subject, or the one the parser hung on the reporting verb after it
        subj = _subject_before(clause) or next((c for c in verb.children if c.dep_ in _SUBJECTS and verb.i < c.i < clause.i), None)
        if subj is None or _aside_end(doc, subj, clause.left_edge.i if clause.left_edge.i > subj.i else clause.i) is None:
            continue
        hi = clause.right_edge.i + 1
        while hi > subj.left_edge.i + 1 and doc[hi - 1].is_punct:
            hi -= 1
        return (said_by.left_edge.i, said_by.right_edge.i + 1), (verb.i, verb.i + 1), (subj.left_edge.i, hi)
    return None


def widen_interrupted(doc: Doc, g: Group) -> None:
    """A tagger reading of such a report whose content stops at the first dash ("said [the tanker] — which ...")
    takes the whole clause."""
    if len(g.cue) != 1 or not g.content or g.cue[0].end - g.cue[0].start != 1:
        return
    found = interrupted_report(doc[g.cue[0].start])
    if found is None:
        return
    lo, hi = found[2]
    if any(c.start < lo or c.end > hi for c in g.content) or max(c.end for c in g.content) >= hi:
        return
    g.content = [TokenSpan("content", lo, hi, max(c.score for c in g.content))]

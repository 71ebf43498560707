"""A that-clause the parser hung on the occasion of a statement: in "Hua told reporters at a daily briefing
that China has always implemented the resolutions" it reads "a briefing that ..." as a relative clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .rules import trimmed

__all__ = ["OCCASION_PREPS", "occasion_clause_rule"]

# the prepositions of an occasion ("at a briefing", "in an interview", "during a visit"); "about the claims
# that ..." names what was talked about, whose own clause it keeps
OCCASION_PREPS = frozenset({"at", "in", "during"})

# "at the time": an occasion that only means "then"
_THEN_NOUNS = frozenset({"time"})
_RELATIVE_WORDS = frozenset({"which", "who", "whom", "that", "when", "where"})
# what a clause holds besides its subject once "that" only introduces it: an object, a complement, a passive
_MORE_THAN_THAT = frozenset({"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "auxpass", "advcl", "prep"})


def _misread_clause(noun: Token) -> tuple[Token, Token] | None:
    """(that, clause verb) when the relative (or noun) clause on ``noun`` is a reported clause: "that" opens it, and the
    clause has a subject and a complement of its own ("a briefing that officials attended" has neither)."""
    clause = next((g for g in noun.children if g.dep_ in ("relcl", "acl") and g.i > noun.i), None)
    if clause is None:
        return None
    that = clause.doc[min(t.i for t in clause.subtree)]
    if that.lower_ != "that" or that.head.i != clause.i:
        # "said at the time it had detected the transfer": no "that", the clause starting on its own subject
        # right after the time noun ("the time when ..." would need a gap the full clause does not leave)
        if not (noun.lemma_.lower() in _THEN_NOUNS and that.i == noun.i + 1 and that.dep_ in ("nsubj", "nsubjpass")
                and that.head.i == clause.i and that.lower_ not in _RELATIVE_WORDS):
            return None
        more = any(g.dep_ in _MORE_THAN_THAT and g.i > that.i for g in clause.children)
        return (that, clause) if more else None
    subject = any(g.dep_ in ("nsubj", "nsubjpass") and g.i != that.i for g in clause.children)
    more = any(g.dep_ in _MORE_THAN_THAT and g.i not in (that.i,) and g.i > that.i for g in clause.children)
    return (that, clause) if subject and more else None


def occasion_clause_rule(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """(source, cue, content) for a speech verb whose reported clause the parser hung on the noun of an
    occasion phrase after it ("at a daily briefing", "in an interview", "during a visit")."""
    if verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subj is None or subj.lower_ in ("it", "there") or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in OCCASION_PREPS):
        noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
        found = _misread_clause(noun) if noun is not None else None
        if found is not None:
            that, clause = found
            src = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
            content = trimmed(doc, that.i, clause.right_edge.i + 1)
            if src[1] > src[0] and content[1] - content[0] >= 3:
                return src, (verb.i, verb.i + 1), content
    return None

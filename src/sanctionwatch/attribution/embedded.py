"""Reports embedded in another phrase: a report verb inside a relative clause ("the group which Washington
believes is run by the spy agency") and another side's claim as the object of a denial ("denied on Sunday
Washington's claims that ..."), where the claim is an attribution of its own that nests in the denial."""

from __future__ import annotations

from spacy.tokens import Doc, Token


__all__ = ["AGENT_PREPS", "PERIODICALS", "agent_gap_end", "claims_object", "relative_report_rule"]

AGENT_PREPS = frozenset({"by", "from"})
# "a report by a Japanese daily": the parser's date reading of a newspaper's name for itself
PERIODICALS = frozenset({"daily", "weekly", "monthly"})
_CLAIM_DEPS = ("dobj", "prep")


def _trimmed(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Drop edge punctuation, quotation marks included: an embedded report's pieces are never quoted whole."""
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def claims_object(verb: Token, taken: set[int], claim_nouns: frozenset[str], documents: frozenset[str] = frozenset()) -> set[int]:
    """Tokens of the verb's complements that hold another side's claim ("denied on Sunday Washington's claims
    that ..."): the denial's content is that whole attribution, which nests in it, so they do not block it.
    A claim or a document may hold it after its noun ("denounced a report by UN experts concluding that ...",
    "rejected accusations by UN experts that ..., describing ...", where the tagger read the inner one)."""
    free: set[int] = set()
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in _CLAIM_DEPS:
            continue
        noun = c if c.dep_ == "dobj" else next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if noun is None:
            continue
        lemma = noun.lemma_.lower()
        holds = any(t.i in taken for r in noun.rights for t in r.subtree)
        if (lemma in claim_nouns and (noun.i in taken or holds)) or (lemma in documents and holds):
            free.update(range(c.left_edge.i, c.right_edge.i + 1))
    return free


_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})


def relative_report_rule(doc: Doc, verb: Token, taken: set[int]) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "the group which Washington believes is run by the spy agency", "hackers who Seoul says work for the
    army": a report verb inside a relative clause; what follows it is what its subject holds of the antecedent."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.lower_ in _RELATIVE_PRONOUNS or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    if subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].lower_ not in _RELATIVE_PRONOUNS:
        return None
    comp = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "dobj") and c.pos_ in ("VERB", "AUX")), None)
    if comp is None:
        return None
    content = _trimmed(doc, verb.i + 1, comp.right_edge.i + 1)
    src = _trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
    if content[1] <= content[0] or src[1] <= src[0] or any(i in taken for lo, hi in (src, content) for i in range(lo, hi)) or verb.i in taken:
        return None
    return src, (verb.i, verb.i + 1), content


# "a report by a German weekly, Der Spiegel, on Monday that ...": what may stand between a noun cue and its
# that-clause when the noun's agent comes first
_GAP_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PUNCT", "ADP", "PART"})
_MAX_GAP = 14


def agent_gap_end(doc: Doc, noun: Token) -> int | None:
    """Index of the "that" opening the noun's clause after an agent phrase ("by X, Y, on Monday"), or None."""
    first = noun.i + 1
    if first + 1 >= len(doc) or doc[first].lower_ not in AGENT_PREPS or doc[first + 1].pos_ == "ADP":
        return None  # "a report from over the weekend": a time, not who reports
    sent_end = noun.sent.end
    for k in range(first + 1, min(sent_end, first + _MAX_GAP)):
        t = doc[k]
        if t.lower_ == "that":
            clause = t.head
            # a mark, not a relative pronoun ("a report by the agency that covered ..."); the parse may give the
            # clause a noun head ("that the North transported shells": "shells")
            if t.dep_ == "mark" and clause.i > k:
                return k
            return None
        if t.pos_ not in _GAP_POS or t.is_punct and t.text != ",":
            return None
    return None

"""Reports embedded in another phrase: a report verb inside a relative clause ("the group which Washington
believes is run by the spy agency") and another side's claim as the object of a denial ("denied on Sunday
Washington's claims that ..."), where the claim is an attribution of its own that nests in the denial."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .rules import _CONTENT_DEPS as CONTENT_DEPS, _trimmed as trimmed

__all__ = ["claims_object", "relative_report_rule"]


def claims_object(verb: Token, taken: set[int], claim_nouns: frozenset[str]) -> set[int]:
    """Tokens of the verb's complements that hold another side's claim ("denied on Sunday Washington's claims
    that ..."): the denial's content is that whole attribution, which nests in it, so they do not block it."""
    free: set[int] = set()
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in CONTENT_DEPS:
            continue
        noun = c if c.dep_ == "dobj" else next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if noun is not None and noun.lemma_.lower() in claim_nouns and noun.i in taken:
            free.update(range(c.left_edge.i, c.right_edge.i + 1))
    return free


_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})


def relative_report_rule(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """ "the group which Washington believes is run by the spy agency", "hackers who Seoul says work for the
    army": a report verb inside a relative clause; what follows it is what its subject holds of the antecedent."""
    if verb.dep_ != "relcl":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.lower_ in _RELATIVE_PRONOUNS or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    if subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].lower_ not in _RELATIVE_PRONOUNS:
        return None
    comp = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "dobj") and c.pos_ in ("VERB", "AUX")), None)
    if comp is None:
        return None
    content = trimmed(doc, verb.i + 1, comp.right_edge.i + 1)
    src = trimmed(doc, subj.left_edge.i, subj.right_edge.i + 1)
    if content[1] <= content[0] or src[1] <= src[0]:
        return None
    return src, (verb.i, verb.i + 1), content

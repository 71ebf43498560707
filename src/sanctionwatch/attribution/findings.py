"""A finding carried by a relative clause on the object: "Analysts uncovered five accounts that were tied to the
network" reports that the accounts were tied to the network, and the analysts are its source.

The verb of finding out takes no clause here (that would be "found that the accounts were ..."), so the rules that
read a report from a verb's clause pass it by; its object is a noun whose relative clause, with the relative pronoun
as its subject, states what was found about that noun.  Without such a clause ("the coast guard found the ship")
the sentence reports an act, not a finding, and nothing is read.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_RELATIVE_SUBJECTS = frozenset({"that", "which", "who"})
_SUBJECT_POS = frozenset({"PROPN", "NOUN"})
_SPAN = tuple[int, int]


def object_finding(verb: Token, finding_verbs: frozenset[str], taken: set[int]) -> tuple[_SPAN, _SPAN, _SPAN] | None:
    """(source, cue, content) token ranges of a finding in a relative clause on the verb's object, or None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in finding_verbs or verb.i in taken:
        return None
    children = list(verb.children)
    if any(c.dep_ in ("nsubjpass", "auxpass", "ccomp", "neg") for c in children):
        return None  # passive (no finder named), a clause of its own (the verb rules read it), or a denial
    subj = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in _SUBJECT_POS), None)
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in _SUBJECT_POS), None)
    if subj is None or obj is None:
        return None
    clause = next((c for n in _holders(verb, obj) for c in n.children if c.dep_ == "relcl" and c.i > obj.i and _relative_subject(c)),
                  None)
    if clause is None:
        return None
    doc = verb.doc
    end = max([clause.right_edge.i + 1] + [c.right_edge.i + 1 for c in _stray_conjuncts(verb, clause)])
    while end > obj.i and doc[end - 1].is_punct:
        end -= 1
    src = (subj.left_edge.i, subj.right_edge.i + 1)
    content = (obj.left_edge.i, end)
    if any(i in taken for lo, hi in (src, content) for i in range(lo, hi)):
        return None
    return src, (verb.i, verb.i + 1), content


def _holders(verb: Token, obj: Token) -> list[Token]:
    """The object, and the noun of a time or place phrase right after it ("found accounts on Monday that were ..."):
    the parser often hangs the relative clause on that nearer noun, though a date or a port holds no finding."""
    out = [obj]
    prep = next((c for c in list(verb.children) + list(obj.children)
                 if c.dep_ == "prep" and c.i == obj.right_edge.i + 1), None)
    if prep is not None:
        out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _stray_conjuncts(verb: Token, clause: Token) -> list[Token]:
    """A passive verb with no subject of its own joined to the finding verb after the clause ("found accounts that
    held coins and were tied to the network"): the parser's attachment; the finder is not what "was tied", the
    accounts are, so it continues the relative clause."""
    return [c for c in verb.children if c.dep_ == "conj" and c.i > clause.i
            and any(g.dep_ == "auxpass" for g in c.children) and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]


def _relative_subject(clause: Token) -> bool:
    """The clause's subject is its relative pronoun: it says something of the object ("accounts that were ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE_SUBJECTS for c in clause.children)


def object_findings(doc: Doc, finding_verbs: frozenset[str], taken: set[int]) -> list[tuple[_SPAN, _SPAN, _SPAN]]:
    """Every such finding of a block, in order."""
    out = []
    for tok in doc:
        found = object_finding(tok, finding_verbs, taken)
        if found is not None:
            out.append(found)
    return out

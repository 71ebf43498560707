"""Objects hedged by a free relative: "fired what appeared to be two missiles", "seized what was believed to be
coal". The parser makes "what" the subject of a clause under the verb; the noun the clause names is what the
verb acts on, for typing the event, its goods and its time."""

from __future__ import annotations

from spacy.tokens import Token

_FREE_RELATIVE = frozenset({"what", "whatever"})


def hedge_clauses(trigger: Token, hedge_verbs: frozenset[str]) -> list[Token]:
    """The clause verbs of a hedged object of ``trigger`` (the hedge verb and its "to be"), outermost first."""
    for c in trigger.children:
        if c.dep_ not in ("ccomp", "dobj", "xcomp") or c.lemma_.lower() not in hedge_verbs:
            continue
        if not any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in _FREE_RELATIVE for s in c.children):
            continue
        return [c, *(x for x in c.children if x.dep_ in ("xcomp", "ccomp") and x.lemma_ == "be")]
    return []


def hedged_objects(trigger: Token, hedge_verbs: frozenset[str]) -> list[Token]:
    """The nouns a hedged object names ("two missiles" in "what appeared to be two missiles")."""
    return [a for v in hedge_clauses(trigger, hedge_verbs) for a in v.children
            if a.dep_ in ("attr", "oprd", "acomp") and a.pos_ in ("NOUN", "PROPN")]

"""Nominal events typed by their document.

A noun trigger normally needs a context word ("the launch of a satellite"). One
with an actor as possessor but no context word ("North Korea's launch on Nov.
21 was its third attempt") is an event when the document reports events its
lemma can trigger: it takes the most frequent such type. So is a bare definite
one that refers back to such an event ("the exchange disclosed the breach on
Friday"): the document has already said what it was.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ..actors import entity_at
from .argument_spans import ArgumentContext
from .sentence_keys import sentence_keys
from .triggers import TriggerHit


def document_typed_hits(ctx: ArgumentContext, sent: Span, doc_types: Counter[str], taken: set[int]) -> list[TriggerHit]:
    """Nominal triggers with an actor as possessor but no context word ("North Korea's launch on
    Nov. 21"), typed by the most frequent event type of the document that the lemma can trigger."""
    out: list[TriggerHit] = []
    keys = sentence_keys(sent)
    for k, (lemma, pos) in enumerate(zip(keys.lemma, keys.pos)):
        if pos != "NOUN":
            continue
        tok = sent[k]
        if ctx.base + tok.idx in taken or lemma in ctx.tax.verb_only:
            continue
        sequence = ctx.tax.modality.get("sequence_words", frozenset())
        if lemma in ctx.tax.modality.get("launch_stand_ins", ()) and tok.dep_ != "attr" and _counted_again(tok, sequence):
            # "the second attempt in August": one more of the document's launches ("the launch was its
            # second attempt" only restates its subject)
            lemma = "launch"
        rules = ctx.tax.by_lemma.get(lemma, ())
        # in the document's order: on a tie, the type of its first event (the lead's news) wins
        # (a rule for the verb only never types its noun: "transferring fuel" is no reason to read "the
        # transfer" as an oil import)
        types = [t for t in doc_types if doc_types[t] > 0 and any(
            r.type == t and r.context is not None and (not r.pos or "NOUN" in r.pos) for r in rules)]
        if not types:
            continue
        hedges = ctx.tax.modality.get("allege_adjectives", frozenset())
        if not (_actor_possessor(ctx, tok) or _back_reference(tok, _happening_heads(ctx), hedges) or _counted_again(tok, sequence)):
            continue
        best = max(types, key=lambda t: doc_types[t])
        out.append(TriggerHit(best, tok.i - sent.start, tok.i - sent.start + 1, tok, None))
    return out


def _actor_possessor(ctx: ArgumentContext, tok: Token) -> bool:
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "the DPRK's launch of a campaign": it says what it launched, and the rules judged that
    poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    # "the North Korean launch on Thursday": a nationality before the noun names the actor as a possessor does
    poss = poss or [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    at = ctx.base + poss[0].idx if poss else -1
    return bool(poss) and entity_at(ctx.entities, at, at + len(poss[0])) is not None


def _happening_heads(ctx: ArgumentContext) -> frozenset[str]:
    mod = ctx.tax.modality
    return mod.get("occurrence_heads", frozenset()) | mod.get("outcome_heads", frozenset())


# prepositions that say where an event was, not what it was ("the transfer around 200 km off the coast")
_WHERE_PREPS = frozenset({"around", "about", "near", "off", "at", "in", "on"})


def _back_reference(tok: Token, happening: frozenset[str] = frozenset(), hedges: frozenset[str] = frozenset()) -> bool:
    """"the breach", "the heist" as a verb's object with nothing of its own that could type it
    (an "of" phrase or a modifier says what it is, and the rules have already judged that); so is the subject
    of a verb that tells how it happened ("the transfer took place on Tuesday", "the launch failed").  The
    writer's hedge ("the alleged transfer") and a phrase of where it was type nothing."""
    kids = [c for c in tok.children if not (c.dep_ == "amod" and c.lower_ in hedges)
            and not (c.dep_ == "prep" and c.lower_ in _WHERE_PREPS)]
    told = tok.dep_ in ("dobj", "nsubjpass") or (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in happening)
    return (told and any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
            and not any(c.dep_ in ("prep", "amod", "compound", "nmod", "poss", "acl", "relcl") for c in kids))


def _counted_again(tok: Token, sequence: frozenset[str]) -> bool:
    """"a third launch in October", "its latest launch": a noun counted in a series is one more of the
    events the document reports (an "of" phrase says what it is, and the rules have already judged that)."""
    kids = list(tok.children)
    return (any(c.dep_ == "amod" and c.lower_ in sequence for c in kids)
            and not any(c.dep_ == "prep" and c.lower_ == "of" or c.dep_ in ("compound", "nmod") for c in kids))

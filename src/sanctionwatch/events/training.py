"""Who trains whom when training is a noun.

"The soldiers underwent training at a Russian base", "the troops got training from Russian officers", "one
soldier was sent abroad for training": the trainees are the subject (or what is sent), the trainer is the
"from"/"by" phrase.  The general rules read the subject of the clause as the actor, which makes the trainee
the one who trains.  For a training noun that is the object of a verb of receiving training (the taxonomy's
``training_receipt_verbs``) or the "for" purpose of a sending, the subject becomes the target (the trainees)
and the "from"/"by" phrase the agent.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Argument
from .argument_spans import ArgumentContext, argument_at

TRAINING = "military_training"
_TRAINER_PREPS = frozenset({"from", "by"})


def trainee_roles(ctx: ArgumentContext, head: Token, etype: str, args: list[Argument]) -> list[Argument]:
    if etype != TRAINING or head.pos_ != "NOUN":
        return args
    trainees, gov = _trainees(ctx, head)
    if not trainees:
        return args
    found = [argument_at(ctx, "target", t) for t in trainees]
    trainers = [o for h in (head, gov) for p in h.children if p.dep_ == "prep" and p.lower_ in _TRAINER_PREPS
                for o in p.children if o.dep_ == "pobj"]
    found += [argument_at(ctx, "agent", t) for t in trainers[:1]]
    spans = [(a.start, a.end) for a in found]
    # the trainee read as the actor (and any earlier agent, where a trainer is named) gives way
    kept = [a for a in args if not (a.role in ("agent", "target") and (trainers and a.role == "agent" or any(
        a.start < e and s < a.end for s, e in spans)))]
    return kept + found


def _trainees(ctx: ArgumentContext, noun: Token) -> tuple[list[Token], Token]:
    receipt = ctx.tax.modality.get("training_receipt_verbs", frozenset())
    gov = noun.head
    if noun.dep_ in ("dobj", "obj") and gov.lemma_.lower() in receipt:
        return [c for c in gov.children if c.dep_ == "nsubj"], gov
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head
        # "was sent for training": the passive subject; "sent them for training": the object
        sent = [c for c in verb.children if c.dep_ == "nsubjpass"] or [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        return sent, verb
    return [], gov

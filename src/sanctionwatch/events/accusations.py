"""The accused in an accusation's content clause.

Inside reported speech a third-person pronoun usually stands for the speaker ("Iran said it had fired"),
and :func:`.agents.resolve_agent` reads it so.  An accusation noun turns that round: in "Lisbon dismissed
Madrid's accusation that it was responsible for the leak" the accusation's maker (Madrid) is not the one
it says leaked.  The pronoun there is the accused, who, when the accusation is the object of a denial, is
the denier (Lisbon); otherwise the text does not say who, and the pronoun is left unresolved rather than
given to the accuser.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Argument, Attribution
from .argument_spans import ArgumentContext


def _noun_lemma(word: str) -> str:
    w = word.casefold()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def is_accusation(attribution: Attribution, nouns: frozenset[str]) -> bool:
    """An allegation cued by an accusation noun ("allegations", "the accusation", "charges that ...")."""
    if attribution.stance != "allege" or attribution.kind != "noun":
        return False
    return any(_noun_lemma(w) in nouns for cue in attribution.cue for w in cue.text.split())


def _denier(attributions: Sequence[Attribution], accusation: Attribution) -> str | None:
    """Who denies the accusation, when the accusation is what an enclosing denial is about."""
    if accusation.parent is None or not 0 <= accusation.parent < len(attributions):
        return None
    parent = attributions[accusation.parent]
    if parent.stance != "deny":
        return None
    return parent.source_entity or parent.affiliation


def accused_agents(ctx: ArgumentContext, args: list[Argument], attributions: Sequence[Attribution],
                   att: int | None) -> list[Argument]:
    """``args`` with a pronoun agent inside an accusation's content, read as the accuser or not resolved,
    read as the accused: the denier of the accusation, or no one when no denial names who it is."""
    if att is None:
        return args
    mod = ctx.tax.modality
    accusation = attributions[att]
    if not is_accusation(accusation, frozenset(mod.get("accusation_nouns", ()))):
        return args
    accuser = {accusation.source_entity, accusation.affiliation} - {None}
    pronouns = frozenset(mod.get("accused_pronouns", ()))
    out = []
    for a in args:
        if a.role == "agent" and (a.entity is None or a.entity in accuser) and a.text.casefold() in pronouns:
            a = Argument(a.role, a.start, a.end, a.text, _denier(attributions, accusation))
        out.append(a)
    return out

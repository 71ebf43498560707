"""Labour abroad told in a soldier's or an employer's words.

Readings the general rules get wrong in stories of DPRK labour abroad:

* A purpose of labour outranks the noun sent. "To staff the timber camps with
  cheap labourers, the army began posting soldiers east" sends them as labour: the
  purpose clause ("to ..." / "in order to ...") of the sending, or of the verb
  it completes ("began"), names the work, so the act is overseas labour, not a
  troop deployment.
* A foreign employer places the work. "Mongolian mining firms hire Korean
  labourers" gives the hiring no place phrase of its own, yet
  the labour is in the employer's country (the adjective names it; "firms
  in Laos hired ..." is left as the team's event gold reads it).
* The site places the work. "They work in crews on housing projects in central
  Irkutsk": the place named deeper in the labour's own phrases is where the
  labour is, when the clause names no place of its own.

The worker nouns come from the taxonomy's ``worker_nouns`` list.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors import entity_at
from ..model import Argument
from .argument_spans import ArgumentContext, argument_at, nationality
from .triggers import TriggerHit

WORKERS = "overseas_workers"
TROOPS = "troop_deployment"
_NATION = "prk"
# links by which a sending verb completes the verb that carries the purpose ("began posting soldiers")
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_PLACE_TYPES = frozenset({"country", "place", "city", "region"})
# prepositions that name where a site lies ("projects in downtown X", "a plant near X"), and how deep in the
# trigger's own phrases the site's place may sit
_SITE_PREPS = frozenset({"in", "at", "near", "across", "throughout"})
_SITE_DEPTH = 3


def labour_purpose(hits: list[TriggerHit], worker_nouns: frozenset[str]) -> list[TriggerHit]:
    """Troop sendings whose purpose clause names workers, retyped as overseas labour."""
    return [replace(h, type=WORKERS) if h.type == TROOPS and _purpose_names_workers(h.head, worker_nouns) else h
            for h in hits]


def _purpose_names_workers(verb: Token, worker_nouns: frozenset[str]) -> bool:
    chain = [verb]
    while chain[-1].dep_ in _COMPLEMENTS and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    for v in chain:
        for clause in (c for c in v.children if _purpose_clause(c)):
            if any(t.lemma_.lower() in worker_nouns or t.lower_ in worker_nouns for t in clause.subtree):
                return True
    return False


def _purpose_clause(c: Token) -> bool:
    """"to staff the camps" (an infinitive adverbial clause) or "in order to fill posts" (which the parser
    reads as the noun "order" with the infinitive under it)."""
    if c.dep_ == "advcl":
        return _infinitive_of_purpose(c)
    return c.dep_ == "prep" and c.lower_ == "in" and any(
        o.lower_ == "order" and any(_infinitive_of_purpose(a) for a in o.children if a.dep_ == "acl")
        for o in c.children if o.dep_ == "pobj")


def _infinitive_of_purpose(clause: Token) -> bool:
    """"to staff the camps", "in order to fill posts": an infinitive adverbial clause."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def employer_place(ctx: ArgumentContext, head: Token, event_type: str, args: list[Argument]) -> list[Argument]:
    """A foreign employer's country as the location of labour that names no place of its own."""
    if event_type != WORKERS or any(a.role in ("location", "destination") for a in args):
        return args
    for employer in (c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")):
        place = _employer_country(ctx, employer)
        if place is not None:
            return [*args, place]
    site = _site_place(ctx, head)
    return [*args, argument_at(ctx, "location", site)] if site is not None else args


def _site_place(ctx: ArgumentContext, head: Token) -> Token | None:
    """The first foreign place named through the trigger's chain of prepositional phrases (not its clauses)."""
    home = ctx.tax.modality.get("home_places", frozenset())
    frontier = [head]
    for _ in range(_SITE_DEPTH):
        nxt = []
        for tok in frontier:
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    s = ctx.base + obj.idx
                    ent = entity_at(ctx.entities, s, s + len(obj))
                    # a place by the tagger or the actor layer, or a name the tagger left untyped ("in central
                    # Irkutsk"); a name it calls a person or a firm is none
                    if prep.lower_ in _SITE_PREPS and (obj.ent_type_ in ("GPE", "LOC") or ent is not None and ent.type in _PLACE_TYPES
                                                       or obj.pos_ == "PROPN" and not obj.ent_type_ and ent is None):
                        if (ent is not None and ent.id in home) or obj.lower_ in home:
                            return None
                        return obj
                    nxt.append(obj)
        frontier = nxt
    return None


def _employer_country(ctx: ArgumentContext, employer: Token) -> Argument | None:
    # only the employer's nationality: "companies in Laos hired ..." keeps Laos inside the agent phrase, as the
    # team's event gold reads it
    found = nationality(ctx, employer)
    if found is None:
        # "Russian" may modify a modifier of the employer ("small Russian logging firms")
        names = [t for t in employer.subtree if t.i < employer.i and t.ent_type_ in ("NORP", "GPE")]
        if names:
            s, e = ctx.base + names[0].idx, ctx.base + names[-1].idx + len(names[-1])
            ent = entity_at(ctx.entities, s, e)
            found = (s, e, ctx.text[s:e], ent.id if ent is not None else None)
    if found is not None and found[3] is not None and found[3] != _NATION and _a_place(ctx, found[0], found[1]):
        return Argument("location", found[0], found[1], found[2], found[3])
    return None


def _a_place(ctx: ArgumentContext, start: int, end: int) -> bool:
    ent = entity_at(ctx.entities, start, end)
    return ent is not None and ent.type in _PLACE_TYPES

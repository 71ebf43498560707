"""Workers abroad without a trigger verb.

Reporting on DPRK labour abroad often names the people and the place and no
act of sending or hiring: "North Korean labourers were sewing garments at a
plant in Dandong", "I worked for a North Korean building firm in Russia from
2019". An analyst reads an overseas-workers event in each. The event needs all
three parts: the people (a worker noun, or a working verb whose employer is
North Korean), their DPRK nationality, and a place that is not at home. The
word lists live in the taxonomy's ``modality`` section (``worker_nouns``,
``working_verbs``, ``home_places``) so users can extend them.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..actors import entity_at
from ..model import Argument
from .argument_spans import ArgumentContext, argument_at, nationality, place_class_names, place_like
from .sentence_keys import SentenceKeys
from .triggers import TriggerHit

WORKERS = "overseas_workers"
_NATION = "prk"
# where a labour site is named: "at a plant in Dandong", "in factories in Hunchun"
_SITE_PREPS = ("in", "at", "on", "near", "across", "throughout")
_PLACE_TYPES = frozenset({"country", "place", "city", "region"})


def workers_abroad_hits(ctx: ArgumentContext, sent: Span, hits: list[TriggerHit], keys: SentenceKeys) -> list[TriggerHit]:
    """At most one overseas-workers event per clause ("X keeps workers in Laos, while Y runs a team in
    Vietnam": two), and none where a trigger already found one."""
    if WORKERS not in ctx.tax.types or any(h.type == WORKERS for h in hits):
        return []
    mod = ctx.tax.modality
    nouns, verbs = mod.get("worker_nouns", frozenset()), mod.get("working_verbs", frozenset())
    taken = {i for h in hits for i in range(h.start_tok, h.end_tok)}
    out: list[TriggerHit] = []
    clauses: set[int] = set()
    # the lemma arrays pick the few candidates; a Token is built only for them
    demonyms = mod.get("national_nouns", frozenset())
    candidates = [k for k, (lemma, pos) in enumerate(zip(keys.lemma, keys.pos))
                  if k not in taken and (lemma in nouns and pos == "NOUN" or lemma in verbs and pos in ("VERB", "NOUN")
                                         or lemma in demonyms and pos in ("PROPN", "NOUN"))]
    for k in candidates:
        tok = sent[k]
        # the people themselves ("labourers"), or a working verb's employer ("worked for a North Korean firm")
        people: Token | None = tok if keys.pos[k] == "NOUN" and keys.lemma[k] in nouns else None
        employer = tok if people is not None else next(_objects(tok, ("for",)), None)
        nation = _dprk_nationality(ctx, employer) if employer is not None else None
        nationals = nation is None and people is None
        if nationals and keys.lemma[k] in demonyms:
            # "900 North Koreans on farms in Oman": nationals at a work site
            employer, nation = _nationals(ctx, tok) if _at_work_site(ctx, tok) else (None, None)
        elif nationals:
            # "3,500 North Koreans working in Oman": the ones who work are themselves the nationals
            employer, nation = _working_nationals(ctx, tok)
        if nation is None:
            continue
        place = _abroad_place(ctx, tok, employer)
        if place is None or (nationals and _resettled(ctx, place)):
            continue
        clause = _clause_verb(tok)
        if clause in clauses:
            continue
        clauses.add(clause)
        keeper = _keeper(ctx, people) if people is not None else None
        found = [keeper or nation, argument_at(ctx, "location", place)]
        if people is not None:
            found.append(argument_at(ctx, "item", people))
        out.append(TriggerHit(WORKERS, k, k + 1, tok, None, tuple(found)))
    return out


def _clause_verb(tok: Token) -> int:
    """The index of the nearest verb above the token (the token's own where there is none)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t.i


def _keeper(ctx: ArgumentContext, people: Token) -> Argument | None:
    """The firm or state that keeps the workers abroad, as the subject of the verb whose object they are (or
    the group they are counted in): "Osong has maintained delegations of North Korean IT workers in Laos"."""
    obj = people
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.pos_ in ("NOUN", "NUM"):
        obj = obj.head.head  # "delegations of ... workers", "a group of ... workers"
    if obj.dep_ not in ("dobj", "obj") or obj.head.pos_ != "VERB":
        return None
    subj = next((c for c in obj.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    if subj is None:
        return None
    return argument_at(ctx, "agent", subj)


def _objects(tok: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            yield from (o for o in p.children if o.dep_ == "pobj")


def _dprk_nationality(ctx: ArgumentContext, noun: Token) -> Argument | None:
    """The "North Korean" of "North Korean labourers" / "a North Korean firm": the state is the agent."""
    found = nationality(ctx, noun)
    if found is None or found[3] != _NATION:
        return None
    return Argument("agent", *found)


def _working_nationals(ctx: ArgumentContext, verb: Token) -> tuple[Token | None, Argument | None]:
    """The DPRK nationals a working verb is said of, as its subject or the noun its participle describes
    ("North Koreans work in ...", "North Koreans working in ..."), with the demonym as the state's agent."""
    # "800 North Koreans work, ...": the parser may read the verb as a noun with the people as its compound
    deps = ("compound",) if verb.pos_ == "NOUN" else ("nsubj",)
    who = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ in deps and c.i < verb.i), None)
    return _nationals(ctx, who) if who is not None else (None, None)


def _at_work_site(ctx: ArgumentContext, who: Token) -> bool:
    """"North Koreans on construction sites", "at a seafood plant": nationals where people work (elsewhere
    "North Koreans in China" are as often escapees as workers)."""
    sites = ctx.tax.modality.get("work_sites", frozenset())
    return any(o.lemma_.lower() in sites for o in _objects(who, ("on", "at")))


def _nationals(ctx: ArgumentContext, who: Token) -> tuple[Token | None, Argument | None]:
    """A plural DPRK demonym ("North Koreans") and the state it names as the agent."""
    if who.ent_type_ != "NORP" or not who.lower_.endswith("s"):
        return None, None
    left = min((c for c in who.children if c.dep_ == "compound" and c.i < who.i), key=lambda c: c.i, default=who)
    s, e = ctx.base + left.idx, ctx.base + who.idx + len(who)
    ent = entity_at(ctx.entities, s, e)
    if ent is None or ent.id != _NATION:
        return None, None
    return who, Argument("agent", s, e, ctx.text[s:e], ent.id)


def _resettled(ctx: ArgumentContext, place: Token) -> bool:
    """North Koreans working in the South are resettled defectors, not labour sent abroad."""
    at = ctx.base + place.idx
    ent = entity_at(ctx.entities, at, at + len(place))
    settled = ctx.tax.modality.get("resettled_places", frozenset())
    return (ent is not None and ent.id in settled) or _phrase(place).lower() in settled


def _abroad_place(ctx: ArgumentContext, tok: Token, employer: Token) -> Token | None:
    """The first named place of the labour site that is not at home: on the people or employer ("workers in
    Russia", "a firm in Russia"), on a site noun ("at a plant in Dandong"), or on the clause whose subject or
    object the people are ("labourers were sewing garments in factories in Hunchun")."""
    holders = [tok, employer]
    if tok.pos_ == "NOUN":
        # "labourers stitching uniforms in a workshop in X": the people's participle
        holders += [c for c in tok.children if c.dep_ == "acl"]
        # "dozens of North Korean workers at a plant in X": the measure the people are counted by
        group = tok
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "NUM"):
            group = tok.head.head
            holders.append(group)
        # the clause whose subject or object the people (or their group) are: "Orbis has managed a team of
        # North Korean IT workers in Vietnam"
        if group.dep_ in ("nsubj", "nsubjpass", "dobj") and group.head.pos_ in ("VERB", "AUX"):
            holders.append(group.head)
    home = ctx.tax.modality.get("home_places", frozenset())
    for holder in holders:
        for obj in _objects(holder, _SITE_PREPS):
            # ("in the city of Dandong": a place-class noun is named by its "of" phrase)
            for cand in (obj, *_objects(obj, _SITE_PREPS), *place_class_names(ctx, obj)):
                if _is_place(ctx, cand):
                    at = ctx.base + cand.idx
                    ent = entity_at(ctx.entities, at, at + len(cand))
                    if (ent is not None and ent.id in home) or _phrase(cand).lower() in home:
                        return None
                    return cand
    return None


def _is_place(ctx: ArgumentContext, tok: Token) -> bool:
    if tok.ent_type_ in ("GPE", "LOC"):
        return True
    at = ctx.base + tok.idx
    ent = entity_at(ctx.entities, at, at + len(tok))
    return ent is not None and ent.type in _PLACE_TYPES and place_like(ctx, tok)


def _phrase(tok: Token) -> str:
    names = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t.i == tok.i]
    return " ".join(t.text for t in sorted(names, key=lambda t: t.i))

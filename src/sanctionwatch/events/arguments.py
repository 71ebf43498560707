"""Event arguments from the dependency tree: item, prepositional roles, and the agent (found in agency.py,
repaired in agents.py)."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from ..actors import entity_at
from ..model import Argument, TimeValue
from .agency import governing_tokens, misread_finite, possessive_anaphor, tree_agent
from .argument_spans import ArgumentContext, an_actor, argument_at, climb_compound, nationality, np_span, place_like
from .taxonomy import Taxonomy
from .triggers import TriggerHit


# prepositions that place a site inside a named place
_WITHIN = frozenset({"in", "across", "throughout", "near"})
# prepositions that another role phrase may hang on
_STACKING = frozenset({"from", "including"})
# prepositions of a route: "via the port of Chongjin", "through a border crossing" place the act at a site (a
# port, a border crossing); through a country ("smuggled heroin through Egypt") is a route, not where it was
_ROUTE = frozenset({"through", "via"})


def _prep_args(ctx: ArgumentContext, heads: Iterable[Token], times: list[tuple[int, int, TimeValue]], table: dict[str, str],
               route: bool = False) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for h in heads:
        # "from Hyesan to Seoul": the parser may hang the second phrase of a route on the first; "sent workers
        # abroad, including to Laos": the phrase the "including" picks out is the verb's own
        phrases = [x for c in h.children for x in [c, *(p for p in c.children if c.lower_ in _STACKING and p.dep_ == "prep")]]
        for c in phrases:
            if c.dep_ not in ("prep", "dative") and not _preposition_participle(c, h):
                continue
            role = table.get(c.lower_)
            site_only = route and role is None and c.lower_ in _ROUTE
            if site_only:
                role = "location"
            if role is None:
                continue
            for obj in _prep_objects(c):
                if site_only and obj.lemma_.lower() not in ctx.tax.modality.get("route_sites", frozenset()):
                    continue
                # a target need not be a place or an actor ("stole ... from two exchanges")
                if not place_like(ctx, obj) and role in ("recipient", "destination"):
                    # "weapons for Russia's war": the possessor is the recipient
                    owner = next((p for p in obj.children if p.dep_ == "poss" and place_like(ctx, p)), None)
                    if owner is not None:
                        out.append((role, owner))
                    elif _foreign_party(ctx, obj):
                        out.append((role, obj))  # "leased fishing grounds to Taiwanese boat owners": the buyers
                    continue
                if not (role in ("target", "item") and obj.pos_ in ("NOUN", "PROPN") or place_like(ctx, obj)):
                    continue
                if role == "item" and an_actor(ctx, obj):
                    continue  # "detained ... with the United States": a party the clause deals with, never goods
                at = ctx.base + obj.idx
                if any(s <= at < e for s, e, _ in times):
                    continue  # "in March" is the time, not a place
                # "to countries such as Syria, Myanmar and Sudan", "on two firms, Acme and Orbis": the named ones too
                named = [g for p in obj.children if p.dep_ == "prep" and p.lower_ in ("as", "including", "like") for g in p.children if g.dep_ == "pobj"]
                named += [a for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
                if obj.lemma_.lower() in ctx.tax.places and role in ("destination", "location", "origin"):
                    # "to logging sites across Siberia", "from a port in China": the named place of the site
                    # ("via the port of Chongjin": the port's name)
                    within = _WITHIN | ({"of"} if site_only else frozenset())
                    named += [g for p in obj.children if p.dep_ == "prep" and p.lower_ in within for g in p.children
                              if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC") or g.pos_ == "PROPN")]
                if role == "item" and obj.lemma_.lower() in ctx.tax.measures:
                    # "with 3,000 tonnes of diesel": the item is what is measured
                    obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), obj)
                for o in [obj] + named:
                    out.append((role, o))
                    out.extend((role, cj) for cj in o.conjuncts if cj.i > o.i)
                if role == "location":
                    # "took place in the East China Sea between X and Y": the parser hangs the parties on the place
                    out.extend(_prep_args(ctx, [obj], times, {p: r for p, r in table.items() if r == "partner"}))
    return out


def _foreign_party(ctx: ArgumentContext, obj: Token) -> bool:
    """A common noun of parties marked by a country's adjective ("Taiwanese boat owners", "Russian firms"):
    an actor, though no name of a place or an actor."""
    found = nationality(ctx, obj)
    return found is not None and found[3] is not None and obj.lemma_.lower() in ctx.tax.modality.get("party_nouns", frozenset())


_CARRYING = frozenset({"carry", "contain", "hold", "transport"})


def _carrying_participle(item: Token) -> Token | None:
    """The participle by which the goods moved carry a load ("crates holding rifles bound for Syria",
    "trucks believed to be carrying shells to the front"), or None; the goods may be the participle's own
    object ("shipped containers carrying shells to Russia": the shells), or measured by it ("crates carrying
    thousands of rockets to Belarus")."""
    if item.dep_ == "pobj" and item.head.lower_ == "of" and item.head.head.dep_ in ("dobj", "obj"):
        item = item.head.head
    h = item.head
    if item.dep_ in ("dobj", "obj") and h.lemma_.lower() in _CARRYING and h.dep_ in ("acl", "relcl", "pcomp"):
        return h
    for c in item.children:
        if c.dep_ not in ("acl", "relcl") or c.pos_ != "VERB":
            continue
        if c.lemma_.lower() in _CARRYING:
            return c
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                v = next((g for g in p.children if g.dep_ == "pcomp" and g.lemma_.lower() in _CARRYING), None)
                if v is not None:
                    return v
    return None


def _preposition_participle(c: Token, head: Token) -> bool:
    """"transfers involving a North Korean tanker": a participle of a noun trigger that does a preposition's work
    (its role comes from the same table)."""
    return c.dep_ == "acl" and c.tag_ == "VBG" and head.pos_ == "NOUN" and c.i > head.i


def _prep_objects(c: Token) -> list[Token]:
    """The objects of a role phrase, read as prepositional objects: a participle's object ("involving X"), and
    the object of a preposition stacked on the first ("from around the Chagang region", "from near X")."""
    if c.dep_ == "acl":
        return [o for o in c.children if o.dep_ in ("dobj", "obj")]
    out = [o for o in c.children if o.dep_ == "pobj"]
    if not out:
        out = [o for p in c.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return out


_OF_AGENT_TYPES = frozenset({"country", "organization"})


def _of_actor(ctx: ArgumentContext, head: Token, context: Token | None) -> Token | None:
    """The actor a nominal event is "of" ("the satellite launch of the DPRK", "the missile test of the
    north") or that is named before it ("the U.S. sale of munitions"): a state or organisation, never the
    thing moved or launched (the context word)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for m in head.children:
        # "the U.S. sale of munitions", "Chinese imports": the state named before the noun acts
        if m.dep_ in ("compound", "amod", "nmod") and m.i < head.i and (context is None or m.i != context.i) \
                and m.ent_type_ in ("GPE", "NORP", "ORG"):
            ent = entity_at(ctx.entities, ctx.base + m.idx, ctx.base + m.idx + len(m))
            if ent is not None and ent.type in _OF_AGENT_TYPES:
                return m
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for o in p.children:
            if o.dep_ != "pobj" or (context is not None and (o.i == context.i or context.i in {t.i for t in o.subtree})):
                continue
            s, e = np_span(o)
            ent = entity_at(ctx.entities, ctx.base + s, ctx.base + e)
            if ent is not None and ent.type in _OF_AGENT_TYPES:
                return o
    return None


def _noun_objects(head: Token) -> list[Token]:
    """The object of a noun trigger ("the hack of the exchange Zenbit"): its "of" phrase, and the name in
    apposition right after it (which the parser may hang on the trigger)."""
    objs = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if not objs:
        return []
    obj = objs[0]
    named = [a for a in [*obj.children, *head.children] if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i == obj.right_edge.i + 1]
    return [obj, *named]


def _across_a_noun(trigger: Token, agent: Token) -> bool:
    """Whether the way up from the trigger to the verb the agent hangs from passes another noun."""
    for g in governing_tokens(trigger):
        if g.i == agent.head.i or g.i == agent.i:
            return False
        if g.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _named_victims(ctx: ArgumentContext, head: Token, role: str, agent: Token | None) -> list[Argument]:
    """"the Phemex hack", "the Ronin breach": a name modifying a noun whose verb takes its victim as object is
    the victim, unless it is a known actor (the actor table's states and groups: "the Lazarus hack")."""
    out = []
    for c in head.children:
        if c.dep_ != "compound" or c.pos_ != "PROPN" or c.i > head.i or (agent is not None and c.i == agent.i):
            continue
        if c.lower_ in ctx.tax.modality.get("kind_names", ()):
            continue  # a kind of target, not a victim: "the DeFi hack", "an Ethereum exploit"
        arg = argument_at(ctx, role, c)
        if arg.entity is None or arg.entity.startswith("local:"):
            out.append(arg)
    return out


def _of_chain(head: Token) -> list[Token]:
    """Nouns reached from a noun trigger through "of" phrases (and "worth of"), at most three deep."""
    out: list[Token] = []
    frontier = [head]
    for _ in range(3):
        nxt = [o for t in frontier for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
        nxt += [w for t in nxt for w in t.children if w.lower_ == "worth"]
        out.extend(nxt)
        frontier = nxt
    return out


def _dative_compound(head: Token, obj: Token | None, roles, tax: Taxonomy) -> Token | None:
    """The receiving country of a double object read as one noun phrase ("has sent North Korea technology",
    "sold Iran drones"): a country name heading the object of a verb of giving, with no "to" phrase."""
    if (obj is None or "recipient" not in roles or head.pos_ != "VERB" or obj.head.i != head.i
            or obj.dep_ not in ("dobj", "obj") or obj.pos_ != "NOUN"
            or head.lemma_.lower() not in tax.modality.get("giving_verbs", ())
            or any(c.dep_ == "dative" for c in head.children) or any(c.dep_ in ("det", "poss") for c in obj.children)):
        return None
    mods = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i and c.ent_type_ == "GPE"]
    if not mods or mods[0].left_edge.i != obj.left_edge.i:
        return None
    return mods[0]


def _speech_heads(tax: Taxonomy) -> frozenset[str]:
    mod = tax.modality
    return mod.get("deny_heads", frozenset()) | mod.get("allege_heads", frozenset()) | mod.get("accuse_heads", frozenset())


def _never_acts(tok: Token, tax: Taxonomy) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in tax.modality.get("non_agents", ()) or lemma in tax.modality.get("instrument_words", ())


def event_arguments(ctx: ArgumentContext, hit: TriggerHit, etype: str, times, quantity) -> list[Argument]:
    tax = ctx.tax
    t = tax.types[etype]
    head = hit.head
    args: list[Argument] = []
    agent = tree_agent(head, tax)
    if (agent is not None and agent.head.i == head.i and head.lemma_.lower() in tax.modality.get("theme_subject_verbs", ())
            and "item" in t.roles):
        # "limousines reached the country": the goods move, they do not act (in a type that moves no goods,
        # the one who arrives acts: "the defector arrived in Seoul")
        agent = None
    if agent is not None and agent.i == head.i:
        agent = None  # "condemned the launch": the accused object is the event itself
    if agent is None and head.dep_ == "oprd" and t.object_role == "item":
        # "called the DPRK's satellite launch a missile test": the renamed event's owner is the agent
        named = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        if named is not None:
            agent = _of_actor(ctx, named, None) or next(
                (c for c in named.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    # "the hack of the exchange": the "of" phrase of a noun whose verb takes its object in a role of its
    # own is that role (the victim), never the actor
    noun_role = t.object_roles.get(head.lemma_.lower()) if head.pos_ in ("NOUN", "PROPN") else None
    if t.object_role == "item" and noun_role is None and (agent is None or not head.left_edge.i <= agent.i <= head.right_edge.i):
        # the noun's own "of" actor beats a subject borrowed from the verbs above it ("Seoul wants to
        # learn about the missile launch of North Korea")
        agent = _of_actor(ctx, head, hit.context) or agent
    if agent is not None and agent.pos_ == "NOUN" and _never_acts(agent, tax):
        agent = None
    doer_noun = head.lemma_.lower() in tax.modality.get("agent_nouns", frozenset())
    anaphor = None if doer_noun else possessive_anaphor(head, tax)
    if doer_noun:
        # "Russia's main arms supplier": the possessor is the one supplied
        args.extend(argument_at(ctx, "recipient", c) for c in head.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"))
    if anaphor is not None and (agent is None or _across_a_noun(head, agent)):
        # "its" names the event's owner; a subject borrowed from a verb above another noun ("Pyongyang and
        # Moscow are under sanctions, ... North Korea because of its nuclear tests") is someone else's
        agent = anaphor
    if agent is not None:
        # "Russia and China vetoed": every conjunct is an agent; "the hacker group Lazarus": the named apposition too
        named = [c for c in agent.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        args.extend(argument_at(ctx, "agent", a) for a in [agent, *agent.conjuncts, *named] if a.i != head.i)
    item_tok = None
    if hit.context is not None and hit.context.i != head.i and hit.context.pos_ in ("NOUN", "PROPN", "ADJ"):
        item_tok = climb_compound(hit.context)
        if item_tok.pos_ == "ADJ" or hit.context.dep_ == "amod":
            item_tok = hit.context.head if hit.context.head.pos_ in ("NOUN", "PROPN") else item_tok
            item_tok = climb_compound(item_tok)
        if item_tok.i == head.i and hit.context.dep_ == "compound" and etype in tax.modality.get("moved_goods_types", ()):
            item_tok = hit.context  # "coal shipments": the goods a transfer noun moves ("missile launch" moves none)
        if item_tok.i == head.i or (agent is not None and item_tok.i == agent.i):
            item_tok = None
    taken_from = "target" in t.roles and t.prepositions.get("from") == "target"
    if t.object_roles.get(head.lemma_.lower(), t.object_role) == "target" or taken_from:
        # "breached the Bangladesh bank's systems": the owner of what was breached is the victim too (and not
        # the loot, though it may have typed the event); so is the owner of what was taken, in a type whose
        # victim things are taken from ("stole the exchange's tokens", "a heist of the bank's account")
        objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
        if head.pos_ == "NOUN" and taken_from:
            objs += _noun_objects(head)[:1]
        for obj in objs:
            for owner in (p for p in obj.children if p.dep_ == "poss" and p.pos_ in ("NOUN", "PROPN")):
                args.append(argument_at(ctx, "target", owner))
                if item_tok is not None and item_tok.i == owner.i:
                    item_tok = None
    # an object that is the context word ("imposed sanctions") or a sum of money
    # ("stole $1.5 billion", reported as the quantity) is not a participant
    money = quantity if quantity is not None and quantity[2].unit.isupper() else None
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "obj")
               and not (hit.context is not None and c.i == hit.context.i)
               and not (money and money[0] <= ctx.base + c.idx < money[1])]
    given_to = _dative_compound(head, objects[0] if objects else item_tok, t.roles, tax)
    if given_to is not None:
        args.append(argument_at(ctx, "recipient", given_to))
    # "supplying Syria with rockets": the object receives, the "with" phrase is the item
    withs = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
    supplied_with = item_tok is not None and any(w.left_edge.i <= item_tok.i <= w.right_edge.i for w in withs)
    given = "recipient" if "recipient" in t.roles else "destination"  # ("supply North Korea with oil": the country)
    if supplied_with and given in t.roles:
        for obj in objects[:1]:
            args.append(argument_at(ctx, given, obj))
            objects = []
    # a context word in a role phrase is that role, not the item: "stolen from banks" (target),
    # "transfer of coal from flagged ships onto barges" (origin; the item is the "of" phrase)
    via = t.prepositions.get(item_tok.head.lower_) if item_tok is not None and item_tok.dep_ == "pobj" else None
    if head.lemma_.lower() in tax.modality.get("barter_nouns", frozenset()):
        via = None  # "in exchange for rockets": what is paid for is the goods
    if via is not None and via != "item" and via in t.roles and item_tok is not None and item_tok.head.head.i == head.i:
        args.append(argument_at(ctx, via, item_tok))
        item_tok = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)
        if item_tok is None and objects:
            item_tok, objects = objects[0], objects[1:]
    # "limousines reached the country": a trigger whose object has its own role
    own_role = t.object_roles.get(head.lemma_.lower())
    if own_role and own_role != t.object_role and objects and item_tok is not None and objects[0].i != item_tok.i:
        args.append(argument_at(ctx, own_role, objects[0]))
        objects = objects[1:]
    if (own_role and own_role != t.object_role and item_tok is not None and item_tok.head.i == head.i
            and item_tok.dep_ in ("dobj", "obj")):
        # the context word is the object of a verb whose object has its own role: "breached the exchange"
        # (what typed the breach is its victim)
        args.append(argument_at(ctx, own_role, item_tok))
        item_tok = None
    elif item_tok is not None and t.object_role == "item":
        args.append(argument_at(ctx, "item", item_tok))
    elif (item_tok is not None and item_tok.head.i == head.i and item_tok.dep_ in ("dobj", "nsubjpass", "obj")
          and item_tok.lemma_.lower() not in tax.modality.get("instrument_words", ())):
        # the context word is itself the object of a type whose object is not an item ("seized a ship")
        args.append(argument_at(ctx, t.object_roles.get(head.lemma_.lower(), t.object_role), item_tok))
    elif objects and (item_tok is None or t.object_role != "item"):
        obj = objects[0]
        if not (agent is not None and obj.i == agent.i):
            role = t.object_roles.get(head.lemma_.lower(), t.object_role)
            args.append(argument_at(ctx, role, obj))
            # "sanctioned two firms, Acme Trading and Orbis Shipping": the named firms are targets too
            for a in (a for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN"):
                args.extend(argument_at(ctx, role, x) for x in [a, *a.conjuncts])
            item_tok = item_tok or obj
    if (head.dep_ == "acl" and head.tag_ == "VBN" and t.object_role != "item" and head.head.pos_ in ("NOUN", "PROPN")
            and not any(a.role == t.object_role for a in args)
            and head.head.lemma_.lower() not in tax.modality.get("instrument_words", ())):  # "sanctions imposed on X"
        # "the Sea Pearl, a tanker detained since 2019": a passive participle's noun is its object, and so is
        # the name that noun describes
        noun = head.head
        named = [noun.head] if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else []
        args.extend(argument_at(ctx, t.object_roles.get(head.lemma_.lower(), t.object_role), o) for o in [*named, noun])
    if noun_role is not None and not any(a.role == noun_role for a in args):
        args.extend(argument_at(ctx, noun_role, o) for o in _noun_objects(head) if agent is None or o.i != agent.i)
    if noun_role is not None and not any(a.role == noun_role for a in args):
        args.extend(_named_victims(ctx, head, noun_role, agent))
    for c in head.children:
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"):
            args.append(argument_at(ctx, "recipient", c))
    prep_heads = [head] + ([item_tok] if item_tok is not None else [])
    if item_tok is not None:
        # "oil cargo worth $1.5m to the vessel Saebyol": the parser may hang the goods' phrases on their value
        prep_heads.extend(w for w in item_tok.children if w.lower_ == "worth")
    if head.pos_ == "NOUN":
        # "the theft of $600 million worth of tokens from the bridge": the "of" phrases' phrases too
        prep_heads.extend(_of_chain(head))
    # "carried out tests in ...", "being behind arms sales to ...": the light verb's phrases too, and those of a
    # verb of enabling ("facilitated the employment of IT workers in the United States")
    gov = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    carriers = tax.modality.get("light_verbs", frozenset()) | tax.modality.get("enabling_verbs", frozenset())
    if head.dep_ in ("dobj", "pobj") and head.pos_ == "NOUN" and gov.lemma_.lower() in carriers:
        prep_heads.append(gov)
    # "the transfer took place in the East China Sea between X and Y": the phrases of the verb telling that it
    # happened are the event's
    happening = tax.modality.get("occurrence_heads", frozenset()) | tax.modality.get("outcome_heads", frozenset())
    if head.dep_ == "nsubj" and head.pos_ == "NOUN" and head.head.lemma_.lower() in happening:
        prep_heads.append(head.head)
    found = _prep_args(ctx, prep_heads, times, t.prepositions, route=True)
    carrier = _carrying_participle(item_tok) if item_tok is not None and item_tok.i != head.i else None
    if carrier is not None:
        # "sent crates thought to be carrying rifles to Syria": where the load goes is where the act goes
        way = {p: r for p, r in t.prepositions.items() if r in ("origin", "destination")}
        found += [(r, tok) for r, tok in _prep_args(ctx, [carrier], times, way, route=True) if not any(r == fr for fr, _ in found)]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN" and head.head.head.i < head.i:
        # "a six-day journey of defection from the North to Japan": where the noun it is "of" goes is the event's
        way = {p: r for p, r in t.prepositions.items() if r in ("origin", "destination")}
        found += [(r, tok) for r, tok in _prep_args(ctx, [head.head.head], times, way) if tok.i > head.i]
    if head.dep_ == "dobj" and head.pos_ == "NOUN" and head.head.lemma_.lower() in _speech_heads(tax):
        # "denied any arms deliveries to Moscow from Pyongyang": a denial or claim takes no source, so a
        # "from" phrase the parser hung on its verb is the event's
        origins = {p: r for p, r in t.prepositions.items() if p == "from"}
        found += [(r, tok) for r, tok in _prep_args(ctx, [head.head], times, origins) if tok.i > head.i]
    for role, tok in found:
        if role == "agent" and any(a.role == "agent" for a in args):
            continue
        args.append(argument_at(ctx, role, tok))
    nat_role = t.item_nationality
    # (a detector that read the roles itself has read this one too: "Osong keeps North Korean workers in Laos")
    if given_to is not None:
        # the goods' phrase begins after the receiving country the parser put into it
        cut = ctx.base + given_to.idx + len(given_to)
        for k, a in enumerate(args):
            if a.role != "recipient" and a.start < cut < a.end:
                s = cut + len(ctx.text[cut:a.end]) - len(ctx.text[cut:a.end].lstrip())
                args[k] = Argument(a.role, s, a.end, ctx.text[s:a.end], None)
    if nat_role and item_tok is not None and given_to is None and not any(a.role == nat_role for a in [*args, *hit.found]):
        nat = nationality(ctx, item_tok)
        if nat is not None:
            args.append(Argument(nat_role, *nat))
    # a detector that read the roles itself (workers abroad): its findings fill the roles still empty, and
    # replace what the tree gave that names no actor ("I worked for a North Korean firm": the state, not "I")
    if hit.found:
        roles = {f.role for f in hit.found}
        # a participant the tree read off another one's modifier ("North Korean" of "North Korean IT workers")
        # gives way to the one the detector found ("Osong keeps North Korean IT workers in Laos")
        kept = [a for a in args if (a.entity is not None or a.role not in roles) and not (
            a.role in roles and any(f.role != a.role and f.start <= a.start and a.end <= f.end for f in hit.found))]
        have = {a.role for a in kept}
        args = kept + [a for a in hit.found if a.role not in have]
    if misread_finite(head):
        # the object the misread verb modifies begins after the verb ("the Courageous transferred oil cargo")
        after = ctx.base + head.idx + len(head)
        for k, a in enumerate(args):
            if a.start < after < a.end:
                s = after + len(ctx.text[after:a.end]) - len(ctx.text[after:a.end].lstrip())
                ent = entity_at(ctx.entities, s, a.end)
                args[k] = Argument(a.role, s, a.end, ctx.text[s:a.end], ent.id if ent else None)
    if quantity is not None:
        s, e, q = quantity
        args.append(Argument("quantity", s, e, ctx.text[s:e]))
    args = [a for a in args if a.role in t.roles]
    # one argument per span: the first role found wins
    seen: set[tuple[int, int]] = set()
    out = []
    for a in args:
        if (a.start, a.end) in seen:
            continue
        seen.add((a.start, a.end))
        out.append(a)
    return out

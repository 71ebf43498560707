"""Event arguments from the dependency tree: agent, item, prepositional roles (the agent's repairs: agents.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.tokens import Token

from ..actors import entity_at
from ..model import Argument, Entity, TimeValue
from .taxonomy import Taxonomy
from .triggers import TriggerHit

_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


# --- arguments ---------------------------------------------------------------


def _np_span(tok: Token) -> tuple[int, int]:
    """Character span (block-relative) of a noun phrase core: the token with its compounds, modifiers and name parts."""
    left, right = tok.i, tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("compound", "amod", "nmod", "flat") or (c.dep_ == "punct" and c.text == "-" and left <= c.i <= right + 1) or (c.dep_ == "poss" and c.tag_ == "NNP"):
                left, right = min(left, c.i), max(right, c.i)
                stack.append(c)
    doc = tok.doc
    # keep the span contiguous and never start on a hyphen
    while left < tok.i and doc[left].is_punct:
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _climb_compound(tok: Token) -> Token:
    while tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


@dataclass(slots=True)
class ArgumentContext:
    text: str
    base: int
    entities: Sequence[Entity]
    tax: Taxonomy


def argument_at(ctx: ArgumentContext, role: str, tok: Token, whole_np: bool = True) -> Argument:
    """The argument whose head is ``tok``: its noun phrase, or the actor mention inside it, with the entity."""
    s, e = _np_span(tok) if whole_np else (tok.idx, tok.idx + len(tok))
    s, e = ctx.base + s, ctx.base + e
    ent = entity_at(ctx.entities, s, e)
    if ent is not None:
        # an actor argument is the actor mention itself when it lies inside the phrase
        for m in ent.mentions:
            if m.start >= s and m.end <= e and m.start <= ctx.base + tok.idx < m.end:
                s, e = m.start, m.end
                break
    return Argument(role, s, e, ctx.text[s:e], ent.id if ent else None)


_NATIONALITY_LABELS = frozenset({"NORP", "GPE"})


def nationality(ctx: ArgumentContext, head: Token) -> tuple[int, int, str, str | None] | None:
    """The nationality modifier of a noun phrase ("North Korean coal" -> "North Korean"), with its entity."""
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i and c.ent_type_ in _NATIONALITY_LABELS]
    if not mods:
        return None
    toks = sorted({t.i for m in mods for t in m.subtree if t.ent_type_ in _NATIONALITY_LABELS})
    left, right = head.doc[toks[0]], head.doc[toks[-1]]
    s, e = ctx.base + left.idx, ctx.base + right.idx + len(right)
    ent = entity_at(ctx.entities, s, e)
    return s, e, ctx.text[s:e], ent.id if ent else None


def governing_tokens(tok: Token) -> Iterable[Token]:
    """The trigger's ancestors up to the sentence root."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        yield t


def _labels_a_line(tok: Token) -> bool:
    """A noun right before a colon opening the sentence ("Brussels: X has sent ...") labels the line (a
    dateline, a heading, a speaker); the parser may still hang it on the verb as a second subject."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text == ":" and tok.left_edge.i == tok.sent.start


def _subjects(verb: Token, deps: tuple[str, ...] = ("nsubj",)) -> list[Token]:
    """The verb's subjects, a line label left out where the verb has another one."""
    subj = [c for c in verb.children if c.dep_ in deps and c.pos_ in _NOUNISH]
    return [c for c in subj if not _labels_a_line(c)] or subj


def _possessive_anaphor(trigger: Token, tax: Taxonomy) -> Token | None:
    """"its Sept. 3 test": the pronoun, resolved to its country antecedent in events.agents (or dropped there)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in trigger.children if c.dep_ == "poss" and c.lower_ in tax.modality.get("possessive_anaphors", ())), None)


def _described_by(verb: Token) -> Token | None:
    """The noun a participle phrase describes ("a crime ring linked to X and suspected to be behind the
    hack"), through the verbs the phrase chains; a description in apposition gives the name it follows."""
    v = verb
    while v.dep_ in ("xcomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    if v.dep_ != "acl" or v.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = v.head
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ in ("NOUN", "PROPN") else noun


def _agent(trigger: Token, tax: Taxonomy) -> Token | None:
    mod = tax.modality
    if trigger.dep_ == "amod" and trigger.pos_ == "VERB":
        # "return stolen coins": an attributive participle's actor is not anyone of the clause around it
        return None
    subjects = [c for c in _subjects(trigger) if c.lower_ not in ("which", "that", "who")]
    for c in trigger.children:
        if subjects and c.i == subjects[0].i:
            return c
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if trigger.pos_ in ("VERB", "AUX"):
        # a subject parsed under a preposition of the verb ("The group allegedly behind the hack
        # have pocketed ..."): a preposition takes no subject, so it is the verb's
        for c in trigger.children:
            if c.dep_ == "prep" and c.i < trigger.i:
                for g in c.children:
                    if g.dep_ == "nsubj" and g.pos_ in _NOUNISH and g.lower_ not in ("which", "that", "who"):
                        return g
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and trigger.head.lower_ == "behind":
        # "the group behind the heist"; "identified X as the culprit behind the theft"
        h = trigger.head.head
        if h.pos_ in ("NOUN", "PROPN") and h.dep_ == "pobj" and h.head.lower_ == "as":
            objs = [c for c in h.head.head.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
        elif h.pos_ in ("NOUN", "PROPN"):
            return h
        elif h.lemma_.lower() == "be" and not any(c.dep_.startswith("nsubj") for c in h.children):
            described = _described_by(h)
            if described is not None:
                return described
    if trigger.pos_ in ("NOUN", "PROPN"):
        doers = mod.get("light_verbs", frozenset()) | mod.get("perpetrating_verbs", frozenset())
        for c in trigger.children:
            # "Monday's launch", "last week's theft": a possessive date is the event's time, not its owner
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in _TIME_LABELS:
                return c
            if c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
            # "the test conducted by X", "thefts orchestrated by X" (a light verb or a verb of perpetrating:
            # "exports supported by X" are not X's exports)
            if c.dep_ == "acl" and c.lemma_.lower() in doers:
                for g in (x for a in c.children if a.dep_ == "agent" for x in a.children):
                    if g.dep_ == "pobj":
                        return g
    t = prev = trigger
    for g in governing_tokens(trigger):
        lemma = g.lemma_.lower()
        if t.dep_ == "ccomp" and lemma in mod.get("allege_heads", ()) and (t.i == trigger.i or (
                prev.dep_ == "dobj" and t.lemma_.lower() in mod.get("light_verbs", ()))) and not _subjects(t, ("nsubj", "nsubjpass")):
            # "warned the North Koreans could carry out a test": with "that" left out, the parser makes the
            # clause's subject the warning's object
            read_as_object = [c for c in g.children if c.dep_ == "dobj" and c.i < t.i and c.pos_ in ("NOUN", "PROPN")]
            if read_as_object:
                return read_as_object[0]
        if t.dep_ == "xcomp" and g.pos_ in ("VERB", "AUX"):
            # raising: "X is believed / estimated / said to have shipped": the passive subject acts
            raised = [c for c in g.children if c.dep_ == "nsubjpass" and c.pos_ in _NOUNISH]
            if raised:
                return raised[0]
        if t.dep_ == "xcomp" and lemma in mod.get("request_heads", ()) and g.pos_ == "VERB":
            # object control: "urged Beijing to stop shipping", "called on Moscow to halt": the one asked acts
            asked = [c for c in g.children if c.dep_ == "dobj"] + [
                o for p in g.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
            if asked:
                return asked[0]
        if lemma in mod.get("attributing_heads", ()) and t.dep_ == "dobj":
            # "attributed the theft to X", "pinned the hack on X": the phrase names who did it
            for c in g.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "on") and c.i > t.i:
                    # a name or a group marked by its state ("North Korean hackers"); bare "hackers
                    # working for X" stay unnamed
                    named = next((o for o in c.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or any(
                        m.dep_ in ("amod", "compound") and m.ent_type_ in ("NORP", "GPE", "ORG") for m in o.children))), None)
                    if named is not None:
                        return named
        if lemma in mod.get("accuse_heads", ()) and t.dep_ != "conj":
            for c in g.children:
                # "accused X of ...", and in the passive "X was accused of ..."
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c
            return None
        if t.dep_ == "prep" and t.lower_ in ("of", "for") and g.pos_ == "VERB":
            # object control: "thanked X for using", "blamed X for sending"
            for c in g.children:
                if c.dep_ == "dobj":
                    return c
        if t.i == trigger.i and t.dep_ == "advcl" and t.tag_ == "VBG" and g.pos_ in ("VERB", "AUX") and not any(c.dep_.startswith("nsubj") for c in t.children):
            # a participle trigger shares the clause's subject ("workers remain abroad, earning cash"; "the
            # Treasury tied it to the gang, adding it to the list"), even a claim's; an event the participle
            # acts on does not ("the US, denouncing our launch, ...": not the US's launch)
            # (a coordinated verb shares its first conjunct's subject: "X has studied and developed ..., launching")
            subj = _subjects(g) or (_subjects(g.head) if g.dep_ == "conj" and g.head.pos_ in ("VERB", "AUX") else [])
            return subj[0] if subj else None
        if lemma in mod.get("allege_heads", ()) or lemma in mod.get("deny_heads", ()):
            return None  # the speaker is not the agent
        if t.dep_ in ("conj", "advcl") and g.pos_ in ("VERB", "AUX"):
            misread = _subordinate_subject(g, t)
            if misread is not None:
                return misread
        if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
            return None
        if t.dep_ == "prep" and t.lower_ in ("by", "through", "while", "after", "before") and prev.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX"):
            # a gerund adjunct shares the clause's subject: "X breached the cap by importing ..."
            subj = _subjects(g)
            if subj:
                return subj[0]
        if g.pos_ in ("VERB", "AUX"):
            subj_deps = ("nsubj", "nsubjpass") if t.dep_ == "conj" else ("nsubj",)
            subj = _subjects(g, subj_deps)
            # the subject is shared with a controlled or coordinated verb ("chose to flee",
            # "was renamed and changed"), or is the agent of a light verb's noun ("conducted a test")
            if subj and (t.dep_ in ("xcomp", "conj", "advcl") or lemma in mod.get("light_verbs", ())):
                if subj[0].lower_ in ("which", "that", "who") and g.dep_ == "relcl":
                    return g.head
                if lemma == "be" and subj[0].pos_ == "NOUN" and subj[0].lemma_.lower() in tax.by_lemma:
                    # "the north's launch was a missile launch": the subject is the event itself, and
                    # whoever it belongs to is the agent
                    return next((c for c in subj[0].children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
                return subj[0]
        prev, t = t, g
    return None


# conjunctions the parser may read as prepositions: "introduced after Russia in 2024 rejected the renewal"
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "once", "because", "when", "while"})


def _subordinate_subject(head: Token, verb: Token) -> Token | None:
    """The subject of a subordinate clause the parser read as a preposition plus a coordinated verb.

    With no coordinator between them, "X was introduced after Russia ... rejected Y" is not two acts of X:
    the "after" phrase's object, right before the verb, is the verb's subject.
    """
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return None
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in _SUBORDINATORS and head.i < p.i < verb.i:
            objs = [o for o in p.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN", "PRON")]
            if objs and all(head.doc[k].dep_ in ("prep", "pobj", "punct", "compound", "nummod", "det") or head.doc[k].is_punct
                            for k in range(objs[0].i + 1, verb.i)):
                return objs[0]
    return None


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def place_like(ctx: ArgumentContext, tok: Token) -> bool:
    """Whether a prepositional object can be an actor or place ("to Russia", "into the sea"), not "in addition"."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _PLACE_LABELS or tok.lemma_.lower() in ctx.tax.places:
        return True
    at = ctx.base + tok.idx
    return entity_at(ctx.entities, at, at + len(tok)) is not None


def _prep_args(ctx: ArgumentContext, heads: Iterable[Token], times: list[tuple[int, int, TimeValue]], table: dict[str, str]) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for h in heads:
        for c in h.children:
            if c.dep_ not in ("prep", "dative"):
                continue
            role = table.get(c.lower_)
            if role is None:
                continue
            for obj in c.children:
                # a target need not be a place or an actor ("stole ... from two exchanges")
                if obj.dep_ == "pobj" and not place_like(ctx, obj) and role in ("recipient", "destination"):
                    # "weapons for Russia's war": the possessor is the recipient
                    owner = next((p for p in obj.children if p.dep_ == "poss" and place_like(ctx, p)), None)
                    if owner is not None:
                        out.append((role, owner))
                    continue
                if obj.dep_ != "pobj" or not (role in ("target", "item") and obj.pos_ in ("NOUN", "PROPN") or place_like(ctx, obj)):
                    continue
                at = ctx.base + obj.idx
                if any(s <= at < e for s, e, _ in times):
                    continue  # "in March" is the time, not a place
                # "to countries such as Syria, Myanmar and Sudan", "on two firms, Acme and Orbis": the named ones too
                named = [g for p in obj.children if p.dep_ == "prep" and p.lower_ in ("as", "including", "like") for g in p.children if g.dep_ == "pobj"]
                named += [a for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
                if role == "item" and obj.lemma_.lower() in ctx.tax.measures:
                    # "with 3,000 tonnes of diesel": the item is what is measured
                    obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), obj)
                for o in [obj] + named:
                    out.append((role, o))
                    out.extend((role, cj) for cj in o.conjuncts if cj.i > o.i)
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
            s, e = _np_span(o)
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
    agent = _agent(head, tax)
    if agent is not None and agent.head.i == head.i and head.lemma_.lower() in tax.modality.get("theme_subject_verbs", ()):
        agent = None  # "limousines reached the country": the goods move, they do not act
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
    anaphor = _possessive_anaphor(head, tax)
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
        item_tok = _climb_compound(hit.context)
        if item_tok.pos_ == "ADJ" or hit.context.dep_ == "amod":
            item_tok = hit.context.head if hit.context.head.pos_ in ("NOUN", "PROPN") else item_tok
            item_tok = _climb_compound(item_tok)
        if item_tok.i == head.i or (agent is not None and item_tok.i == agent.i):
            item_tok = None
    # an object that is the context word ("imposed sanctions") or a sum of money
    # ("stole $1.5 billion", reported as the quantity) is not a participant
    money = quantity if quantity is not None and quantity[2].unit.isupper() else None
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "obj")
               and not (hit.context is not None and c.i == hit.context.i)
               and not (money and money[0] <= ctx.base + c.idx < money[1])]
    # "supplying Syria with rockets": the object receives, the "with" phrase is the item
    withs = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
    supplied_with = item_tok is not None and any(w.left_edge.i <= item_tok.i <= w.right_edge.i for w in withs)
    if supplied_with and "recipient" in t.roles:
        for obj in objects[:1]:
            args.append(argument_at(ctx, "recipient", obj))
            objects = []
    # a context word in a role phrase is that role, not the item: "stolen from banks" (target),
    # "transfer of coal from flagged ships onto barges" (origin; the item is the "of" phrase)
    via = t.prepositions.get(item_tok.head.lower_) if item_tok is not None and item_tok.dep_ == "pobj" else None
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
    if item_tok is not None and t.object_role == "item":
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
    if noun_role is not None and not any(a.role == noun_role for a in args):
        args.extend(argument_at(ctx, noun_role, o) for o in _noun_objects(head) if agent is None or o.i != agent.i)
    if noun_role is not None and not any(a.role == noun_role for a in args):
        args.extend(_named_victims(ctx, head, noun_role, agent))
    for c in head.children:
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"):
            args.append(argument_at(ctx, "recipient", c))
    prep_heads = [head] + ([item_tok] if item_tok is not None else [])
    if head.pos_ == "NOUN":
        # "the theft of $600 million worth of tokens from the bridge": the "of" phrases' phrases too
        prep_heads.extend(_of_chain(head))
    # "carried out tests in ...", "being behind arms sales to ...": the light verb's phrases too
    gov = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    if head.dep_ in ("dobj", "pobj") and head.pos_ == "NOUN" and gov.lemma_.lower() in tax.modality.get("light_verbs", ()):
        prep_heads.append(gov)
    found = _prep_args(ctx, prep_heads, times, t.prepositions)
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
    if nat_role and item_tok is not None and not any(a.role == nat_role for a in args):
        nat = nationality(ctx, item_tok)
        if nat is not None:
            args.append(Argument(nat_role, *nat))
    # a detector that read the roles itself (workers abroad): its findings fill the roles still empty, and
    # replace what the tree gave that names no actor ("I worked for a North Korean firm": the state, not "I")
    if hit.found:
        kept = [a for a in args if a.entity is not None or a.role not in {f.role for f in hit.found}]
        have = {a.role for a in kept}
        args = kept + [a for a in hit.found if a.role not in have]
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

"""Trigger detection: taxonomy lemmas and phrases typed by their syntactic context words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..model import Argument
from .coordination import coordination_order
from .hedges import hedged_objects
from .participles import reduced_relative_of
from .raising import raised_subject
from .senses import helped_verb, in_a_title, names_a_thing, other_sense
from .sentence_keys import SentenceKeys, sentence_keys
from .taxonomy import Taxonomy

# Dependency labels through which a trigger reaches its arguments (and the
# context words that type it).  Clausal links (ccomp, advcl, relcl) are left
# out on purpose: they lead into other events.
_ARG_DEPS = frozenset({
    "dobj", "nsubj", "nsubjpass", "attr", "oprd", "compound", "amod", "nmod", "dative",
    "pobj", "prep", "conj", "appos", "poss", "agent", "npadvmod", "acomp", "xcomp", "pcomp", "obj", "iobj",
    "nummod", "quantmod",  # "$2 billion theft": the currency sign types the event
    "advmod",  # "working overseas", "falsely identified"
})
_MAX_DEPTH = 3
# verbs by which a relative clause tells what a measure holds ("containers that could contain weapons")
_CONTENT_VERBS = frozenset({"contain", "hold", "carry", "include"})
# a participle of use names the act's means, which types it as an argument would ("the launch, using
# ballistic missile technology"; "stole the funds using malware"); other clausal modifiers are other events
_INSTRUMENT_PARTICIPLES = frozenset({"use", "employ"})
_RELATIVE = frozenset({"which", "that", "who", "whom"})
# adverbial links say when or how much, never what the trigger is about ("nine days after X designated")
_ADVERBIAL = frozenset({"npadvmod", "advmod", "nummod", "quantmod"})


# --- syntactic neighbourhood -------------------------------------------------


def _keys(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def _neighbourhood(trigger: Token, measures: frozenset[str] = frozenset(), reactions: frozenset[str] = frozenset(),
                   takings: frozenset[str] = frozenset(), hedges: frozenset[str] = frozenset(),
                   raising: frozenset[str] = frozenset()) -> list[tuple[Token, int]]:
    """Tokens reachable from the trigger through argument links (with their depth), trigger excluded."""
    out: list[tuple[Token, int]] = []
    seen = {trigger.i}
    frontier = [trigger]
    # a reduced relative or compound trigger ("weapons sent to Russia",
    # "missile launch" seen from "missile") also looks at its head
    # (and a headline's finite verb the parser hung on its object: "North Korea fires ballistic missile")
    if (trigger.dep_ in ("acl", "compound", "amod") or (trigger.dep_ == "nmod" and trigger.tag_ == "VBZ")) and trigger.head.i != trigger.i:
        out.append((trigger.head, 1))
        seen.add(trigger.head.i)
        frontier.append(trigger.head)
    # ... and so does one coordinated after it ("clothing made in North Korea and smuggled into China")
    described = reduced_relative_of(trigger)
    if described is not None:
        out.append((described, 1))
        seen.add(described.i)
        frontier.append(described)
    # "condemned X's launch, using missile technology": the parser hangs the means on the reaction verb,
    # but the one reacting used nothing
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in reactions:
        for c in trigger.head.children:
            if c.i not in seen and c.dep_ == "advcl" and _instrument(c, trigger, trigger):
                out.append((c, 1))
                seen.add(c.i)
                frontier.append(c)
    # a participle clause without its own subject shares the clause's ("workers remain in Russia,
    # earning cash for the state": the workers earn)
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and not any(c.dep_.startswith("nsubj") for c in trigger.children):
        for subj in (c for c in trigger.head.children if c.dep_ == "nsubj" and c.i not in seen):
            out.append((subj, 1))
            seen.add(subj.i)
            frontier.append(subj)
    # a relative clause whose object is the gap names its object by the noun it modifies ("the most powerful
    # weapon that North Korea has tested", "funds they stole from the exchange")
    # (and so does a passive one whose subject is the pronoun: "crabs that had been shipped from the North")
    if (trigger.dep_ == "relcl" and trigger.head.pos_ in ("NOUN", "PROPN") and trigger.head.i not in seen
            and (any(c.dep_ == "nsubjpass" and c.lower_ in _RELATIVE for c in trigger.children)
                 # "labourers who worked in X": a personal relative's antecedent is who acts
                 or any(c.dep_ == "nsubj" and c.lower_ == "who" for c in trigger.children)
                 or any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE for c in trigger.children)
                 and all(c.lower_ in _RELATIVE for c in trigger.children if c.dep_ in ("dobj", "obj")))):
        out.append((trigger.head, 1))
        seen.add(trigger.head.i)
        frontier.append(trigger.head)
    # a passive verb coordinated with another and without its own subject shares it as what it acts on ("the
    # ship had left Haeju and was interdicted off Egypt": the ship was interdicted); an active one's shared
    # subject is its actor, which types nothing ("the sanctions would increase tests and put pressure on")
    if (trigger.dep_ == "conj" and trigger.pos_ == "VERB" and _passive(trigger)
            and not any(c.dep_.startswith("nsubj") for c in trigger.children)):
        for subj in (c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in seen):
            out.append((subj, 1))
            seen.add(subj.i)
            frontier.append(subj)
    # "a second theft removed $21 million from a bridge": what a taking verb takes is the noun trigger's loot
    if (trigger.dep_ == "nsubj" and trigger.pos_ == "NOUN" and trigger.head.pos_ == "VERB"
            and trigger.head.lemma_.lower() in takings):
        for c in trigger.head.children:
            if c.dep_ in ("dobj", "obj", "prep") and c.i not in seen:
                out.append((c, 1))
                seen.add(c.i)
                frontier.append(c)
    # "soldiers are said to have been sent": the raising verb's subject is the infinitive's
    raised = raised_subject(trigger, raising)
    for near in [*_described_thing(trigger), *hedged_objects(trigger, hedges), *([raised] if raised is not None else [])]:
        if near.i not in seen:
            out.append((near, 1))
            seen.add(near.i)
            frontier.append(near)
    for depth in range(1, _MAX_DEPTH + 1):
        nxt = []
        for tok in frontier:
            for child in tok.children:
                if child.i in seen or not (child.dep_ in _ARG_DEPS or _instrument(child, tok, trigger)):
                    continue
                seen.add(child.i)
                out.append((child, depth))
                nxt.append(child)
                _through_measure(child, measures, seen, out, nxt, depth)
                if depth == 1:
                    _through_payload(child, seen, out, nxt)
                # a noun's modifiers are as close as the noun ("tests of nuclear weapons"); a measure
                # among them is transparent too ("3 million yuan worth of seafood")
                for mod in child.children:
                    if mod.dep_ in ("amod", "compound") and mod.i not in seen:
                        seen.add(mod.i)
                        out.append((mod, depth))
                        _through_measure(mod, measures, seen, out, nxt, depth)
                # conjuncts are as close as their first member ("villas, cars ... and luxuries")
                for cj in child.conjuncts:
                    if cj.i not in seen:
                        seen.add(cj.i)
                        out.append((cj, depth))
                        nxt.append(cj)
        frontier = nxt
    return out


def _passive(verb: Token) -> bool:
    """A passive verb, or a participle coordinated under one ("was held by X and later seized by Y")."""
    return any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.head.children))


def _described_thing(trigger: Token) -> list[Token]:
    """The thing a passive trigger is about where the parser hung it elsewhere: "what was fired by X could be a
    missile" (the clause is the subject of a copula whose complement names it), "detected a missile, presumed
    to be ..., fired from the X area" (a participle set off by commas describes the object before it)."""
    if trigger.tag_ != "VBN":
        return []
    if trigger.dep_ == "csubj" and any(c.dep_ == "nsubjpass" and c.lower_ == "what" for c in trigger.children):
        return [c for c in trigger.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if trigger.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in trigger.children):
        found = [c for c in trigger.head.children if c.dep_ in ("dobj", "obj") and c.i < trigger.i and c.pos_ == "NOUN"]
        return found + _noun_before_comma(trigger)
    return []


def _noun_before_comma(trigger: Token) -> list[Token]:
    """"imposed a ban in Resolution 2371, unanimously adopted on Aug. 5": the participle after the comma
    describes the noun phrase that ends right before it, an object of the same verb's phrase."""
    t = trigger.left_edge.nbor(-1) if trigger.left_edge.i > trigger.sent.start else None
    if t is None or t.text != ",":
        return []
    t = t.nbor(-1)
    while t.dep_ in ("nummod", "compound", "flat") and t.head.i != t.i:
        t = t.head
    ok = t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "dobj") and trigger.head in t.ancestors
    return [t] if ok else []


def _through_measure(tok: Token, measures: frozenset[str], seen: set[int], out: list[tuple[Token, int]],
                     nxt: list[Token], depth: int) -> None:
    """A measure is transparent: "a number of shells", "containers of munitions" reach the goods."""
    if tok.lemma_.lower() not in measures:
        return
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj" and o.i not in seen:
                    seen.add(o.i)
                    out.append((o, depth))
                    nxt.append(o)
        elif p.dep_ in ("relcl", "acl") and p.lemma_.lower() in _CONTENT_VERBS:
            # "containers that could hold shells", "containers containing ammunition": the load a clause gives
            # the measure is its goods
            for o in p.children:
                if o.dep_ in ("dobj", "obj") and o.i not in seen:
                    seen.add(o.i)
                    out.append((o, depth))
                    nxt.append(o)


def _through_payload(tok: Token, seen: set[int], out: list[tuple[Token, int]], nxt: list[Token]) -> None:
    """"launched a rocket carrying a spy satellite": what the act's own object carries says what the act is
    (a space launch, not a missile firing), as near as the object itself."""
    for p in tok.children:
        if p.dep_ == "acl" and p.tag_ == "VBG" and p.lemma_.lower() in _CONTENT_VERBS:
            for o in p.children:
                if o.dep_ in ("dobj", "obj") and o.i not in seen:
                    seen.add(o.i)
                    out.append((o, 1))
                    nxt.append(o)


def _instrument(child: Token, parent: Token, trigger: Token) -> bool:
    return (parent.i == trigger.i and child.dep_ in ("acl", "advcl") and child.tag_ == "VBG"
            and child.lemma_.lower() in _INSTRUMENT_PARTICIPLES)


def _context_hit(context: frozenset[str], hood: list[tuple[Token, int]], measures: frozenset[str] = frozenset(),
                 trigger: Token | None = None, place_preps: frozenset[str] = frozenset()) -> tuple[Token, int] | None:
    """The nearest context word among the trigger's arguments, with its depth.

    A measure word ("barrels", "containers") types the event only when nothing
    else does: "1 million barrels of oil" has the item "oil".  A context word
    names a thing: a verb ("drafted", "leading", "to watch") is another event,
    and a word in the trigger's place phrase says where it happens ("arrived
    at the unit", "sent autographs to officials in various units"), one in an
    adversary phrase whom it is against ("fought against the invading troops").
    """
    fallback = None
    for tok, depth in hood:
        lemma, lower = _keys(tok)
        if lemma in context or lower in context:
            if tok.pos_ in ("VERB", "AUX") and not (tok.dep_ in ("amod", "compound") and tok.tag_ == "VBN"):
                continue  # a participle modifier is a thing's property ("armoured cars"), "leading officials" no lead
            if tok.pos_ == "VERB" and lower not in context:
                continue  # ... named by its own form: "forced labour" has no force in it
            if trigger is not None and place_preps and _in_place_phrase(tok, trigger, place_preps):
                continue
            if lemma not in measures:
                return tok, depth
            fallback = fallback or (tok, depth)
    return fallback


def _in_place_phrase(tok: Token, trigger: Token, place_preps: frozenset[str]) -> bool:
    """Whether ``tok`` sits in a place phrase ("in ...", "at ...") between itself and the trigger."""
    if trigger not in tok.ancestors:
        return False  # a noun the trigger describes from outside ("in Resolution 2371, adopted on ...")
    t = tok
    for _ in range(2 * _MAX_DEPTH + 2):
        if t.i == trigger.i or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in place_preps and not _denomination(t.head):
            return True
        t = t.head
    return False


def _denomination(prep: Token) -> bool:
    """"$7 million in crypto", "$15 million in USDT": "in" after an amount names what it is counted in, not
    where it is."""
    return prep.lower_ == "in" and prep.head.dep_ != "ROOT" and (prep.head.tag_ == "CD" or prep.head.like_num)


def _names_a_programme(tok: Token, programmes: frozenset[str]) -> bool:
    """Whether the context word only names a programme ("funds funneled to its weapons of mass destruction
    program", "revenue for the missile programme"): the programme is a purpose, not the goods moved."""
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in programmes:
        return True
    return any(o.lemma_.lower() in programmes for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj")


def _acted_on(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` lies in the trigger's object or passive subject (a verb coordinated with the
    trigger and sharing its subject counts as the trigger: "had left port and was stopped")."""
    t = tok
    for _ in range(2 * _MAX_DEPTH + 2):
        if t.head.i == t.i:
            return False
        if t.head.i == trigger.i or (trigger.dep_ == "conj" and t.head.i == trigger.head.i):
            return t.dep_ in ("dobj", "obj", "nsubjpass")
        t = t.head
    return False


def _goods_of(trigger: Token, measures: frozenset[str]) -> Token | None:
    """What the trigger moves: its object or passive subject, or a noun trigger's "of" phrase, seen through a
    measure ("$80,000 worth of goods"); None where it names none ("the amount they supply")."""
    cands = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    cands += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for c in cands:
        if c.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        if c.lemma_.lower() not in measures:
            return c
        inner = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if inner:
            return inner[0]
    return None


def _also_hit(words: frozenset[str], hood: list[tuple[Token, int]], trigger: Token, context: Token,
              place_preps: frozenset[str]) -> bool:
    """A word of a rule's second lexicon among the trigger's arguments, in the context word's own phrase
    ("a new committee of experts"), or as the subject a coordinated trigger shares ("the freighter was
    renamed and changed its flag")."""
    if _context_hit(words, hood, frozenset(), trigger, place_preps) is not None:
        return True
    near = list(context.subtree)
    # whom the thing goes to is no place: "issued visas to North Korean workers", "permits for labourers"
    near.extend(t for c in trigger.children if c.dep_ in ("dative", "prep") and c.lower_ in ("to", "for") for t in c.subtree)
    # what the thing is for, as an infinitive the parser hangs on the trigger: "bought licences to fish"
    near.extend(c for c in trigger.children if c.dep_ == "xcomp")
    if trigger.dep_ == "conj":
        near.extend(c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(_keys(t)[0] in words or t.lower_ in words for t in near)


def _everyday_sense(words: frozenset[str], trigger: Token, hood: list[tuple[Token, int]]) -> bool:
    """One of ``words`` among the trigger's nearest arguments or as the noun it is "of" ("the execution
    of the plan", "a stay of execution")."""
    near = [tok for tok, depth in hood if depth <= 2 and tok.dep_ not in _ADVERBIAL]
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.lower_ == "of":
        near.append(trigger.head.head)
    # the understood subject of a verb in a chain ("hackers kept trying to seize coins"): the chain's subject
    v = trigger
    while v.dep_ == "xcomp" and v.head.i != v.i:
        v = v.head
        near.extend(c for c in v.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(_keys(tok)[0] in words or tok.lower_ in words for tok in near)


# --- trigger detection -------------------------------------------------------


@dataclass(slots=True)
class TriggerHit:
    type: str
    start_tok: int  # sentence-relative token indices
    end_tok: int
    head: Token  # the token arguments hang from
    context: Token | None
    found: tuple[Argument, ...] = ()  # arguments the detector read itself, where the tree hides them
    agents: frozenset[str] = frozenset()  # the rule's allowed agents (TriggerRule.agents)


def phrase_matches(sent: Span, tax: Taxonomy, keys: SentenceKeys | None = None) -> list[TriggerHit]:
    keys = keys or sentence_keys(sent)
    lemma, lower = keys.lemma, keys.lower
    n = len(lemma)
    hits: list[TriggerHit] = []
    for i in range(n):
        for key in set((lemma[i], lower[i])):
            for phrase, rule in tax.by_first_word.get(key, ()):
                if i + len(phrase) > n:
                    continue
                if all(w in (lemma[i + k], lower[i + k]) for k, w in enumerate(phrase)):
                    span = sent[i:i + len(phrase)]
                    ctx = None
                    if rule.context is not None:
                        # a phrase of everyday sense ("made off with") needs its context word as a lemma does
                        found = _context_hit(rule.context, _neighbourhood(span.root, tax.measures), tax.measures)
                        if found is None:
                            continue
                        ctx = found[0]
                    hits.append(TriggerHit(rule.type, i, i + len(phrase), span.root, ctx))
    return hits


def lemma_matches(sent: Span, tax: Taxonomy, keys: SentenceKeys | None = None,
                  documented: Mapping[str, int] | None = None) -> list[TriggerHit]:
    """Single-word triggers. Rules marked ``documented`` are left out, unless ``documented`` (the document's
    event counts by type) is given: then only those rules are tried, for the types the document reports."""
    keys = keys or sentence_keys(sent)
    hits: list[TriggerHit] = []
    rank = _order(tax)
    for i, (lemma, lower, pos) in enumerate(zip(keys.lemma, keys.lower, keys.pos)):
        rules = tax.by_lemma.get(lemma) or tax.by_lemma.get(lower)
        if not rules or pos not in ("VERB", "NOUN", "PROPN", "ADJ", "AUX"):
            continue
        tok = sent[i]
        verbal = helped_verb(tok)
        # "a ship", "the DPRK's moves", "such defect": the noun is an everyday thing, unless a rule asks for the noun
        if pos != "VERB" and not verbal and (lemma in tax.verb_only or lower in tax.verb_only) \
                and not any(rule.pos and "NOUN" in rule.pos for rule in rules):
            continue
        if (names_a_thing(tok, tax) and not verbal) or other_sense(tok, lemma, tax) or in_a_title(tok, tax):
            continue
        hood: list[tuple[Token, int]] | None = None
        # the rule whose context word is closest wins ("tested an engine for a missile"
        # is an engine test); a rule without context counts as closest; then file order
        best: tuple[tuple[int, int], TriggerHit] | None = None
        for rule in rules:
            if rule.pos and tok.pos_ not in rule.pos and not (verbal and "VERB" in rule.pos):
                continue
            if rule.plural and "Plur" not in tok.morph.get("Number"):
                continue
            if rule.documented != (documented is not None) or (documented is not None and not documented.get(rule.documented_by or rule.type)):
                continue
            ctx, depth = None, 0
            if rule.context is not None or rule.not_with:
                hood = hood if hood is not None else _neighbourhood(
                    tok, tax.measures, tax.modality.get("reaction_heads", frozenset()), tax.modality.get("taking_verbs", frozenset()),
                    tax.modality.get("hedge_verbs", frozenset()), tax.modality.get("raising_heads", frozenset()))
            if rule.not_with and _everyday_sense(rule.not_with, tok, hood or []):
                continue
            if rule.context is not None:
                hood = hood or []
                places = tax.location_preps.get(rule.type, frozenset()) | tax.modality.get("adversary_preps", frozenset())
                if tax.types[rule.type].object_role == "item" and any(c.dep_ in ("dobj", "obj") for c in tok.children):
                    places = places | tax.receiver_preps.get(rule.type, frozenset())
                if rule.via:
                    found = _context_hit(rule.context, [h for h in hood if _in_place_phrase(h[0], tok, rule.via)],
                                         tax.measures, tok)
                else:
                    found = _context_hit(rule.context, hood, tax.measures, tok, places)
                if found is not None and rule.object_only and not _acted_on(found[0], tok):
                    found = None
                if found is not None and _names_a_programme(found[0], tax.modality.get("programme_nouns", frozenset())):
                    found = None
                if found is not None and rule.needs_item and _goods_of(tok, tax.measures) is None:
                    found = None
                if found is None or (rule.unless and any(
                        c.dep_ in ("compound", "amod") and (c.lower_ in rule.unless or c.lemma_.lower() in rule.unless)
                        for c in found[0].children)):
                    continue
                if rule.also is not None and not _also_hit(rule.also, hood, tok, found[0], places):
                    continue
                ctx, depth = found
            # a type read off the destination ("sold ... to North Korea") is a fallback: any goods lexicon of
            # the trigger's ("delivery of refined petroleum products into North Korea") names the closer type
            fallback = 2 if rule.via and rule.context is not None and rule.needs_item else 0
            # of coordinated goods, the first named types the act ("workers as well as troops")
            first = coordination_order(ctx, best[1].context if best is not None else None)
            key = (depth + fallback, first, rank.get(rule.type, 99))
            if best is None or key < best[0]:
                best = (key, TriggerHit(rule.type, i, i + 1, tok, ctx, agents=rule.agents))
        if best is not None:
            hits.append(best[1])
    return hits


def _order(tax: Taxonomy) -> dict[str, int]:
    return {t: n for n, t in enumerate(tax.types)}


def select_hits(hits: list[TriggerHit], tax: Taxonomy) -> list[TriggerHit]:
    """One event per token: phrases beat single lemmas, earlier types beat later ones; a trigger
    that is the context word of a same-type event ("arms sales": sale<-arms) is not a second event."""
    rank = _order(tax)
    hits.sort(key=lambda h: (-(h.end_tok - h.start_tok), rank.get(h.type, 99), h.start_tok))
    taken: set[int] = set()
    chosen: list[TriggerHit] = []
    for h in hits:
        toks = set(range(h.start_tok, h.end_tok))
        if toks & taken:
            continue
        taken |= toks
        chosen.append(h)
    # the same event seen twice: a noun under its verb ("carried out arms sales" is not
    # two events), or a modifier of the verb's item ("printed counterfeit bills",
    # "laundered stolen crypto"): the verb's hit stands for both
    out = []
    for h in chosen:
        dup = any(
            o is not h and o.type == h.type and (
                (h.head.head.i == o.head.i and h.head.dep_ in ("dobj", "pobj", "compound"))
                or (h.head.dep_ in ("amod", "compound") and o.context is not None and h.head.head.i == o.context.i)
            )
            for o in chosen
        )
        if not dup:
            out.append(h)
    return sorted(out, key=lambda h: h.start_tok)



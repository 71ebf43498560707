"""Sanctions-relevant events, one sentence at a time.

For each parsed sentence:

1. **Triggers.** Every token is looked up in an index compiled once from
   ``data/taxonomy.yaml`` (lemma -> rules).  A rule with a *context* fires
   only when one of the context words is among the trigger's syntactic
   arguments (objects, subject, compounds, "of"/"to" phrases, up to three
   links away), which is what tells "sent ... weapons" (arms_transfer) from
   "sent ... troops" (troop_deployment) and keeps a bare "missile" from being
   a launch.  Multiword phrases ("front company") are matched on lemmas or
   lower-case forms.  Types are tried in file order; the first wins a token.
2. **Arguments** come from the dependency tree: the agent is the subject (or
   the "by" phrase, a possessor, the subject of a light verb such as
   "conducted", or the object of "accused X of"); the item is the context
   word's noun phrase; prepositions map to roles (to -> destination, from ->
   origin, in -> location ...).  Actor arguments carry the entity id of the
   mention they overlap.
3. **Quantity and time**: the quantity (``quantity.find_quantities``) and
   time expression (``timex.find_times``) of the sentence that lie in the
   trigger's clause, else the nearest ones in the sentence.
4. **Modality**: negation and modal auxiliaries on the trigger or the verbs
   governing it; an enclosing attribution's stance; else local cues
   ("accused", "said", "reportedly").  An event reported by someone other
   than its agent is *alleged*.

Triggers under a governing verb such as "ban" or "cap" describe a rule, not an
occurrence ("the resolutions ban coal exports"), and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Sequence

import yaml
from spacy.tokens import Span, Token

from .actors import dateline_end, entity_at
from .model import Argument, Attribution, Document, Entity, Event, Fragment, Quantity, TimeValue, strip_span
from .quantity import find_quantities
from .read import Parsed
from .timex import find_times, parse_anchor

# Dependency labels through which a trigger reaches its arguments (and the
# context words that type it).  Clausal links (ccomp, advcl, relcl) are left
# out on purpose: they lead into other events.
_ARG_DEPS = frozenset({
    "dobj", "nsubj", "nsubjpass", "attr", "oprd", "compound", "amod", "nmod", "dative",
    "pobj", "prep", "conj", "appos", "poss", "agent", "npadvmod", "acomp", "xcomp", "pcomp", "obj", "iobj",
})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_MAX_DEPTH = 3


# --- taxonomy ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TriggerRule:
    type: str
    lemmas: frozenset[str]
    context: frozenset[str] | None
    pos: frozenset[str] | None
    phrases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class EventType:
    id: str
    category: str
    label: str
    description: str
    cameo: tuple[str, ...]
    plover: str | None
    roles: frozenset[str]
    object_role: str
    prepositions: dict[str, str]  # preposition -> role, the global table with this type's overrides


@dataclass(slots=True)
class Taxonomy:
    types: dict[str, EventType]
    rules: list[TriggerRule]
    modality: dict[str, frozenset[str]]
    places: frozenset[str]
    # compiled indexes: first token -> rules, so a sentence costs one dict lookup per token
    by_lemma: dict[str, list[TriggerRule]] = field(default_factory=dict)
    by_first_word: dict[str, list[tuple[tuple[str, ...], TriggerRule]]] = field(default_factory=dict)

    def compile(self) -> "Taxonomy":
        for rule in self.rules:
            for lemma in rule.lemmas:
                self.by_lemma.setdefault(lemma, []).append(rule)
            for phrase in rule.phrases:
                self.by_first_word.setdefault(phrase[0], []).append((phrase, rule))
        for table in (self.by_first_word,):
            for key in table:
                table[key].sort(key=lambda pr: -len(pr[0]))  # longest phrase first
        return self


def _words(phrase: str) -> tuple[str, ...]:
    # split like the tokenizer does: "ship-to-ship" -> ship - to - ship
    return tuple(re.findall(r"\w+|[^\w\s]", phrase.lower()))


def _lexicon(value: Any, lexicons: dict[str, list[str]]) -> frozenset[str] | None:
    if value is None:
        return None
    words = lexicons[value] if isinstance(value, str) else value
    return frozenset(str(w).lower() for w in words)


def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Load and compile the event taxonomy (the packaged one unless ``path`` is given)."""
    if path is None:
        return _packaged_taxonomy()
    with open(path, encoding="utf-8") as fh:
        return _build_taxonomy(yaml.safe_load(fh))


@lru_cache(maxsize=1)
def _packaged_taxonomy() -> Taxonomy:
    raw = yaml.safe_load(resources.files("sanctionwatch.data").joinpath("taxonomy.yaml").read_text(encoding="utf-8"))
    return _build_taxonomy(raw)


def _build_taxonomy(raw: dict[str, Any]) -> Taxonomy:
    lexicons = {k: list(v) for k, v in raw.get("lexicons", {}).items()}
    preps = {str(k).lower(): str(v) for k, v in raw.get("prepositions", {}).items()}
    types: dict[str, EventType] = {}
    rules: list[TriggerRule] = []
    for t in raw["types"]:
        types[t["id"]] = EventType(
            id=t["id"],
            category=t.get("category", ""),
            label=t.get("label", t["id"]),
            description=" ".join(str(t.get("description", "")).split()),
            cameo=tuple(str(c) for c in t.get("cameo") or ()),
            plover=t.get("plover"),
            roles=frozenset(t.get("roles", {}) or ()) | {"time", "quantity"},
            object_role=t.get("object_role", "item"),
            prepositions={**preps, **{str(k).lower(): str(v) for k, v in (t.get("prepositions") or {}).items()}},
        )
        for r in t.get("triggers", []):
            rules.append(TriggerRule(
                type=t["id"],
                lemmas=frozenset(str(x).lower() for x in r.get("lemmas", ())),
                context=_lexicon(r.get("context"), lexicons),
                pos=frozenset(r["pos"]) if r.get("pos") else None,
                phrases=tuple(_words(p) for p in r.get("phrases", ())),
            ))
    modality = {k: frozenset(str(w).lower() for w in v) for k, v in raw.get("modality", {}).items()}
    places = frozenset(str(w).lower() for w in lexicons.get("places", ()))
    return Taxonomy(types, rules, modality, places).compile()


# --- syntactic neighbourhood -------------------------------------------------


def _keys(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def _neighbourhood(trigger: Token) -> list[tuple[Token, int]]:
    """Tokens reachable from the trigger through argument links (with their depth), trigger excluded."""
    out: list[tuple[Token, int]] = []
    seen = {trigger.i}
    frontier = [trigger]
    # a reduced relative or compound trigger ("weapons sent to Russia",
    # "missile launch" seen from "missile") also looks at its head
    if trigger.dep_ in ("acl", "compound", "amod") and trigger.head.i != trigger.i:
        out.append((trigger.head, 1))
        seen.add(trigger.head.i)
        frontier.append(trigger.head)
    for depth in range(1, _MAX_DEPTH + 1):
        nxt = []
        for tok in frontier:
            for child in tok.children:
                if child.i in seen or child.dep_ not in _ARG_DEPS:
                    continue
                seen.add(child.i)
                out.append((child, depth))
                nxt.append(child)
                # a noun's modifiers are as close as the noun ("tests of nuclear weapons")
                for mod in child.children:
                    if mod.dep_ in ("amod", "compound") and mod.i not in seen:
                        seen.add(mod.i)
                        out.append((mod, depth))
                # conjuncts are as close as their first member ("villas, cars ... and luxuries")
                for cj in child.conjuncts:
                    if cj.i not in seen:
                        seen.add(cj.i)
                        out.append((cj, depth))
                        nxt.append(cj)
        frontier = nxt
    return out


def _context_hit(context: frozenset[str], hood: list[tuple[Token, int]]) -> tuple[Token, int] | None:
    """The nearest context word among the trigger's arguments, with its depth."""
    for tok, depth in hood:
        lemma, lower = _keys(tok)
        if lemma in context or lower in context:
            return tok, depth
    return None


# --- trigger detection -------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    type: str
    start_tok: int  # sentence-relative token indices
    end_tok: int
    head: Token  # the token arguments hang from
    context: Token | None


def _phrase_matches(sent: Span, tax: Taxonomy) -> list[_Hit]:
    toks = list(sent)
    hits: list[_Hit] = []
    for i, tok in enumerate(toks):
        for key in set(_keys(tok)):
            for phrase, rule in tax.by_first_word.get(key, ()):
                if i + len(phrase) > len(toks):
                    continue
                if all(w in _keys(toks[i + k]) for k, w in enumerate(phrase)):
                    span = sent[i:i + len(phrase)]
                    hits.append(_Hit(rule.type, i, i + len(phrase), span.root, None))
    return hits


def _lemma_matches(sent: Span, tax: Taxonomy) -> list[_Hit]:
    hits: list[_Hit] = []
    rank = _order(tax)
    for i, tok in enumerate(sent):
        rules = tax.by_lemma.get(tok.lemma_.lower()) or tax.by_lemma.get(tok.lower_)
        if not rules or tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ", "AUX"):
            continue
        hood: list[tuple[Token, int]] | None = None
        # the rule whose context word is closest wins ("tested an engine for a missile"
        # is an engine test); a rule without context counts as closest; then file order
        best: tuple[tuple[int, int], _Hit] | None = None
        for rule in rules:
            if rule.pos and tok.pos_ not in rule.pos:
                continue
            ctx, depth = None, 0
            if rule.context is not None:
                hood = hood if hood is not None else _neighbourhood(tok)
                found = _context_hit(rule.context, hood)
                if found is None:
                    continue
                ctx, depth = found
            key = (depth, rank.get(rule.type, 99))
            if best is None or key < best[0]:
                best = (key, _Hit(rule.type, i, i + 1, tok, ctx))
        if best is not None:
            hits.append(best[1])
    return hits


def _order(tax: Taxonomy) -> dict[str, int]:
    return {t: n for n, t in enumerate(tax.types)}


def _select(hits: list[_Hit], tax: Taxonomy) -> list[_Hit]:
    """One event per token: phrases beat single lemmas, earlier types beat later ones; a trigger
    that is the context word of a same-type event ("arms sales": sale<-arms) is not a second event."""
    rank = _order(tax)
    hits.sort(key=lambda h: (-(h.end_tok - h.start_tok), rank.get(h.type, 99), h.start_tok))
    taken: set[int] = set()
    chosen: list[_Hit] = []
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
class _Ctx:
    text: str
    base: int
    entities: Sequence[Entity]
    tax: Taxonomy


def _arg(ctx: _Ctx, role: str, tok: Token, whole_np: bool = True) -> Argument:
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


def _governors(tok: Token) -> Iterable[Token]:
    """The trigger's ancestors up to the sentence root."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        yield t


def _agent(trigger: Token, tax: Taxonomy) -> Token | None:
    mod = tax.modality
    for c in trigger.children:
        if c.dep_ == "nsubj" and c.pos_ in _NOUNISH and c.lower_ not in ("which", "that", "who"):
            return c
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                return c
            if c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    t = trigger
    for g in _governors(trigger):
        lemma = g.lemma_.lower()
        if lemma in mod.get("accuse_heads", ()):
            for c in g.children:
                if c.dep_ == "dobj":
                    return c
            return None
        if t.dep_ == "prep" and t.lower_ in ("of", "for") and g.pos_ == "VERB":
            # object control: "thanked X for using", "blamed X for sending"
            for c in g.children:
                if c.dep_ == "dobj":
                    return c
        if lemma in mod.get("allege_heads", ()) or lemma in mod.get("deny_heads", ()):
            return None  # the speaker is not the agent
        if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
            return None
        if g.pos_ in ("VERB", "AUX"):
            subj_deps = ("nsubj", "nsubjpass") if t.dep_ == "conj" else ("nsubj",)
            subj = [c for c in g.children if c.dep_ in subj_deps and c.pos_ in _NOUNISH]
            # the subject is shared with a controlled or coordinated verb ("chose to flee",
            # "was renamed and changed"), or is the agent of a light verb's noun ("conducted a test")
            if subj and (t.dep_ in ("xcomp", "conj", "advcl") or lemma in mod.get("light_verbs", ())):
                if subj[0].lower_ in ("which", "that", "who") and g.dep_ == "relcl":
                    return g.head
                return subj[0]
        t = g
    return None


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _place_like(ctx: _Ctx, tok: Token) -> bool:
    """Whether a prepositional object can be an actor or place ("to Russia", "into the sea"), not "in addition"."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _PLACE_LABELS or tok.lemma_.lower() in ctx.tax.places:
        return True
    at = ctx.base + tok.idx
    return entity_at(ctx.entities, at, at + len(tok)) is not None


def _prep_args(ctx: _Ctx, heads: Iterable[Token], times: list[tuple[int, int, TimeValue]], table: dict[str, str]) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for h in heads:
        for c in h.children:
            if c.dep_ not in ("prep", "dative"):
                continue
            role = table.get(c.lower_)
            if role is None:
                continue
            for obj in c.children:
                if obj.dep_ != "pobj" or not _place_like(ctx, obj):
                    continue
                at = ctx.base + obj.idx
                if any(s <= at < e for s, e, _ in times):
                    continue  # "in March" is the time, not a place
                # "to countries such as Syria, Myanmar and Sudan": the named ones too
                named = [g for p in obj.children if p.dep_ == "prep" and p.lower_ in ("as", "including", "like") for g in p.children if g.dep_ == "pobj"]
                for o in [obj] + named:
                    out.append((role, o))
                    out.extend((role, cj) for cj in o.conjuncts if cj.i > o.i)
    return out


def _arguments(ctx: _Ctx, hit: _Hit, etype: str, times, quantity) -> list[Argument]:
    tax = ctx.tax
    t = tax.types[etype]
    head = hit.head
    args: list[Argument] = []
    agent = _agent(head, tax)
    if agent is not None:
        args.append(_arg(ctx, "agent", agent))
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
    if item_tok is not None and t.object_role == "item":
        args.append(_arg(ctx, "item", item_tok))
    elif objects and (item_tok is None or t.object_role != "item"):
        obj = objects[0]
        if not (agent is not None and obj.i == agent.i):
            args.append(_arg(ctx, t.object_role, obj))
            item_tok = item_tok or obj
    for c in head.children:
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"):
            args.append(_arg(ctx, "recipient", c))
    prep_heads = [head] + ([item_tok] if item_tok is not None else [])
    # "carried out tests in ...", "being behind arms sales to ...": the light verb's phrases too
    gov = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    if head.dep_ in ("dobj", "pobj") and head.pos_ == "NOUN" and gov.lemma_.lower() in tax.modality.get("light_verbs", ()):
        prep_heads.append(gov)
    for role, tok in _prep_args(ctx, prep_heads, times, t.prepositions):
        if role == "agent" and any(a.role == "agent" for a in args):
            continue
        args.append(_arg(ctx, role, tok))
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



# --- datelines -----------------------------------------------------------------

def _token_at(sent: Span, base: int, at: int) -> Token | None:
    for tok in sent:
        if base + tok.idx <= at < base + tok.idx + len(tok):
            return tok
    return None


def _after_dateline_subject(sent: Span, base: int, dateline_end: int, trigger: Token) -> Token | None:
    """The head of the noun phrase that follows the dateline, when it precedes the trigger."""
    first = next((t for t in sent if base + t.idx >= dateline_end), None)
    if first is None or first.i >= trigger.i:
        return None
    tok = first
    while tok.dep_ in ("compound", "flat", "amod", "det", "poss", "nmod") and first.i <= tok.head.i < trigger.i:
        tok = tok.head
    return tok if tok.pos_ in ("PROPN", "NOUN") else None


# --- quantity and time -------------------------------------------------------


def _pick(found: list[tuple[int, int, Any]], clause: tuple[int, int], trigger_at: int) -> tuple[int, int, Any] | None:
    """The expression inside the trigger's clause nearest the trigger, else the nearest in the sentence."""
    if not found:
        return None
    inside = [f for f in found if f[0] >= clause[0] and f[1] <= clause[1]]
    pool = inside or found
    return min(pool, key=lambda f: min(abs(f[0] - trigger_at), abs(f[1] - trigger_at)))


def _clause(ctx: _Ctx, head: Token) -> tuple[int, int]:
    # the subtree of the nearest verb at or above the trigger
    v = head
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return ctx.base + v.left_edge.idx, ctx.base + v.right_edge.idx + len(v.right_edge)


# --- modality ----------------------------------------------------------------

_STANCE_MODALITY = {"deny": "denied", "allege": "alleged"}


def _local_modality(head: Token, tax: Taxonomy) -> tuple[str | None, bool]:
    """(modality from cues on the trigger and the verbs governing it, whether it is generic)."""
    mod = tax.modality
    chain = [head] + list(_governors(head))
    for n, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        if n > 0 and lemma in mod.get("generic_heads", ()) and tok.pos_ == "VERB":
            return None, True
        if n > 0 and lemma in mod.get("deny_heads", ()):
            return "denied", False
        if any(c.dep_ == "neg" for c in tok.children) or (n > 0 and lemma in mod.get("negating_heads", ())):
            return "negated", False
        if any(c.dep_ == "aux" and c.lower_ in mod.get("hypothetical_aux", ()) for c in tok.children):
            return "hypothetical", False
        if n > 0 and lemma in mod.get("hypothetical_heads", ()):
            return "hypothetical", False
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return "negated", False
        if n > 0 and lemma in mod.get("allege_heads", ()) | mod.get("accuse_heads", frozenset()):
            return "alleged", False
        if any(c.lower_ in mod.get("allege_adverbs", ()) or (c.dep_ == "prep" and c.lower_ in mod.get("allege_preps", ())) for c in tok.children):
            return "alleged", False
        if tok.dep_ in ("ccomp", "parataxis") and n > 0 and tok.lemma_.lower() not in mod.get("allege_heads", ()):
            continue
    return None, False


def _attribution_of(attributions: Sequence[Attribution], start: int, end: int) -> int | None:
    """Index of the innermost attribution whose content contains [start, end)."""
    best, best_len = None, None
    for i, a in enumerate(attributions):
        for f in a.content:
            if f.start <= start and end <= f.end:
                size = f.end - f.start
                if best_len is None or size < best_len:
                    best, best_len = i, size
    return best


def _modality(local: str | None, attribution: Attribution | None, agent: Argument | None) -> str:
    if local in ("negated", "hypothetical", "denied"):
        return local
    if attribution is not None:
        if attribution.stance in _STANCE_MODALITY:
            return _STANCE_MODALITY[attribution.stance]
        if attribution.stance == "confirm":
            return "asserted"
        self_report = agent is not None and attribution.source_entity is not None and attribution.source_entity == agent.entity
        return "asserted" if self_report else "alleged"
    return local or "asserted"


# --- entry point -------------------------------------------------------------


def extract_events(parsed: Parsed, doc: Document, taxonomy: Taxonomy | None = None) -> list[Event]:
    """Events of every parsed sentence of ``doc`` (entities and attributions already filled)."""
    tax = taxonomy or load_taxonomy()
    anchor: date | None = parse_anchor(doc.published)
    events: list[Event] = []
    for block in parsed.blocks:
        for sent in block.doc.sents:
            events.extend(_sentence_events(_Ctx(doc.text, block.start, doc.entities, tax), sent, doc, anchor))
    return events


def _sentence_events(ctx: _Ctx, sent: Span, doc: Document, anchor: date | None) -> list[Event]:
    tax = ctx.tax
    hits = _select(_phrase_matches(sent, tax) + _lemma_matches(sent, tax), tax)
    if not hits:
        return []
    s0, s1 = ctx.base + sent.start_char, ctx.base + sent.end_char
    dateline = dateline_end(ctx.text, s0, s1)
    times = [t for t in find_times(ctx.text, s0, s1, anchor) if t[0] >= dateline]
    quantities = find_quantities(ctx.text, s0, s1)
    out: list[Event] = []
    for hit in hits:
        local, generic = _local_modality(hit.head, tax)
        if generic:
            continue
        span = sent[hit.start_tok:hit.end_tok]
        trig = Fragment.of(ctx.text, ctx.base + span.start_char, ctx.base + span.end_char)
        clause = _clause(ctx, hit.head)
        time = _pick(times, clause, trig.start)
        # a quantity must lie in the trigger's clause: amounts elsewhere in the sentence count other things
        qty = _pick([q for q in quantities if not _overlaps(q, times) and clause[0] <= q[0] and q[1] <= clause[1]], clause, trig.start)
        args = _arguments(ctx, hit, hit.type, times, qty)
        if time is not None:
            args.append(Argument("time", time[0], time[1], ctx.text[time[0]:time[1]]))
        att = _attribution_of(doc.attributions, trig.start, trig.end)
        args = _resolve_agent(ctx, sent, hit, args, dateline, doc.attributions[att] if att is not None else None)
        agent = next((a for a in args if a.role == "agent"), None)
        modality = _modality(local, doc.attributions[att] if att is not None else None, agent)
        out.append(Event(
            type=hit.type,
            trigger=trig,
            arguments=args,
            quantity=_quantity(qty),
            time=time[2] if time else None,
            modality=modality,
            attribution=att,
            sentence=Fragment.of(ctx.text, *strip_span(ctx.text, s0, s1)),
            confidence=0.9 if hit.context is not None or hit.end_tok - hit.start_tok > 1 else 0.7,
        ))
    return out


def _quantity(found: tuple[int, int, Quantity] | None) -> Quantity | None:
    return found[2] if found else None


def _overlaps(f: tuple[int, int, Any], others: Sequence[tuple[int, int, Any]]) -> bool:
    return any(f[0] < o[1] and o[0] < f[1] for o in others)



def _resolve_agent(
    ctx: _Ctx, sent: Span, hit: _Hit, args: list[Argument], dateline: int, attribution: Attribution | None
) -> list[Argument]:
    """Repair the agent argument where the parse or the wording hides the actor.

    * A dateline city ("SEOUL, May 29 (Wire) - North Korea shipped ...") parsed as
      the subject is replaced by the noun phrase after the dateline.
    * A personal pronoun agent inside reported speech whose source is a known
      actor ("North Korea said it had fired ...") refers to the speaker in this
      genre; it keeps its text and offsets and takes the speaker's entity id.
    """
    out: list[Argument] = []
    for a in args:
        if a.role == "agent" and a.start < dateline:
            tok = _after_dateline_subject(sent, ctx.base, dateline, hit.head)
            if tok is None:
                continue
            a = _arg(ctx, "agent", tok)
        if (
            a.role == "agent" and a.entity is None and attribution is not None and attribution.source_entity
            and a.text.lower() in ctx.tax.modality.get("speaker_pronouns", frozenset())
            and any(f.start <= a.start and a.end <= f.end for f in attribution.content)
        ):
            a = Argument(a.role, a.start, a.end, a.text, attribution.source_entity)
        out.append(a)
    return out

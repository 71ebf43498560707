"""Repairs of the agent the tree gives: a dateline read as the subject, a pronoun inside a quotation, a
class noun ("the vessel Valiant") or an anaphor ("the country's") standing for a named actor."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ..model import Argument, Attribution, Document
from .argument_spans import ArgumentContext, argument_at
from .origin import origin_agent
from .triggers import TriggerHit


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


# actor types a document can speak for in its own voice (a government's media release)
_VOICE_TYPES = frozenset({"country", "government_body"})


def document_voice(doc: Document) -> str | None:
    """The actor a release speaks for: the source that most of the document's attributions name, when it is a
    state or a government body and names at least half of them ("Australia condemns ... Australia calls on ...
    Today we announce sanctions")."""
    counts = Counter(a.source_entity for a in doc.attributions if a.source_entity)
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    kind = next((e.type for e in doc.entities if e.id == best), None)
    if kind not in _VOICE_TYPES or n < 2 or 2 * n < sum(counts.values()):
        return None
    return best


def resolve_agent(
    ctx: ArgumentContext, sent: Span, hit: TriggerHit, args: list[Argument], dateline: int, attribution: Attribution | None,
    voice: str | None = None,
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
            a = argument_at(ctx, "agent", tok)
        if (
            a.role == "agent" and a.entity is None and attribution is not None
            and (attribution.source_entity or attribution.affiliation)
            and a.text.lower() in ctx.tax.modality.get("speaker_pronouns", frozenset())
            and any(f.start <= a.start and a.end <= f.end for f in attribution.content)
        ):
            a = Argument(a.role, a.start, a.end, a.text, _speaker_voice(ctx, a, attribution))
        if a.role == "agent" and a.entity is None and attribution is None and a.text.lower() in _CLAUSE_PRONOUNS:
            # a report the attribution layer did not read: the tree's report verb and its named subject
            a = _reporter_subject(ctx, sent, hit.head, a)
        if (a.role == "agent" and a.entity is None and voice is not None and attribution is None
                and a.text.lower() in ctx.tax.modality.get("narrator_pronouns", frozenset())):
            # "Today we announce sanctions" in the narration of a release: the government that issues it
            a = Argument(a.role, a.start, a.end, a.text, voice)
        if a.role == "agent" and a.entity is None:
            a = origin_agent(ctx, sent, _named_or_antecedent(ctx, sent, a))
            if a.entity is None and a.text.lower() in ctx.tax.modality.get("possessive_anaphors", ()):
                continue  # "its launch" with no country before it names no actor
            if (a.entity is None and attribution is None and a.text.lower() in ctx.tax.modality.get("empty_pronouns", ())
                    and hit.type in ctx.tax.modality.get("state_acts", ())):
                # (inside reported speech the speaker is what "it" stands for, resolved above or not at all)
                a = Argument(a.role, a.start, a.end, a.text, _country_before(ctx, sent, a.start))
            if a.entity is None and attribution is None and a.text.lower() in ctx.tax.modality.get("empty_pronouns", ()):
                continue  # nor does a bare "it" outside reported speech ("making it the largest hack")
            if (a.entity is None and a.text.lower() in ctx.tax.modality.get("group_pronouns", ())
                    and hit.type in ctx.tax.modality.get("group_acts", ())):
                # "After the Lazarus Group gained access ..., they laundered the funds": the group last named
                # as a subject (this or the previous sentence); the victim named as an object is not "they"
                a = Argument(a.role, a.start, a.end, a.text, _group_subject_before(ctx, sent, a.start))
        if any((o.role, o.start, o.end) == (a.role, a.start, a.end) for o in out):
            continue  # two dateline words ("UNITED NATIONS, United States") repaired to the same subject
        out.append(a)
    return out


# subject pronouns that, in a clause reported by a named subject, refer to that subject ("Mr. Ri has said he
# would launch", "Iran said it had fired")
_CLAUSE_PRONOUNS = frozenset({"he", "she", "it", "they"})


def _reporter_subject(ctx: ArgumentContext, sent: Span, trigger: Token, a: Argument) -> Argument:
    """The named subject of the report verb whose complement holds the trigger, for a pronoun agent the
    attribution layer left unresolved; the pronoun itself when there is no such subject."""
    mod = ctx.tax.modality
    speech = mod.get("allege_heads", frozenset()) | mod.get("deny_heads", frozenset())
    t = trigger
    for _ in range(3):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in speech:
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ != "PROPN":
                return a
            named = argument_at(ctx, "agent", subj)
            if not _may_stand_for(ctx, a.text, named.entity):
                return a  # "he will send more, the NIS said": the agency is no "he"
            if named.entity is not None:
                return Argument(a.role, a.start, a.end, a.text, named.entity)
            return named
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return a
        t = t.head
    return a


def _may_stand_for(ctx: ArgumentContext, pronoun: str, entity: str | None) -> bool:
    """Whether a pronoun can refer to the actor: "he" and "she" only to a person (or an actor of unknown type)."""
    if entity is None or pronoun.lower() not in ctx.tax.modality.get("person_pronouns", frozenset()):
        return True
    actor = next((e for e in ctx.entities if e.id == entity), None)
    return actor is None or actor.type == "person"


# bodies a person speaks for: their "we" is the body, not the person ("we sanctioned", said the spokesman)
_BODY_TYPES = frozenset({"government_body", "armed_forces", "intelligence", "organisation", "organization"})


def _speaker_voice(ctx: ArgumentContext, a: Argument, attribution: Attribution) -> str | None:
    """The actor a quoted pronoun stands for: the speaker, or for "we" the body the speaker belongs to. A
    person's pronoun never stands for a speaking body ("he will send more troops, the spy agency said": "he" is
    the leader the agency reports on, not the agency)."""
    if not _may_stand_for(ctx, a.text, attribution.source_entity):
        return None
    if a.text.lower() == "we" and attribution.affiliation:
        body = next((e for e in ctx.entities if e.id == attribution.affiliation), None)
        if body is not None and body.type in _BODY_TYPES:
            return body.id
    return attribution.source_entity


# entity types an anaphoric description may refer back to, and where the antecedent may lie: a country
# anywhere in this or the previous sentence ("the country's test"), a group only right before the
# description, as its apposition ("Lazarus and APT38, cyber actors tied to ...") -- elsewhere "hackers"
# are as likely the victim's attackers as the last-named firm
_ANAPHORS = (("anaphor_country", frozenset({"country"}), "text"),
             ("anaphor_group", frozenset({"organisation", "organization", "group"}), "apposition"))


def _arg_head(sent: Span, base: int, a: Argument) -> Token | None:
    """The syntactic head of the argument's span."""
    inside = [t for t in sent if a.start <= base + t.idx and base + t.idx + len(t) <= a.end]
    heads = [t for t in inside if not (a.start <= base + t.head.idx < a.end) or t.head.i == t.i]
    return heads[0] if heads else None


# participles that give a class noun its name ("known as", "called", "dubbed", "named")
_NAMING = frozenset({"know", "call", "dub", "name"})


def _named_or_antecedent(ctx: ArgumentContext, sent: Span, a: Argument) -> Argument:
    """An agent that only names a class ("the vessel", "the country's", "cyber actors") is the actor it stands for.

    * "the vessel Valiant": the name after the class noun is the agent.
    * "the country's sixth test": the nearest earlier country (this or the previous sentence).
    * "Lazarus and APT38, cyber actors linked to ...": the nearest earlier group in the sentence.
    """
    head = _arg_head(sent, ctx.base, a)
    if head is None:
        return a
    mod = ctx.tax.modality
    lemma = head.lemma_.lower()
    if lemma in mod.get("class_nouns", ()):
        names = [c for c in head.children if c.dep_ in ("appos", "amod", "compound", "flat") and c.left_edge.i == head.i + 1
                 and c.text[:1].isupper()]
        # "the hacking group known as Kimsuky", "a firm called Orbis": the name the participle gives
        names += [o for v in head.children if v.dep_ == "acl" and v.lemma_.lower() in _NAMING for p in v.children
                  if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        names += [o for v in head.children if v.dep_ == "acl" and v.lemma_.lower() in _NAMING for o in v.children
                  if o.dep_ == "oprd" and o.pos_ == "PROPN"]
        if names:
            named = argument_at(ctx, a.role, names[0])
            if named.entity is None:
                # the tagger missed this mention of a name it found elsewhere in the document
                same = next((e.id for e in ctx.entities for m in e.mentions
                             if ctx.text[m.start:m.end].lower() == named.text.lower()), None)
                named = Argument(named.role, named.start, named.end, named.text, same)
            return named
    if lemma in mod.get("government_nouns", ()):
        # "the government of the Republic of Korea designated ...": the state it governs
        states = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if states:
            named = argument_at(ctx, a.role, states[0])
            if named.entity is not None:
                return named
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "every", "each", "no") for c in head.children):
        return a
    for key, types, scope in _ANAPHORS:
        if lemma not in mod.get(key, ()) and head.lower_ not in mod.get(key, ()):
            continue
        if scope == "text" and head.tag_ in ("NNS", "NNPS"):
            continue  # "other countries" are not the country named before
        lo = ctx.base + sent.start_char
        if scope == "text" and sent.start > 0:
            lo = ctx.base + sent.doc[sent.start - 1].sent.start_char
        best: tuple[int, str] | None = None
        sources = _source_phrases(sent, ctx.base) if head.lower_ in mod.get("possessive_anaphors", ()) else []
        for ent in ctx.entities:
            if ent.type not in types:
                continue
            for m in ent.mentions:
                if scope == "apposition" and ctx.text[m.end:a.start].strip() != ",":
                    continue
                if any(s <= m.start and m.end <= e for s, e in sources):
                    continue
                if lo <= m.start and m.end <= a.start and (best is None or m.start > best[0]):
                    best = (m.start, ent.id)
        if best is not None:
            return Argument(a.role, a.start, a.end, a.text, best[1])
    return a


def _country_before(ctx: ArgumentContext, sent: Span, at: int) -> str | None:
    """The country last named before ``at`` in the sentence as a subject or a possessor ("North Korea's test
    site, where it ..."; "Iran said it ..."): a country in any other role is rarely what "it" stands for."""
    best: tuple[int, str] | None = None
    for tok in sent:
        if ctx.base + tok.idx >= at:
            break
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        ent = next((e for e in ctx.entities if e.type == "country" and any(
            m.start <= ctx.base + tok.idx < m.end for m in e.mentions)), None)
        if ent is not None:
            best = (tok.i, ent.id)
    return best[1] if best else None


def _group_subject_before(ctx: ArgumentContext, sent: Span, at: int) -> str | None:
    """The organisation last named before ``at`` as a subject or possessor, in this sentence or the previous
    one: what a plural pronoun ("they", "their") of a group's act stands for."""
    start = sent.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    best: str | None = None
    for tok in sent.doc[start:sent.end]:
        if ctx.base + tok.idx >= at:
            break
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        ent = next((e for e in ctx.entities if e.type in ("organisation", "organization", "group") and any(
            m.start <= ctx.base + tok.idx < m.end for m in e.mentions)), None)
        if ent is not None:
            best = ent.id
    return best


def _source_phrases(sent: Span, base: int) -> list[tuple[int, int]]:
    """Character ranges of the sentence's "from" phrases: the giver named there ("got help from China for
    its launch") is not whom a later "its" stands for."""
    out = []
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ == "from":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                out.append((base + objs[0].left_edge.idx, base + objs[0].right_edge.idx + len(objs[0].right_edge)))
    return out

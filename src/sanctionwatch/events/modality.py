"""Modality: cues on the trigger and its governors, then the enclosing attribution's stance."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from ..model import Argument, Attribution
from .agency import governing_tokens
from .taxonomy import Taxonomy

# --- modality ----------------------------------------------------------------

_STANCE_MODALITY = {"deny": "denied", "allege": "alleged"}


def _asks_whether(gov: Token, mod) -> bool:
    """"it is unclear if the test was a success", "asked if it had fired": an "if" that asks, not a condition."""
    heads = mod.get("question_heads", frozenset())
    return gov.lemma_.lower() in heads or any(c.dep_ == "acomp" and c.lemma_.lower() in heads for c in gov.children)


def _whether_or_not(tok: Token, mod) -> bool:
    """A clause marked by "whether" whose negation is the "or not" of the question."""
    marks = mod.get("question_marks", frozenset())
    return any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children) and any(
        c.dep_ == "neg" and c.i > 0 and c.doc[c.i - 1].lower_ == "or" for c in tok.children)


def local_modality(head: Token, tax: Taxonomy) -> tuple[str | None, bool]:
    """(modality from cues on the trigger and the verbs governing it, whether it is generic)."""
    mod = tax.modality
    chain = [head] + list(governing_tokens(head))
    # a past participle describing a noun names a past act ("will keep holding the Sea Pearl, a tanker
    # detained since 2019"): a future or a wish above it is about something else
    described = head.dep_ == "acl" and head.tag_ == "VBN"
    # so does a passive clause that is a copula's subject: "what was fired could be a missile" doubts what it
    # was, not that it was fired
    described = described or (head.dep_ == "csubj" and head.tag_ == "VBN")
    for n, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        if described and n > 0 and (lemma in mod.get("hypothetical_heads", ()) or any(
                c.dep_ == "aux" and c.lower_ in mod.get("hypothetical_aux", ()) for c in tok.children)):
            continue
        if (tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in mod.get("conditional_marks", ()) for c in tok.children)
                and not _asks_whether(tok.head, mod)
                and not any(g.lemma_.lower() in mod.get("generic_heads", ()) for g in chain[n + 1:])):
            # "if North Korea did conduct a test, we cannot tolerate it": a condition is supposed, whatever
            # the main clause does with it (a measure's trigger condition stays the measure's business:
            # "restricting exports if it executed ...")
            return "hypothetical", False
        if n > 1 and lemma in mod.get("generic_heads", ()) and tok.pos_ == "NOUN" and chain[n - 1].dep_ == "prep" and chain[n - 1].lower_ in ("on", "against"):
            # "a ban on textile exports", "a cap on imports of oil"; the launches a ban answers did happen
            # ("bans on exports ... in response to missile launches")
            if any(c.lemma_.lower() in mod.get("reason_nouns", ()) for c in chain[:n]):
                return None, False
            # "a ban on oil supplies, imposed by the Council in 2017": the imposing is the measure's own act
            if chain[0].lemma_.lower() in mod.get("imposing_verbs", ()) and chain[0].tag_ == "VBN":
                return None, False
            return None, True
        if (n > 1 and tok.pos_ == "VERB" and chain[n - 1].dep_ == "prep" and chain[n - 1].lower_ in ("on", "against")
                and any(c.dep_ == "dobj" and c.lemma_.lower() in mod.get("bound_nouns", ()) for c in tok.children)):
            return None, True  # "puts a cap on crude deliveries", the "on" phrase hung on the verb
        if (n > 0 and lemma in mod.get("generic_heads", ()) and tok.pos_ == "VERB"
                and chain[n - 1].dep_ not in ("conj", "nsubj", "nsubjpass")):
            # (a coordinated predicate is no object of the ban: "bans X and orders workers sent home"; nor is its
            # subject: "the resolution, adopted in 2017, bans ...", "firms that shipped coal were sanctioned")
            # "sanctioned firms over the transfer of arms": the reason for a measure did happen
            if any(c.dep_ == "prep" and c.lower_ in mod.get("reason_preps", ()) | mod.get("basis_preps", frozenset())
                   for c in chain[:n]) or any(c.lemma_.lower() in mod.get("reason_nouns", ()) for c in chain[1:n]):
                return None, False  # (or "in the wake of its launches"; or "under resolution X", the measure's basis)
            # "sanctioned six vessels that were involved in ship-to-ship transfers": a past relative clause
            # on the measure's object tells what its targets did, not a class of acts the measure forbids
            if any(c.dep_ == "relcl" and _past(c) for c in chain[:n]):
                return None, False
            return None, True
        if n > 0 and lemma in mod.get("deny_heads", ()):
            # "rejected the renewal": the object of a rejection did not happen; a rejected claim is denied,
            # and so is the event a speaker denies ("denied any arms deliveries": the deliveries are claimed)
            blocked = n == 1 and chain[0].dep_ == "dobj" and chain[0].pos_ == "NOUN" and lemma not in mod.get("claim_deny_heads", ())
            return ("negated" if blocked else "denied"), False
        if n > 0 and lemma in mod.get("unconfirmed_heads", ()) and any(c.dep_ == "neg" for c in tok.children):
            return "hedged", False
        if n > 0 and lemma in mod.get("negating_heads", ()) and _beside_or_behind(chain[:n], mod):
            continue
        if n > 0 and lemma in mod.get("negating_heads", ()) and chain[n - 1].dep_ == "advcl" and chain[n - 1].tag_ == "VBG":
            # "blocked the text, thereby closing the commission": a participle clause on the blocking verb tells
            # what the block did, not what it blocked
            return None, False
        if _whether_or_not(tok, mod):
            # "weighing whether or not to seize the tankers": the "not" is the question's other answer, so the
            # act is open, not denied
            return "hypothetical", False
        if any(c.dep_ == "neg" for c in tok.children) or (n > 0 and lemma in mod.get("negating_heads", ())):
            # "the veto does not lift the sanctions": a negated predicate says nothing against its
            # subject's event, unless the predicate is its occurrence ("the launch did not happen")
            if n > 0 and chain[n - 1].dep_ in ("nsubj", "nsubjpass") and lemma not in mod.get("occurrence_heads", ()):
                return None, False
            return "negated", False
        if any(c.dep_ == "aux" and c.lower_ in mod.get("hypothetical_aux", ()) for c in tok.children):
            return "hypothetical", False
        # (a participle describing a noun names a past act: "called on exchanges to freeze stolen coins")
        # (only the act asked for and what it directly governs: "impose sanctions on X for its launches" keeps
        # the launches, the reason, real)
        if (n > 0 and lemma in mod.get("request_heads", ()) and tok.pos_ == "VERB" and head.dep_ not in ("amod", "acl")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[n - 1].children)
                and all(chain[k].dep_ in ("xcomp", "dobj", "conj", "nsubjpass") for k in range(n - 1))):
            return "hypothetical", False
        if n == 0 and tok.pos_ == "VERB" and (lemma in mod.get("proposing_verbs", ()) or lemma in mod.get("seeking_verbs", ())):
            return "hypothetical", False
        if (n == 0 or (n == 1 and head.dep_ == "dobj" and lemma in mod.get("light_verbs", ()))) and _purpose(tok, mod):
            # "To pass a resolution, all five must vote yes", "a draft to cut oil supplies": an aim, not an
            # act, unless what is aimed at is blocked above ("vetoed a resolution to tighten sanctions")
            above = chain[n + 1:]
            if any(g.lemma_.lower() in mod.get("negating_heads", frozenset()) | mod.get("deny_heads", frozenset()) for g in above):
                return "negated", False
            return "hypothetical", False
        if n > 0 and lemma in mod.get("hypothetical_heads", ()):
            return "hypothetical", False
        if (n > 0 and lemma in mod.get("permission_heads", ()) and chain[n - 1].dep_ == "xcomp"
                and any(c.dep_ == "auxpass" for c in tok.children)):
            # "South Korea is permitted to stop vessels", "states are authorized to seize": a right, not an act
            return "hypothetical", False
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return "negated", False
        if n > 0 and lemma in mod.get("allege_heads", frozenset()) | mod.get("accuse_heads", frozenset()):
            # "rejected claims that ...", "dismissed reports that ...": a claim under a denial is denied
            if any(g.lemma_.lower() in mod.get("deny_heads", ()) for g in chain[n + 1:n + 3]):
                return "denied", False
            # "is estimated / believed to have ...": a hedge stays an allegation whoever reports it
            return ("hedged" if lemma in mod.get("hedge_heads", ()) else "alleged"), False
        if n > 0 and tok.pos_ == "NOUN" and lemma in mod.get("allege_nouns", ()) and chain[n - 1].dep_ in ("acl", "ccomp"):
            # "denying the accusation that ...": a claim under a denial is denied
            if any(g.lemma_.lower() in mod.get("deny_heads", ()) for g in chain[n + 1:n + 3]):
                return "denied", False
            return "alleged", False
        if n > 0 and tok.pos_ == "NOUN" and lemma in mod.get("evidence_nouns", ()):
            # "there are signs that X sent ...": evidence of an event is no report of it as fact, and
            # under a denial ("denied allegations of hacking") it is denied
            if any(g.lemma_.lower() in mod.get("deny_heads", ()) for g in chain[n + 1:n + 3]):
                return "denied", False
            return "hedged", False
        if any(c.lower_ in mod.get("allege_adverbs", ()) or (c.dep_ == "amod" and c.lower_ in mod.get("allege_adjectives", ()))
               for c in tok.children) or (n == 0 and _hedged_description(tok, mod)):
            # "X has allegedly been behind the theft": the writer's hedge holds whoever is quoted, unless the one
            # it is alleged of denies it ("denied its alleged arms trading"): the event is then the denied claim
            if any(g.lemma_.lower() in mod.get("deny_heads", ()) for g in chain[n + 1:n + 3]):
                return "denied", False
            return "hedged", False
        if any(c.dep_ == "prep" and c.lower_ in mod.get("allege_preps", ()) for c in tok.children):
            return "alleged", False
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() not in mod.get("allege_heads", ()):
            claim = _claim_noun_before(tok, mod)
            if claim is not None:
                # "came in response to a statement from X that Y is trading arms": the parser hung the
                # claim's content clause on the verb above the noun
                denied = any(g.lemma_.lower() in mod.get("deny_heads", ()) for g in governing_tokens(claim))
                return ("denied" if denied else "alleged"), False
        if tok.dep_ in ("ccomp", "parataxis") and n > 0 and tok.lemma_.lower() not in mod.get("allege_heads", ()):
            continue
    # a trailing report clause parsed as a sibling: "X shipped ..., the agency was quoted as saying"
    root = chain[-1]
    for c in root.children:
        # (set off by a comma and with no content clause of its own: "..., and Japan said it landed" is another claim)
        if (c.dep_ in ("conj", "parataxis") and c.i > head.i and c.lemma_.lower() in mod.get("allege_heads", ())
                and any(t.text == "," for t in c.doc[head.i:c.left_edge.i + 1])
                and not any(g.dep_ in ("ccomp", "dobj") for g in c.children)):
            return "alleged", False
    return None, False


def _past(verb: Token) -> bool:
    """Whether a verb reports something done: a past form, or a perfect ("that have shipped")."""
    if verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _purpose(verb: Token, mod) -> bool:
    """An infinitive of purpose opening its sentence ("To pass a resolution, ..."), or the aim of a measure
    noun ("a draft to cut oil supplies"); a purpose after its verb is often done ("hacks to steal $2 billion")."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    enacted = mod.get("enacting_heads", frozenset())
    if verb.dep_ == "advcl":
        # (the parser may hang a measure noun's aim on the verb: "circulated a draft to impose ..."); an
        # adopted text does what it aims at ("adopted a resolution to tighten sanctions")
        return verb.i < verb.head.i or (verb.head.lemma_.lower() not in enacted and any(
            c.dep_ == "dobj" and c.i < verb.i and c.lemma_.lower() in mod.get("aim_nouns", ()) for c in verb.head.children))
    return (verb.dep_ == "acl" and verb.head.lemma_.lower() in mod.get("aim_nouns", ())
            and verb.head.head.lemma_.lower() not in enacted)


def _hedged_description(noun: Token, mod) -> bool:
    """"thefts allegedly orchestrated by X": a hedge on the participle describing the event noun."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "acl" and any(a.lower_ in mod.get("allege_adverbs", ()) for a in c.children) for c in noun.children)


def _claim_noun_before(clause: Token, mod) -> Token | None:
    """The claim noun right before a "that" clause ("a statement from a delegate of X that ..."), where the
    parser hung the clause on a verb above the noun; None when the clause has no "that" or no such noun."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None:
        return None
    nouns = mod.get("allege_nouns", frozenset()) | mod.get("claim_nouns", frozenset())
    governor = clause.head
    # the nearest noun before "that" inside the governor's phrase, skipping its own modifiers
    for k in range(mark.i - 1, governor.i, -1):
        t = clause.doc[k]
        if t.pos_ in ("NOUN",) and t.lemma_.lower() in nouns:
            return t
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return None
    return None


def attribution_of(attributions: Sequence[Attribution], start: int, end: int) -> int | None:
    """Index of the innermost attribution whose content contains [start, end)."""
    best, best_len = None, None
    for i, a in enumerate(attributions):
        for f in a.content:
            if f.start <= start and end <= f.end:
                size = f.end - f.start
                if best_len is None or size < best_len:
                    best, best_len = i, size
    return best


def _self_reference(attribution: Attribution, agent: Argument, nouns: frozenset[str]) -> bool:
    """ "The Council today sanctioned ...", quoted from the EU's statement: an institution quoting itself
    names itself by its bare title, which resolves to no actor of its own."""
    words = agent.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return (attribution.kind == "direct" and len(words) == 1 and words[0][:1].isupper()
            and words[0].lower() in nouns and (agent.entity is None or agent.entity.startswith("local:")))


def _own_media(attribution: Attribution, agent: Argument, state_media: frozenset[str]) -> bool:
    """KCNA reporting a launch of the DPRK: the state's own outlet states the state's act."""
    if attribution.source_entity is None or agent.entity is None:
        return False
    return f"{attribution.source_entity}={agent.entity}" in state_media


def combine_modality(local: str | None, attribution: Attribution | None, agent: Argument | None,
                     self_nouns: frozenset[str] = frozenset(), state_media: frozenset[str] = frozenset()) -> str:
    if local == "negated" and attribution is not None and attribution.stance == "deny":
        return "denied"  # "'We have never exported weapons,' she said": the negation is the speaker's denial
    if local in ("negated", "hypothetical", "denied"):
        return local
    if local == "hedged":
        return "alleged"
    if attribution is not None:
        if attribution.stance in _STANCE_MODALITY:
            return _STANCE_MODALITY[attribution.stance]
        if attribution.stance == "confirm":
            return "asserted"
        self_report = agent is not None and (
            (attribution.source_entity is not None and attribution.source_entity == agent.entity)
            or _self_reference(attribution, agent, self_nouns) or _own_media(attribution, agent, state_media))
        return "asserted" if self_report else "alleged"
    return local or "asserted"


def _beside_or_behind(below: list[Token], mod: dict) -> bool:
    """Whether the event only stands next to what a negating verb governs, or is its reason: "tried to avoid and
    violate sanctions for its weapons procurement" avoids the sanctions (the procurement, their reason, and the
    violation, coordinated with the avoiding, both happened)."""
    return below[-1].dep_ == "conj" or any(t.dep_ == "prep" and t.lower_ in mod.get("reason_preps", ()) for t in below[1:])

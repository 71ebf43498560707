"""Who acts in an event: the agent of a trigger read from the dependency tree (its repairs: agents.py)."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from .taxonomy import Taxonomy
from .participles import reduced_relative_of
from .raising import passive_verb, raised_subject
from .receivers import barter_verb
from .timing import purpose_clause

_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# participles that name the means of the clause's act wherever the parser hangs them ("breached the bank's
# systems using the Swift network": the hackers use it, not the systems)
_MEANS_PARTICIPLES = frozenset({"use", "employ"})


def misread_finite(trigger: Token) -> bool:
    """A past-tense verb the parser hung on the noun after it as a modifier, right after a capitalised word it
    hung there too ("the Courageous transferred oil cargo ...": a ship's name read as an adjective): the name is
    the subject, the noun the object."""
    if trigger.dep_ != "amod" or trigger.tag_ not in ("VBD", "VBN") or trigger.i < 2:
        return False
    name = trigger.doc[trigger.i - 1]
    # (a nationality is a real modifier: "the Chinese seized cargo"; a participle tag needs "the" before the name)
    return (name.head.i == trigger.head.i and name.dep_ in ("nmod", "amod", "compound") and name.text[:1].isupper()
            and name.i > name.sent.start and name.ent_type_ not in ("NORP", "GPE", "LANGUAGE")
            and (trigger.tag_ == "VBD" or trigger.doc[name.i - 1].lower_ == "the"))


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


def possessive_anaphor(trigger: Token, tax: Taxonomy) -> Token | None:
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


def tree_agent(trigger: Token, tax: Taxonomy) -> Token | None:
    """The token that acts in the trigger's event, as the dependency tree tells it (None when it does not);
    where that is a noun counting occurrences ("instances of ships turning off ..."), the noun it counts."""
    agent = _tree_agent(trigger, tax)
    return (_counted(agent, tax.modality.get("instance_nouns", frozenset())) or agent) if agent is not None else None


def _tree_agent(trigger: Token, tax: Taxonomy) -> Token | None:
    mod = tax.modality
    if trigger.lemma_.lower() in mod.get("agent_nouns", frozenset()):
        return _named_as(trigger)
    if (trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.lemma_.lower() in mod.get("imposing_verbs", ())
            and not any(c.dep_ == "agent" for c in trigger.children)):
        # "its new penalties imposed on two banks", "Canada's measures adopted in May": with no "by"
        # phrase, the owner of the measure imposed it
        owner = next((c for c in trigger.head.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if owner is not None:
            return owner
    if trigger.dep_ == "amod" and trigger.pos_ == "VERB":
        if misread_finite(trigger):
            # "the Courageous transferred oil cargo": a finite verb read as a modifier, after the name read as one
            return trigger.doc[trigger.i - 1]
        # "return stolen coins": an attributive participle's actor is not anyone of the clause around it
        return None
    if (trigger.dep_ == "advcl" and trigger.tag_ in ("VBD", "VBN") and trigger.head.lemma_.lower() == "have"
            and not any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp") for c in trigger.head.children)
            and not _subjects(trigger, ("nsubj", "nsubjpass"))):
        # "Belarusian units have for the second time fired ...": with an adverbial between them, the parser reads
        # the perfect's auxiliary as the main verb and the participle as its clause; the subject is the participle's
        subj = _subjects(trigger.head)
        if subj:
            return subj[0]
    payer = barter_verb(trigger, tax)
    if payer is not None:
        # "Moscow offered rice in exchange for rockets": the one paying (receivers.py makes it the recipient)
        return next(iter(_subjects(payer)), None)
    if trigger.pos_ == "NOUN":
        # "the hack the group carried out", "the test North Korea conducted": a contact clause (no relative
        # pronoun) of a light verb or a verb of perpetrating on the event noun; its subject acts
        doers = mod.get("light_verbs", frozenset()) | mod.get("perpetrating_verbs", frozenset())
        for rc in trigger.children:
            if rc.dep_ != "relcl" or rc.i < trigger.i or rc.lemma_.lower() not in doers:
                continue
            subj = [c for c in rc.children if c.dep_ == "nsubj" and c.pos_ in _NOUNISH
                    and c.lower_ not in ("which", "that", "who", "whom")]
            if subj and not any(c.dep_ == "dobj" for c in rc.children):
                return subj[0]
    if trigger.dep_ == "nmod" and trigger.tag_ == "VBZ":
        # a headline's finite verb hung on its object ("North Korea fires ballistic missile"): the name before it
        return next((c for c in trigger.children if c.i < trigger.i and c.dep_ in ("nsubj", "nmod", "compound")
                     and c.pos_ == "PROPN"), None)
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        # "a tanker detained since 2019": a passive participle describing a noun is done by its "by"
        # phrase alone ("the test conducted by X"), never by the clause around the noun
        by = next((g for a in trigger.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
        # "coins stolen from an exchange by North Korean hackers": the parser may hang the "by" phrase on the
        # noun of the participle's own "from" phrase
        return by or next((g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "from"
                           for o in p.children if o.dep_ == "pobj"
                           for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                           for g in b.children if g.dep_ == "pobj" and g.pos_ in _NOUNISH), None)
    if (trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.pos_ in _NOUNISH and trigger.head.i < trigger.i
            and trigger.lemma_.lower() not in _MEANS_PARTICIPLES
            and not any(c.dep_ in ("nsubj", "aux", "mark") for c in trigger.children)):
        # "detected Chinese ships selling crude oil to North Korean vessels": an active participle describing a
        # noun is done by that noun ("instances of ships turning off their transponders": by the noun counted)
        return trigger.head
    by_phrase = next((g for a in trigger.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
    if (by_phrase is not None and trigger.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children)):
        # "said the missile fired by North Korea landed": a reduced relative the parser read as a clause
        # (its noun as the subject) is still passive: the "by" phrase acts, the noun is what was fired
        return by_phrase
    raised = raised_subject(trigger, mod.get("raising_heads", frozenset()))
    if raised is not None:
        # "Minsk appears to have fired": the raised subject acts; "troops are said to have been sent":
        # it is what a passive infinitive acts on, and only a "by" phrase acts
        return raised if not passive_verb(trigger) else _by_agent(trigger)
    subjects = [c for c in _subjects(trigger) if c.lower_ not in ("which", "that", "who")]
    if not subjects and trigger.dep_ == "relcl" and trigger.head.pos_ in _NOUNISH and any(
            c.lower_ in ("which", "that", "who") for c in _subjects(trigger)):
        # "a firm that shipped rifles", "the four North Koreans who crossed": the relative pronoun stands for the noun
        return trigger.head
    if (trigger.dep_ == "acl" and not subjects and trigger.head.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)):
        # "its attempt to launch a satellite", "Iran's decision to send troops": the noun's owner acts
        owner = next((c for c in trigger.head.children if c.dep_ == "poss" and c.ent_type_ not in _TIME_LABELS), None)
        if owner is not None:
            return owner
    for c in trigger.children:
        if subjects and c.i == subjects[0].i:
            return c
        if c.dep_ == "agent":
            by = _by_agent(trigger)
            if by is not None:
                return by
    obj = trigger.head
    if (trigger.dep_ == "relcl" and trigger.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
            and not _subjects(trigger, ("nsubj", "nsubjpass")) and obj.dep_ == "dobj" and obj.head.pos_ == "VERB"
            and obj.lemma_.lower() not in mod.get("aim_nouns", frozenset())
            and obj.head.lemma_.lower() not in mod.get("negating_heads", frozenset()) | mod.get("deny_heads", frozenset())):
        # "Russia may be defying sanctions to supply oil": the parser reads a purpose as a relative clause on the
        # object; the clause's subject acts (not for an aim: "rejected a push to supply")
        subj = _subjects(obj.head)
        if subj:
            return subj[0]
    if trigger.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in trigger.children):
        # "was seized and inspected by the customs service": the "by" phrase after the last of coordinated
        # participles is every one's (a conjunct with a subject of its own is a clause of its own)
        for cj in trigger.conjuncts:
            if cj.i > trigger.i and cj.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in cj.children):
                by = next((g for a in cj.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
                if by is not None:
                    return by
    if trigger.pos_ in ("VERB", "AUX"):
        # a subject parsed under a preposition of the verb ("The group allegedly behind the hack
        # have pocketed ..."): a preposition takes no subject, so it is the verb's
        for c in trigger.children:
            if c.dep_ == "prep" and c.i < trigger.i:
                for g in c.children:
                    if g.dep_ == "nsubj" and g.pos_ in _NOUNISH and g.lower_ not in ("which", "that", "who"):
                        return g
            # "The United States has for the first time seized a ship": with an adverbial between them, the parser
            # may hang the subject on the auxiliary, which takes none of its own
            if c.dep_ == "aux" and c.i < trigger.i:
                for g in c.children:
                    if g.dep_ == "nsubj" and g.pos_ in _NOUNISH and g.lower_ not in ("which", "that", "who"):
                        return g
    if (held := _held_responsible(trigger)) is not None:
        return held
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and trigger.head.lower_ == "behind":
        # "the group behind the heist"; "identified X as the culprit behind the theft"
        h = trigger.head.head
        if h.pos_ in ("NOUN", "PROPN") and h.dep_ == "pobj" and h.head.lower_ == "as":
            objs = [c for c in h.head.head.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
        elif h.pos_ in ("NOUN", "PROPN"):
            return h
        elif h.lemma_.lower() == "be" and h.dep_ == "pcomp" and h.head.lower_ == "as":
            # "pinpointed X as being behind the heist": the one named before "as"
            objs = [c for c in h.head.head.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
        elif h.lemma_.lower() == "be" and not any(c.dep_.startswith("nsubj") for c in h.children):
            described = _described_by(h)
            if described is not None:
                return described
    # "Pyongyang’s seventh ICBM launch": a word with a possessive is a noun, whatever tag it was given
    if trigger.pos_ in ("NOUN", "PROPN") or any(c.dep_ == "poss" for c in trigger.children):
        doers = mod.get("light_verbs", frozenset()) | mod.get("perpetrating_verbs", frozenset())
        by = _passive_doer(trigger, doers | mod.get("founding_verbs", frozenset()))
        if by is not None and by.lemma_.lower() not in mod.get("conveyances", frozenset()):
            return by
        for c in trigger.children:
            # "Monday's launch", "last week's theft": a possessive date is the event's time, not its owner
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in _TIME_LABELS:
                return c
            # "Lazarus’ hacks": a plural possessive with a curly apostrophe the parser reads as a modifier
            if (c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i + 1 < trigger.i and c.ent_type_ not in _TIME_LABELS
                    and c.nbor(1).text in ("’", "'") and c.text.endswith("s")):
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
            if not raised and g.dep_ == "conj" and not _subjects(g, ("nsubj", "nsubjpass")):
                # "X is accused of spying and is believed to have hacked": the first conjunct's subject
                raised = [c for c in _subjects(g.head, ("nsubj", "nsubjpass")) if c.pos_ in _NOUNISH]
            if raised:
                # "a firm that is believed to have shipped arms": the relative pronoun stands for the firm
                if raised[0].lower_ in ("which", "that", "who") and g.dep_ == "relcl":
                    return g.head
                return raised[0]
        if t.dep_ == "xcomp" and (lemma in mod.get("request_heads", ()) or lemma in mod.get("object_control_verbs", ())) \
                and g.pos_ == "VERB":
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
                # "accused X of ...", and in the passive "X was accused of ..." ("a ship that was accused
                # of ...": the relative pronoun stands for the ship)
                if c.dep_ in ("dobj", "nsubjpass"):
                    return g.head if c.lower_ in ("which", "that", "who") and g.dep_ == "relcl" else c
            if g.dep_ == "acl" and g.tag_ == "VBN" and g.head.pos_ in _NOUNISH:
                return g.head  # the reduced relative "four firms accused of laundering dollars": the firms
            return None
        if (t.dep_ == "prep" and t.lower_ == "for" and g.pos_ in ("NOUN", "PROPN") and g.dep_ == "pobj"
                and g.head.lower_ == "against"):
            return g  # "charges against two traders for smuggling coal"
        if t.dep_ == "prep" and t.lower_ in ("of", "for") and g.pos_ == "VERB":
            # object control: "thanked X for using", "blamed X for sending"; a measure against someone is
            # taken for what they did: "announced charges against X for conducting ..." (the parser may hang
            # the "against" phrase on the verb or on its object)
            objects = [c for c in g.children if c.dep_ == "dobj"]
            against = next((o for h in [g, *objects] for p in h.children if p.dep_ == "prep" and p.lower_ == "against"
                            for o in p.children if o.dep_ == "pobj"), None)
            if against is not None:
                return against
            if objects:
                return objects[0]
            # in the passive the object is the subject or the described noun: "X was sanctioned for buying coal",
            # "a firm designated by OFAC for importing oil"
            passive = [c for c in g.children if c.dep_ == "nsubjpass"]
            if passive:
                return passive[0]
            if g.dep_ == "acl" and g.tag_ == "VBN" and g.head.pos_ in _NOUNISH:
                return g.head
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
        if t.dep_ == "advcl" and purpose_clause(t, tax):
            # "North Korea evaded sanctions to import fuel": the subject of the clause acts in its purpose
            subj = _subjects(g)
            return subj[0] if subj else None
        if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
            return None
        if t.dep_ == "prep" and t.lower_ in ("by", "through", "while", "after", "before") and prev.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX"):
            # a gerund adjunct shares the clause's subject: "X breached the cap by importing ..."
            subj = _subjects(g)
            if subj:
                return subj[0]
        if t.i == trigger.i and t.dep_ == "conj" and (any(c.dep_ == "auxpass" for c in t.children) or reduced_relative_of(t) is not None):
            return None  # "the ship had left port and was interdicted": what the passive verb acts on, no actor
        if g.pos_ in ("VERB", "AUX"):
            # (a light verb's passive subject takes part in the event of its "in" phrase: "the tanker was
            # involved in two ship-to-ship transfers")
            light_in = t.dep_ == "prep" and t.lower_ == "in" and lemma in mod.get("light_verbs", ())
            subj_deps = ("nsubj", "nsubjpass") if t.dep_ == "conj" or light_in else ("nsubj",)
            subj = _subjects(g, subj_deps)
            # the subject is shared with a controlled or coordinated verb ("chose to flee",
            # "was renamed and changed"), or is the agent of a light verb's noun ("conducted a test")
            # "filed a motion seeking to confiscate ...": what a filing seeks, its filer does
            filed = t.dep_ == "dobj" and prev.dep_ == "acl" and t.lemma_.lower() in mod.get("petition_nouns", ())
            if subj and (t.dep_ in ("xcomp", "conj", "advcl") or lemma in mod.get("light_verbs", ()) or filed
                         or (lemma in mod.get("performative_verbs", ()) and _performed(trigger, tax))):
                if subj[0].lower_ in ("which", "that", "who") and g.dep_ == "relcl":
                    return g.head
                if lemma == "be" and subj[0].pos_ == "NOUN" and subj[0].lemma_.lower() in tax.by_lemma:
                    # "the north's launch was a missile launch": the subject is the event itself, and
                    # whoever it belongs to is the agent
                    return next((c for c in subj[0].children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
                if lemma == "be" and subj[0].lower_ in ("this", "that", "these", "those"):
                    return None  # "this was the eighth round of launches": the pronoun is the event, no actor
                return subj[0]
        prev, t = t, g
    return None


def _by_agent(verb: Token) -> Token | None:
    """The noun of a verb's "by" phrase; a date is a deadline, not a doer ("to be deployed by November")."""
    return next((g for a in verb.children if a.dep_ == "agent" for g in a.children
                 if g.dep_ == "pobj" and g.ent_type_ not in _TIME_LABELS), None)


def _passive_doer(noun: Token, doers: frozenset[str]) -> Token | None:
    """"The test was conducted by X", "front companies were set up by X": the "by" phrase of a passive verb
    that performs or founds the noun's act names its doer."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in doers:
        return None
    return next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)


def _held_responsible(trigger: Token) -> Token | None:
    """ "identified X as responsible for stealing ...", "held X responsible for the theft", "the group
    responsible for the hack": the one named responsible (the object of the naming verb, or the noun the
    adjective describes) did it."""
    if trigger.dep_ not in ("pcomp", "pobj") or trigger.head.lower_ != "for" or trigger.head.head.lower_ != "responsible":
        return None
    responsible = trigger.head.head
    # ("found the crew responsible for ...": the parser may read a small clause, the crew its subject)
    subject = next((c for c in responsible.children if c.dep_ == "nsubj" and c.pos_ in _NOUNISH), None)
    if subject is not None:
        return subject
    named = responsible.head
    if named.pos_ in _NOUNISH and responsible.dep_ == "amod":
        return named
    verb = named.head if named.lower_ == "as" else named
    if verb.pos_ != "VERB" or verb is trigger:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in _NOUNISH), None)


def _named_as(noun: Token) -> Token | None:
    """Who a noun of the doer is said to be ("X is Russia's main arms supplier", "X emerged as a supplier", "X,
    a supplier of ..."); its possessor is the one supplied, never the doer."""
    if noun.dep_ == "attr":
        return next(iter(_subjects(noun.head)), None)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
        return next(iter(_subjects(noun.head.head, ("nsubj", "nsubjpass"))), None)
    if noun.dep_ == "appos" and noun.head.pos_ in _NOUNISH:
        return noun.head
    return None


def _performed(trigger: Token, tax: Taxonomy) -> bool:
    """Whether the noun trigger names an act done by announcing it ("OFAC announced the designations of ..."):
    one who announces a launch reports it, one who announces a designation makes it."""
    types = tax.modality.get("performative_types", frozenset())
    return trigger.pos_ == "NOUN" and any(r.type in types for r in tax.by_lemma.get(trigger.lemma_.lower(), ()))


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


def _counted(noun: Token, instance_nouns: frozenset[str]) -> Token | None:
    """The noun an occurrence noun counts: "instances of [ships]", "cases of [firms]"."""
    if noun.lemma_.lower() not in instance_nouns:
        return None
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ in _NOUNISH), None)

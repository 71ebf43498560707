"""Who speaks: the speaker, their affiliation and the channel of an attribution, from syntax.

The head of the source phrase is the speaker.  A nationality adjective, a
possessive or an "of/at/to X" phrase hung on that head is the speaker's
*affiliation*, never the speaker ("a North Korean defector" is a defector,
affiliated with the DPRK).  An apposition gives the name ("a representative
of Iran, Amir Iravani").  A news outlet that carries someone else's words
("KCNA cited the official as saying", "in a statement carried by KCNA") is
the *channel*, not the speaker.

Pronouns and definite descriptions ("it", "the firm", "the spy agency")
resolve through the discourse: the current speaker when it fits, else the
nearest fitting actor named before, never one named inside a quotation.
All word lists live in data/attribution.yaml (`speaker:`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from ..model import Entity
from .discourse import CONTINUITY_WINDOW, Discourse, fits, is_person
from .lexicon import Lexicon
from .carriers import cited_as_saying
from .cued_speakers import as_saying_holder, channel_speaker, inverted_subject, np_range
from .antecedents import (cue_tense, document_author, document_subject_before, headline_noun, plural_subject_before, relative_antecedent,
                          sentence_before, subject_before)
from .named_bodies import named_body_before
from .people import named_in_apposition, one_of_its_people
from .pronoun_gender import agreeing_person_before, clashes, remember
from .role_holders import holder_after_country, second_subject_holder

_SLUG = re.compile(r"[^a-z0-9]+")
FIRST_PERSON = frozenset({"i", "we", "me", "us", "our", "my"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# dependency labels of the modifiers that carry an affiliation rather than the speaker
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "prep", "pobj", "det"})


@dataclass(frozen=True, slots=True)
class Speaker:
    entity: str | None = None
    affiliation: str | None = None
    channel: str | None = None
    # a new source span (character offsets) when the speaker is not the tagged source
    source_span: tuple[int, int] | None = None


def source_head(tokens: Sequence[Token]) -> Token | None:
    """The syntactic head of a source phrase: the first token whose head lies outside it (nouns first)."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if (t.head.i not in ids or t.head.i == t.i) and not t.is_punct]
    for t in roots:
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
    return roots[0] if roots else None


def _char(base: int, tok: Token) -> tuple[int, int]:
    return base + tok.idx, base + tok.idx + len(tok.text)


def _entity_of_token(dis: Discourse, base: int, tok: Token) -> Entity | None:
    m = dis.mention_at(*_char(base, tok))
    if m is not None:
        return m.entity
    if tok.pos_ != "PROPN":
        return None
    named = dis.names.get(tok.lower_)
    owners = dis.shared.get(tok.lower_) if named is None else None
    # "Kim Yo Jong ... criticized X. 'Y,' Kim said": a family name two people share names the last of them to
    # have spoken (the other would be named in full)
    at = _char(base, tok)[0]
    if owners and tok.i > 0 and (titled := dis.titled_owner(tok.doc[tok.i - 1].text, tok.text)) is not None:
        return titled  # "Ambassador Pak": the Pak the text introduced as ambassador, whoever spoke last
    recent = (e for pos, e in reversed(dis.speakers) if 0 <= at - pos <= CONTINUITY_WINDOW and owners and e.id in owners)
    return next(recent, named)


def _phrase_entities(dis: Discourse, base: int, tok: Token, skip: set[int]) -> list[Entity]:
    out = []
    for t in tok.subtree:
        if t.i in skip:
            continue
        ent = _entity_of_token(dis, base, t)
        if ent is not None and ent not in out:
            out.append(ent)
    return out


def _pick_affiliation(ents: Sequence[Entity]) -> Entity | None:
    for e in ents:
        if e.type == "country":
            return e
    return ents[0] if ents else None


def _slug(words: Sequence[str]) -> str:
    return _SLUG.sub("-", " ".join(words).lower()).strip("-")


def _description(head: Token, lex: Lexicon) -> tuple[str, frozenset[str] | None, bool | None] | None:
    """(noun, acceptable entity types, person?) when the head noun describes a known kind of actor."""
    prev = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    for key in ([f"{prev[-1]} {head.lemma_.lower()}"] if prev else []) + [head.lemma_.lower(), head.lower_]:
        if key in lex.description_types:
            types = lex.description_types[key]
            return key, (None if not types else frozenset(types)), ("person" in types if types else None)
    if head.lemma_.lower() in lex.person_nouns:
        return head.lemma_.lower(), frozenset({"person"}), True
    return None


def _through_of(tok: Token, head: Token) -> bool:
    """Whether ``tok`` hangs on ``head`` through an "of" ("the sister of Kim": Kim is not the sister)."""
    node = tok
    # spaCy builds a new Token object on every access: compare positions, never identity
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ == "of":
            return True
        node = node.head
    return False


def _named_after_body(dis: Discourse, base: int, head: Token) -> tuple[Entity, Entity] | None:
    """ "the official representative of the Foreign Ministry Jane Roe" (a Russian title calqued word for word):
    a person named right after the body whose role the head noun gives is that role's holder, not its object
    ("the sister of Kim" names no sister)."""
    for g in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        m = dis.mention_at(*_char(base, g))
        if m is None or m.entity.type.lower() != "person":
            return None
        body = next((b.entity for t in g.subtree if base + t.idx < m.start
                     and (b := dis.mention_at(*_char(base, t))) is not None and b.end <= m.start
                     and b.entity.type not in ("person", "country", "place")), None)
        return (m.entity, body) if body is not None else None
    return None


def analyse(dis: Discourse, base: int, head: Token, lex: Lexicon, depth: int = 0) -> tuple[Entity | None, Entity | None, str | None]:
    """(speaker entity, affiliation entity, derived id) of a noun phrase headed by ``head``."""
    own = _entity_of_token(dis, base, head)
    if own is not None and own.id.startswith("local:") and head.lemma_.lower() in lex.body_nouns:
        # "Japan's defence ministry" found by the NER alone: a body of Japan, not a free-standing "defence ministry"
        country = _pick_affiliation([e for e in _phrase_entities(dis, base, head, set()) if e is not own and e.type == "country"])
        if country is not None:
            words = [t.lemma_.lower() for t in head.lefts if t.dep_ in ("amod", "compound") and t.is_alpha and _entity_of_token(dis, base, t) is own]
            return None, country, f"{country.id}-{_slug(words + [head.lemma_.lower()])}"
    if own is not None and own.type == "country" and one_of_its_people(head):
        return None, own, None  # "a North Korean who fled": one of its people speaks, not the state
    if own is not None:
        aff = None
        if own.type == "person":
            aff = _pick_affiliation([e for e in _phrase_entities(dis, base, head, set()) if e is not own])
        return own, aff, None
    lemma = head.lemma_.lower()
    if lemma in lex.document_nouns and depth < 3:
        author = document_author(head, lex.document_makers)
        if author is not None:
            return analyse(dis, base, author, lex, depth + 1)
    for c in head.children:
        if c.dep_ == "appos":
            named = _entity_of_token(dis, base, c)
            if named is not None and named.type not in ("country", "place"):
                rest = [e for e in _phrase_entities(dis, base, head, {t.i for t in c.subtree}) if e is not named]
                return named, _pick_affiliation(rest), None
    if (missed := named_in_apposition(head, lex.person_nouns)) is not None:
        return missed, None, None
    if lemma in lex.person_nouns and (held := holder_after_country(dis, base, head, lex.person_nouns)) is not None:
        return held[0], held[1], None
    if lemma in lex.person_nouns and (holder := second_subject_holder(dis, base, head)) is not None:
        return holder, _pick_affiliation([e for e in _phrase_entities(dis, base, head, set()) if e is not holder]), None
    if lemma in lex.person_nouns and (titled := _named_after_body(dis, base, head)) is not None:
        return titled[0], titled[1], None
    if lemma in lex.person_nouns:
        # "White House spokesman for the council John Roe": a person named at the end of the phrase
        tail = head.doc[max(t.i for t in head.subtree)]
        last = _entity_of_token(dis, base, tail)
        if last is not None and last.type == "person" and not _through_of(tail, head):
            rest = [e for e in _phrase_entities(dis, base, head, set()) if e is not last]
            return last, _pick_affiliation(rest), None
    mods = [c for c in head.children if c.dep_ in _MODIFIER_DEPS and c.dep_ != "det"]
    skip: set[int] = set()
    ents: list[Entity] = []
    for c in mods:
        for e in _phrase_entities(dis, base, c, skip):
            if e not in ents:
                ents.append(e)
    aff = _pick_affiliation(ents)
    if lemma in lex.state_nouns and aff is not None and aff.type in ("country", "place"):
        return aff, None, None  # "the North Korean regime" is the state itself
    named = [e for c in head.lefts if c.dep_ == "compound" for e in _phrase_entities(dis, base, c, set()) if e.type not in ("country", "place", "person")]
    if named and (lemma in lex.body_nouns or lemma in lex.description_types):
        return named[-1], None, None  # "the Reuters news agency" is Reuters
    if aff is not None and aff.type == "country" and lemma in lex.body_nouns:
        # "South Korea's intelligence agency": a body of that country, with a stable id from its name
        words = [t.lemma_.lower() for t in head.lefts if t.dep_ in ("amod", "compound") and _entity_of_token(dis, base, t) is None and t.is_alpha]
        return None, aff, f"{aff.id}-{_slug(words + [lemma])}"
    return None, aff, None


_CARRIER_WORDS = ("by", "to", "via", "through")


def _media_channel(dis: Discourse, base: int, cue: Sequence[Token], src_range: tuple[int, int] | None, content: Sequence[tuple[int, int]], lex: Lexicon) -> Entity | None:
    """A news outlet in the cue's sentence that carries the statement ("carried by KCNA", "according to Tass")."""
    if not cue:
        return None
    sent, doc = cue[0].sent, cue[0].doc
    strings = doc.vocab.strings
    wanted = {strings[w] for w in _CARRIER_WORDS}
    # the lower-case array finds the few carrier words without building a Token for every word of the sentence
    lowers = doc.to_array(LOWER)[sent.start : sent.end].tolist()
    for t in (doc[sent.start + k] for k, h in enumerate(lowers) if h in wanted):
        if t.lower_ == "to" and (t.i == 0 or t.doc[t.i - 1].lower_ != "according"):
            continue
        for g in t.children:
            if g.dep_ != "pobj":
                continue
            ent = _entity_of_token(dis, base, g)
            s, e = _char(base, g)
            if ent is None or ent.type not in lex.media_types:
                continue
            if src_range and src_range[0] <= g.i < src_range[1]:
                continue
            if any(cs <= s < ce for cs, ce in content):
                continue
            return ent
    return None


def decide(
    dis: Discourse,
    base: int,
    source: Sequence[Token],
    cue: Sequence[Token],
    content: Sequence[tuple[int, int]],
    parent: Speaker | None,
    lex: Lexicon,
    quoted: bool = False,
) -> Speaker:
    """The speaker of one attribution; call in reading order (the discourse remembers speakers)."""
    new_range: tuple[int, int] | None = None
    channel: Entity | None = None
    head: Token | None = None
    if not source:
        inv = inverted_subject(cue) or as_saying_holder(cue)
        if inv is not None:
            new_range, head = inv
            source = list(head.doc[new_range[0] : new_range[1]])
    head = head or (source_head(source) if source else None)
    if head is None:
        return Speaker(channel=(ch.id if (ch := _media_channel(dis, base, cue, None, content, lex)) else None))
    own = _entity_of_token(dis, base, head)
    media = own is not None and own.type in lex.media_types
    # an outlet carries whoever it cites; anyone carries whoever it quotes "as saying" ("the report quoted the firm as saying")
    if (cited := channel_speaker(cue, lex) if media else next((c[0] for t in cue if (c := cited_as_saying(t))), None)) is not None:
        channel, new_range, head = own if media else next((e for t in source if (e := _entity_of_token(dis, base, t)) and e.type in lex.media_types), None), np_range(cited), cited
    # (a relative pronoun speaks for its antecedent, but keeps its own span: "who" is what PolNeAR marks)
    head = relative_antecedent(head)
    at = _char(base, head)[0]
    entity: Entity | None
    affiliation: Entity | None = None
    derived: str | None = None
    low = head.lower_
    if low in lex.indefinite_pronouns:
        # "those who support the programme": the words name no one, least of all the last speaker
        return Speaker(None, None, channel.id if channel else None, _chars(base, head.doc, new_range))
    if head.pos_ == "PRON" or low in lex.pronouns:
        if low in FIRST_PERSON and parent is not None:
            # "We condemn ..." inside an official's quotation: the official's side, never the official alone
            # (a side the text gave them earlier, or none); "I" is the official
            if low in FIRST_PERSON_SINGULAR:
                who = parent.entity or parent.affiliation
            elif parent.entity is not None and is_person(dis, parent.entity):
                who = parent.affiliation or dis.sides.get(parent.entity)
            else:
                who = parent.affiliation or parent.entity
            return Speaker(who, None, channel.id if channel else None, _chars(base, head.doc, new_range))
        if low in FIRST_PERSON and not dis.in_quote(at, at + len(head)):
            # "We reject the resolution" in the narration of a statement: the author speaks (the one its header
            # names, "Statement by ..."), not the last actor the text named (often the one the statement attacks)
            author = dis.author
            return Speaker(author.id if author else None, None, channel.id if channel else None, _chars(base, head.doc, new_range))
        want = lex.pronouns.get(low, "any")
        last = dis.last_pronoun
        if last is not None and last[0] == low and at - last[1] <= CONTINUITY_WINDOW and last[3] == len(dis.speakers):
            # "He expressed respect for the leader. He said: ...": the same pronoun as subject again, with no
            # one else speaking between, is the same person, not someone the last sentence talked about
            entity = last[2]
        elif want == "group" and (group := plural_subject_before(head, sentence_before(head, dis.blocks, base))) is not None:
            # "Seven nurses met reporters ... They claimed ...": the group the last sentence was about, not
            # the last body it named
            entity, affiliation, derived = analyse(dis, base, group, lex)
        elif want == "org" and (paper := document_subject_before(head, lex.document_nouns, sentence_before(head, dis.blocks, base))) is not None:
            # "Excerpts of a UN report were published. It shows ...": the report speaks, for whoever wrote it
            entity, affiliation, derived = analyse(dis, base, paper, lex)
            if entity is None and derived is None:
                entity, affiliation = affiliation, None  # "a UN report": the body behind the adjective wrote it
        elif want == "person" and dis.floor(at, None, True, cue_tense(cue)) is None \
                and (subj := _person_entity(dis, base, subject_before(head, sentence_before(head, dis.blocks, base)))) is not None:
            # "Kim Jong-nam, the half-brother of leader Kim Jong Un, died ... Before his death, he said ...": the
            # person the last sentence was about, not the last person it named
            entity = subj
        elif want in ("person", "org") and dis.unnamed_floor(at):
            entity = None  # "Another source said ... It said ...": the unnamed source goes on
        else:
            entity = dis.antecedent(at, None, True if want == "person" else False if want == "org" else None, cue_tense(cue))
        if clashes(dis, entity, low):
            # "... she added." then "he said": the envoy is "she", so "he" is the nearest person named before who
            # can be "he", not the speaker who has the floor
            entity = agreeing_person_before(dis, at, low)
        remember(dis, entity, low)
        if want == "group" and entity is not None and entity.type.lower() == "person":
            entity = None  # "they said" after a named official speaks for a group the text did not name
    else:
        entity, affiliation, derived = analyse(dis, base, head, lex)
        determiner = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
        desc = _description(head, lex) if entity is None and derived is None else None
        if desc is not None and not any(c.dep_ == "appos" for c in head.children):
            key = head.lemma_.lower()
            if not determiner and not headline_noun(head):
                dis.described.setdefault(key, (None, affiliation))  # "a spokesman" introduces someone new
            elif key in dis.described:
                entity, earlier_aff = dis.described[key]
                affiliation = affiliation or earlier_aff
            else:
                noun, types, person = desc
                not_heads = lex.public_body_heads if noun in lex.commercial_descriptions else frozenset()
                found = dis.antecedent(at, types, person, not_heads=not_heads)
                if found is not None and (affiliation is None or found.type == "person" or found is not affiliation):
                    # "the Russian ambassador" is not the last person named unless the text put them on that
                    # side ("US envoy Jane Roe ... the US envoy"): another side's person would invert the evidence
                    if not (affiliation is not None and affiliation.type == "country" and found.type == "person"
                            and dis.sides.get(found.id) != affiliation.id):
                        entity = found
        if entity is None and derived is None and head.lemma_.lower() in lex.body_nouns | lex.public_body_heads \
                and (named := named_body_before(dis, at, head)) is not None:
            entity = named  # "the panel" after "the UN Panel of Experts": the body the page named
        if entity is None and derived is None and affiliation is not None and head.lemma_.lower() in lex.voice_nouns \
                and affiliation.type not in ("country", "place", "person"):
            entity, affiliation = affiliation, None  # "a State Department spokesperson said": the body speaks
    if channel is None:
        channel = _media_channel(dis, base, cue, (source[0].i, source[-1].i + 1), content, lex)
        if channel is not None and entity is channel:
            channel = None
    if entity is not None and affiliation is not None and entity.type == "person" and affiliation.type == "country":
        dis.sides.setdefault(entity.id, affiliation.id)
    # a speaker named inside someone's quotation does not take the floor; a body known only by its
    # description still is the current speaker ("... mission said. It added")
    floor = None if quoted else entity if entity is not None else Entity(derived, derived, "government_body") if derived is not None else None
    if floor is not None:
        dis.speakers.append((at, floor))
        dis.tenses.append(cue_tense(cue))
    elif not quoted and head.pos_ != "PRON" and head.lemma_.lower() in lex.anonymous_sources:
        dis.unnamed = at
    if not quoted and (head.pos_ == "PRON" or low in lex.pronouns):
        dis.last_pronoun = (low, at, entity, len(dis.speakers))
    return Speaker(
        entity.id if entity is not None else derived,
        affiliation.id if affiliation is not None and affiliation is not entity else None,
        channel.id if channel is not None else None,
        _chars(base, head.doc, new_range),
    )


def _person_entity(dis: Discourse, base: int, tok: Token | None) -> Entity | None:
    """The person a subject names: its own mention or its apposition's ("The US envoy, Jane Roe, left")."""
    for t in ([tok] + [c for c in tok.children if c.dep_ == "appos"]) if tok is not None else []:
        m = dis.mention_at(*_char(base, t))
        if m is not None:
            return m.entity if m.entity.type.lower() == "person" else None
    return None


def _chars(base: int, doc: Doc, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    if rng is None:
        return None
    last = doc[rng[1] - 1]
    return base + doc[rng[0]].idx, base + last.idx + len(last.text)

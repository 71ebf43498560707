"""The attribution lexicon (data/attribution.yaml) as typed, precomputed sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..resources import package_yaml
from ..model import STANCES


@dataclass(frozen=True, slots=True)
class Lexicon:
    stance_of: dict[str, str]  # lemma -> stance
    cue_lemmas: frozenset[str]  # every lemma that can head a cue (verbs and nouns)
    cognition: frozenset[str]
    noun_cues: frozenset[str]
    phrase_cues: tuple[str, ...]
    label_cues: frozenset[str]
    denial_words: frozenset[str]
    accusation_nouns: frozenset[str]
    hedge_words: frozenset[str]  # single tokens
    hedge_phrases: tuple[str, ...]  # multi-word, lower-case
    negator_words: frozenset[str]
    negator_phrases: tuple[str, ...]
    anonymous_sources: frozenset[str]
    institutional_sources: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> antecedent type (person | org | group | any)
    person_nouns: frozenset[str]  # heads of descriptions that refer back to a person
    description_types: dict[str, tuple[str, ...]]  # "the firm" -> entity types it can refer back to
    document_nouns: frozenset[str]  # "a statement by X": the author speaks
    state_nouns: frozenset[str]  # "the X regime" is the state X
    body_nouns: frozenset[str]  # "X's intelligence agency": a body of X
    channel_cues: frozenset[str]  # "KCNA cited X as saying": the outlet is the channel
    media_types: frozenset[str]  # entity types that carry others' statements
    content_denial: tuple[str, ...]  # phrases in the content that make a neutral cue a denial
    content_condemn: tuple[str, ...]  # phrases in the content that make a neutral cue a condemnation
    negative_labels: frozenset[str]  # "called the plan dangerous": a label cue that condemns
    negating_verbs: frozenset[str]  # "refrained from denying": the governing verb negates the cue
    object_cues: frozenset[str] = frozenset()  # "X disclosed the breach": the object is what X reports
    finding_verbs: frozenset[str] = frozenset()  # "X uncovered accounts that were tied to Y": the clause is found
    clause_cues: frozenset[str] = frozenset()  # "added two boats to the fleet": no report without a clause
    body_intro_nouns: frozenset[str] = frozenset()  # "issued the following statement:": a body follows
    content_warn: tuple[str, ...] = ()  # a warning the speaker opens with ("We warn that ..."): a neutral cue warns
    aspectual_verbs: frozenset[str] = frozenset()  # "continues to defy": going on with an act, no report
    mental_states: frozenset[str] = frozenset()  # "I did not want ...": a negated wish or feeling denies no act
    label_languages: frozenset[str] = frozenset()  # "Jane Roe (Russian): ...": a transcript's speaker label
    unowned_reports: frozenset[str] = frozenset()  # "There have been reports that ...": the reports are the source
    document_makers: frozenset[str] = frozenset()  # "a report published by X": the agent made the document
    agentless_continuations: frozenset[str] = frozenset()  # "It was also stated that ...": the speaker before goes on
    headline_labels: frozenset[str] = frozenset()  # "Analysis: ...": a section word before a headline's colon
    voice_nouns: frozenset[str] = frozenset()  # "a ministry spokesperson said": no one named, the body speaks
    headline_nouns: frozenset[str] = frozenset()  # cue lemmas a title-case headline uses as plural nouns ("Talks")
    body_intro_particles: frozenset[str] = frozenset()  # "went on:": verb + particle that hands on to a body
    body_running_verbs: frozenset[str] = frozenset()  # "adding:", "continuing:": the words run on past a paragraph
    light_verbs: frozenset[str] = frozenset()  # "sent the regime a warning": the subject owns the noun cue
    expressed_nouns: dict[str, str] = field(default_factory=dict)  # "expressed concern": the stance the noun gives
    hyphen_prefixes: frozenset[str] = frozenset()  # "above-said", "so-called": an adjective, not a cue
    positive_labels: frozenset[str] = frozenset()  # "termed the talks productive": a label cue that supports
    addressee_verbs: frozenset[str] = frozenset()  # "told reporters:": the object hears, a body follows
    commercial_descriptions: frozenset[str] = frozenset()  # "the firm": never a public body
    public_body_heads: frozenset[str] = frozenset()  # last words of public bodies' names ("Council")
    assessment_cues: frozenset[str] = frozenset()  # "the agency believes": an institution's assessment
    assessment_source_types: frozenset[str] = frozenset()  # entity types whose beliefs are assessments
    commentators: frozenset[str] = frozenset()  # "analysts believe": an opinion, never an assessment
    indefinite_pronouns: frozenset[str] = frozenset()  # "those who ...": names no one
    withholding_verbs: frozenset[str] = frozenset()  # "denied the ship port access": deny as withhold ...
    withheld_objects: frozenset[str] = frozenset()  # ... one of these objects: no report
    # nouns at the head of a phrase that can speak ("a source", "officials", "the report", "the ministry")
    speaking_nouns: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "speaking_nouns",
                           self.anonymous_sources | self.document_nouns | self.person_nouns | self.body_nouns)


def _split(items: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    words = frozenset(str(i).lower() for i in items if " " not in str(i))
    phrases = tuple(str(i).lower() for i in items if " " in str(i))
    return words, phrases


def _lower(items: list[str] | None) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items or ())


def lexicon_from_dict(d: dict) -> Lexicon:
    sp = d.get("speaker") or {}
    stance_of: dict[str, str] = {}
    for stance, words in (d.get("stance") or {}).items():
        if stance not in STANCES:
            raise ValueError(f"unknown stance {stance!r} in attribution lexicon; allowed: {STANCES}")
        for w in words or ():
            stance_of.setdefault(str(w).lower(), stance)
    tagger_cues = frozenset(stance_of)
    # cues the rules may use without changing the tagger's features (it was trained on the words above)
    for stance, words in (d.get("rule_only_cues") or {}).items():
        if stance not in STANCES:
            raise ValueError(f"unknown stance {stance!r} in attribution lexicon rule_only_cues; allowed: {STANCES}")
        for w in words or ():
            stance_of.setdefault(str(w).lower(), stance)
    hedge_words, hedge_phrases = _split(d.get("hedges") or [])
    neg_words, neg_phrases = _split(d.get("negators") or [])
    nouns = frozenset(w.lower() for w in d.get("noun_cues") or [])
    return Lexicon(
        stance_of=stance_of,
        cue_lemmas=tagger_cues | nouns,
        cognition=frozenset(w.lower() for w in d.get("cognition") or []),
        noun_cues=nouns,
        phrase_cues=tuple(p.lower() for p in d.get("phrase_cues") or []),
        label_cues=frozenset(w.lower() for w in d.get("label_cues") or []),
        denial_words=frozenset(w.lower() for w in d.get("denial_words") or []),
        accusation_nouns=frozenset(w.lower() for w in d.get("accusation_nouns") or []),
        hedge_words=hedge_words,
        hedge_phrases=hedge_phrases,
        negator_words=neg_words,
        negator_phrases=neg_phrases,
        anonymous_sources=frozenset(w.lower() for w in d.get("anonymous_sources") or []),
        institutional_sources=frozenset(w.lower() for w in d.get("institutional_sources") or []),
        pronouns={str(k).lower(): str(v) for k, v in (d.get("pronouns") or {}).items()},
        person_nouns=frozenset(w.lower() for w in d.get("person_nouns") or []),
        description_types={str(k).lower(): tuple(v or ()) for k, v in (sp.get("description_types") or {}).items()},
        document_nouns=_lower(sp.get("document_nouns")),
        document_makers=_lower(sp.get("document_makers")),
        state_nouns=_lower(sp.get("state_nouns")),
        body_nouns=_lower(sp.get("body_nouns")),
        channel_cues=_lower(sp.get("channel_cues")),
        media_types=_lower(sp.get("media_types")),
        content_denial=tuple(str(w).lower() for w in d.get("content_denial") or []),
        content_condemn=tuple(str(w).lower() for w in d.get("content_condemn") or []),
        content_warn=tuple(str(w).lower() for w in d.get("content_warn") or []),
        headline_nouns=_lower(d.get("headline_nouns")),
        aspectual_verbs=_lower(d.get("aspectual_verbs")),
        mental_states=_lower(d.get("mental_states")),
        voice_nouns=_lower(d.get("voice_nouns")),
        headline_labels=_lower(d.get("headline_labels")),
        unowned_reports=_lower(d.get("unowned_reports")),
        agentless_continuations=_lower(d.get("agentless_continuations")),
        label_languages=_lower(d.get("label_languages")),
        negative_labels=_lower(d.get("negative_labels")),
        negating_verbs=_lower(d.get("negating_verbs")),
        object_cues=_lower(d.get("object_cues")),
        finding_verbs=_lower(d.get("finding_verbs")),
        clause_cues=_lower(d.get("clause_cues")),
        body_intro_nouns=_lower((d.get("statement_body") or {}).get("following_nouns")),
        body_intro_particles=_lower((d.get("statement_body") or {}).get("continuing_phrases")),
        body_running_verbs=_lower((d.get("statement_body") or {}).get("running_verbs")),
        light_verbs=_lower(d.get("light_verbs")),
        expressed_nouns=_expressed_nouns(d.get("expressed_nouns") or {}),
        hyphen_prefixes=_lower(d.get("hyphen_adjective_prefixes")),
        positive_labels=_lower(d.get("positive_labels")),
        addressee_verbs=_lower((d.get("statement_body") or {}).get("addressee_verbs")),
        commercial_descriptions=_lower(sp.get("commercial_descriptions")),
        public_body_heads=_lower(sp.get("public_body_heads")),
        indefinite_pronouns=_lower(sp.get("indefinite_pronouns")),
        assessment_cues=_lower((d.get("institutional_assessment") or {}).get("cues")),
        assessment_source_types=_lower((d.get("institutional_assessment") or {}).get("source_types")),
        commentators=_lower((d.get("institutional_assessment") or {}).get("commentators")),
        withholding_verbs=_lower((d.get("withholding") or {}).get("verbs")),
        withheld_objects=_lower((d.get("withholding") or {}).get("objects")),
    )


def _expressed_nouns(table: dict[str, str]) -> dict[str, str]:
    out = {str(k).lower(): str(v).lower() for k, v in table.items()}
    bad = sorted(set(out.values()) - set(STANCES))
    if bad:
        raise ValueError(f"unknown stance {bad[0]!r} in attribution lexicon expressed_nouns; allowed: {STANCES}")
    return out


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the packaged lexicon, or a user's YAML file of the same shape."""
    if path:
        return lexicon_from_dict(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {})
    return lexicon_from_dict(package_yaml("attribution.yaml"))

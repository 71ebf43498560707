"""extract_attributions: tagger + grouping + rules -> model.Attribution records."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from ..model import Attribution, Entity
from ..read import Block, Parsed
from .assemble import block_starts, clip_run_on, content_text, run_on_reports, finish, source_tokens, without_self_quotes
from .draft import Draft, draft_from_group, span_chars
from .phrases import (
    borrow_subject,
    inverted_conditional,
    light_verb_subject,
    number_label_source,
    passive_agent,
    relative_object,
    source_across_insertion,
    tidy_source,
)
from .group import Group, group_block
from .lexicon import Lexicon, load_lexicon
from .meaning import cites_only_its_source, cue_head, denial_by_participle, no_report, only_a_date
from .embedded import claims_object, relative_report_rule
from .candidates import rule_candidates
from .occasions import occasion_clause_rule
from .closing import (comma_clause_rule, inverted_closing, misread_closing_verb, postposed_quoted, postposed_rule, postposed_surface,
                      split_start, subjectless_closing)
from .rules import (STRONG_STANCES, according_rule, as_clause_rule, cue_through_verb, document_speaks, expressed_rule, headline_tail,
                    headline_verb, noun_rule, passive_rule, lost_quote_rule, quote_opens_at, quote_then_speaker, reports_clause,
                    untrained_cue_with_clause, verb_rule)
from .headlines import colon_headline, tail_colon_headline, title_headline, verb_read_as_name
from .published import carried_statement
from .discourse import Discourse
from .lede_speakers import lede_named_next
from .agentless import agentless_goes_on
from .pronoun_gender import seed_honorifics
from .speaker import Speaker, decide
from .quotes import repair_quotations
from .answers import answer_drafts
from .apostrophes import lost_apostrophe_owner
from .colon_runs import run_on_after_colon
from .demonstratives import demonstrative_passive_rule
from .self_denial import own_denials
from .speaker_labels import label_drafts
from .unowned import unowned_report_source
from .statements import body_drafts
from .dash_paragraphs import block_end, dash_drafts
from .relays import relayed_participles
from .interrupted import interrupted_report, widen_interrupted
from .cue_subjects import subject_out_of_cue
from .findings import object_findings
from .self_sources import drop_self_sources
from .profiles import block_labels, profile_name
from .tagger import TokenSpan, decode, load_tagger



def _reach_speech_verb(doc: Doc, g: Group, lex: Lexicon) -> None:
    """A hedge read as the cue ("were reportedly") hands the cue on to the speech verb after it."""
    if len(g.cue) != 1 or not g.content:
        return
    first = min(g.content, key=lambda c: c.start)
    speech = lex.stance_of.keys() - lex.cognition
    found = cue_through_verb(doc, (g.cue[0].start, g.cue[0].end), (first.start, first.end), speech)
    if found is None:
        return
    cue, content, src = found
    g.cue = [TokenSpan("cue", cue[0], cue[1], g.cue[0].score)]
    g.content = [c for c in g.content if c is not first] + [TokenSpan("content", content[0], content[1], first.score)]
    if not g.source and src is not None:
        g.source = [TokenSpan("source", src[0], src[1], 0.5)]


# ------------------------------------------------------------- rule candidates

def _rule_draft(text: str, bi: int, block: Block, src, cue, content: list[tuple[int, int]], kind: str | None, conf: float) -> Draft:
    doc = block.doc
    conv = lambda r: span_chars(text, block.start, doc, r[0], r[1])  # noqa: E731
    return Draft(
        bi,
        [conv(src)] if src else [],
        [conv(cue)],
        [conv(c) for c in content],
        [doc[i] for i in range(cue[0], cue[1])],
        [doc[i] for i in range(src[0], src[1])] if src else [],
        kind=kind,
        confidence=conf,
    )


def _rule_drafts(text: str, bi: int, block: Block, taken: set[int], lex: Lexicon, inside: tuple[int, int] | None = None, sources: set[int] | None = None) -> list[Draft]:
    """Attributions the rules find among tokens the tagger left unlabelled (or inside a content span).

    Outside the tagger's spans only "according to" and strong-stance verbs
    (deny, accuse, condemn, warn, confirm, support) fire: they are what the
    evidence needs most.  Inside a content span every speech verb may open a
    nested attribution.
    """
    doc = block.doc
    out = []
    lo, hi = inside if inside is not None else (0, len(doc))
    for i in rule_candidates(doc, lo, hi, lex):
        if inside is None and i in taken:
            continue
        tok = doc[i]
        acc = according_rule(doc, tok)
        if acc:
            src, cue, pieces = acc
            if inside is not None:
                pieces = [(max(a, inside[0]), min(b, inside[1])) for a, b in pieces if min(b, inside[1]) > max(a, inside[0])]
            if inside is None and any(i in taken for p in pieces for i in range(*p)):
                pieces = [p for p in pieces if not any(i in taken for i in range(*p))] or pieces
            if pieces:
                out.append(_rule_draft(text, bi, block, src, cue, pieces, "according_to", 0.5))
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and inside is None and tok.i not in taken and (misread := misread_closing_verb(doc, tok, lex.stance_of)) \
                and not any(i in taken for src, _, content in misread for i in range(src[0], content[1] if content[0] > src[0] else src[1])):
            out.extend(_rule_draft(text, bi, block, src, cue, [content], "indirect", 0.5) for src, cue, content in misread)
            continue
        if tok.pos_ == "NOUN" and inside is None and tok.i not in taken and tok.lower_ in lex.expressed_nouns:
            voiced = expressed_rule(doc, tok, lex.light_verbs, taken)
            if voiced is not None:
                out.append(_rule_draft(text, bi, block, voiced[0], voiced[1], [voiced[2]], None, 0.5))
                continue
        if tok.pos_ == "NOUN" and (inside is not None or tok.i not in taken) and (lemma in lex.noun_cues or lex.stance_of.get(lemma) in STRONG_STANCES):
            # inside a content only a noun of strong stance opens a nested attribution
            # ("doubts about [the ministry's dismissal of the claims]"); "the report that ..." there is the content's own words
            strong = lex.stance_of.get(lemma) in STRONG_STANCES
            # a named owner makes it someone's words even there ("following leader Kim's statement that ...")
            if inside is not None and not strong and not any(c.dep_ == "poss" and any(t.pos_ == "PROPN" for t in c.subtree) for c in tok.children):
                continue
            if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in lex.stance_of and occasion_clause_rule(doc, tok.head.head):
                continue  # "told Kyodo in an interview that ...": the clause is the verb's, the interview its occasion
            found_noun = noun_rule(doc, tok, taken if inside is None else set(), claim_words=lex.accusation_nouns if strong else None)
            if found_noun:
                src, cue, content = found_noun
                if inside is not None:
                    content = (max(content[0], inside[0]), min(content[1], inside[1]))
                if content[1] > content[0]:
                    out.append(_rule_draft(text, bi, block, src, cue, [content], "noun", 0.5))
            continue
        if (relative := relative_report_rule(doc, tok, taken if inside is None else set()) if lemma in lex.stance_of or lemma in lex.assessment_cues else None):
            out.append(_rule_draft(text, bi, block, relative[0], relative[1], [relative[2]], None, 0.5))
            continue
        if tok.pos_ != "VERB" or lemma not in lex.stance_of or lemma in lex.cognition:
            continue
        as_clause = as_clause_rule(doc, tok, lex.document_nouns) if inside is None and tok.i not in taken else None
        if as_clause is not None and not any(i in taken for p in as_clause[2] for i in range(*p)):
            out.append(_rule_draft(text, bi, block, as_clause[0], as_clause[1], as_clause[2], None, 0.5))
            continue
        if inside is None and tok.i not in taken and (tok.dep_ != "ROOT" or split_start(tok) < tok.sent.start):
            # a closing "..., the agency here claimed Wednesday." the parser hung under the content
            surface = postposed_surface(doc, tok)
            # the source may be one the tagger gave a participle of the same verb ("said Monday, dismissing ...")
            if surface is not None and not any(i in taken and i not in (sources or set()) for i in range(*surface[0])) \
                    and not any(i in taken for i in range(*surface[2])):
                out.append(_rule_draft(text, bi, block, surface[0], surface[1], [surface[2]], None, 0.5))
                continue
        if inside is not None:
            closing = postposed_rule(doc, tok, inside[1]) or (postposed_surface(doc, tok, inside[1]) if tok.dep_ != "ROOT" else None)
            if closing is not None and inside[0] <= closing[0][0] and closing[0][1] <= inside[1] and closing[2][1] > inside[0]:
                out.append(_rule_draft(text, bi, block, closing[0], closing[1], [(max(closing[2][0], inside[0]), closing[2][1])], None, 0.5))
                continue
        if inside is None and lex.stance_of[lemma] not in STRONG_STANCES:
            closing = postposed_rule(doc, tok) if tok.i not in taken else None
            if closing is None and tok.i not in taken:
                closing = (quote_then_speaker(doc, tok) or postposed_quoted(doc, tok) or comma_clause_rule(doc, tok)
                           or occasion_clause_rule(doc, tok) or headline_tail(doc, tok) or subjectless_closing(doc, tok)
                           or inverted_closing(doc, tok))
                if closing is not None and any(i in taken for i in range(*closing[2])):
                    closing = None
            if closing is not None and not any(i in taken for i in range(*closing[0])):
                out.append(_rule_draft(text, bi, block, closing[0], closing[1], [closing[2]], None, 0.5))
            elif closing is None and tok.i not in taken and (lost := lost_quote_rule(doc, tok)) is not None \
                    and not any(i in taken for i in range(*lost[0])):
                out.append(_rule_draft(text, bi, block, lost[0], lost[1], [lost[2]], None, 0.5))
            elif closing is None and tok.i not in taken and (interrupted := interrupted_report(tok)) is not None \
                    and not any(i in taken for i in range(*interrupted[0])):
                # "X said the group — which is believed to ... — was ...": the reporting verb keeps its clause
                out.append(_rule_draft(text, bi, block, interrupted[0], interrupted[1], [interrupted[2]], None, 0.5))
            elif closing is None and tok.i not in taken and (document_speaks(tok, lex.document_nouns) or lemma in lex.object_cues or quote_opens_at(tok)
                                                                         or untrained_cue_with_clause(tok, lex.cue_lemmas) or headline_verb(tok)):
                # "A UN report found the ship had ...": a document's finding the tagger left out
                found = verb_rule(doc, tok, taken, sources or set(), lex.negating_verbs)
                if found and found[0] is not None:
                    out.append(_rule_draft(text, bi, block, found[0], found[1], [found[2]], None, 0.5))
            elif closing is None and tok.i not in taken and (back := demonstrative_passive_rule(doc, tok)) is not None \
                    and not any(i in taken for r in back for i in range(*r)):
                # "This was stated by the envoy": the sentence before is what the envoy said
                out.append(_rule_draft(text, bi, block, back[0], back[1], [back[2]], "passive", 0.5))
            continue
        if inside is None and tok.i not in taken and (closing := postposed_rule(doc, tok)) is not None \
                and not any(i in taken for r in closing for i in range(*r)):
            # "The case will take years, the prosecutor conceded.": a strong verb closing its report, which the
            # tagger lost (its content went to a report before it)
            out.append(_rule_draft(text, bi, block, closing[0], closing[1], [closing[2]], None, 0.5))
            continue
        found = verb_rule(doc, tok, taken if inside is None else set(), sources or set(), lex.negating_verbs)
        if not found and inside is None and tok.i not in taken and (freed := claims_object(tok, taken, lex.noun_cues, lex.document_nouns)):
            found = verb_rule(doc, tok, taken - freed, sources or set(), lex.negating_verbs)
        if not found and tok.i not in taken:
            found = passive_rule(doc, tok, taken if inside is None else set())
        if not found:
            continue
        src, cue, content = found
        if inside is not None:
            content = (max(content[0], inside[0]), min(content[1], inside[1]))
            if content[1] <= content[0] or src is None or (lemma in lex.clause_cues and not reports_clause(doc, tok, content)):
                continue
        out.append(_rule_draft(text, bi, block, src, cue, [content], None, 0.5))
    return out


def _denies(d: Draft, lex: Lexicon) -> bool:
    head = cue_head(d.cue_tokens)
    return head is not None and lex.stance_of.get(head.lemma_.lower()) in ("deny", "condemn")


def _nested_drafts(text: str, parsed: Parsed, outer: list[Draft], lex: Lexicon) -> list[Draft]:
    """Attributions inside an outer content ("the BBC reports that the defector said ...")."""
    out: list[Draft] = []
    for d in outer:
        block = parsed.blocks[d.block]
        for cs, ce in d.content:
            end = block_end(block)
            if not (block.start <= cs < end):
                continue
            window = block.doc.char_span(cs - block.start, min(ce, end) - block.start, alignment_mode="expand")
            if window is not None and len(window) > 2:
                out += _rule_drafts(text, d.block, block, set(), lex, (window.start, window.end))
    return out


def _without_intro_readings(text: str, drafts: list[Draft], bodies: list[Draft]) -> list[Draft]:
    """ "A spokesman gave the following answer to a question put by KCNA ...:" announces a body; a reading that
    takes the announcement itself for what was said is dropped once the body is there."""
    following = [c for b in bodies for c in b.cue if "following" in text[c[0] : c[1]].lower()]
    kept = [d for d in drafts if not any(s < ce and cs < e for s, e in d.content for cs, ce in following)]
    return kept + bodies


def _nest(drafts: list[Draft]) -> list[Draft]:
    """Give each draft the smallest other draft whose content holds its cue as parent; order parents first."""
    n = len(drafts)
    parent: list[int | None] = [None] * n
    for b, db in enumerate(drafts):
        cue_at = db.cue[0][0] if db.cue else None
        if cue_at is None:
            continue
        best, best_len = None, None
        for a, da in enumerate(drafts):
            if a != b and any(s <= cue_at < e for s, e in da.content):
                size = sum(e - s for s, e in da.content)
                if best_len is None or size < best_len:
                    best, best_len = a, size
        parent[b] = best
    # break cycles (two drafts holding each other's cue): the larger content stays outer
    for b in range(n):
        seen, node = {b}, parent[b]
        while node is not None:
            if node in seen:
                parent[b] = None
                break
            seen.add(node)
            node = parent[node]
    children: dict[int | None, list[int]] = {}
    for i, p in enumerate(parent):
        children.setdefault(p, []).append(i)
    ordered: list[Draft] = []

    def visit(i: int, p: int | None) -> None:
        d = drafts[i]
        d.parent = p
        ordered.append(d)
        here = len(ordered) - 1
        for c in sorted(children.get(i, []), key=lambda k: drafts[k].cue[0][0]):
            visit(c, here)

    for i in sorted(children.get(None, []), key=lambda k: min(s for s, _ in drafts[k].content)):
        visit(i, None)
    return ordered


def _speakers(text: str, parsed: Parsed, drafts: list[Draft], entities: Sequence[Entity], lex: Lexicon) -> list[Speaker | None]:
    """Decide every draft's speaker in reading order, so pronouns and descriptions see the speakers before them.

    A nested attribution comes right after its parent: in "A statement by the mission said ..., KCNA
    reported" the mission, not the outlet, is the speaker a following "It said" refers to.
    """
    dis = Discourse.of(text, entities, lex.person_nouns)
    seed_honorifics(dis)
    dis.blocks = [(b.start, b.doc) for b in parsed.blocks]
    # a continued quotation borrows its speaker's tokens from an earlier paragraph: offsets follow the tokens' doc
    starts = block_starts(parsed)
    out: list[Speaker | None] = [None] * len(drafts)
    at = [min([s for s, _ in d.source + d.cue] or [0]) for d in drafts]  # where each report starts

    def key(k: int) -> tuple[int, int]:
        depth, top = 0, k
        while drafts[top].parent is not None and depth < len(drafts):
            top, depth = drafts[top].parent, depth + 1
        return at[top], depth

    sources: list[list] = [[] for _ in drafts]
    for k in sorted(range(len(drafts)), key=lambda k: (key(k), at[k])):
        d = drafts[k]
        parent = out[d.parent] if d.parent is not None else None
        src = sources[k] = source_tokens(text, parsed, d)
        start = at[k]
        toks = src or d.cue_tokens
        base = starts.get(id(toks[0].doc), parsed.blocks[d.block].start) if toks else parsed.blocks[d.block].start
        out[k] = decide(dis, base, src, d.cue_tokens, d.content, parent, lex, dis.in_quote(start, start + 1))
    lede_named_next(text, sources, at, out, entities)
    agentless_goes_on(text, drafts, sources, at, out, entities, lex)
    return out


def extract_attributions(parsed: Parsed, entities: list[Entity] | None = None, *, lexicon: Lexicon | None = None, model: str | None = None, profile: str | None = None,
                         labels: list[tuple[list[str], list[float]]] | None = None) -> list[Attribution]:
    """Find who said what in a parsed document.

    Outermost attributions come from the trained tagger of the profile
    (``profiles.py``: the CRF or the encoder; PolNeAR conventions);
    dash-quoted paragraphs and nested attributions come from rules.  Inner
    attributions point at their enclosing one with ``parent`` (an index into
    the returned list); the list is in document order of outer attributions,
    each followed by its nested ones.  ``labels`` (per block, as
    ``profiles.block_labels`` gives them) skips the tagger: evaluation loops
    that vary only what follows it tag each document once.
    """
    lex = lexicon or load_lexicon()
    tagger = load_tagger(model)
    text = parsed.text
    drafts: list[Draft] = []
    rules: list[Draft] = []
    speech = frozenset(lex.stance_of.keys() - lex.cognition)
    speaking = lex.document_nouns | lex.person_nouns | lex.commentators  # nouns a participle cue may speak for
    name = profile_name(profile)
    tagged = labels if labels is not None else block_labels(parsed, tagger, name)
    for bi, (block, (tags, scores)) in enumerate(zip(parsed.blocks, tagged)):
        spans = decode(tags, scores)
        groups = group_block(block.doc, spans, tagger.space.cue_words, speech, clip_nouns=name == "fast")
        for g in groups:
            _reach_speech_verb(block.doc, g, lex)
            widen_interrupted(block.doc, g)
            subject_out_of_cue(block.doc, g, speech)
        # a tagger reading whose cue reports nothing leaves its words to the rules ("reported on Friday, citing X")
        read = [(g, borrow_subject(text, block, draft_from_group(text, bi, block, g), speaking)) for g in groups]
        read = [(g, d) for g, d in read if not no_report(d.cue_tokens, lex) and not only_a_date(block.doc, block.start, d.content)
                and not cites_only_its_source(d.cue_tokens, d.content, block.start, lex)]
        groups = [g for g, _ in read]
        drafts += [d for _, d in read]
        # spans the grouping dropped (content with no cue) do not block the rules
        used = [sp for g in groups for sp in g.cue + g.source + g.content]
        taken = {i for sp in used for i in range(sp.start, sp.end)} - run_on_reports(block.doc, groups, speech)
        sources = {i for sp in used if sp.role == "source" for i in range(sp.start, sp.end)}
        rules += _rule_drafts(text, bi, block, taken, lex, sources=sources)
        # "X uncovered accounts that were tied to Y": a finding no verb or noun rule reads (no clause of its own)
        cues = {c for d in rules if d.block == bi for c in d.cue}
        found = [_rule_draft(text, bi, block, src, cue, [content], "indirect", 0.5)
                 for src, cue, content in object_findings(block.doc, lex.finding_verbs, taken)]
        rules += [d for d in found if d.cue[0] not in cues]
        if not groups and (title := title_headline(text, bi, block, lex) or colon_headline(text, bi, block, lex)
                                   or tail_colon_headline(text, bi, block, lex)) is not None:
            rules.append(title)
    # a quotation paragraph a rule has given its own speaker does not continue the previous one
    claimed = [span for d in rules for span in d.content]
    drafts += [
        d
        for d in dash_drafts(text, parsed, drafts, lex)
        if d.kind != "direct" or not any(s < d.content[0][1] and d.content[0][0] < e for s, e in claimed)
    ]
    # a denial or rejection the rules found holds the claim it denies ("rejected accusations by UN experts that ...")
    nested = _nested_drafts(text, parsed, drafts + [d for d in rules if _denies(d, lex)], lex)
    known = {(d.cue[0] if d.cue else None) for d in drafts}
    extra = []
    for d in rules + nested:
        if d.cue and d.cue[0] not in known:
            known.add(d.cue[0])
            extra.append(d)
    for d in drafts + extra:
        carried_statement(text, parsed.blocks[d.block], d, lex.document_nouns, speech)
        source_across_insertion(text, parsed.blocks[d.block], d)
        passive_agent(text, parsed.blocks[d.block], d)
        relative_object(text, parsed.blocks[d.block], d)
        light_verb_subject(text, parsed.blocks[d.block], d, lex.light_verbs)
        number_label_source(text, parsed.blocks[d.block], d)
        tidy_source(text, parsed.blocks[d.block], d)
        inverted_conditional(text, parsed.blocks[d.block], d)
        unowned_report_source(text, parsed.blocks[d.block], d, lex.unowned_reports)
        lost_apostrophe_owner(text, parsed.blocks[d.block], d, lex.noun_cues)
        verb_read_as_name(text, d.block, parsed.blocks[d.block], d, lex)
    repair_quotations(text, parsed.blocks, drafts + extra, lex.cue_lemmas)
    drafts = [d for d in drafts if not no_report(d.cue_tokens, lex)]
    extra = [d for d in extra if not no_report(d.cue_tokens, lex)
             and not only_a_date(parsed.blocks[d.block].doc, parsed.blocks[d.block].start, d.content)]
    # after the nested rules: a statement's body is the speaker's words, not text to search for more cues
    bodies = (body_drafts(text, parsed, drafts + extra, lex) + answer_drafts(text, parsed, drafts + extra)
              + label_drafts(text, parsed, drafts + extra, lex.label_languages))
    kept = _without_intro_readings(text, drafts + extra, bodies)
    clip_run_on(text, kept)
    run_on_after_colon(text, parsed, kept)
    ordered = _nest(kept)
    speakers = _speakers(text, parsed, ordered, entities or [], lex)
    out = [finish(text, d, sp, entities, lex) for d, sp in zip(ordered, speakers)]
    drop_self_sources(out)  # "X — which is believed to ...": X is what is believed of, not the believer
    relayed_participles(out, ordered, entities or [], lex.media_types)
    stances = denial_by_participle([d.cue_tokens for d in ordered], [content_text(text, d.content) for d in ordered], [a.stance for a in out])
    stances = own_denials(parsed, ordered, speakers, entities or [], stances, frozenset(lex.stance_of) | lex.cognition,
                         lex.mental_states)
    for a, stance in zip(out, stances):
        a.stance = stance
    return without_self_quotes(out)

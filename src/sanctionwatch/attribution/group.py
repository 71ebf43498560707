"""Group tagged spans of one block into attributions, anchored on cues.

The tagger labels tokens, not relations.  Each cue span anchors one
attribution.  Spans join the cue that governs them in the dependency tree
first; a source the tree does not place goes to the nearest cue of its
sentence that still lacks one, a content the tree does not place to the
nearest cue of its sentence (or, for a quotation, of the neighbouring
sentence).  A cue left without content is dropped: PolNeAR never annotates
one, and an attribution with nothing attributed carries no evidence.
Pieces of one role that touch are merged back into one span.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .features import QUOTE_CHARS, quote_state, sentence_ids
from .carriers import cited_as_saying
from .rules import according_rule, noun_source, quoted_as_saying, subject_of
from .reports import according_source_ends_at_comma, according_whole_clause, reported_object
from .tagger import Group, TokenSpan


def _span_root(doc: Doc, span: TokenSpan) -> int:
    """Index of the token whose head lies outside the span (first one if several)."""
    for i in range(span.start, span.end):
        h = doc[i].head.i
        if h < span.start or h >= span.end or h == i:
            return i
    return span.start


def _governing_cue(doc: Doc, span: TokenSpan, cue_of_token: dict[int, int], max_climb: int = 6) -> int | None:
    node = doc[_span_root(doc, span)]
    for _ in range(max_climb):
        if node.i in cue_of_token and not (span.start <= node.i < span.end):
            return cue_of_token[node.i]
        if node.head is node:
            break
        node = node.head
    # the content's verb may govern the cue instead ("..., he said": said is a child of the quote's verb)
    for i in range(span.start, span.end):
        for child in doc[i].children:
            if child.i in cue_of_token:
                return cue_of_token[child.i]
    return None


def _distance(a: TokenSpan, b: TokenSpan) -> int:
    if b.start >= a.end:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _merge(spans: list[TokenSpan], doc: Doc) -> list[TokenSpan]:
    """Merge pieces of one role that touch (the tagger sometimes restarts a span mid-quote)."""
    out: list[TokenSpan] = []
    for s in sorted(spans, key=lambda s: s.start):
        if out and s.start <= out[-1].end:
            prev = out.pop()
            out.append(TokenSpan(prev.role, prev.start, max(prev.end, s.end), min(prev.score, s.score)))
        else:
            out.append(s)
    return out


def _free_subtree(doc: Doc, tok, taken: set[int], role: str) -> TokenSpan | None:
    """The contiguous subtree of tok as a span, if the tagger left all of it unlabelled."""
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    while hi < len(doc) and not doc[hi - 1].whitespace_ and (doc[hi].text == "-" or doc[hi - 1].text == "-"):
        hi += 1  # keep a hyphenated name whole ("Kuk-song")
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_CHARS:
        hi -= 1
    if hi <= lo or any(i in taken for i in range(lo, hi)):
        return None
    return TokenSpan(role, lo, hi, 0.5)


def _cut(spans: list[TokenSpan], lo: int, hi: int) -> list[TokenSpan]:
    """The spans with tokens lo..hi removed (a span around the hole becomes two)."""
    out = []
    for c in spans:
        if c.end <= lo or c.start >= hi:
            out.append(c)
            continue
        out += [TokenSpan(c.role, c.start, lo, c.score), TokenSpan(c.role, hi, c.end, c.score)]
    return out


def close_gaps(doc: Doc, g: Group, taken: set[int]) -> None:
    """"X, sanctioned for Y, is believed to have Z — far larger than W, according to S": the phrase
    reports the whole sentence, so a hole the tagger left between two content pieces of the
    sentence is content too, unless another attribution holds it."""
    own = {i for sp in g.content + g.cue + g.source for i in range(sp.start, sp.end)}
    pieces = sorted(g.content, key=lambda c: c.start)
    merged: list[TokenSpan] = []
    for c in pieces:
        if merged:
            prev = merged[-1]
            hole = range(prev.end, c.start)
            # the parser's sentence split is not trusted here (it breaks at dashes); a full stop is
            same_sentence = not any(doc[i].text in (".", "!", "?") for i in range(prev.end - 1, c.start))
            if same_sentence and not any(i in taken and i not in own for i in hole) and not any(i in own and i not in range(prev.start, c.end) for i in hole):
                if not any(cue.start < c.start and cue.end > prev.end for cue in g.cue + g.source):
                    merged[-1] = TokenSpan("content", prev.start, c.end, min(prev.score, c.score))
                    continue
        merged.append(c)
    g.content = merged


def _complete(doc: Doc, g: Group, taken: set[int]) -> None:
    """Fill a role the tagger missed from the cue verb's own dependents (subject, clausal complement).

    The tagger sees a window of words; the parse sees the whole clause.  Only
    unlabelled tokens are used, so the tagger's spans are never overwritten.
    """
    cue = g.cue[0]
    if doc[cue.start].lower_ == "according" and g.source:
        according_source_ends_at_comma(doc, g)
    if doc[cue.start].lower_ == "according" and g.source and g.content:
        according_whole_clause(doc, g)
    if doc[cue.start].lower_ == "according" and len(g.content) > 1:
        close_gaps(doc, g, taken)
    if doc[cue.start].lower_ == "according" and not (g.content and g.source):
        # "X denied Y, according to state media": the whole clause is what state media reported,
        # other attributions inside it become nested ones.  The phrase's object is the source
        # even where the tagger read the content and stopped short of it ("according to a new
        # announcement from the FBI").
        found = according_rule(doc, doc[cue.start])
        if found:
            if not g.content:
                g.content.extend(TokenSpan("content", a, b, 0.5) for a, b in found[2])
            # (the tagger may read the phrase's object as content, or as part of the cue: "according to court
            # documents" all cue)
            own = {i for c in g.content + g.cue for i in range(c.start, c.end)}
            src = found[0]
            if not g.source and src and not any(i in taken and i not in own for i in range(*src)):
                # the object is who reports
                lo, hi = src
                g.content = [c for c in _cut(g.content, lo, hi) if c.end > c.start]
                g.cue = [TokenSpan("cue", c.start, min(c.end, lo), c.score) if c.start < lo < c.end else c for c in g.cue]
                g.source.append(TokenSpan("source", lo, hi, 0.5))
                according_whole_clause(doc, g)
            close_gaps(doc, g, taken)
        return
    heads = [doc[i] for i in range(cue.start, cue.end) if doc[i].pos_ in ("VERB", "AUX") and not (cue.start <= doc[i].head.i < cue.end and doc[i].head.i != i)]
    if not heads:
        _noun_source(doc, g, taken)
        return
    verb = heads[0]
    said_end = quoted_as_saying(doc, verb)
    if said_end is not None:
        # "X was quoted as saying that ...": X is the source, the cue runs through "saying"
        g.cue[0] = TokenSpan("cue", cue.start, max(cue.end, said_end), cue.score)
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if subj and not g.source:
            lo, hi = subj[0].left_edge.i, subj[0].right_edge.i + 1
            g.content = [c for c in g.content if c.end <= lo or c.start >= hi]
            g.source.append(TokenSpan("source", lo, hi, 0.5))
        g.content = [TokenSpan("content", max(c.start, said_end), c.end, c.score) for c in g.content if c.end > said_end]
        if not g.content:
            tail = [c for c in doc[said_end - 1].children if c.i >= said_end]
            if tail:
                span = _free_subtree(doc, tail[0], set(), "content")
                if span:
                    g.content.append(span)
        return
    cited = cited_as_saying(verb)
    if cited is not None:
        # "X quoted Y as saying that ...": what Y said starts after "saying" (Y is the speaker, see speaker.py)
        said_end = cited[1]
        # the one quoted and "as saying" are no content; a quotation before the cue stays
        pieces = [(c, lo, hi) for c in g.content for lo, hi in ((c.start, min(c.end, verb.i)), (max(c.start, said_end), c.end))]
        g.content = [TokenSpan("content", lo, hi, c.score) for c, lo, hi in pieces if hi > lo]
        if not g.content:
            tail = [c for c in doc[said_end - 1].children if c.i >= said_end]
            span = _free_subtree(doc, tail[0], set(), "content") if tail else None
            if span:
                g.content.append(span)
        return
    if not g.content:
        for child in verb.children:
            if child.dep_ == "ccomp":
                span = _free_subtree(doc, child, taken, "content")
                if span:
                    g.content.append(span)
                    taken.update(range(span.start, span.end))
                    break
    if g.content and not g.source:
        subj = subject_of(verb)  # climbs from "..., savaging X" to the clause's subject
        if subj is not None and subj.lower_ not in ("it", "there"):
            span = _free_subtree(doc, subj, taken, "source")
            if span:
                g.source.append(span)
                taken.update(range(span.start, span.end))


def _cue_verbs(doc: Doc, cue: TokenSpan) -> list[Token]:
    """The verbs and auxiliaries of a cue, outermost first."""
    return sorted((doc[i] for i in range(cue.start, cue.end) if doc[i].pos_ in ("VERB", "AUX")), key=lambda t: -len(list(t.subtree)))


def _subject_as_source(doc: Doc, g: Group, speech: frozenset[str]) -> None:
    """A content piece that is exactly the active subject of a speech cue is its source.

    The encoder sometimes labels the subject before "were reportedly unable to verify" as
    content.  Only an active subject moves: with a passive or raising cue ("it was not known
    whether", "the plan seems to work") the subject does belong to the content, and those
    cues are passive or not speech words.
    """
    if g.source or len(g.content) < 2 or not speech:
        return
    cue = g.cue[0]
    if not any(doc[i].lemma_.lower() in speech and doc[i].pos_ == "VERB" for i in range(cue.start, cue.end)):
        return
    for verb in _cue_verbs(doc, cue)[:1]:
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < cue.start), None)
        if subj is None or subj.lower_ in ("it", "there") or subj.pos_ not in ("NOUN", "PROPN"):
            return
        lo, hi = subj.left_edge.i, subj.right_edge.i + 1
        piece = next((c for c in g.content if c.start == lo and c.end == hi), None)
        if piece is not None:
            g.content = [c for c in g.content if c is not piece]
            g.source.append(TokenSpan("source", lo, hi, piece.score))


def _noun_source(doc: Doc, g: Group, taken: set[int]) -> None:
    """ "Kim Kuk-song claims that ..." parsed as a noun phrase: the words before the noun cue are its source."""
    if g.source or not g.content:
        return
    cue = g.cue[0]
    noun = doc[cue.end - 1]
    if noun.pos_ != "NOUN":
        return
    found = noun_source(doc, noun)
    if found and found[1] <= cue.start and not any(i in taken for i in range(*found)):
        g.source.append(TokenSpan("source", found[0], found[1], 0.5))
        taken.update(range(*found))


def _widen_source(doc: Doc, span: TokenSpan, taken: set[int]) -> TokenSpan:
    """Grow a source to its whole noun phrase ("[At least four] senators") when the tagger cut it short."""
    root = doc[_span_root(doc, span)]
    if root.dep_ not in ("nsubj", "nsubjpass", "pobj", "poss"):
        return span
    lo, hi = root.left_edge.i, root.right_edge.i + 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    if lo > span.start or hi < span.end:
        return span
    if any(i in taken for i in range(lo, hi) if not span.start <= i < span.end):
        return span
    return TokenSpan(span.role, lo, hi, span.score)


DASH_CHARS = frozenset("–—-")


def _dash_content(doc: Doc, g: Group) -> None:
    """ "– A. B. C, he says.": in a dash paragraph everything before a closing "he says" is the quote."""
    if g.content:
        return
    end = min([g.cue[0].start] + [s.start for s in g.source])
    lo, hi = 1, end
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in QUOTE_CHARS:
        hi -= 1
    if hi - lo >= 3:
        g.content.append(TokenSpan("content", lo, hi, 0.5))


def _clip_noun_content(doc: Doc, g: Group) -> None:
    """A noun cue's content ends with the noun's own clause ("the claim [that X] surprised nobody")."""
    cue = g.cue[0]
    nouns = [doc[i] for i in range(cue.start, cue.end) if doc[i].pos_ == "NOUN"]
    if not nouns or any(doc[i].pos_ == "VERB" for i in range(cue.start, cue.end)):
        return
    edge = nouns[-1].right_edge.i + 1
    clipped = []
    for c in g.content:
        if c.start >= cue.end and c.start < edge < c.end:
            c = TokenSpan(c.role, c.start, edge, c.score)
        clipped.append(c)
    g.content = clipped


def _lexicon_cue(doc: Doc, span: TokenSpan, taken: set[int], cue_words: frozenset[str]) -> TokenSpan | None:
    """An untagged cue-lexicon verb governing a content span the tagger left without a cue (", says Kuk-song")."""
    node = doc[_span_root(doc, span)]
    for _ in range(3):
        if node.head is node:
            break
        node = node.head
        if node.i not in taken and node.pos_ == "VERB" and node.lemma_.lower() in cue_words:
            return TokenSpan("cue", node.i, node.i + 1, 0.5)
    return None


def _subject_cue(doc: Doc, span: TokenSpan, taken: set[int], cue_words: frozenset[str]) -> TokenSpan | None:
    node = doc[_span_root(doc, span)]
    verb = node.head
    if node.dep_ in ("nsubj", "nsubjpass") and verb.i not in taken and verb.pos_ == "VERB" and verb.lemma_.lower() in cue_words:
        return TokenSpan("cue", verb.i, verb.i + 1, 0.5)
    return None


def _adopt_orphans(doc: Doc, spans: list[TokenSpan], cue_words: frozenset[str], sent_of: list[int]) -> list[TokenSpan]:
    """Give cue-less content and source spans the lexicon verb the parse ties them to."""
    cues = [s for s in spans if s.role == "cue"]
    taken = {i for s in spans for i in range(s.start, s.end)}
    cue_tokens = {i for c in cues for i in range(c.start, c.end)}
    extra = []
    for span in spans:
        if span.role not in ("content", "source") or _governing_cue(doc, span, {i: 0 for i in cue_tokens}) is not None:
            continue
        same_sentence = any(sent_of[c.start] == sent_of[span.start] for c in cues)
        if same_sentence:
            continue
        # a source the tagger read without its verb (", the agency here claimed Tuesday"): the verb it is
        # the subject of, when that verb is a cue word
        found = _lexicon_cue(doc, span, taken, cue_words) if span.role == "content" else _subject_cue(doc, span, taken, cue_words)
        if found is not None:
            extra.append(found)
            taken.add(found.start)
            continue
        split = _swallowed_cue(doc, span, cue_words)
        if split:
            src = split[0]
            spans = [s for s in spans if s is not span and not (s.role == "source" and src.start <= s.start and s.end <= src.end)]
            extra += split
    return spans + extra


def _in_quotation(doc: Doc, i: int) -> bool:
    """Whether token i sits inside a quotation opened earlier in the block."""
    return quote_state([t.text for t in doc[: i + 1]])[i] == 1


def _swallowed_cue(doc: Doc, span: TokenSpan, cue_words: frozenset[str]) -> list[TokenSpan]:
    """ "[a study by the regulator says that X]" labelled all content: the speech verb at the span's
    root, its subject and its clause are a whole attribution the tagger read as one content.
    A verb inside a quotation is left alone: it is the quoted speaker's word."""
    if doc[span.start].text in QUOTE_CHARS:
        return []
    roots = [t for t in doc[span.start : span.end] if not span.start <= t.head.i < span.end or t.head.i == t.i]
    verb = next((t for t in roots if t.pos_ == "VERB" and t.lemma_.lower() in cue_words), None)
    if verb is None or _in_quotation(doc, verb.i):
        return []
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and span.start <= c.right_edge.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.right_edge.i < span.end), None)
    if subj is None or clause is None or subj.lower_ in ("it", "there", "i", "we", "you"):
        return []  # a first or second person speaks inside a quotation whose marks the tagger did not reach
    lo = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "neg") and subj.i < c.i < verb.i])
    content = TokenSpan("content", verb.i + 1, span.end, span.score)
    while content.end > content.start and doc[content.end - 1].is_punct and doc[content.end - 1].text not in QUOTE_CHARS:
        content = TokenSpan("content", content.start, content.end - 1, span.score)
    if content.end <= content.start:
        return []
    src = TokenSpan("source", subj.left_edge.i, subj.right_edge.i + 1, span.score)
    return [src, TokenSpan("cue", lo, verb.i + 1, span.score), content]


def group_block(doc: Doc, spans: list[TokenSpan], cue_words: frozenset[str] = frozenset(), speech: frozenset[str] = frozenset(),
                clip_nouns: bool = True) -> list[Group]:
    """Groups of one block's spans, one per cue; ``cue_words`` and ``speech`` (speech verbs, no
    cognition or raising verbs) let the grouping repair spans the tagger read wrong.

    ``clip_nouns=False`` keeps the tagger's end of a noun cue's content: the encoder reads the
    whole sentence and ends it better than the parse does (PolNeAR dev strict content +0.001,
    train +0.002), while the CRF's window needs the clip."""
    if not spans:
        return []
    sent_of = sentence_ids(doc)
    if cue_words:
        spans = _adopt_orphans(doc, spans, cue_words, sent_of)
    cues = [s for s in spans if s.role == "cue"]
    if not cues:
        return []
    cue_of_token = {i: ci for ci, c in enumerate(cues) for i in range(c.start, c.end)}
    groups = [Group([c]) for c in cues]
    loose: list[TokenSpan] = []

    def direct_subject_first(span: TokenSpan) -> int:
        root = doc[_span_root(doc, span)]
        return 0 if span.role == "source" and root.dep_ in ("nsubj", "nsubjpass") and root.head.i in cue_of_token else 1

    for span in sorted(spans, key=direct_subject_first):
        if span.role == "cue":
            continue
        ci = _governing_cue(doc, span, cue_of_token)
        if ci is None or (span.role == "source" and groups[ci].source):
            loose.append(span)
            continue
        (groups[ci].source if span.role == "source" else groups[ci].content).append(span)

    for span in loose:
        first, last = sent_of[span.start], sent_of[span.end - 1]
        quoted = doc[span.start].text in QUOTE_CHARS or doc[span.end - 1].text in QUOTE_CHARS

        def allowed(ci: int) -> bool:
            c = cues[ci]
            if span.role == "source" and groups[ci].source:
                return False
            cs = sent_of[c.start]
            if first <= cs <= last:
                return True
            # a quotation continues the words of a speaker ("X said: / 'We ...'"), not an action
            # read as a cue in the sentence before ("the bloc began restricting imports. 'The board ...'")
            speaks = not cue_words or all(doc[i].is_punct for i in range(c.start, c.end)) or any(doc[i].lemma_.lower() in cue_words for i in range(c.start, c.end))
            return span.role == "content" and quoted and speaks and (cs == last + 1 or cs == first - 1)

        options = [ci for ci in range(len(cues)) if allowed(ci)]
        if not options:
            continue
        ci = min(options, key=lambda k: _distance(span, cues[k]))
        (groups[ci].source if span.role == "source" else groups[ci].content).append(span)

    taken = {i for s in spans for i in range(s.start, s.end)}
    for g in groups:
        _subject_as_source(doc, g, speech)
        _complete(doc, g, taken)

    for g in groups:
        reported_object(doc, g, groups)
    if clip_nouns:
        for g in groups:
            _clip_noun_content(doc, g)
    if doc[0].text in DASH_CHARS:
        for g in groups:
            _dash_content(doc, g)

    out = []
    for g in groups:
        if g.content:
            g.content = _merge(g.content, doc)
            g.source = [_widen_source(doc, sp, taken) for sp in _merge(g.source, doc)]
            out.append(g)
    return out

"""Token features for the attribution tagger, computed from one parsed block.

The features describe each token's word, its syntax, whether it sits inside
quotation marks, and -- the strongest signal -- its dependency relation to the
nearest cue-lexicon word above it (subject of "said" -> source, inside the
clausal complement of "said" -> content).  Training (training/) and tagging
use this one function, so the two cannot drift apart.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_PUNCT, IS_TITLE, LEMMA, LOWER, ORTH, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc

from .lexicon import Lexicon

OPEN_QUOTES = frozenset("“«„")
CLOSE_QUOTES = frozenset("”»")
STRAIGHT_QUOTES = frozenset('"')
# every quotation mark the attribution stage knows (the rules, meanings and grouping read this one set)
QUOTE_CHARS = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES
DASHES = frozenset("–—-")
MAX_CLIMB = 12


def quote_state(texts: list[str]) -> list[int]:
    """Per token: 0 outside quotes, 1 inside, 2 an opening mark, 3 a closing mark."""
    state, inside = [], False
    for text in texts:
        straight = text in STRAIGHT_QUOTES
        if text in OPEN_QUOTES or (straight and not inside):
            state.append(2)
            inside = True
        elif text in CLOSE_QUOTES or (straight and inside):
            state.append(3)
            inside = False
        else:
            state.append(1 if inside else 0)
    return state


def cue_anchor(lemma: list[str], pos: list[str], dep: list[str], head: list[int], cue_words: frozenset[str]) -> list[tuple[int, str, int]]:
    """Per token: (index of nearest cue-word ancestor or -1, dep of the path's top child, depth)."""
    out = []
    for i in range(len(lemma)):
        node, child_dep, depth, found = i, "self", 0, -1
        while depth <= MAX_CLIMB:
            if lemma[node] in cue_words and pos[node] in _CUE_POS:
                found = node
                break
            if head[node] == node:
                break
            child_dep = dep[node]
            node = head[node]
            depth += 1
        out.append((found, child_dep if found >= 0 else "", depth))
    return out


_CUE_POS = frozenset({"VERB", "NOUN", "AUX"})
_ATTRS = [LOWER, LEMMA, TAG, POS, DEP, HEAD, ENT_TYPE, SHAPE, IS_TITLE, IS_PUNCT, ORTH]


def sentence_ids(doc: Doc) -> list[int]:
    """Sentence number of each token, read from the SENT_START array (iterating doc.sents builds every Token)."""
    ids, cur = [], -1
    for i, start in enumerate(doc.to_array([SENT_START]).tolist()):
        if i == 0 or start == 1:
            cur += 1
        ids.append(cur)
    return ids


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


def _rate_bucket(rate: float | None) -> str:
    if rate is None:
        return "na"
    return "0" if rate < 0.02 else "lo" if rate < 0.1 else "mid" if rate < 0.3 else "hi" if rate < 0.6 else "top"


@dataclass(frozen=True, slots=True)
class FeatureSpace:
    """The lexicon plus ``rates`` (lemma -> share of its train occurrences that were cue tokens),
    learnt with the model; lemmas often seen as cues join the lexicon's cue words."""

    lex: Lexicon
    rates: dict[str, float]
    cue_words: frozenset[str]

    @classmethod
    def build(cls, lex: Lexicon, rates: dict[str, float] | None = None) -> "FeatureSpace":
        rates = dict(rates or {})
        return cls(lex, rates, lex.cue_lemmas | frozenset(k for k, v in rates.items() if v >= 0.3))


class _Prefixed(dict):
    """prefix + value, made once per distinct value: a dict hit is cheaper than building the string
    again, and tokens then share their feature strings instead of each holding a copy."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def __missing__(self, value: str) -> str:
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        out = self[value] = self.prefix + value
        return out


class _Strings(dict):
    """Hash -> string of one spaCy string store, filled on first use of each hash."""

    __slots__ = ("store",)

    def __init__(self, store: object):
        super().__init__()
        self.store = store

    def __missing__(self, h: int) -> str:
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        out = self[h] = self.store[h] if h else ""  # type: ignore[index]
        return out


_MEMO_LIMIT = 200_000
# one memo per string store; each memo holds its store, so the id key cannot be reused by another
_STRING_MEMOS: dict[int, _Strings] = {}


def _strings_of(doc: Doc) -> _Strings:
    store = doc.vocab.strings
    memo = _STRING_MEMOS.get(id(store))
    if memo is None or memo.store is not store:
        if len(_STRING_MEMOS) >= 8:
            _STRING_MEMOS.clear()
        memo = _STRING_MEMOS[id(store)] = _Strings(store)
    return memo


_P = {k: _Prefixed(k + "=") for k in ("w", "l", "t", "p", "d", "s3", "sh", "e", "hl", "hd", "hp", "q", "hq", "cue", "cr", "hcr", "hcue", "-2w", "-1w", "1w", "2w", "-2t", "-1t", "1t", "2t", "-2q", "-1q", "1q", "2q", "-1d", "1d", "-1cue", "1cue", "-1cr", "1cr", "-1l", "1l")}


# British "-ise" forms of the cue verbs the tagger learnt in American spelling ("emphasises", "criticised"): a
# translated or British page writes them so, and the tagger would not know them for cues
_BRITISH = re.compile(r"is(e|es|ed|ing)$")


def american_spelling(word: str, known: frozenset[str] | set[str] | None) -> str | None:
    """The "-ize" form of a British "-ise" word ("emphasises" -> "emphasizes"); with ``known``, only a form it holds."""
    m = _BRITISH.search(word)
    if m is None or len(word) - len(m.group(0)) < 3:
        return None
    us = word[: m.start()] + "iz" + m.group(1)
    return us if known is None or us in known else None


def block_features(doc: Doc, space: FeatureSpace) -> list[list[str]]:
    """Feature strings per token of one parsed block.

    Reads token attributes as arrays (``Doc.to_array``): building spaCy Token
    objects costs more than the features themselves.
    """
    rates, cue_words = space.rates, space.cue_words
    n = len(doc)
    if not n:
        return []
    arr = doc.to_array(_ATTRS).tolist()
    s = _strings_of(doc)
    lower = [s[r[0]] for r in arr]
    lemma = [s[r[1]].lower() for r in arr]
    for i, lm in enumerate(lemma):
        if lm.endswith("ise") and (us := american_spelling(lm, cue_words)) is not None:
            lemma[i], lower[i] = us, american_spelling(lower[i], None) or lower[i]
    tag = [s[r[2]] for r in arr]
    pos = [s[r[3]] for r in arr]
    dep = [s[r[4]] for r in arr]
    head = [i + (r[5] if r[5] < 2**63 else r[5] - 2**64) for i, r in enumerate(arr)]
    ent = [s[r[6]] or "O" for r in arr]
    shape = [s[r[7]][:4] for r in arr]
    title = [r[8] for r in arr]
    punct = [r[9] for r in arr]
    orth = [s[r[10]] for r in arr]
    quotes = quote_state(orth)
    anchors = cue_anchor(lemma, pos, dep, head, cue_words)
    is_cue = [lm in cue_words for lm in lemma]
    rate = [_rate_bucket(rates.get(lm)) for lm in lemma]
    has_subj = [False] * n
    for i in range(n):
        if dep[i] in ("nsubj", "nsubjpass") and head[i] != i:
            has_subj[head[i]] = True
    sent_id = sentence_ids(doc)
    sent_start, sent_end = [0] * n, [0] * n
    lo = 0
    for i in range(1, n + 1):
        if i == n or sent_id[i] != sent_id[lo]:
            for k in range(lo, i):
                sent_start[k], sent_end[k] = lo, i
            lo = i
    dash_block = orth[0][:1] in DASHES
    # nearest cue word in the same sentence, left and right, for position features
    last_cue = [-1] * n
    prev = -1
    for i in range(n):
        if i == sent_start[i]:
            prev = -1
        last_cue[i] = prev
        if is_cue[i] and pos[i] in ("VERB", "NOUN"):
            prev = i
    next_cue = [-1] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        if i == sent_end[i] - 1:
            nxt = -1
        next_cue[i] = nxt
        if is_cue[i] and pos[i] in ("VERB", "NOUN"):
            nxt = i
    cue01 = ["1" if c else "0" for c in is_cue]
    qs = [str(q) for q in quotes]
    dash = "dash=" + ("1" if dash_block else "0")

    P = _P
    P_w, P_l, P_t, P_p, P_d, P_s3, P_sh, P_e = P["w"], P["l"], P["t"], P["p"], P["d"], P["s3"], P["sh"], P["e"]
    P_hl, P_hd, P_hp, P_q, P_hq, P_cue, P_cr, P_hcr, P_hcue = P["hl"], P["hd"], P["hp"], P["q"], P["hq"], P["cue"], P["cr"], P["hcr"], P["hcue"]
    P_m2w, P_m2t, P_m2q, P_2w, P_2t, P_2q = P["-2w"], P["-2t"], P["-2q"], P["2w"], P["2t"], P["2q"]
    P_m1w, P_m1t, P_m1q, P_m1d, P_m1cue, P_m1cr, P_m1l = P["-1w"], P["-1t"], P["-1q"], P["-1d"], P["-1cue"], P["-1cr"], P["-1l"]
    P_1w, P_1t, P_1q, P_1d, P_1cue, P_1cr, P_1l = P["1w"], P["1t"], P["1q"], P["1d"], P["1cue"], P["1cr"], P["1l"]
    feats: list[list[str]] = []
    for i in range(n):
        h = head[i]
        anc, anc_dep, depth = anchors[i]
        found = anc >= 0
        f = [
            "b",
            P_w[lower[i]],
            P_l[lemma[i]],
            P_t[tag[i]],
            P_p[pos[i]],
            P_d[dep[i]],
            P_s3[lower[i][-3:]],
            P_sh[shape[i]],
            P_e[ent[i]],
            P_hl[lemma[h]],
            P_hd[dep[h]],
            P_hp[pos[h]],
            "dhd=" + dep[i] + "|" + dep[h],
            "dhp=" + dep[i] + "|" + pos[h],
            P_q[qs[i]],
            P_hq[qs[h]],
            P_cue[cue01[i]],
            P_cr[rate[i]],
            "crp=" + rate[i] + "|" + pos[i],
            P_hcr[rate[h]],
            P_hcue[cue01[h]],
            "dcue=" + dep[i] + "|" + cue01[h],
            "anc=" + (anc_dep if found else "none"),
            "ancl=" + (lemma[anc] if found else ""),
            "ancr=" + (rate[anc] if found else "none"),
            "ancd=" + (anc_dep + "|" + _bucket(depth) if found else "none"),
            "ancside=" + (("L" if i < anc else "R" if i > anc else "S") if found else "N"),
            "ancq=" + (anc_dep if found else "none") + "|" + qs[i],
            "lc=" + (_bucket(i - last_cue[i]) if last_cue[i] >= 0 else "none"),
            "nc=" + (_bucket(next_cue[i] - i) if next_cue[i] >= 0 else "none"),
            "sp=" + ("first" if i == sent_start[i] else "last" if i == sent_end[i] - 1 else "mid"),
            "si=" + _bucket(sent_id[i]),
            dash,
            "sub=" + ("1" if has_subj[i] else "0"),
        ]
        if title[i]:
            f.append("title")
        if punct[i]:
            f.append("punct")
        if i >= 2:
            f += (P_m2w[lower[i - 2]], P_m2t[tag[i - 2]], P_m2q[qs[i - 2]])
        else:
            f.append("-2w=<pad>")
        if i >= 1:
            j = i - 1
            f += (P_m1w[lower[j]], P_m1t[tag[j]], P_m1q[qs[j]], P_m1d[dep[j]], P_m1cue[cue01[j]], P_m1cr[rate[j]], P_m1l[lemma[j]], "-1ww=" + lower[j] + "|" + lower[i])
        else:
            f.append("-1w=<pad>")
        if i + 1 < n:
            j = i + 1
            f += (P_1w[lower[j]], P_1t[tag[j]], P_1q[qs[j]], P_1d[dep[j]], P_1cue[cue01[j]], P_1cr[rate[j]], P_1l[lemma[j]], "1ww=" + lower[i] + "|" + lower[j])
        else:
            f.append("1w=<pad>")
        if i + 2 < n:
            f += (P_2w[lower[i + 2]], P_2t[tag[i + 2]], P_2q[qs[i + 2]])
        else:
            f.append("2w=<pad>")
        feats.append(f)
    return feats

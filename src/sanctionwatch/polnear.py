"""PolNeAR reader and the attribution scoring protocol.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in
political news as BRAT standoff: ``T`` lines give labelled spans by character
offsets (``T1\tSource 10 20;25 30\ttext``), ``E`` lines tie a Source, Cue and
Content (``Content2`` is a second content piece) into one attribution.  The
text column of a ``T`` line is not trusted (some hold newlines and break the
line format): spans are always read from the ``.txt`` by offset.

Scoring protocol (fixed; see ``score``):

* Predicted and gold attributions are matched one to one, greedily, highest
  content overlap first; overlap is the Jaccard index of the sets of non-space
  character positions of the contents, and a pair counts at Jaccard >= 0.5.
* Attribution P/R/F1 from the matches; source accuracy over matched pairs
  (right when both are empty or their non-space Jaccard >= 0.5); cue accuracy
  over matched pairs (right when they share a non-space position, or both are
  empty); "full" F1 counts a match only when source and cue are right too.
* Content character F1 over the union of content positions (non-space), per
  document, counts summed over documents.
* Strict span F1 per role: per document and role, the set of unique
  whitespace-trimmed (start, end) pieces; a prediction counts only with exactly
  the gold boundaries.

Only predicted attributions with ``parent is None`` are scored (PolNeAR is
univocal, so nested attributions are not annotated), and the source *span*
is scored, not the resolved actor.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .attribution import extract_attributions
from .attribution.profiles import profile_name
from .errors import CorpusNotFound
from .read import load_model, parse_many

Span = tuple[int, int]
ROLES = ("source", "cue", "content")
_ROLE_OF_LABEL = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}
_ANNOTATOR_SUFFIX = re.compile(r"_[^_]+\.ann$")
MATCH_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class SpanSet:
    """One attribution reduced to character spans per role (discontinuous pieces allowed)."""

    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    content: tuple[Span, ...] = ()

    def role(self, name: str) -> tuple[Span, ...]:
        return getattr(self, name)


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    text: str
    attributions: list[SpanSet] = field(default_factory=list)


# ---------------------------------------------------------------- BRAT reader


def parse_offsets(field_text: str) -> tuple[str, tuple[Span, ...]]:
    """``'Source 10 20;25 30'`` -> ``('Source', ((10, 20), (25, 30)))``."""
    label, _, rest = field_text.partition(" ")
    spans = []
    for piece in rest.split(";"):
        nums = piece.split()
        if len(nums) == 2:
            spans.append((int(nums[0]), int(nums[1])))
    return label, tuple(spans)


def parse_ann(ann: str) -> list[SpanSet]:
    """Read the attributions of one ``.ann`` file (T and E lines only), in E-line order."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue  # continuation of a T line whose text held a newline
        ident = cols[0]
        if re.fullmatch(r"T\d+", ident):
            spans[ident] = parse_offsets(cols[1])
        elif re.fullmatch(r"E\d+", ident):
            args = []
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                args.append((role, ref))
            events.append(args)
    out = []
    for args in events:
        roles: dict[str, list[Span]] = {r: [] for r in ROLES}
        for role, ref in args:
            name = _ROLE_OF_LABEL.get(role)
            if name and ref in spans:
                roles[name].extend(spans[ref][1])
        if any(roles.values()):  # an E line with no argument at all carries nothing to score
            out.append(SpanSet(*(tuple(sorted(roles[r])) for r in ROLES)))
    return out


def pick_annotations(ann_dir: Path) -> dict[str, Path]:
    """Map text stem -> the first ``.ann`` in sorted order among its annotators' files."""
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        stem = _ANNOTATOR_SUFFIX.sub("", path.name)
        chosen.setdefault(stem, path)
    return chosen


def shared_dir() -> Path:
    env = os.environ.get("SANCTIONWATCH_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / ".." / "shared"


def polnear_dir() -> Path:
    return shared_dir() / "polnear"


def heldout(doc_id: str) -> bool:
    """Deterministic ~10% slice of train used for model selection (never for fitting)."""
    return sum(doc_id.encode()) % 10 == 0


def load_split(split: str, root: Path | None = None, limit: int | None = None, subset: str = "all") -> list[GoldDoc]:
    base = (root or polnear_dir()) / split
    anns = pick_annotations(base / "attributions")
    docs = []
    for txt in sorted((base / "text").glob("*.txt")):
        stem = txt.stem
        if subset == "fit" and heldout(stem) or subset == "heldout" and not heldout(stem):
            continue
        text = txt.read_text(encoding="utf-8")
        ann = anns.get(stem)
        attrs = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        docs.append(GoldDoc(stem, text, attrs))
        if limit and len(docs) >= limit:
            break
    return docs


def gold_roles(doc: GoldDoc) -> list[tuple[int, str, int, int]]:
    """(attribution id, role, start, end) of every whitespace-trimmed gold span: what taggers learn from."""
    out = []
    for aid, att in enumerate(doc.attributions):
        for role in ROLES:
            for s, e in att.role(role):
                s, e = trim(doc.text, (s, e))
                if e > s:
                    out.append((aid, role, s, e))
    return out


# ---------------------------------------------------------------- metrics


def positions(text: str, spans: Iterable[Span]) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, e) if not text[i].isspace())


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def match(text: str, gold: Sequence[SpanSet], pred: Sequence[SpanSet]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by content Jaccard, highest first; pairs at >= 0.5 only."""
    gpos = [positions(text, g.content) for g in gold]
    ppos = [positions(text, p.content) for p in pred]
    cands = []
    for gi, g in enumerate(gpos):
        if not g:
            continue
        for pi, p in enumerate(ppos):
            if p and not g.isdisjoint(p):
                j = jaccard(g, p)
                if j >= MATCH_THRESHOLD:
                    cands.append((-j, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _j, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass(slots=True)
class Counts:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    full_ok: int = 0
    char_tp: int = 0
    char_gold: int = 0
    char_pred: int = 0
    strict: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in ROLES})  # tp, gold, pred

    def add_doc(self, text: str, gold: Sequence[SpanSet], pred: Sequence[SpanSet]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        for gi, pi in match(text, gold, pred):
            g, p = gold[gi], pred[pi]
            self.matched += 1
            src = jaccard(positions(text, g.source), positions(text, p.source)) >= MATCH_THRESHOLD
            gc, pc = positions(text, g.cue), positions(text, p.cue)
            cue = (not gc and not pc) or not gc.isdisjoint(pc)
            self.source_ok += src
            self.cue_ok += cue
            self.full_ok += src and cue
        gch = positions(text, [s for g in gold for s in g.content])
        pch = positions(text, [s for p in pred for s in p.content])
        self.char_tp += len(gch & pch)
        self.char_gold += len(gch)
        self.char_pred += len(pch)
        for role in ROLES:
            gs = {t for g in gold for t in (trim(text, s) for s in g.role(role)) if t[1] > t[0]}
            ps = {t for p in pred for t in (trim(text, s) for s in p.role(role)) if t[1] > t[0]}
            row = self.strict[role]
            row[0] += len(gs & ps)
            row[1] += len(gs)
            row[2] += len(ps)


def prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summarise(c: Counts) -> dict[str, float]:
    p, r, f = prf(c.matched, c.gold, c.pred)
    fp, fr, ff = prf(c.full_ok, c.gold, c.pred)
    cp, cr, cf = prf(c.char_tp, c.char_gold, c.char_pred)
    out = {
        "gold": c.gold,
        "pred": c.pred,
        "matched": c.matched,
        "attribution_p": p,
        "attribution_r": r,
        "attribution_f1": f,
        "source_acc": c.source_ok / c.matched if c.matched else 0.0,
        "cue_acc": c.cue_ok / c.matched if c.matched else 0.0,
        "full_p": fp,
        "full_r": fr,
        "full_f1": ff,
        "content_char_p": cp,
        "content_char_r": cr,
        "content_char_f1": cf,
    }
    for role in ROLES:
        tp, g, pr = c.strict[role]
        sp, sr, sf = prf(tp, g, pr)
        out[f"strict_{role}_p"], out[f"strict_{role}_r"], out[f"strict_{role}_f1"] = sp, sr, sf
    return out


def score(items: Iterable[tuple[str, Sequence[SpanSet], Sequence[SpanSet]]]) -> dict[str, float]:
    """Score (text, gold, predicted) triples with the protocol above."""
    counts = Counts()
    for text, gold, pred in items:
        counts.add_doc(text, gold, pred)
    return summarise(counts)


# ---------------------------------------------------------------- running the extractor


def to_spanset(attribution) -> SpanSet:
    """A model.Attribution (duck-typed) -> SpanSet of its fragments."""
    return SpanSet(
        tuple((f.start, f.end) for f in attribution.source),
        tuple((f.start, f.end) for f in attribution.cue),
        tuple((f.start, f.end) for f in attribution.content),
    )


Predictor = Callable[[list[str]], list[list[SpanSet]]]


def extractor_predictor(profile: str | None = None) -> Predictor:
    """A predictor that parses with the project's spaCy model and keeps the outermost attributions of ``profile``."""
    name = profile_name(profile)

    def predict(texts: list[str]) -> list[list[SpanSet]]:
        nlp = load_model()
        out = []
        for parsed in parse_many(nlp, ((t, ()) for t in texts)):
            out.append([to_spanset(a) for a in extract_attributions(parsed, profile=name) if a.parent is None])
        return out

    return predict


def evaluate(docs: Sequence[GoldDoc], predictor: Predictor | None = None) -> dict[str, float]:
    preds = (predictor or extractor_predictor())([d.text for d in docs])
    return score((d.text, d.attributions, p) for d, p in zip(docs, preds))


def timing(texts: list[str], rounds: int = 3, profile: str | None = None) -> dict[str, float]:
    """Seconds spent parsing (nlp.pipe via read.parse_many) vs extracting attributions, same docs,
    same process; the best of ``rounds`` for each, since the machine is shared and noisy."""
    nlp = load_model()
    name = profile_name(profile)
    parse_s, extract_s = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        parsed = list(parse_many(nlp, ((t, ()) for t in texts)))
        t1 = time.perf_counter()
        for p in parsed:
            extract_attributions(p, profile=name)
        t2 = time.perf_counter()
        parse_s.append(t1 - t0)
        extract_s.append(t2 - t1)
    best_parse, best_extract = min(parse_s), min(extract_s)
    return {"parse_seconds": round(best_parse, 2), "extract_seconds": round(best_extract, 2), "extract_over_parse": round(best_extract / best_parse, 3)}


def run_eval(split: str = "dev", *, root: Path | None = None, limit: int | None = None, subset: str = "all",
             profile: str | None = None, with_timing: bool = False, predictor: Predictor | None = None) -> dict:
    """Score one profile (or ``predictor``) on a PolNeAR split; the scores plus docs, seconds and profile."""
    base = root or polnear_dir()
    if not (base / split).is_dir():
        raise CorpusNotFound(f"PolNeAR not found at {base}; set SANCTIONWATCH_SHARED or --root")
    docs = load_split(split, base, limit, subset)
    t0 = time.perf_counter()
    result: dict = evaluate(docs, predictor or extractor_predictor(profile))
    result["docs"] = len(docs)
    result["seconds"] = round(time.perf_counter() - t0, 2)
    result["profile"] = "custom" if predictor else profile_name(profile)
    if with_timing:
        extractor_predictor(profile)(["warm up: the models load once."])
        result.update(timing([d.text for d in docs], profile=profile))
    return result


_ROWS = [
    ("attribution", "attribution_p", "attribution_r", "attribution_f1"),
    ("full (src+cue right)", "full_p", "full_r", "full_f1"),
    ("content chars", "content_char_p", "content_char_r", "content_char_f1"),
    ("strict source", "strict_source_p", "strict_source_r", "strict_source_f1"),
    ("strict cue", "strict_cue_p", "strict_cue_r", "strict_cue_f1"),
    ("strict content", "strict_content_p", "strict_content_r", "strict_content_f1"),
]


def format_table(result: dict[str, float], title: str) -> str:
    lines = [title, f"{'metric':<22}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, p, r, f in _ROWS:
        lines.append(f"{name:<22}{result[p]:>8.3f}{result[r]:>8.3f}{result[f]:>8.3f}")
    lines.append(f"{'source acc (matched)':<22}{result['source_acc']:>24.3f}")
    lines.append(f"{'cue acc (matched)':<22}{result['cue_acc']:>24.3f}")
    lines.append(f"gold {result['gold']}  predicted {result['pred']}  matched {result['matched']}")
    if "extract_over_parse" in result:
        lines.append(f"parse {result['parse_seconds']} s, extract {result['extract_seconds']} s, ratio {result['extract_over_parse']}")
    return "\n".join(lines)

"""Where the attribution extractor goes wrong on PolNeAR: python bench/attribution_errors.py [--split dev] [--profile accurate].

Prints the protocol's scores (as `sanctionwatch eval attribution`) and a confusion of the errors:

* gold attributions missed, by the part of speech of the gold cue's head, and whether some
  prediction overlapped their content at all (a boundary error) or none did (a missed cue);
* spurious predictions, by the part of speech of their cue's head;
* content boundaries of matched pairs that are not exact: which side is off, too short or too long;
* sources of matched pairs: missed, spurious, wrong, or right but with other boundaries;
* cues of matched pairs whose boundaries differ.

The spaCy parse and the tagger's labels are cached under build/ (``--fresh`` rebuilds them), so a
change after the tagger (grouping, rules, decoding repairs) is measured in seconds, not minutes.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctionwatch.attribution import extract_attributions  # noqa: E402
from sanctionwatch.attribution.profiles import block_labels, profile_name  # noqa: E402
from sanctionwatch.attribution.tagger import load_tagger  # noqa: E402
from sanctionwatch.polnear import (  # noqa: E402
    GoldDoc,
    SpanSet,
    format_table,
    jaccard,
    load_split,
    match,
    positions,
    score,
    to_spanset,
    trim,
)
from sanctionwatch.read import Parsed, load_model, parse_many  # noqa: E402

Cached = tuple[list[GoldDoc], list[Parsed], list[list[tuple[list[str], list[float]]]]]


def tagged(split: str, subset: str, limit: int | None, profile: str, fresh: bool) -> Cached:
    """Gold documents, their parses and the profile's block labels, from the cache when it has them."""
    path = ROOT / "build" / f"attr-cache-{split}-{subset}-{limit or 'all'}-{profile}.pkl"
    if path.is_file() and not fresh:
        with path.open("rb") as fh:
            return pickle.load(fh)
    docs = load_split(split, limit=limit, subset=subset)
    parsed = list(parse_many(load_model(), ((d.text, ()) for d in docs)))
    tagger = load_tagger()
    labels = [block_labels(p, tagger, profile) for p in parsed]
    path.parent.mkdir(exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump((docs, parsed, labels), fh)
    return docs, parsed, labels


def head_pos(parsed: Parsed, spans: tuple[tuple[int, int], ...]) -> str:
    """The part of speech of the cue's head: its last verb, else its last noun, else its first token."""
    toks = [t for b in parsed.blocks for t in b.doc if any(s <= b.start + t.idx < e for s, e in spans)]
    if not toks:
        return "none"
    for pos in ("VERB", "AUX", "NOUN", "ADP"):
        if any(t.pos_ == pos for t in toks):
            return pos if len(toks) == 1 else pos + "+"
    return toks[0].pos_


def extent(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    pieces = [trim(text, s) for s in spans]
    pieces = [p for p in pieces if p[1] > p[0]]
    return (min(p[0] for p in pieces), max(p[1] for p in pieces)) if pieces else None


def side(g: int, p: int, left: bool) -> str:
    if g == p:
        return "ok"
    longer = p < g if left else p > g
    return "long" if longer else "short"


def confusion(docs: list[GoldDoc], parsed: list[Parsed], preds: list[list[SpanSet]], show: int) -> dict[str, Counter]:
    out = {k: Counter() for k in ("missed", "spurious", "content", "source", "cue")}
    shown = Counter()
    for doc, p, pred in zip(docs, parsed, preds):
        text = doc.text
        pairs = match(text, doc.attributions, pred)
        gm, pm = {g for g, _ in pairs}, {q for _, q in pairs}
        predicted = positions(text, [s for q in pred for s in q.content])
        for gi, g in enumerate(doc.attributions):
            if gi in gm:
                continue
            touched = not positions(text, g.content).isdisjoint(predicted)
            key = f"{head_pos(p, g.cue)} {'overlapped' if touched else 'untouched'}"
            out["missed"][key] += 1
            if shown[key] < show:
                shown[key] += 1
                print(f"[missed {key}] cue={[text[a:b] for a, b in g.cue]} content={text[slice(*extent(text, g.content) or (0, 0))][:120]!r}")
        for pi, q in enumerate(pred):
            if pi not in pm:
                out["spurious"][head_pos(p, q.cue)] += 1
        for gi, pi in pairs:
            g, q = doc.attributions[gi], pred[pi]
            ge, pe = extent(text, g.content), extent(text, q.content)
            if ge and pe:
                key = f"left {side(ge[0], pe[0], True)} / right {side(ge[1], pe[1], False)}"
                if ge == pe and sorted(trim(text, s) for s in g.content) != sorted(trim(text, s) for s in q.content):
                    key = "same extent, other pieces"
                out["content"][key] += 1
                if key != "left ok / right ok" and shown[key] < show:
                    shown[key] += 1
                    print(f"[content {key}] gold={text[ge[0]:ge[1]][:100]!r}\n{'':>20}pred={text[pe[0]:pe[1]][:100]!r}")
            gs, ps = positions(text, g.source), positions(text, q.source)
            if not gs and not ps:
                out["source"]["both empty"] += 1
            elif not ps:
                out["source"]["missed"] += 1
            elif not gs:
                out["source"]["spurious"] += 1
            elif jaccard(gs, ps) < 0.5:
                out["source"]["wrong"] += 1
            else:
                same = extent(text, g.source) == extent(text, q.source)
                out["source"]["exact" if same else "overlap, other boundaries"] += 1
            gc, pc = extent(text, g.cue), extent(text, q.cue)
            if gc and pc:
                out["cue"]["exact" if gc == pc else f"left {side(gc[0], pc[0], True)} / right {side(gc[1], pc[1], False)}"] += 1
            else:
                out["cue"]["missing on one side"] += 1
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--subset", default="all", choices=("all", "fit", "heldout"))
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--profile", default="accurate")
    ap.add_argument("--fresh", action="store_true", help="re-parse and re-tag instead of reading the cache")
    ap.add_argument("--show", type=int, default=0, help="print up to N examples of each error kind")
    args = ap.parse_args(argv)
    profile = profile_name(args.profile)
    docs, parsed, labels = tagged(args.split, args.subset, args.limit, profile, args.fresh)
    preds = [[to_spanset(a) for a in extract_attributions(p, profile=profile, labels=lab) if a.parent is None] for p, lab in zip(parsed, labels)]
    result = score((d.text, d.attributions, q) for d, q in zip(docs, preds))
    print(format_table(result, f"PolNeAR {args.split} ({args.subset}, {len(docs)} docs), profile {profile}"))
    for name, counts in confusion(docs, parsed, preds, args.show).items():
        total = sum(counts.values())
        print(f"\n{name} ({total})")
        for key, n in counts.most_common():
            print(f"  {key:<36}{n:>6}{n / total:>8.1%}")


if __name__ == "__main__":
    main()

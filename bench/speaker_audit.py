"""Count attributions whose speaker is a description resolved to a bare country or to the channel.

    python bench/speaker_audit.py OUTPUT.jsonl [-v]

OUTPUT.jsonl is what `sanctionwatch extract --format jsonl` writes (for realnews-dev:
`python3 ../shared/realnews-dev/score.py --save build/rn.jsonl`).  An attribution counts as wrong when

* its source_entity is a country or a news outlet, the source span holds a mention of that actor,
  and the head word of the source (the last word before "of/at/to/for/from/," or a relative
  pronoun) lies outside that mention: "a North Korean defector" -> prk, "the British broadcaster
  Channel 4" -> gbr, "a person at Iran's mission to the UN" -> un;
* or its source_entity is its own channel (the outlet that carried someone else's words).

Pronouns and definite descriptions with no mention in the span ("it", "the country") are not
counted: they are coreference, judged by the realnews scorer.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

BARE_TYPES = frozenset({"country", "media"})
_CUT = re.compile(r"\s(?:of|at|to|for|from|in|on|who|which|that|and|or)\s|,|\s[–—-]\s")
# "the Reuters news agency" names Reuters: a media noun describes the outlet itself
MEDIA_NOUNS = frozenset({"agency", "outlet", "newspaper", "broadcaster", "daily", "media", "network", "channel", "wire"})
_WORD = re.compile(r"[\w'’.-]+")


def _head_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Character span of the source's head word: the last word before its first modifier phrase."""
    piece = text[start:end]
    cut = _CUT.search(piece)
    if cut:
        piece = piece[: cut.start()]
    words = list(_WORD.finditer(piece))
    if not words:
        return None
    last = words[-1]
    if last.group().lower() in ("'s", "’s") and len(words) > 1:
        last = words[-2]
    return start + last.start(), start + last.end()


def audit(doc: dict) -> list[tuple[str, str, str]]:
    """(reason, source text, entity id) for each wrongly resolved attribution of one document."""
    text = doc["text"]
    types = {e["id"]: e["type"] for e in doc.get("entities", [])}
    mentions = {e["id"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in doc.get("entities", [])}
    out = []
    for a in doc.get("attributions", []):
        ent = a.get("source_entity")
        if not ent or not a["source"]:
            continue
        start, end = a["source"][0]["start"], a["source"][-1]["end"]
        src = text[start:end]
        if a.get("channel") and a["channel"] == ent:
            out.append(("channel", src, ent))
            continue
        if types.get(ent) not in BARE_TYPES:
            continue
        inside = [(s, e) for s, e in mentions.get(ent, []) if s < end and e > start]
        head = _head_span(text, start, end)
        if types[ent] == "media" and head and text[head[0] : head[1]].lower() in MEDIA_NOUNS:
            continue
        if inside and head and not any(s <= head[0] and head[1] <= e for s, e in inside):
            out.append(("description", src, ent))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list each case")
    args = ap.parse_args(argv)
    total = attributions = 0
    for line in args.jsonl.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        attributions += len(doc.get("attributions", []))
        found = audit(doc)
        total += len(found)
        if args.verbose:
            name = Path(doc.get("input") or doc.get("doc_id") or "?").name
            for reason, src, ent in found:
                print(f"{name}\t{reason}\t{ent}\t{src!r}")
    print(f"speaker audit: {total} of {attributions} attributions resolve a description to a bare country or to their channel")
    return 0


if __name__ == "__main__":
    sys.exit(main())

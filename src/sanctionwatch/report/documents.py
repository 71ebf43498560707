"""The evidence report: who is quoted, saying what, with a link to the exact characters.

Markdown for reading and diffing, HTML for clicking: in the HTML each
document's text is shown with ignored regions greyed and attribution spans
highlighted, and every attribution in the lists links to its anchor in the
text.  All article text is escaped: it is hostile input.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..escape import REPORT_CSP_META, html_text, md_code, md_link, md_text, safe_url
from ..highlight import Span, segments
from ..model import Attribution, Document, fragments_text
from .files import write_atomic


@dataclass
class SourceStats:
    label: str
    count: int
    stances: Counter
    topics: Counter
    example: str


def source_label(doc: Document, a: Attribution) -> str:
    names = {e.id: e.name for e in doc.entities}
    if a.source_entity and a.source_entity in names:
        return names[a.source_entity]
    return fragments_text(a.source) or "(unattributed)"


def quoted_most(docs: Iterable[Document], top: int = 15) -> list[SourceStats]:
    """Sources ranked by number of attributions, with their stances and the actors they talk about."""
    stats: dict[str, SourceStats] = {}
    for doc in docs:
        for a in doc.attributions:
            if a.parent is not None:
                continue
            label = source_label(doc, a)
            key = a.source_entity or label.lower()
            s = stats.setdefault(key, SourceStats(label, 0, Counter(), Counter(), fragments_text(a.content)[:160]))
            s.count += 1
            s.stances[a.stance] += 1
            for e in doc.entities:
                if e.id != a.source_entity and any(
                    c.start <= m.start and m.end <= c.end for m in e.mentions for c in a.content
                ):
                    s.topics[e.name] += 1
    return sorted(stats.values(), key=lambda s: (-s.count, s.label))[:top]


def write_documents_report(store, out_dir: Path) -> dict[str, Path]:
    docs = list(store.iter_documents())
    md, page = out_dir / "evidence.md", out_dir / "evidence.html"
    markdown, page_html = render_markdown(docs), render_html(docs)  # both rendered before either is replaced
    write_atomic(md, markdown)
    write_atomic(page, page_html)
    return {"evidence-md": md, "evidence-html": page}


# -- Markdown -----------------------------------------------------------------

def render_markdown(docs: list[Document]) -> str:
    out = ["# sanctionwatch evidence report", ""]
    out += [f"{len(docs)} document(s), {sum(len(d.attributions) for d in docs)} attribution(s).", ""]
    out += ["## Who is quoted most", "", "| source | statements | stances | about | example |", "|---|---|---|---|---|"]
    for s in quoted_most(docs):
        stances = ", ".join(f"{k} {v}" for k, v in s.stances.most_common())
        topics = ", ".join(k for k, _ in s.topics.most_common(4))
        out.append(f"| {md_text(s.label)} | {s.count} | {md_text(stances)} | {md_text(topics)} | {md_text(s.example)} |")
    out.append("")
    for n, doc in enumerate(docs, start=1):
        out += _markdown_document(n, doc)
    return "\n".join(out) + "\n"


def _markdown_document(n: int, doc: Document) -> list[str]:
    out = [f"## {n}. {md_text(doc.title or doc.input)}", ""]
    link = md_link(doc.url)
    out.append(f"*{md_text(doc.publisher or 'unknown publisher')}, {md_text(doc.published or 'undated')}*"
               + (f" · {link}" if link else "")
               + f" · {md_code(doc.doc_id)} · input {md_text(doc.input)} · language {md_text(doc.language or '?')}")
    out.append("")
    if doc.skipped_stages:
        out += [f"> Extraction skipped ({md_text(', '.join(doc.skipped_stages))}): {md_text('; '.join(doc.warnings))}", ""]
    if doc.ignored:
        reasons = Counter(r.reason for r in doc.ignored)
        out += ["Ignored regions: " + ", ".join(f"{k} ×{v}" for k, v in sorted(reasons.items())), ""]
    if doc.entities:
        out += ["**Actors:** " + ", ".join(f"{md_text(e.name)} ({len(e.mentions)})" for e in
                                          sorted(doc.entities, key=lambda e: (-len(e.mentions), e.name))), ""]
    for i, a in enumerate(doc.attributions):
        indent = "  " if a.parent is not None else ""
        span = f"{min(f.start for f in a.content)}–{max(f.end for f in a.content)}" if a.content else "?"
        flags = "".join([", hedged" if a.hedged else "", ", negated" if a.negated else ""])
        out.append(f"{indent}- **{md_text(source_label(doc, a))}** — *{md_text(fragments_text(a.cue))}* ({md_text(a.stance)}{flags}): "
                   f"“{md_text(fragments_text(a.content))}” [chars {span}](evidence.html#{_anchor(doc, i)})")
    out.append("")
    return out


def _anchor(doc: Document, i: int) -> str:
    return f"d{doc.doc_id}-a{i}"


# -- HTML ---------------------------------------------------------------------

_CSS = """
body{font:15px/1.55 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1,h2,h3{line-height:1.2} table{border-collapse:collapse;margin:1rem 0} td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}
.meta{color:#555;font-size:.9em} .text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;background:#fcfcfc}
.ign{color:#999;background:#f0f0f0;text-decoration:line-through dotted #bbb} .src{background:#ffe0b3} .cue{background:#c8e6ff;font-weight:600}
.con{background:#e3f7d4} .stance{font-size:.8em;padding:0 .3em;border-radius:3px;background:#eee} .stance-deny{background:#ffd6d6}
.stance-allege{background:#fff0b3} a:focus,:target{outline:3px solid #f80} .legend span{padding:0 .4em;margin-right:.5em}
"""


def render_html(docs: list[Document]) -> str:
    e = html_text
    parts = ["<!doctype html><html lang=en><meta charset=utf-8>", REPORT_CSP_META,
             "<meta name=viewport content='width=device-width'>",
             "<title>sanctionwatch evidence report</title>", f"<style>{_CSS}</style><body>",
             "<h1>sanctionwatch evidence report</h1>",
             "<p class=legend>Legend: <span class=src>source</span><span class=cue>cue</span>"
             "<span class=con>content</span><span class=ign>ignored (boilerplate)</span></p>",
             "<h2>Who is quoted most</h2><table><tr><th>source<th>statements<th>stances<th>about<th>example"]
    for s in quoted_most(docs):
        parts.append(f"<tr><td>{e(s.label)}<td>{s.count}<td>{e(', '.join(f'{k} {v}' for k, v in s.stances.most_common()))}"
                     f"<td>{e(', '.join(k for k, _ in s.topics.most_common(4)))}<td>{e(s.example)}")
    parts.append("</table><h2>Documents</h2><ol>")
    parts += [f"<li><a href='#d{e(d.doc_id)}'>{e(d.title or d.input)}</a>" for d in docs]
    parts.append("</ol>")
    for doc in docs:
        parts.append(_html_document(doc))
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_document(doc: Document) -> str:
    e = html_text
    safe = safe_url(doc.url)
    url = f" · <a href='{e(safe)}' rel=noreferrer>{e(safe)}</a>" if safe else ""
    out = [f"<section id='d{e(doc.doc_id)}'><h2>{e(doc.title or doc.input)}</h2>",
           f"<p class=meta>{e(doc.publisher or 'unknown publisher')}, {e(doc.published or 'undated')}{url} · "
           f"<code>{e(doc.doc_id)}</code> · {e(doc.input)} · language {e(doc.language or '?')}</p>"]
    if doc.warnings:
        out.append("<p class=meta>" + "<br>".join(e(w) for w in doc.warnings) + "</p>")
    if doc.entities:
        out.append("<p><b>Actors:</b> " + ", ".join(
            f"{e(x.name)} ({len(x.mentions)})" for x in sorted(doc.entities, key=lambda x: (-len(x.mentions), x.name))) + "</p>")
    if doc.attributions:
        out.append("<ol class=attributions>")
        for i, a in enumerate(doc.attributions):
            flags = "".join([" hedged" if a.hedged else "", " negated" if a.negated else ""])
            out.append(f"<li><b>{e(source_label(doc, a))}</b> — <i>{e(fragments_text(a.cue))}</i> "
                       f"<span class='stance stance-{e(a.stance)}'>{e(a.stance)}{flags}</span> "
                       f"<a href='#{e(_anchor(doc, i))}'>“{e(fragments_text(a.content))}”</a>")
        out.append("</ol>")
    out.append(f"<div class=text>{render_marked_text(doc)}</div></section>")
    return "\n".join(out)


def render_marked_text(doc: Document) -> str:
    """The document text, escaped, with ignored regions and attribution spans wrapped in <span>s.

    The text is cut at every span boundary (``highlight.segments``) so that
    overlapping spans never break the markup; each piece gets the classes of
    all spans covering it, and each attribution's content gets an anchor.
    """
    spans = [Span(r.start, r.end, "ign", r.reason) for r in doc.ignored]
    for i, a in enumerate(doc.attributions):
        for role, frags in (("src", a.source), ("cue", a.cue), ("con", a.content)):
            spans += [Span(f.start, f.end, role, "", _anchor(doc, i) if role == "con" and j == 0 else None)
                      for j, f in enumerate(frags)]
    anchors = {s.start: s.href for s in spans if s.href}
    out = []
    for seg in segments(doc.text, spans):
        anchor = anchors.pop(seg.start, None)
        piece = html_text(seg.text)
        classes = " ".join(sorted({s.kind for s in seg.spans}))
        out.append((f"<a id='{anchor}'></a>" if anchor else "") + (f"<span class='{classes}'>{piece}</span>" if classes else piece))
    return "".join(out)

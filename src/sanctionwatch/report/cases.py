"""The case report, in the manner of a UN Panel of Experts report.

Cases are grouped by category; each has its generated summary, status,
actors (with sanctions-list flags), a timeline of the reporting, and its
evidence as numbered footnotes that quote the exact source characters with
publisher, date, link and offsets.  Denials sit beside the allegations they
answer.  The HTML is standalone (inline CSS and an inline SVG timeline, no
script, no external asset) and escapes every string that comes from an
article: article text is hostile input.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ..cases import Case, CaseMember, Claim
from ..escape import REPORT_CSP_META, html_text, md_code, md_link, md_text, safe_url
from ..linking.summaries import format_period, format_quantity
from ..linking.taxonomy import taxonomy
from ..model import Document, Fragment
from ..store import Store
from ..store.cases import load_cases
from .files import write_atomic

STATUS_TEXT = {
    "corroborated": "Corroborated",
    "single-source": "Single source",
    "contested": "Contested",
    "denied-only": "Denied (no allegation found)",
}
STATUS_COLOUR = {"corroborated": "#2e7d32", "single-source": "#757575", "contested": "#ef6c00", "denied-only": "#c62828"}
CONTEXT_CHARS = 160


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    case_id: str
    member: CaseMember
    quote: Fragment
    doc: Document
    said_by: str = ""  # the claim's originator ("United States", "Harbour Post (own reporting)")
    members: tuple[CaseMember, ...] = ()  # every member quoting this passage on this side

    @property
    def is_denial(self) -> bool:
        return self.member.role == "denial"

    def attribution_text(self) -> str:
        """"Said by X" or "Denial by X"; without a known originator, "Denial" or nothing."""
        verb = "Denial" if self.is_denial else "Said"
        if self.said_by:
            return f"{verb} by {self.said_by}"
        return verb if self.is_denial else ""


def section_title(category: str) -> str:
    """The heading of a category's section: its label in data/taxonomy.yaml."""
    return taxonomy().category_label(category)


def section_order(categories: Iterable[str]) -> list[str]:
    """Categories in the order data/taxonomy.yaml lists them; unknown ones last, by name."""
    known = list(taxonomy().categories)
    return sorted(set(categories), key=lambda c: (known.index(c) if c in known else len(known), c))


def evidence_fragment(doc: Document, member: CaseMember) -> Fragment:
    """The exact characters that carry a member's evidence: its sentence, else the sentence around it, else context."""
    if member.event_idx is not None and 0 <= member.event_idx < len(doc.events):
        event = doc.events[member.event_idx]
        s = event.sentence
        if s and doc.text[s.start:s.end] == s.text:
            return s
        start, end = event.trigger.start, event.trigger.end
    elif member.attribution_idx is not None and 0 <= member.attribution_idx < len(doc.attributions):
        a = doc.attributions[member.attribution_idx]
        frags = a.source + a.cue + a.content
        start, end = min(f.start for f in frags), max(f.end for f in frags)
    else:
        return Fragment.of(doc.text, 0, min(len(doc.text), CONTEXT_CHARS))
    for sent in doc.sentences:
        if sent.start <= start and end <= sent.end:
            return Fragment.of(doc.text, sent.start, sent.end)
    if member.event_idx is None:
        return Fragment.of(doc.text, start, end)
    lo, hi = max(0, start - CONTEXT_CHARS // 2), min(len(doc.text), end + CONTEXT_CHARS // 2)
    while lo > 0 and not doc.text[lo - 1].isspace():  # do not cut words
        lo -= 1
    while hi < len(doc.text) and not doc.text[hi].isspace():
        hi += 1
    return Fragment.of(doc.text, lo, hi)


def collect_footnotes(cases: list[Case], docs: dict[str, Document]) -> dict[str, list[Footnote]]:
    """Numbered evidence per case, in report order: allegations by date, then denials by date.  Members
    quoting one passage on one side (the mentions of one event in a sentence) share one footnote."""
    out: dict[str, list[Footnote]] = {}
    n = 0
    for case in ordered_cases(cases):
        said_by = {m: c.display_name for c in case.claims for m in c.members}
        notes: list[Footnote] = []
        index: dict[tuple[str, int, int, bool], int] = {}
        for m in sorted(case.members, key=lambda m: (m.role == "denial", docs[m.doc_id].published or "", m.doc_id,
                                                      m.event_idx if m.event_idx is not None else -1)):
            quote = evidence_fragment(docs[m.doc_id], m)
            key = (m.doc_id, quote.start, quote.end, m.role == "denial")
            if key in index:
                f = notes[index[key]]
                notes[index[key]] = replace(f, members=f.members + (m,))
                continue
            index[key] = len(notes)
            n += 1
            notes.append(Footnote(n, case.id, m, quote, docs[m.doc_id], said_by.get(m, ""), (m,)))
        out[case.id] = notes
    return out


def claim_notes(claim: Claim, notes: list[Footnote]) -> tuple[list[Footnote], list[Footnote]]:
    """(footnotes of the claim's first report, footnotes of its copies)."""
    mine = [f for f in notes if any(m in claim.members for m in f.members)]
    first = [f for f in mine if f.member.doc_id == claim.first_report]
    return first, [f for f in mine if f.member.doc_id != claim.first_report]


def claim_row(claim: Claim, notes: list[Footnote], docs: dict[str, Document]) -> dict[str, Any]:
    """The cells of one claims-table row, as plain text (each renderer escapes them)."""
    first, copies = claim_notes(claim, notes)
    doc = docs.get(claim.first_report)
    quote = first[0].quote.text if first else ""
    return {
        "claim": quote if len(quote) <= 110 else quote[:107].rstrip() + "…",
        "originator": claim.display_name,
        "quantity": format_quantity(claim.quantity) if claim.quantity else "—",
        "period": format_period(claim.time_start, claim.time_end) or "not dated",
        "first_report": f"{_source_label(doc) if doc else claim.first_report[:12]}, {claim.first_published or 'undated'}",
        "copies": len(claim.copies),
        "first_notes": [f.number for f in first],
        "copy_notes": [f.number for f in copies],
    }


def ordered_cases(cases: list[Case]) -> list[Case]:
    order = section_order(c.category for c in cases)
    return sorted(cases, key=lambda c: (order.index(c.category), _when(c) or "9999", c.id))


def _when(case: Case) -> str | None:
    return case.time_start or case.reported_start


def _source_label(doc: Document) -> str:
    return doc.publisher or doc.title or doc.input or doc.doc_id[:12]


def _actor_line(case: Case) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(role, name, designations) for each actor of the case."""
    flags = defaultdict(list)
    for d in case.designated:
        flags[d["entity_id"]].append(d)
    return [(role, case.actor_names.get(e, e), flags.get(e, [])) for role, ids in case.actors.items() for e in ids]


# --------------------------------------------------------------------------
# Markdown


def render_markdown(cases: list[Case], docs: dict[str, Document], min_sources: int) -> str:
    notes = collect_footnotes(cases, docs)
    status_counts = Counter(c.status for c in cases)
    out = [
        "# sanctionwatch case report",
        "",
        f"{len(cases)} case(s) from {len(docs)} document(s). "
        + ", ".join(f"{STATUS_TEXT[s].lower()}: {status_counts[s]}" for s in STATUS_TEXT if status_counts[s]) + ".",
        "",
        f"A case is *corroborated* when at least {min_sources} independent sources report it and nobody denies it; "
        "syndicated copies of one story and several articles of one publisher count as one source. "
        "*Contested* cases carry a denial beside the allegation. Every statement is footnoted with the exact "
        "characters of its source (document id and character offsets).",
        "",
    ]
    by_cat: dict[str, list[Case]] = defaultdict(list)
    for c in ordered_cases(cases):
        by_cat[c.category].append(c)
    n = 0
    for cat in section_order(by_cat):
        out += [f"## {md_text(section_title(cat))}", ""]
        for case in by_cat[cat]:
            n += 1
            out += _markdown_case(n, case, notes[case.id], min_sources, docs)
    out += ["## Evidence", ""]
    for case in ordered_cases(cases):
        for f in notes[case.id]:
            out.append(f"[^{f.number}]: {_md_footnote(f)}")
    return "\n".join(out) + "\n"


def _md_footnote(f: Footnote) -> str:
    d = f.doc
    quote = f"“{md_text(f.quote.text)}”"
    who = f.attribution_text()
    bits = [f"{md_text(who)}: {quote}" if who else quote, md_text(_source_label(d)), md_text(d.published or "undated")]
    link = md_link(d.url)
    if link:
        bits.append(link)
    bits.append(f"document {md_code(d.doc_id[:12])} ({md_text(d.input)}) characters {f.quote.start}–{f.quote.end}")
    return ", ".join(bits)


def _markdown_case(n: int, case: Case, notes: list[Footnote], min_sources: int, docs: dict[str, Document]) -> list[str]:
    refs = lambda role: " ".join(f"[^{f.number}]" for f in notes if (f.member.role == "denial") == (role == "denial"))  # noqa: E731
    out = [f"### Case {n}: {md_text(case.summary)}", "", f"<a id=\"{html_text(case.id)}\"></a>", ""]
    out.append(f"- **Status:** {STATUS_TEXT[case.status]} ({case.independent_sources} independent source(s); "
               f"threshold {min_sources})")
    out += [f"  - {md_text(reason)}" for reason in case.status_reasons]
    out.append(f"- **Type:** {md_text(taxonomy().info(case.type).label)}")
    for role, name, flags in _actor_line(case):
        flag = "".join(f" — **designated**: {md_text(d['reference_number'])} {md_text(d['list_name'])} (match {d['score']:.2f})"
                       for d in flags)
        out.append(f"- **{role.capitalize()}:** {md_text(name)}{flag}")
    when = format_period(case.time_start, case.time_end)
    out.append(f"- **When:** {when or 'not dated in the reporting'}; reported "
               f"{format_period(case.reported_start, case.reported_end) or 'on unknown dates'}")
    if case.source_labels:
        out.append("- **Independent sources:** " + "; ".join(
            f"{md_text(label)} ({len(group)} page(s))" for label, group in zip(case.source_labels, case.source_groups)))
    out.append(f"- **Case id:** {md_code(case.id)}")
    out += _membership_lines(case)
    out += _markdown_claims(case, notes, docs)
    out += ["", "Timeline of the reporting:", ""]
    for f in sorted(notes, key=lambda f: (f.doc.published or "", f.number)):
        out.append(f"- {md_text(f.doc.published or 'undated')}: {md_text(_source_label(f.doc))} ({f.member.role}) [^{f.number}]")
    out += ["", f"Allegations: {refs('allegation') or 'none found.'}", ""]
    out += [f"Denials (right of reply): {refs('denial') or 'none found.'}", ""]
    return out


def _md_cell(text: str) -> str:
    return md_text(text).replace("|", "\\|")


def _markdown_claims(case: Case, notes: list[Footnote], docs: dict[str, Document]) -> list[str]:
    """The claims table by originator, then the right of reply."""
    out: list[str] = []
    for side, heading in (("support", "Claims by originator"), ("reply", "Right of reply")):
        chosen = [c for c in case.claims if c.side == side]
        if not chosen:
            continue
        out += ["", f"{heading}:", "", "| Claim | Originator | Quantity | Period | First report | Copies |",
                "|---|---|---|---|---|---|"]
        for c in chosen:
            row = claim_row(c, notes, docs)
            refs = lambda ns: " ".join(f"[^{x}]" for x in ns)  # noqa: E731
            out.append(f"| {_md_cell(row['claim'])} | {_md_cell(row['originator'])} | {_md_cell(row['quantity'])} | "
                       f"{_md_cell(row['period'])} | {_md_cell(row['first_report'])} {refs(row['first_notes'])} | "
                       f"{row['copies']} {refs(row['copy_notes'])} |".replace("  |", " |"))
    return out


def _membership_lines(case: Case) -> list[str]:
    """Why each event is in the case: its best match in another document, field by field."""
    lines = []
    for m in case.membership:
        best = m.get("best_match")
        if not best:
            continue
        fields = ", ".join(f"{k} {best[k]:.2f}" for k in ("actors", "time", "quantity", "item"))
        lines.append(f"  - `{m['doc_id'][:12]}` event {m['event_idx']} ({m['role']}, {m['via']}) ↔ "
                     f"`{best['doc_id'][:12]}` event {best['event_idx']}: {fields}; score {best['score']:.2f}")
    return ["- **Why these events are one case:**", *lines] if lines else []


# --------------------------------------------------------------------------
# HTML

_CSS = """
body{font:15px/1.5 Georgia,serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}h2{border-bottom:2px solid #333;margin-top:2em}
.case{border:1px solid #ccc;border-radius:6px;padding:0.6em 1em;margin:1.2em 0}
.badge{display:inline-block;padding:0 0.5em;border-radius:3px;color:#fff;font:12px Helvetica,Arial,sans-serif}
.flag{color:#b71c1c;font-weight:bold}.meta{font-size:13px;color:#555}
.sides{display:flex;gap:1em}.sides>div{flex:1;min-width:0}
.sides h4{margin:0.3em 0;font-family:Helvetica,Arial,sans-serif}
.deny{background:#fff3e0;border-left:3px solid #ef6c00;padding-left:0.5em}
.allege{border-left:3px solid #1565c0;padding-left:0.5em}
ol.notes{font-size:13px}ol.notes li{margin-bottom:0.4em}q{font-style:italic}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}
svg text{font:11px Helvetica,Arial,sans-serif}
"""


def render_html(cases: list[Case], docs: dict[str, Document], min_sources: int) -> str:
    notes = collect_footnotes(cases, docs)
    status_counts = Counter(c.status for c in cases)
    by_cat: dict[str, list[Case]] = defaultdict(list)
    for c in ordered_cases(cases):
        by_cat[c.category].append(c)
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        REPORT_CSP_META,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        f"<title>sanctionwatch case report</title><style>{_CSS}</style></head><body>",
        "<h1>sanctionwatch case report</h1>",
        f"<p>{len(cases)} case(s) from {len(docs)} document(s). A case is <em>corroborated</em> when at least "
        f"{min_sources} independent sources report it and nobody denies it; syndicated copies of one story and "
        "several articles of one publisher count as one source. <em>Contested</em> cases carry a denial beside the "
        "allegation. Every footnote quotes the exact characters of its source, with document id and offsets.</p>",
        "<table><tr>" + "".join(f"<th>{html_text(STATUS_TEXT[s])}</th>" for s in STATUS_TEXT) + "</tr><tr>"
        + "".join(f"<td>{status_counts[s]}</td>" for s in STATUS_TEXT) + "</tr></table>",
        "<h2>Timeline of cases by category</h2>",
        timeline_svg(cases),
    ]
    n = 0
    for cat in section_order(by_cat):
        parts.append(f"<h2>{html_text(section_title(cat))}</h2>")
        for case in by_cat[cat]:
            n += 1
            parts.append(_html_case(n, case, notes[case.id], min_sources, docs))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_note(f: Footnote) -> str:
    d = f.doc
    url = safe_url(d.url)
    link = f" <a href=\"{html_text(url)}\" rel=\"noreferrer noopener\">{html_text(url)}</a>" if url else ""
    return (
        f"<li id=\"fn{f.number}\" value=\"{f.number}\">{_html_who(f)}<q>{html_text(f.quote.text)}</q> — {html_text(_source_label(d))}, "
        f"{html_text(d.published or 'undated')}.{link} <span class=\"meta\">document <code>{html_text(d.doc_id[:12])}</code> "
        f"({html_text(d.input)}), characters {f.quote.start}–{f.quote.end}</span></li>"
    )


def _html_who(f: Footnote) -> str:
    who = f.attribution_text()
    return f"<b>{html_text(who)}:</b> " if who else ""


def _html_claims(claims: list[Claim], notes: list[Footnote], docs: dict[str, Document], caption: str) -> str:
    """A claims table: claim, originator, quantity, period, first report, copies (with footnote links)."""
    if not claims:
        return ""
    refs = lambda ns: " ".join(f"<a href=\"#fn{x}\">[{x}]</a>" for x in ns)  # noqa: E731
    rows = []
    for c in claims:
        row = claim_row(c, notes, docs)
        rows.append(
            f"<tr><td><q>{html_text(row['claim'])}</q></td><td>{html_text(row['originator'])}</td>"
            f"<td>{html_text(row['quantity'])}</td><td>{html_text(row['period'])}</td>"
            f"<td>{html_text(row['first_report'])} {refs(row['first_notes'])}</td>"
            f"<td>{row['copies']} {refs(row['copy_notes'])}</td></tr>")
    return (f"<table class=\"claims\"><caption>{html_text(caption)}</caption><tr><th>Claim</th><th>Originator</th>"
            "<th>Quantity</th><th>Period</th><th>First report</th><th>Copies</th></tr>" + "".join(rows) + "</table>")


def _html_case(n: int, case: Case, notes: list[Footnote], min_sources: int, docs: dict[str, Document]) -> str:
    colour = STATUS_COLOUR[case.status]
    actors = []
    for role, name, flags in _actor_line(case):
        flag = "".join(
            f" <span class=\"flag\" title=\"{html_text(d['explanation'])}\">⚑ designated: {html_text(d['reference_number'])} "
            f"{html_text(d['list_name'])} (match {d['score']:.2f})</span>"
            for d in flags
        )
        actors.append(f"<li><b>{html_text(role.capitalize())}:</b> {html_text(name)}{flag}</li>")
    when = format_period(case.time_start, case.time_end) or "not dated in the reporting"
    reported = format_period(case.reported_start, case.reported_end) or "on unknown dates"
    timeline = "".join(
        f"<li>{html_text(f.doc.published or 'undated')}: {html_text(_source_label(f.doc))} ({html_text(f.member.role)}) "
        f"<a href=\"#fn{f.number}\">[{f.number}]</a></li>"
        for f in sorted(notes, key=lambda f: (f.doc.published or "", f.number))
    )

    reasons = ("<li><b>Why this status:</b><ul>" + "".join(f"<li>{html_text(r)}</li>" for r in case.status_reasons)
               + "</ul></li>") if case.status_reasons else ""

    def side(denial: bool) -> str:
        chosen = [f for f in notes if (f.member.role == "denial") == denial]
        if not chosen:
            return "<p class=\"meta\">None found.</p>"
        return "<ol class=\"notes\">" + "".join(_html_note(f) for f in chosen) + "</ol>"

    return (
        f"<section class=\"case\" id=\"{html_text(case.id)}\"><h3>Case {n}: {html_text(case.summary)}</h3>"
        f"<p><span class=\"badge\" style=\"background:{colour}\">{html_text(STATUS_TEXT[case.status])}</span> "
        f"<span class=\"meta\">{case.independent_sources} independent source(s); threshold {min_sources}; "
        f"type {html_text(taxonomy().info(case.type).label)}; case id <code>{html_text(case.id)}</code></span></p>"
        f"<ul>{''.join(actors)}<li><b>When:</b> {html_text(when)}; reported {html_text(reported)}</li>{reasons}</ul>"
        f"{_html_claims([c for c in case.claims if c.side == 'support'], notes, docs, 'Claims by originator')}"
        f"<details><summary>Timeline of the reporting</summary><ul>{timeline}</ul></details>"
        f"<div class=\"sides\"><div class=\"allege\"><h4>Allegations and reports</h4>{side(False)}</div>"
        f"<div class=\"deny\"><h4>Denials (right of reply)</h4>"
        f"{_html_claims([c for c in case.claims if c.side == 'reply'], notes, docs, 'Right of reply')}{side(True)}</div>"
        "</div></section>"
    )


def timeline_svg(cases: list[Case], width: int = 940) -> str:
    """Cases by category over time: one row per category, one mark per case (hollow when only the reporting date is known)."""
    dated = [(c, _day(_when(c)), c.time_start is not None) for c in cases]
    dated = [(c, d, exact) for c, d, exact in dated if d]
    if not dated:
        return "<p class=\"meta\">No dated case to chart.</p>"
    cats = section_order(c.category for c, _, _ in dated)
    left, right, row, top = 250, 20, 34, 24
    height = top + row * len(cats) + 30
    lo = min(d for _, d, _ in dated)
    hi = max(d for _, d, _ in dated)
    lo, hi = date(lo.year, 1, 1), date(hi.year, 12, 31)
    span = max(1, (hi - lo).days)

    def x(d: date) -> float:
        return left + (width - left - right) * (d - lo).days / span

    out = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline of cases by category\" "
           f"width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"]
    # A year label is about 36 px wide: over long spans label every 2nd, 5th or 10th year only.
    label_every = next(n for n in (1, 2, 5, 10, 25) if (width - left - right) / max(1, hi.year - lo.year + 1) * n >= 36)
    for year in range(lo.year, hi.year + 2):
        xx = x(date(year, 1, 1)) if year <= hi.year else width - right
        out.append(f"<line x1=\"{xx:.1f}\" y1=\"{top - 8}\" x2=\"{xx:.1f}\" y2=\"{height - 24}\" stroke=\"#ddd\"/>")
        if year <= hi.year and year % label_every == 0:
            out.append(f"<text x=\"{xx + 3:.1f}\" y=\"{height - 10}\">{year}</text>")
    for i, cat in enumerate(cats):
        y = top + row * i + row / 2
        out.append(f"<text x=\"4\" y=\"{y + 4:.1f}\">{html_text(section_title(cat))}</text>")
        out.append(f"<line x1=\"{left}\" y1=\"{y:.1f}\" x2=\"{width - right}\" y2=\"{y:.1f}\" stroke=\"#eee\"/>")
    seen: Counter[tuple[str, int]] = Counter()
    for c, d, exact in sorted(dated, key=lambda t: (t[1], t[0].id)):
        i = cats.index(c.category)
        xx = x(d)
        bucket = (c.category, int(xx // 8))
        jitter = (seen[bucket] % 3 - 1) * 7  # keep marks of nearby dates apart
        seen[bucket] += 1
        y = top + row * i + row / 2 + jitter
        colour = STATUS_COLOUR[c.status]
        fill = colour if exact else "#fff"
        label = f"{c.summary} — {STATUS_TEXT[c.status]}" + ("" if exact else " (date of reporting)")
        out.append(
            f"<a href=\"#{html_text(c.id)}\"><circle cx=\"{xx:.1f}\" cy=\"{y:.1f}\" r=\"5.5\" fill=\"{fill}\" "
            f"stroke=\"{colour}\" stroke-width=\"2\"><title>{html_text(label)}</title></circle></a>"
        )
    legend_x = left
    for status, colour in STATUS_COLOUR.items():
        out.append(f"<circle cx=\"{legend_x}\" cy=\"10\" r=\"5\" fill=\"{colour}\"/>"
                   f"<text x=\"{legend_x + 8}\" y=\"14\">{html_text(STATUS_TEXT[status])}</text>")
        legend_x += 150
    out.append("</svg>")
    return "".join(out)


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


# --------------------------------------------------------------------------


def stored_cases(store: Store) -> tuple[list[Case], dict[str, Document]]:
    """The cases as the store holds them (never re-linked here: the report shows what `cases` and the web
    show) and every stored document by id."""
    return load_cases(store), {d.doc_id: d for d in store.iter_documents()}


def write_case_report(store: Store, out_dir: Path, min_sources: int = 2) -> dict[str, Path]:
    """Write cases.md and cases.html into out_dir from the stored cases (link first: workflow.link_cases)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cases, docs = stored_cases(store)
    md, page = out_dir / "cases.md", out_dir / "cases.html"
    markdown, page_html = render_markdown(cases, docs, min_sources), render_html(cases, docs, min_sources)
    write_atomic(md, markdown)  # both rendered before either file is replaced
    write_atomic(page, page_html)
    return {"cases-md": md, "cases-html": page}

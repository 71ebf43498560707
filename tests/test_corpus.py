"""The bundled demo corpus (examples/corpus) and its case-linking answer key.

These checks need no spaCy: they guard the corpus files themselves, so that the
gold offsets the evaluation relies on can never silently drift from the text.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
GOLD = CORPUS / "gold_cases.yaml"
WIRES = CORPUS / "wires.jsonl"

EVENT_TYPES = {
    "arms_transfer", "troop_deployment", "missile_launch", "satellite_launch", "nuclear_test",
    "weapons_test", "narcotics", "cyber_theft", "overseas_workers", "ship_to_ship_transfer",
    "banned_export", "petroleum_import", "designation", "un_veto", "monitoring_body",
    "defection", "purge_execution", "espionage_assassination",
}
SIDECAR_KEYS = ("title", "published", "publisher", "url")
JSONL_KEYS = ("text", "title", "published", "url", "source", "cite")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _PageMeta(HTMLParser):
    """Collects <meta property/name=...> values, the canonical link and the <article> text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.tags: set[str] = set()
        self.classes: set[str] = set()
        self.article_text: list[str] = []
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        self.classes.update(a.get("class", "").split())
        if a.get("id"):
            self.classes.add(a["id"])
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "article":
            self._in_article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if self._in_article:
            self.article_text.append(data)


def _page(path: Path) -> _PageMeta:
    parser = _PageMeta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _is_iso(value: str) -> bool:
    if not ISO_DATE.match(value):
        return False
    date.fromisoformat(value)  # raises on 2024-02-31
    return True


def _wire_records() -> list[dict]:
    return [json.loads(line) for line in WIRES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _txt_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def _html_files() -> list[Path]:
    return sorted(CORPUS.glob("*.html"))


def _gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def document_text(ref: str) -> str:
    """Raw text a gold sentence is checked against, by the rules in gold_cases.yaml."""
    if ref.startswith("wires.jsonl:"):
        n = int(ref.split(":", 1)[1])
        return _wire_records()[n - 1]["text"]
    raw = (CORPUS / ref).read_text(encoding="utf-8")
    return html.unescape(raw) if ref.endswith((".html", ".htm")) else raw


def metadata(ref: str) -> dict[str, str]:
    """title/published/publisher/url/language of one document, whatever its format."""
    if ref.startswith("wires.jsonl:"):
        rec = _wire_records()[int(ref.split(":", 1)[1]) - 1]
        return {**rec, "publisher": rec["source"]}
    path = CORPUS / ref
    sidecar = path.with_name(path.name + ".meta.json")
    if sidecar.exists():
        return json.loads(sidecar.read_text(encoding="utf-8"))
    page = _page(path)
    return {
        "title": page.meta.get("og:title", ""),
        "published": page.meta.get("article:published_time", "")[:10],
        "publisher": page.meta.get("og:site_name", ""),
        "url": page.canonical or page.meta.get("og:url", ""),
        "language": "",
    }


def all_refs() -> list[str]:
    refs = [p.name for p in _txt_files()] + [p.name for p in _html_files()]
    return refs + [f"wires.jsonl:{i}" for i in range(1, len(_wire_records()) + 1)]


def _article_words(ref: str) -> int:
    if ref.endswith(".html"):
        return len(" ".join(_page(CORPUS / ref).article_text).split())
    return len(document_text(ref).split())


# --- inventory and metadata -------------------------------------------------------


def test_corpus_holds_20_to_30_articles_counting_jsonl_lines():
    assert 20 <= len(all_refs()) <= 30


@pytest.mark.parametrize("ref", all_refs())
def test_every_article_is_short_news_length(ref):
    assert 150 <= _article_words(ref) <= 450, f"{ref}: {_article_words(ref)} words"


@pytest.mark.parametrize("path", _txt_files(), ids=lambda p: p.name)
def test_txt_sidecar_is_valid(path):
    sidecar = path.with_name(path.name + ".meta.json")
    assert sidecar.exists(), f"missing {sidecar.name}"
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    assert isinstance(meta, dict)
    for key in SIDECAR_KEYS:
        assert isinstance(meta.get(key), str) and meta[key].strip(), f"{path.name}: {key}"
    assert _is_iso(meta["published"])
    assert meta["url"].startswith("https://")
    assert meta.get("cite", "").strip(), "every article names the reporting it restates"
    assert meta.get("quotes_are_restatements") is True


@pytest.mark.parametrize("path", _html_files(), ids=lambda p: p.name)
def test_html_page_carries_its_metadata(path):
    page = _page(path)
    for key in ("og:title", "og:site_name", "article:published_time", "sanctionwatch:cite"):
        assert page.meta.get(key, "").strip(), f"{path.name}: <meta {key}>"
    assert _is_iso(page.meta["article:published_time"][:10])
    assert (page.canonical or "").startswith("https://")


def test_every_jsonl_line_parses_with_required_keys():
    lines = [ln for ln in WIRES.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert lines
    for i, line in enumerate(lines, 1):
        rec = json.loads(line)
        for key in JSONL_KEYS:
            assert isinstance(rec.get(key), str) and rec[key].strip(), f"line {i}: {key}"
        assert _is_iso(rec["published"]), f"line {i}"
        assert rec["url"].startswith("https://")


def test_document_titles_are_unique():
    titles = [metadata(ref)["title"] for ref in all_refs()]
    assert len(set(titles)) == len(titles)


# --- answer key -------------------------------------------------------------------


def _gold_refs() -> list[tuple[str, str, str, str]]:
    out = []
    for case in _gold()["cases"]:
        for kind in ("mentions", "denials"):
            for item in case.get(kind) or []:
                out.append((case["id"], kind, item["file"], item["sentence"]))
    return out


def test_gold_cases_are_well_formed():
    cases = _gold()["cases"]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "case ids are unique"
    for case in cases:
        assert case["type"] in EVENT_TYPES, case["id"]
        assert case["summary"].strip()
        assert case["salience"] in ("main", "background")
        assert case["mentions"], f"{case['id']} has no mention"


@pytest.mark.parametrize("case_id,kind,ref,sentence", _gold_refs(), ids=lambda v: str(v)[:40])
def test_gold_sentence_is_exact_substring_of_its_document(case_id, kind, ref, sentence):
    assert ref in all_refs(), f"{case_id}: unknown document {ref}"
    assert sentence.strip() == sentence and sentence
    assert sentence in document_text(ref)


def test_every_article_reports_at_least_one_gold_event():
    covered = {ref for _, kind, ref, _ in _gold_refs() if kind == "mentions"}
    assert set(all_refs()) - covered == set()


def _source_of(ref: str, wire_of: dict[str, str]) -> str:
    """Publisher, with syndicated copies collapsed onto their wire so they count once."""
    return wire_of.get(ref) or metadata(ref)["publisher"]


def test_syndicated_copies_share_their_body_and_differ_in_publisher():
    groups = _gold()["syndicated"]
    assert groups
    for group in groups:
        files = group["files"]
        assert len(files) >= 2
        bodies = set()
        for ref in files:
            lines = document_text(ref).split("\n")
            body = "\n".join(lines[1:]).split("\n--\n")[0]  # drop headline line and footer
            bodies.add(body)
        assert len(bodies) == 1, "syndicated copies carry the same wire text"
        assert len({metadata(ref)["publisher"] for ref in files}) == len(files)
        assert all(metadata(ref).get("wire") == group["wire"] for ref in files)


def test_some_events_are_corroborated_by_independent_outlets():
    gold = _gold()
    wire_of = {ref: g["wire"] for g in gold["syndicated"] for ref in g["files"]}
    corroborated = [
        c["id"] for c in gold["cases"]
        if len({_source_of(m["file"], wire_of) for m in c["mentions"]}) >= 2
    ]
    assert len(corroborated) >= 2
    # a syndicated pair alone must not count as corroboration
    msmt = next(c for c in gold["cases"] if c["id"] == "msmt_first_report_2025")
    syndicated_only = [m for m in msmt["mentions"] if m["file"] in wire_of]
    assert len({_source_of(m["file"], wire_of) for m in syndicated_only}) == 1


def test_a_denial_article_answers_an_earlier_allegation():
    answered = False
    for case in _gold()["cases"]:
        alleged = [metadata(m["file"])["published"] for m in case["mentions"]]
        for d in case["denials"] or []:
            if any(day < metadata(d["file"])["published"] for day in alleged):
                answered = True
    assert answered


# --- required noisy variants ------------------------------------------------------


def test_non_english_articles_are_labelled_and_really_foreign():
    foreign = {ref: metadata(ref).get("language") for ref in all_refs()}
    foreign = {ref: lang for ref, lang in foreign.items() if lang and lang != "en"}
    assert foreign, "at least one non-English article"
    for ref in foreign:
        text = document_text(ref)
        english_hits = len(re.findall(r"\b(the|and|said|of)\b", text))
        assert english_hits < 5, f"{ref} reads like English"


def test_html_page_is_a_noisy_full_page():
    pages = _html_files()
    assert pages
    page = _page(pages[0])
    assert {"nav", "article", "figure", "figcaption", "footer"} <= page.tags
    for marker in ("cookie-banner", "breadcrumbs", "share-bar", "comments-widget", "credit"):
        assert marker in page.classes, marker


def test_machine_translated_scrapes_carry_their_artefacts():
    noisy = [p for p in _txt_files() if p.read_text(encoding="utf-8").startswith("Home »")]
    assert noisy
    for path in noisy:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^Published:\s*$", text, re.M), path.name
        assert re.search(r"^[A-Z][A-Z ]+: \S", text, re.M), "all-caps caption label"
        assert re.search(r"^PHOTO .*AGENCY$", text, re.M)
        assert "Leave a Comment" in text
        assert re.search(r"^– .+, (he |she )?says\b", text, re.M), "dash-quoted speech"
        assert re.search(r"^[A-ZÅÆØ][a-zåæø]+$", text, re.M), "stray one-word heading"
        assert re.search(r"source site-\d+\s*$", text)

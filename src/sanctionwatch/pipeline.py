"""The pipeline: ingest -> clean -> read -> actors -> attributions -> events.

Each stage is a plain function over documents (see the stage modules); this
module only composes them, streams documents through spaCy in batches, and
hands results to a sink (the store, or stdout for ``extract``).  Nothing here
holds the whole corpus in memory.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import clean, language
from .execution import ExtractionFailed, extract_stream
from .ingest import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_MAX_BYTES, IngestError, RawInput, iter_raw, to_document
from .model import Document
from .actors import env_actor_paths, env_places_paths, load_actor_table, resolve_entities
from .attribution import extract_attributions
from .attribution.encoder import encoder_digest
from .attribution.profiles import DEFAULT_PROFILE, profile_name
from .attribution.tagger import MODEL_ENV as ATTRIBUTION_MODEL_ENV
from .event_coref import corefer_document
from .events import extract_events
from .read import Block, Parsed, load_model, model_name, split_blocks
from .version import __version__, files_digest

ENGLISH = "en"
EXTRACTION_STAGES = ("read", "entities", "attributions", "events")


@dataclass
class Settings:
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    published: str | None = None  # fallback publication date for inputs that have none
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    batch_size: int = 32
    workers: int = 1  # extraction processes (sanctionwatch.execution); 1 = in this process
    scheduler: str | None = None  # Dask scheduler address, or "local" (sanctionwatch.execution)
    attribution_profile: str | None = None  # "fast" | "accurate" (attribution.profiles); None: env, else default


@dataclass
class Outcome:
    """What happened to one input: stored, unchanged (skipped by hash) or skipped (with a reason)."""

    input: str
    status: str
    document: Document | None = None
    reason: str | None = None


@dataclass
class Summary:
    inputs: int = 0
    stored: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    non_english: int = 0
    entities: int = 0
    attributions: int = 0
    events: int = 0
    seconds: float = 0.0
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.inputs += 1
        if outcome.status == "skipped":
            self.skipped.append((outcome.input, outcome.reason or ""))
            return
        if outcome.status == "unchanged":
            self.unchanged += 1
            return
        doc = outcome.document
        assert doc is not None
        self.stored += 1
        self.non_english += "read" in doc.skipped_stages
        self.entities += len(doc.entities)
        self.attributions += len(doc.attributions)
        self.events += len(doc.events)
        self.warnings += [(doc.input, w) for w in doc.warnings]

    def as_dict(self) -> dict:
        return {
            "inputs": self.inputs,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "skipped": [{"input": i, "reason": r} for i, r in self.skipped],
            "non_english": self.non_english,
            "entities": self.entities,
            "attributions": self.attributions,
            "events": self.events,
            "seconds": round(self.seconds, 3),
            "warnings": [{"input": i, "warning": w} for i, w in self.warnings],
        }


class Pipeline:
    """Loads the model and data files once; processes any number of documents."""

    def __init__(self, settings: Settings | None = None):
        settings = settings or Settings()
        self.profile = profile_name(settings.attribution_profile)
        # the resolved profile travels with the settings, so a worker on another machine (a Dask cluster
        # whose environment lacks the profile variable) builds the same tagger as this process
        self.settings = replace(settings, attribution_profile=self.profile)
        self.nlp = load_model(self.settings.model)
        self.is_word = clean.english_words_from_model(self.nlp)
        self.rules = clean.load_rules()
        self.actors = load_actor_table()
        self.version = pipeline_version(self.settings.model, self.nlp, self.profile)

    # -- stages over one document -------------------------------------------
    def prepare(self, raw: RawInput) -> Document:
        """Ingest and clean one input (no parsing).  Raises IngestError."""
        doc = to_document(raw)
        if not doc.published and self.settings.published:
            doc.published = self.settings.published
        doc.language, notes = language.decide(doc.text, doc.language)
        doc.warnings += notes
        doc.ignored = clean.find_ignored(doc.text, self.rules, self.is_word, title=doc.title)
        if not doc.title:
            doc.title = guess_title(doc)
        return doc

    def extract(self, doc: Document, parsed: Parsed) -> Document:
        doc.sentences = parsed.sentence_records()
        doc.entities = resolve_entities(parsed, self.actors)
        doc.attributions = extract_attributions(parsed, doc.entities, profile=self.profile)
        doc.events = extract_events(parsed, doc)
        return corefer_document(doc)

    # -- streams -------------------------------------------------------------
    def process(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Parse and extract a stream of prepared documents, batching all their blocks through spaCy."""
        for doc, parsed in self._parse_stream(docs):
            if parsed is None:
                yield doc
            else:
                yield self.extract(doc, parsed)

    def _parse_stream(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Parsed | None]]:
        pending: dict[int, tuple[Document, list]] = {}
        order: list[int] = []

        def items() -> Iterator[tuple[str, tuple[int, int]]]:
            for i, doc in enumerate(docs):
                if doc.language not in (ENGLISH, None):
                    doc.skipped_stages = list(EXTRACTION_STAGES)
                    doc.warnings.append(f"language {doc.language!r}: English-only extractors skipped")
                    pending[i] = (doc, [])
                    order.append(i)
                    yield "", (i, -2)  # placeholder keeps the stream in order
                    continue
                spans = split_blocks(doc.text, doc.ignored)
                pending[i] = (doc, [])
                order.append(i)
                if not spans:
                    yield "", (i, -1)
                for s, e in spans:
                    yield doc.text[s:e], (i, s)

        for spacy_doc, (i, start) in self.nlp.pipe(items(), as_tuples=True, batch_size=self.settings.batch_size):
            while order and order[0] != i:
                yield self._finish(pending, order.pop(0))
            if start >= 0:
                pending[i][1].append((start, spacy_doc))
        while order:
            yield self._finish(pending, order.pop(0))

    @staticmethod
    def _finish(pending: dict, i: int) -> tuple[Document, Parsed | None]:
        doc, blocks = pending.pop(i)
        if "read" in doc.skipped_stages:
            return doc, None
        return doc, Parsed(doc.text, [Block(s, d) for s, d in blocks])

    def run(
        self,
        paths: Iterable[str],
        *,
        sink: Callable[[Document], None],
        seen: Callable[[str], bool] = lambda doc_id: False,
        on_outcome: Callable[[Outcome], None] = lambda o: None,
        stdin=None,
    ) -> Summary:
        """Ingest ``paths``, process every new document, hand each to ``sink``; returns the summary.

        ``seen(doc_id)`` says whether a document is already stored with this pipeline version
        (it is then skipped as unchanged).  ``sink`` is called once per document, in input order.
        """
        summary = Summary()
        started = time.perf_counter()
        include = self.settings.include or None

        def prepared() -> Iterator[Document]:
            raws = iter_raw(paths, include=include or DEFAULT_INCLUDE, exclude=self.settings.exclude or DEFAULT_EXCLUDE,
                            max_bytes=self.settings.max_bytes, stdin=stdin)
            for raw in raws:
                outcome = self._prepare_one(raw, seen)
                if outcome.status == "new":
                    yield outcome.document
                else:
                    summary.add(outcome)
                    on_outcome(outcome)

        for doc in extract_stream(self.settings, prepared(), pipeline=self):
            if isinstance(doc, ExtractionFailed):  # one document's extractor bug: skipped, retried next run
                outcome = Outcome(doc.input, "skipped", reason=doc.reason)
            else:
                outcome = Outcome(doc.input, "stored", doc)
                sink(doc)
            summary.add(outcome)
            on_outcome(outcome)
        summary.seconds = time.perf_counter() - started
        return summary

    def _prepare_one(self, raw: RawInput | IngestError, seen: Callable[[str], bool]) -> Outcome:
        if isinstance(raw, IngestError):
            return Outcome(raw.input, "skipped", reason=raw.reason)
        try:
            doc = self.prepare(raw)
        except IngestError as exc:
            return Outcome(exc.input, "skipped", reason=exc.reason)
        if seen(doc.doc_id):
            return Outcome(doc.input, "unchanged", doc)
        return Outcome(doc.input, "new", doc)


def guess_title(doc: Document) -> str | None:
    """First short kept line of the text (after cleaning), as scraped pages put the headline first.

    Only the kept part of a line counts: never a clutter line, never the clutter glued to a headline.
    """
    pos = 0
    regions = sorted((r.start, r.end) for r in doc.ignored)
    ends = [b for _a, b in regions]
    for line in doc.text.splitlines(keepends=True):
        start, cur = pos, pos
        pos += len(line)
        pieces = []
        for a, b in regions[bisect.bisect_right(ends, start):]:
            if a >= pos:
                break
            pieces.append(doc.text[cur:a])
            cur = max(cur, b)
        pieces.append(doc.text[cur:pos])
        kept = " ".join(p.strip() for p in pieces if p.strip())
        if kept:
            return kept if len(kept) <= 200 else None
    return None


def pipeline_version(model: str | None = None, nlp=None, profile: str = DEFAULT_PROFILE) -> str:
    """Changes whenever code, model or data files change, so stored results can be re-processed."""
    h = hashlib.sha256(__version__.encode())
    name = model_name(model)
    h.update(name.encode())
    if profile != DEFAULT_PROFILE:  # the default adds nothing, so stores made before profiles existed stay current
        h.update(f"attribution profile {profile}".encode())
        h.update(encoder_digest())
    if nlp is not None:
        h.update(str(nlp.meta.get("version", "")).encode())
    data = resources.files("sanctionwatch.data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    h.update(files_digest(user_data_paths()).encode())
    return f"{__version__}+{h.hexdigest()[:12]}"


def user_data_paths() -> tuple[Path, ...]:
    """The user's data files that change extraction: actor tables, place lists, boilerplate rules, an attribution model."""
    boilerplate = tuple(Path(p) for p in os.environ.get(clean.BOILERPLATE_ENV, "").split(os.pathsep) if p)
    model = os.environ.get(ATTRIBUTION_MODEL_ENV)
    return (*env_actor_paths(), *env_places_paths(), *boilerplate, *((Path(model),) if model else ()))


@lru_cache(maxsize=2)
def default_pipeline(model: str | None = None) -> Pipeline:
    return Pipeline(Settings(model=model))


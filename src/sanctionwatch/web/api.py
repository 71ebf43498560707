"""JSON API under /api/v1: read endpoints open, write endpoints behind the bearer token."""

from __future__ import annotations

from typing import Annotated, Any, Iterator, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from .. import reviews as rv
from .. import workflow
from ..model import MODALITIES, STANCES
from ..store import SearchSyntaxError, Store
from . import queries as Q
from .security import require_token

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000

router = APIRouter(prefix="/api/v1")


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.pool.store() as store:
        yield store


def _period(period: Annotated[str | None, Query(max_length=25, description=(
        "YYYY, YYYY-MM, YYYY-MM-DD, or a range A..B (either side may be empty)"))] = None) -> str | None:
    if period:
        try:
            Q.parse_period(period)
        except ValueError as exc:
            raise HTTPException(422, f"period: {exc}") from exc
    return period or None


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


StoreDep = Annotated[Store, Depends(get_store)]
PeriodDep = Annotated[str | None, Depends(_period)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Short = Annotated[str | None, Query(max_length=200)]
DocId = Annotated[str, Path(max_length=200)]
StanceQ = Annotated[Literal[STANCES] | None, Query()]  # type: ignore[valid-type]
ModalityQ = Annotated[Literal[MODALITIES] | None, Query()]  # type: ignore[valid-type]


def page(total: int, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


# -- documents ---------------------------------------------------------------
@router.get("/documents", response_model=Page, tags=["documents"])
def documents(store: StoreDep, period: PeriodDep, publisher: Short = None, language: Short = None,
              actor: Short = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Documents, newest first, filtered by publication period, publisher, language or mentioned actor."""
    total, items = Q.list_documents(store, period=period, publisher=publisher, language=language, actor=actor,
                                    limit=limit, offset=offset)
    return page(total, items, limit, offset)


@router.get("/documents/{doc_id}", tags=["documents"])
def document(store: StoreDep, doc_id: DocId) -> dict[str, Any]:
    """One document with all its spans: exactly the JSON contract (Document.to_dict())."""
    doc = store.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return doc.to_dict()


class Upload(BaseModel):
    text: str = Field(min_length=1, max_length=1_500_000)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = Field(None, max_length=2000)
    publisher: str | None = Field(None, max_length=200)


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)], tags=["documents"])
def upload(request: Request, store: StoreDep, body: Annotated[Upload, Body()]) -> dict[str, Any]:
    """Ingest one article through the corpus workflow (extract, store, match the lists, link its cases);
    needs the bearer token."""
    ingest = request.app.state.ingest_text
    doc = ingest(store, body.text, title=body.title, published=body.published, url=body.url,
                 publisher=body.publisher, input_label="upload")
    return {"doc_id": doc.doc_id, "title": doc.title, "url": f"/documents/{doc.doc_id}",
            "entities": len(doc.entities), "attributions": len(doc.attributions), "events": len(doc.events)}


# -- search ------------------------------------------------------------------
@router.get("/search", response_model=Page, tags=["search"])
def search(store: StoreDep, period: PeriodDep, q: Annotated[str, Query(min_length=1, max_length=500)],
           mode: Literal["words", "fts"] = "words", publisher: Short = None, language: Short = None,
           actor: Short = None, event_type: Short = None, stance: StanceQ = None, limit: Limit = 20,
           offset: Offset = 0) -> dict[str, Any]:
    """Sentence-level full-text search. mode=words (default) ANDs the words; mode=fts takes FTS5 syntax."""
    try:
        total, items = Q.search(store, q, mode=mode, period=period, publisher=publisher, language=language,
                                actor=actor, event_type=event_type, stance=stance, limit=limit, offset=offset)
    except SearchSyntaxError as exc:
        raise HTTPException(400, f"bad full-text query: {exc}") from exc
    for item in items:
        parts = item.pop("snippet_parts")
        item["snippet"] = "".join(f"[{text}]" if hit else text for text, hit in parts)
    return page(total, items, limit, offset)


# -- actors ------------------------------------------------------------------
@router.get("/actors", response_model=Page, tags=["actors"])
def actors(store: StoreDep, q: Short = None, type: Short = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    """Actors seen in the store (canonical and document-local), most documents first."""
    total, items = Q.list_actors(store, q=q, type=type, limit=limit, offset=offset)
    return page(total, items, limit, offset)


def _actor_or_404(store: Store, actor_id: str) -> dict[str, Any]:
    found = Q.actor_summary(store, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r} in this store")
    return found


ActorId = Annotated[str, Path(max_length=200)]


@router.get("/actors/{actor_id}", tags=["actors"])
def actor(store: StoreDep, actor_id: ActorId) -> dict[str, Any]:
    """Actor summary: names, aliases (actor table), surface forms, counts and sanctions-list matches."""
    summary = _actor_or_404(store, actor_id)
    summary["list_matches"] = Q.actor_matches(store, actor_id)
    summary["said_about"] = Q.said_about(store, actor_id, limit=1)[0]
    return summary


@router.get("/actors/{actor_id}/mentions", response_model=Page, tags=["actors"])
def actor_mentions(store: StoreDep, actor_id: ActorId, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    _actor_or_404(store, actor_id)
    total, items = Q.actor_mentions(store, actor_id, limit=limit, offset=offset)
    return page(total, items, limit, offset)


@router.get("/actors/{actor_id}/said", response_model=Page, tags=["actors"])
def actor_said(store: StoreDep, actor_id: ActorId, period: PeriodDep, stance: StanceQ = None, limit: Limit = 50,
               offset: Offset = 0) -> dict[str, Any]:
    """What the actor said: attributions whose source is the actor (those an analyst rejected left out)."""
    _actor_or_404(store, actor_id)
    total, items = Q.actor_said(store, actor_id, stance=stance, period=period, limit=limit, offset=offset)
    return page(total, items, limit, offset)


@router.get("/actors/{actor_id}/said-about", response_model=Page, tags=["actors"])
def actor_said_about(store: StoreDep, actor_id: ActorId, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """What is said about the actor: attributions whose content mentions it."""
    _actor_or_404(store, actor_id)
    total, items = Q.said_about(store, actor_id, limit=limit, offset=offset)
    return page(total, items, limit, offset)


# -- attributions and events -------------------------------------------------
@router.get("/attributions", response_model=Page, tags=["extractions"])
def attributions(store: StoreDep, period: PeriodDep, stance: StanceQ = None, source: Short = None,
                 doc_id: Short = None, publisher: Short = None, limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
    """Attributed statements, filtered by stance and source actor."""
    total, items = Q.list_attributions(store, stance=stance, source=source, doc_id=doc_id, period=period,
                                       publisher=publisher, limit=limit, offset=offset)
    return page(total, items, limit, offset)


@router.get("/attributions/{doc_id}/{index}", tags=["extractions"])
def attribution(store: StoreDep, doc_id: DocId, index: Annotated[int, Path(ge=0, le=100_000)]) -> dict[str, Any]:
    found = Q.get_attribution(store, doc_id, index)
    if found is None:
        raise HTTPException(404, "no such attribution")
    return found


@router.get("/events", response_model=Page, tags=["extractions"])
def events(store: StoreDep, period: PeriodDep, type: Short = None, modality: ModalityQ = None,
           doc_id: Short = None, actor: Short = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events, filtered by type (a parent type selects its subtypes) and modality."""
    total, items = Q.list_events(store, type=type, modality=modality, doc_id=doc_id, period=period, actor=actor,
                                 limit=limit, offset=offset)
    return page(total, items, limit, offset)


# -- cases -------------------------------------------------------------------
StatusQ = Annotated[Literal[Q.CASE_STATUSES] | None, Query()]  # type: ignore[valid-type]


@router.get("/cases", tags=["cases"])
def cases(store: StoreDep, period: PeriodDep, status: StatusQ = None, type: Short = None, category: Short = None,
          actor: Short = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Cross-document cases with corroboration status; ``computed`` is false until cases are built."""
    if not Q.has_cases(store):
        return {**page(0, [], limit, offset), "computed": False,
                "message": "no cases computed yet; run sanctionwatch run or report"}
    total, items = Q.list_cases(store, status=status, type=type, category=category, actor=actor, period=period,
                                limit=limit, offset=offset)
    return {**page(total, items, limit, offset), "computed": True}


@router.get("/cases/{case_id}", tags=["cases"])
def case(store: StoreDep, case_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One case: allegations and denials with their sources and statements."""
    found = Q.get_case(store, case_id) if Q.has_cases(store) else None
    if found is None:
        raise HTTPException(404, f"no case {case_id!r}")
    found["reviews"] = [r.to_dict() for r in rv.list_reviews(store, target="case")
                        if r.target_key == rv.case_key(case_id)]
    return found


# -- timeline ----------------------------------------------------------------
@router.get("/timeline", tags=["timeline"])
def timeline(store: StoreDep, period: PeriodDep, by: Literal["type", "category"] = "category",
             date: Literal["published", "event"] = "published", actor: Short = None,
             modality: ModalityQ = None) -> dict[str, Any]:
    """Event counts per month and type or category, dated by publication (default) or by the event's own time."""
    rows = Q.timeline(store, by=by, date=date, period=period, actor=actor, modality=modality)
    return {"by": by, "date": date, "items": rows, "total": sum(r["count"] for r in rows)}


# -- reviews -----------------------------------------------------------------
class ReviewIn(BaseModel):
    doc_id: str = Field("", max_length=200, description="empty for a case review")
    target: Literal[rv.TARGETS]  # type: ignore[valid-type]
    target_key: str = Field(min_length=1, max_length=2000)
    verdict: Literal[rv.VERDICTS]  # type: ignore[valid-type]
    reviewer: str = Field(min_length=1, max_length=rv.MAX_REVIEWER)
    field: str | None = Field(None, max_length=40)
    value: str | None = Field(None, max_length=rv.MAX_VALUE)
    note: str | None = Field(None, max_length=rv.MAX_NOTE)


@router.get("/reviews", response_model=Page, tags=["reviews"])
def reviews(store: StoreDep, doc_id: Short = None,
            target: Annotated[Literal[rv.TARGETS] | None, Query()] = None,  # type: ignore[valid-type]
            limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    total = rv.count_reviews(store, doc_id, target=target)
    items = [r.to_dict() for r in rv.list_reviews(store, doc_id, target=target, limit=limit, offset=offset)]
    return page(total, items, limit, offset)


@router.post("/reviews", status_code=201, dependencies=[Depends(require_token)], tags=["reviews"])
def add_review(store: StoreDep, body: Annotated[ReviewIn, Body()]) -> dict[str, Any]:
    """Mark an extraction correct or wrong, or correct one of its fields; needs the bearer token.  The review
    takes effect at once, through the corpus workflow: the document's list flags re-resolved, its cases
    re-linked."""
    try:
        review = workflow.review(store, **body.model_dump())
    except rv.ReviewError as exc:
        raise HTTPException(422, str(exc)) from exc
    return review.to_dict()

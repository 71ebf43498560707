"""Server-rendered HTML pages (Jinja2, autoescaped).  Every page has a stable, linkable URL."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import reviews as rv
from ..model import MODALITIES, STANCES, Document
from ..store import SearchSyntaxError, Store
from . import chart as charts
from . import queries as Q
from .api import MAX_OFFSET, PeriodDep, Short, get_store
from .render import LEGEND, actor_href, document_spans, safe_url, segments

TEMPLATE_DIR = Path(str(resources.files("sanctionwatch.web"))) / "templates"
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=True,  # every page: article text and metadata are hostile input
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
templates = Jinja2Templates(env=_env)
_env.filters["actor_href"] = actor_href
_env.filters["safe_url"] = safe_url
_env.filters["q"] = lambda s: quote(str(s), safe="")
_env.globals["STANCES"] = STANCES
_env.globals["MODALITIES"] = MODALITIES
_env.globals["TARGETS"] = rv.TARGETS
_env.globals["CORRECTABLE"] = rv.CORRECTABLE
_env.globals["CASE_STATUSES"] = Q.CASE_STATUSES

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
PAGE = 25


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("title", "sanctionwatch")
    context["writable"] = bool(request.app.state.token)
    context["path"] = request.url.path
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def pager(request: Request, total: int, offset: int, limit: int) -> dict[str, Any]:
    """Previous/next links that keep every other query parameter."""
    params = dict(request.query_params)

    def link(off: int) -> str:
        return request.url.path + "?" + urlencode({**params, "offset": off})

    return {
        "total": total, "first": offset + 1 if total else 0, "last": min(total, offset + limit),
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
StanceQ = Annotated[Literal[STANCES] | None, Query()]  # type: ignore[valid-type]


def _blank(v: str | None) -> str | None:
    """HTML forms send empty strings for untouched fields; treat them as absent."""
    return v if v else None


# -- search ------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, period: PeriodDep, q: Annotated[str, Query(max_length=500)] = "",
                publisher: Short = None, language: Short = None, actor: Short = None, event_type: Short = None,
                stance: Annotated[str | None, Query(max_length=20)] = None, offset: Offset = 0) -> HTMLResponse:
    stance = _blank(stance)
    if stance is not None and stance not in STANCES:
        raise HTTPException(422, f"stance must be one of {', '.join(STANCES)}")
    hits: list[dict[str, Any]] = []
    total = 0
    error = None
    if q.strip():
        try:
            total, hits = Q.search(store, q, period=period, publisher=_blank(publisher), language=_blank(language),
                                   actor=_blank(actor), event_type=_blank(event_type), stance=stance, limit=PAGE,
                                   offset=offset)
        except SearchSyntaxError as exc:
            error = str(exc)
    form = {"q": q, "period": period or "", "publisher": publisher or "", "language": language or "",
            "actor": actor or "", "event_type": event_type or "", "stance": stance or ""}
    return render(request, "search.html", title=f"{q} – search" if q else "Search", hits=hits, form=form,
                  facets=Q.facets(store), pager=pager(request, total, offset, PAGE), error=error,
                  documents=store.count("documents"))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, store: StoreDep, period: PeriodDep, publisher: Short = None,
                   language: Short = None, actor: Short = None, offset: Offset = 0) -> HTMLResponse:
    total, docs = Q.list_documents(store, period=period, publisher=_blank(publisher), language=_blank(language),
                                   actor=_blank(actor), limit=PAGE, offset=offset)
    return render(request, "documents.html", title="Documents", docs=docs, pager=pager(request, total, offset, PAGE),
                  form={"period": period or "", "publisher": publisher or "", "language": language or "",
                        "actor": actor or ""}, facets=Q.facets(store))


# -- document ----------------------------------------------------------------
def _hit(hl: str | None, n: int) -> tuple[int, int] | None:
    if not hl:
        return None
    a, _, b = hl.partition("-")
    if a.isdigit() and b.isdigit() and int(a) < int(b) <= n:
        return int(a), int(b)
    return None


def document_view(store: Store, doc: Document, hl: str | None = None) -> dict[str, Any]:
    attr_cases, event_cases = Q.case_links(store, doc.doc_id)
    hit = _hit(hl, len(doc.text))
    spans = document_spans(doc, hit=hit,
                           case_links={i: f"/cases/{quote(c, safe='')}" for i, c in attr_cases.items()})
    reviews: dict[tuple[str, str], list[rv.Review]] = {}
    for r in rv.list_reviews(store, doc.doc_id):
        reviews.setdefault((r.target, r.target_key), []).append(r)
    current = rv.extraction_keys(doc)
    # The verdicts in effect: a rejected item stays in view, marked, so the analyst sees what was left out.
    verdicts = rv.Verdicts.from_rows((r.doc_id, r.target, r.target_key, r.verdict, r.field, r.value)
                                     for rs in reviews.values() for r in sorted(rs, key=lambda r: r.id))
    d = doc.doc_id
    names = {e.id: e.name for e in doc.entities}
    attributions = [
        {"i": i, "a": a, "key": rv.attribution_key(a), "case": attr_cases.get(i),
         "source_name": names.get(a.source_entity or "", a.source_entity),
         "reviews": reviews.get(("attribution", rv.attribution_key(a)), []),
         "rejected": verdicts.attribution_rejected(d, a)}
        for i, a in enumerate(doc.attributions)
    ]
    events = [
        {"i": i, "e": e, "key": rv.event_key(e), "case": event_cases.get(i),
         "reviews": reviews.get(("event", rv.event_key(e)), []), "rejected": verdicts.event_rejected(d, e)}
        for i, e in enumerate(doc.events)
    ]
    entities = [
        {"e": e, "key": rv.entity_key(e), "reviews": reviews.get(("entity", rv.entity_key(e)), []),
         "mention_reviews": [r for m in e.mentions for r in reviews.get(("mention", rv.mention_key(e.id, m)), [])],
         "rejected": verdicts.entity_rejected(d, e.id)}
        for e in doc.entities
    ]
    stale = [r for key, rs in reviews.items() if key not in current for r in rs]
    return {"doc": doc, "segments": segments(doc.text, spans), "legend": LEGEND, "attributions": attributions,
            "events": events, "entities": entities, "stale_reviews": stale, "names": names,
            "url": safe_url(doc.url), "hit_start": hit[0] if hit else -1, "review_count": sum(len(v) for v in reviews.values())}


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: str,
                  hl: Annotated[str | None, Query(max_length=30)] = None) -> HTMLResponse:
    doc = store.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    view = document_view(store, doc, hl)
    return render(request, "document.html", title=doc.title or doc.doc_id[:12], **view)


# -- actors ------------------------------------------------------------------
@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: StoreDep, q: Short = None, type: Short = None,
                offset: Offset = 0) -> HTMLResponse:
    total, items = Q.list_actors(store, q=_blank(q), type=_blank(type), limit=PAGE * 2, offset=offset)
    return render(request, "actors.html", title="Actors", actors=items, form={"q": q or "", "type": type or ""},
                  pager=pager(request, total, offset, PAGE * 2))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor_id: str) -> HTMLResponse:
    summary = Q.actor_summary(store, actor_id)
    if summary is None:
        raise HTTPException(404, f"no actor {actor_id!r} in this store")
    said_total, said = Q.actor_said(store, actor_id, limit=PAGE)
    about_total, about = Q.said_about(store, actor_id, limit=PAGE)
    mentions_total, mentions = Q.actor_mentions(store, actor_id, limit=PAGE)
    cases = Q.list_cases(store, actor=actor_id, limit=PAGE) if Q.has_cases(store) else None
    return render(request, "actor.html", title=summary["name"], actor=summary, said=said, said_total=said_total,
                  about=about, about_total=about_total, mentions=mentions, mentions_total=mentions_total,
                  matches=Q.actor_matches(store, actor_id), cases=cases)


# -- cases -------------------------------------------------------------------
@router.get("/cases", response_class=HTMLResponse)
def cases_page(request: Request, store: StoreDep, period: PeriodDep,
               status: Annotated[str | None, Query(max_length=20)] = None, type: Short = None,
               actor: Short = None, offset: Offset = 0) -> HTMLResponse:
    status = _blank(status)
    if status is not None and status not in Q.CASE_STATUSES:
        raise HTTPException(422, f"status must be one of {', '.join(Q.CASE_STATUSES)}")
    if not Q.has_cases(store):
        return render(request, "cases.html", title="Cases", computed=False, cases=[], pager=None,
                      form={"status": "", "type": "", "period": "", "actor": ""})
    total, items = Q.list_cases(store, status=status, type=_blank(type), actor=_blank(actor), period=period,
                                limit=PAGE, offset=offset)
    return render(request, "cases.html", title="Cases", computed=True, cases=items,
                  pager=pager(request, total, offset, PAGE),
                  form={"status": status or "", "type": type or "", "period": period or "", "actor": actor or ""})


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, store: StoreDep, case_id: str) -> HTMLResponse:
    found = Q.get_case(store, case_id) if Q.has_cases(store) else None
    if found is None:
        raise HTTPException(404, f"no case {case_id!r}" if Q.has_cases(store)
                            else "no cases computed yet; run sanctionwatch run or report")
    reviews = [r for r in rv.list_reviews(store, target="case") if r.target_key == rv.case_key(case_id)]
    return render(request, "case.html", title=found["case"].get("summary") or case_id, c=found, case_id=case_id,
                  case_key=rv.case_key(case_id), reviews=reviews)


# -- timeline ----------------------------------------------------------------
@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: StoreDep, period: PeriodDep,
                  by: Literal["type", "category"] = "category", date: Literal["published", "event"] = "published",
                  actor: Short = None) -> HTMLResponse:
    rows = Q.timeline(store, by=by, date=date, period=period, actor=_blank(actor))
    return render(request, "timeline.html", title="Timeline", chart=charts.stacked_months(rows), rows=rows,
                  form={"by": by, "date": date, "period": period or "", "actor": actor or ""})


# -- reviews -----------------------------------------------------------------
@router.get("/reviews", response_class=HTMLResponse)
def reviews_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    total = rv.count_reviews(store)
    items = rv.list_reviews(store, limit=PAGE * 2, offset=offset)
    return render(request, "reviews.html", title="Reviews", reviews=items,
                  pager=pager(request, total, offset, PAGE * 2))

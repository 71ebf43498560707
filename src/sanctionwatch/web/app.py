"""Application factory: one FastAPI app serving the JSON API, the HTML pages and the static files."""

from __future__ import annotations

import queue
import threading
from contextlib import asynccontextmanager, contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterable, Iterator

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, workflow
from ..ingest import IngestError
from ..store import Store
from .api import router as api_router
from .pages import router as pages_router, templates
from .security import LOOPBACK_HOSTS, MAX_BODY, SecurityMiddleware, reject_invalid_characters

PACKAGE_DIR = Path(str(resources.files("sanctionwatch.web")))
STATIC_DIR = PACKAGE_DIR / "static"


class StorePool:
    """Store connections handed to one request at a time.

    sqlite3 connections must not be used by two threads at once, and FastAPI
    runs sync endpoints in a thread pool; a small pool of connections (one per
    concurrently running request) avoids both a global lock and per-request
    connection set-up.
    """

    def __init__(self, path: str, *, writable: bool):
        self.path = path
        self.writable = writable
        self._free: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        try:
            s = self._free.get_nowait()
        except queue.Empty:
            s = Store(self.path, readonly=not self.writable)
            with self._lock:
                self._all.append(s)
        try:
            yield s
        finally:
            if s.conn.in_transaction:
                s.conn.rollback()
            self._free.put(s)

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                s.close()
            self._all.clear()


def create_app(db_path: str | Path, *, token: str | None = None, max_body: int = MAX_BODY,
               ingest_text: Callable[..., Any] | None = None, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The workbench over ``db_path``.  Without ``token`` it is read-only: every write endpoint answers 403.

    The database is opened read-write once to apply pending migrations, then
    served through read-only connections unless writes are enabled.  Requests
    are answered only for Host names on the loopback list plus ``allowed_hosts``.
    """
    db_path = str(db_path)
    Store(db_path).close()  # create/migrate so that read-only connections see the current schema
    pool = StorePool(db_path, writable=bool(token))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="sanctionwatch workbench", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json",
                  description="Evidence on DPRK sanctions from open-source reporting: documents, spans, "
                              "actors, attributions, events, cases, reviews.",
                  dependencies=[Depends(reject_invalid_characters)])
    app.state.pool = pool
    app.state.token = token or None
    app.state.db_path = db_path
    # The corpus workflow for one article: stored, lists matched, cases linked (the model loads on the first upload).
    app.state.ingest_text = ingest_text or workflow.store_text
    app.add_middleware(SecurityMiddleware, max_body=max_body, allowed_hosts=(*LOOPBACK_HOSTS, *allowed_hosts))
    app.mount("/static", StaticFiles(directory=STATIC_DIR, follow_symlink=False), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(IngestError)
    async def ingest_error(request: Request, exc: IngestError) -> Response:
        return _error(request, 400, f"the upload cannot be ingested: {exc.reason}")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": errors}, status_code=422)
        message = "; ".join(f"{'.'.join(map(str, e['loc'][1:])) or 'request'}: {e['msg']}" for e in errors)
        return _error(request, 422, message)

    return app


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    context = {"status": status, "detail": detail, "title": f"{status} error", "path": request.url.path,
               "writable": bool(getattr(request.app.state, "token", None))}
    return templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)

"""HTTP hardening: strict response headers, a request body limit, a Host allow-list, bearer-token checks,
and one check of the characters every request parameter may hold."""

from __future__ import annotations

import hmac
import json
import re
from typing import Any, Awaitable, Callable, Iterable
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request

from ..escape import html_text

MAX_BODY = 2 * 1024 * 1024
# Hosts a browser may name when it talks to a server on this machine.  Any
# other Host header is a page elsewhere that had its own name resolve to
# 127.0.0.1 (DNS rebinding) and is refused.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
# NUL (which PostgreSQL refuses in text), other control characters and lone
# surrogates (which no database can encode) are never meaningful in a query,
# a path, a form field or a JSON string.  Bodies may hold tab, newline,
# carriage return and form feed (article text has them); queries may not.
_BAD_IN_QUERY = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_BAD_IN_BODY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")

# No inline script or style anywhere: every script and stylesheet is a file
# under /static, so injected markup could not run even if it got through.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    b"content-security-policy": CSP.encode(),
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
}

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SecurityMiddleware:
    """Pure ASGI middleware: adds the headers to every response and refuses bodies over ``max_body`` bytes.

    The limit is checked on Content-Length up front and again while the body
    streams in, so a chunked upload without a length cannot get around it.
    """

    def __init__(self, app: Callable[..., Awaitable[None]], max_body: int = MAX_BODY,
                 allowed_hosts: Iterable[str] = LOOPBACK_HOSTS):
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS.items() if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        headers = dict(scope.get("headers") or [])
        if not host_allowed(headers.get(b"host"), self.allowed_hosts):
            await error_response(send_with_headers, scope, 400, "this server does not answer to that Host name "
                                 "(start it with --allow-host NAME to add one)")
            return
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                await error_response(send_with_headers, scope, 400, "bad Content-Length")
                return
            if too_big:
                await error_response(send_with_headers, scope, 413, "request body too large")
                return

        received = 0
        started = False
        refused = False

        async def counting_receive() -> Message:
            # FastAPI turns any exception raised while reading the body into
            # a 400, so an oversized stream is answered here, directly, and
            # the app is told the client went away.
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body and not refused:
                    refused = True
                    if not started:
                        await error_response(send_with_headers, scope, 413, "request body too large")
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; drop whatever the app answers
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except Exception:
            if refused:
                return
            if not started:
                # Answered here, with the headers, rather than by Starlette's
                # outermost handler (plain text, none of the headers); the
                # exception still goes up to be logged.
                started = True
                await error_response(send_with_headers, scope, 500, "internal server error")
            raise


def host_names(listen: str, extra: Iterable[str] = ()) -> list[str]:
    """The Host names a server listening on ``listen`` answers to besides loopback, plus ``extra`` (IPv6 bracketed)."""
    return [f"[{n}]" if ":" in n and not n.startswith("[") else n for n in (listen, *extra) if n]


def host_allowed(host: bytes | None, allowed: frozenset[str]) -> bool:
    """Whether a Host header (name, IPv4 or [IPv6], with or without a port) names this server."""
    if host is None:
        return False
    name = host.decode("latin-1").strip().lower()
    if name.startswith("["):
        name = name[: name.find("]") + 1] if "]" in name else name
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    return name in allowed


async def error_response(send: Send, scope: Scope, status: int, detail: str) -> None:
    """An error as JSON (API and static paths) or as a small HTML page, never as plain text."""
    path = scope.get("path", "")
    if path.startswith(("/api/", "/static/")):
        body, kind = json.dumps({"detail": detail}).encode(), b"application/json"
    else:
        body = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} error</title></head>"
                f"<body><h1>{status} error</h1><p>{html_text(detail)}</p></body></html>").encode()
        kind = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def reject_invalid_characters(request: Request) -> None:
    """App-wide dependency: 400 for NUL, control characters or lone surrogates in a path, query, form or JSON body.

    One check here instead of one per query, so that neither backend ever sees them.
    """
    values: list[tuple[str, str, re.Pattern[str]]] = [("path", request.url.path, _BAD_IN_QUERY)]
    values += [(f"query parameter {k!r}", f"{k}{v}", _BAD_IN_QUERY) for k, v in request.query_params.multi_items()]
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method in ("POST", "PUT", "PATCH"):
        if kind == "application/x-www-form-urlencoded":  # parsed here: no endpoint needs python-multipart
            form = parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
            values += [(f"form field {k!r}", f"{k}{v}", _BAD_IN_BODY) for k, v in form]
        elif kind == "application/json":
            try:
                data = json.loads(await request.body())
            except (ValueError, RecursionError):
                data = None  # malformed JSON is the body validator's to report
            values += [("JSON body", v, _BAD_IN_BODY) for v in _json_strings(data)]
    for where, value, bad in values:
        found = bad.search(value)
        if found:
            raise HTTPException(400, f"{where} holds a character that is not allowed (U+{ord(found.group()):04X})")


def _json_strings(data: Any) -> Iterable[str]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def token_matches(expected: str | None, authorization: str | None) -> bool:
    """Constant-time comparison of an ``Authorization: Bearer`` header against the server token."""
    if not expected or not authorization:
        return False
    scheme, _, supplied = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(supplied.strip().encode("utf-8"), expected.encode("utf-8"))


def require_token(request: Request) -> None:
    """FastAPI dependency for write endpoints."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with --token (or SANCTIONWATCH_TOKEN) to allow writes")
    if not token_matches(expected, request.headers.get("authorization")):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

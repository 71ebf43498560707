"""HTTP hardening: strict response headers, a request body limit, bearer-token checks."""

from __future__ import annotations

import hmac
from typing import Any, Awaitable, Callable

from fastapi import HTTPException, Request

MAX_BODY = 2 * 1024 * 1024

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

    def __init__(self, app: Callable[..., Awaitable[None]], max_body: int = MAX_BODY):
        self.app = app
        self.max_body = max_body

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

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                await _plain(send_with_headers, 400, b"bad Content-Length")
                return
            if too_big:
                await _plain(send_with_headers, 413, b"request body too large")
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
                        await _plain(send_with_headers, 413, b"request body too large")
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
            if not refused:
                raise


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


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

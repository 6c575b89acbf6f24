"""Checks on every request before a route runs: a body-size limit and same-origin writes.

Bodies longer than the limit get 413 without being read further. A state-changing request
(POST, PUT, PATCH, DELETE) that carries an Origin or Referer of another site gets 403: browsers
send one of them, so a cross-site form or script cannot write; clients that send neither (curl,
servers) are not browsers and cannot carry a visitor's cookies. The clinical machine routes are
meant to be called by other systems and are exempt from the origin check, not the size limit.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from medinfo.interfaces.clinical import MACHINE_PATHS
from medinfo.interfaces.errors import error_response

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CROSS_SITE = "cross-site request refused: its Origin or Referer is not this site"
_DEFAULT_PORTS = {"http": "80", "https": "443"}


class RequestGuards:
    """ASGI middleware: 413 for a body over `max_body_bytes`, 403 for a cross-site write."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if scope["method"] in UNSAFE_METHODS and not cross_site_allowed(request):
            await error_response(request, 403, CROSS_SITE)(scope, receive, send)
            return
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(request, scope, receive, send)
            return
        if scope["method"] not in UNSAFE_METHODS:
            await self.app(scope, receive, send)
            return
        body = await _read_up_to(receive, self.max_body_bytes)
        if body is None:
            await self._too_large(request, scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _too_large(
        self, request: Request, scope: Scope, receive: Receive, send: Send
    ) -> None:
        detail = f"the request body is larger than the limit of {self.max_body_bytes} bytes"
        response = error_response(request, 413, detail)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


def cross_site_allowed(request: Request) -> bool:
    """False when a browser says the request comes from another site (Origin, else Referer)."""
    if request.url.path.startswith(MACHINE_PATHS):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        referer = request.headers.get("referer")
        return referer is None or same_site(referer, request)
    return same_site(origin, request)


def same_site(address: str, request: Request) -> bool:
    """Whether `address` (an Origin or URL) names this host and port ("null" never does)."""
    try:
        parts = urlsplit(address.strip())
        own = urlsplit(f"//{request.headers.get('host', '')}")
        if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
            return False
        port = str(parts.port or _DEFAULT_PORTS[parts.scheme])
        own_port = str(own.port or _DEFAULT_PORTS.get(request.url.scheme, ""))
    except ValueError:  # a port that is not a number
        return False
    if parts.hostname != (own.hostname or "").lower():
        return False
    # A TLS-terminating proxy may hide https: the default ports of both schemes match each other.
    return port == own_port or {port, own_port} <= set(_DEFAULT_PORTS.values())


async def _read_up_to(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it passes `limit` bytes."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return bytes(body)
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(body)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that yields `body` once, then waits on the real one (disconnects)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay

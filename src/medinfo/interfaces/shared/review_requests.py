"""What a review request carries: its database, rate limit, client and size-limited body."""

from __future__ import annotations

from fastapi import Request

from medinfo.bootstrap import Medinfo
from medinfo.services import reviews as service

MAX_BODY_BYTES = 64 * 1024
THANKS = "Thank you: your review will appear once a moderator has approved it."


def services_of(request: Request) -> Medinfo:
    """The app's composition root, which the review routes call."""
    medinfo: Medinfo = request.app.state.medinfo
    return medinfo


def rate_limit_of(request: Request) -> service.RateLimit:
    """The app's review rate limit (app.state.review_rate_limit), else the default."""
    limit = getattr(request.app.state, "review_rate_limit", None)
    return limit if isinstance(limit, service.RateLimit) else service.RateLimit()


def client_key_of(request: Request) -> str:
    """Who is submitting, for the rate limit: the peer address (stored only as a keyed hash)."""
    return request.client.host if request.client else "unknown"


async def read_limited_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes | None:
    """The request body, or None as soon as it is longer than `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)

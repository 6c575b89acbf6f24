"""The reviews API: submit, list and summarise a drug's reviews; moderate them with a token."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from medinfo.config import ADMIN_TOKEN
from medinfo.domain.reviews import Review, ReviewStatus
from medinfo.interfaces.shared.responses import SafeJSONResponse
from medinfo.interfaces.shared.review_requests import (
    MAX_BODY_BYTES,
    THANKS,
    client_key_of,
    rate_limit_of,
    read_limited_body,
    services_of,
)
from medinfo.services import reviews as service

router = APIRouter(tags=["reviews"], default_response_class=SafeJSONResponse)
# Review ids are 32-bit on every database (PostgreSQL's integer); larger ones name no review.
ReviewId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The review's id.")]

_PUBLIC = {"id", "drug", "rating", "condition", "duration", "side_effects", "side_effect_terms"}
_PUBLIC |= {"text", "created_at", "attribution"}


_SHORT_PATTERN = service.submission.SHORT_PATTERN  # what the reviews service accepts

_SideEffect = Annotated[
    str, Field(max_length=service.submission.MAX_SIDE_EFFECT_CHARS, pattern=_SHORT_PATTERN)
]


class ReviewCreate(BaseModel):
    """The body of POST /api/v1/drugs/{name}/reviews (validated by the reviews service)."""

    model_config = ConfigDict(extra="forbid")

    rating: int = Field(ge=1, le=10)
    condition: str = Field("", max_length=service.submission.MAX_SHORT, pattern=_SHORT_PATTERN)
    duration: str = Field("", max_length=service.submission.MAX_SHORT, pattern=_SHORT_PATTERN)
    side_effects: list[_SideEffect] = Field([], max_length=service.submission.MAX_SIDE_EFFECTS)
    text: str = Field(
        min_length=service.submission.MIN_TEXT,
        max_length=service.submission.MAX_TEXT,
        pattern=service.submission.TEXT_PATTERN,
    )


class ReviewAccepted(BaseModel):
    id: int
    drug: str
    status: ReviewStatus
    message: str


def public_review(review: Review) -> dict[str, Any]:
    """What anyone may see of an approved review."""
    return review.model_dump(mode="json", include=_PUBLIC)


def require_admin(request: Request) -> None:
    """Let the request through only with `Authorization: Bearer <MEDINFO_ADMIN_TOKEN>`."""
    scheme, _, token = request.headers.get("authorization", "").strip().partition(" ")
    try:
        allowed = service.admin_token_matches(
            ADMIN_TOKEN.value(), token.strip() if scheme.lower() == "bearer" else None
        )
    except service.ModerationDisabledError as error:
        raise HTTPException(503, str(error)) from None
    if not allowed:
        detail = "a valid admin token is required: send Authorization: Bearer <token>"
        raise HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


@router.post(
    "/api/v1/drugs/{name}/reviews",
    status_code=201,
    response_model=ReviewAccepted,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ReviewCreate.model_json_schema()}},
        }
    },
)
async def create_review(request: Request, name: str) -> Response:
    """Submit a review; it stays pending until a moderator approves it."""
    if not _is_json(request.headers.get("content-type", "")):
        return _problem(415, "the request body must be JSON: send Content-Type: application/json")
    body = await read_limited_body(request)
    if body is None:
        return _problem(413, f"the request body is larger than {MAX_BODY_BYTES // 1024} KB")
    try:
        raw = orjson.loads(body)
    except orjson.JSONDecodeError:
        return _problem(400, "the request body is not valid JSON")
    if not isinstance(raw, dict):
        return _problem(422, "the request body must be a JSON object of review fields")
    try:
        review = await run_in_threadpool(
            services_of(request).submit_review,
            name,
            raw,
            client_key=client_key_of(request),
            limit=rate_limit_of(request),
        )
    except service.ReviewInvalidError as error:
        return invalid_response(error)
    except service.RateLimitedError as error:
        return rate_limited_response(error)
    accepted = ReviewAccepted(
        id=review.id or 0, drug=review.drug, status=review.status, message=THANKS
    )
    return SafeJSONResponse(accepted.model_dump(mode="json"), status_code=201)


@router.get("/api/v1/drugs/{name}/reviews")
def read_reviews(request: Request, name: str, page: int = Query(1, ge=1)) -> dict[str, Any]:
    """One page (20, newest first) of the drug's approved reviews."""
    found = services_of(request).list_reviews(name, page=page)
    return {
        "drug": found.drug,
        "page": found.page,
        "pages": found.pages,
        "reviews": [public_review(review) for review in found.reviews],
    }


@router.get("/api/v1/drugs/{name}/reviews/summary", response_model=service.ReviewSummary)
def read_summary(request: Request, name: str) -> service.ReviewSummary:
    """Count, average, histogram, conditions and side effects beside the sources."""
    return services_of(request).summarize_reviews(name)


@router.get("/api/v1/admin/reviews", dependencies=[Depends(require_admin)])
def read_queue(
    request: Request,
    status: ReviewStatus = ReviewStatus.PENDING,
    limit: int = Query(100, ge=1, le=500),
) -> dict[str, Any]:
    """Reviews in one status (pending by default), oldest first, with their hold reasons."""
    found = services_of(request).reviews_to_moderate(status, limit=limit)
    return {"status": status.value, "reviews": [review.model_dump(mode="json") for review in found]}


@router.post("/api/v1/admin/reviews/{review_id}/approve", dependencies=[Depends(require_admin)])
def approve(request: Request, review_id: ReviewId) -> dict[str, Any]:
    """Publish a review: it counts in the drug's summary from now on."""
    return _moderate(request, review_id, ReviewStatus.APPROVED)


@router.post("/api/v1/admin/reviews/{review_id}/reject", dependencies=[Depends(require_admin)])
def reject(request: Request, review_id: ReviewId) -> dict[str, Any]:
    """Withdraw or refuse a review: it no longer counts or shows."""
    return _moderate(request, review_id, ReviewStatus.REJECTED)


def invalid_response(error: service.ReviewInvalidError) -> SafeJSONResponse:
    errors = [{"field": p.field, "message": f"{p.field} {p.message}"} for p in error.problems]
    return SafeJSONResponse({"detail": str(error), "errors": errors}, status_code=422)


def rate_limited_response(error: service.RateLimitedError) -> SafeJSONResponse:
    headers = {"Retry-After": str(error.retry_after)}
    return SafeJSONResponse({"detail": str(error)}, status_code=429, headers=headers)


def _moderate(request: Request, review_id: int, decision: ReviewStatus) -> dict[str, Any]:
    try:
        review = services_of(request).moderate_review(review_id, decision)
    except service.ReviewNotFoundError as error:
        raise HTTPException(404, str(error)) from None
    return review.model_dump(mode="json")


def _problem(status: int, detail: str) -> SafeJSONResponse:
    return SafeJSONResponse({"detail": detail}, status_code=status)


def _is_json(content_type: str) -> bool:
    """application/json or a +json type: a type a cross-site form or simple request cannot send."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )

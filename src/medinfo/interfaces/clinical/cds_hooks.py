"""CDS Hooks routes: GET /cds-services, POST /cds-services/{id} and its /feedback."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool

from medinfo.domain.errors import InputError
from medinfo.interfaces.shared.responses import SafeJSONResponse
from medinfo.services.cds.bearer_tokens import TokenError, TokenVerifier
from medinfo.services.cds.discovery import discovery
from medinfo.services.cds.feedback import FeedbackLog, read_feedback
from medinfo.services.cds.hook_calls import (
    MAX_HOOK_BYTES,
    UnknownServiceError,
    answer_hook,
    find_service,
    read_hook_call,
)

router = APIRouter(prefix="/cds-services", tags=["cds-hooks"])

# Browser-based EHR sandboxes call CDS services cross-origin; the services hold no cookies.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Max-Age": "600",
}


@router.get("")
async def list_services() -> Response:
    """CDS Hooks discovery: medinfo's order-select and order-sign services with prefetch."""
    return SafeJSONResponse(discovery(), headers=CORS_HEADERS)


@router.post("/{service_id}")
async def call_service(service_id: str, request: Request) -> Response:
    """A CDS Hooks call: cards for the draft medication orders (400 for a bad request)."""
    body = await _authorized_body(request)
    if isinstance(body, Response):
        return body
    lookup = request.app.state.medinfo.monographs
    base_url = str(request.base_url)
    today = datetime.now(UTC).date()

    def run() -> dict[str, object]:
        return answer_hook(read_hook_call(body, service_id), lookup, base_url, today)

    try:
        cards = await run_in_threadpool(run)
    except UnknownServiceError as error:
        return error_reply(404, str(error))
    except InputError as error:
        return error_reply(400, str(error))
    return SafeJSONResponse(cards, headers=CORS_HEADERS)


@router.post("/{service_id}/feedback")
async def feedback(service_id: str, request: Request) -> Response:
    """Clinicians' outcomes for medinfo's cards (accepted or overridden, with the reason)."""
    body = await _authorized_body(request)
    if isinstance(body, Response):
        return body
    try:
        find_service(service_id)
        items = read_feedback(body).feedback
    except UnknownServiceError as error:
        return error_reply(404, str(error))
    except InputError as error:
        return error_reply(400, str(error))
    feedback_log(request.app).record(service_id, items)
    return SafeJSONResponse({}, headers=CORS_HEADERS)


@router.options("", status_code=204, response_class=Response)
@router.options("/{service_id}", status_code=204, response_class=Response)
@router.options("/{service_id}/feedback", status_code=204, response_class=Response)
async def preflight() -> Response:
    return Response(status_code=204, headers=CORS_HEADERS)


def feedback_log(app: Starlette) -> FeedbackLog:
    """The app's feedback log (kept by the composition root)."""
    log: FeedbackLog = app.state.medinfo.cds_feedback
    return log


def token_verifier(app: Starlette) -> TokenVerifier | None:
    """The app's bearer-token verifier; None (tokens not checked) when no issuer is trusted."""
    verifier: TokenVerifier | None = app.state.medinfo.cds_token_verifier
    return verifier


async def _authorized_body(request: Request) -> bytes | Response:
    """The request body, or the 413 or 401 reply when it is too large or not authorized."""
    body = await _body(request, MAX_HOOK_BYTES)
    if isinstance(body, Response):
        return body
    refused = await _authenticate(request)
    return body if refused is None else refused


async def _authenticate(request: Request) -> Response | None:
    """None when the call may proceed; a 401 reply when a required token does not verify."""
    verifier = token_verifier(request.app)
    if verifier is None:
        return None
    audience = str(request.url).split("?", 1)[0]
    authorization = request.headers.get("authorization")
    try:
        await run_in_threadpool(verifier.verify, authorization, audience)
    except TokenError as error:
        reply = error_reply(401, str(error))
        reply.headers["WWW-Authenticate"] = "Bearer"
        return reply
    return None


def error_reply(status: int, message: str) -> Response:
    """A CDS Hooks-style error: a JSON object whose `error` is one line naming the problem."""
    line = message.splitlines()[0] if message else "bad request"
    return SafeJSONResponse({"error": line, "status": status}, status, headers=CORS_HEADERS)


async def _body(request: Request, limit: int) -> bytes | Response:
    """The request body, or a 413 reply when it is (or says it is) larger than `limit`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return error_reply(413, f"request body: larger than {limit} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return error_reply(413, f"request body: larger than {limit} bytes")
    return body

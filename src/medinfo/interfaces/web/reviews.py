"""Review pages: the drug's reviews block with its form, and the moderators' admin page."""

from __future__ import annotations

import hmac
import secrets
from collections import defaultdict
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from medinfo.bootstrap import Medinfo
from medinfo.config import ADMIN_TOKEN
from medinfo.domain.reviews import ReviewStatus
from medinfo.interfaces.shared.review_requests import (
    MAX_BODY_BYTES,
    THANKS,
    client_key_of,
    rate_limit_of,
    read_limited_body,
    services_of,
)
from medinfo.interfaces.web.rendering import environment
from medinfo.services import reviews as service

router = APIRouter(include_in_schema=False)

CLIENT_COOKIE = "medinfo_client"
ADMIN_COOKIE = "medinfo_admin"
_CLIENT_MAX_AGE = 60 * 60 * 24 * 30
FORBIDDEN = (
    "This form could not be verified (its security token is missing or expired). "
    "Reload the page, make sure cookies are allowed for this site, and submit again."
)


def render_reviews_fragment(request: Request, name: str, *, page: int = 1) -> Markup:
    """The drug page's reviews block: summary beside the sources, reviews and the form.

    The route that includes it must call `set_client_cookie(request, response)`.
    """
    context = _fragment_context(services_of(request), name, page)
    return Markup(_render(request, "reviews/fragment.html", context))


def render_reviews_block(medinfo: Medinfo, name: str, csrf_token: str) -> str:
    """The reviews block (first page) with `csrf_token` in its form (collapsed), for pages that
    cache it.

    A caller caching the block renders it with a placeholder token and puts each visitor's
    `csrf_token_for(request)` in its place, then calls `set_client_cookie`.
    """
    context = {**_fragment_context(medinfo, name, 1), "csrf_token": csrf_token}
    context["form_collapsed"] = True  # on the drug page the form opens on request
    return environment().get_template("reviews/fragment.html").render(context)


def csrf_token_for(request: Request) -> str:
    """The CSRF token of the visitor's review and sign-in forms (see `set_client_cookie`)."""
    return _csrf_token(request)


def set_client_cookie(request: Request, response: Response) -> None:
    """Give a new visitor the cookie their form's CSRF token is tied to.

    The header is written directly (HttpOnly, SameSite=Lax, 30 days, Secure over HTTPS): the
    drug page sends it on every first visit, and this is several times faster than Starlette's
    `set_cookie`.
    """
    client = _client_id(request)
    if request.cookies.get(CLIENT_COOKIE) != client:
        secure = "; Secure" if request.scope.get("scheme") == "https" else ""
        header = f"{CLIENT_COOKIE}={client}; HttpOnly; Max-Age={_CLIENT_MAX_AGE}; Path=/"
        response.raw_headers.append((b"set-cookie", f"{header}; SameSite=lax{secure}".encode()))


@router.get("/drugs/{name}/reviews", response_class=HTMLResponse)
def reviews_page(request: Request, name: str, page: int = 1, submitted: int = 0) -> Response:
    context = _fragment_context(services_of(request), name, page)
    context["submitted"] = THANKS if submitted else ""
    response = _page(request, "reviews/page.html", context)
    set_client_cookie(request, response)
    return response


@router.post("/drugs/{name}/reviews", response_class=HTMLResponse)
async def submit_form(request: Request, name: str) -> Response:
    form = await _read_form(request)
    if form is None:
        return _message(request, 413, f"The form is larger than {MAX_BODY_BYTES // 1024} KB.")
    if not _csrf_ok(request, form):
        return _message(request, 403, FORBIDDEN)
    entered = _entered(form)
    raw = {key: entered[key] for key in ("rating", "condition", "duration", "text")}
    raw["side_effects"] = [*entered["picked"], *_split_other(entered["other"])]
    medinfo = services_of(request)
    try:
        review = await run_in_threadpool(
            medinfo.submit_review,
            name,
            raw,
            client_key=client_key_of(request),
            limit=rate_limit_of(request),
        )
    except service.ReviewInvalidError as error:
        context = _fragment_context(medinfo, name, 1, entered=entered, problems=error.problems)
        return _page(request, "reviews/page.html", context, status_code=422)
    except service.RateLimitedError as error:
        message = f"You have sent several reviews recently; try again in {error.retry_after} s."
        response = _message(request, 429, message)
        response.headers["Retry-After"] = str(error.retry_after)
        return response
    target = f"/drugs/{quote(review.drug)}/reviews?submitted=1#review-form"
    return RedirectResponse(target, status_code=303)


@router.get("/admin/reviews", response_class=HTMLResponse)
def admin_page(request: Request, status: ReviewStatus = ReviewStatus.PENDING) -> Response:
    refusal = _admin_refusal(request)
    if refusal is not None:
        return refusal
    found = services_of(request).reviews_to_moderate(status, limit=200)
    context = {
        "reviews": found,
        "status": status.value,
        "statuses": [s.value for s in ReviewStatus],
    }
    return _page(request, "reviews/admin.html", context)


@router.post("/admin/login", response_class=HTMLResponse)
async def admin_login(request: Request) -> Response:
    form = await _read_form(request)
    if form is None or not _csrf_ok(request, form):
        return _message(request, 403, FORBIDDEN)
    try:
        allowed = service.admin_token_matches(ADMIN_TOKEN.value(), form.get("token", ""))
    except service.ModerationDisabledError as error:
        return _message(request, 503, str(error))
    if not allowed:
        context = {"error": "That admin token is not correct."}
        return _page(request, "reviews/login.html", context, status_code=401)
    sessions = admin_sessions(request)
    response = RedirectResponse("/admin/reviews", status_code=303)
    response.set_cookie(
        ADMIN_COOKIE,
        sessions.start(ADMIN_TOKEN.value()),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/admin",
        max_age=int(sessions.lifetime),
    )
    return response


@router.post("/admin/logout")
async def admin_logout(request: Request) -> Response:
    admin_sessions(request).end(request.cookies.get(ADMIN_COOKIE, ""))
    response = RedirectResponse("/admin/reviews", status_code=303)
    response.delete_cookie(ADMIN_COOKIE, path="/admin")
    return response


@router.post("/admin/reviews/{review_id}/{decision}", response_class=HTMLResponse)
async def admin_decide(
    request: Request,
    review_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    decision: str,
) -> Response:
    refusal = _admin_refusal(request)
    if refusal is not None:
        return refusal
    form = await _read_form(request)
    if form is None or not _csrf_ok(request, form):
        return _message(request, 403, FORBIDDEN)
    verdicts = {"approve": ReviewStatus.APPROVED, "reject": ReviewStatus.REJECTED}
    if decision not in verdicts:
        return _message(request, 404, "Decide with approve or reject.")
    try:
        await run_in_threadpool(services_of(request).moderate_review, review_id, verdicts[decision])
    except service.ReviewNotFoundError as error:
        return _message(request, 404, str(error))
    return RedirectResponse("/admin/reviews", status_code=303)


def _fragment_context(
    medinfo: Medinfo,
    name: str,
    page: int,
    *,
    entered: Mapping[str, Any] | None = None,
    problems: list[service.FieldProblem] | None = None,
) -> dict[str, Any]:
    block = medinfo.review_block(name, page)
    errors: defaultdict[str, str] = defaultdict(str)  # fields without a problem show none
    for problem in problems or []:
        errors.setdefault(
            problem.field, f"{_LABELS.get(problem.field, problem.field)} {problem.message}."
        )
    return {
        "drug": block.drug,
        "summary": block.summary,
        "listing": block.listing,
        "choices": block.listed_side_effects,
        "entered": defaultdict(str, entered or {"picked": []}),
        "errors": errors,
        "max_text": service.submission.MAX_TEXT,
    }


_LABELS = {
    "rating": "Rating",
    "condition": "Condition",
    "duration": "How long you have taken it",
    "side_effects": "Side effects",
    "text": "Your review",
}


async def _read_form(request: Request) -> dict[str, Any] | None:
    body = await read_limited_body(request)
    if body is None:
        return None
    fields = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    form: dict[str, Any] = {key: values[-1] for key, values in fields.items()}
    form["side_effects"] = fields.get("side_effects", [])
    return form


def _entered(form: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "rating": str(form.get("rating", "")),
        "condition": str(form.get("condition", "")),
        "duration": str(form.get("duration", "")),
        "picked": [str(item) for item in form.get("side_effects", [])],
        "other": str(form.get("side_effects_other", "")),
        "text": str(form.get("text", "")),
    }


def _split_other(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _client_id(request: Request) -> str:
    """The visitor's random client id: from the cookie, else a new one for this request."""
    current = request.cookies.get(CLIENT_COOKIE, "")
    if 16 <= len(current) <= 64 and current.replace("-", "").replace("_", "").isalnum():
        return current
    fresh = getattr(request.state, "reviews_client", None)
    if fresh is None:
        fresh = secrets.token_urlsafe(24)
        request.state.reviews_client = fresh
    return str(fresh)


def _key(request: Request) -> bytes:
    key = getattr(request.app.state, "review_key", None)
    if key is None:
        key = services_of(request).review_key()
        request.app.state.review_key = key
    return bytes(key)


def _csrf_token(request: Request) -> str:
    return service.sign(_key(request), "csrf", _client_id(request))


def _csrf_ok(request: Request, form: Mapping[str, Any]) -> bool:
    cookie = request.cookies.get(CLIENT_COOKIE)
    given = str(form.get("csrf_token", ""))
    if not cookie or not given:
        return False
    return hmac.compare_digest(given, service.sign(_key(request), "csrf", cookie))


def admin_sessions(request: Request) -> service.AdminSessions:
    """The app's moderator sessions (app.state.admin_sessions, made on first use)."""
    sessions = getattr(request.app.state, "admin_sessions", None)
    if not isinstance(sessions, service.AdminSessions):
        sessions = service.AdminSessions()
        request.app.state.admin_sessions = sessions
    return sessions


def _admin_refusal(request: Request) -> Response | None:
    """None for a signed-in moderator, else the page to show instead."""
    configured = ADMIN_TOKEN.value()
    if not configured:
        return _message(request, 503, service.moderation.DISABLED)
    cookie = request.cookies.get(ADMIN_COOKIE, "")
    if cookie and admin_sessions(request).valid(cookie, configured):
        return None
    response = _page(request, "reviews/login.html", {"error": ""}, status_code=401)
    set_client_cookie(request, response)
    return response


_HEADINGS = {
    403: "Form not accepted",
    404: "Not found",
    413: "Form too large",
    429: "Too many reviews",
    503: "Moderation unavailable",
}


def _message(request: Request, status_code: int, message: str) -> Response:
    context = {"message": message, "heading": _HEADINGS.get(status_code, "Reviews")}
    return _page(request, "reviews/message.html", context, status_code=status_code)


def _render(request: Request, template: str, context: Mapping[str, Any]) -> str:
    full = {"csrf_token": _csrf_token(request)}
    return environment().get_template(template).render({**full, **context})


def _page(
    request: Request, template: str, context: Mapping[str, Any], status_code: int = 200
) -> Response:
    return HTMLResponse(_render(request, template, context), status_code=status_code)

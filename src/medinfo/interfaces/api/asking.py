"""What the check and ask routes share: their services on the app, and JSON problem replies."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute

from medinfo.domain.errors import InputError, UnknownDrugError
from medinfo.interfaces.shared.responses import SafeJSONResponse
from medinfo.services.answers import Answerer
from medinfo.services.checks import RequestError, describe_errors, json_position
from medinfo.services.monograph_lookup import NoMonographError


def answerer_of(app: FastAPI) -> Answerer:
    """The app's Answerer, as the composition root (`Medinfo`) built it."""
    answerer: Answerer = app.state.medinfo.answerer
    return answerer


def problem(
    detail: str, status_code: int, field: str | None = None, **extra: Any
) -> SafeJSONResponse:
    """A JSON error reply shaped like the site's (`detail`, `suggestions`, `field`), plus extras."""
    body = {"detail": detail, "suggestions": [], "field": field, **extra}
    return SafeJSONResponse(body, status_code=status_code)


def problem_for(error: Exception, body: bytes = b"") -> SafeJSONResponse | None:
    """The JSON reply for a bad request, an unknown drug or a drug without monograph."""
    if isinstance(error, RequestValidationError):
        return _invalid_request(error, body)
    if isinstance(error, RequestError):
        fields = [{"field": p.field, "message": p.message} for p in error.problems]
        return problem(str(error), 422, error.problems[0].field, errors=fields)
    if isinstance(error, UnknownDrugError):
        return problem(str(error), 404, suggestions=error.suggestions)
    if isinstance(error, NoMonographError):
        return problem(str(error), 404, drug=error.drug, monograph_available=False)
    if isinstance(error, InputError):
        return problem(str(error), 422)
    return None


class ProblemRoute(APIRoute):
    """A route whose bad input is answered with `problem_for`'s JSON, naming the field."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def run(request: Request) -> Response:
            try:
                return await handle(request)
            except (RequestValidationError, UnknownDrugError, NoMonographError, InputError) as e:
                reply = problem_for(e, await request.body())
                if reply is None:  # pragma: no cover - every caught type has a reply
                    raise
                return reply

        return run


def _invalid_request(error: RequestValidationError, body: bytes) -> SafeJSONResponse:
    errors = list(error.errors())
    if errors and errors[0].get("type") == "json_invalid":
        text = body.decode("utf-8", "replace")
        position = errors[0]["loc"][-1] if errors[0].get("loc") else 0
        reason = errors[0].get("ctx", {}).get("error", "JSON decode error")
        where = json_position(text, int(position)) if isinstance(position, int) else "?"
        detail = f"request body: invalid JSON at {where}: {reason}"
        return problem(detail, 422, "", errors=[{"field": "", "message": detail}])
    problems = describe_errors(errors, skip=1)
    fields = [{"field": p.field, "message": p.message} for p in problems]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return problem(f"request body: {problems[0]}{more}", 422, problems[0].field, errors=fields)

"""Errors as responses: JSON under /api/, a page elsewhere; never a traceback or a 500 for input."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from medinfo.domain.errors import InputError, UnknownDrugError
from medinfo.interfaces.api.responses import SafeJSONResponse
from medinfo.interfaces.clinical import MACHINE_PATHS
from medinfo.interfaces.web.rendering import render_page

_LOG = logging.getLogger("medinfo.web")
_TITLES = {404: "Page not found", 405: "Not allowed", 422: "Check what you typed"}
_SHOWN_NAME = 80
# Paths answered in JSON, never with an HTML page: the API and the clinical (EHR) routes.
_JSON_PATHS = ("/api/", *MACHINE_PATHS)


def install_error_handlers(app: FastAPI) -> None:
    """Map unknown drugs to 404, bad input to 422 and anything else to a plain 500."""
    app.add_exception_handler(UnknownDrugError, _unknown_drug)  # type: ignore[arg-type]
    app.add_exception_handler(InputError, _input_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _server_error)


def error_response(
    request: Request,
    status: int,
    detail: str,
    *,
    suggestions: list[str] | None = None,
    field: str | None = None,
) -> Response:
    """The error as JSON for API paths, as a page for everything else."""
    if request.url.path.startswith(_JSON_PATHS):
        body = {"detail": detail, "suggestions": suggestions or [], "field": field}
        return SafeJSONResponse(body, status_code=status)
    context = {
        "title": _TITLES.get(status, "Something went wrong"),
        "message": detail,
        "suggestions": suggestions or [],
        "status": status,
    }
    return render_page("error.html", context, status_code=status)


def _unknown_drug(request: Request, error: UnknownDrugError) -> Response:
    name = error.name if len(error.name) <= _SHOWN_NAME else error.name[:_SHOWN_NAME] + "…"
    detail = f"No medicine called “{name}” was found."
    return error_response(request, 404, detail, suggestions=error.suggestions)


def _input_error(request: Request, error: InputError) -> Response:
    message = str(error)
    field = message.split(":", 1)[0] if ":" in message else None
    return error_response(request, 422, message, field=field)


def _validation_error(request: Request, error: RequestValidationError) -> Response:
    first = error.errors()[0] if error.errors() else {}
    location = [str(part) for part in first.get("loc", ())]
    field = location[-1] if location else None
    where = " ".join(location) if location else "request"
    detail = f"{where}: {first.get('msg', 'invalid value')}"
    return error_response(request, 422, detail, field=field)


def _http_error(request: Request, error: HTTPException) -> Response:
    detail = "There is no page at this address." if error.status_code == 404 else str(error.detail)
    response = error_response(request, error.status_code, detail)
    for name, value in (error.headers or {}).items():
        response.headers[name] = value
    return response


def _server_error(request: Request, error: Exception) -> Response:
    _LOG.exception("unhandled error on %s", request.url.path, exc_info=error)
    return error_response(request, 500, "Something went wrong on our side; please try again.")

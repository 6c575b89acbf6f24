"""The error replies every operation can give, written into /openapi.json.

Routes document their own special cases; this adds what the app's shared machinery answers
(413 for a large body, 403 for a cross-site write, 404 for an unknown name or id, 401 and 503
for moderation, 400/415/429 for review submissions) and describes 422 as the site's error body
(`detail` is one line of text) rather than FastAPI's list of validation errors.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from medinfo.interfaces.clinical import MACHINE_PATHS
from medinfo.interfaces.shared.schemas import ErrorPublic

_ERROR_REF = {"$ref": "#/components/schemas/ErrorPublic"}
_BODY_METHODS = ("post", "put", "patch")
_DESCRIPTIONS = {
    400: "The request body is not valid JSON",
    401: "A valid admin token is required (Authorization: Bearer <token>)",
    403: "A cross-site request: its Origin or Referer is another site",
    404: "Nothing has this name or id (close names as suggestions)",
    413: "The request body is larger than the limit",
    415: "The request body must be JSON (Content-Type: application/json)",
    422: "Invalid input: `detail` is one line naming the field",
    429: "Too many reviews from this client: see Retry-After",
    503: "Review moderation is disabled (no admin token is configured)",
}


def document_errors(app: FastAPI) -> None:
    """Make `app.openapi()` list the shared error replies of every operation."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
            )
            add_error_responses(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def add_error_responses(schema: dict[str, Any]) -> None:
    """Add the shared error replies to each operation of `schema` (in place)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault(
        "ErrorPublic", ErrorPublic.model_json_schema(ref_template="#/components/schemas/{model}")
    )
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, method, operation):
                _document(responses, status, machine=path.startswith(MACHINE_PATHS))
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused not in str(schema.get("paths", {})):
            components.pop(unused, None)


def _statuses(path: str, method: str, operation: dict[str, Any]) -> list[int]:
    statuses = [422]
    if "{" in path:
        statuses.append(404)
    if method in _BODY_METHODS or "requestBody" in operation:
        statuses += [400, 413]
    if method in _BODY_METHODS and not path.startswith(MACHINE_PATHS):
        statuses.append(403)
    if path.startswith("/api/v1/admin/"):
        statuses += [401, 503]
    if method == "post" and path.endswith("/reviews"):
        statuses += [415, 429]
    return statuses


def _document(responses: dict[str, Any], status: int, *, machine: bool) -> None:
    """Describe `status` with the site's error body, keeping what a route said itself."""
    current = responses.get(str(status))
    if current is not None and not _is_validation_list(current):
        current.setdefault("description", _DESCRIPTIONS[status])
        return
    entry: dict[str, Any] = {"description": _DESCRIPTIONS[status]}
    if current is not None:
        entry["description"] = current.get("description", entry["description"])
    if not machine:  # the clinical routes answer in their own formats (OperationOutcome, cards)
        entry["content"] = {"application/json": {"schema": _ERROR_REF}}
    responses[str(status)] = entry


def _is_validation_list(response: dict[str, Any]) -> bool:
    return "HTTPValidationError" in str(response.get("content", {}))

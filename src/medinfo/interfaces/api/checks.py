"""POST /api/v1/check: a safety-check request against the drug's monograph."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from medinfo.domain.alerts import CheckRequest, CheckResponse
from medinfo.interfaces.api.asking import ProblemRoute
from medinfo.interfaces.shared.responses import escape_markup

router = APIRouter(prefix="/api/v1", tags=["checks"], route_class=ProblemRoute)

_ERRORS: dict[int | str, dict[str, str]] = {
    422: {"description": "Malformed request: `detail` names the field or the JSON position"},
}


@router.post("/check", response_model=CheckResponse, responses=_ERRORS)
def check(request: Request, body: CheckRequest) -> Response:
    """Check a regimen for one patient: doses, interactions, conditions and an optional event.

    `regimen.drug` may be a generic, brand or misspelled name. No check runs without the
    drug's facts: an unknown medicine, or one with no monograph, gets `not_checked` saying so.
    """
    response = request.app.state.medinfo.check(body)
    content = escape_markup(response.model_dump_json().encode("utf-8"))
    return Response(content, media_type="application/json")

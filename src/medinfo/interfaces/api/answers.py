"""GET /api/v1/ask: a patient's question answered from the monographs, with citations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from medinfo.domain.answers import Answer
from medinfo.domain.text_patterns import VISIBLE
from medinfo.interfaces.api.asking import ProblemRoute, answerer_of
from medinfo.interfaces.shared.responses import escape_markup
from medinfo.services.qa.engine import MAX_QUESTION_LENGTH

router = APIRouter(prefix="/api/v1", tags=["answers"], route_class=ProblemRoute)


@router.get(
    "/ask",
    response_model=Answer,
    responses={422: {"description": "Missing, empty or overlong question"}},
)
def ask(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUESTION_LENGTH,
            pattern=VISIBLE,  # something besides white space
            description="The question.",
        ),
    ],
    drug: Annotated[
        str | None, Query(max_length=200, description="The medicine, if q does not name it.")
    ] = None,
) -> Response:
    """Answer a question from the drug's facts, or say honestly that the sources do not cover it.

    An unknown drug, a price, a personal diagnosis or an uncovered topic gives
    `answerable: false` and a pointer to a pharmacist or doctor, never an invented fact.
    """
    answer = answerer_of(request.app).ask(q, drug or None)
    body = escape_markup(answer.model_dump_json().encode("utf-8"))
    return Response(body, media_type="application/json")

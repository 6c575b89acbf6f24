"""`/api/v1/search`: drugs by any name (typos forgiven), fact lines and source passages by words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from medinfo.bootstrap import Medinfo
from medinfo.interfaces.shared.lookup import medinfo_of
from medinfo.interfaces.shared.responses import SafeJSONResponse
from medinfo.interfaces.shared.schemas import (
    ErrorPublic,
    SearchPublic,
)
from medinfo.interfaces.shared.search import search_public
from medinfo.services.search import MAX_QUERY

router = APIRouter(prefix="/api/v1", tags=["search"], default_response_class=SafeJSONResponse)


@router.get(
    "/search",
    response_model=SearchPublic,
    responses={422: {"model": ErrorPublic, "description": "Missing or invalid q or limit"}},
    summary="Search drugs, facts and source text",
)
def search(
    medinfo: Annotated[Medinfo, Depends(medinfo_of)],
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="What to look for")],
    limit: Annotated[int, Query(ge=1, le=50, description="Most results per group")] = 10,
) -> SearchPublic:
    """Generic, brand and synonym names (case, accents and typos forgiven), then full text."""
    return search_public(medinfo.search(q, limit))

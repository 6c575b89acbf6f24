"""The home page (search box and the drugs with a monograph) and the search results page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from medinfo.bootstrap import Medinfo
from medinfo.interfaces.shared.lookup import medinfo_of
from medinfo.interfaces.web.rendering import render_page

router = APIRouter(include_in_schema=False)
# The page accepts anything and says what is wrong; the API enforces the length limit.
_QUERY_LIMIT = 10_000


@router.get("/", response_class=HTMLResponse)
def home(medinfo: Annotated[Medinfo, Depends(medinfo_of)]) -> Response:
    return render_page("home.html", {"drugs": medinfo.drugs(), "nav": "home"})


@router.get("/search", response_class=HTMLResponse)
def search_page(
    medinfo: Annotated[Medinfo, Depends(medinfo_of)],
    q: Annotated[str, Query(max_length=_QUERY_LIMIT)] = "",
) -> Response:
    """Results for `q`: drugs by name first, then facts and source passages."""
    results = medinfo.search(q) if q.strip() else None
    return render_page("search.html", {"results": results, "query": q, "nav": "search"})

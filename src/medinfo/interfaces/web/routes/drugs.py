"""Drug pages: the monograph page, the catalog-only page and the compare-sources matrix.

The drug page body is rendered once per monograph version (with its common questions,
answered once per version) and the reviews block once per cache period; each request only
puts the visitor's CSRF token into the block and sets the client cookie it is tied to.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response
from starlette.responses import RedirectResponse

from medinfo.domain.answers import Answer
from medinfo.domain.monograph import Monograph
from medinfo.interfaces.shared.lookup import DrugEntry, DrugLookup, lookup_of
from medinfo.interfaces.shared.schemas import NO_MONOGRAPH, catalog_monograph
from medinfo.interfaces.shared.urls import drug_page_url
from medinfo.interfaces.web.citations import all_evidence
from medinfo.interfaces.web.comparison import build_matrix
from medinfo.interfaces.web.drugpage import DrugPage, answer_evidence, build_drug_page
from medinfo.interfaces.web.rendering import HTML_TYPE, render_html
from medinfo.interfaces.web.reviews import csrf_token_for, render_reviews_block, set_client_cookie
from medinfo.services.answers import Answerer
from medinfo.services.faq import answer_common_questions

router = APIRouter(include_in_schema=False)
NameParam = Annotated[str, Path(max_length=200)]
# The page carries a per-visitor form token and a cookie: browsers may keep it, shared caches not.
_PAGE_CACHE = "private, no-cache"
REVIEWS_SLOT = b"<!-- reviews -->"
_TOKEN_SLOT = b"{csrf-token}"


@router.get("/drugs/{name}", response_class=HTMLResponse)
async def drug_page(request: Request, name: NameParam) -> Response:
    """The drug's page; other names of the drug redirect to its canonical address."""
    lookup: DrugLookup = request.app.state.lookup  # no dependency: this is the hot path
    entry = await lookup.entry_async(name)
    if name != entry.ref.drug:
        return RedirectResponse(drug_page_url(entry.ref.drug), status_code=307)
    answerer = request.app.state.medinfo.answerer
    head, tail = await lookup.rendered_async(
        "page", entry, lambda: _split(_render_drug(lookup, answerer, entry), REVIEWS_SLOT)
    )
    before, after = await lookup.rendered_async(
        "reviews",
        entry,
        lambda: _split(_render_reviews(lookup, entry.ref.drug), _TOKEN_SLOT),
        live=True,
    )
    token = csrf_token_for(request).encode()
    response = _html(b"".join((head, before, token, after, tail)), entry)
    set_client_cookie(request, response)
    return response


def _split(body: bytes, slot: bytes) -> tuple[bytes, bytes]:
    """`body` cut at `slot` (dropped), so a request joins its parts instead of searching."""
    head, _slot, tail = body.partition(slot)
    return head, tail


@router.get("/drugs/{name}/sources", response_class=HTMLResponse)
async def compare_page(
    name: NameParam, lookup: Annotated[DrugLookup, Depends(lookup_of)]
) -> Response:
    """A matrix of the drug's facts against its sources."""
    entry = await lookup.entry_async(name)
    if name != entry.ref.drug:
        return RedirectResponse(drug_page_url(entry.ref.drug) + "/sources", status_code=307)
    body = await lookup.rendered_async("compare", entry, lambda: _render_compare(lookup, entry))
    return _html(body, entry)


def _page_model(
    lookup: DrugLookup, entry: DrugEntry, answerer: Answerer | None = None
) -> DrugPage | None:
    if entry.monograph is None:
        return None
    monograph = Monograph.model_validate_json(entry.monograph.body)
    questions: tuple[Answer, ...] = ()
    if answerer is not None:
        questions = lookup.answers.get_or_make(
            (entry.ref.drug, entry.etag),
            lambda: tuple(answer_common_questions(answerer.ask, monograph.drug)),
        )
    evidence = [*all_evidence(monograph), *answer_evidence(questions)]
    quotes = lookup.medinfo.quote_evidence(evidence)
    return build_drug_page(monograph, quotes, questions)


def _render_reviews(lookup: DrugLookup, drug: str) -> bytes:
    return render_reviews_block(lookup.medinfo, drug, _TOKEN_SLOT.decode()).encode()


def _render_drug(lookup: DrugLookup, answerer: Answerer, entry: DrugEntry) -> bytes:
    page = _page_model(lookup, entry, answerer)
    if page is None:
        catalog = catalog_monograph(entry.catalog) if entry.catalog else None
        display = entry.catalog.display_name if entry.catalog else entry.ref.drug
        context = {
            "drug": entry.ref.drug,
            "display": display,
            "catalog": catalog,
            "notice": NO_MONOGRAPH,
        }
        return render_html("catalog_drug.html", context)
    return render_html("drug.html", {"page": page})


def _render_compare(lookup: DrugLookup, entry: DrugEntry) -> bytes:
    page = _page_model(lookup, entry)
    matrix = build_matrix(page) if page is not None else None
    return render_html("compare.html", {"drug": entry.ref.drug, "page": page, "matrix": matrix})


def _html(body: bytes, entry: DrugEntry) -> Response:
    headers = {"ETag": entry.etag, "Cache-Control": _PAGE_CACHE}
    return Response(body, media_type=HTML_TYPE, headers=headers)

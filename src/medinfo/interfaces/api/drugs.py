"""`/api/v1/drugs`: the drug list, each drug's monograph (with ETag) and its sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from medinfo.bootstrap import Medinfo
from medinfo.domain.monograph import Monograph
from medinfo.interfaces.shared.lookup import DrugEntry, DrugLookup, lookup_of, medinfo_of
from medinfo.interfaces.shared.responses import SafeJSONResponse, escape_markup
from medinfo.interfaces.shared.schemas import (
    CatalogMonographPublic,
    DrugListPublic,
    DrugSummaryPublic,
    ErrorPublic,
    SourceFactPublic,
    SourceListPublic,
    SourcePublic,
    catalog_monograph,
)
from medinfo.interfaces.shared.urls import drug_api_url, drug_page_url

router = APIRouter(prefix="/api/v1", tags=["drugs"], default_response_class=SafeJSONResponse)
CACHE_CONTROL = "public, max-age=60, must-revalidate"
JSON_TYPE = "application/json"
NameParam = Annotated[
    str, Path(max_length=200, description="A generic, brand or synonym name; typos are forgiven.")
]
_ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorPublic, "description": "Unknown drug, with close names as suggestions"},
    422: {"model": ErrorPublic, "description": "Invalid parameter, naming the field"},
}


@router.get("/drugs", response_model=DrugListPublic, summary="Drugs with a monograph")
def list_drugs(medinfo: Annotated[Medinfo, Depends(medinfo_of)]) -> DrugListPublic:
    return DrugListPublic(
        drugs=[
            DrugSummaryPublic(name=drug, url=drug_api_url(drug), page=drug_page_url(drug))
            for drug in medinfo.drugs()
        ]
    )


@router.get(
    "/drugs/{name}",
    response_model=Monograph | CatalogMonographPublic,
    responses={**_ERRORS, 304: {"description": "Not modified (If-None-Match matched the ETag)"}},
    summary="A drug's monograph",
)
async def get_drug(request: Request, name: NameParam) -> Response:
    """The reconciled monograph; a drug known only to the catalog gets its forms and a notice."""
    lookup: DrugLookup = request.app.state.lookup  # no dependency: this is the hot path
    entry = await lookup.entry_async(name)
    headers = {"ETag": entry.etag, "Cache-Control": CACHE_CONTROL}
    if entry.etag in _etags(request.headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    body = await lookup.rendered_async("json", entry, lambda: monograph_json(entry))
    return Response(body, media_type=JSON_TYPE, headers=headers)


@router.get(
    "/drugs/{name}/sources",
    response_model=SourceListPublic,
    responses=_ERRORS,
    summary="Which source states what",
)
def get_drug_sources(
    name: NameParam,
    lookup: Annotated[DrugLookup, Depends(lookup_of)],
    medinfo: Annotated[Medinfo, Depends(medinfo_of)],
) -> SourceListPublic:
    """Each source of the drug with the facts extracted from it and quotes where text is stored."""
    entry = lookup.entry(name)
    if entry.monograph is None:
        return SourceListPublic(drug=entry.ref.drug, sources=[])
    listed = medinfo.source_facts(entry.ref.drug)
    quotes = medinfo.quote_evidence(fact.evidence for item in listed for fact in item.facts)
    return SourceListPublic(
        drug=entry.ref.drug,
        sources=[
            SourcePublic(
                id=item.source.id,
                title=item.source.title,
                kind=item.source.kind.value,
                reliability=item.source.reliability.label,
                reliability_reason=item.source.reliability_reason,
                url=item.source.url,
                publisher=item.source.publisher,
                published=item.source.published,
                text_stored=item.has_text,
                facts=[
                    SourceFactPublic(
                        kind=fact.kind.value,
                        key=fact.key,
                        attributes=dict(fact.attributes),
                        start=fact.evidence.start,
                        end=fact.evidence.end,
                        section=fact.evidence.section,
                        quote=quotes.get(fact.evidence),
                    )
                    for fact in item.facts
                ],
            )
            for item in listed
        ],
    )


def monograph_json(entry: DrugEntry) -> bytes:
    """The JSON body for a drug: its stored monograph, or its catalog record."""
    if entry.monograph is not None:
        body = entry.monograph.body
    elif entry.catalog is None:
        body = CatalogMonographPublic(drug=entry.ref.drug).model_dump_json()
    else:
        body = catalog_monograph(entry.catalog).model_dump_json()
    return escape_markup(body.encode("utf-8"))


def _etags(header: str) -> set[str]:
    tags = {tag.strip() for tag in header.split(",") if tag.strip()}
    return tags | {tag.removeprefix("W/") for tag in tags}

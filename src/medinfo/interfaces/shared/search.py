"""Search results in public JSON: the same for `GET /api/v1/search` and `medinfo search --json`."""

from __future__ import annotations

from medinfo.interfaces.shared.schemas import DrugHitPublic, SearchPublic, TextHitPublic
from medinfo.interfaces.shared.urls import drug_api_url, drug_page_url
from medinfo.services.search import SearchResults


def search_public(results: SearchResults) -> SearchPublic:
    """The JSON form of search results."""
    return SearchPublic(
        query=results.query,
        drugs=[
            DrugHitPublic(
                name=hit.name,
                drug=hit.drug,
                kind=hit.kind,
                match=hit.match,
                has_monograph=hit.has_monograph,
                url=drug_api_url(hit.drug),
                page=drug_page_url(hit.drug),
            )
            for hit in results.drugs
        ],
        facts=[
            TextHitPublic(
                drug=hit.drug, section=hit.ref, text=hit.body, page=drug_page_url(hit.drug)
            )
            for hit in results.facts
        ],
        passages=[
            TextHitPublic(
                drug=hit.drug,
                section=hit.ref,
                text=hit.body,
                source=hit.source,
                start=hit.start,
                end=hit.stop,
                page=drug_page_url(hit.drug),
            )
            for hit in results.passages
        ],
    )

"""The HTTP app: pages and JSON from the same services, errors, caching headers."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from medinfo.domain.monograph import DISCLAIMER, Monograph
from tests.documents import IBUPROFEN, write
from tests.webdata import PATIENT_ORDER


def test_home_has_a_search_box_the_drugs_and_the_disclaimer(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<a href="/drugs/baclofen">baclofen</a>' in response.text
    assert 'role="search"' in response.text
    assert 'name="q"' in response.text
    assert DISCLAIMER in response.text


def test_drug_page_has_key_facts_then_sections_in_reading_order(
    client: TestClient, tizanidine: Monograph
) -> None:
    text = client.get("/drugs/tizanidine").text
    titles = ["Key facts", *PATIENT_ORDER, "Sources", "About this information"]
    positions = [text.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)
    taking = text[
        positions[3] : positions[4]
    ]  # "How and when to take it" up to side effects  # dose, missed dose and stopping together
    parts = [taking.find(f">{part}</h3>") for part in ("Dose", "If you miss a dose", "Stopping")]
    assert -1 not in parts
    assert parts == sorted(parts)
    assert "36 mg a day (oral)" in text


def test_drug_page_markers_link_to_quoted_evidence(
    client: TestClient, tizanidine: Monograph
) -> None:
    text = client.get("/drugs/tizanidine").text
    href = re.search(r'<a href="#(source-1-quote-\d+)" aria-label="Source 1', text)
    assert href is not None
    quote = re.search(rf'<li id="{href.group(1)}"[^>]*>\s*<blockquote>([^<]+)</blockquote>', text)
    assert quote is not None
    assert quote.group(1).strip()


def test_drug_page_shows_conflicts_and_flags(client: TestClient, tizanidine: Monograph) -> None:
    text = client.get("/drugs/tizanidine").text
    assert "Sources disagree: onset" in text
    assert "Tizanidine notes &lt;forum&gt;" in text
    assert "only one less reliable source says this" in text
    assert "outdated: a retired classification" in text


def test_drug_page_never_renders_source_markup_or_script_urls(
    client: TestClient, tizanidine: Monograph
) -> None:
    text = client.get("/drugs/tizanidine").text
    assert "<script" not in text
    assert "javascript:" not in text
    assert "<forum>" not in text


def test_brand_names_and_typos_lead_to_the_drug_page(client: TestClient) -> None:
    response = client.get("/drugs/Lioresal", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "/drugs/baclofen"
    assert client.get("/drugs/baclophen").url.path == "/drugs/baclofen"


def test_api_returns_the_monograph_with_etag_and_cache_control(client: TestClient) -> None:
    response = client.get("/api/v1/drugs/Lioresal")
    assert response.status_code == 200
    assert response.json()["drug"] == "baclofen"
    assert "max-age" in response.headers["cache-control"]
    etag = response.headers["etag"]
    again = client.get("/api/v1/drugs/baclofen", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["etag"] == etag


def test_api_lists_drugs_and_sources(client: TestClient, tizanidine: Monograph) -> None:
    names = [drug["name"] for drug in client.get("/api/v1/drugs").json()["drugs"]]
    assert names == ["baclofen", "tizanidine"]
    sources = client.get("/api/v1/drugs/zanaflex/sources").json()
    assert sources["drug"] == "tizanidine"
    assert {source["text_stored"] for source in sources["sources"]} == {True}


def test_catalog_only_drug_has_a_page_and_json(client: TestClient) -> None:
    body = client.get("/api/v1/drugs/metaxalone").json()
    assert body["monograph_available"] is False
    assert "oral tablet" in body["forms"]
    assert any(product["strength"] == "800 mg" for product in body["products"])
    page = client.get("/drugs/metaxalone").text
    assert page.count("No monograph is available yet") == 1  # one notice, not two
    assert "800 mg" in page


def test_unknown_drug_is_404_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/v1/drugs/bacloxyzq")
    assert response.status_code == 404
    assert "baclofen" in response.json()["suggestions"]
    page = client.get("/drugs/bacloxyzq")
    assert page.status_code == 404
    assert '<a href="/drugs/baclofen">baclofen</a>' in page.text


def test_missing_query_is_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/v1/search")
    assert response.status_code == 422
    assert response.json()["field"] == "q"
    assert client.get("/api/v1/search?q=x&limit=0").json()["field"] == "limit"


def test_search_api_finds_typos_brands_and_facts(client: TestClient, tizanidine: Monograph) -> None:
    assert client.get("/api/v1/search?q=lioreseal").json()["drugs"][0]["drug"] == "baclofen"
    assert client.get("/api/v1/search?q=ZANAFLEX").json()["drugs"][0]["drug"] == "tizanidine"
    facts = client.get("/api/v1/search?q=ciprofloxacin").json()["facts"]
    assert facts
    assert facts[0]["drug"] == "tizanidine"
    passages = client.get("/api/v1/search?q=rebound").json()["passages"]
    assert passages
    assert passages[0]["source"]


def test_openapi_is_served_at_docs(client: TestClient) -> None:
    assert "swagger" in client.get("/docs").text.lower()
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/drugs", "/api/v1/drugs/{name}", "/api/v1/search"} <= set(paths)


def test_ingested_drug_appears_on_the_site(client: TestClient, tmp_path: Path) -> None:
    medinfo = client.app.state.medinfo  # type: ignore[attr-defined]
    medinfo.ingest_paths([write(tmp_path, "ibu.txt", IBUPROFEN)])
    assert "/drugs/ibuprofen" in client.get("/").text
    assert client.get("/api/v1/drugs/advil").json()["brand_names"] == ["Advil", "Motrin"]

"""The HTTP app: drug list, a page per drug and the monograph JSON with an ETag."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medinfo.domain.monograph import DISCLAIMER, Monograph
from medinfo.interfaces.api.app import create_app
from tests.documents import IBUPROFEN, write


@pytest.fixture
def client(fake_real_pipeline: None, sqlite_url: str) -> Iterator[TestClient]:
    app = create_app(sqlite_url)
    with TestClient(app) as client:
        yield client
    app.state.medinfo.close()


def test_index_lists_the_knowledge_base_drugs(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<a href="/drugs/baclofen">baclofen</a>' in response.text
    assert DISCLAIMER in response.text


def test_drug_page_shows_facts_with_sources_and_disclaimer(client: TestClient) -> None:
    response = client.get("/drugs/Lioresal")
    assert response.status_code == 200
    monograph = Monograph.model_validate(client.get("/api/v1/drugs/baclofen").json())
    first = monograph.side_effects[0]
    assert first.term in response.text
    assert ", ".join(first.sources) in response.text
    assert DISCLAIMER in response.text


def test_api_returns_the_monograph_and_honours_its_etag(client: TestClient) -> None:
    response = client.get("/api/v1/drugs/baclofen")
    assert response.status_code == 200
    assert response.json()["drug"] == "baclofen"
    again = client.get(
        "/api/v1/drugs/baclofen", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


def test_unknown_drug_is_404_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/v1/drugs/bacl")
    assert response.status_code == 404
    assert response.json()["suggestions"] == ["baclofen"]
    assert client.get("/drugs/bacl").status_code == 404


def test_ingested_drug_appears_on_the_site(client: TestClient, tmp_path: Path) -> None:
    medinfo = client.app.state.medinfo  # type: ignore[attr-defined]
    medinfo.ingest_paths([write(tmp_path, "ibu.txt", IBUPROFEN)])
    assert "/drugs/ibuprofen" in client.get("/").text
    assert client.get("/api/v1/drugs/advil").json()["brand_names"] == ["Advil", "Motrin"]

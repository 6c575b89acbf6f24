"""An app over a new SQLite database holding the knowledge base and the rich tizanidine page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medinfo.domain.monograph import Monograph
from medinfo.interfaces.app import create_app
from tests.webdata import seed_tizanidine


@pytest.fixture
def client(fake_real_pipeline: None, sqlite_url: str) -> Iterator[TestClient]:
    app = create_app(sqlite_url, cache_seconds=0)
    with TestClient(app) as client:
        yield client
    app.state.medinfo.close()


@pytest.fixture
def tizanidine(client: TestClient, tmp_path: Path) -> Monograph:
    return seed_tizanidine(client.app.state.medinfo, tmp_path)  # type: ignore[attr-defined]


@pytest.fixture
def stocked_client(fake_real_pipeline: None, sqlite_url: str) -> Iterator[TestClient]:
    """An app whose database holds the knowledge base and a tizanidine-like monograph (asks)."""
    from medinfo.bootstrap import bootstrap
    from tests.stored_monographs import GUIDE_TEXT, store_monograph
    from tests.stored_monographs import tizanidine as tizanidine_monograph

    medinfo = bootstrap(sqlite_url)
    store_monograph(medinfo.database, tizanidine_monograph(), texts={"t2": GUIDE_TEXT})
    with TestClient(create_app(services=medinfo, cache_seconds=0)) as client:
        yield client
    medinfo.close()

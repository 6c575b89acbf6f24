"""An HTTP client on an app whose database holds the knowledge base and a tizanidine monograph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from medinfo.bootstrap import bootstrap
from medinfo.interfaces.api.app import create_app
from tests.stored_monographs import GUIDE_TEXT, store_monograph, tizanidine


@pytest.fixture
def stocked_client(fake_real_pipeline: None, sqlite_url: str) -> Iterator[TestClient]:
    medinfo = bootstrap(sqlite_url)
    store_monograph(medinfo.database, tizanidine(), texts={"t2": GUIDE_TEXT})
    app = create_app(services=medinfo)
    with TestClient(app) as client:
        yield client
    medinfo.close()

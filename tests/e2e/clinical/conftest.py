"""An app holding the knowledge base and a tizanidine-like monograph; and the same app served
by uvicorn on a free loopback port for real HTTP clients."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medinfo.bootstrap import bootstrap
from medinfo.interfaces.api.app import create_app
from tests.fakes import fake_pipeline
from tests.stored_monographs import store_monograph, tizanidine


@pytest.fixture
def clinical_client(fake_real_pipeline: None, sqlite_url: str) -> Iterator[TestClient]:
    medinfo = bootstrap(sqlite_url)
    store_monograph(medinfo.database, tizanidine())
    with TestClient(create_app(services=medinfo, cache_seconds=0)) as client:
        yield client
    medinfo.close()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a uvicorn server running the app in a thread of this process."""
    import uvicorn

    path: Path = tmp_path_factory.mktemp("live") / "medinfo.db"
    medinfo = bootstrap(f"sqlite:///{path}", pipeline_factory=fake_pipeline)
    store_monograph(medinfo.database, tizanidine())
    app = create_app(services=medinfo, cache_seconds=0)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    medinfo.close()

"""A live server for browser tests: uvicorn in a thread on a free loopback port, a temp SQLite
database with the knowledge base, the rich tizanidine page and approved reviews of it, review
moderation enabled, and headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.api.conftest import stocked_client  # the check and ask pages' client (asks)
from tests.fakes import fake_pipeline
from tests.webdata import seed_tizanidine

ADMIN_TOKEN = "browser-tests-admin-token"
# Our own words: three approved reviews so the drug page shows counts, conditions and effects.
REVIEWS = (
    {
        "rating": 8,
        "condition": "multiple sclerosis",
        "side_effects": ["dry mouth", "sleepy"],
        "text": "Loosened my legs in the evening; my mouth felt like sandpaper for a week.",
    },
    {
        "rating": 5,
        "condition": "spinal cord injury",
        "side_effects": ["drowsiness"],
        "text": "Helps with the spasms but I nod off in the afternoon, so I take it at night.",
    },
    {
        "rating": 9,
        "condition": "multiple sclerosis",
        "side_effects": [],
        "text": "Works well for my cramps and I have not noticed anything unpleasant so far.",
    },
)

CHROMIUM = os.environ.get("MEDINFO_TEST_BROWSER", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).parents[3] / "test-output" / "screenshots"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a running medinfo server."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent")
    import uvicorn

    from medinfo.bootstrap import bootstrap
    from medinfo.interfaces.app import create_app

    folder = tmp_path_factory.mktemp("live")
    medinfo = bootstrap(f"sqlite:///{folder / 'medinfo.db'}", pipeline_factory=fake_pipeline)
    seed_tizanidine(medinfo, folder)
    _approve_reviews(medinfo)
    patch = pytest.MonkeyPatch()
    patch.setenv("MEDINFO_ADMIN_TOKEN", ADMIN_TOKEN)
    port = _free_port()
    config = uvicorn.Config(
        create_app(services=medinfo), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    medinfo.close()
    patch.undo()


def _approve_reviews(medinfo: object) -> None:
    from medinfo.domain.reviews import ReviewStatus
    from medinfo.services.reviews import moderate_review, submit_review

    database = medinfo.database  # type: ignore[attr-defined]
    for number, raw in enumerate(REVIEWS):
        review = submit_review(database, "tizanidine", raw, client_key=f"reviewer-{number}")
        moderate_review(database, review.id or 0, ReviewStatus.APPROVED)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """One headless Chromium for the whole run: Playwright's sync API allows one at a time."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser(live_server: str, chromium_browser: object) -> object:
    """The shared Chromium, once the live server is up."""
    return chromium_browser


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed from npm (pinned in package-lock.json) on first use."""
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is absent: cannot install axe-core")
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(HERE)],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


__all__ = ["stocked_client"]

"""A real browser: a stored script or onerror review is shown as text and never runs."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from medinfo.domain.reviews import ReviewStatus
from medinfo.services.reviews import list_for_moderation, moderate_review
from tests.reviewing import put_monograph

CHROMIUM = os.environ.get("MEDINFO_TEST_BROWSER", "/usr/bin/chromium")
SCRIPT = "Nice drug <script>window.__pwned = 1; alert('script')</script> really"
IMAGE = "<img src=x onerror=\"window.__pwned = 2; alert('img')\"> it helped my knees"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def site(sqlite_url: str) -> Iterator[tuple[str, object]]:
    """A loopback uvicorn serving the app; yields its base URL and services."""
    import uvicorn

    from medinfo.bootstrap import bootstrap
    from medinfo.interfaces.app import create_app

    services = bootstrap(sqlite_url, empty=True)
    put_monograph(services.database, "naproxen", {"nausea": 2})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(services=services), host="127.0.0.1", port=port, log_level="error"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", services
    server.should_exit = True
    thread.join(timeout=10)
    services.close()


def test_browser_shows_hostile_reviews_as_inert_text(
    site: tuple[str, object], chromium_browser: Any
) -> None:
    base, services = site
    database = services.database  # type: ignore[attr-defined]
    dialogs: list[str] = []
    context = chromium_browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for text in (SCRIPT, IMAGE):
            page.goto(f"{base}/drugs/naproxen/reviews")
            page.select_option("#review-rating", "7")
            page.fill("#review-text", text)
            page.click("button[type=submit]")
            assert "once a moderator has approved it" in page.content()
    finally:
        context.close()
    for held in list_for_moderation(database):
        moderate_review(database, held.id or 0, ReviewStatus.APPROVED)
    page = chromium_browser.new_page()
    try:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{base}/drugs/naproxen/reviews")
        page.wait_for_load_state("load")
        shown = page.inner_text(".review-list")
        pwned = page.evaluate("() => window.__pwned === undefined ? null : window.__pwned")
        images = page.evaluate("() => document.querySelectorAll('.review-list img').length")
    finally:
        page.close()
    assert dialogs == []
    assert pwned is None
    assert images == 0
    assert "<script>window.__pwned = 1; alert('script')</script>" in shown
    assert "<img src=x onerror=" in shown

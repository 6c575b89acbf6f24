"""The drug page a patient trusts (issue 16), point by point in Chromium at desktop and phone
width, each with a screenshot under test-output/screenshots/trust/."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.web.conftest import SCREENSHOTS
from tests.webdata import PATIENT_ORDER

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}
# Our own words: a dated web page from a named site, to be cited with both.
PAGE = """<!doctype html><html lang="en"><head>
<title>Baclofen for stiff muscles | Riverside Health Notes</title>
<meta property="og:site_name" content="Riverside Health Notes">
<meta name="dcterms.date" content="2024-03-12">
<link rel="canonical" href="https://riverside.example/baclofen">
</head><body><main><h1>Baclofen for stiff muscles</h1>
<p>Baclofen relaxes tight muscles in people with multiple sclerosis.</p>
<h2>Side effects</h2><p>Many people feel sleepy when they start baclofen.</p>
</main></body></html>
"""
# Imported reviews (the Drug Review Dataset's tab-separated form): one without a date, one that
# gives dosing advice and must be held by moderation.
REVIEWS = (
    "num\tDrugName\trating\teffectiveness\tsideEffects\tcondition\t"
    "benefitsReview\tsideEffectsReview\tcommentsReview\n"
    "1\tLioresal\t7\tConsiderably Effective\tMild Side Effects\tmultiple sclerosis\t"
    "My legs cramp far less at night.\tA little sleepy.\tNo complaints.\n"
    "2\tlioresal\t9\tHighly Effective\tNo Side Effects\tspasticity\t"
    "Now on 120mg every 4 hours and I advise everyone to go that high.\tNone.\tTry it.\n"
)
ARTICLE = """---
title: Baclofen and bedtime
---

# Baclofen and bedtime

Baclofen is a muscle relaxant used for spasticity.

## Side effects

Baclofen often causes drowsiness and dizziness during the first two weeks of treatment.
"""
FRESH_QUOTE = "dizziness during the first two weeks of treatment"
# Internal names a patient must never read: file stems, character offsets, field keys.
_INTERNAL = re.compile(
    r"\b\d{3}_[0-9a-f]{16}\b|characters \d+|\b[a-z]+_[a-z_]+\b|single_weak_source|Input should"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A loopback server over the embedded knowledge base, plus a dated, published web page
    and imported reviews; yields its base URL and database URL."""
    import uvicorn

    from medinfo.bootstrap import bootstrap
    from medinfo.domain.reviews import DatasetFormat
    from medinfo.interfaces.app import create_app
    from tests.e2e.web.conftest import CHROMIUM, _free_port

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent")
    folder = tmp_path_factory.mktemp("trust")
    database_url = f"sqlite:///{folder / 'medinfo.db'}"
    medinfo = bootstrap(database_url)
    page = folder / "riverside.html"
    page.write_text(PAGE, encoding="utf-8")
    medinfo.ingest_paths([page], drug="baclofen")
    reviews = folder / "reviews.tsv"
    reviews.write_text(REVIEWS, encoding="utf-8")
    medinfo.import_reviews(DatasetFormat.DRUGLIB, reviews)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(services=medinfo), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", database_url
    server.should_exit = True
    thread.join(10)
    medinfo.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = SCREENSHOTS / "trust"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(chromium_browser: Any, width: str) -> Any:
    w, h = WIDTHS[width]
    return chromium_browser.new_page(viewport={"width": w, "height": h})


def _visible_text(page: Any) -> str:
    """The main text a reader can see or open (closed <details> included)."""
    return str(page.evaluate("document.querySelector('main').textContent"))


@pytest.mark.parametrize("width", list(WIDTHS))
def test_1_sources_are_named_as_a_reader_cites_them(
    site: tuple[str, str], chromium_browser: Any, shots: Path, width: str
) -> None:
    page = _page(chromium_browser, width)
    page.goto(site[0] + "/drugs/baclofen")
    sources = page.locator("#sources")
    text = sources.inner_text()
    assert "Baclofen for stiff muscles" in text  # the page's own title, less the site name
    assert "Riverside Health Notes" in text
    assert "12 March 2024" in text
    assert "Consumer article, undated" in text  # the seed pages give no title or date
    assert _INTERNAL.search(_visible_text(page)) is None
    marker = page.locator(".key-facts .marker a").first
    marker.click()
    target = page.locator(str(marker.get_attribute("href")))
    assert target.is_visible()  # the quote, or a plain sentence saying where it came from
    assert target.inner_text().strip().startswith(("From its", "From this source")) or (
        target.locator("blockquote").count() == 1
    )
    sources.screenshot(path=str(shots / f"1-sources-{width}.png"))
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_2_the_page_reads_in_a_patients_order_and_half_as_tall(
    site: tuple[str, str], chromium_browser: Any, shots: Path, width: str
) -> None:
    page = _page(chromium_browser, width)
    page.goto(site[0] + "/drugs/baclofen")
    headings = page.locator("main h2").all_inner_texts()
    order = ["Key facts", "Where the sources disagree", *PATIENT_ORDER, "Sources"]
    assert [h for h in headings if h in order] == order
    key_facts = page.locator(".key-facts").inner_text()
    assert "Stopping" in key_facts  # the top warning: do not stop suddenly
    assert "Pregnancy" in key_facts
    if width == "phone":  # 21,400 px when issue 16 was filed
        assert page.evaluate("document.documentElement.scrollHeight") <= 21_400 // 2
    page.screenshot(path=str(shots / f"2-order-{width}.png"))
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_3_conflicts_never_count_silence_or_one_source_twice(
    site: tuple[str, str], chromium_browser: Any, shots: Path, width: str
) -> None:
    page = _page(chromium_browser, width)
    page.goto(site[0] + "/drugs/baclofen")
    callouts = page.locator(".conflicts .callout.conflict")
    assert callouts.count() > 0
    for index in range(callouts.count()):
        callout = callouts.nth(index)
        callout.locator("summary").click()
        sides = callout.locator(".claim-sources").all_inner_texts()
        assert not any("not mentioned" in side.lower() for side in sides)
        named = [set(side.strip("()").split("; ")) for side in sides]
        for i, one in enumerate(named):
            for other in named[i + 1 :]:
                assert not one & other, f"a source on both sides: {one & other}"
    page.locator(".conflicts").screenshot(path=str(shots / f"3-conflicts-{width}.png"))
    page.goto(site[0] + "/drugs/baclofen/sources")
    fits = page.evaluate(
        """(() => { const t = document.querySelector('table.matrix');
        const last = t.querySelector('thead th:last-child').getBoundingClientRect();
        return t.scrollWidth <= t.parentElement.clientWidth && last.right <= innerWidth; })()"""
    )
    assert fits
    legend = page.locator("main").inner_text().lower()
    assert "not mentioned" in legend
    assert "disagrees" in legend
    page.screenshot(path=str(shots / f"3-compare-{width}.png"), full_page=True)
    page.close()


def test_4_a_document_ingested_by_another_process_shows_within_two_seconds(
    site: tuple[str, str], chromium_browser: Any, shots: Path, tmp_path: Path
) -> None:
    base, database_url = site
    page = _page(chromium_browser, "desktop")
    page.goto(base + "/drugs/baclofen")
    assert FRESH_QUOTE not in _visible_text(page)
    article = tmp_path / "bedtime.md"
    article.write_text(ARTICLE, encoding="utf-8")
    medinfo = str(Path(sys.executable).parent / "medinfo")
    done = subprocess.run(
        [medinfo, "ingest", str(article), "--db", database_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    ingested = time.monotonic()
    while True:
        page.goto(base + "/drugs/baclofen")
        if FRESH_QUOTE in _visible_text(page):
            break
        assert time.monotonic() - ingested < 2.0, "the new source did not show within 2 s"
        time.sleep(0.1)
    assert "Baclofen and bedtime" in page.locator("#sources").inner_text()
    page.locator("#sources").screenshot(path=str(shots / "4-fresh-desktop.png"))
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_5_a_catalog_only_drug_has_a_clean_page(
    site: tuple[str, str], chromium_browser: Any, shots: Path, width: str
) -> None:
    page = _page(chromium_browser, width)
    page.goto(site[0] + "/drugs/metaxalone")
    text = page.locator("main").inner_text()
    assert text.count("No monograph") <= 1
    assert not re.search(r"\beq\b|\d(?:mg|ml)\b", text, re.IGNORECASE)  # "10 mg", not "eq 10mg"
    brands = page.locator(".brands, .catalog-brands").all_inner_texts()
    assert all(not brand.isupper() for brand in brands)
    page.screenshot(path=str(shots / f"5-catalog-only-{width}.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_6_form_problems_are_said_in_plain_words(
    site: tuple[str, str], chromium_browser: Any, shots: Path, width: str
) -> None:
    page = _page(chromium_browser, width)
    page.goto(site[0] + "/check")
    page.fill("#drug", "baclofen")
    page.fill("#dose_mg", "-5")
    page.fill("#times_per_day", "3")
    page.evaluate(
        "document.querySelectorAll('[required],[min],[max]').forEach(e => {"
        "e.removeAttribute('required'); e.removeAttribute('min');"
        "e.removeAttribute('max'); })"
    )  # what a browser without validation sends
    page.click("form[action='/check'] button[type=submit]")
    text = page.locator("main").inner_text()
    assert "dose" in text.lower()
    assert _INTERNAL.search(text) is None
    assert "regimen." not in text
    page.screenshot(path=str(shots / f"6-form-{width}.png"))
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_7_imported_reviews_are_moderated_and_undated_ones_say_so(
    site: tuple[str, str], chromium_browser: Any, shots: Path, width: str
) -> None:
    page = _page(chromium_browser, width)
    page.goto(site[0] + "/drugs/baclofen/reviews")
    text = page.locator("main").inner_text()
    assert "My legs cramp far less at night." in text  # imported through the brand name
    assert "date not given" in text
    assert "120mg every 4 hours" not in text  # dosing advice is held for a moderator
    page.screenshot(path=str(shots / f"7-reviews-{width}.png"), full_page=True)
    page.close()

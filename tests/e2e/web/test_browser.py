"""The website in headless Chromium: search, citations, conflicts, disclaimer, accessibility."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {
    "home": "/",
    "search": "/search?q=baclophen",
    "drug": "/drugs/tizanidine",
    "compare": "/drugs/tizanidine/sources",
    "catalog-only": "/drugs/metaxalone",
    "not-found": "/drugs/bacloxyzq",
    "ask": "/ask",
    "ask-answer": "/ask?q=can+i+have+a+beer+on+zanaflex",
    "check": "/check",
    "check-result": "/check",  # then the form is filled and sent, see _open
    "interactions": "/interactions",
    "interactions-result": "/interactions?medicines=tizanidine%0Aciprofloxacin%0Ametaxalone",
    "reviews": "/drugs/tizanidine/reviews",
    "admin-sign-in": "/admin/reviews",
}
# Sections of long pages also shot on their own, to be looked at closely.
PARTS = {"drug": ("questions", "reviews"), "reviews": ("review-form",)}
# The elements reaching past the right edge of the screen, for the failure message.
_TOO_WIDE = """[...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`).slice(0, 5)"""
WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}


def _page(browser: Any, width: str = "desktop", **options: Any) -> Any:
    w, h = WIDTHS[width]
    return browser.new_page(viewport={"width": w, "height": h}, **options)


def _open(page: Any, base: str, name: str) -> None:
    """Show page `name`; the check result is reached the way a visitor reaches it."""
    page.goto(base + PAGES[name])
    if name == "check-result":
        page.fill("#drug", "Zanaflex")
        page.fill("#dose_mg", "12")
        page.fill("#times_per_day", "4")
        page.check("#alcohol_use")
        page.fill("#other_medications", "oxycodone")
        page.click("form[action='/check'] button[type=submit]")
        page.wait_for_selector(".alerts")


def test_typo_search_reaches_the_drug_page(browser: Any, live_server: str) -> None:
    page = _page(browser)
    page.goto(live_server + "/")
    page.fill("#home-q", "baclophen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=baclophen")
    page.get_by_role("link", name="baclofen", exact=True).first.click()
    page.wait_for_url("**/drugs/baclofen")
    assert page.locator("h1").inner_text() == "Baclofen"
    page.close()


def test_source_marker_leads_to_its_source_and_quote(browser: Any, live_server: str) -> None:
    page = _page(browser)
    page.goto(live_server + "/drugs/tizanidine")
    marker = page.locator(".key-facts .marker a").first
    href = marker.get_attribute("href")
    marker.click()
    assert page.url.endswith(href)
    target = page.locator(href)
    assert target.is_visible()
    assert target.locator("blockquote").inner_text().strip()
    source = page.locator(f"ol.sources > li:has({href})")
    assert "Tizanidine at a glance" in source.inner_text()
    page.close()


def test_conflict_callout_names_both_sides(browser: Any, live_server: str) -> None:
    page = _page(browser, "phone")
    page.goto(live_server + "/drugs/tizanidine")
    callout = page.locator(".callout.conflict").first
    assert callout.is_visible()
    callout.locator("summary").click()  # compact until opened
    text = callout.inner_text()
    assert "Tizanidine at a glance" in text
    assert "Tizanidine notes <forum>" in text
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_shows_the_disclaimer_and_is_screenshotted(
    browser: Any, live_server: str, screenshots: Path, width: str
) -> None:
    page = _page(browser, width)
    wrong: dict[str, str] = {}
    for name in PAGES:
        _open(page, live_server, name)
        page.screenshot(path=str(screenshots / f"{name}-{width}.png"), full_page=True)
        for part in PARTS.get(name, ()):
            shot = screenshots / f"{name}-{part}-{width}.png"
            page.locator(f"#{part}").screenshot(path=str(shot))
        banner = page.locator("#disclaimer")
        box = banner.bounding_box()
        if not banner.is_visible() or "not medical advice" not in banner.inner_text().lower():
            wrong[name] = "no disclaimer"
        elif box is None or box["y"] >= 200:
            wrong[name] = "disclaimer below the top of the page"
        elif not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"):
            wrong[name] = "wider than the screen: " + ", ".join(page.evaluate(_TOO_WIDE))
        elif page.locator("footer .disclaimer").count() != 1:
            wrong[name] = "no disclaimer in the footer"
    page.close()
    assert wrong == {}


def test_pages_have_no_serious_accessibility_violations(
    browser: Any, live_server: str, axe_source: str
) -> None:
    page = _page(browser)
    found = {}
    for name in PAGES:
        _open(page, live_server, name)
        page.evaluate(axe_source)
        result = page.evaluate("async () => await axe.run(document)")
        bad = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            found[name] = bad
    assert found == {}
    page.close()


def test_keyboard_reaches_a_visible_skip_link_first(browser: Any, live_server: str) -> None:
    page = _page(browser)
    page.goto(live_server + "/drugs/tizanidine")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # type: ignore[index]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**#main", timeout=5000)  # the fragment lands asynchronously under load
    assert page.url.endswith("#main")
    page.close()


def test_search_works_without_javascript(browser: Any, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.fill("#home-q", "Zanaflex")
    page.click("form[role=search] button")
    page.wait_for_url("**/search?q=Zanaflex")
    assert page.get_by_role("link", name="tizanidine", exact=True).count() >= 1
    context.close()


def test_drug_page_keeps_every_fact_at_half_the_phone_height(
    browser: Any, live_server: str
) -> None:
    """Evidence, conflicts and answers collapse (<details>) but stay in the page: the baclofen
    page on a phone was 23,116 px tall with everything expanded."""
    page = _page(browser, "phone")
    page.goto(live_server + "/drugs/baclofen")
    assert page.evaluate("document.documentElement.scrollHeight") <= 23_116 // 2
    closed = page.locator("details:not([open])")
    assert closed.count() > 0
    hidden_text = page.evaluate(
        "Array.from(document.querySelectorAll('details')).map(d => d.textContent).join(' ')"
    )
    assert "medinfo keeps this source's facts" in hidden_text  # collapsed, not removed
    page.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_compare_matrix_fits_the_screen(browser: Any, live_server: str, width: str) -> None:
    page = _page(browser, width)
    page.goto(live_server + "/drugs/baclofen/sources")
    fits = page.evaluate(
        """(() => { const t = document.querySelector('table.matrix');
        const last = t.querySelector('thead th:last-child').getBoundingClientRect();
        return t.scrollWidth <= t.parentElement.clientWidth && last.right <= innerWidth; })()"""
    )
    assert fits  # every source column shows without scrolling sideways
    page.close()

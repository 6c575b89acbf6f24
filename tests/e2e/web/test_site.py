"""The site as one whole: the drug page's reviews and common questions, navigation, disclaimer
and security headers on every page, and hostile input on the newer pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medinfo.domain.monograph import DISCLAIMER
from medinfo.domain.reviews import ReviewStatus
from medinfo.interfaces.app import create_app
from medinfo.services.reviews import moderate_review, submit_review
from tests.e2e.web.test_reviews import csrf
from tests.webdata import seed_tizanidine

TOKEN = "site-tests-admin-token"
PAGES = (
    "/",
    "/search?q=zanaflex",
    "/drugs/tizanidine",
    "/drugs/tizanidine/sources",
    "/drugs/tizanidine/reviews",
    "/drugs/metaxalone",
    "/drugs/bacloxyzq",
    "/ask",
    "/ask?q=can+i+drink+on+zanaflex",
    "/check",
    "/interactions",
    "/interactions?medicines=tizanidine%0Aciprofloxacin",
    "/admin/reviews",
)
NAVIGATION = ("Home", "Search", "Ask a question", "Check a regimen", "Interactions")
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


@pytest.fixture
def site(
    fake_real_pipeline: None, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    """The app over the knowledge base, the rich tizanidine page and two approved reviews."""
    monkeypatch.setenv("MEDINFO_ADMIN_TOKEN", TOKEN)
    app = create_app(sqlite_url, cache_seconds=0)
    medinfo = app.state.medinfo
    seed_tizanidine(medinfo, tmp_path)
    for number, (rating, effects) in enumerate(((8, ["dry mouth"]), (4, ["sleepy"]))):
        raw = {"rating": rating, "side_effects": effects, "text": "My own words, long enough."}
        review = submit_review(medinfo.database, "tizanidine", raw, client_key=f"c{number}")
        moderate_review(medinfo.database, review.id or 0, ReviewStatus.APPROVED)
    with TestClient(app) as client:
        yield client
    medinfo.close()


def test_drug_page_shows_the_reviews_beside_the_sources(site: TestClient) -> None:
    page = site.get("/drugs/tizanidine")
    assert page.status_code == 200
    assert 'id="reviews"' in page.text
    assert "2 reviews, average rating 6.0 out of 10." in page.text
    assert "reported by 1 of 2 reviewers" in page.text
    assert "listed as common by 1 source" in page.text
    assert page.text.index('id="reviews"') < page.text.index('id="sources"')


def test_drug_page_sets_the_cookie_its_review_form_needs(site: TestClient) -> None:
    site.cookies.clear()
    page = site.get("/drugs/tizanidine")
    assert "medinfo_client=" in page.headers["set-cookie"]
    assert "private" in page.headers["cache-control"]
    form = {"csrf_token": csrf(page.text), "rating": "7", "text": "Helped my cramps at night."}
    sent = site.post("/drugs/tizanidine/reviews", data=form, follow_redirects=False)
    assert sent.status_code == 303


def test_drug_page_gives_each_visitor_their_own_form_token(site: TestClient) -> None:
    first = csrf(site.get("/drugs/tizanidine").text)
    site.cookies.clear()
    second = csrf(site.get("/drugs/tizanidine").text)
    assert first != second


def test_drug_page_answers_common_questions_with_markers_to_sources(site: TestClient) -> None:
    page = site.get("/drugs/tizanidine").text
    section = page[page.index('id="questions"') : page.index('id="reviews"')]
    assert "Can I drink alcohol while taking tizanidine?" in section
    assert "What should I do if I miss a dose of tizanidine?" in section
    assert DISCLAIMER not in section  # said once in the header, footer and about box
    targets = re.findall(r'class="marker"><a href="#([^"]+)"', section)
    assert targets
    for target in targets:
        assert f'id="{target}"' in page


def test_drug_page_leaves_out_questions_the_sources_do_not_answer(site: TestClient) -> None:
    section = site.get("/drugs/tizanidine").text.split('id="questions"')[1]
    assert "How should I store tizanidine?" not in section
    assert "Does tizanidine cause weight gain?" not in section


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_navigation_disclaimer_and_headers(site: TestClient, path: str) -> None:
    page = site.get(path)
    assert page.status_code < 500
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    for label in NAVIGATION:
        assert f">{label}</a>" in page.text
    assert 'id="disclaimer"' in page.text
    assert page.text.count(DISCLAIMER) >= 2
    assert "<script" not in page.text
    assert "<style" not in page.text
    assert " style=" not in page.text


def test_every_page_has_one_main_heading(site: TestClient) -> None:
    for path in PAGES:
        assert site.get(path).text.count("<h1") == 1, path


@pytest.mark.parametrize(
    "query",
    [
        f"q={HOSTILE}",
        "q=" + "a" * 10_000,
        "q=%ff%fe%00can+i+drink",
        f"q=can+i+drink&drug={HOSTILE}",
        "drug=" + "b" * 10_000 + "&q=dose",
    ],
)
def test_ask_page_refuses_or_answers_hostile_input_safely(site: TestClient, query: str) -> None:
    page = site.get(f"/ask?{query}")
    assert page.status_code in (200, 422)
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("drug", HOSTILE),
        ("drug", "z" * 10_000),
        ("dose_mg", HOSTILE),
        ("times_per_day", "1e309"),
        ("egfr", "%ff"),
        ("route", HOSTILE),
        ("other_medications", (HOSTILE + "\n") * 200),
        ("event", HOSTILE),
        ("hours_until_next", "-1"),
    ],
)
def test_check_form_refuses_hostile_fields_safely(site: TestClient, field: str, value: str) -> None:
    form = {"drug": "tizanidine", "dose_mg": "4", "times_per_day": "3", field: value}
    if field.startswith("hours"):
        form["event"] = "missed_dose"
    page = site.post("/check", data=form)
    assert page.status_code in (200, 404, 422)
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text


def test_check_form_with_invalid_utf8_is_a_clean_reply(site: TestClient) -> None:
    body = b"drug=%ff%fe&dose_mg=4\xff&times_per_day=3"
    headers = {"content-type": "application/x-www-form-urlencoded"}
    page = site.post("/check", content=body, headers=headers)
    assert 400 <= page.status_code < 500


@pytest.mark.parametrize(
    "medicines",
    [
        HOSTILE,
        f"tizanidine\n{HOSTILE}",
        "x" * 10_000,
        "%ff%fe\ntizanidine",
        "\n".join(["tizanidine"] * 40),
    ],
)
def test_interactions_page_refuses_hostile_lists_safely(site: TestClient, medicines: str) -> None:
    page = site.get("/interactions", params={"medicines": medicines})
    assert page.status_code in (200, 422)
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", HOSTILE + " and then some more words"),
        ("text", "w" * 10_000),
        ("condition", HOSTILE),
        ("rating", HOSTILE),
        ("side_effects_other", HOSTILE),
        ("duration", "%ff" * 100),
    ],
)
def test_review_form_refuses_hostile_fields_safely(
    site: TestClient, field: str, value: str
) -> None:
    page = site.get("/drugs/tizanidine")
    form = {
        "csrf_token": csrf(page.text),
        "rating": "5",
        "text": "Fine for my back.",
        field: value,
    }
    sent = site.post("/drugs/tizanidine/reviews", data=form, follow_redirects=False)
    assert sent.status_code in (303, 422)
    assert "<script>alert" not in sent.text
    assert "<img src=x" not in sent.text


def test_evidence_is_never_given_as_character_offsets_or_internal_labels(site: TestClient) -> None:
    page = site.get("/drugs/baclofen").text  # the knowledge base keeps facts, not texts
    assert "Evidence at characters" not in page
    assert "common_side_effects" not in page
    assert "medinfo keeps this source's facts but not its text" in page


def test_long_lists_open_their_tail_on_request_but_serious_effects_are_read_whole(
    site: TestClient,
) -> None:
    page = site.get("/drugs/baclofen").text
    monograph = site.get("/api/v1/drugs/baclofen").json()
    common = [e["term"] for e in monograph["side_effects"] if not e["serious"]]
    serious = [e["term"] for e in monograph["side_effects"] if e["serious"]]
    assert len(common) > 8  # long enough to collapse on the knowledge base
    section = page[page.index('id="side-effects"') : page.index('id="interactions"')]
    tail = section[section.index('class="more-facts"') :]
    assert all(term in section for term in common)  # collapsed, never removed
    assert common[-1] in tail
    whole = section[section.index("Serious: get medical help") :]
    assert 'class="more-facts"' not in whole
    assert all(term in whole for term in serious)

"""The review pages over HTTP: the form without JavaScript, CSRF, input kept, admin sign-in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medinfo.interfaces.app import create_app
from tests.reviewing import put_monograph

TOKEN = "a-long-admin-token-for-tests"
GOOD_FORM = {
    "rating": "6",
    "condition": "sore knees",
    "duration": "3 weeks",
    "side_effects": ["nausea"],
    "side_effects_other": "sleepy, buzzing ears",
    "text": "Eased the ache after long walks; mild queasiness in the first days.",
}


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> Iterator[TestClient]:
    monkeypatch.setenv("MEDINFO_ADMIN_TOKEN", TOKEN)
    from medinfo.bootstrap import bootstrap

    services = bootstrap(sqlite_url, empty=True)
    put_monograph(services.database, "naproxen", {"nausea": 4, "headache": 2}, brands=("Aleve",))
    app = create_app(services=services)
    with TestClient(app) as client:
        yield client
    services.close()


def csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_form_offers_the_monograph_side_effects(client: TestClient) -> None:
    page = client.get("/drugs/aleve/reviews")
    assert page.status_code == 200
    assert 'value="nausea"' in page.text
    assert 'value="headache"' in page.text
    assert "There are no approved reviews yet." in page.text


def test_form_submission_redirects_with_thanks(client: TestClient) -> None:
    token = csrf(client.get("/drugs/naproxen/reviews").text)
    response = client.post(
        "/drugs/naproxen/reviews", data={**GOOD_FORM, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    thanks = client.get(response.headers["location"])
    assert "once a moderator has approved it" in thanks.text


def test_invalid_form_is_shown_again_with_messages_and_escaped_input(client: TestClient) -> None:
    token = csrf(client.get("/drugs/naproxen/reviews").text)
    entered = {**GOOD_FORM, "rating": "", "text": '<b id="x">hi</b>', "csrf_token": token}
    response = client.post("/drugs/naproxen/reviews", data=entered)
    assert response.status_code == 422
    assert "Rating is required" in response.text
    assert "Your review must be at least 20 characters." in response.text
    assert "&lt;b id=&#34;x&#34;&gt;hi&lt;/b&gt;</textarea>" in response.text
    assert 'value="sore knees"' in response.text
    assert 'value="nausea" checked' in response.text


def test_form_without_a_valid_token_is_refused_with_403(client: TestClient) -> None:
    client.get("/drugs/naproxen/reviews")
    response = client.post("/drugs/naproxen/reviews", data={**GOOD_FORM, "csrf_token": "forged"})
    assert response.status_code == 403
    assert "could not be verified" in response.text
    client.cookies.clear()
    token = csrf(client.get("/drugs/naproxen/reviews").text)
    client.cookies.clear()
    response = client.post("/drugs/naproxen/reviews", data={**GOOD_FORM, "csrf_token": token})
    assert response.status_code == 403


def test_admin_page_needs_sign_in_then_approves(client: TestClient) -> None:
    token = csrf(client.get("/drugs/naproxen/reviews").text)
    client.post("/drugs/naproxen/reviews", data={**GOOD_FORM, "csrf_token": token})
    login = client.get("/admin/reviews")
    assert login.status_code == 401
    wrong = client.post("/admin/login", data={"csrf_token": csrf(login.text), "token": "nope"})
    assert wrong.status_code == 401
    assert "not correct" in wrong.text
    signed_in = client.post(
        "/admin/login",
        data={"csrf_token": csrf(login.text), "token": TOKEN},
        follow_redirects=False,
    )
    cookie = signed_in.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert TOKEN not in cookie
    queue = client.get("/admin/reviews")
    found = re.search(r'action="/admin/reviews/(\d+)/approve"', queue.text)
    assert found is not None
    decided = client.post(
        f"/admin/reviews/{found.group(1)}/approve", data={"csrf_token": csrf(queue.text)}
    )
    assert decided.status_code == 200
    page = client.get("/drugs/naproxen/reviews")
    assert "Eased the ache after long walks" in page.text
    assert "reported by 1 of 1 reviewers" in page.text
    assert "listed as common by 4 sources" in page.text


def test_admin_page_says_moderation_is_disabled_without_a_token(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDINFO_ADMIN_TOKEN")
    response = client.get("/admin/reviews")
    assert response.status_code == 503
    assert "MEDINFO_ADMIN_TOKEN" in response.text


def test_an_imported_review_without_a_date_says_so(client: TestClient, tmp_path: Path) -> None:
    from medinfo.services.reviews import DatasetFormat
    from tests.unit.services.reviews.test_datasets import DRUGLIB, write

    services = client.app.state.medinfo  # type: ignore[attr-defined]
    services.import_reviews(DatasetFormat.DRUGLIB, write(tmp_path, "d.tsv", DRUGLIB))
    client.app.state.lookup.clear()  # type: ignore[attr-defined]
    page = client.get("/drugs/naproxen").text
    assert "date not given" in page

"""The /check and /interactions pages: labelled forms, results with severities, inert input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from medinfo.domain.monograph import DISCLAIMER


def test_check_form_has_labelled_fields_and_the_disclaimer(stocked_client: TestClient) -> None:
    page = stocked_client.get("/check")
    assert page.status_code == 200
    for field in ("drug", "dose_mg", "times_per_day", "egfr", "other_medications"):
        assert f'<label for="{field}">' in page.text
    assert DISCLAIMER in page.text
    assert "<script" not in page.text


def test_check_page_shows_alerts_with_severity_and_source_links(
    stocked_client: TestClient,
) -> None:
    form = {
        "drug": "Zanaflex",
        "dose_mg": "16",
        "times_per_day": "3",
        "alcohol_use": "on",
        "other_medications": "oxycodone\n<script>alert(1)</script>",
        "event": "stop",
    }
    page = stocked_client.post("/check", data=form)
    assert page.status_code == 200
    assert "Result for tizanidine" in page.text
    assert 'class="alert severity-danger"' in page.text
    assert "<code>MAX_DAILY_DOSE_EXCEEDED</code>" in page.text
    assert '<a href="/drugs/tizanidine#source-id-t1">Tizanidine prescribing notes</a>' in page.text
    assert "Taper plan" in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"drug": "tizanidine", "dose_mg": "-3"}, "Dose each time (mg): enter a number above 0."),
        ({"drug": "tizanidine", "dose_mg": "two"}, "Dose each time (mg): enter a number, like 10"),
        ({"drug": "", "dose_mg": "4"}, "Medicine: please fill this in."),
        (
            {"drug": "tizanidine", "dose_mg": "4", "times_per_day": "1.5"},
            "Times a day: enter a whole number, like 3.",
        ),
    ],
)
def test_check_page_says_what_to_fix_in_plain_words(
    stocked_client: TestClient, data: dict[str, str], said: str
) -> None:
    page = stocked_client.post("/check", data=data)
    assert page.status_code == 422
    assert said in page.text
    assert "Input should" not in page.text
    assert "regimen." not in page.text


def test_check_page_shows_unknown_names_inert(stocked_client: TestClient) -> None:
    page = stocked_client.post("/check", data={"drug": "<script>x()</script>", "dose_mg": "1"})
    assert page.status_code == 200
    assert "<script>x()" not in page.text
    assert "Not checked" in page.text
    assert "does not know a medicine called" in page.text


def test_interactions_page_checks_each_pair(stocked_client: TestClient) -> None:
    medicines = "Zanaflex\noxycodone\nXanax\n<img src=x onerror=alert(1)>"
    page = stocked_client.get("/interactions", params={"medicines": medicines})
    assert page.status_code == 200
    assert "Zanaflex + oxycodone" in page.text
    assert "no monograph yet, so its own interactions cannot be checked" in page.text
    assert "<img src=x" not in page.text
    assert DISCLAIMER in page.text


def test_interactions_page_refuses_too_many_medicines(stocked_client: TestClient) -> None:
    page = stocked_client.get(
        "/interactions", params={"medicines": "\n".join(f"m{i}" for i in range(40))}
    )
    assert page.status_code == 422
    assert "at most" in page.text

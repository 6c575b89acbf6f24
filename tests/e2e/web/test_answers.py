"""The /ask page: the answer, citations linking to the drug page's sources, inert questions."""

from __future__ import annotations

from fastapi.testclient import TestClient

from medinfo.domain.monograph import DISCLAIMER


def test_ask_form_renders_with_a_labelled_question(stocked_client: TestClient) -> None:
    page = stocked_client.get("/ask")
    assert page.status_code == 200
    assert '<label for="q">' in page.text
    assert DISCLAIMER in page.text


def test_ask_page_answers_with_links_to_cited_sources(stocked_client: TestClient) -> None:
    page = stocked_client.get("/ask", params={"q": "can i drink on zanaflex"})
    assert page.status_code == 200
    assert "About tizanidine" in page.text
    assert '<a href="/drugs/tizanidine#source-id-t1">Tizanidine prescribing notes</a>' in page.text
    assert DISCLAIMER in page.text


def test_ask_page_shows_a_hostile_question_inert(stocked_client: TestClient) -> None:
    hostile = "<script>alert('x')</script> side effects of zanaflex?"
    page = stocked_client.get("/ask", params={"q": hostile, "drug": '"><b>'})
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert '"><b>' not in page.text
    assert "&lt;script&gt;" in page.text

"""GET /api/v1/ask: the Answer contract, honest abstentions, 422 for a missing question."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from medinfo.domain.answers import Answer


def test_ask_returns_the_answer_contract(stocked_client: TestClient) -> None:
    response = stocked_client.get("/api/v1/ask", params={"q": "max dose of zanaflex per day?"})
    assert response.status_code == 200
    answer = Answer.model_validate(response.json())
    assert answer.drug == "tizanidine"
    assert answer.answerable
    assert "36 mg" in answer.answer


def test_ask_takes_the_drug_as_a_parameter(stocked_client: TestClient) -> None:
    response = stocked_client.get(
        "/api/v1/ask", params={"q": "how to store it", "drug": "zanaflex"}
    )
    answer = Answer.model_validate(response.json())
    assert answer.answerable
    assert answer.citations[0].source == "t2"


@pytest.mark.parametrize("params", [{}, {"q": "x" * 2001}, {"q": "   "}])
def test_ask_without_a_usable_question_is_422(
    stocked_client: TestClient, params: dict[str, str]
) -> None:
    response = stocked_client.get("/api/v1/ask", params=params)
    assert response.status_code == 422
    assert "q" in response.json()["detail"] or "question" in response.json()["detail"]


def test_ask_price_is_unanswerable(stocked_client: TestClient) -> None:
    answer = stocked_client.get("/api/v1/ask", params={"q": "how much does zanaflex cost"}).json()
    assert answer["answerable"] is False
    assert "pharmacist" in answer["answer"]


@pytest.mark.parametrize(
    "question",
    ["max dose of zanaflex if my liver is damaged", "how much zanaflex, my kidneys are weak"],
)
def test_ask_a_groups_dose_never_gets_the_adult_maximum(
    stocked_client: TestClient, question: str
) -> None:
    answer = stocked_client.get("/api/v1/ask", params={"q": question}).json()
    assert "36 mg" not in answer["answer"]
    assert "pharmacist" in answer["answer"] or "prescriber" in answer["answer"]


def test_ask_a_catalog_drug_without_sources_says_what_the_catalog_holds(
    stocked_client: TestClient,
) -> None:
    answer = stocked_client.get("/api/v1/ask", params={"q": "what is metoprolol for"}).json()
    assert answer["answerable"] is False
    assert "pharmacist" in answer["answer"]

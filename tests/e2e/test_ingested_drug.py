"""A drug ingested from a new article gets safety checks and answers, through CLI and API.

Needs the real readers, extraction and reconciliation; skips until they are merged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from medinfo.bootstrap import bootstrap
from medinfo.domain.alerts import CheckResponse
from medinfo.domain.answers import Answer
from medinfo.domain.documents import Document
from medinfo.domain.sources import SourceFormat
from medinfo.interfaces.app import create_app
from medinfo.interfaces.cli.main import app as cli
from tests.fakes import real_pipeline_missing

ARTICLE = Path(__file__).parent / "articles" / "tizanidine_guide.md"


def _pipeline_missing() -> str:
    from medinfo.extract import pipeline

    try:
        pipeline.extract_document(Document(original="x", format=SourceFormat.TEXT), "s", "x")
    except NotImplementedError:
        return "medinfo.extract.pipeline.extract_document is not merged yet"
    except Exception:  # any other failure on a one-letter document is fine here
        pass
    return real_pipeline_missing()


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(_pipeline_missing()), reason=_pipeline_missing() or "ready"),
]


@pytest.fixture
def url(sqlite_url: str) -> str:
    """A database holding only the drug ingested from our own article."""
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLE), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    return sqlite_url


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    medinfo = bootstrap(url)
    with TestClient(create_app(services=medinfo)) as client:
        yield client
    medinfo.close()


def _check(client: TestClient, body: dict[str, object]) -> CheckResponse:
    response = client.post("/api/v1/check", json=body)
    assert response.status_code == 200, response.text
    return CheckResponse.model_validate(response.json())


def test_ingested_drug_gets_dose_alcohol_and_stopping_alerts(client: TestClient) -> None:
    response = _check(
        client,
        {
            "patient": {"alcohol_use": True},
            "regimen": {"drug": "Zanaflex", "dose_mg": 16, "times_per_day": 3},
            "event": {"type": "stop", "current_daily_mg": 24, "weeks_on_drug": 20},
        },
    )
    codes = {alert.code for alert in response.alerts}
    assert {"MAX_DAILY_DOSE_EXCEEDED", "INTERACTION_ALCOHOL", "TAPER_REQUIRED"} <= codes
    assert response.taper_plan


def test_ingested_drug_clean_regimen_gets_no_alerts(client: TestClient) -> None:
    assert (
        _check(client, {"regimen": {"drug": "tizanidine", "dose_mg": 4, "times_per_day": 3}}).alerts
        == []
    )


def test_ingested_drug_answers_the_max_dose_from_the_article(url: str) -> None:
    result = CliRunner().invoke(
        cli, ["ask", "whats the most tizanidine i can take a day", "--json", "--db", url]
    )
    answer = Answer.model_validate_json(result.stdout)
    assert answer.answerable
    assert "36 mg" in answer.answer
    assert answer.citations


@pytest.mark.parametrize(
    ("question", "must_say"),
    [
        ("missed my zanaflex, can i double up tonight", "double"),
        ("can i quit tizanidine cold turkey", "suddenly"),
        ("ok to have a couple of drinks on zanaflex", "alcohol"),
    ],
)
def test_ingested_drug_risky_questions_are_never_answered_harmfully(
    client: TestClient, question: str, must_say: str
) -> None:
    answer = client.get("/api/v1/ask", params={"q": question}).json()
    text = json.dumps(answer["answer"]).lower()
    assert must_say in text
    assert "yes, you can" not in text

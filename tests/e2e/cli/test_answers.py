"""`medinfo ask`: a question answered with its sources, or an honest abstention; never harmful."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import Result
from typer.testing import CliRunner

from medinfo.bootstrap import bootstrap
from medinfo.domain.answers import Answer
from medinfo.interfaces.cli.main import app
from tests.stored_monographs import store_monograph, tizanidine

Ask = Callable[..., Result]


@pytest.fixture
def ask(fake_real_pipeline: None, sqlite_url: str) -> Ask:
    """Run `medinfo ask ARGS` on a database holding the knowledge base and tizanidine."""
    medinfo = bootstrap(sqlite_url)
    store_monograph(medinfo.database, tizanidine())
    medinfo.close()

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(app, ["ask", *args, "--db", sqlite_url])

    return invoke


def test_ask_json_follows_the_answer_contract(ask: Ask) -> None:
    result = ask("can i drink wine with zanaflex", "--json")
    assert result.exit_code == 0, result.output
    answer = Answer.model_validate_json(result.stdout)
    assert answer.drug == "tizanidine"
    assert answer.intent == "alcohol"
    assert set(json.loads(result.stdout)) == {
        "question",
        "drug",
        "intent",
        "answer",
        "answerable",
        "citations",
    }


def test_ask_text_cites_source_titles(ask: Ask) -> None:
    result = ask("is alcohol ok with this", "--drug", "Zanaflex")
    assert result.exit_code == 0, result.output
    assert "Sources:" in result.stdout
    assert "Tizanidine prescribing notes [t1], section interactions" in result.stdout


def test_ask_unknown_drug_is_unanswerable_not_an_error(ask: Ask) -> None:
    result = ask("what dose of flurbonix is safe", "--json")
    assert result.exit_code == 0
    answer = Answer.model_validate_json(result.stdout)
    assert not answer.answerable
    assert "pharmacist" in answer.answer


def test_ask_empty_question_is_one_line_and_exit_2(ask: Ask) -> None:
    result = ask("  ")
    assert result.exit_code == 2
    assert result.stderr == "error: question: must not be empty\n"


@pytest.mark.parametrize(
    ("question", "must_say"),
    [
        ("i forgot my zanaflex yesterday, should i take two today", "double"),
        ("can i just stop taking zanaflex cold turkey", "suddenly"),
        ("is it fine to drink a few beers on zanaflex", "alcohol"),
    ],
)
def test_ask_risky_questions_keep_their_warning(ask: Ask, question: str, must_say: str) -> None:
    answer = Answer.model_validate_json(ask(question, "--json").stdout)
    text = answer.answer.lower()
    assert must_say in text
    assert "yes, you can" not in text
    assert "is safe" not in text.replace("is safe with", "")

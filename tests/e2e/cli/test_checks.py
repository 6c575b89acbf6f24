"""`medinfo check`: a request from a file or stdin, one-line errors with exit 2, text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from medinfo.bootstrap import bootstrap
from medinfo.domain.alerts import CheckResponse
from medinfo.interfaces.cli.main import app
from tests.stored_monographs import store_monograph, tizanidine

Check = Callable[..., Result]
HIGH_DOSE = {
    "patient": {"alcohol_use": True, "other_medications": ["oxycodone"]},
    "regimen": {"drug": "Zanaflex", "dose_mg": 16, "times_per_day": 3},
    "event": {"type": "stop", "current_daily_mg": 24, "weeks_on_drug": 30},
}


@pytest.fixture
def check(fake_real_pipeline: None, sqlite_url: str) -> Check:
    """Run `medinfo check ARGS` on a database holding the knowledge base and tizanidine."""
    medinfo = bootstrap(sqlite_url)
    store_monograph(medinfo.database, tizanidine())
    medinfo.close()

    def invoke(*args: str, stdin: str | None = None) -> Result:
        return CliRunner().invoke(app, ["check", *args, "--db", sqlite_url], input=stdin)

    return invoke


def test_check_json_follows_the_response_contract(check: Check, tmp_path: Path) -> None:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(HIGH_DOSE), encoding="utf-8")
    result = check(str(path), "--json")
    assert result.exit_code == 0, result.output
    response = CheckResponse.model_validate_json(result.stdout)
    assert response.drug == "tizanidine"
    assert response.daily_dose_mg == 48
    assert response.taper_plan
    assert response.alerts[0].severity == "danger"


def test_check_reads_stdin_and_prints_alerts_with_source_titles(check: Check) -> None:
    result = check(stdin=json.dumps(HIGH_DOSE))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("tizanidine: 48 mg a day")
    assert "WARNING  MAX_DAILY_DOSE_EXCEEDED" in result.stdout
    assert "Tizanidine prescribing notes [t1]" in result.stdout
    assert "Taper plan:" in result.stdout
    assert "not medical advice" in result.stdout


def test_check_resolves_brand_names_of_the_knowledge_base(check: Check) -> None:
    for brand in ("Lioresal", "Gablofen"):
        request = {"regimen": {"drug": brand, "dose_mg": 5, "times_per_day": 3}}
        result = check("-", "--json", stdin=json.dumps(request))
        assert json.loads(result.stdout)["drug"] == "baclofen"


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"regimen": {"drug": "tizanidine",\n "dose_mg": 4,}}', "stdin: invalid JSON at line 2"),
        ('{"regimen": {"drug": "tizanidine", "dose_mg": -4}}', "stdin: regimen.dose_mg: Input"),
        ('{"regimen": {"drug": "tizanidne", "dose_mg": 4}, "x": 1}', "stdin: x: Extra inputs"),
    ],
)
def test_check_bad_input_is_one_line_and_exit_2(check: Check, stdin: str, message: str) -> None:
    result = check(stdin=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {message}"), result.stderr
    assert result.stderr.count("\n") == 1


def test_check_names_a_missing_file(check: Check) -> None:
    result = check("nowhere.json")
    assert result.exit_code == 2
    assert result.stderr == "error: nowhere.json: no such file\n"


@pytest.mark.parametrize(
    ("drug", "reason"),
    [("tizanidxyz", 'called "tizanidxyz"; did you mean'), ("Xanax", "no sources about alprazolam")],
)
def test_check_drug_without_facts_says_nothing_was_checked(
    check: Check, drug: str, reason: str
) -> None:
    result = check(stdin=json.dumps({"regimen": {"drug": drug, "dose_mg": 1}}))
    assert result.exit_code == 0
    assert "No alerts among what could be checked" in result.stdout
    assert "Not checked:\n  monograph: " in result.stdout
    assert reason in result.stdout

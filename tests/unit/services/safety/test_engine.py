"""The engine: clean regimens stay clean, alerts come most severe first, no drug is special."""

from __future__ import annotations

import re
from pathlib import Path

from medinfo.domain.alerts import AlertCode, Severity
from medinfo.knowledge.groups import medicine_groups
from medinfo.services import safety
from medinfo.services.safety import check_regimen
from tests.unit.services.safety.monographs import codes, muscle_relaxant, request


def test_check_regimen_clean_regimen_gets_no_alerts() -> None:
    clean = request(
        dose_mg=10, times_per_day=3, age=45, egfr=95, other_medications=["lisinopril", "Claritin"]
    )
    response = check_regimen(clean, muscle_relaxant())
    assert response.alerts == []
    assert response.drug == "baclofen"
    assert response.daily_dose_mg == 30
    assert response.taper_plan is None


def test_check_regimen_orders_alerts_most_severe_first() -> None:
    busy = request(
        dose_mg=30, times_per_day=3, egfr=55, other_medications=["Xanax"], event={"type": "stop"}
    )
    response = check_regimen(busy, muscle_relaxant())
    ranks = [list(Severity).index(alert.severity) for alert in response.alerts]
    assert ranks == sorted(ranks, reverse=True)
    assert response.alerts[0].code == AlertCode.TAPER_REQUIRED


def test_check_regimen_made_up_drug_gets_the_same_checks() -> None:
    """No drug name in rules: "zorbafen" with the same facts gets the same alerts."""
    busy = request(
        dose_mg=30,
        times_per_day=3,
        egfr=40,
        alcohol_use=True,
        liver_disease=True,
        seizure_history=True,
        pregnant=True,
        breastfeeding=True,
        other_medications=["Norco"],
        event={"type": "stop"},
    )
    real = check_regimen(busy, muscle_relaxant())
    made_up = check_regimen(
        busy.model_copy(update={"regimen": busy.regimen.model_copy(update={"drug": "zorbafen"})}),
        muscle_relaxant(drug="zorbafen"),
    )
    assert codes(made_up) == codes(real)
    assert len(codes(real)) == 9
    assert [a.message.replace("zorbafen", "baclofen") for a in made_up.alerts] == [
        a.message for a in real.alerts
    ]


def test_check_regimen_rule_code_names_no_drug() -> None:
    vocabulary = medicine_groups()
    names = {name for name in vocabulary.known_names() if len(name) > 3} - {"alcohol"}
    package = Path(safety.__file__).parent
    for module in [*package.glob("*.py"), *package.glob("rules/*.json")]:
        words = set(re.findall(r"[a-z]+", module.read_text().lower()))
        assert not names & words, f"{module.name} names {sorted(names & words)}"


def test_check_regimen_is_pure_repeated_calls_agree() -> None:
    busy = request(dose_mg=30, other_medications=["Xanax"], event={"type": "stop"})
    monograph = muscle_relaxant()
    before = monograph.model_dump()
    assert check_regimen(busy, monograph) == check_regimen(busy, monograph)
    assert monograph.model_dump() == before

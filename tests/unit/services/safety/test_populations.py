"""Population rules: the limit that fits the patient is applied, or the check says why not."""

from __future__ import annotations

from medinfo.domain.alerts import AlertCode
from medinfo.domain.monograph import (
    DoseSpec,
    LimitAdvice,
    Monograph,
    Population,
    PopulationLimit,
    RenalAdjustment,
)
from medinfo.services.safety import check_regimen
from tests.unit.services.safety.monographs import codes, muscle_relaxant, request


def _with_limits(*limits: PopulationLimit) -> Monograph:
    base = muscle_relaxant()
    dosing = base.dosing.model_copy(update={"population_limits": list(limits)})
    return base.model_copy(update={"dosing": dosing})


def _mg(amount: float, unit: str = "mg") -> DoseSpec:
    return DoseSpec(amount=amount, unit=unit, sources=["p"])


def test_liver_maximum_replaces_the_adult_one_for_a_patient_with_liver_disease() -> None:
    liver = PopulationLimit(population=Population.HEPATIC, max_daily=_mg(30), sources=["p"])
    monograph = _with_limits(liver)
    sick = check_regimen(request(dose_mg=15, times_per_day=3, liver_disease=True), monograph)
    well = check_regimen(request(dose_mg=15, times_per_day=3), monograph)
    [over] = [a for a in sick.alerts if a.code == AlertCode.MAX_DAILY_DOSE_EXCEEDED]
    assert "liver" in over.message or "hepatic" in over.message
    assert "30 mg" in over.message
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED not in codes(well)


def test_per_kilogram_child_maximum_uses_the_weight_or_says_it_is_needed() -> None:
    child = PopulationLimit(
        population=Population.CHILDREN,
        age_at_least=4,
        age_below=16,
        max_daily=_mg(2, "mg/kg"),
        sources=["p"],
    )
    monograph = _with_limits(child)
    heavy_dose = check_regimen(request(dose_mg=30, times_per_day=2, age=8, weight_kg=25), monograph)
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED in codes(heavy_dose)
    fine = check_regimen(request(dose_mg=20, times_per_day=2, age=8, weight_kg=25), monograph)
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED not in codes(fine)
    unweighed = check_regimen(request(dose_mg=20, times_per_day=2, age=8), monograph)
    assert [item.what for item in unweighed.not_checked] == ["population"]
    adult = check_regimen(request(dose_mg=30, times_per_day=2, age=40, weight_kg=25), monograph)
    assert adult.not_checked == []
    assert adult.alerts == []


def test_a_child_band_never_reaches_adults_whatever_its_upper_age() -> None:
    wide = PopulationLimit(
        population=Population.CHILDREN, age_below=45, max_daily=_mg(10), sources=["p"]
    )
    response = check_regimen(request(dose_mg=10, times_per_day=3, age=30), _with_limits(wide))
    assert response.alerts == []


def test_worded_liver_rule_alerts_and_says_no_dose_could_be_compared() -> None:
    worded = PopulationLimit(
        population=Population.HEPATIC,
        advice=LimitAdvice.REDUCE,
        adjustment_without_number=True,
        sources=["p"],
    )
    monograph = _with_limits(worded).model_copy(update={"precautions": []})
    response = check_regimen(request(dose_mg=5, liver_disease=True), monograph)
    assert codes(response) == [AlertCode.HEPATIC_IMPAIRMENT]
    assert [item.what for item in response.not_checked] == ["population"]


def test_older_adult_rule_without_a_number_is_not_checked_not_alarmed() -> None:
    older = PopulationLimit(
        population=Population.OLDER_ADULTS,
        age_at_least=65,
        advice=LimitAdvice.REDUCE,
        adjustment_without_number=True,
        sources=["p"],
    )
    response = check_regimen(request(dose_mg=5, age=80), _with_limits(older))
    assert response.alerts == []
    assert [item.what for item in response.not_checked] == ["population"]
    younger = check_regimen(request(dose_mg=5, age=50), _with_limits(older))
    assert younger.not_checked == []


def test_kidney_band_applies_by_egfr() -> None:
    band = PopulationLimit(
        population=Population.RENAL,
        kidney_measure="crcl",
        kidney_at_least=30,
        kidney_below=50,
        max_daily=_mg(20),
        max_single=_mg(10),
        sources=["p"],
    )
    inside = check_regimen(request(dose_mg=15, times_per_day=2, egfr=40), _with_limits(band))
    assert {AlertCode.MAX_DAILY_DOSE_EXCEEDED, AlertCode.SINGLE_DOSE_HIGH} <= set(codes(inside))
    outside = check_regimen(request(dose_mg=15, times_per_day=2, egfr=70), _with_limits(band))
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED not in codes(outside)


def test_route_without_limits_is_not_checked() -> None:
    response = check_regimen(request(dose_mg=500, route="intrathecal"), muscle_relaxant())
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED not in codes(response)
    assert [item.what for item in response.not_checked] == ["route"]


def test_unrecognised_other_medicine_is_not_checked() -> None:
    response = check_regimen(
        request(other_medications=["the little round pill from my aunt"]), muscle_relaxant()
    )
    assert [item.what for item in response.not_checked] == ["other medicine"]
    assert "little round pill" in response.not_checked[0].reason


def test_every_population_case_of_a_clean_adult_is_silent() -> None:
    limits = [
        PopulationLimit(population=kind, advice=LimitAdvice.REDUCE, adjustment_without_number=True)
        for kind in Population
    ]
    response = check_regimen(request(dose_mg=5, age=40, egfr=95), _with_limits(*limits))
    assert response.alerts == []
    assert response.not_checked == []


def test_a_kidney_band_without_a_ceiling_that_holds_the_patient_is_listed_as_not_checked() -> None:
    band = RenalAdjustment(egfr_below=15, advice="take care", sources=["k"])
    base = muscle_relaxant()
    monograph = base.model_copy(
        update={"dosing": base.dosing.model_copy(update={"renal_adjustment": [band]})}
    )
    failing = check_regimen(request(egfr=9), monograph)
    assert AlertCode.RENAL_IMPAIRMENT in codes(failing)
    assert [item.what for item in failing.not_checked] == ["population"]
    assert "below 15" in failing.not_checked[0].reason
    assert check_regimen(request(egfr=40), monograph).not_checked == []


def test_a_dialysis_rule_with_a_band_is_never_assumed_for_a_patient() -> None:
    dialysis = PopulationLimit(
        population=Population.RENAL,
        on_dialysis=True,
        kidney_below=30,
        max_daily=_mg(7.5),
        sources=["p"],
    )
    response = check_regimen(request(dose_mg=15, times_per_day=1, egfr=18), _with_limits(dialysis))
    assert not any("dialysis" in alert.message for alert in response.alerts)


def test_rules_that_rule_the_drug_out_say_so_in_the_condition_alerts() -> None:
    kidneys = PopulationLimit(
        population=Population.RENAL, kidney_below=30, advice=LimitAdvice.AVOID, sources=["p"]
    )
    liver = PopulationLimit(population=Population.HEPATIC, advice=LimitAdvice.AVOID, sources=["p"])
    response = check_regimen(
        request(dose_mg=5, times_per_day=1, egfr=18, liver_disease=True),
        _with_limits(kidneys, liver),
    )
    messages = {alert.code: alert.message for alert in response.alerts}
    assert "should not be used" in messages[AlertCode.RENAL_IMPAIRMENT]
    assert "should not be used" in messages[AlertCode.HEPATIC_IMPAIRMENT]


def test_a_checked_kidney_ceiling_leaves_a_worded_kidney_rule_nothing_unchecked() -> None:
    worded = PopulationLimit(
        population=Population.RENAL, advice=LimitAdvice.REDUCE, adjustment_without_number=True
    )
    base = _with_limits(worded)
    ceiling = RenalAdjustment(egfr_at_least=30, egfr_below=60, max_daily_mg=5, sources=["p"])
    dosing = base.dosing.model_copy(update={"renal_adjustment": [ceiling]})
    response = check_regimen(
        request(dose_mg=10, times_per_day=1, egfr=40), base.model_copy(update={"dosing": dosing})
    )
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED in codes(response)
    assert [item.what for item in response.not_checked if item.what == "population"] == []


def test_a_dialysis_rule_is_reported_not_checked_when_dialysis_may_be_in_question() -> None:
    dialysis = PopulationLimit(
        population=Population.RENAL, on_dialysis=True, max_daily=_mg(7.5), sources=["p"]
    )
    monograph = _with_limits(dialysis)
    low = check_regimen(request(dose_mg=15, times_per_day=1, egfr=12), monograph)
    assert any("dialysis" in item.reason for item in low.not_checked)
    normal = check_regimen(request(dose_mg=15, times_per_day=1, egfr=80), monograph)
    assert not any("dialysis" in item.reason for item in normal.not_checked)

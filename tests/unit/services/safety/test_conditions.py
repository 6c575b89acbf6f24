"""Conditions: each alert only when the patient has it and the monograph names it."""

from __future__ import annotations

import pytest

from medinfo.domain.alerts import AlertCode, Severity
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import (
    Breastfeeding,
    DoseSpec,
    Dosing,
    Indication,
    LimitAdvice,
    Monograph,
    Population,
    PopulationLimit,
    Precaution,
    Pregnancy,
    SideEffect,
    TopicAdvice,
)
from medinfo.services.safety import check_regimen
from tests.unit.services.safety.monographs import (
    alpha_agonist,
    bare,
    codes,
    muscle_relaxant,
    request,
)


@pytest.mark.parametrize(
    ("patient", "code", "sources"),
    [
        ({"egfr": 45}, AlertCode.RENAL_IMPAIRMENT, ["a"]),
        ({"liver_disease": True}, AlertCode.HEPATIC_IMPAIRMENT, ["b"]),
        ({"seizure_history": True}, AlertCode.SEIZURE_RISK, ["a"]),
        ({"pregnant": True}, AlertCode.PREGNANCY, ["a"]),
        ({"breastfeeding": True}, AlertCode.BREASTFEEDING, ["b"]),
    ],
)
def test_check_regimen_condition_named_by_monograph_alerts(
    patient: dict[str, object], code: AlertCode, sources: list[str]
) -> None:
    response = check_regimen(request(**patient), muscle_relaxant())
    assert codes(response) == [code]
    assert response.alerts[0].sources == sources


@pytest.mark.parametrize(
    "patient",
    [
        {"egfr": 20},
        {"liver_disease": True},
        {"seizure_history": True},
        {"pregnant": True},
        {"breastfeeding": True},
    ],
)
def test_check_regimen_condition_not_named_by_monograph_is_clean(
    patient: dict[str, object],
) -> None:
    assert check_regimen(request(**patient), bare()).alerts == []


@pytest.mark.parametrize("egfr", [60, 75, 120])
def test_check_regimen_egfr_of_60_or_more_is_clean(egfr: float) -> None:
    assert check_regimen(request(egfr=egfr), muscle_relaxant()).alerts == []


@pytest.mark.parametrize(
    ("egfr", "severity"),
    [(59, Severity.CAUTION), (40, Severity.WARNING), (20, Severity.WARNING), (10, Severity.DANGER)],
)
def test_check_regimen_renal_severity_follows_egfr_band(egfr: float, severity: Severity) -> None:
    (alert,) = check_regimen(request(egfr=egfr), muscle_relaxant()).alerts
    assert alert.severity is severity
    assert f"eGFR of {egfr}" in alert.message


def test_check_regimen_hepatic_wording_variants_are_recognised() -> None:
    (alert,) = check_regimen(request(drug="tizanidine", liver_disease=True), alpha_agonist()).alerts
    assert alert.code == AlertCode.HEPATIC_IMPAIRMENT


def test_check_regimen_epilepsy_wording_counts_as_seizure_history() -> None:
    monograph = muscle_relaxant(precautions=[Precaution(condition="epilepsy", sources=["e"])])
    assert codes(check_regimen(request(seizure_history=True), monograph)) == [
        AlertCode.SEIZURE_RISK
    ]


def test_check_regimen_pregnancy_mentions_category_as_outdated_and_the_sources_statement() -> None:
    (alert,) = check_regimen(request(pregnant=True), muscle_relaxant()).alerts
    assert "category C" in alert.message
    assert "retired" in alert.message
    assert "unborn baby cannot be ruled out" in alert.message


def test_check_regimen_pregnancy_category_x_is_danger() -> None:
    monograph = muscle_relaxant(pregnancy=Pregnancy(category="X", sources=["p"]))
    (alert,) = check_regimen(request(pregnant=True), monograph).alerts
    assert alert.severity is Severity.DANGER


def test_check_regimen_pregnancy_as_a_precaution_only_still_alerts() -> None:
    monograph = bare().model_copy(
        update={"precautions": [Precaution(condition="pregnancy", sources=["q"])]}
    )
    (alert,) = check_regimen(request(pregnant=True), monograph).alerts
    assert alert.code == AlertCode.PREGNANCY
    assert alert.sources == ["q"]
    assert "letter category" not in alert.message


def test_check_regimen_breastfeeding_quotes_the_sources_summary() -> None:
    (alert,) = check_regimen(request(breastfeeding=True), muscle_relaxant()).alerts
    assert "passes into breast milk" in alert.message


def test_check_regimen_pregnancy_does_not_repeat_what_the_summary_already_says() -> None:
    summary = (
        "The sources give the old FDA letter category C: a risk cannot be ruled out. "
        "The FDA retired letter categories in 2015."
    )
    monograph = muscle_relaxant(pregnancy=Pregnancy(category="C", summary=summary, sources=["p"]))
    (alert,) = check_regimen(request(pregnant=True), monograph).alerts
    assert alert.message.count("category C") == 1
    assert alert.message.count("2015") == 1


def test_seizure_history_alerts_when_seizures_are_among_the_side_effects() -> None:
    monograph = bare("quinolonex").model_copy(
        update={"side_effects": [SideEffect(term="seizures", serious=True, sources=["s"])]}
    )
    response = check_regimen(request(drug="quinolonex", seizure_history=True), monograph)
    assert codes(response) == [AlertCode.SEIZURE_RISK]
    assert response.alerts[0].sources == ["s"]
    assert "side effects" in response.alerts[0].message


def test_seizure_history_without_seizure_facts_gives_no_alert() -> None:
    monograph = bare("quinolonex").model_copy(
        update={"side_effects": [SideEffect(term="nausea", sources=["s"])]}
    )
    assert codes(check_regimen(request(drug="quinolonex", seizure_history=True), monograph)) == []


def test_liver_disease_alerts_when_the_sources_give_a_liver_dose_rule() -> None:
    rule = PopulationLimit(
        population=Population.HEPATIC,
        criterion="moderate liver impairment",
        max_daily=DoseSpec(amount=150, unit="mg", sources=["h"]),
        sources=["h"],
    )
    monograph = bare("liverol").model_copy(update={"dosing": Dosing(population_limits=[rule])})
    response = check_regimen(
        request(drug="liverol", dose_mg=100, times_per_day=1, liver_disease=True), monograph
    )
    assert codes(response) == [AlertCode.HEPATIC_IMPAIRMENT]
    assert response.alerts[0].sources == ["h"]


def test_check_regimen_sources_calling_it_acceptable_raise_no_alert() -> None:
    """A clean case stays clean: "considered compatible with breastfeeding" is no warning."""
    monograph = bare().model_copy(
        update={
            "pregnancy": Pregnancy(
                summary="Considered safe in pregnancy.",
                advice=TopicAdvice.ACCEPTABLE,
                sources=["p"],
            ),
            "breastfeeding": Breastfeeding(
                summary="Compatible with breastfeeding.",
                advice=TopicAdvice.ACCEPTABLE,
                sources=["b"],
            ),
        }
    )
    assert check_regimen(request(pregnant=True, breastfeeding=True), monograph).alerts == []


@pytest.mark.parametrize("advice", [TopicAdvice.AVOID, None])
def test_check_regimen_pregnancy_alerts_unless_the_sources_only_reassure(
    advice: TopicAdvice | None,
) -> None:
    monograph = bare().model_copy(
        update={"pregnancy": Pregnancy(summary="Not recommended.", advice=advice, sources=["p"])}
    )
    assert codes(check_regimen(request(pregnant=True), monograph)) == [AlertCode.PREGNANCY]


def test_check_regimen_acceptable_advice_with_a_precaution_naming_it_still_alerts() -> None:
    monograph = bare().model_copy(
        update={
            "breastfeeding": Breastfeeding(advice=TopicAdvice.ACCEPTABLE, sources=["b"]),
            "precautions": [Precaution(condition="breastfeeding", sources=["q"])],
        }
    )
    assert codes(check_regimen(request(breastfeeding=True), monograph)) == [AlertCode.BREASTFEEDING]


def test_check_regimen_a_sources_own_section_outranks_its_general_caution_list() -> None:
    """One page lists breastfeeding among "tell your doctor if" and says in its own section
    that the drug is compatible: the section wins; another page's precaution would not."""
    own = bare().model_copy(
        update={
            "breastfeeding": Breastfeeding(advice=TopicAdvice.ACCEPTABLE, sources=["b"]),
            "precautions": [Precaution(condition="breastfeeding", sources=["b"])],
        }
    )
    assert check_regimen(request(breastfeeding=True), own).alerts == []
    other = own.model_copy(
        update={"precautions": [Precaution(condition="breastfeeding", sources=["b", "q"])]}
    )
    assert codes(check_regimen(request(breastfeeding=True), other)) == [AlertCode.BREASTFEEDING]


def test_a_liver_rule_saying_the_usual_dose_stands_raises_no_alert() -> None:
    rule = PopulationLimit(
        population=Population.HEPATIC, advice=LimitAdvice.NO_CHANGE, sources=["h"]
    )
    monograph = bare("renalixin").model_copy(update={"dosing": Dosing(population_limits=[rule])})
    assert check_regimen(request(drug="renalixin", liver_disease=True), monograph).alerts == []


def test_seizures_named_beside_the_drugs_own_seizure_use_are_no_side_effect_risk() -> None:
    monograph = bare("spasmolam").model_copy(
        update={
            "indications": [Indication(condition="epilepsy", sources=["u"])],
            "side_effects": [SideEffect(term="seizures", sources=["u"])],
        }
    )
    assert check_regimen(request(drug="spasmolam", seizure_history=True), monograph).alerts == []


def test_a_seizure_precaution_still_alerts_for_a_medicine_used_for_seizures() -> None:
    monograph = bare("spasmolam").model_copy(
        update={
            "indications": [Indication(condition="seizures", sources=["u"])],
            "precautions": [Precaution(condition="history of seizures", sources=["w"])],
        }
    )
    assert codes(check_regimen(request(drug="spasmolam", seizure_history=True), monograph)) == [
        AlertCode.SEIZURE_RISK
    ]


def _banded_kidney_monograph() -> Monograph:
    """Kidney words only for a band: "avoid when creatinine clearance is under 30 mL/min"."""
    span = Evidence(source="k", start=100, end=160)
    rule = PopulationLimit(
        population=Population.RENAL,
        kidney_measure="crcl",
        kidney_below=30,
        advice=LimitAdvice.AVOID,
        adjustment_without_number=True,
        sources=["k"],
        evidence=[span],
    )
    precaution = Precaution(
        condition="kidney disease",
        sources=["k"],
        evidence=[Evidence(source="k", start=90, end=170)],
    )
    return bare("osteobrin").model_copy(
        update={"dosing": Dosing(population_limits=[rule]), "precautions": [precaution]}
    )


@pytest.mark.parametrize(
    ("egfr", "alerts"), [(45, []), (30, []), (25, [AlertCode.RENAL_IMPAIRMENT])]
)
def test_a_kidney_precaution_stated_for_a_lower_band_does_not_apply_above_it(
    egfr: float, alerts: list[AlertCode]
) -> None:
    response = check_regimen(request(drug="osteobrin", egfr=egfr), _banded_kidney_monograph())
    assert [code for code in codes(response) if code == AlertCode.RENAL_IMPAIRMENT] == alerts


def test_a_kidney_precaution_in_words_of_its_own_still_alerts_above_a_band() -> None:
    monograph = _banded_kidney_monograph()
    monograph.precautions.append(
        Precaution(
            condition="kidney problems",
            sources=["m"],
            evidence=[Evidence(source="m", start=0, end=40)],
        )
    )
    response = check_regimen(request(drug="osteobrin", egfr=45), monograph)
    assert AlertCode.RENAL_IMPAIRMENT in codes(response)


def _kidneys_need_no_change(*other_rules: PopulationLimit) -> Monograph:
    """ "Mild or moderate kidney trouble needs no dose change" beside a plain kidney precaution
    from another source ("if you need dialysis, your renal team times the doses")."""
    unchanged = PopulationLimit(
        population=Population.RENAL, advice=LimitAdvice.NO_CHANGE, sources=["n"]
    )
    return bare("ferrodin").model_copy(
        update={
            "dosing": Dosing(population_limits=[unchanged, *other_rules]),
            "precautions": [Precaution(condition="kidney disease", sources=["p"])],
        }
    )


@pytest.mark.parametrize(
    ("egfr", "alerts"), [(55, []), (32, []), (22, [AlertCode.RENAL_IMPAIRMENT])]
)
def test_kidneys_said_to_need_no_change_raise_no_alarm_down_to_severe_impairment(
    egfr: float, alerts: list[AlertCode]
) -> None:
    response = check_regimen(request(drug="ferrodin", egfr=egfr), _kidneys_need_no_change())
    assert codes(response) == alerts


def test_a_lower_dose_rule_covering_the_patient_outweighs_a_no_change_statement() -> None:
    lower = PopulationLimit(
        population=Population.RENAL,
        kidney_below=50,
        advice=LimitAdvice.REDUCE,
        adjustment_without_number=True,
        sources=["r"],
    )
    response = check_regimen(request(drug="ferrodin", egfr=40), _kidneys_need_no_change(lower))
    assert AlertCode.RENAL_IMPAIRMENT in codes(response)


def test_a_kidney_dose_rule_holding_the_egfr_raises_the_kidney_alert_and_its_maximum() -> None:
    rule = PopulationLimit(
        population=Population.RENAL,
        kidney_measure="crcl",
        kidney_below=30,
        max_daily=DoseSpec(amount=300, unit="mg", sources=["k"]),
        sources=["k"],
    )
    monograph = bare("kidnomide").model_copy(update={"dosing": Dosing(population_limits=[rule])})
    over = check_regimen(
        request(drug="kidnomide", dose_mg=200, times_per_day=2, egfr=24), monograph
    )
    assert set(codes(over)) == {AlertCode.RENAL_IMPAIRMENT, AlertCode.MAX_DAILY_DOSE_EXCEEDED}
    above = check_regimen(
        request(drug="kidnomide", dose_mg=100, times_per_day=2, egfr=50), monograph
    )
    assert codes(above) == []

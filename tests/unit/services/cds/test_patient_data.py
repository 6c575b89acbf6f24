"""Reading prefetch: age from birthDate, eGFR or creatinine, conditions, status, medicines."""

from __future__ import annotations

from datetime import date

import pytest

from medinfo.services.cds.fhir_json import HookError
from medinfo.services.cds.patient_data import age_from_birth_date, ckd_epi_2021, read_patient
from tests.cds_requests import (
    LOINC,
    bundle,
    condition,
    full_prefetch,
    observation,
    patient,
    statement,
)

TODAY = date(2026, 12, 3)


def test_age_from_birth_date_counts_full_years_and_is_youngest_when_partial() -> None:
    assert age_from_birth_date("1970-12-04", TODAY) == 55
    assert age_from_birth_date("1970-12-03", TODAY) == 56
    assert age_from_birth_date("1970", TODAY) == 55
    assert age_from_birth_date("2030-01-01", TODAY) is None
    assert age_from_birth_date("", TODAY) is None


def test_ckd_epi_2021_matches_published_reference_values() -> None:
    # Creatinine 1.0 mg/dL, 50 years: about 91 (male) and 68 (female) mL/min/1.73 m².
    assert ckd_epi_2021(1.0, 50, female=False) == pytest.approx(91.7, abs=0.5)
    assert ckd_epi_2021(1.0, 50, female=True) == pytest.approx(68.6, abs=0.5)


def test_read_patient_full_prefetch_has_no_gaps() -> None:
    facts = read_patient(full_prefetch(egfr=42, medicines=("Percocet",)), TODAY)
    assert facts.age == 56
    assert facts.egfr == 42
    assert facts.other_medications == ["Percocet"]
    assert facts.gaps == []
    assert not any(facts.flags.values())


def test_read_patient_takes_the_newest_egfr() -> None:
    prefetch = full_prefetch()
    prefetch["kidneyFunction"] = bundle(
        observation("62238-1", 80, "mL/min/{1.73_m2}", when="2025-01-01"),
        observation("33914-3", 25, "mL/min/{1.73_m2}", when="2026-10-01"),
    )
    assert read_patient(prefetch, TODAY).egfr == 25


def test_read_patient_estimates_egfr_from_creatinine_in_umol_per_litre() -> None:
    prefetch = full_prefetch()
    prefetch["kidneyFunction"] = bundle(observation("2160-0", 88.4, "umol/L"))
    facts = read_patient(prefetch, TODAY)
    assert facts.egfr_estimated_from_creatinine
    assert facts.egfr == ckd_epi_2021(1.0, 56, female=True)


def test_read_patient_reads_conditions_by_code_icd10_and_text() -> None:
    conditions = (
        condition("Cirrhosis of liver", "19943007"),
        condition("Epilepsy", "G40.909", system="http://hl7.org/fhir/sid/icd-10-cm"),
        condition("Currently pregnant"),
    )
    facts = read_patient(full_prefetch(conditions=conditions), TODAY)
    assert facts.flags["liver_disease"]
    assert facts.flags["seizure_history"]
    assert facts.flags["pregnant"]
    assert not facts.flags["breastfeeding"]


def test_read_patient_ignores_negated_resolved_and_refuted_conditions() -> None:
    resolved = condition("Epilepsy", "84757009")
    resolved["clinicalStatus"] = {"coding": [{"code": "resolved"}]}
    refuted = condition("Hepatitis B", "66071002")
    refuted["verificationStatus"] = {"coding": [{"code": "refuted"}]}
    conditions = (condition("No history of seizures"), resolved, refuted)
    facts = read_patient(full_prefetch(conditions=conditions), TODAY)
    assert not facts.flags["seizure_history"]
    assert not facts.flags["liver_disease"]


def test_read_patient_reads_a_pregnancy_status_observation() -> None:
    prefetch = full_prefetch()
    status = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": "82810-3"}]},
        "valueCodeableConcept": {"coding": [{"code": "77386006", "display": "Pregnant"}]},
    }
    prefetch["pregnancyStatus"] = bundle(status)
    assert read_patient(prefetch, TODAY).flags["pregnant"]


def test_read_patient_names_what_is_missing() -> None:
    facts = read_patient({"patient": patient()}, TODAY)
    assert {gap.what for gap in facts.gaps} == {"kidney function", "other medicines", "conditions"}
    assert {gap.what for gap in read_patient(None, TODAY).gaps} == {"patient data"}


def test_read_patient_creatinine_without_sex_is_a_gap() -> None:
    prefetch = full_prefetch()
    prefetch["patient"] = {"resourceType": "Patient", "birthDate": "1970-01-01"}
    prefetch["kidneyFunction"] = bundle(observation("2160-0", 1.1, "mg/dL"))
    facts = read_patient(prefetch, TODAY)
    assert facts.egfr is None
    assert [gap.what for gap in facts.gaps] == ["kidney function"]


def test_read_patient_rejects_a_malformed_bundle_naming_the_key() -> None:
    with pytest.raises(HookError, match=r"prefetch.conditions.entry"):
        read_patient({"conditions": {"resourceType": "Bundle", "entry": "none"}}, TODAY)
    with pytest.raises(HookError, match=r"prefetch.patient"):
        read_patient({"patient": ["not", "a", "resource"]}, TODAY)


def test_read_patient_lists_active_statements_only() -> None:
    stopped = statement("diazepam")
    stopped["status"] = "stopped"
    prefetch = full_prefetch()
    prefetch["medicationStatements"] = bundle(statement("oxycodone"), stopped)
    assert read_patient(prefetch, TODAY).other_medications == ["oxycodone"]

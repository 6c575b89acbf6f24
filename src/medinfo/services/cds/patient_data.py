"""The patient as prefetch describes it: age, kidney function, conditions and other medicines."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from medinfo.knowledge.cds_rules import ConditionMatcher, FhirVocabulary, StatusCodes
from medinfo.services.cds.fhir_json import (
    Json,
    bundle_resources,
    codings,
    concept_words,
    member,
    number,
    text,
)
from medinfo.services.cds.medication_orders import medication_names
from medinfo.services.cds.vocabulary import load_fhir_vocabulary

_LOINC = "http://loinc.org"
_SNOMED = "http://snomed.info/sct"
_USABLE_RESULT = frozenset({"", "final", "amended", "corrected", "preliminary"})
_NOT_CURRENT = frozenset({"inactive", "remission", "resolved"})
_NOT_TRUE = frozenset({"refuted", "entered-in-error"})
_CURRENT_MEDICINE = frozenset({"", "active", "on-hold", "intended", "draft"})
_MEDICATION_KEYS = ("medicationRequests", "medicationStatements")
_MEDICATION_KINDS = ("MedicationRequest", "MedicationStatement")
_BIRTH = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class Gap:
    """Something about the patient that could not be read, and why."""

    what: str
    reason: str


@dataclass
class PatientFacts:
    """What a safety-check request's patient needs, read from FHIR resources."""

    age: int | None = None
    egfr: float | None = None
    egfr_estimated_from_creatinine: bool = False
    flags: dict[str, bool] = field(default_factory=dict)
    other_medications: list[str] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)


def read_patient(prefetch: Mapping[str, Any] | None, today: date) -> PatientFacts:
    """Read every prefetched resource; each kind of data that is absent becomes a Gap."""
    vocabulary = load_fhir_vocabulary()
    facts = PatientFacts()
    if prefetch is None:
        facts.gaps.append(
            Gap(
                "patient data",
                "no prefetch was sent (fetching from the FHIR server is not "
                "supported yet): age, kidney function, conditions and other medicines are unknown",
            )
        )
        return facts
    resources: dict[str, list[Json]] = {}
    for key, value in prefetch.items():
        for resource in bundle_resources(value, f"prefetch.{key}"):
            resources.setdefault(str(resource["resourceType"]), []).append(resource)
    patients = resources.get("Patient", [])
    sex = text(patients[0], "gender") if patients else ""
    if patients:
        facts.age = age_from_birth_date(text(patients[0], "birthDate"), today)
    if facts.age is None:
        facts.gaps.append(Gap("age", "no Patient with a birthDate in prefetch"))
    observations = resources.get("Observation", [])
    _read_kidney(observations, facts, sex, vocabulary)
    for name, matcher in vocabulary.conditions.items():
        facts.flags[name] = any(
            _condition_matches(condition, matcher, vocabulary)
            for condition in resources.get("Condition", [])
            if _current_condition(condition)
        )
    for flag, codes in (
        ("pregnant", vocabulary.pregnancy_status),
        ("breastfeeding", vocabulary.breastfeeding_status),
    ):
        status = _status(observations, codes, vocabulary.conditions[flag], vocabulary)
        if status is not None:
            facts.flags[flag] = status
    if prefetch.get("conditions") is None and not resources.get("Condition"):
        reason = "not prefetched: liver disease, seizures, pregnancy and alcohol use are unknown"
        facts.gaps.append(Gap("conditions", reason))
    facts.other_medications = _medicines(resources)
    listed = any(prefetch.get(key) is not None for key in _MEDICATION_KEYS)
    if not listed and not any(resources.get(kind) for kind in _MEDICATION_KINDS):
        facts.gaps.append(
            Gap("other medicines", "the patient's medication list was not prefetched")
        )
    return facts


def age_from_birth_date(birth: str, today: date) -> int | None:
    """Full years from a FHIR date ("1950", "1950-04", "1950-04-12"); the youngest age the
    date allows when month or day is missing. None for no or a future date."""
    match = _BIRTH.match(birth)
    if match is None:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] else 12
    day = int(match[3]) if match[3] else 31
    age = today.year - year - ((today.month, today.day) < (month, day))
    return age if 0 <= age <= 130 else None


def ckd_epi_2021(creatinine_mg_dl: float, age: int, female: bool) -> float:
    """eGFR (mL/min/1.73 m²) by the race-free CKD-EPI 2021 creatinine equation."""
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = creatinine_mg_dl / kappa
    egfr: float = 142 * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** -1.200 * 0.9938**age
    return round(egfr * (1.012 if female else 1.0), 1)


def _read_kidney(
    observations: list[Json], facts: PatientFacts, sex: str, vocabulary: FhirVocabulary
) -> None:
    kidney = vocabulary.kidney
    egfr = _latest_value(observations, kidney.egfr_loinc)
    if egfr is not None and _unit(egfr[1]) in kidney.egfr_units | {""}:
        facts.egfr = egfr[0]
        return
    creatinine = _latest_value(observations, kidney.creatinine_loinc)
    factor = kidney.creatinine_units_mg_dl.get(_unit(creatinine[1])) if creatinine else None
    if creatinine is not None and factor is not None:
        if facts.age is not None and sex in ("male", "female"):
            value = creatinine[0] * factor
            facts.egfr = ckd_epi_2021(value, facts.age, sex == "female")
            facts.egfr_estimated_from_creatinine = True
            return
        facts.gaps.append(
            Gap("kidney function", "a creatinine result without age and sex: no eGFR estimated")
        )
        return
    facts.gaps.append(Gap("kidney function", "no eGFR or creatinine result in prefetch"))


def _latest_value(observations: list[Json], loinc: frozenset[str]) -> tuple[float, Json] | None:
    """The newest usable result among `loinc` codes: (value, its Quantity)."""
    found: list[tuple[str, float, Json]] = []
    for observation in observations:
        if text(observation, "status") not in _USABLE_RESULT:
            continue
        code = member(observation, "code", "Observation") or {}
        if not any(c in loinc for s, c, _ in codings(code) if s in ("", _LOINC)):
            continue
        quantity = member(observation, "valueQuantity", "Observation")
        value = number(quantity, "value") if quantity else None
        if quantity is None or value is None:
            continue
        when = text(observation, "effectiveDateTime") or text(observation, "issued")
        found.append((when, value, quantity))
    if not found:
        return None
    _, value, quantity = max(found, key=lambda item: item[0])
    return value, quantity


def _unit(quantity: Json) -> str:
    return (text(quantity, "code") or text(quantity, "unit")).lower()


def _current_condition(condition: Json) -> bool:
    clinical = member(condition, "clinicalStatus", "Condition")
    verification = member(condition, "verificationStatus", "Condition")
    if any(code in _NOT_CURRENT for _, code, _ in codings(clinical)):
        return False
    return not any(code in _NOT_TRUE for _, code, _ in codings(verification))


def _condition_matches(
    condition: Json, matcher: ConditionMatcher, vocabulary: FhirVocabulary
) -> bool:
    return _concept_matches(member(condition, "code", "Condition"), matcher, vocabulary)


def _concept_matches(
    concept: Json | None, matcher: ConditionMatcher, vocabulary: FhirVocabulary
) -> bool:
    for system, code, _ in codings(concept):
        if system in ("", _SNOMED) and code in matcher.codes:
            return True
        if "icd-10" in system.lower() and code.upper().startswith(matcher.icd10_prefixes):
            return True
    return any(_names(word.lower(), matcher.words, vocabulary) for word in concept_words(concept))


def _names(phrase: str, words: tuple[str, ...], vocabulary: FhirVocabulary) -> bool:
    """Whether `phrase` states one of `words`, not after a negation ("no history of seizures")."""
    for word in words:
        at = phrase.find(word)
        if at < 0:
            continue
        before = set(re.findall(r"[a-z]+", phrase[:at]))
        if not any(
            neg in before or f" {neg} " in f" {phrase[:at]} " for neg in vocabulary.negation_words
        ):
            return True
    return False


def _status(
    observations: list[Json],
    codes: StatusCodes,
    matcher: ConditionMatcher,
    vocabulary: FhirVocabulary,
) -> bool | None:
    """A yes/no status Observation (pregnancy, breastfeeding): True, False or None (not found)."""
    latest: tuple[str, bool] | None = None
    for observation in observations:
        code = member(observation, "code", "Observation") or {}
        if not any(c in codes.loinc for s, c, _ in codings(code) if s in ("", _LOINC)):
            continue
        value = member(observation, "valueCodeableConcept", "Observation")
        answer: bool | None = None
        for _, coded, _ in codings(value):
            if coded in codes.positive_codes:
                answer = True
            elif coded in codes.negative_codes:
                answer = False
        if answer is None and value is not None:
            answer = any(_names(w.lower(), matcher.words, vocabulary) for w in concept_words(value))
        when = text(observation, "effectiveDateTime") or text(observation, "issued")
        if answer is not None and (latest is None or when >= latest[0]):
            latest = (when, answer)
    return None if latest is None else latest[1]


def _medicines(resources: dict[str, list[Json]]) -> list[str]:
    names: list[str] = []
    for kind in _MEDICATION_KINDS:
        for index, resource in enumerate(resources.get(kind, [])):
            if text(resource, "status") not in _CURRENT_MEDICINE:
                continue
            found, _ = medication_names(resource, f"prefetch {kind}[{index}]")
            if found:
                names.append(found[0])
    return list(dict.fromkeys(names))

"""Realistic CDS Hooks requests and FHIR R4 resources, built the way EHRs send them."""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]
UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ORAL = {"coding": [{"system": SNOMED, "code": "26643006", "display": "Oral route"}]}


def medication_request(
    name: str,
    dose: float | None = None,
    unit: str = "mg",
    *,
    order_id: str = "order-1",
    frequency: int | None = None,
    period: float = 1,
    period_unit: str = "d",
    timing_code: str | None = None,
    route: Json | None = None,
    status: str = "draft",
) -> Json:
    """A MedicationRequest whose medicine is named by text, with one dosage instruction."""
    dosage: Json = {"text": f"{name} as directed"}
    if dose is not None:
        dosage["doseAndRate"] = [
            {"doseQuantity": {"value": dose, "unit": unit, "system": UCUM, "code": unit}}
        ]
    if frequency is not None:
        repeat = {"frequency": frequency, "period": period, "periodUnit": period_unit}
        dosage["timing"] = {"repeat": repeat}
    elif timing_code is not None:
        dosage["timing"] = {"code": {"coding": [{"code": timing_code}]}}
    dosage["route"] = route if route is not None else ORAL
    return {
        "resourceType": "MedicationRequest",
        "id": order_id,
        "status": status,
        "intent": "order",
        "subject": {"reference": "Patient/p1"},
        "medicationCodeableConcept": {"text": name},
        "dosageInstruction": [dosage],
    }


def patient(birth_date: str = "1970-05-01", gender: str = "female") -> Json:
    return {"resourceType": "Patient", "id": "p1", "birthDate": birth_date, "gender": gender}


def observation(code: str, value: float, unit: str, when: str = "2026-11-01") -> Json:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": code}]},
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": when,
        "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit},
    }


def condition(text: str, code: str | None = None, system: str = SNOMED) -> Json:
    concept: Json = {"text": text}
    if code:
        concept["coding"] = [{"system": system, "code": code, "display": text}]
    return {
        "resourceType": "Condition",
        "clinicalStatus": {"coding": [{"code": "active"}]},
        "code": concept,
        "subject": {"reference": "Patient/p1"},
    }


def statement(name: str) -> Json:
    return {
        "resourceType": "MedicationStatement",
        "status": "active",
        "medicationCodeableConcept": {"text": name},
        "subject": {"reference": "Patient/p1"},
    }


def bundle(*resources: Json, kind: str = "searchset") -> Json:
    return {
        "resourceType": "Bundle",
        "type": kind,
        "entry": [{"resource": resource} for resource in resources],
    }


def full_prefetch(
    *,
    egfr: float = 95,
    conditions: tuple[Json, ...] = (),
    medicines: tuple[str, ...] = (),
    birth_date: str = "1970-05-01",
) -> Json:
    """Every prefetch template filled: a healthy adult unless told otherwise."""
    return {
        "patient": patient(birth_date),
        "medicationRequests": bundle(),
        "medicationStatements": bundle(*(statement(name) for name in medicines)),
        "conditions": bundle(*conditions),
        "pregnancyStatus": bundle(),
        "kidneyFunction": bundle(observation("98979-8", egfr, "mL/min/{1.73_m2}")),
    }


def hook_request(
    orders: list[Json],
    prefetch: Json | None = None,
    *,
    hook: str = "order-sign",
    selections: list[str] | None = None,
) -> Json:
    """A CDS Hooks 2.0 request for `hook` with the orders as draftOrders."""
    context: Json = {
        "userId": "Practitioner/dr1",
        "patientId": "p1",
        "draftOrders": bundle(*orders, kind="collection"),
    }
    if selections is not None:
        context["selections"] = selections
    request: Json = {
        "hook": hook,
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "fhirServer": "https://ehr.example.org/fhir",
        "context": context,
    }
    if prefetch is not None:
        request["prefetch"] = prefetch
    return request


# Conditions that set each flag of a safety-check patient, as an EHR would code them.
FLAG_CONDITIONS = {
    "liver_disease": ("Cirrhosis of liver", "19943007"),
    "seizure_history": ("Epilepsy", "84757009"),
    "pregnant": ("Pregnancy", "77386006"),
    "breastfeeding": ("Breastfeeding", None),
    "alcohol_use": ("Alcohol dependence", "66590003"),
}


def hook_from_check(check: Json, today_year: int) -> Json:
    """The order-sign request an EHR would send for a `/api/v1/check` request (no event)."""
    patient_in = check.get("patient", {})
    regimen = check["regimen"]
    prefetch = full_prefetch(
        egfr=patient_in.get("egfr", 95),
        medicines=tuple(patient_in.get("other_medications", [])),
        conditions=tuple(
            condition(text, code)
            for flag, (text, code) in FLAG_CONDITIONS.items()
            if patient_in.get(flag)
        ),
    )
    if patient_in.get("age") is not None:
        prefetch["patient"] = patient(f"{today_year - patient_in['age']}-01-01")
    if patient_in.get("egfr") is None:
        prefetch["kidneyFunction"] = bundle()
    order = medication_request(
        regimen["drug"],
        regimen["dose_mg"],
        frequency=regimen.get("times_per_day", 1),
        route={"text": regimen.get("route", "oral")},
    )
    return hook_request([order], prefetch)

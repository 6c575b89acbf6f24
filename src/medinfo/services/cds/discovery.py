"""The CDS services medinfo offers (GET /cds-services) and the prefetch each one asks for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medinfo.services.cds.vocabulary import load_fhir_vocabulary

ORDER_SELECT = "medinfo-order-select"
ORDER_SIGN = "medinfo-order-sign"
_PATIENT = "{{context.patientId}}"


@dataclass(frozen=True)
class CdsService:
    """One CDS service: its id, the hook it answers and how it describes itself."""

    id: str
    hook: str
    title: str
    description: str


SERVICES: dict[str, CdsService] = {
    ORDER_SELECT: CdsService(
        ORDER_SELECT,
        "order-select",
        "medinfo medication safety check (order-select)",
        "Checks the selected draft medication orders against source-cited monographs: doses, "
        "interactions with the patient's other medicines, kidney and liver function, seizures, "
        "pregnancy and breastfeeding. Each card cites its sources; a card lists what could "
        "not be checked.",
    ),
    ORDER_SIGN: CdsService(
        ORDER_SIGN,
        "order-sign",
        "medinfo medication safety check (order-sign)",
        "Checks every draft medication order before signing against source-cited monographs: "
        "doses, interactions, kidney and liver function, seizures, pregnancy and "
        "breastfeeding. Each card cites its sources; a card lists what could not be checked.",
    ),
}


def prefetch_templates() -> dict[str, str]:
    """FHIR queries for everything the safety check reads about the patient."""
    vocabulary = load_fhir_vocabulary()
    kidney = sorted(vocabulary.kidney.egfr_loinc | vocabulary.kidney.creatinine_loinc)
    status = sorted(vocabulary.pregnancy_status.loinc | vocabulary.breastfeeding_status.loinc)
    return {
        "patient": f"Patient/{_PATIENT}",
        "medicationRequests": f"MedicationRequest?patient={_PATIENT}&status=active",
        "medicationStatements": f"MedicationStatement?patient={_PATIENT}&status=active",
        "conditions": f"Condition?patient={_PATIENT}&clinical-status=active",
        "pregnancyStatus": f"Observation?patient={_PATIENT}&code={_loinc(status)}&_sort=-date",
        "kidneyFunction": f"Observation?patient={_PATIENT}&code={_loinc(kidney)}&_sort=-date",
    }


def discovery() -> dict[str, Any]:
    """The discovery document: both services with their prefetch templates."""
    prefetch = prefetch_templates()
    return {
        "services": [
            {
                "id": service.id,
                "hook": service.hook,
                "title": service.title,
                "description": service.description,
                "prefetch": prefetch,
            }
            for service in SERVICES.values()
        ]
    }


def _loinc(codes: list[str]) -> str:
    return ",".join(f"http://loinc.org|{code}" for code in codes)

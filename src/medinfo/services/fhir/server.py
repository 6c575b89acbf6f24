"""The FHIR server's own resources: CapabilityStatement, searchset Bundle, OperationOutcome."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from medinfo.services.fhir.medication_knowledge import Json

FHIR_VERSION = "4.0.1"
FHIR_JSON = "application/fhir+json"


def capability_statement(base_url: str, software_version: str) -> Json:
    """What this server offers: read and search-by-code of MedicationKnowledge, JSON only."""
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-01-01",
        "kind": "instance",
        "software": {"name": "medinfo", "version": software_version},
        "implementation": {
            "description": "medinfo: source-cited medication knowledge",
            "url": f"{base_url.rstrip('/')}/fhir",
        },
        "fhirVersion": FHIR_VERSION,
        "format": ["json"],
        "rest": [
            {
                "mode": "server",
                "resource": [
                    {
                        "type": "MedicationKnowledge",
                        "interaction": [{"code": "read"}, {"code": "search-type"}],
                        "searchParam": [
                            {
                                "name": "code",
                                "type": "token",
                                "documentation": "A generic or brand name (misspellings "
                                "are forgiven), or system|code for UNII or DrugBank codes",
                            }
                        ],
                    }
                ],
            }
        ],
    }


def searchset(base_url: str, query: str, resources: list[Json]) -> Json:
    """A searchset Bundle of `resources`, each with its full URL."""
    root = f"{base_url.rstrip('/')}/fhir"
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "total": len(resources),
        "link": [{"relation": "self", "url": f"{root}/MedicationKnowledge?{query}"}],
        "entry": [
            {
                "fullUrl": f"{root}/{resource['resourceType']}/{resource['id']}",
                "resource": resource,
                "search": {"mode": "match"},
            }
            for resource in resources
        ],
    }


def operation_outcome(code: str, message: str) -> dict[str, Any]:
    """An error as FHIR reports it: `code` from the IssueType value set ("not-found"...)."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": message}],
    }

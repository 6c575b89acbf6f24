"""FHIR R4 read API: monographs and catalog entries as MedicationKnowledge, with provenance."""

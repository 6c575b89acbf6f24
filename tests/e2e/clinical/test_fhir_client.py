"""The FHIR API read over HTTP by fhirclient (the SMART on FHIR Python client)."""

from __future__ import annotations

import pytest
from fhir.resources.R4B.medicationknowledge import MedicationKnowledge as R4BKnowledge
from fhirclient import client
from fhirclient.models.capabilitystatement import CapabilityStatement
from fhirclient.models.medicationknowledge import MedicationKnowledge
from fhirclient.server import FHIRNotFoundException

pytestmark = pytest.mark.slow


def _server(live_server: str) -> client.FHIRClient:
    return client.FHIRClient(
        settings={"app_id": "medinfo-tests", "api_base": live_server + "/fhir"}
    )


def test_fhirclient_reads_medication_knowledge(live_server: str) -> None:
    smart = _server(live_server)
    knowledge = MedicationKnowledge.read("tizanidine", smart.server)
    assert knowledge.code.text.lower() == "tizanidine"
    assert "Zanaflex" in knowledge.synonym
    assert knowledge.administrationGuidelines
    R4BKnowledge.model_validate(knowledge.as_json())


def test_fhirclient_searches_by_brand_name(live_server: str) -> None:
    smart = _server(live_server)
    search = MedicationKnowledge.where(struct={"code": "Zanaflex"})
    [bundle] = list(search.perform_iter(smart.server))
    assert bundle.type == "searchset"
    assert [entry.resource.id for entry in bundle.entry] == ["tizanidine"]
    [empty] = list(MedicationKnowledge.where(struct={"code": "zzqxv"}).perform_iter(smart.server))
    assert empty.total == 0


def test_fhirclient_reads_a_catalog_only_drug_and_the_capability_statement(
    live_server: str,
) -> None:
    smart = _server(live_server)
    knowledge = MedicationKnowledge.read("sertraline", smart.server)
    assert knowledge.code.coding
    statement = CapabilityStatement.read_from("metadata", smart.server)
    assert statement.rest[0].resource[0].type == "MedicationKnowledge"


def test_fhirclient_unknown_id_is_not_found(live_server: str) -> None:
    with pytest.raises(FHIRNotFoundException):
        MedicationKnowledge.read("no-such-drug", _server(live_server).server)

"""MedicationKnowledge from monographs and catalog entries: valid R4B, every element cited."""

from __future__ import annotations

from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.medicationknowledge import MedicationKnowledge

from medinfo.domain.catalog import CatalogDrug, Product
from medinfo.domain.monograph import Monograph, SourceRef, TermAttribution
from medinfo.services.fhir.medication_knowledge import (
    SOURCE_EXTENSION,
    medication_knowledge,
    resource_id,
)
from medinfo.services.fhir.server import capability_statement, operation_outcome, searchset
from tests.stored_monographs import tizanidine
from tests.unit.services.safety.monographs import alpha_agonist, muscle_relaxant

SOURCES = [SourceRef(id=k, title=f"S{k}", kind="article", reliability="web") for k in "abc"]
CATALOG = CatalogDrug(
    name="baclofen",
    display_name="Baclofen",
    brand_names=("LIORESAL",),
    unii="H789N3FKE8",
    drugbank_id="DB00181",
    products=(Product(brand="X", form="TABLET", route="ORAL", strength="10MG", application="A1"),),
)


def _monographs() -> list[Monograph]:
    relaxant = muscle_relaxant().model_copy(
        update={
            "sources": SOURCES,
            "brand_names": ["Lioresal"],
            "drug_class": ["muscle relaxant"],
            "forms": ["oral tablet"],
            "term_sources": {
                "brand_names": [TermAttribution(term="Lioresal", sources=["a"])],
                "forms": [TermAttribution(term="oral tablet", sources=["b"])],
                "drug_class": [TermAttribution(term="muscle relaxant", sources=["c"])],
            },
        }
    )
    return [relaxant, tizanidine(), alpha_agonist(), Monograph(drug="empty")]


def _cited(value: Any) -> list[str]:
    """Every source reference made anywhere inside `value`."""
    found: list[str] = []
    if isinstance(value, dict):
        if value.get("url") == SOURCE_EXTENSION:
            found.append(value["valueReference"]["reference"])
        for item in value.values():
            found += _cited(item)
    elif isinstance(value, list):
        for item in value:
            found += _cited(item)
    return found


@pytest.mark.parametrize("monograph", _monographs(), ids=lambda m: m.drug)
def test_medication_knowledge_is_valid_r4b_and_cites_contained_sources(
    monograph: Monograph,
) -> None:
    resource = medication_knowledge(monograph.drug, monograph, None)
    MedicationKnowledge.model_validate(resource)
    contained = {f"#{item['id']}" for item in resource.get("contained", [])}
    cited = set(_cited(resource))
    assert cited <= contained
    documents = {
        f"#{i['id']}"
        for i in resource.get("contained", [])
        if i["resourceType"] == "DocumentReference"
    }
    assert documents <= cited


def test_medication_knowledge_every_fact_element_carries_its_sources() -> None:
    monograph = _monographs()[0]
    resource = medication_knowledge("baclofen", monograph, None)
    assert _cited(resource["doseForm"]) == ["#src-b"]
    assert _cited(resource["medicineClassification"]) == ["#src-c"]
    assert _cited(resource["_synonym"][0]) == ["#src-a"]
    dosages = resource["administrationGuidelines"][0]["dosage"]
    assert all(_cited(dosage) for dosage in dosages)
    issues = [i for i in resource["contained"] if i["resourceType"] == "DetectedIssue"]
    assert len(issues) == len(monograph.precautions) + len(monograph.interactions)
    assert all(_cited(issue) for issue in issues)


def test_medication_knowledge_states_only_facts_the_monograph_holds() -> None:
    resource = medication_knowledge("empty", Monograph(drug="empty"), None)
    assert set(resource) == {"resourceType", "id", "status", "code"}


def test_medication_knowledge_of_a_catalog_only_drug_maps_the_catalog() -> None:
    resource = medication_knowledge("baclofen", None, CATALOG)
    MedicationKnowledge.model_validate(resource)
    codes = {coding["code"] for coding in resource["code"]["coding"]}
    assert codes == {"H789N3FKE8", "DB00181"}
    assert resource["synonym"] == ["LIORESAL"]
    assert resource["intendedRoute"][0]["text"] == "oral"
    assert "administrationGuidelines" not in resource


def test_resource_id_is_a_valid_fhir_id() -> None:
    assert resource_id("acetaminophen; oxycodone") == "acetaminophen-oxycodone"
    assert len(resource_id("x" * 100)) == 64


def test_server_resources_are_valid_r4b() -> None:
    resource = medication_knowledge("baclofen", None, CATALOG)
    bundle = searchset("https://m.example/", "code=baclofen", [resource])
    assert Bundle.model_validate(bundle).total == 1
    CapabilityStatement.model_validate(capability_statement("https://m.example/", "1"))
    assert operation_outcome("not-found", "x")["issue"][0]["code"] == "not-found"

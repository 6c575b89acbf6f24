"""A monograph (or a catalog entry) as a FHIR R4 MedicationKnowledge, every element cited.

Each element that states a fact carries the `SOURCE_EXTENSION` extension, one per source,
referencing a contained DocumentReference that describes that source (title, kind,
reliability, address). Interactions and precautions are contained DetectedIssues referenced
from `contraindication`. Nothing is stated that the monograph or catalog does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from medinfo.domain.catalog import CatalogDrug
from medinfo.domain.monograph import DoseSpec, Monograph, SourceRef

SOURCE_EXTENSION = "urn:medinfo:fhir:StructureDefinition:source"
OFF_LABEL_EXTENSION = "urn:medinfo:fhir:StructureDefinition:off-label"
UNII_SYSTEM = "http://fdasis.nlm.nih.gov"
DRUGBANK_SYSTEM = "https://go.drugbank.com/drugs"
UCUM = "http://unitsofmeasure.org"
CATALOG_SOURCE = "catalog"
_SEVERITY = {"contraindicated": "high", "major": "high", "moderate": "moderate", "minor": "low"}
_UCUM_MASS = {"g": "g", "mg": "mg", "mcg": "ug", "ug": "ug", "µg": "ug", "ng": "ng"}
_ID_CHARS = re.compile(r"[^a-z0-9.]+")
_DOSE_KINDS = (
    ("initial", "initial dose"),
    ("max_single", "maximum single dose"),
    ("max_daily", "maximum daily dose"),
)

Json = dict[str, Any]


def resource_id(drug: str) -> str:
    """A FHIR id for a drug key: lower-case letters, digits, '.' and '-', at most 64."""
    return _ID_CHARS.sub("-", drug.lower()).strip("-")[:64] or "unnamed"


def medication_knowledge(
    drug: str, monograph: Monograph | None, catalog: CatalogDrug | None
) -> Json:
    """The MedicationKnowledge of a drug: from its monograph and catalog entry (either may be
    missing; a catalog-only drug maps to names, codes, forms and routes)."""
    builder = _Builder(monograph, catalog)
    resource: Json = {
        "resourceType": "MedicationKnowledge",
        "id": resource_id(drug),
        "status": "active",
        "code": builder.code(drug),
    }
    optional = {
        "synonym": builder.synonyms(),
        "doseForm": builder.dose_form(),
        "intendedRoute": builder.routes(),
        "medicineClassification": builder.classes(),
        "administrationGuidelines": builder.guidelines(),
        "contraindication": builder.issues(),
    }
    for key, value in optional.items():
        if value:
            resource[key] = value
    if builder.synonym_sources and any(builder.synonym_sources):
        resource["_synonym"] = [
            {"extension": ext} if ext else None for ext in builder.synonym_sources
        ]
    resource["contained"] = builder.contained()
    if not resource["contained"]:
        del resource["contained"]
    return resource


class _Builder:
    """Builds the elements and remembers which sources and issues they cite."""

    def __init__(self, monograph: Monograph | None, catalog: CatalogDrug | None) -> None:
        self.monograph = monograph
        self.catalog = catalog
        self.cited: dict[str, None] = {}
        self.detected: list[Json] = []
        self.synonym_sources: list[list[Json]] = []
        self._sources = {s.id: s for s in monograph.sources} if monograph else {}

    def cite(self, ids: Iterable[str]) -> list[Json]:
        extensions = []
        for source in dict.fromkeys(ids):
            if source != CATALOG_SOURCE and source not in self._sources:
                continue
            self.cited[source] = None
            reference = {"reference": f"#{_source_ref(source)}"}
            extensions.append({"url": SOURCE_EXTENSION, "valueReference": reference})
        return extensions

    def term_sources(self, field: str) -> dict[str, list[str]]:
        if self.monograph is None:
            return {}
        return {a.term.lower(): a.sources for a in self.monograph.term_sources.get(field, [])}

    def code(self, drug: str) -> Json:
        code: Json = {"text": self.catalog.display_name if self.catalog else drug}
        if self.catalog is not None:
            codings = []
            if self.catalog.unii:
                codings.append({"system": UNII_SYSTEM, "code": self.catalog.unii})
            if self.catalog.drugbank_id:
                codings.append({"system": DRUGBANK_SYSTEM, "code": self.catalog.drugbank_id})
            if codings:
                code["coding"] = codings
            code["extension"] = self.cite([CATALOG_SOURCE])
        elif self.monograph is not None:
            code["extension"] = self.cite(s.id for s in self.monograph.sources)
        return code

    def synonyms(self) -> list[str]:
        names: dict[str, list[str]] = {}
        attributed = self.term_sources("brand_names")
        for brand in self.monograph.brand_names if self.monograph else []:
            names.setdefault(brand, []).extend(attributed.get(brand.lower(), []))
        if self.catalog is not None:
            taken = {name.lower() for name in names}
            for name in (*self.catalog.brand_names, *self.catalog.synonyms):
                if name.lower() not in taken:
                    taken.add(name.lower())
                    names[name] = [CATALOG_SOURCE]
        self.synonym_sources = [self.cite(ids) for ids in names.values()]
        return list(names)

    def dose_form(self) -> Json | None:
        if self.monograph is not None and self.monograph.forms:
            form = self.monograph.forms[0]
            sources = self.term_sources("forms").get(form.lower(), [])
            return _concept(form, self.cite(sources))
        if self.catalog is not None and self.catalog.products:
            return _concept(self.catalog.products[0].form.lower(), self.cite([CATALOG_SOURCE]))
        return None

    def routes(self) -> list[Json]:
        routes: dict[str, list[str]] = {}
        if self.monograph is not None:
            for spec in self._doses():
                if spec.route:
                    routes.setdefault(spec.route.lower(), []).extend(spec.sources)
        for product in self.catalog.products if self.catalog else ():
            routes.setdefault(product.route.lower(), []).append(CATALOG_SOURCE)
        return [_concept(route, self.cite(ids)) for route, ids in routes.items() if route]

    def classes(self) -> list[Json]:
        if self.monograph is None or not self.monograph.drug_class:
            return []
        attributed = self.term_sources("drug_class")
        classification = [
            _concept(name, self.cite(attributed.get(name.lower(), [])))
            for name in self.monograph.drug_class
        ]
        return [{"type": {"text": "drug class"}, "classification": classification}]

    def guidelines(self) -> list[Json]:
        if self.monograph is None:
            return []
        guidelines: list[Json] = []
        dosages = [
            {"type": {"text": label}, "dosage": [_dosage(field, spec, self.cite(spec.sources))]}
            for field, label in _DOSE_KINDS
            if (spec := getattr(self.monograph.dosing, field)) is not None
        ]
        if dosages:
            guidelines.append({"dosage": dosages})
        for indication in self.monograph.indications:
            extensions = self.cite(indication.sources)
            extensions.append({"url": OFF_LABEL_EXTENSION, "valueBoolean": indication.off_label})
            concept = _concept(indication.condition, extensions)
            guidelines.append({"indicationCodeableConcept": concept})
        return guidelines

    def issues(self) -> list[Json]:
        if self.monograph is None:
            return []
        for precaution in self.monograph.precautions:
            detail = precaution.condition + (f": {precaution.advice}" if precaution.advice else "")
            self._issue("precaution", detail, None, precaution.sources)
        for interaction in self.monograph.interactions:
            effect = f": {interaction.effect}" if interaction.effect else ""
            severity = _SEVERITY.get(interaction.severity.lower())
            self._issue(
                "drug interaction", f"{interaction.agent}{effect}", severity, interaction.sources
            )
        return [{"reference": f"#{issue['id']}"} for issue in self.detected]

    def contained(self) -> list[Json]:
        documents = [_document(self._sources.get(source), source) for source in self.cited]
        return [*documents, *self.detected]

    def _issue(self, kind: str, detail: str, severity: str | None, sources: list[str]) -> None:
        issue: Json = {
            "resourceType": "DetectedIssue",
            "id": f"issue-{len(self.detected) + 1}",
            "status": "final",
            "code": {"text": kind},
            "detail": detail,
        }
        if severity:
            issue["severity"] = severity
        extensions = self.cite(sources)
        if extensions:
            issue["extension"] = extensions
        self.detected.append(issue)

    def _doses(self) -> list[DoseSpec]:
        dosing = self.monograph.dosing if self.monograph else None
        if dosing is None:
            return []
        return [spec for field, _ in _DOSE_KINDS if (spec := getattr(dosing, field)) is not None]


def _concept(text: str, extensions: list[Json]) -> Json:
    concept: Json = {"text": text}
    if extensions:
        concept["extension"] = extensions
    return concept


def _dosage(kind: str, spec: DoseSpec, extensions: list[Json]) -> Json:
    """A Dosage for an initial dose (doseAndRate) or a maximum (per administration or day)."""
    often = f", {spec.frequency_per_day} times a day" if spec.frequency_per_day else ""
    dosage: Json = {"text": f"{spec.amount:g} {spec.unit}{often}"}
    quantity = _quantity(spec.amount, spec.unit)
    if kind == "max_daily":
        day = {"value": 1, "unit": "day", "system": UCUM, "code": "d"}
        dosage["maxDosePerPeriod"] = {"numerator": quantity, "denominator": day}
    elif kind == "max_single":
        dosage["maxDosePerAdministration"] = quantity
    else:
        dosage["doseAndRate"] = [{"doseQuantity": quantity}]
    if spec.frequency_per_day and kind == "initial":
        dosage["timing"] = {
            "repeat": {"frequency": spec.frequency_per_day, "period": 1, "periodUnit": "d"}
        }
    if spec.route:
        dosage["route"] = {"text": spec.route}
    if extensions:
        dosage["extension"] = extensions
    return dosage


def _quantity(amount: float, unit: str) -> Json:
    """A Quantity, UCUM-coded when the unit is a mass unit."""
    quantity: Json = {"value": amount, "unit": unit}
    code = _UCUM_MASS.get(unit.lower())
    if code:
        quantity.update({"system": UCUM, "code": code})
    return quantity


def _source_ref(source: str) -> str:
    return f"src-{resource_id(source)}"


def _document(source: SourceRef | None, source_id: str) -> Json:
    """A contained DocumentReference describing one cited source."""
    if source is None:
        title = "medinfo drug catalog (Drugs@FDA and the DrugBank open vocabulary)"
        attachment: Json = {"title": title}
        description = title
    else:
        attachment = {"title": source.title}
        if source.url:
            attachment["url"] = source.url
        description = f"{source.title} ({source.kind}; reliability: {source.reliability})"
    return {
        "resourceType": "DocumentReference",
        "id": _source_ref(source_id),
        "status": "current",
        "description": description,
        "content": [{"attachment": attachment}],
    }

"""A FHIR MedicationRequest read as an order: medicine names, dose in mg, times a day, route."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from medinfo.domain.dosing import Dose, is_mass_unit
from medinfo.knowledge.cds_rules import FhirVocabulary
from medinfo.services.cds.fhir_json import (
    HookError,
    Json,
    codings,
    concept_words,
    items,
    member,
    number,
    text,
)
from medinfo.services.cds.vocabulary import load_fhir_vocabulary

_UCUM = "http://unitsofmeasure.org"
_SNOMED = "http://snomed.info/sct"
# "10 mg", "5 mg/5 mL", "0.5 mg per mL" in a medicine's name.
_STRENGTH = re.compile(
    r"(\d+(?:\.\d+)?)\s*(mg|mcg|µg|ug|g)\b(?:\s*(?:/|per)\s*(\d+(?:\.\d+)?)?\s*(ml)\b)?", re.I
)


@dataclass(frozen=True)
class Strength:
    """Milligrams of drug in one unit (tablet, capsule) or, with `per_ml`, in one millilitre."""

    mg: float
    per_ml: bool = False


@dataclass(frozen=True)
class MedicationOrder:
    """One order as medinfo reads it; `problems` say what could not be read from it."""

    reference: str
    names: tuple[str, ...]
    dose_mg: float | None
    times_per_day: int | None
    route: str | None
    problems: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the order names its medicine (for messages)."""
        return self.names[0] if self.names else self.reference


def read_order(resource: Json, where: str) -> MedicationOrder:
    """Read a MedicationRequest; HookError when it is not one or names no medicine."""
    if resource.get("resourceType") != "MedicationRequest":
        raise HookError(
            f"{where}: expected a MedicationRequest, got {resource.get('resourceType')}"
        )
    vocabulary = load_fhir_vocabulary()
    reference = f"MedicationRequest/{text(resource, 'id')}" if text(resource, "id") else where
    names, medication = medication_names(resource, where)
    if not names:
        raise HookError(f"{where}: the order names no medication (medicationCodeableConcept)")
    strength = _strength(medication, names)
    problems: list[str] = []
    instructions = items(resource, "dosageInstruction", where)
    if len(instructions) > 1:
        problems.append("only the first of several dosage instructions was read")
    dosage = instructions[0] if instructions else {}
    dose = _dose_mg(dosage, strength, vocabulary, where, problems)
    times = _times_per_day(dosage, vocabulary, where)
    if times is None:
        problems.append("no frequency (timing) in the order: the daily total was not checked")
    return MedicationOrder(
        reference, tuple(names), dose, times, _route(dosage, vocabulary, where), tuple(problems)
    )


def medication_names(resource: Json, where: str) -> tuple[list[str], Json | None]:
    """The names a MedicationRequest or MedicationStatement gives its medicine, and the
    contained Medication it refers to (if any)."""
    concept = member(resource, "medicationCodeableConcept", where)
    if concept is not None:
        return concept_words(concept), None
    reference = member(resource, "medicationReference", where)
    if reference is None:
        return [], None
    target = text(reference, "reference")
    names = [text(reference, "display")] if text(reference, "display") else []
    if target.startswith("#"):
        for contained in items(resource, "contained", where):
            if (
                contained.get("resourceType") == "Medication"
                and text(contained, "id") == target[1:]
            ):
                code = member(contained, "code", f"{where}.contained")
                return [*concept_words(code), *names], contained
    return names, None


def _strength(medication: Json | None, names: list[str]) -> Strength | None:
    """The strength from a contained Medication's one ingredient, else from the name."""
    if medication is not None:
        ingredients = items(medication, "ingredient", "Medication")
        if len(ingredients) == 1:
            ratio = member(ingredients[0], "strength", "Medication.ingredient[0]") or {}
            numerator = member(ratio, "numerator", "strength") or {}
            denominator = member(ratio, "denominator", "strength") or {}
            amount, unit = number(numerator, "value"), _unit(numerator)
            per = number(denominator, "value") or 1.0
            if amount and is_mass_unit(unit):
                mg = Dose(amount=amount, unit=unit).milligrams() / per
                return Strength(mg, per_ml=_unit(denominator) == "ml")
    for name in names:
        match = _STRENGTH.search(name)
        if match:
            mg = Dose(amount=float(match[1]), unit=match[2].lower()).milligrams()
            if match[4]:
                return Strength(mg / float(match[3] or 1), per_ml=True)
            return Strength(mg)
    return None


def _unit(quantity: Json) -> str:
    """A Quantity's unit: its UCUM code when coded, else its human-readable unit."""
    code = text(quantity, "code") if text(quantity, "system") in ("", _UCUM) else ""
    return (code or text(quantity, "unit")).lower()


def _dose_mg(
    dosage: Json,
    strength: Strength | None,
    vocabulary: FhirVocabulary,
    where: str,
    problems: list[str],
) -> float | None:
    """The dose in mg from doseAndRate (a doseQuantity, or a doseRange's upper bound)."""
    quantity: Json | None = None
    for rate in items(dosage, "doseAndRate", f"{where}.dosageInstruction[0]"):
        quantity = member(rate, "doseQuantity", where)
        if quantity is None:
            dose_range = member(rate, "doseRange", where) or {}
            quantity = member(dose_range, "high", where)
        if quantity is not None:
            break
    if quantity is None:
        problems.append("no dose (doseAndRate.doseQuantity) in the order: doses were not checked")
        return None
    amount, unit = number(quantity, "value"), _unit(quantity)
    if amount is None or amount <= 0:
        problems.append("the dose has no positive value: doses were not checked")
        return None
    if is_mass_unit(unit):
        return Dose(amount=amount, unit=unit).milligrams()
    if unit in vocabulary.volume_units_ml and strength is not None and strength.per_ml:
        return amount * vocabulary.volume_units_ml[unit] * strength.mg
    if unit in vocabulary.count_units and strength is not None and not strength.per_ml:
        return amount * strength.mg
    shown = unit or "no unit"
    problems.append(f"dose unit {shown!r} without a known strength: doses were not checked")
    return None


def _times_per_day(dosage: Json, vocabulary: FhirVocabulary, where: str) -> int | None:
    """Doses on the busiest day: from timing.repeat, else from timing.code (BID, TID, Q6H...)."""
    timing = member(dosage, "timing", f"{where}.dosageInstruction[0]")
    if timing is None:
        return None
    per_day: float | None = None
    repeat = member(timing, "repeat", f"{where}.dosageInstruction[0].timing") or {}
    frequency = number(repeat, "frequencyMax") or number(repeat, "frequency")
    period, unit = number(repeat, "period"), text(repeat, "periodUnit")
    if period and period > 0 and unit in vocabulary.period_units_per_day:
        per_day = (frequency or 1.0) * vocabulary.period_units_per_day[unit] / period
    if per_day is None:
        code = member(timing, "code", f"{where}.dosageInstruction[0].timing")
        for _, value, _ in codings(code):
            per_day = vocabulary.timing_codes.get(value.upper())
            if per_day is not None:
                break
        if per_day is None and code is not None:
            per_day = vocabulary.timing_codes.get(text(code, "text").upper())
    if per_day is None:
        return None
    # The busiest day: every-other-day dosing still gives one dose that day.
    return max(1, min(24, math.ceil(per_day - 1e-9)))


def _route(dosage: Json, vocabulary: FhirVocabulary, where: str) -> str | None:
    """The route as a word the safety rules know: from a SNOMED code, else the route's text."""
    route = member(dosage, "route", f"{where}.dosageInstruction[0]")
    for system, code, _ in codings(route):
        if system in ("", _SNOMED) and code in vocabulary.routes.snomed:
            return vocabulary.routes.snomed[code]
    words = concept_words(route)
    return words[0] if words else None

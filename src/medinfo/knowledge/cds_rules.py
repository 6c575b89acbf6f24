"""Models of the CDS Hooks rule files (knowledge/cds/): reading FHIR orders, writing cards."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from medinfo.domain.alerts import AlertCodeText, Severity
from medinfo.knowledge.loading import AboutFile, Strict


class RouteCodes(Strict):
    snomed: dict[str, str]


class KidneyCodes(Strict):
    egfr_loinc: frozenset[str]
    creatinine_loinc: frozenset[str]
    egfr_units: frozenset[str]
    creatinine_units_mg_dl: dict[str, float]


class StatusCodes(Strict):
    """An Observation that states a yes/no status (pregnancy, breastfeeding) and its answers."""

    loinc: frozenset[str]
    positive_codes: frozenset[str]
    negative_codes: frozenset[str]


class ConditionMatcher(Strict):
    """How a Condition is recognised: SNOMED codes, ICD-10 code prefixes or words in its text."""

    codes: frozenset[str]
    icd10_prefixes: tuple[str, ...]
    words: tuple[str, ...]


class FhirVocabulary(AboutFile):
    """How FHIR R4 orders and prefetch are read: timing, routes, units, LOINC, conditions."""

    FILE: ClassVar[str] = "cds/fhir_codes.json"
    timing_codes: dict[str, float]
    period_units_per_day: dict[str, float]
    volume_units_ml: dict[str, float]
    count_units: frozenset[str]
    routes: RouteCodes
    kidney: KidneyCodes
    pregnancy_status: StatusCodes
    breastfeeding_status: StatusCodes
    conditions: dict[str, ConditionMatcher] = Field(min_length=1)
    negation_words: tuple[str, ...]


class CardRules(AboutFile):
    """How safety-check alerts become CDS Hooks cards: titles, override reasons, indicators."""

    FILE: ClassVar[str] = "cds/cards.json"
    titles: dict[AlertCodeText, str]
    fallback_title: str
    override_codes: frozenset[AlertCodeText]
    override_system: str
    override_reasons: dict[str, str]
    indicators: dict[Severity, str]

    def title(self, code: str) -> str:
        """A card's title for an alert code: its own, else that of its family (an interaction
        code from the medicine-group vocabulary reads as an interaction), else the fallback."""
        if code in self.titles:
            return self.titles[code]
        if code.startswith("INTERACTION_"):
            return self.titles.get("INTERACTION_OTHER", self.fallback_title)
        return self.fallback_title

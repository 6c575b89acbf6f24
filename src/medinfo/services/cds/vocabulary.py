"""The FHIR reading vocabulary (rules/fhir_codes.json): timing, routes, units, LOINC, conditions."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from medinfo.domain.errors import InputError

_FILE = "fhir_codes.json"
T = TypeVar("T", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RouteCodes(_Strict):
    snomed: dict[str, str]


class KidneyCodes(_Strict):
    egfr_loinc: frozenset[str]
    creatinine_loinc: frozenset[str]
    egfr_units: frozenset[str]
    creatinine_units_mg_dl: dict[str, float]


class StatusCodes(_Strict):
    """An Observation that states a yes/no status (pregnancy, breastfeeding) and its answers."""

    loinc: frozenset[str]
    positive_codes: frozenset[str]
    negative_codes: frozenset[str]


class ConditionMatcher(_Strict):
    """How a Condition is recognised: SNOMED codes, ICD-10 code prefixes or words in its text."""

    codes: frozenset[str]
    icd10_prefixes: tuple[str, ...]
    words: tuple[str, ...]


class FhirVocabulary(_Strict):
    about: str
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


# The Patient fields of a safety-check request that conditions may set.
CONDITION_FIELDS = frozenset(
    {"liver_disease", "seizure_history", "pregnant", "breastfeeding", "alcohol_use"}
)


def load_rule_file(model: type[T], name: str) -> T:
    """services/cds/rules/`name` as a strict `model`; InputError naming the file when malformed."""
    text = files("medinfo.services.cds").joinpath("rules", name).read_text("utf-8")
    try:
        return model.model_validate(json.loads(text))
    except (ValueError, ValidationError) as error:
        raise InputError(f"{name}: {error}") from None


@lru_cache(maxsize=1)
def load_fhir_vocabulary() -> FhirVocabulary:
    """The packaged vocabulary; InputError naming the file when it is malformed."""
    vocabulary = load_rule_file(FhirVocabulary, _FILE)
    unknown = set(vocabulary.conditions) - CONDITION_FIELDS
    if unknown:
        raise InputError(f"{_FILE}: conditions: unknown patient fields {sorted(unknown)}")
    return vocabulary

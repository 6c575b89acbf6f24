"""The FHIR reading vocabulary (knowledge/cds/fhir_codes.json) and the fields it may set."""

from __future__ import annotations

from functools import lru_cache

from medinfo.domain.errors import InputError
from medinfo.knowledge.cds_rules import FhirVocabulary
from medinfo.knowledge.loading import load

# The Patient fields of a safety-check request that conditions may set.
CONDITION_FIELDS = frozenset(
    {"liver_disease", "seizure_history", "pregnant", "breastfeeding", "alcohol_use"}
)


@lru_cache(maxsize=1)
def load_fhir_vocabulary() -> FhirVocabulary:
    """The packaged vocabulary; InputError naming the file when it is malformed."""
    vocabulary = load(FhirVocabulary)
    unknown = set(vocabulary.conditions) - CONDITION_FIELDS
    if unknown:
        raise InputError(
            f"knowledge/{FhirVocabulary.FILE}: conditions: unknown patient fields {sorted(unknown)}"
        )
    return vocabulary

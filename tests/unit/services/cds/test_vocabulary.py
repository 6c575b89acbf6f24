"""The FHIR reading vocabulary: loads strictly and covers what the engine's patient reads."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from pydantic import ValidationError

from medinfo.services.cds.vocabulary import CONDITION_FIELDS, FhirVocabulary, load_fhir_vocabulary


def test_load_fhir_vocabulary_covers_every_condition_field() -> None:
    vocabulary = load_fhir_vocabulary()
    assert set(vocabulary.conditions) == CONDITION_FIELDS
    assert {"62238-1", "33914-3", "98979-8"} <= vocabulary.kidney.egfr_loinc
    assert vocabulary.timing_codes["TID"] == 3


def test_fhir_vocabulary_rejects_unknown_keys() -> None:
    raw = json.loads(
        files("medinfo.services.cds").joinpath("rules", "fhir_codes.json").read_text("utf-8")
    )
    raw["timing_cods"] = {}
    with pytest.raises(ValidationError, match="timing_cods"):
        FhirVocabulary.model_validate(raw)

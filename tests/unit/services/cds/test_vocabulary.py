"""The FHIR reading vocabulary: loads strictly and covers what the engine's patient reads."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from medinfo.domain.errors import InputError
from medinfo.knowledge.cds_rules import FhirVocabulary
from medinfo.knowledge.loading import parse
from medinfo.services.cds.vocabulary import CONDITION_FIELDS, load_fhir_vocabulary


def test_load_fhir_vocabulary_covers_every_condition_field() -> None:
    vocabulary = load_fhir_vocabulary()
    assert set(vocabulary.conditions) == CONDITION_FIELDS
    assert {"62238-1", "33914-3", "98979-8"} <= vocabulary.kidney.egfr_loinc
    assert vocabulary.timing_codes["TID"] == 3


def test_fhir_vocabulary_rejects_unknown_keys() -> None:
    raw = json.loads(files("medinfo.knowledge").joinpath(FhirVocabulary.FILE).read_text("utf-8"))
    raw["timing_cods"] = {}
    with pytest.raises(InputError, match=r"fhir_codes\.json: timing_cods"):
        parse(FhirVocabulary, json.dumps(raw).encode())

"""Tests of the term vocabularies and their matcher."""

from __future__ import annotations

import pytest

from medinfo.domain.errors import InputError
from medinfo.extract.terms import parse_vocabulary, vocabulary, vocabulary_names


def keys(vocab: str, text: str) -> list[str]:
    return [match.key for match in vocabulary(vocab).find(text)]


def test_vocabulary_every_packaged_file_loads() -> None:
    for name in vocabulary_names():
        assert vocabulary(name).terms, name


def test_vocabulary_folds_synonyms_and_plurals() -> None:
    assert keys("side_effects", "Headaches, tiredness and sleepiness") == [
        "headache",
        "fatigue",
        "drowsiness",
    ]


def test_vocabulary_prefers_the_longest_match() -> None:
    assert keys("side_effects", "slowed or shallow breathing") == ["respiratory depression"]
    assert keys("forms", "an extended-release tablet") == ["extended-release tablet"]


def test_vocabulary_matches_whole_words_only() -> None:
    assert keys("side_effects", "a feverish unrashlike state") == []


def test_vocabulary_expands_coordinated_terms() -> None:
    assert sorted(keys("precautions", "people with liver or kidney disease")) == [
        "kidney disease",
        "liver disease",
    ]


def test_vocabulary_rejects_unknown_keys() -> None:
    raw = {"terms": [{"term": "nausea", "colour": "green"}]}
    with pytest.raises(InputError, match=r"side_effects.json.*colour"):
        parse_vocabulary("side_effects", raw)


def test_vocabulary_rejects_values_outside_the_allowed_set() -> None:
    raw = {"terms": [{"term": "alcohol", "severity": "catastrophic"}]}
    with pytest.raises(InputError, match="severity"):
        parse_vocabulary("interaction_agents", raw)


def test_vocabulary_rejects_a_term_listed_twice() -> None:
    raw = {"terms": [{"term": "gel"}, {"term": "Gel"}]}
    with pytest.raises(InputError, match="twice"):
        parse_vocabulary("forms", raw)

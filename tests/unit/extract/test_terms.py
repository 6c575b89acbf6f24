"""Tests of the term vocabularies and their matcher."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from medinfo.extract.terms import vocabulary, vocabulary_names


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


@given(
    words=st.lists(
        st.sampled_from(
            [
                "liver",
                "kidney",
                "disease",
                "failure",
                "muscle",
                "pain",
                "weakness",
                "high",
                "blood",
                "pressure",
                "and",
                "or",
                ",",
                "-",
                "dizzy",
                "dizziness",
                "drowsy",
            ]
        ),
        max_size=12,
    ),
    name=st.sampled_from(["side_effects", "conditions", "precautions"]),
)
def test_vocabulary_trie_matches_what_a_longest_first_alternation_matches(
    words: list[str], name: str
) -> None:
    text = " ".join(words)
    matcher = vocabulary(name)
    surfaces = sorted(matcher._by_surface, key=len, reverse=True)
    body = "|".join(r"[\s\-]+".join(map(re.escape, s.split(" "))) for s in surfaces)
    alternation = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    expected = [match.span() for match in alternation.finditer(text)]
    assert [match.span() for match in matcher._pattern.finditer(text)] == expected


def test_vocabulary_matches_british_and_american_spellings_alike() -> None:
    assert keys("side_effects", "hyperkalaemia, hyponatraemia and anaemia") == [
        "high potassium",
        "low sodium",
        "anemia",
    ]
    assert keys("side_effects", "hemolytic anemia") == ["haemolytic anaemia"]


def test_vocabulary_expands_coordination_with_a_repeated_modifier() -> None:
    assert sorted(keys("precautions", "people with severe liver or severe kidney problems")) == [
        "kidney disease",
        "liver disease",
    ]

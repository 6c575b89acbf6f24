"""The drug dictionary read from its data file finds what the library's exact matching finds."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from medinfo.extract.drug_dictionary import DictionaryEntry, find_in_tokens
from medinfo.knowledge.extract_rules import DrugDetectionRules, DrugTwins
from medinfo.knowledge.loading import load

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")
_FILLER = ["the", "of", "and", "with", "tablets", "patients", "take", "mg", "daily", "not"]


def _library(tokens: list[str]) -> list[tuple[str, bool | None, int, int]]:
    from drug_named_entity_recognition import find_drugs

    found: list[tuple[dict[str, Any], int, int]] = find_drugs(tokens, is_ignore_case=True)
    rules = load(DrugTwins)
    twins = rules.twins  # ours files each medicine under one of its names
    generic = frozenset(rules.generic_names)  # and never calls another generic name a brand
    out = []
    for record, start, end in found:
        brand = record.get("is_brand")
        name = str(record.get("name") or "")
        said = " ".join(tokens[start:end]).lower()
        brand = False if said in generic else brand
        out.append(
            (twins.get(name.lower(), name), brand if isinstance(brand, bool) else None, start, end)
        )
    return out


def _ours(tokens: list[str]) -> list[tuple[str, bool | None, int, int]]:
    found = find_in_tokens(tokens)
    return [(entry.name, entry.is_brand, start, end) for entry, start, end in found]


def _texts(names: list[str], seed: int, count: int) -> list[str]:
    """Texts of dictionary names in every case, side by side (two-token names overlap) and
    mixed with plain words."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [
            rng.choice([name, name.upper(), name.title()]) for name in rng.sample(names, 4)
        ] + rng.sample(_FILLER, 3)
        rng.shuffle(words)
        texts.append(" ".join(words))
    return texts


def test_same_matches_as_the_library_on_dictionary_names_in_any_case() -> None:
    from drug_named_entity_recognition.drugs_finder import drug_variant_to_canonical

    names = sorted(drug_variant_to_canonical)
    texts = _texts(names, seed=15, count=3000)
    texts.append("Take Tylenol with Advil; Ziagen (abacavir) and Viagra tablets.")
    rules = load(DrugDetectionRules)
    ours_only = set(rules.supplement) | set(rules.corrections)
    matched = 0
    for text in texts:
        tokens = _TOKEN.findall(text)
        if ours_only & {token.lower() for token in tokens}:
            continue  # names the library lacks or misfiles: ours (tested below)
        expected = _library(tokens)
        assert _ours(tokens) == expected, text
        matched += len(expected)
    assert matched > len(texts)  # the texts do name drugs


def test_supplement_names_the_library_lacks_are_found_as_their_generic() -> None:
    found = [(entry.name, name) for entry, name in _named(["Testosterone", "and", "adrenaline"])]
    assert found == [("testosterone", "Testosterone"), ("epinephrine", "adrenaline")]
    assert all(entry.is_brand is False for entry, _ in _named(["progesterone"]))


def test_supplement_never_overrides_a_library_name() -> None:
    from drug_named_entity_recognition.drugs_finder import drug_variant_to_canonical

    assert not set(load(DrugDetectionRules).supplement) & set(drug_variant_to_canonical)


def test_brand_and_generic_entries() -> None:
    found = {name: entry for entry, name in _named(["Tylenol", "acetaminophen", "xyzzy"])}
    assert found["Tylenol"].is_brand is not False  # most brands leave it unsaid
    assert found["acetaminophen"].is_brand is False
    assert found["Tylenol"].name.lower() == found["acetaminophen"].name.lower()
    assert "xyzzy" not in found


def _named(tokens: list[str]) -> list[tuple[DictionaryEntry, str]]:
    return [(entry, " ".join(tokens[start:end])) for entry, start, end in find_in_tokens(tokens)]


@pytest.mark.parametrize("tokens", [[], ["mg"], ["the", "of"]])
def test_no_names(tokens: list[str]) -> None:
    assert find_in_tokens(tokens) == []


def test_a_correction_replaces_the_librarys_reading_of_a_brand() -> None:
    rules = load(DrugDetectionRules)
    for name, generic in rules.corrections.items():
        (found,) = _named([name.title()])
        assert found[0].name == generic

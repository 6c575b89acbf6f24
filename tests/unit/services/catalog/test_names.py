"""Name folding, salts, combinations and synonym filtering behave as a pharmacist expects."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medinfo.domain.names import fold
from medinfo.services.catalog.names import (
    base_name,
    is_clean_synonym,
    is_generic_label,
    is_strength,
    split_combination,
    split_ingredients,
    without_strength,
)
from medinfo.services.catalog.vocabulary import load_name_rules

RULES = load_name_rules()


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("  Acétaminophène ") == fold("ACETAMINOPHENE")
    assert fold("K-Tab") == "k tab"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_split_ingredients_keeps_parenthesised_mixtures_whole() -> None:
    assert split_ingredients("ACETAMINOPHEN; CODEINE PHOSPHATE") == [
        "acetaminophen",
        "codeine phosphate",
    ]
    assert split_ingredients("MIXTURE (ALPHA;BETA)") == ["mixture (alpha;beta)"]


def test_split_ingredients_reads_series_and_salt_pairs() -> None:
    assert split_ingredients("ZIDOVUDINE, LAMIVUDINE, AND ABACAVIR") == [
        "zidovudine",
        "lamivudine",
        "abacavir",
    ]
    assert split_ingredients("AMOXAPINE/AMOXAPINE HYDRATE") == ["amoxapine", "amoxapine hydrate"]
    assert split_ingredients("INSULIN BEEF/PORK") == ["insulin beef/pork"]


def test_base_name_strips_salt_only_when_the_base_is_a_drug() -> None:
    known = {"metformin", "morphine"}.__contains__
    assert base_name("metformin hydrochloride", known, RULES) == "metformin"
    assert base_name("morphine sulfate monohydrate", known, RULES) == "morphine"
    assert base_name("ferrous sulfate", known, RULES) == "ferrous sulfate"


def test_is_clean_synonym_drops_chemical_names_codes_and_other_scripts() -> None:
    assert is_clean_synonym("Paracétamol", RULES)
    assert is_clean_synonym("APAP", RULES)
    assert not is_clean_synonym("4-acetamidophenol", RULES)
    assert not is_clean_synonym("p-hydroxyacetanilide", RULES)
    assert not is_clean_synonym("парацетамол", RULES)
    assert not is_clean_synonym("N-(4-hydroxyphenyl)acetamide", RULES)


def test_is_generic_label_tells_brands_from_restated_ingredients() -> None:
    ingredients = ["acetaminophen", "hydrocodone bitartrate"]
    assert is_generic_label("HYDROCODONE BITARTRATE AND ACETAMINOPHEN", ingredients, RULES)
    assert is_generic_label("DEXTROSE 5% IN PLASTIC CONTAINER", ["dextrose"], RULES)
    assert not is_generic_label("NORCO", ingredients, RULES)


@pytest.mark.parametrize(
    "typed",
    ["hydrocodone/acetaminophen", "hydrocodone and acetaminophen", "Hydrocodone + Acetaminophen"],
)
def test_split_combination_finds_both_parts(typed: str) -> None:
    assert split_combination(typed, RULES) == ["hydrocodone", "acetaminophen"]


@pytest.mark.parametrize(
    ("folded", "bare"),
    [
        ("advair diskus 100 50", "advair diskus"),
        ("lisinopril 10mg", "lisinopril"),
        ("xanax 0 5 mg", "xanax"),
        ("vitamin b12", "vitamin b12"),
        ("tylenol w codeine no 3", "tylenol w codeine no"),
    ],
)
def test_without_strength_drops_only_a_trailing_strength(folded: str, bare: str) -> None:
    assert without_strength(folded) == bare


def test_is_strength_knows_numbers_with_units_from_names() -> None:
    assert is_strength("325")
    assert is_strength("0 5 mg")
    assert not is_strength("acetaminophen 5")
    assert not is_strength("b12")

"""Drug detection: the main drug of a document, brands resolved to the generic name."""

from __future__ import annotations

import pytest

from medinfo.extract.drug_detection import (
    canonical_drug_name,
    combination_key,
    detect_drug,
    find_drug_names,
    named_combination,
)
from tests.unit.extract.conftest import read_text


def test_detect_drug_from_brand_in_title() -> None:
    text = (
        "---\ntitle: Zoloft guide\n---\nAn antidepressant. Unlike Prozac, it is taken once daily."
    )
    assert detect_drug(read_text(text)) == "sertraline"


def test_detect_drug_most_mentioned_beats_a_passing_link() -> None:
    text = (
        "Metformin helps control blood sugar.\nRead next: Tylenol for headaches.\n"
        "Take metformin with meals. Metformin rarely causes low blood sugar by itself.\n"
    )
    assert detect_drug(read_text(text)) == "metformin"


@pytest.mark.parametrize("group", ["Opioid pain medicines", "Calcium channel blockers"])
def test_a_group_of_medicines_in_the_title_is_never_the_main_drug(group: str) -> None:
    text = (
        f"Forums > Medications > {group}\n"
        "Just started Nucynta for back pain. Is it normal to feel sleepy on it?\n"
    )
    assert detect_drug(read_text(text)) == "tapentadol"


def test_detect_drug_none_when_no_drug() -> None:
    assert detect_drug(read_text("Stretching helps stiff muscles.")) is None


def test_canonical_drug_name_brand_and_unknown() -> None:
    assert canonical_drug_name("Lioresal") == "baclofen"
    assert canonical_drug_name("Madeupzol") == "madeupzol"


def test_a_title_naming_two_ingredients_and_a_form_is_the_combination_product() -> None:
    assert named_combination("Codeine Phosphate and Guaifenesin Oral Solution") == (
        "codeine; guaifenesin"
    )
    assert named_combination("amlodipine/benazepril capsules: dosing") == "amlodipine; benazepril"


def test_two_drugs_named_together_without_a_form_are_not_a_product() -> None:
    assert named_combination("Warfarin and aspirin: a risky pair") is None
    assert named_combination("Fluoxetine with tramadol interaction") is None
    assert named_combination("Metformin tablets") is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("fluticasone and salmeterol", "fluticasone; salmeterol"),
        ("mometasone/formoterol", "formoterol; mometasone"),
        ("aprepitant/fosaprepitant", "aprepitant/fosaprepitant"),  # one drug's two names
        ("codeine", "codeine"),
    ],
)
def test_a_combination_name_is_keyed_as_the_catalog_keys_combinations(name: str, key: str) -> None:
    assert combination_key(name) == key


def test_a_brand_of_a_combination_names_the_combination_key() -> None:
    assert "budesonide; formoterol" in find_drug_names("Symbicort")

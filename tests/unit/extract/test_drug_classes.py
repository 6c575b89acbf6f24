"""The drug-class vocabulary: validated on load, classes by alias, products by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medinfo.config import SHARED_DIR
from medinfo.domain.errors import InputError
from medinfo.extract.drug_classes import load_drug_classes, normalize_name, parse_drug_classes


def test_classes_named_reads_article_wording() -> None:
    vocabulary = load_drug_classes()
    named = vocabulary.classes_named("other CNS depressants (such as sleeping pills or narcotics)")
    assert {"cns_depressants", "sleeping_pills", "opioids"} <= named
    assert vocabulary.classes_named("MAOIs") == {"maois"}
    assert vocabulary.classes_named("antidepressants") == {"antidepressants"}


def test_classes_of_drug_includes_wider_classes() -> None:
    vocabulary = load_drug_classes()
    assert {"opioids", "cns_depressants"} <= vocabulary.classes_of_drug("Oxycodone")
    assert "cns_depressants" not in vocabulary.classes_of_drug("loratadine")
    assert "antihistamines" in vocabulary.classes_of_drug("loratadine")


def test_sleeping_pills_cover_z_drugs_benzodiazepines_and_sedating_antihistamines() -> None:
    members = load_drug_classes().members_of("sleeping_pills")
    assert {"zolpidem", "temazepam", "diphenhydramine"} <= members


def test_components_of_splits_brand_combinations() -> None:
    vocabulary = load_drug_classes()
    assert vocabulary.components_of("Vicodin") == ("hydrocodone", "acetaminophen")
    assert vocabulary.components_of("unknownium") is None


def test_drugs_named_finds_generics_and_brands_in_a_phrase() -> None:
    assert load_drug_classes().drugs_named("fluvoxamine or Cipro") == {
        "fluvoxamine",
        "ciprofloxacin",
    }


def test_normalize_name_folds_case_punctuation_and_plurals() -> None:
    assert normalize_name("CNS-Depressants") == normalize_name("cns depressant")


def test_parse_drug_classes_rejects_unknown_keys_and_dangling_includes() -> None:
    with pytest.raises(InputError, match="unknown keys"):
        parse_drug_classes({"classes": [], "extra": 1})
    with pytest.raises(InputError, match="includes unknown"):
        parse_drug_classes({"classes": [{"id": "a", "label": "a", "includes": ["b"]}]})
    with pytest.raises(InputError, match="unknown keys"):
        parse_drug_classes({"classes": [{"id": "a", "label": "a", "kind": "x"}]})


def _shared_dir() -> Path:
    configured = SHARED_DIR.value()
    return Path(configured) if configured else Path(__file__).parents[3] / ".." / "shared"


def test_every_gold_interaction_agent_is_a_known_class_or_drug() -> None:
    gold_file = _shared_dir() / "dev-gold" / "baclofen.json"
    if not gold_file.is_file():
        pytest.skip("shared dev-gold not available")
    vocabulary = load_drug_classes()
    for item in json.loads(gold_file.read_text(encoding="utf-8"))["interactions"]:
        agent = item["agent"]
        assert vocabulary.classes_named(agent) or vocabulary.drugs_named(agent), agent

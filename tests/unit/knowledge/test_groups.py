"""The medicine-group vocabulary: validated on load, groups by alias, members through names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medinfo.config import SHARED_DIR
from medinfo.domain.errors import InputError
from medinfo.knowledge.groups import (
    MedicineGroupsFile,
    group_by_name,
    groups_of,
    medicine_groups,
)
from medinfo.knowledge.loading import parse
from medinfo.knowledge.names import normalize_name


def test_classes_named_reads_article_wording() -> None:
    vocabulary = medicine_groups()
    named = vocabulary.classes_named("other CNS depressants (such as sleeping pills or narcotics)")
    assert {"cns_depressants", "sleeping_pills", "narcotics"} <= named
    assert medicine_groups().is_within("opioids", "narcotics")
    assert vocabulary.classes_named("MAOIs") == {"maois"}
    assert vocabulary.classes_named("antidepressants") == {"antidepressants"}


def test_an_alias_inside_a_longer_one_names_only_the_longer_group() -> None:
    vocabulary = medicine_groups()
    assert vocabulary.classes_named("potassium-sparing diuretics") == {
        "potassium_sparing_diuretics"
    }
    named = vocabulary.classes_named("potassium-sparing diuretics and other diuretics")
    assert {"potassium_sparing_diuretics", "diuretics"} <= named


def test_classes_of_drug_includes_wider_classes() -> None:
    vocabulary = medicine_groups()
    assert {"opioids", "narcotics", "cns_depressants"} <= vocabulary.classes_of_drug("Oxycodone")
    assert "cns_depressants" not in vocabulary.classes_of_drug("loratadine")
    assert "antihistamines" in vocabulary.classes_of_drug("loratadine")


def test_sleeping_pills_cover_z_drugs_benzodiazepines_and_sedating_antihistamines() -> None:
    members = medicine_groups().members_of("sleeping_pills")
    assert {"zolpidem", "temazepam", "diphenhydramine"} <= members


def test_components_of_splits_brand_combinations() -> None:
    vocabulary = medicine_groups()
    assert vocabulary.components_of("Vicodin") == ("hydrocodone", "acetaminophen")
    assert vocabulary.components_of("unknownium") is None


def test_drugs_named_finds_generics_and_brands_in_a_phrase() -> None:
    assert medicine_groups().drugs_named("fluvoxamine or Cipro") == {
        "fluvoxamine",
        "ciprofloxacin",
    }


def test_normalize_name_folds_case_punctuation_and_plurals() -> None:
    assert normalize_name("CNS-Depressants") == normalize_name("cns depressant")


def _parse(data: object) -> None:
    parse(MedicineGroupsFile, json.dumps({"version": 2, **data}).encode())  # type: ignore[dict-item]


def test_group_file_rejects_unknown_keys_and_dangling_includes() -> None:
    group = {"id": "a", "label": "a", "kind": "medicine"}
    with pytest.raises(InputError, match="extra: Extra inputs"):
        _parse({"groups": [], "extra": 1})
    with pytest.raises(InputError, match="includes unknown"):
        _parse({"groups": [{**group, "includes": ["b"]}]})
    with pytest.raises(InputError, match=r"groups\.0\.colour"):
        _parse({"groups": [{**group, "colour": "x"}]})
    with pytest.raises(InputError, match=r"groups\.0\.interaction\.severity"):
        _parse({"groups": [{**group, "interaction": {"severity": "catastrophic"}}]})


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("Percocet", "opioids"),
        ("oxycodone hydrochloride", "opioids"),
        ("Hydrocodone/Acetaminophen", "opioids"),
        ("sertraline HCl", "ssris"),
        ("Xanax", "benzodiazepines"),
        ("methadone", "qt_prolonging_drugs"),
    ],
)
def test_groups_of_resolves_brands_salts_and_combinations(name: str, group: str) -> None:
    assert group in groups_of(name)


def test_groups_of_an_unknown_name_is_empty() -> None:
    assert groups_of("unknownium sulfate") == frozenset()


def test_group_by_name_reads_aliases_and_usual_interaction() -> None:
    group = group_by_name("Drugs that prolong the QT interval")
    assert group is not None
    assert group.id == "qt_prolonging_drugs"
    assert group.interaction.mechanism == "QT prolongation"
    assert group_by_name("opiates") == group_by_name("opioid")
    assert group_by_name("vitamins") is None


def _shared_dir() -> Path:
    configured = SHARED_DIR.value()
    return Path(configured) if configured else Path(__file__).parents[3] / ".." / "shared"


def test_every_gold_interaction_agent_is_a_known_class_or_drug() -> None:
    gold_file = _shared_dir() / "dev-gold" / "baclofen.json"
    if not gold_file.is_file():
        pytest.skip("shared dev-gold not available")
    vocabulary = medicine_groups()
    for item in json.loads(gold_file.read_text(encoding="utf-8"))["interactions"]:
        agent = item["agent"]
        assert vocabulary.classes_named(agent) or vocabulary.drugs_named(agent), agent


def test_interaction_agents_come_from_the_groups_agent_keys() -> None:
    agents = {term.term: term for term in medicine_groups().agent_terms()}
    assert "sedating antihistamines" in agents["antihistamines"].synonyms
    assert "tranquilizers" in agents["sedatives"].synonyms
    assert agents["narcotics"].severity == "major"
    assert agents["alcohol"].agent_type == "substance"
    assert "qt prolonging drugs" not in agents


def test_class_terms_come_from_the_groups_class_terms() -> None:
    classes = {term.term: term for term in medicine_groups().class_terms()}
    assert "muscle relaxer" in classes["skeletal muscle relaxant"].synonyms
    assert "selective serotonin reuptake inhibitor" in classes["SSRI"].synonyms
    assert "SSRI" not in classes["SSRI"].synonyms


def test_every_group_named_as_a_class_has_members() -> None:
    vocabulary = medicine_groups()
    empty = [
        group.id
        for group in vocabulary.groups.values()
        if group.class_term is not None and not vocabulary.members_of(group.id)
    ]
    assert empty == []


def test_every_medicine_group_has_members() -> None:
    vocabulary = medicine_groups()
    empty = [gid for gid in vocabulary.groups if not vocabulary.members_of(gid)]
    assert empty == []


@pytest.mark.parametrize(
    ("member", "group"),
    [
        ("atorvastatin calcium", "statins"),
        ("lisinopril", "ace_inhibitors"),
        ("atazanavir sulfate", "hiv_protease_inhibitors"),
        ("insulin glargine", "insulins"),
        ("prednisone", "corticosteroids"),
    ],
)
def test_formerly_empty_and_class_groups_reach_their_members(member: str, group: str) -> None:
    assert group in groups_of(member)


def test_product_names_of_gives_a_generics_single_ingredient_names() -> None:
    names = medicine_groups().product_names_of("Ibuprofen")
    assert "advil" in names
    assert "excedrin" not in medicine_groups().product_names_of("aspirin")  # a combination

"""Resolving the patient's other medicines: brands, misspellings, combinations, the catalog."""

from __future__ import annotations

import pytest

from medinfo.services.safety import resolve_components
from medinfo.services.safety.medicines import resolve_medicines


@pytest.mark.parametrize(
    ("name", "components"),
    [
        ("OxyContin", ("oxycodone",)),
        ("Norco", ("hydrocodone", "acetaminophen")),
        ("Percocet 5/325", ("oxycodone", "acetaminophen")),
        ("hydrocodone/acetaminophen", ("hydrocodone", "acetaminophen")),
        ("oxycodone and acetaminophen", ("oxycodone", "acetaminophen")),
        ("Xanax XR 0.5 mg", ("alprazolam",)),
        ("xanex", ("alprazolam",)),
        ("Ambien CR", ("zolpidem",)),
    ],
)
def test_resolve_components_finds_generics(name: str, components: tuple[str, ...]) -> None:
    assert resolve_components(name) == (components, True)


def test_resolve_components_uses_the_drug_recogniser_for_names_outside_the_vocabulary() -> None:
    found, recognised = resolve_components("Glucophage")
    assert recognised
    assert found == ("metformin",)


def test_resolve_components_keeps_unknown_names_as_written() -> None:
    assert resolve_components("Zqxwv Brand 5 mg") == (("zqxwv brand",), False)


class _Catalog:
    def resolve_components(self, name: str) -> list[str]:
        return ["Quexolide", "Acetaminophen"] if name.lower() == "quexocet" else []


def test_resolve_components_asks_the_given_resolver() -> None:
    assert resolve_components("Quexocet", _Catalog()) == (("quexolide", "acetaminophen"), True)


def test_a_salt_named_medicine_has_its_base_s_classes() -> None:
    (medicine,) = resolve_medicines(["divalproex sodium"])
    assert "anticonvulsants" in medicine.classes


@pytest.mark.parametrize("name", ["Depakote", "sodium valproate", "valproic acid"])
def test_every_name_of_valproate_shares_one_group(name: str) -> None:
    (medicine,) = resolve_medicines([name])
    assert "valproates" in medicine.classes


def test_a_generic_description_of_a_group_member_takes_the_groups_class() -> None:
    (medicine,) = resolve_medicines(["progestogen-only contraceptive pill"])
    assert "oral_contraceptives" in medicine.classes

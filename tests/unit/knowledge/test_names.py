"""Names as readers write them: brand names in prose."""

from __future__ import annotations

import pytest

from medinfo.knowledge.names import acid_twin, brand_in_prose, one_covered_part


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("LIPITOR", "Lipitor"),
        ("ZYRTEC-D", "Zyrtec-D"),
        ("WELLBUTRIN XL", "Wellbutrin XL"),
        ("PLAN B ONE-STEP", "Plan B One-Step"),
        ("EpiPen", "EpiPen"),
    ],
)
def test_brand_in_prose(raw: str, shown: str) -> None:
    assert brand_in_prose(raw) == shown


@pytest.mark.parametrize(
    ("name", "twin"),
    [
        ("Valproic acid", "valproate"),
        ("ibandronate", "ibandronic acid"),
        ("mycophenolic acid", "mycophenolate"),
        ("metformin", None),
        ("folic", None),
    ],
)
def test_acid_twin_names_the_same_medicine_as_acid_or_anion(name: str, twin: str | None) -> None:
    assert acid_twin(name) == twin


def test_one_covered_part_of_a_combination() -> None:
    def covered(part: str) -> bool:
        return part == "buprenorphine"

    assert one_covered_part("buprenorphine; naloxone", covered) == ("buprenorphine", ["naloxone"])
    assert one_covered_part("buprenorphine", covered) is None
    assert one_covered_part("naloxone / nicotine", covered) is None

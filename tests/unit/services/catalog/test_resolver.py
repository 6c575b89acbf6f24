"""Any name a person types resolves to its generic drug; unknown names get suggestions."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from medinfo.domain.errors import UnknownDrugError
from medinfo.services.catalog import Catalog, iter_name_rows, load_catalog
from medinfo.services.catalog.build import write_catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def small_catalog(fixture_data_dir: Path, tmp_path: Path) -> Catalog:
    target = tmp_path / "small.json.gz"
    write_catalog(fixture_data_dir, target)
    return load_catalog(target)


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("baclofen", "baclofen"),
        ("LIORESAL", "baclofen"),
        ("Gablofen", "baclofen"),
        ("kemstro", "baclofen"),
        ("Zanaflex", "tizanidine"),
        ("tizanidine hydrochloride", "tizanidine"),
        ("oxycodone HCl", "oxycodone"),
        ("Metaxalone", "metaxalone"),
        ("Skelaxin", "metaxalone"),
        ("Paracétamol", "acetaminophen"),
    ],
)
def test_resolve_maps_generic_brand_salt_and_synonym(
    catalog: Catalog, typed: str, generic: str
) -> None:
    assert catalog.resolve(typed) == generic


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("baclophen", "baclofen"),
        ("lioreseal", "baclofen"),
        ("tizanadine", "tizanidine"),
        ("metaxolone", "metaxalone"),
        ("gabapentine", "gabapentin"),
    ],
)
def test_resolve_tolerates_misspellings(catalog: Catalog, typed: str, generic: str) -> None:
    assert catalog.resolve(typed) == generic


def test_resolve_without_fuzzy_rejects_a_real_typo(catalog: Catalog) -> None:
    assert catalog.resolve("lioreseal", fuzzy=False) is None


@pytest.mark.parametrize(
    "typed", ["hydrocodone/acetaminophen", "Norco", "acetaminophen and hydrocodone bitartrate"]
)
def test_resolve_components_splits_combinations(catalog: Catalog, typed: str) -> None:
    assert sorted(catalog.resolve_components(typed)) == ["acetaminophen", "hydrocodone"]


def test_resolve_components_of_a_typed_pair(catalog: Catalog) -> None:
    assert catalog.resolve("oxycodone and acetaminophen") == "acetaminophen; oxycodone"
    assert catalog.resolve_components("oxycodone and acetaminophen") == [
        "acetaminophen",
        "oxycodone",
    ]
    assert catalog.resolve_components("baclofen + tizanidine") == ["baclofen", "tizanidine"]
    assert catalog.resolve_components("Lioresal") == ["baclofen"]


def test_unknown_name_returns_none_with_suggestions(catalog: Catalog) -> None:
    assert catalog.resolve("qwertyzol") is None
    assert catalog.resolve_components("qwertyzol and baclofen") == []
    assert catalog.suggest("baclfn")[0].lower() == "baclofen"
    with pytest.raises(UnknownDrugError, match="did you mean"):
        catalog.require("baclofin tabz")


def test_get_returns_products_with_forms_and_strengths(catalog: Catalog) -> None:
    drug = catalog.get("Baclofen")
    assert drug is not None
    assert {"LIORESAL", "GABLOFEN", "KEMSTRO"} <= set(drug.brand_names)
    assert ("INJECTABLE", "INTRATHECAL") in {(p.form, p.route) for p in drug.products}
    assert catalog.get("LIORESAL") is None


def test_search_puts_prefix_matches_first(catalog: Catalog) -> None:
    names = [drug.name for drug in catalog.search("baclo", limit=5)]
    assert names[0] == "baclofen"
    assert [drug.name for drug in catalog.search("zanaflx", limit=3)] == ["tizanidine"]
    assert catalog.search("", limit=5) == []


def test_iter_name_rows_lists_every_kind(small_catalog: Catalog) -> None:
    rows = set(small_catalog.iter_name_rows())
    assert ("tizanidine", "tizanidine", "generic") in rows
    assert ("ZANAFLEX", "tizanidine", "brand") in rows
    assert ("tizanidine hydrochloride", "tizanidine", "synonym") in rows
    assert {kind for _name, _key, kind in rows} == {"generic", "brand", "synonym"}


def test_iter_name_rows_covers_the_packaged_catalog() -> None:
    rows = list(iter_name_rows())
    assert ("GABLOFEN", "baclofen", "brand") in rows
    assert len(rows) > len(load_catalog())


def test_small_catalog_resolves_its_own_names(small_catalog: Catalog) -> None:
    assert small_catalog.resolve("norco") == "acetaminophen; hydrocodone"
    assert small_catalog.resolve("apap") == "acetaminophen"
    assert small_catalog.resolve("baclofen") is None


def _median_ms(catalog: Catalog, names: list[str]) -> float:
    timings = []
    for name in names * 20:
        started = time.perf_counter()
        catalog.resolve(name)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return timings[len(timings) // 2]


def test_resolve_is_fast_for_exact_and_misspelled_names(catalog: Catalog) -> None:
    # Medians keep the test steady on a loaded machine; bench_catalog.py reports p95.
    assert _median_ms(catalog, ["baclofen", "Zanaflex", "oxycodone hcl", "Norco"]) < 1.0
    assert _median_ms(catalog, ["lioreseal", "tizanadine", "metaxolone", "qwertyzol"]) < 10.0


@pytest.mark.parametrize("word", ["pain", "muscle", "depression", "insulin", "vitamin", "take"])
def test_resolve_does_not_guess_a_drug_from_a_common_or_partial_word(
    catalog: Catalog, word: str
) -> None:
    assert catalog.resolve(word) is None


def test_first_word_of_a_brand_family_names_its_drug(catalog: Catalog) -> None:
    key = catalog.first_word_of("advair")  # "Advair Diskus 100/50", "Advair HFA", ...
    assert key is not None
    assert "salmeterol" in key


def test_first_word_of_an_ordinary_word_is_nothing(catalog: Catalog) -> None:
    assert catalog.first_word_of("water") is None  # a generic name ("purified water")
    assert catalog.first_word_of("morning") is None

"""Any medicine name to its stored monograph: stored names, catalog brands, typos, no monograph."""

from __future__ import annotations

import pytest

from medinfo.domain.errors import UnknownDrugError
from medinfo.services.monograph_lookup import NoMonographError, StoreMonographs
from medinfo.store.database import Database
from tests.stored_monographs import store_monograph, tizanidine


@pytest.fixture
def lookup(database: Database) -> StoreMonographs:
    store_monograph(database, tizanidine())
    return StoreMonographs(database)


@pytest.mark.parametrize("name", ["tizanidine", "Zanaflex", "TIZANIDINE ", "tizanadine"])
def test_require_resolves_generic_brand_and_misspelled_names(
    lookup: StoreMonographs, name: str
) -> None:
    drug, monograph = lookup.require(name)
    assert drug == "tizanidine"
    assert monograph.dosing.max_daily is not None
    assert monograph.dosing.max_daily.amount == 36


def test_require_refuses_a_catalog_drug_without_monograph(lookup: StoreMonographs) -> None:
    with pytest.raises(NoMonographError, match="alprazolam") as caught:
        lookup.require("Xanax")
    assert caught.value.drug == "alprazolam"
    assert "no sources" in str(caught.value)


def test_require_suggests_close_names_for_an_unknown_drug(lookup: StoreMonographs) -> None:
    with pytest.raises(UnknownDrugError) as caught:
        lookup.require("tizanidxyz")
    assert "tizanidine" in [name.lower() for name in caught.value.suggestions]


def test_find_in_text_reads_brand_names_in_questions(lookup: StoreMonographs) -> None:
    assert lookup.find_in_text("can i take zanaflex at night") == "tizanidine"
    assert lookup.find_in_text("is it ok with my coffee") is None


def test_get_reads_a_changed_monograph_again(database: Database, lookup: StoreMonographs) -> None:
    assert lookup.get("tizanidine") is not None
    changed = tizanidine().model_copy(update={"brand_names": ["Zanaflex", "Sirdalud"]})
    with database.transaction() as store:
        from medinfo.services.monographs import refresh_monograph

        refresh_monograph(store, "tizanidine", lambda *_: changed)
    monograph = lookup.get("tizanidine")
    assert monograph is not None
    assert "Sirdalud" in monograph.brand_names
    assert lookup.resolve("sirdalud") == "tizanidine"


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        ("how much xanax can i take", "alprazolam"),  # a medicine the intent rules name
        ("is it ok to use my advair twice", "fluticasone propionate; salmeterol"),  # first word
        ("alprazolan 0.5 making me sleepy", "alprazolam"),  # a long word within a typo
    ],
)
def test_catalog_in_text_finds_catalog_medicines(
    lookup: StoreMonographs, question: str, drug: str
) -> None:
    found = lookup.catalog_in_text(question)
    assert found is not None
    assert found.name == drug


@pytest.mark.parametrize(
    "question",
    [
        "can i drink alcohol with it",
        "how much water a day",
        "diabetic type 2, what about my sugars",  # a condition's word, not a misspelled brand
        "is the car glovebox ok in summer",  # two typos from Lovenox, but not its first letter
    ],
)
def test_catalog_in_text_never_reads_everyday_words(lookup: StoreMonographs, question: str) -> None:
    assert lookup.catalog_in_text(question) is None


def test_find_in_text_reads_the_short_names_the_vocabulary_knows(database: Database) -> None:
    store_monograph(database, tizanidine().model_copy(update={"drug": "spironolactone"}))
    lookup = StoreMonographs(database)
    assert lookup.find_in_text("how long does spiro take to clear acne") == "spironolactone"


@pytest.mark.parametrize(
    "question",
    [
        "dose of fluticasone and salmeterol for asthma",
        "can i use salmeterol with fluticasone when pregnant",
        "is the seretide inhaler a steroid",
    ],
)
def test_find_in_text_reads_a_combination_monograph_by_its_parts(
    database: Database, question: str
) -> None:
    combination = tizanidine().model_copy(update={"drug": "fluticasone-salmeterol"})
    store_monograph(database, combination)
    assert StoreMonographs(database).find_in_text(question) == "fluticasone-salmeterol"


@pytest.mark.parametrize("drug", ["fluticasone/salmeterol", "fluticasone-salmeterol"])
def test_resolve_components_of_a_combination_monograph_listed_with_salts(
    database: Database, drug: str
) -> None:
    """A safety check needs the parts to see the product whole (and its classes)."""
    store_monograph(database, tizanidine().model_copy(update={"drug": drug}))
    assert set(StoreMonographs(database).resolve_components(drug)) == {"fluticasone", "salmeterol"}

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

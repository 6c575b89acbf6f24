"""Medicines checked against each other with the monographs available, never called safe."""

from __future__ import annotations

import pytest

from medinfo.domain.errors import InputError
from medinfo.services.interactions import PairStatus, check_medicines, parse_medicine_list
from medinfo.services.monograph_lookup import StoreMonographs
from medinfo.store.database import Database
from tests.stored_monographs import store_monograph, tizanidine
from tests.unit.services.safety.monographs import antidepressant


@pytest.fixture
def lookup(database: Database) -> StoreMonographs:
    store_monograph(database, tizanidine())
    return StoreMonographs(database)


def test_check_medicines_finds_interactions_by_class_and_name(lookup: StoreMonographs) -> None:
    report = check_medicines(lookup, ["Zanaflex", "oxycodone", "Cipro", "alcohol"])
    by_pair = {(p.first, p.second): p for p in report.pairs}
    opioid = by_pair[("Zanaflex", "oxycodone")]
    assert opioid.status is PairStatus.INTERACTION
    assert opioid.checked_with == ["tizanidine"]
    cipro = by_pair[("Zanaflex", "Cipro")]
    assert [alert.severity.value for alert in cipro.alerts] == ["danger"]
    assert by_pair[("Zanaflex", "alcohol")].alerts[0].code == "INTERACTION_ALCOHOL"


def test_check_medicines_says_when_nothing_could_be_checked(lookup: StoreMonographs) -> None:
    report = check_medicines(lookup, ["Xanax", "loratadine", "tizanidine"])
    by_pair = {(p.first, p.second): p for p in report.pairs}
    assert by_pair[("Xanax", "loratadine")].status is PairStatus.NOT_CHECKED
    assert by_pair[("loratadine", "tizanidine")].status is PairStatus.NONE_LISTED
    assert [m.name for m in report.unchecked] == ["Xanax", "loratadine"]
    assert report.unchecked[0].drug == "alprazolam"


def test_check_medicines_reads_both_monographs_of_a_pair(database: Database) -> None:
    store_monograph(database, tizanidine())
    store_monograph(database, antidepressant().model_copy(update={"sources": []}))
    report = check_medicines(StoreMonographs(database), ["sertraline", "tizanidine"])
    assert report.pairs[0].checked_with == ["sertraline", "tizanidine"]


def test_check_medicines_flags_two_names_of_one_drug(lookup: StoreMonographs) -> None:
    report = check_medicines(lookup, ["tizanidine", "Zanaflex"])
    assert report.pairs[0].status is PairStatus.SAME_DRUG


def test_parse_medicine_list_drops_blanks_and_repeats() -> None:
    assert parse_medicine_list("a\n\n B \nb, c") == ["a", "B", "c"]
    with pytest.raises(InputError, match="medicines: at most"):
        parse_medicine_list("\n".join(f"drug{i}" for i in range(30)))

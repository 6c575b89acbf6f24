"""Drug names in questions are found by generic, brand or misspelled name."""

import pytest

from medinfo.services.qa import DrugNameIndex, InMemoryMonographs, answer_question
from medinfo.services.qa.drug_mentions import is_context


@pytest.fixture
def index() -> DrugNameIndex:
    names = [("baclofen", "baclofen"), ("Lioresal", "baclofen"), ("sertraline", "sertraline")]
    names += [("Zoloft", "sertraline"), ("Lioresal Intrathecal", "baclofen")]
    return DrugNameIndex(names, ignore={"should", "stopping"})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("can i have a beer on lioresal", "baclofen"),
        ("BACLOFEN side effects??", "baclofen"),
        ("how long does bacloffen take", "baclofen"),
        ("is zolft safe when pregnant", "sertraline"),
        ("pump refill for lioresal intrathecal", "baclofen"),
    ],
)
def test_find_in_text_finds_names_people_type(index: DrugNameIndex, text: str, key: str) -> None:
    assert index.find_in_text(text) == key


def test_find_in_text_returns_none_without_a_known_drug(index: DrugNameIndex) -> None:
    assert index.find_in_text("should i keep stopping my vitamins") is None


def test_find_in_text_prefers_the_first_exact_name(index: DrugNameIndex) -> None:
    assert index.find_in_text("zoloft with baclofen") == "sertraline"


@pytest.mark.parametrize("name", ["Lioresal", "baclofin", "Baclofen ", "lioresal intrathecal"])
def test_resolve_maps_brand_and_typo_to_generic(index: DrugNameIndex, name: str) -> None:
    assert index.resolve(name) == "baclofen"


def test_resolve_rejects_distant_names(index: DrugNameIndex) -> None:
    assert index.resolve("ibuprofen") is None
    assert index.resolve("") is None


def test_in_memory_monographs_gets_by_generic(lookup: InMemoryMonographs) -> None:
    monograph = lookup.get("Sertraline")
    assert monograph is not None
    assert monograph.drug == "sertraline"
    assert lookup.get("nothing") is None


def test_is_context_reads_a_medicine_already_taken(lookup: InMemoryMonographs) -> None:
    sertraline = lookup.get("sertraline")
    assert sertraline is not None
    assert is_context("i take zoloft, will zanaflex mess with it", sertraline)
    assert is_context("what about zanaflex while on zoloft", sertraline)
    assert not is_context("can i take zoloft with zanaflex", sertraline)


def test_answer_question_asks_about_the_drug_not_already_taken(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("im on zoloft, how much zanaflex can i take a day", lookup)
    assert answer.drug == "tizanidine"


def test_is_replaced_names_the_drug_another_medicine_replaces() -> None:
    from medinfo.domain.monograph import Monograph
    from medinfo.services.qa.drug_mentions import is_replaced

    clindamycin = Monograph(drug="clindamycin")
    assert is_replaced("cephalexin dose? my doc gave me that instead of clindamycin", clindamycin)
    assert not is_replaced("clindamycin dose for an abscess", clindamycin)

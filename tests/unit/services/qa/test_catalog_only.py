"""Tests for questions about a medicine the catalog knows but no source covers."""

from __future__ import annotations

from medinfo.domain.catalog import CatalogDrug, Product
from medinfo.domain.monograph import Monograph
from medinfo.services.qa import InMemoryMonographs, answer_question
from medinfo.services.qa.drug_mentions import CatalogLookup


class _WithCatalog(InMemoryMonographs):
    """The in-memory lookup plus a catalog of one medicine without a monograph."""

    def catalog_in_text(self, text: str) -> CatalogDrug | None:
        if "kalmex" in text.lower() or "calmoxine" in text.lower():
            return CatalogDrug(
                name="calmoxine",
                display_name="Calmoxine",
                brand_names=("KALMEX",),
                products=(
                    Product(
                        brand="KALMEX",
                        form="TABLET",
                        route="ORAL",
                        strength="10MG",
                        application="NDA000001",
                    ),
                ),
            )
        return None


def test_lookup_with_catalog_is_a_catalog_lookup(lookup: InMemoryMonographs) -> None:
    assert isinstance(_WithCatalog([]), CatalogLookup)
    assert not isinstance(lookup, CatalogLookup)


def test_catalog_only_medicine_is_declined_with_what_the_catalog_holds() -> None:
    answer = answer_question("how many kalmex can i take a day", _WithCatalog([]))
    assert not answer.answerable
    assert answer.drug == "calmoxine"
    assert "no sources about Calmoxine" in answer.answer
    assert "Kalmex" in answer.answer.title()
    assert "oral tablet" in answer.answer
    assert "pharmacist" in answer.answer
    assert "10" not in answer.answer  # a strength next to a dose question could read as a dose


def test_unknown_name_still_gets_could_not_tell() -> None:
    answer = answer_question("can i take zzyzx daily", _WithCatalog([]))
    assert not answer.answerable
    assert answer.drug is None
    assert "could not tell" in answer.answer


class _CatalogWithCipro(InMemoryMonographs):
    """The in-memory lookup plus a catalog knowing a brand name of ciprofloxacin."""

    def catalog_in_text(self, text: str) -> CatalogDrug | None:
        if "ciprobrandx" in text.lower():
            return CatalogDrug(name="ciprofloxacin", display_name="Ciprofloxacin")
        return None


def test_interaction_with_a_brand_only_the_catalog_knows(tizanidine: Monograph) -> None:
    lookup = _CatalogWithCipro([tizanidine])
    answer = answer_question("can i take zanaflex with ciprobrandx", lookup)
    assert answer.answerable
    assert "can interact with ciprofloxacin" in answer.answer


class _CatalogWithCombination(InMemoryMonographs):
    """The in-memory lookup plus a catalog knowing a combination with tizanidine in it."""

    def catalog_in_text(self, text: str) -> CatalogDrug | None:
        if "relaxacombo" in text.lower():
            return CatalogDrug(name="tizanidine; caffeine", display_name="Relaxacombo")
        return None


def test_a_combination_is_answered_for_its_one_covered_ingredient(tizanidine: Monograph) -> None:
    answer = answer_question(
        "can i drink alcohol with relaxacombo", _CatalogWithCombination([tizanidine])
    )
    assert answer.drug == "tizanidine"
    assert answer.answerable
    assert "caffeine" in answer.answer
    assert "about the tizanidine only" in answer.answer

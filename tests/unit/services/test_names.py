"""The one name resolver: generics, brands, salts, combinations, typos and groups."""

from __future__ import annotations

import pytest

from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.names import fold
from medinfo.services.catalog import Catalog, load_catalog
from medinfo.services.names import (
    GroupNameError,
    Matched,
    NameTable,
    build_table,
    medicine_group,
    resolve_name,
)

CATALOG = load_catalog()
EMPTY = build_table({}, [])
# A database holding one monograph, baclofen, stored with one of its brands.
BACLOFEN = build_table({"baclofen": "etag"}, [("baclofen", "baclofen", "generic")])


def catalog() -> Catalog:
    return CATALOG


def resolve(name: str, table: NameTable = EMPTY) -> tuple[str | None, Matched | None]:
    found = resolve_name(name, table, catalog)
    return found.drug, found.matched


@pytest.mark.parametrize("brand", ["Gablofen", "Kemstro", "Lioresal", "LIORESAL"])
def test_resolve_name_finds_current_and_discontinued_brands(brand: str) -> None:
    assert resolve(brand) == ("baclofen", Matched.BRAND)


@pytest.mark.parametrize(
    ("name", "drug"),
    [("atazanavir sulfate", "atazanavir"), ("oxycodone hydrochloride", "oxycodone")],
)
def test_resolve_name_takes_salts_and_esters_to_the_generic(name: str, drug: str) -> None:
    assert resolve(name) == (drug, Matched.SALT)


def test_resolve_name_finds_a_generic_the_catalog_lists_only_with_its_salt() -> None:
    assert resolve("Medroxyprogesterone") == ("medroxyprogesterone acetate", Matched.SALT)


@pytest.mark.parametrize(
    ("name", "components"),
    [
        ("dutasteride/tamsulosin", ("dutasteride", "tamsulosin")),
        ("hydrocodone and acetaminophen", ("acetaminophen", "hydrocodone")),
    ],
)
def test_resolve_name_gives_a_combination_product_and_its_components(
    name: str, components: tuple[str, ...]
) -> None:
    found = resolve_name(name, EMPTY, catalog)
    assert found.matched is Matched.COMBINATION
    assert found.drug is not None
    assert CATALOG.get(found.drug) is not None
    assert sorted(found.components) == sorted(components)


@pytest.mark.parametrize("name", ["BACLOFÈNE", "  baclofen ", "baclofn", "baclophen"])
def test_resolve_name_forgives_case_accents_and_typos(name: str) -> None:
    assert resolve(name)[0] == "baclofen"


def test_resolve_name_marks_a_misspelling_as_a_typo() -> None:
    assert resolve("baclofn") == ("baclofen", Matched.TYPO)


def test_resolve_name_says_a_group_is_a_group_not_a_drug() -> None:
    found = resolve_name("benzodiazepines", EMPTY, catalog)
    assert (found.drug, found.matched, found.group) == (None, Matched.GROUP, "benzodiazepines")
    with pytest.raises(GroupNameError, match="group of medicines"):
        found.require()


def test_resolve_name_prefers_a_drug_to_a_group_of_the_same_name() -> None:
    assert medicine_group("alcohol") is not None
    assert resolve("alcohol")[0] == "alcohol"


def test_resolve_name_knows_which_drugs_have_a_monograph() -> None:
    assert resolve_name("Gablofen", BACLOFEN, catalog).has_monograph is True
    assert resolve_name("Gablofen", EMPTY, catalog).has_monograph is False


def test_resolve_name_answers_a_stored_name_without_the_catalog() -> None:
    def no_catalog() -> Catalog:
        raise AssertionError("the catalog was read")

    assert resolve_name("Baclofen", BACLOFEN, no_catalog).drug == "baclofen"


def test_resolve_name_maps_catalog_names_onto_the_monographs_key() -> None:
    table = build_table({"Baclofen": "etag"}, [("baclofen", "Baclofen", "generic")])
    assert resolve_name("Lioresal", table, catalog).drug == "Baclofen"


def test_resolve_name_suggests_close_names_for_an_unknown_one() -> None:
    found = resolve_name("baclozzz", EMPTY, catalog)
    assert found.drug is None
    with pytest.raises(UnknownDrugError) as raised:
        found.require()
    assert "baclofen" in [name.lower() for name in raised.value.suggestions]


def test_resolve_name_refuses_empty_and_overlong_names() -> None:
    assert resolve_name(" \x00 ", EMPTY, catalog).drug is None
    assert resolve_name("baclofen" * 40, EMPTY, catalog).drug is None


def test_every_catalog_generic_and_brand_resolves_to_the_drug_it_names() -> None:
    """Exhaustive over the catalog: a shared name goes to the drug the catalog ranks first."""
    wrong = []
    for name, _key, kind in CATALOG.iter_name_rows():
        if kind in ("generic", "brand"):
            owner = CATALOG.resolve(name, fuzzy=False)
            found = resolve_name(name, EMPTY, catalog)
            if found.drug != owner or found.matched is Matched.TYPO:
                wrong.append((name, owner, found.drug))
    assert wrong == []


def test_build_table_gives_a_shared_name_to_the_alphabetically_first_drug() -> None:
    rows = [("x", "b-drug", "brand"), ("x", "a-drug", "brand")]
    table = build_table({"a-drug": "1", "b-drug": "2"}, rows)
    assert table.stored["x"][0] == "a-drug"
    assert table.folded[fold("X")][0] == "a-drug"


def test_a_distinctive_word_of_a_two_word_generic_names_its_monograph() -> None:
    table = build_table({"insulin glargine": "1", "hydrocodone acetaminophen": "2"}, [])
    assert resolve("glargine", table) == ("insulin glargine", Matched.GENERIC)
    # a word that is a medicine of its own names that medicine, not the monograph
    assert resolve("insulin", table)[0] != "insulin glargine"
    assert resolve("acetaminophen", table)[0] == "acetaminophen"


def test_resolve_name_splits_a_misspelt_combination_into_its_generics() -> None:
    table = build_table({"hydrocodone/acetaminophen": "etag"}, [])
    found = resolve_name("hydrocodone/acetaminophenn", table, catalog)
    assert sorted(found.components) == ["acetaminophen", "hydrocodone"]


@pytest.mark.parametrize(
    ("name", "drug"),
    [
        ("lisinopril 10mg", "lisinopril"),
        ("Xanax 0.5 mg", "alprazolam"),
        ("metoprolol succinate 50 mg", "metoprolol"),
        ("hydrocodone/acetaminophen 5/325", "acetaminophen; hydrocodone"),
    ],
)
def test_resolve_name_leaves_a_typed_strength_out(name: str, drug: str) -> None:
    assert resolve(name)[0] == drug


def test_resolve_name_finds_a_brand_the_catalog_lists_only_with_a_strength() -> None:
    found = resolve_name("Advair Diskus", EMPTY, catalog)
    assert found.matched is Matched.BRAND
    assert found.drug == CATALOG.resolve("ADVAIR DISKUS 100/50")


def test_resolve_name_finds_the_monograph_of_a_combination_by_its_parts() -> None:
    table = build_table({"hydrocodone/acetaminophen": "etag"}, [])
    found = resolve_name("Norco", table, catalog)
    assert (found.drug, found.has_monograph) == ("hydrocodone/acetaminophen", True)


def test_resolve_name_matches_combination_parts_without_their_salts() -> None:
    table = build_table({"fluticasone/salmeterol": "etag"}, [])
    assert resolve_name("Advair Diskus", table, catalog).drug == "fluticasone/salmeterol"


def test_resolve_name_never_corrects_a_number() -> None:
    """Vitamin B12 is two edits from vitamin K1 (phytonadione), a different vitamin."""
    found = resolve_name("vitamin b12", EMPTY, catalog)
    assert found.drug != CATALOG.resolve("vitamin k1")
    assert resolve("tylenol w codiene no 3")[0] == CATALOG.resolve("tylenol w codeine no 3")


def test_resolve_name_leaves_a_base_with_several_salts_unsalted() -> None:
    """Lithium is sold as the carbonate and the citrate: neither salt stands for it."""
    assert resolve("lithium")[0] != "lithium citrate"
    assert resolve("lithium")[0] != "lithium carbonate"


def test_resolve_name_takes_a_salt_to_the_monograph_of_its_base() -> None:
    table = build_table({"lithium": "etag"}, [("lithium", "lithium", "generic")])
    for salt in ("lithium carbonate", "Lithium Citrate"):
        found = resolve_name(salt, table, catalog)
        assert (found.drug, found.matched, found.has_monograph) == ("lithium", Matched.SALT, True)


def test_resolve_name_finds_a_monograph_filed_under_another_name_of_the_drug() -> None:
    """A page read as "cefalexin" (INN) is found as "cephalexin" (USAN) and by its brand."""
    table = build_table({"cefalexin": "etag"}, [("cefalexin", "cefalexin", "generic")])
    for name in ("cephalexin", "Keflex"):
        found = resolve_name(name, table, catalog)
        assert (found.drug, found.has_monograph) == ("cefalexin", True)


@pytest.mark.parametrize(
    ("name", "drug"),
    [("Epilim", "valproic acid"), ("Lustral", "sertraline"), ("MST Continus", "morphine")],
)
def test_resolve_name_knows_brands_sold_outside_the_united_states(name: str, drug: str) -> None:
    assert resolve(name)[0] == drug


def test_resolve_name_takes_a_product_that_is_also_a_group_alias_as_the_product() -> None:
    assert resolve("sodium valproate") == ("valproic acid", Matched.SYNONYM)
    assert resolve("benzodiazepines")[1] is Matched.GROUP


@pytest.mark.parametrize(
    "name", ["Lioresal tablets", "baclofen 10 mg tablets", "Lioresal 10mg", "Lioresal oral liquid"]
)
def test_resolve_name_reads_a_product_without_its_form_and_strength_words(name: str) -> None:
    found = resolve_name(name, BACLOFEN, catalog)
    assert (found.drug, found.has_monograph, found.typed) == ("baclofen", True, name)


def test_resolve_name_keeps_a_name_that_is_only_form_words_unknown() -> None:
    assert resolve_name("tablets", EMPTY, catalog).drug is None


@pytest.mark.parametrize(
    "name", ["fluticasone and salmeterol", "salmeterol with fluticasone", "Seretide"]
)
def test_resolve_name_finds_a_combination_monograph_named_with_hyphens(name: str) -> None:
    table = build_table({"fluticasone-salmeterol": "etag"}, [])
    found = resolve_name(name, table, catalog)
    assert (found.drug, found.has_monograph) == ("fluticasone-salmeterol", True)


@pytest.mark.parametrize(
    ("name", "drug"), [("pred", "prednisolone"), ("morning after pill", "levonorgestrel")]
)
def test_resolve_name_knows_everyday_names(name: str, drug: str) -> None:
    assert resolve(name)[0] == drug

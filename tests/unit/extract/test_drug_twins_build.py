"""Twin names: one medicine the dictionary files under two names gets one key, and no more."""

from __future__ import annotations

from pathlib import Path

from medinfo.extract.drug_detection import find_drug_names
from medinfo.extract.drug_dictionary import DictionaryEntry
from medinfo.extract.drug_twins_build import (
    Entries,
    dictionary_twins,
    drugbank_rows,
    drugbank_twins,
    generic_synonyms,
    settled,
    spelling_twins,
)

SALTS = frozenset({"sodium", "calcium", "magnesium", "hydrochloride", "citrate", "sulfate"})


def _entries(*pairs: tuple[str, str]) -> Entries:
    """A dictionary where each name means one drug."""
    return {name: (DictionaryEntry(drug, None),) for name, drug in pairs}


def _self(*names: str) -> list[tuple[str, str]]:
    return [(name, name) for name in names]


def test_a_metal_salt_of_an_acid_is_the_acid() -> None:
    entries = _entries(*_self("sodium barnate", "barnic acid"), ("barnate", "barnic acid"))
    assert dictionary_twins(entries, SALTS) == {"sodium barnate": "barnic acid"}


def test_a_salt_named_after_its_base_is_the_base() -> None:
    entries = _entries(*_self("barzepam hydrochloride", "barzepam"))
    assert dictionary_twins(entries, SALTS) == {"barzepam hydrochloride": "barzepam"}


def test_a_salt_of_a_salt_word_stays_a_medicine_of_its_own() -> None:
    entries = _entries(*_self("calcium citrate", "magnesium sulfate", "citric acid", "calcium"))
    assert dictionary_twins(entries, SALTS) == {}


def test_an_anion_the_dictionary_files_under_another_acid_is_not_merged() -> None:
    entries = _entries(*_self("sodium quxate", "other acid"), ("quxate", "other acid"))
    assert dictionary_twins(entries, SALTS) == {}


def test_a_name_filed_by_the_dictionary_under_a_plural_group_is_not_merged() -> None:
    entries = _entries(*_self("sodium zanate", "zanates"), ("zanate", "zanates"))
    assert dictionary_twins(entries, SALTS) == {}


def test_a_drugbank_entry_with_two_dictionary_names_joins_them_under_its_common_name() -> None:
    entries = _entries(*_self("colafen", "kolafen", "berafen"))
    rows = [("Colafen", ["Kolafen", "(-)-Berafen"]), ("Berafen", [])]
    assert drugbank_twins(rows, entries) == {"kolafen": "colafen"}


def test_a_synonym_that_is_another_entrys_common_name_is_a_drug_of_its_own() -> None:
    entries = _entries(*_self("esfoo", "foo"))
    rows = [("Esfoo", ["Foo"]), ("Foo", [])]
    assert drugbank_twins(rows, entries) == {}


def test_three_dictionary_names_in_one_entry_are_kinds_not_twins() -> None:
    entries = _entries(*_self("toxa", "toxb", "toxc"))
    assert drugbank_twins([("Toxa", ["Toxb", "Toxc"])], entries) == {}


def test_long_one_word_spellings_that_sound_alike_join_under_the_preferred_one() -> None:
    entries = _entries(*_self("tebafenone", "thebafenone", "typeii", "type ii"))
    assert spelling_twins(entries, frozenset({"thebafenone"})) == {"tebafenone": "thebafenone"}


def test_chains_of_twins_end_at_their_last_name_and_loops_are_dropped() -> None:
    assert settled({"a": "b", "b": "c", "x": "y", "y": "x"}) == {"a": "c", "b": "c"}


def test_drugbank_rows_are_read_with_their_synonyms(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.csv"
    path.write_text(
        "DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key\n"
        'DB1,,Colafen,1,U,"Kolafen | Colafene",K\n',
        encoding="utf-8",
    )
    assert drugbank_rows(path) == [("Colafen", ["Kolafen", "Colafene"])]


def test_the_shipped_twins_give_one_name_to_a_salt_its_acid_and_their_brands() -> None:
    names = ["sodium valproate", "valproic acid", "valproate", "Depakote"]
    assert {tuple(find_drug_names(name)) for name in names} == {("valproic acid",)}
    names = ["alendronate", "alendronic acid", "Fosamax"]
    assert {tuple(find_drug_names(name)) for name in names} == {("alendronic acid",)}
    assert find_drug_names("Synthroid") == find_drug_names("levothyroxine sodium")
    assert find_drug_names("beclometasone") == find_drug_names("beclomethasone")


def test_a_drugbank_synonym_filed_under_the_same_drug_is_another_generic_name() -> None:
    entries = {
        "albuterol": (DictionaryEntry("albuterol", None),),
        "salbutamol": (DictionaryEntry("albuterol", None),),
        "ventolin": (DictionaryEntry("albuterol", True),),
    }
    rows = [("Albuterol", ["Salbutamol", "Salbutamolum"])]
    assert generic_synonyms(rows, entries) == ["salbutamol"]


def test_a_name_with_a_dosage_form_after_it_is_the_drug() -> None:
    entries = _entries(*_self("isotretinoin", "isotretinoin capsules", "contraceptive patch"))
    forms = frozenset({"capsules", "patch"})
    twins = dictionary_twins(entries, SALTS, forms)
    assert twins["isotretinoin capsules"] == "isotretinoin"
    assert "contraceptive patch" not in twins  # "contraceptive" is no drug of its own

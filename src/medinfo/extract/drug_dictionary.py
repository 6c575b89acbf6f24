"""The drug dictionary's exact-name lookup, read from drug_named_entity_recognition's data file."""

from __future__ import annotations

import bz2
import pickle
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, NamedTuple

from medinfo.knowledge.extract_rules import DrugDetectionRules, DrugTwins
from medinfo.knowledge.loading import load

# drug_named_entity_recognition keeps its dictionary in this file beside its modules. Importing
# the library builds fuzzy-match indexes over every name (about 1 s of CPU) that exact lookup
# never uses, so extraction reads the file itself and looks names up the way the library's
# `find_drugs` does without fuzzy matching (a test compares the two).
_PACKAGE = "drug_named_entity_recognition"
_DATA_FILE = "drug_ner_dictionary.pkl.bz2"


class DictionaryEntry(NamedTuple):
    """What the dictionary says about one name: the drug it means ("" when the entry names
    none, as some combination entries do) and whether the name is a brand (None: unsaid)."""

    name: str
    is_brand: bool | None


# A name found in a token list: its entry, its first token and the token after its last.
Match = tuple[DictionaryEntry, int, int]


def _data_path() -> Path | None:
    spec = find_spec(_PACKAGE)  # finds the package without running it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / _DATA_FILE
        if path.is_file():
            return path
    return None


def _raw_dictionary() -> dict[str, Any]:
    path = _data_path()
    if path is None:  # another layout: let the library read it
        from drug_named_entity_recognition import drugs_finder

        return dict(drugs_finder.d)
    with bz2.open(path, "rb") as handle:
        raw: dict[str, Any] = pickle.load(handle)  # the installed library's own file
    return raw


@cache
def _entries() -> dict[str, tuple[DictionaryEntry, ...]]:
    """Lower-case name -> its entries (one per drug the name may mean, in the library's order),
    each medicine under one name however the library files it (`DrugTwins`)."""
    rules = load(DrugTwins)
    return _read_entries(rules.twins, rules.generic_names)


def untwinned_entries() -> dict[str, tuple[DictionaryEntry, ...]]:
    """The entries as the library files them (what the twin names are derived from)."""
    return _read_entries({})


def _read_entries(
    twins: Mapping[str, str], generic_names: Iterable[str] = ()
) -> dict[str, tuple[DictionaryEntry, ...]]:
    raw = _raw_dictionary()
    drugs: dict[str, dict[str, Any]] = raw["drug_canonical_to_data"]
    variants: dict[str, dict[str, Any]] = raw["drug_variant_to_variant_data"]
    made: dict[tuple[str, bool | None], DictionaryEntry] = {}  # one object per distinct entry

    def entry(data: dict[str, Any]) -> DictionaryEntry:
        brand = data.get("is_brand")
        name = str(data.get("name") or "")
        key = (twins.get(name.lower(), name), brand if isinstance(brand, bool) else None)
        return made.get(key) or made.setdefault(key, DictionaryEntry(*key))

    plain = {meaning: (entry(data),) for meaning, data in drugs.items()}
    entries: dict[str, tuple[DictionaryEntry, ...]] = {}
    for name, meanings in raw["drug_variant_to_canonical"].items():
        own = variants.get(name)
        if own is None and len(meanings) == 1 and meanings[0] in plain:
            entries[name] = plain[meanings[0]]
        else:
            own = own or {}
            entries[name] = tuple(entry(drugs.get(meaning, {}) | own) for meaning in meanings)
    rules = load(DrugDetectionRules)
    for name, generic in rules.supplement.items():
        entries.setdefault(name, (entry({"name": generic, "is_brand": False}),))
    for name, generic in rules.corrections.items():  # the library files it under another drug
        entries[name] = (entry({"name": generic, "is_brand": True}),)
    for name in generic_names:  # "salbutamol" is albuterol's other generic name, no brand
        if name in entries:
            entries[name] = tuple(
                entry({"name": found.name, "is_brand": False}) for found in entries[name]
            )
    return entries


def find_in_tokens(tokens: list[str]) -> list[Match]:
    """Every name of the dictionary among `tokens`, case ignored: two-token names first (each
    pair of neighbours), then single tokens that are not part of a name found already, each
    in token order (the order and overlaps of the library's exact matching)."""
    entries = _entries()
    found: list[Match] = []
    taken: set[int] = set()
    for index in range(len(tokens) - 1):
        meanings = entries.get(f"{tokens[index]} {tokens[index + 1]}".lower())
        if meanings:
            found.extend((entry, index, index + 2) for entry in meanings)
            taken.update((index, index + 1))
    for index, token in enumerate(tokens):
        if index in taken:
            continue
        meanings = entries.get(token.lower())
        if meanings:
            found.extend((entry, index, index + 1) for entry in meanings)
            taken.add(index)
    return found

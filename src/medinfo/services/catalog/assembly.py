"""Assembly of catalog entries (one per active ingredient) from Drugs@FDA and DrugBank rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from medinfo.domain.names import fold
from medinfo.services.catalog.names import (
    base_name,
    is_clean_synonym,
    is_generic_label,
    split_ingredients,
)
from medinfo.services.catalog.snapshot import FORMAT_VERSION, PRODUCT_FIELDS, encode_products
from medinfo.services.catalog.tables import FdaProduct, VocabularyEntry
from medinfo.services.catalog.vocabulary import NameRules


@dataclass
class _Entry:
    components: tuple[str, ...]
    brands: set[str] = field(default_factory=set)
    salts: set[str] = field(default_factory=set)
    synonyms: set[str] = field(default_factory=set)
    products: set[tuple[str, ...]] = field(default_factory=set)


class _Vocabulary:
    """DrugBank names by folded form, for matching ingredients and finding base names."""

    def __init__(self, rows: Iterable[VocabularyEntry], fda_singles: set[str]) -> None:
        self.by_name: dict[str, VocabularyEntry] = {}
        by_synonym: dict[str, set[str]] = {}
        rows_by_id: dict[str, VocabularyEntry] = {}
        for row in rows:
            rows_by_id[row.drugbank_id] = row
            self.by_name.setdefault(fold(row.name), row)
            for synonym in row.synonyms:
                by_synonym.setdefault(fold(synonym), set()).add(row.drugbank_id)
        self.by_synonym = {
            name: rows_by_id[next(iter(ids))] for name, ids in by_synonym.items() if len(ids) == 1
        }
        self.fda_singles = fda_singles

    def is_distinct_drug(self, name: str) -> bool:
        return fold(name) in self.by_name

    def is_known(self, name: str) -> bool:
        folded = fold(name)
        return folded in self.by_name or folded in self.by_synonym or name in self.fda_singles

    def match(self, names: Iterable[str]) -> VocabularyEntry | None:
        folded = [fold(name) for name in names]
        for index in (self.by_name, self.by_synonym):
            for name in folded:
                if name in index:
                    return index[name]
        return None


def _component_bases(
    ingredients: list[str], vocabulary: _Vocabulary, rules: NameRules
) -> tuple[str, ...]:
    def is_known(name: str) -> bool:
        return vocabulary.is_known(name)

    bases: list[str] = []
    for ingredient in ingredients:
        if vocabulary.is_distinct_drug(ingredient):
            base = ingredient
        else:
            base = base_name(ingredient, is_known, rules)
        if base not in bases:
            bases.append(base)
    return tuple(sorted(bases))


def _add_product(
    entries: dict[str, _Entry],
    product: FdaProduct,
    vocabulary: _Vocabulary,
    rules: NameRules,
    application: str,
    status: str,
) -> None:
    ingredients = split_ingredients(product.active_ingredient)
    if not ingredients:
        return
    components = _component_bases(ingredients, vocabulary, rules)
    key = "; ".join(components)
    entry = entries.setdefault(key, _Entry(components=components if len(components) > 1 else ()))
    labelled = "; ".join(ingredients)
    if labelled != key:
        entry.salts.add(labelled)
    if is_generic_label(product.drug_name, [*ingredients, *components], rules):
        if len(components) > 1 and fold(product.drug_name) != fold(key):
            entry.synonyms.add(product.drug_name.lower())
    elif product.drug_name:
        entry.brands.add(product.drug_name)
    entry.products.add(
        (
            product.drug_name,
            product.form,
            product.route,
            product.strength,
            application,
            status,
            labelled,
        )
    )


def _clean_synonyms(names: Iterable[str], taken: set[str], rules: NameRules) -> list[str]:
    kept: dict[str, str] = {}
    for name in sorted(names):
        folded = fold(name)
        if folded and folded not in taken and is_clean_synonym(name, rules):
            kept.setdefault(folded, name)
    return sorted(kept.values(), key=lambda name: (fold(name), name))


def _entry_json(
    key: str, entry: _Entry, vocabulary: _Vocabulary, rules: NameRules, generic_keys: set[str]
) -> dict[str, Any]:
    match = None if entry.components else vocabulary.match([key, *sorted(entry.salts)])
    brands = sorted(brand for brand in entry.brands if fold(brand) not in generic_keys)
    taken = {fold(key)} | {fold(name) for name in brands} | {fold(name) for name in entry.salts}
    drugbank_names = [match.name, *match.synonyms] if match else []
    data: dict[str, Any] = {
        "name": key,
        "display_name": match.name if match else _display(key, entry.components),
        "brand_names": brands,
        "salts": sorted(entry.salts),
        "synonyms": _clean_synonyms([*entry.synonyms, *drugbank_names], taken, rules),
        "products": encode_products(sorted(entry.products)),
    }
    if entry.components:
        data["components"] = list(entry.components)
    if match:
        data["drugbank_id"] = match.drugbank_id
        if match.unii:
            data["unii"] = match.unii
    return {name: value for name, value in data.items() if value}


def _display(key: str, components: tuple[str, ...]) -> str:
    parts = components or (key,)
    return " and ".join(part[:1].upper() + part[1:] for part in parts)


def assemble_catalog(
    products: list[FdaProduct],
    application_types: dict[str, str],
    marketing_status: dict[tuple[str, str], str],
    vocabulary_rows: list[VocabularyEntry],
    rules: NameRules,
) -> dict[str, Any]:
    """The catalog document: one entry per active ingredient (or combination), sorted by name."""
    singles = {
        parts[0]
        for parts in (split_ingredients(p.active_ingredient) for p in products)
        if len(parts) == 1
    }
    vocabulary = _Vocabulary(vocabulary_rows, singles)
    entries: dict[str, _Entry] = {}
    ordered = sorted(products, key=lambda p: (p.application_number, p.product_number))
    for product in ordered:
        number = product.application_number
        application = f"{application_types.get(number, '')}{number}"
        status = marketing_status.get((number, product.product_number), "")
        _add_product(entries, product, vocabulary, rules, application, status)
    generic_keys = {fold(key) for key in entries}
    drugs = [
        _entry_json(key, entries[key], vocabulary, rules, generic_keys) for key in sorted(entries)
    ]
    return {"format": FORMAT_VERSION, "product_fields": list(PRODUCT_FIELDS), "drugs": drugs}

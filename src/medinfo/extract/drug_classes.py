"""Drug-class vocabulary: which medicines belong to which classes (vocab/drug_classes.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from medinfo.domain.errors import InputError

_FILE = "vocab/drug_classes.json"
_TOP_KEYS = {
    "_comment",
    "version",
    "classes",
    "products",
    "name_noise_words",
    "combination_separators",
}
_CLASS_KEYS = {"id", "label", "aliases", "members", "includes"}
_NON_WORD = re.compile(r"[^a-z0-9]+")
_KEEP_FINAL_S = ("ss", "us", "is")


def normalize_name(text: str) -> str:
    """Lower-case words without punctuation or plural -s: "CNS Depressants" -> "cns depressant"."""
    words = _NON_WORD.sub(" ", text.lower().replace("'", "").replace("\u2019", "")).split()
    return " ".join(_singular(word) for word in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_FINAL_S):
        return word[:-1]
    return word


@dataclass(frozen=True)
class DrugClass:
    """A class of medicines: `members` are generic names, `includes` narrower class ids."""

    id: str
    label: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    includes: tuple[str, ...]


class DrugClassVocabulary:
    """Look-ups over the class vocabulary; every name is compared after `normalize_name`."""

    def __init__(
        self,
        classes: list[DrugClass],
        products: dict[str, tuple[str, ...]],
        noise_words: frozenset[str],
        separators: tuple[str, ...],
    ) -> None:
        self.classes = {drug_class.id: drug_class for drug_class in classes}
        self.noise_words = noise_words
        self.separators = separators
        self._products = {
            normalize_name(name): tuple(normalize_name(part) for part in parts)
            for name, parts in products.items()
        }
        self._aliases: dict[str, str] = {}
        for drug_class in classes:
            for alias in (*drug_class.aliases, drug_class.label):
                self._aliases.setdefault(normalize_name(alias), drug_class.id)
        self._members = {cid: self._collect_members(cid) for cid in self.classes}
        self._drug_classes: dict[str, set[str]] = {}
        for cid, members in self._members.items():
            for member in members:
                self._drug_classes.setdefault(member, set()).add(cid)
        self._known_names = tuple(sorted(set(self._products) | set(self._drug_classes)))
        self._phrase_classes: dict[str, frozenset[str]] = {}
        self._phrase_drugs: dict[str, frozenset[str]] = {}

    def _collect_members(self, class_id: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        if class_id in seen:
            raise InputError(f"{_FILE}: class {class_id!r} includes itself")
        drug_class = self.classes[class_id]
        members = {normalize_name(member) for member in drug_class.members}
        for narrower in drug_class.includes:
            members |= self._collect_members(narrower, seen | {class_id})
        return frozenset(members)

    def label(self, class_id: str) -> str:
        """The user-facing singular name of a class."""
        return self.classes[class_id].label

    def members_of(self, class_id: str) -> frozenset[str]:
        """Every generic name in a class, narrower classes included."""
        return self._members[class_id]

    def classes_of_drug(self, generic: str) -> frozenset[str]:
        """Ids of every class a generic medicine belongs to, directly or through a wider class."""
        return frozenset(self._drug_classes.get(normalize_name(generic), ()))

    def is_within(self, class_id: str, wider_id: str) -> bool:
        """Whether every member of `class_id` also belongs to `wider_id`."""
        return class_id == wider_id or self.members_of(class_id) <= self.members_of(wider_id)

    def components_of(self, name: str) -> tuple[str, ...] | None:
        """Generic components of a known brand, combination or generic name; None when unknown."""
        key = normalize_name(name)
        if key in self._products:
            return self._products[key]
        if key in self._drug_classes:
            return (key,)
        return None

    def known_names(self) -> tuple[str, ...]:
        """Every generic and product name the vocabulary knows, normalised (for fuzzy matching)."""
        return self._known_names

    def classes_named(self, phrase: str) -> frozenset[str]:
        """Ids of the classes a phrase names by alias ("narcotics or sleeping pills")."""
        key = normalize_name(phrase)
        if key not in self._phrase_classes:
            padded = f" {key} "
            found = {cid for alias, cid in self._aliases.items() if f" {alias} " in padded}
            self._phrase_classes[key] = frozenset(found)
        return self._phrase_classes[key]

    def drugs_named(self, phrase: str) -> frozenset[str]:
        """Generic names of the medicines a phrase names, by generic or product name."""
        key = normalize_name(phrase)
        if key not in self._phrase_drugs:
            padded = f" {key} "
            found: set[str] = set()
            for name in self._known_names:
                if f" {name} " in padded:
                    found.update(self.components_of(name) or ())
            self._phrase_drugs[key] = frozenset(found)
        return self._phrase_drugs[key]


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(f"{where}: expected a list of strings")
    return tuple(value)


def _parse_class(entry: Any, index: int) -> DrugClass:
    where = f"{_FILE}: classes[{index}]"
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected an object")
    unknown = set(entry) - _CLASS_KEYS
    if unknown:
        raise InputError(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(entry.get("id"), str) or not isinstance(entry.get("label"), str):
        raise InputError(f"{where}: 'id' and 'label' must be strings")
    return DrugClass(
        id=entry["id"],
        label=entry["label"],
        aliases=_strings(entry.get("aliases", []), f"{where}.aliases"),
        members=_strings(entry.get("members", []), f"{where}.members"),
        includes=_strings(entry.get("includes", []), f"{where}.includes"),
    )


def parse_drug_classes(raw: Any) -> DrugClassVocabulary:
    """Validate the JSON structure of the vocabulary; unknown keys and dangling ids are errors."""
    if not isinstance(raw, dict):
        raise InputError(f"{_FILE}: expected an object")
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise InputError(f"{_FILE}: unknown keys {sorted(unknown)}")
    classes = [_parse_class(entry, i) for i, entry in enumerate(raw.get("classes", []))]
    ids = {drug_class.id for drug_class in classes}
    if len(ids) != len(classes):
        raise InputError(f"{_FILE}: duplicate class ids")
    for drug_class in classes:
        missing = set(drug_class.includes) - ids
        if missing:
            raise InputError(f"{_FILE}: class {drug_class.id!r} includes unknown {sorted(missing)}")
    products_raw = raw.get("products", {})
    if not isinstance(products_raw, dict):
        raise InputError(f"{_FILE}: 'products' must be an object")
    products = {
        name: _strings(parts, f"{_FILE}: products[{name!r}]")
        for name, parts in products_raw.items()
    }
    noise = _strings(raw.get("name_noise_words", []), f"{_FILE}: name_noise_words")
    separators = _strings(raw.get("combination_separators", []), f"{_FILE}: combination_separators")
    return DrugClassVocabulary(classes, products, frozenset(noise), separators)


@cache
def load_drug_classes() -> DrugClassVocabulary:
    """The packaged vocabulary, read and validated once per process."""
    text = resources.files("medinfo.extract").joinpath(_FILE).read_text(encoding="utf-8")
    return parse_drug_classes(json.loads(text))

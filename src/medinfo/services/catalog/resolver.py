"""The catalog service: load the shipped catalog once and resolve any drug name to its generic."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from medinfo.domain.catalog import CatalogDrug, Product
from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.names import fold
from medinfo.services.catalog.index import NameIndex, NameKind, iter_drug_names
from medinfo.services.catalog.names import is_strength, split_combination, without_strength
from medinfo.services.catalog.snapshot import (
    decode_products,
    packaged_catalog_path,
    read_catalog_document,
)
from medinfo.services.catalog.vocabulary import NameRules, load_name_rules

_SEARCH_POOL = 20
_FAMILY_NAMES = 20  # names a first word may begin, at most, to stand for their drug


@dataclass(frozen=True)
class CatalogMatch:
    """A catalog drug key and how a name matched it ("generic", "brand", "salt", "synonym",
    "combination" or "typo", sound-alike spellings included)."""

    key: str
    kind: str


class Catalog:
    """Every approved drug by name: exact lookups are dict lookups, fuzzy only on a miss."""

    def __init__(self, document: dict[str, Any], rules: NameRules) -> None:
        self._rules = rules
        self._fields: list[str] = list(document.get("product_fields", ()))
        self._drugs: dict[str, dict[str, Any]] = {drug["name"]: drug for drug in document["drugs"]}
        self._keys: dict[str, str] = {fold(key): key for key in self._drugs}
        self._models: dict[str, CatalogDrug] = {}
        self._index = NameIndex(document["drugs"], rules.fuzzy)
        self._salted_keys: dict[str, str] | None = None

    def __len__(self) -> int:
        return len(self._drugs)

    def get(self, name: str) -> CatalogDrug | None:
        """The drug whose generic key is `name` (any case or accents); resolve other names first."""
        key = name if name in self._drugs else self._keys.get(fold(name))
        return None if key is None else self._model(key)

    def require(self, name: str) -> CatalogDrug:
        """The drug any name resolves to; UnknownDrugError (with suggestions) when none."""
        key = self.resolve(name)
        if key is None:
            raise UnknownDrugError(name, self.suggest(name))
        return self._model(key)

    def resolve(self, name: str, *, fuzzy: bool = True) -> str | None:
        """The generic key of a generic, brand, salt, synonym or close misspelling; else None.

        A typed combination ("hydrocodone/acetaminophen") resolves to the combination product's
        key when the catalog has one. `fuzzy=False` accepts exact and sound-alike spellings only.
        """
        found = self.match(name, fuzzy=fuzzy)
        return None if found is None else found.key

    def match(self, name: str, *, fuzzy: bool = True) -> CatalogMatch | None:
        """`resolve` with how the name matched: its kind of name, "combination" or "typo"."""
        folded = fold(name)
        if not folded:
            return None
        found = self._match_single(folded, fuzzy=False)
        if found is not None:
            return found
        parts = self.combination_parts(name)
        if len(parts) > 1:
            key = self._combination_key(parts, fuzzy=fuzzy)
            return None if key is None else CatalogMatch(key, "combination")
        return self._match_single(folded, fuzzy=fuzzy)

    def resolve_components(self, name: str) -> list[str]:
        """The generic keys of each active ingredient a name stands for.

        A single drug gives one key, a combination brand ("Norco") or typed combination
        ("oxycodone and acetaminophen") gives each component; [] when a part is unknown.
        """
        key = self.resolve(name)
        if key is not None:
            return list(self._drugs[key].get("components", ())) or [key]
        parts = self.combination_parts(name)
        keys = [self._resolve_single(fold(part), fuzzy=True) for part in parts]
        if len(parts) < 2 or any(key is None for key in keys):
            return []
        return list(dict.fromkeys(key for key in keys if key is not None))

    def bare_name(self, name: str) -> str:
        """A name folded and without salt words: "fluticasone propionate" -> "fluticasone"."""
        return self._without_salt(fold(name))

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Close names for a "did you mean" hint, one per drug, best first."""
        return self._index.close_names(fold(name), limit)

    def first_word_of(self, word: str) -> str | None:
        """The key of the one drug whose brand names begin with this whole word ("advair" for
        "Advair Diskus 100/50" and "Advair HFA"); None when the names belong to several drugs,
        include a generic name, or there are none."""
        folded = fold(word)
        if not folded:
            return None
        names = self._index.prefixed(folded + " ", _FAMILY_NAMES + 1)
        if len(names) > _FAMILY_NAMES or any(self._index.kinds[n] != "brand" for n in names):
            return None
        keys = {self._index.exact[name] for name in names}
        return keys.pop() if len(keys) == 1 else None

    def search(self, text: str, limit: int = 10) -> list[CatalogDrug]:
        """Drugs whose names start with, then contain, the text; else the closest misspelling."""
        folded = fold(text)
        if not folded or limit <= 0:
            return []
        keys: dict[str, None] = {}
        exact = self._index.exact.get(folded)
        if exact is not None:
            keys[exact] = None
        names = self._index.prefixed(folded, limit * _SEARCH_POOL)
        if len(names) < limit:
            names += self._index.containing(folded, limit * _SEARCH_POOL)
        for found in names:
            keys.setdefault(self._index.exact[found], None)
        if not keys:
            fuzzy = self._resolve_single(folded, fuzzy=True)
            if fuzzy is not None:
                keys[fuzzy] = None
        return [self._model(key) for key in list(keys)[:limit]]

    def iter_name_rows(self) -> Iterator[tuple[str, str, str]]:
        """(name, generic key, kind) for every name, kind "generic", "brand" or "synonym"."""
        for key in sorted(self._drugs):
            for entry in iter_drug_names(self._drugs[key]):
                kind = NameKind.SYNONYM if entry.kind is NameKind.SALT else entry.kind
                yield entry.name, entry.key, str(kind)

    def _resolve_single(self, folded: str, *, fuzzy: bool) -> str | None:
        found = self._match_single(folded, fuzzy=fuzzy)
        return None if found is None else found.key

    def _match_single(self, folded: str, *, fuzzy: bool) -> CatalogMatch | None:
        kind = self._index.kinds.get(folded)
        if kind is not None:
            return CatalogMatch(self._index.exact[folded], str(kind))
        bare = self._without_salt(folded)
        if bare != folded and bare in self._index.exact:
            return CatalogMatch(self._index.exact[bare], str(NameKind.SALT))
        plain = self._without_strength(folded)
        if plain is not None:
            return plain
        key = self._index.find_exact(folded) or self._index.find_exact(bare)
        if key is None and fuzzy:
            key = self._index.find_fuzzy(folded)
        return None if key is None else CatalogMatch(key, "typo")

    def _without_strength(self, folded: str) -> CatalogMatch | None:
        """A name typed with a strength ("lisinopril 10 mg") or a brand listed only with one
        ("Advair Diskus" for "ADVAIR DISKUS 100/50"), matched as that name."""
        bare = without_strength(folded)
        for name in (bare, self._without_salt(bare)):
            if name != folded and name in self._index.exact:
                return CatalogMatch(self._index.exact[name], str(self._index.kinds[name]))
        for name in (folded, bare):
            listed = self._index.without_strength.get(name)
            if listed is not None:
                return CatalogMatch(self._index.exact[listed], str(self._index.kinds[listed]))
        return None

    def combination_parts(self, name: str) -> list[str]:
        """The parts of a typed combination, strengths left out ("a/b 5/325" -> a, b)."""
        parts = split_combination(name, self._rules)
        return [part for part in parts if not is_strength(fold(part))]

    def salted_key(self, name: str) -> str | None:
        """The one drug listed only with a salt that `name` is the bare name of
        ("medroxyprogesterone" -> "medroxyprogesterone acetate"); None when none or several."""
        return self._salted().get(fold(name))

    def _salted(self) -> dict[str, str]:
        if self._salted_keys is None:
            found: dict[str, list[str]] = {}
            for key in self._drugs:
                bare = self._without_salt(fold(key))
                if bare != fold(key) and bare not in self._index.exact:
                    found.setdefault(bare, []).append(key)
            self._salted_keys = {bare: keys[0] for bare, keys in found.items() if len(keys) == 1}
        return self._salted_keys

    def _without_salt(self, folded: str) -> str:
        words = folded.split()
        while len(words) > 1 and words[-1] in self._rules.salt_words:
            words.pop()
        return " ".join(words)

    def _combination_key(self, parts: list[str], *, fuzzy: bool) -> str | None:
        keys = {self._resolve_single(fold(part), fuzzy=fuzzy) for part in parts}
        if None in keys:
            return None
        key = "; ".join(sorted(key for key in keys if key is not None))
        return key if key in self._drugs else None

    def _model(self, key: str) -> CatalogDrug:
        model = self._models.get(key)
        if model is None:
            model = _drug_model(self._drugs[key], self._fields)
            self._models[key] = model
        return model


def _drug_model(drug: dict[str, Any], fields: list[str]) -> CatalogDrug:
    products = tuple(
        Product(**dict(zip(fields, row, strict=True)))
        for row in decode_products(drug.get("products", ""))
    )
    return CatalogDrug(
        name=drug["name"],
        display_name=drug.get("display_name", drug["name"]),
        components=tuple(drug.get("components", ())),
        brand_names=tuple(drug.get("brand_names", ())),
        synonyms=(*drug.get("salts", ()), *drug.get("synonyms", ())),
        drugbank_id=drug.get("drugbank_id"),
        unii=drug.get("unii"),
        products=products,
    )


@cache
def load_catalog(path: Path | None = None) -> Catalog:
    """The catalog (the packaged one unless `path` is given), read once and cached."""
    document = read_catalog_document(path or packaged_catalog_path())
    return Catalog(document, load_name_rules())


def iter_name_rows() -> Iterator[tuple[str, str, str]]:
    """(name, generic key, kind) rows of the packaged catalog, for a database names table."""
    return load_catalog().iter_name_rows()

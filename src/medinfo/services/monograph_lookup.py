"""Monograph lookup: any medicine name to its stored monograph, through store names and catalog."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import permutations
from typing import TYPE_CHECKING

from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.monograph import Monograph
from medinfo.knowledge.loading import load
from medinfo.knowledge.vocabularies import Conditions, SideEffects
from medinfo.services.names import (
    NameResolver,
    NameTable,
    NoMonographError,
    combination_monographs,
)
from medinfo.store.database import Database

if TYPE_CHECKING:
    from medinfo.domain.catalog import CatalogDrug
    from medinfo.services.catalog import Catalog
    from medinfo.services.qa import DrugNameIndex

__all__ = ["MedicineName", "NoMonographError", "StoreMonographs"]

_WORDS = re.compile(r"[a-z][a-z0-9-]*")
_MIN_CATALOG_NAME = 4  # shorter words ("ice", "tea") are too often ordinary words
_MIN_FAMILY_WORD = 5  # a brand's first word standing for its products ("advair")
_MIN_TYPO_WORD = 8  # a misspelled word this long may be read as the catalog name it is near
_JOINERS = ("and", "with", "plus", "")  # how a question names a combination by its parts


@dataclass(frozen=True)
class MedicineName:
    """A medicine name as typed and what it refers to."""

    name: str
    drug: str | None = None
    has_monograph: bool = False
    suggestions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Names:
    """The resolver's name table and the free-text name index built from it."""

    table: NameTable
    etags: dict[str, str]
    index: DrugNameIndex


class StoreMonographs:
    """Monographs of one database by any name: a qa MonographLookup and a safety MedicineResolver.

    Names resolve through the one `NameResolver` (services.names). Parsed monographs are
    cached by etag, so a re-ingested drug is read again and an unchanged one is not.
    """

    def __init__(
        self,
        database: Database,
        catalog: Callable[[], Catalog] | None = None,
        names: NameResolver | None = None,
    ) -> None:
        self._database = database
        self.names = names or NameResolver(database, catalog)
        self._lock = threading.Lock()
        self._names: _Names | None = None
        self._parsed: dict[str, tuple[str, Monograph]] = {}
        self._ignore: frozenset[str] | None = None

    # -- MonographLookup (question answering) --

    def resolve(self, name: str) -> str | None:
        """The drug key of a generic, brand or misspelled name; None without a monograph."""
        found = self.identify(name)
        return found.drug if found.has_monograph else None

    def find_in_text(self, text: str) -> str | None:
        """The first drug with a monograph that a free-text question names."""
        return self._current().index.find_in_text(text)

    def get(self, drug: str) -> Monograph | None:
        """The monograph of a drug key, parsed once per stored version."""
        return self._get(drug, self._current())

    def catalog_in_text(self, text: str) -> CatalogDrug | None:
        """The first catalog medicine a free-text question names (exactly in one or two words,
        by a brand's first word, else within a typo for a word of eight letters or more that
        keeps the name's first letter, as typing errors do: "glovebox" is no "Lovenox"; never a
        question word), for a drug that has no monograph."""
        catalog = self.names.catalog()
        ignore = self._catalog_ignore(catalog)
        words = _WORDS.findall(text.lower())
        for start, word in enumerate(words):
            for phrase in (" ".join(words[start : start + 2]), word):
                if phrase in ignore or len(phrase) < _MIN_CATALOG_NAME:
                    continue
                key = catalog.resolve(phrase, fuzzy=False)
                if key is not None:
                    return catalog.get(key)
        for word in words:  # then a brand's first word: "advair" -> "advair diskus 100/50"
            if word not in ignore and len(word) >= _MIN_FAMILY_WORD:
                key = catalog.first_word_of(word)
                if key is not None:
                    return catalog.get(key)
        for word in words:  # last, a long name within the catalog's typo limit ("tizanadine")
            if word not in ignore and len(word) >= _MIN_TYPO_WORD and word.isalpha():
                key = catalog.resolve(word)
                entry = catalog.get(key) if key is not None else None
                if entry is not None and _same_first_letter(word, entry):
                    return entry
        return None

    # -- MedicineResolver (safety checks) --

    def resolve_components(self, name: str) -> list[str]:
        """Generic names of the active ingredients of `name`; empty when unknown."""
        return self.names.resolve_components(name)

    # -- names for the interfaces --

    def identify(self, name: str) -> MedicineName:
        """What a typed medicine name refers to; never raises for an unknown name."""
        return self._identify(name, self._current())

    def require(self, name: str) -> tuple[str, Monograph]:
        """The drug key and monograph `name` refers to.

        Raises UnknownDrugError (with close names) or NoMonographError (a known medicine
        without sources).
        """
        names = self._current()
        found = self._identify(name, names)
        if found.drug is None:
            raise UnknownDrugError(name.strip(), found.suggestions)
        monograph = self._get(found.drug, names) if found.has_monograph else None
        if monograph is None:
            raise NoMonographError(name, found.drug)
        return found.drug, monograph

    def drugs(self) -> list[str]:
        """Every drug with a monograph, sorted."""
        return sorted(self._current().etags)

    def _identify(self, name: str, names: _Names) -> MedicineName:
        found = self.names.resolve(name)
        if found.drug is None:
            return MedicineName(found.typed or name, suggestions=list(found.suggestions))
        return MedicineName(found.typed, found.drug, found.drug in names.etags)

    def _catalog_ignore(self, catalog: Catalog) -> frozenset[str]:
        """Question words never read as a catalog medicine: the rules' words (except the
        medicines they name, "xanax"), stopwords, everyday substances and the words of
        conditions and side effects ("diabetic" is no misspelled DiaBeta); built once."""
        if self._ignore is None:
            from medinfo.services.qa.intents import load_intent_rules
            from medinfo.services.qa.vocabulary import load_vocabulary

            rules, vocabulary = load_intent_rules(), load_vocabulary()
            named = {word for word in rules.known_words if catalog.resolve(word, fuzzy=False)}
            ignore = (rules.known_words - named) | rules.fuzzy.never_correct
            everyday = vocabulary.stopwords | vocabulary.not_the_subject
            self._ignore = frozenset(ignore | everyday | _medical_words())
        return self._ignore

    def _get(self, drug: str, names: _Names) -> Monograph | None:
        key = drug if drug in names.etags else drug.lower()
        etag = names.etags.get(key)
        if etag is None:
            return None
        cached = self._parsed.get(key)
        if cached is not None and cached[0] == etag:
            return cached[1]
        with self._database.reader() as store:
            row = store.monographs.get(key)
        if row is None:
            return None
        monograph = Monograph.model_validate_json(row.body)
        self._parsed[key] = (row.etag, monograph)
        return monograph

    def _current(self) -> _Names:
        """The stored monographs' names and text index, rebuilt when the name table is."""
        table = self.names.table()
        current = self._names
        if current is not None and current.table is table:
            return current
        with self._lock:
            self._names = self._build(table)
            return self._names

    def _build(self, table: NameTable) -> _Names:
        from medinfo.knowledge.groups import medicine_groups
        from medinfo.services.qa import DrugNameIndex
        from medinfo.services.qa.intents import load_intent_rules

        names = {name: drug for name, (drug, _kind) in table.stored.items()}
        catalog = self.names.catalog()
        for drug in table.etags:
            entry = catalog.get(drug) or catalog.get(catalog.resolve(drug, fuzzy=False) or "")
            if entry is None:  # a combination monograph "a/b" takes its product's names too
                continue
            for alias in (*entry.brand_names, *entry.synonyms, entry.display_name):
                names.setdefault(alias.strip().lower(), drug)
        for parts, drug in combination_monographs(table, catalog).items():
            if len(parts) != 2:
                continue  # (the scan's empty marker, or three ingredients)
            for first, second in permutations(sorted(parts)):  # "budesonide and formoterol"
                for joiner in _JOINERS:
                    names.setdefault(f"{first} {joiner} {second}", drug)
            for product in medicine_groups().product_names_of_parts(parts):  # "seretide"
                names.setdefault(product, drug)
        for drug in table.etags:  # short and street names the vocabulary knows ("spiro")
            for alias in medicine_groups().product_names_of(drug):
                names.setdefault(alias, drug)
        rules = load_intent_rules()
        index = DrugNameIndex(names.items(), ignore=rules.known_words | rules.fuzzy.never_correct)
        return _Names(table, table.etags, index)


_MEDICAL_WORD = re.compile(r"[a-z]{5,}")


@cache
def _medical_words() -> frozenset[str]:
    """The words (five letters or more) of the condition and side-effect vocabularies."""
    words: set[str] = set()
    for terms in (load(Conditions).terms, load(SideEffects).terms):
        for entry in terms:
            for name in (entry.term, *entry.synonyms):
                words.update(_MEDICAL_WORD.findall(name.lower()))
    return frozenset(words)


def _same_first_letter(word: str, entry: CatalogDrug) -> bool:
    """Whether a word starts as the catalog medicine's generic or one of its brands does."""
    return any(name.lower().startswith(word[0]) for name in (entry.name, *entry.brand_names))

"""The one name resolver: any typed medicine name to its generic drug, group or components.

Every entry point (pages, API, CLI, ask, check, reviews) asks `NameResolver.resolve`; names
are tried in one order: a name stored for a monograph, an exact catalog name (generic, brand,
salt, synonym, combination product), the name without its form, device and strength words
("Symbicort Turbohaler"), a medicine group, a catalog sound-alike spelling, a typed
combination's components (and the monograph of those parts, "a-b"), a stored name within a
typo or two, the catalog's typo match; else suggestions.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from medinfo.domain.errors import MedinfoError, UnknownDrugError
from medinfo.domain.names import MAX_NAME, clean_name, fold, stored_name
from medinfo.store.database import Database
from medinfo.store.repositories import Store
from medinfo.store.versions import monograph_etags

if TYPE_CHECKING:
    from medinfo.services.catalog import Catalog

# rapidfuzz ratio (0-100) from which a stored name is taken for a misspelling...
_TYPO_SCORE = 85.0
# ...and from which a name is offered as "did you mean".
_SUGGEST_SCORE = 60.0
MAX_SUGGESTIONS = 5
# Monograph names sharing this many first letters with an unknown name are suggested too.
_STEM = 4
# A strength written after a product's name ("500 mg", "0.4mg", "200/6", "5%").
_STRENGTH = re.compile(
    r"^(?=.)(?:\d+(?:[.,]\d+)?(?:/\d+(?:[.,]\d+)?)?)?(?:mg|mcg|micrograms?|g|ml|%)?$"
)


class Matched(StrEnum):
    """What kind of name a typed name matched."""

    GENERIC = "generic"
    BRAND = "brand"
    SALT = "salt"
    SYNONYM = "synonym"
    COMBINATION = "combination"
    TYPO = "typo"
    GROUP = "group"


class NoMonographError(MedinfoError):
    """A medicine medinfo knows by name but has no sources (so no facts) for."""

    def __init__(self, name: str, drug: str) -> None:
        self.name = name
        self.drug = drug
        called = "" if name.strip().lower() == drug.lower() else f" ({name!r})"
        super().__init__(
            f"no monograph for {drug!r}{called}: medinfo has no sources about it yet, "
            "so it has no facts to show or check; ingest a document about it first"
        )


class GroupNameError(UnknownDrugError):
    """A medicine-group name ("benzodiazepines") where one drug is needed."""

    def __init__(self, name: str, group: str) -> None:
        super().__init__(name)
        self.group = group
        self.args = (
            f"{name!r} is a group of medicines ({group}), not one drug; name one medicine",
        )


@dataclass(frozen=True)
class Resolution:
    """What a typed name stands for.

    `drug` is the generic key (the monograph's key when medinfo has one); a combination
    product's key when the catalog lists one. `components` are its generic ingredients as the
    catalog lists them ((drug,) for a monograph's own name; see `resolve_components`), or
    the parts of a typed combination the catalog has no product for.
    A group name gives `group` (a class id) and no drug; an unknown name gives neither,
    only `suggestions`.
    """

    typed: str
    drug: str | None = None
    matched: Matched | None = None
    has_monograph: bool = False
    components: tuple[str, ...] = ()
    group: str | None = None
    suggestions: tuple[str, ...] = field(default=())

    @property
    def found(self) -> bool:
        return self.drug is not None

    def require(self) -> str:
        """The drug key; UnknownDrugError (with suggestions, or the group's hint) when none."""
        if self.drug is not None:
            return self.drug
        if self.group is not None:
            raise GroupNameError(self.typed, self.group)
        if self.components:
            raise UnknownDrugError(self.typed, list(self.components))
        raise UnknownDrugError(self.typed, list(self.suggestions))


@dataclass(frozen=True)
class NameTable:
    """The names of the stored monographs at one version of the database."""

    etags: dict[str, str]
    stored: dict[str, tuple[str, Matched]]  # stored name -> (drug, kind), monograph drugs only
    folded: dict[str, tuple[str, Matched]]  # the same names folded (accents, punctuation)
    # monographs of combinations by their generic parts, filled on first need
    combinations: dict[frozenset[str], str] = field(default_factory=dict, compare=False)


def vocabulary_generics(name: str) -> tuple[str, ...]:
    """The generic ingredients `name` exactly is, in the medicine-group vocabulary or the drug
    dictionary of drug-named-entity-recognition (loaded on first need)."""
    from medinfo.knowledge.groups import medicine_groups

    known = medicine_groups().components_of(name)
    if known:
        return tuple(known)
    from medinfo.extract.drug_detection import find_drug_names

    found = find_drug_names(name)
    return (found[0],) if len(found) == 1 and len(name.split()) == 1 else ()


def named_product(name: str) -> bool:
    """Whether the group vocabulary lists `name` as a product of its own."""
    from medinfo.knowledge.groups import medicine_groups

    return medicine_groups().is_product(name)


def medicine_group(name: str) -> str | None:
    """The medicine group (its id) a whole name is, e.g. "benzodiazepines"; None for other names.

    The one seam to the shared group vocabulary (`medinfo.knowledge.groups`).
    """
    from medinfo.knowledge.groups import group_by_name

    group = group_by_name(name)
    return None if group is None else group.id


def build_table(etags: dict[str, str], rows: Iterable[tuple[str, str, str]]) -> NameTable:
    """The table of (stored name, drug, kind) rows of drugs with a monograph.

    A name shared by two drugs goes to the alphabetically first, as the `show` fast path does.
    """
    stored: dict[str, tuple[str, Matched]] = {}
    for name, drug, kind in sorted(rows):
        if drug in etags:
            stored.setdefault(name, (drug, _kind(kind)))
    for drug in sorted(etags):
        stored.setdefault(stored_name(drug), (drug, Matched.GENERIC))
    for word, drug in _distinctive_words(etags).items():
        stored.setdefault(word, (drug, Matched.GENERIC))
    folded: dict[str, tuple[str, Matched]] = {}
    for name in sorted(stored):
        folded.setdefault(fold(name), stored[name])
    return NameTable(etags, stored, folded)


_DISTINCTIVE = 7  # a word of a two-word generic this long names it alone ("glargine")


def _distinctive_words(drugs: Iterable[str]) -> dict[str, str]:
    """The words of two-word generic names that name one drug alone: "glargine" for insulin
    glargine. A word that is another medicine ("insulin") or a word of another drug's name
    names nothing alone."""
    seen: dict[str, set[str]] = {}
    for drug in drugs:
        words = drug.lower().split()
        for word in words if len(words) == 2 else ():
            seen.setdefault(word, set()).add(drug)
    return {
        word: next(iter(owners))
        for word, owners in seen.items()
        if len(owners) == 1
        and len(word) >= _DISTINCTIVE
        and word.isalpha()
        and set(vocabulary_generics(word)) <= owners
    }


def resolve_name(name: str, table: NameTable, catalog_of: Callable[[], Catalog]) -> Resolution:
    """What `name` stands for, given the stored monographs' names and the catalog.

    A stored name answers without reading the catalog (`catalog_of` is called only past it).
    """
    typed = clean_name(name[: MAX_NAME + 1])
    folded = fold(typed)
    if not folded or len(name) > MAX_NAME:
        return Resolution(typed[:MAX_NAME])
    stored = table.stored.get(typed.lower()) or table.folded.get(folded)
    if stored is not None:
        return Resolution(typed, stored[0], stored[1], True, (stored[0],))
    catalog = catalog_of()
    exact = catalog.match(typed, fuzzy=False)
    if exact is not None and exact.kind != Matched.TYPO:  # a drug's name ("alcohol") wins
        return _found(typed, exact.key, _kind(exact.kind), table, catalog)
    bare = without_product_words(typed)
    if bare and bare != typed:  # "Symbicort Turbohaler", "Epilim 200 mg tablets"
        named = resolve_name(bare, table, catalog_of)
        if named.drug is not None or named.group is not None:
            return replace(named, typed=typed)
    group = medicine_group(typed)
    if group is not None and not named_product(typed):  # "sodium valproate" is a product
        return Resolution(typed, matched=Matched.GROUP, group=group)
    known = vocabulary_generics(typed)
    if known:  # a real medicine ("phenobarbital") is not another's misspelling
        salted = catalog.salted_key(typed) if len(known) == 1 else None
        if salted is not None:  # listed in the catalog only with its salt
            return _found(typed, salted, Matched.SALT, table, catalog)
        if len(known) == 1 and fold(known[0]) != folded:
            named = resolve_name(known[0], table, catalog_of)
            if named.drug is not None and named.matched is not Matched.TYPO:
                return replace(named, typed=typed, matched=Matched.SYNONYM)
        combined = _combination_monograph(known, table, catalog)
        if combined:  # "DuoResp" -> the monograph "budesonide-formoterol"
            return Resolution(typed, combined, Matched.COMBINATION, True, known)
        return Resolution(typed, matched=Matched.GENERIC, components=known)
    if exact is not None:  # a sound-alike spelling
        return _found(typed, exact.key, Matched.TYPO, table, catalog)
    components = catalog.resolve_components(typed)
    if len(components) > 1:  # a typed combination, its parts perhaps misspelt
        product = catalog.match(typed)
        if product is not None:
            return _found(typed, product.key, Matched.COMBINATION, table, catalog)
        combined = _combination_monograph(components, table, catalog)
        if combined:  # "budesonide and formoterol" -> the monograph "budesonide-formoterol"
            return Resolution(typed, combined, Matched.COMBINATION, True, tuple(components))
        return Resolution(typed, matched=Matched.COMBINATION, components=tuple(components))
    parts = catalog.combination_parts(typed)
    combined = _combination_monograph(parts, table, catalog)
    if combined:  # parts the catalog lists only with a salt ("salmeterol with fluticasone")
        return Resolution(typed, combined, Matched.COMBINATION, True, tuple(parts))
    near = _stored_typo(folded, table)
    if near is not None:
        return _found(typed, near, Matched.TYPO, table, catalog)
    typo = catalog.match(typed)
    if typo is not None:
        return _found(typed, typo.key, Matched.TYPO, table, catalog)
    return Resolution(typed, suggestions=tuple(suggest(typed, table, catalog)))


def without_product_words(typed: str) -> str:
    """The name without the form, device, release and strength words written after it
    ("Efexor XL 75 mg capsules" -> "Efexor"); the name itself when nothing is left."""
    words = _product_words()
    parts = typed.split()
    while len(parts) > 1 and (parts[-1].lower() in words or _STRENGTH.match(parts[-1].lower())):
        parts.pop()
    return " ".join(parts)


@cache
def _product_words() -> frozenset[str]:
    from medinfo.knowledge.loading import load
    from medinfo.knowledge.vocabularies import Forms

    return frozenset(load(Forms).product_words)


def suggest(typed: str, table: NameTable, catalog: Catalog) -> list[str]:
    """Close names for a "did you mean" hint: monograph names first, then catalog names."""
    from rapidfuzz import fuzz, process

    folded = fold(typed)
    if not folded:
        return []
    close = process.extract(folded, list(table.folded), scorer=fuzz.ratio, limit=3)
    found = [table.folded[match][0] for match, score, _ in close if score >= _SUGGEST_SCORE]
    if len(folded) > _STEM:
        stem = folded[:_STEM]
        found += sorted({drug for name, (drug, _) in table.folded.items() if name.startswith(stem)})
    found += catalog.suggest(typed, MAX_SUGGESTIONS)
    unique: dict[str, str] = {}
    for item in found:
        unique.setdefault(item.lower(), item)
    return list(unique.values())[:MAX_SUGGESTIONS]


class NameResolver:
    """Resolves names against one database; its name table is rebuilt only when a monograph
    changed, and the catalog is read on the first name the table does not know."""

    def __init__(self, database: Database, catalog: Callable[[], Catalog] | None = None) -> None:
        self._database = database
        self._catalog_loader = catalog
        self._lock = threading.Lock()
        self._table: NameTable | None = None

    def resolve(self, name: str) -> Resolution:
        """What a typed name stands for; never raises."""
        return resolve_name(name, self.table(), self.catalog)

    def require(self, name: str) -> Resolution:
        """`resolve`, raising UnknownDrugError (with suggestions) when it names no drug."""
        found = self.resolve(name)
        found.require()
        return found

    def monograph_drug(self, name: str) -> str:
        """The key of the monograph `name` stands for.

        Raises UnknownDrugError (with suggestions), or NoMonographError for a drug the
        catalog knows but no source describes yet.
        """
        found = self.require(name)
        if not found.has_monograph or found.drug is None:
            raise NoMonographError(name, found.require())
        return found.drug

    def filing_name(self, name: str) -> str:
        """The drug a document is filed under when its drug is named by hand (`ingest --drug`).

        A generic, brand, salt or combination the catalog or a monograph knows gives its drug
        key; a sound-alike spelling is refused with the suggestion rather than corrected
        silently; a name nothing knows is kept as typed (a drug new to medinfo).
        """
        found = self.resolve(name)
        if found.group is not None:
            raise GroupNameError(found.typed, found.group)
        if found.matched is Matched.TYPO and found.drug is not None:
            raise UnknownDrugError(found.typed, [found.drug])
        return found.drug or name

    def resolve_components(self, name: str) -> list[str]:
        """Generic names of the active ingredients of `name`; empty for an unknown name.

        A safety MedicineResolver: the patient's other medicines resolve as the checked drug does.
        """
        found = self.resolve(name)
        if found.drug is None:
            return list(found.components)
        return list(_components(found.drug, self.catalog()))

    def catalog(self) -> Catalog:
        if self._catalog_loader is None:
            from medinfo.services.catalog import load_catalog

            self._catalog_loader = load_catalog
        return self._catalog_loader()

    def table(self) -> NameTable:
        """The names of the stored monographs, rebuilt only when a monograph changed."""
        with self._database.reader() as store:
            etags = monograph_etags(store.connection)
            current = self._table
            if current is not None and current.etags == etags:
                return current
            rows = store.names.all_rows()
        with self._lock:
            self._table = build_table(etags, rows)
            return self._table


def resolve_in(store: Store, name: str) -> Resolution:
    """`NameResolver.resolve` inside an open transaction (ingest, reviews)."""
    from medinfo.services.catalog import load_catalog

    return resolve_name(name, table_in(store), load_catalog)


def table_in(store: Store) -> NameTable:
    """The name table of the monographs stored now, read inside an open transaction."""
    return build_table(monograph_etags(store.connection), store.names.all_rows())


def _found(
    typed: str, key: str, matched: Matched, table: NameTable, catalog: Catalog
) -> Resolution:
    """A drug found by `key` (a monograph's or the catalog's), under its monograph's key."""
    stored = table.stored.get(stored_name(key)) or table.folded.get(fold(key))
    if stored is None:  # "lithium carbonate" when the monograph is filed as "lithium"
        stored = table.folded.get(catalog.bare_name(key))
        if stored is not None and matched is Matched.GENERIC:
            matched = Matched.SALT
    if stored is None:  # "cephalexin" when the monograph is filed under "cefalexin"
        stored = _stored_synonym(key, table, catalog)
    drug = stored[0] if stored is not None and stored[1] is Matched.GENERIC else key
    components = _components(key, catalog)
    if drug not in table.etags and len(components) > 1:  # "Norco" -> a monograph "a/b"
        drug = combination_monographs(table, catalog).get(_parts_key(components, catalog), drug)
    if matched is Matched.GENERIC and len(components) > 1:  # "a; b", typed "a/b"
        matched = Matched.COMBINATION
    return Resolution(typed, drug, matched, drug in table.etags, components)


def _stored_synonym(key: str, table: NameTable, catalog: Catalog) -> tuple[str, Matched] | None:
    """A stored monograph filed under another name of the catalog drug `key` (the INN of a
    USAN name, or the reverse)."""
    entry = catalog.get(key)
    for name in entry.synonyms if entry is not None else ():
        stored = table.folded.get(fold(name))
        if stored is not None:
            return stored
    return None


def _components(drug: str, catalog: Catalog) -> tuple[str, ...]:
    """A drug's generic ingredients: the catalog's, the parts of a monograph named "a/b" (parts
    the catalog lists only with a salt too, "fluticasone") or "a-b", or the drug itself."""
    entry = catalog.get(drug)
    if entry is not None:
        return tuple(entry.components) or (drug,)
    for parts in (catalog.resolve_components(drug), catalog.combination_parts(drug)):
        if len(parts) > 1:
            return tuple(parts)
    pieces = drug.split("-")  # generics joined by hyphens ("budesonide-formoterol")
    known = [catalog.match(p, fuzzy=False) or catalog.salted_key(p) for p in pieces]
    return tuple(pieces) if len(pieces) > 1 and all(known) else (drug,)


def combination_monographs(table: NameTable, catalog: Catalog) -> dict[frozenset[str], str]:
    """The table's monographs named as combinations ("a/b", "b and a"), by their parts."""
    if not table.combinations:
        table.combinations[frozenset()] = ""  # scanned, even when none is found
        for drug in sorted(table.etags):
            parts = _components(drug, catalog)
            if len(parts) > 1:
                table.combinations.setdefault(_parts_key(parts, catalog), drug)
    return table.combinations


def _combination_monograph(parts: Iterable[str], table: NameTable, catalog: Catalog) -> str | None:
    """The stored monograph of the combination of these generic parts (two or more)."""
    key = _parts_key(parts, catalog)
    return combination_monographs(table, catalog).get(key) if len(key) > 1 else None


def _parts_key(parts: Iterable[str], catalog: Catalog) -> frozenset[str]:
    """Generic parts compared without their salts ("fluticasone propionate" ~ "fluticasone")."""
    return frozenset(catalog.bare_name(part) for part in parts)


def _stored_typo(folded: str, table: NameTable) -> str | None:
    from rapidfuzz import fuzz, process

    best = process.extractOne(folded, list(table.folded), scorer=fuzz.ratio)
    if best is None or best[1] < _TYPO_SCORE:
        return None
    return table.folded[best[0]][0]


def _kind(kind: str) -> Matched:
    try:
        return Matched(kind)
    except ValueError:
        return Matched.SYNONYM

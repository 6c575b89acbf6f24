"""Monographs: reconcile and cache a drug's monograph, resolve names, read it back."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Self

from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.facts import ExtractedFact
from medinfo.domain.monograph import Monograph
from medinfo.domain.sources import Source
from medinfo.services.pipeline import ReconcileMonograph
from medinfo.store.database import Database
from medinfo.store.repositories import CachedMonograph, Store
from medinfo.store.search import IndexEntry, SearchIndex


@dataclass(frozen=True)
class SourceFacts:
    """One source of a drug and the facts it states."""

    source: Source
    facts: list[ExtractedFact]
    has_text: bool


def refresh_monograph(store: Store, drug: str, reconcile: ReconcileMonograph) -> Monograph:
    """Reconcile `drug` from every stored source, then cache it and index its names."""
    sources, facts = drug_sources(store, drug)
    monograph = reconcile(drug, sources, facts)
    save_monograph(store, drug, monograph)
    return monograph


def forget_drug(store: Store, drug: str) -> None:
    """Remove what a drug left behind once its last source is gone: its cached monograph,
    its names and its search passages."""
    store.monographs.delete(drug)
    store.names.replace_for_drug(drug, [])
    from medinfo.store.search import SearchIndex

    SearchIndex(store.connection).replace_drug(drug, [])


def drug_sources(store: Store, drug: str) -> tuple[list[Source], list[ExtractedFact]]:
    """What reconciling `drug` reads: its stored sources and their facts."""
    sources = store.sources.list_for_drug(drug)
    return sources, store.facts.list_for_sources(source.id for source in sources)


@dataclass(frozen=True)
class ReadyMonograph:
    """A reconciled monograph as it is stored: its JSON body, the names it is filed under and
    its search passages. A bulk run's workers send these: a monograph object costs far more
    to pickle and unpickle than its JSON text (200 drugs: ~2.2 CPU-s against ~0.01 s)."""

    drug: str
    generic: str
    brand_names: tuple[str, ...]
    body: str
    entries: list[IndexEntry] | None = None
    # The monograph itself, only when its passages are still to be made (`entries` None).
    monograph: Monograph | None = None

    @classmethod
    def of(cls, drug: str, monograph: Monograph, entries: list[IndexEntry] | None = None) -> Self:
        body = monograph.model_dump_json()
        whole = monograph if entries is None else None
        return cls(drug, monograph.drug, tuple(monograph.brand_names), body, entries, whole)


def save_monograph(
    store: Store, drug: str, monograph: Monograph, entries: list[IndexEntry] | None = None
) -> None:
    """Cache a freshly reconciled monograph of `drug` and index its names and text
    (`entries`: its search passages, when already made; see `search.index_entries`)."""
    save_ready_monograph(store, ReadyMonograph.of(drug, monograph, entries))


def save_ready_monograph(store: Store, ready: ReadyMonograph) -> None:
    """Cache a reconciled monograph and index its names and search passages.

    A drug never stored before has no indexed passages: they are added without first
    dropping old ones (which costs a scan of the whole index on SQLite)."""
    from medinfo.services.search import index_entries  # keeps `show --json` start-up light

    drug = ready.drug
    new = not store.monographs.has(drug) and not store.monographs.has(ready.generic)
    etag = hashlib.sha256(ready.body.encode("utf-8")).hexdigest()
    store.monographs.put(CachedMonograph(drug=drug, body=ready.body, etag=etag))
    names = [(drug, "generic"), (ready.generic, "generic")]
    names += [(brand, "brand") for brand in ready.brand_names]
    names += [(brand, "brand") for brand in catalog_brands(drug)]
    store.names.replace_for_drug(drug, names)
    entries = ready.entries
    if entries is None:
        if ready.monograph is None:
            raise ValueError(f"{drug}: a monograph to store needs its search passages")
        entries = index_entries(store, ready.monograph)
    SearchIndex(store.connection).replace_drug(ready.generic, entries, new=new)


def catalog_brands(drug: str) -> list[str]:
    """The catalog's brands (current and discontinued) that resolve to `drug` itself.

    Stored with the monograph's names they answer at the name resolver's first step, and so
    on the `show --json` fast path, with the drug the resolver would find for them anyway.
    """
    from medinfo.services.catalog import load_catalog

    catalog = load_catalog()
    entry = catalog.get(drug)
    if entry is None:
        return []
    key = entry.name
    return [brand for brand in entry.brand_names if catalog.resolve(brand, fuzzy=False) == key]


def resolve_drug(store: Store, name: str) -> str:
    """The drug with a monograph that a name stands for, as the one name resolver finds it.

    Raises UnknownDrugError with close names as suggestions when nothing matches, or
    NoMonographError for a drug the catalog knows but no source describes.
    """
    from medinfo.services.names import NoMonographError, resolve_in

    found = resolve_in(store, name)
    drug = found.require()
    if not found.has_monograph:
        raise NoMonographError(name, drug)
    return drug


def cached_monograph(database: Database, name: str) -> CachedMonograph:
    """The stored monograph of the drug `name` refers to, without reconciling again."""
    with database.reader() as store:
        drug = resolve_drug(store, name)
        cached = store.monographs.get(drug)
    if cached is None:
        raise UnknownDrugError(name)
    return cached


def get_monograph(database: Database, name: str) -> Monograph:
    """The monograph of the drug `name` refers to."""
    return Monograph.model_validate_json(cached_monograph(database, name).body)


def list_drugs(database: Database) -> list[str]:
    """Every drug with a monograph, sorted."""
    with database.reader() as store:
        return store.monographs.drugs()


def list_source_facts(database: Database, name: str) -> list[SourceFacts]:
    """Which source states what: each source of the drug with its facts, named for citing."""
    from medinfo.reconcile.voice import with_citation_titles

    with database.reader() as store:
        drug = resolve_drug(store, name)
        stored = store.sources.list_for_drug(drug)
        named = with_citation_titles({source.id: source for source in stored})
        result = []
        for source in stored:
            facts = store.facts.list_for_sources([source.id])
            result.append(SourceFacts(named[source.id], facts, store.sources.has_text(source.id)))
    result.sort(key=lambda item: (-int(item.source.reliability), item.source.id))
    return result

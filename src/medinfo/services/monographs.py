"""Monographs: reconcile and cache a drug's monograph, resolve names, read it back."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.facts import ExtractedFact
from medinfo.domain.monograph import Monograph
from medinfo.domain.sources import Source
from medinfo.services.pipeline import ReconcileMonograph
from medinfo.store.database import Database
from medinfo.store.repositories import CachedMonograph, Store

# rapidfuzz ratio (0-100) above which a misspelt name resolves on its own...
_RESOLVE_SCORE = 85.0
# ...and above which a name is offered as a suggestion.
_SUGGEST_SCORE = 60.0
_SUGGESTIONS = 3


@dataclass(frozen=True)
class SourceFacts:
    """One source of a drug and the facts it states."""

    source: Source
    facts: list[ExtractedFact]
    has_text: bool


def refresh_monograph(store: Store, drug: str, reconcile: ReconcileMonograph) -> Monograph:
    """Reconcile `drug` from every stored source, then cache it and index its names."""
    sources = store.sources.list_for_drug(drug)
    facts = store.facts.list_for_sources(source.id for source in sources)
    monograph = reconcile(drug, sources, facts)
    body = monograph.model_dump_json()
    etag = hashlib.sha256(body.encode("utf-8")).hexdigest()
    store.monographs.put(CachedMonograph(drug=drug, body=body, etag=etag))
    names = [(drug, "generic"), (monograph.drug, "generic")]
    names += [(brand, "brand") for brand in monograph.brand_names]
    store.names.replace_for_drug(drug, names)
    from medinfo.services.search import index_drug  # keeps `show --json` start-up light

    index_drug(store, monograph)
    return monograph


def resolve_drug(store: Store, name: str) -> str:
    """The drug a generic name, brand name or close misspelling refers to.

    Raises UnknownDrugError with close names as suggestions when nothing matches.
    """
    exact = store.names.drugs_named(name)
    if exact:
        return exact[0]
    from rapidfuzz import fuzz, process

    names = store.names.all_names()
    matches = process.extract(name.strip().lower(), list(names), scorer=fuzz.ratio, limit=10)
    if matches and matches[0][1] >= _RESOLVE_SCORE:
        return names[matches[0][0]]
    suggestions = [match for match, score, _ in matches if score >= _SUGGEST_SCORE]
    raise UnknownDrugError(name, suggestions[:_SUGGESTIONS])


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
    """Which source states what: each source of the drug with its facts."""
    with database.reader() as store:
        drug = resolve_drug(store, name)
        result = []
        for source in store.sources.list_for_drug(drug):
            facts = store.facts.list_for_sources([source.id])
            result.append(SourceFacts(source, facts, store.sources.has_text(source.id)))
    result.sort(key=lambda item: (-int(item.source.reliability), item.source.id))
    return result

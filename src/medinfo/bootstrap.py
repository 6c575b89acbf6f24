"""The one place that wires concrete classes together for the interfaces."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from medinfo.config import database_url
from medinfo.domain.errors import InputError
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import Monograph
from medinfo.domain.sources import SourceKind
from medinfo.services import bulk_ingest, ingest, knowledge_base, monographs
from medinfo.services import pipeline as pipelines
from medinfo.store.database import Database, open_database
from medinfo.store.repositories import CachedMonograph, Store
from medinfo.store.search import SearchIndex

if TYPE_CHECKING:
    from medinfo.services.search import DrugRef, SearchResults

PipelineFactory = Callable[[], pipelines.Pipeline]


class Medinfo:
    """The services bound to one database and one document pipeline."""

    def __init__(self, database: Database, pipeline_factory: PipelineFactory) -> None:
        self.database = database
        self._pipeline_factory = pipeline_factory
        self._pipeline: pipelines.Pipeline | None = None

    @property
    def pipeline(self) -> pipelines.Pipeline:
        """The document pipeline, built on first use (it may load NLP models)."""
        if self._pipeline is None:
            self._pipeline = self._pipeline_factory()
        return self._pipeline

    def ingest_paths(
        self,
        paths: Sequence[Path],
        drug: str | None = None,
        title: str | None = None,
        url: str | None = None,
        kind: SourceKind | None = None,
    ) -> ingest.IngestReport:
        return ingest.ingest_paths(
            self.database, self.pipeline, paths, drug=drug, title=title, url=url, kind=kind
        )

    def ingest_bulk(
        self,
        paths: Sequence[Path],
        drug: str | None = None,
        kind: SourceKind | None = None,
        jobs: int | None = None,
        progress: bulk_ingest.Progress | None = None,
        total: int | None = None,
    ) -> bulk_ingest.BulkReport:
        return bulk_ingest.ingest_bulk(
            self.database,
            self.pipeline,
            paths,
            drug=drug,
            kind=kind,
            jobs=jobs,
            progress=progress,
            total=total,
        )

    def cached_monograph(self, name: str) -> CachedMonograph:
        return monographs.cached_monograph(self.database, self.monograph_drug(name))

    def monograph(self, name: str) -> Monograph:
        return monographs.get_monograph(self.database, self.monograph_drug(name))

    def drugs(self) -> list[str]:
        return monographs.list_drugs(self.database)

    def source_facts(self, name: str) -> list[monographs.SourceFacts]:
        return monographs.list_source_facts(self.database, self.monograph_drug(name))

    def monograph_drug(self, name: str) -> str:
        """The drug with a monograph that `name` stands for, resolved as the website does:
        a monograph's own names, then catalog brands and synonyms, then close misspellings.

        Raises UnknownDrugError (with suggestions), or NoMonographError for a drug the
        catalog knows but no source describes yet.
        """
        ref = self.find_drug(name)
        if not ref.has_monograph:
            from medinfo.services.monograph_lookup import NoMonographError

            raise NoMonographError(name, ref.drug)
        return ref.drug

    def find_drug(self, name: str) -> DrugRef:
        from medinfo.services import search

        return search.find_drug(self.database, name)

    def search(self, query: str, limit: int = 10) -> SearchResults:
        from medinfo.services import search

        return search.search(self.database, query, limit)

    def suggest_names(self, name: str) -> list[str]:
        from medinfo.services import search

        return search.suggest_names(self.database, name)

    def quote_evidence(self, evidence: Iterable[Evidence]) -> dict[Evidence, str]:
        from medinfo.services import quotes

        return quotes.quote_evidence(self.database, evidence)

    def close(self) -> None:
        self.database.dispose()


def bootstrap(
    url: str | None = None,
    *,
    empty: bool = False,
    pipeline_factory: PipelineFactory | None = None,
) -> Medinfo:
    """Open the database at `url` (default from config), creating it on first use.

    A new database is loaded with the embedded knowledge base unless `empty`.
    """
    factory = pipeline_factory or pipelines.real_pipeline
    app = Medinfo(open_database(database_url(url)), factory)
    if not app.database.ensure_schema(seed=_seed(app, with_knowledge_base=not empty)):
        with app.database.reader() as store:
            loaded = SearchIndex(store.connection).has_catalog_names()
        if not loaded:  # a database created before the catalog names existed
            from medinfo.services import search

            search.ensure_catalog_names(app.database)
    return app


def create_database(
    url: str | None = None,
    *,
    empty: bool = False,
    pipeline_factory: PipelineFactory | None = None,
) -> Medinfo:
    """A new database; raises InputError when one already exists at `url`."""
    database = open_database(database_url(url))
    if database.revision() is not None:
        database.dispose()
        raise InputError(f"database {database.url}: already exists")
    database.dispose()
    return bootstrap(url, empty=empty, pipeline_factory=pipeline_factory)


def _seed(app: Medinfo, *, with_knowledge_base: bool) -> Callable[[Store], None]:
    """What every new database starts with: the catalog's names, then the knowledge base."""

    def seed(store: Store) -> None:
        from medinfo.services import search

        search.load_catalog_names(store)
        if with_knowledge_base:
            snapshot = knowledge_base.read_snapshot()
            knowledge_base.load_snapshot(store, snapshot, app.pipeline.reconcile_monograph)

    return seed

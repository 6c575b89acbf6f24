"""The one place that wires concrete classes together for the interfaces."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from medinfo.config import database_url
from medinfo.data import KNOWLEDGE_BASE_SETTING, knowledge_base_digest
from medinfo.domain.errors import InputError
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import Monograph
from medinfo.domain.sources import SourceKind
from medinfo.services import bulk_ingest, ingest, knowledge_base, monographs
from medinfo.services import pipeline as pipelines
from medinfo.services.names import NameResolver, Resolution
from medinfo.store.database import Database, open_database
from medinfo.store.repositories import CachedMonograph, Store
from medinfo.store.search import SearchIndex

if TYPE_CHECKING:
    from medinfo.domain.alerts import CheckRequest, CheckResponse
    from medinfo.domain.answers import Answer
    from medinfo.domain.catalog import CatalogDrug
    from medinfo.domain.monograph import SourceRef
    from medinfo.domain.reviews import DatasetFormat, Review, ReviewStatus
    from medinfo.services.answers import Answerer
    from medinfo.services.cds.bearer_tokens import TokenVerifier
    from medinfo.services.cds.feedback import FeedbackLog
    from medinfo.services.interactions import InteractionReport
    from medinfo.services.monograph_lookup import StoreMonographs
    from medinfo.services.refresh import RefreshReport
    from medinfo.services.reviews import (
        ImportReport,
        RateLimit,
        ReviewBlock,
        ReviewPage,
        ReviewSummary,
    )
    from medinfo.services.reviews.client_hashes import ClientHasher
    from medinfo.services.search import DrugRef, SearchResults

PipelineFactory = Callable[[], pipelines.Pipeline]


class Medinfo:
    """The services bound to one database and one document pipeline."""

    def __init__(self, database: Database, pipeline_factory: PipelineFactory) -> None:
        self.database = database
        self.names = NameResolver(database)
        self._pipeline_factory = pipeline_factory
        self._pipeline: pipelines.Pipeline | None = None
        self._monographs: StoreMonographs | None = None
        self._answerer: Answerer | None = None
        self._cds_feedback: FeedbackLog | None = None
        self._cds_verifier: TokenVerifier | None = None
        self._cds_verifier_read = False
        self._client_hasher: ClientHasher | None = None

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
            self.database,
            self.pipeline,
            paths,
            drug=self._filing_name(drug),
            title=title,
            url=url,
            kind=kind,
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
            drug=self._filing_name(drug),
            kind=kind,
            jobs=jobs,
            progress=progress,
            total=total,
        )

    def _filing_name(self, drug: str | None) -> str | None:
        return None if drug is None else self.names.filing_name(drug)

    def refresh(self) -> RefreshReport:
        """Read every stored source again with this release's extraction (see
        `services.refresh`)."""
        from medinfo.services.refresh import refresh_database

        return refresh_database(self.database, self.pipeline)

    def cached_monograph(self, name: str) -> CachedMonograph:
        return monographs.cached_monograph(self.database, self.monograph_drug(name))

    def monograph(self, name: str) -> Monograph:
        return monographs.get_monograph(self.database, self.monograph_drug(name))

    def drugs(self) -> list[str]:
        return monographs.list_drugs(self.database)

    def source_facts(self, name: str) -> list[monographs.SourceFacts]:
        return monographs.list_source_facts(self.database, self.monograph_drug(name))

    def monograph_drug(self, name: str) -> str:
        """The drug with a monograph that `name` stands for (the one name resolver).

        Raises UnknownDrugError (with suggestions), or NoMonographError for a drug the
        catalog knows but no source describes yet.
        """
        return self.names.monograph_drug(name)

    def resolve_name(self, name: str) -> Resolution:
        """What a typed name stands for: drug, kind of match, components or group."""
        return self.names.resolve(name)

    def find_drug(self, name: str) -> DrugRef:
        from medinfo.services import search

        return search.find_drug(self.names, name)

    def search(self, query: str, limit: int = 10) -> SearchResults:
        """The website's search: drugs by name (ranked), then fact lines and passages."""
        from medinfo.services import search

        return search.search(self.database, self.names, query, limit)

    def catalog_drug(self, key: str) -> CatalogDrug | None:
        """The catalog's record of a drug key (for a drug medinfo has no monograph of)."""
        return self.names.catalog().get(key)

    def warm_up(self) -> None:
        """Load the catalog and its sound-alike index now rather than on the first typo."""
        self.names.resolve("medinfo warm up")

    # -- questions and safety checks --

    @property
    def monographs(self) -> StoreMonographs:
        """Monographs by any name, cached per version (question answering, safety checks)."""
        if self._monographs is None:
            from medinfo.services.monograph_lookup import StoreMonographs

            self._monographs = StoreMonographs(self.database, names=self.names)
        return self._monographs

    @property
    def answerer(self) -> Answerer:
        if self._answerer is None:
            from medinfo.services.answers import Answerer, StorePassages

            self._answerer = Answerer(self.monographs, StorePassages(self.database))
        return self._answerer

    def ask(self, question: str, drug: str | None = None) -> Answer:
        """The cited answer to a question (about `drug` when given), or an honest abstention."""
        return self.answerer.ask(question, drug)

    def check(self, request: CheckRequest) -> CheckResponse:
        """The safety check of a regimen; its drug and the patient's other medicines resolve
        through the one name resolver."""
        from medinfo.services.checks import check_request

        return check_request(self.monographs, request)

    def check_medicines(self, names: list[str]) -> InteractionReport:
        """Every pair of the medicines checked against each other."""
        from medinfo.services.interactions import check_medicines

        return check_medicines(self.monographs, names)

    def cited_sources(self, drug: str, ids: Iterable[str]) -> dict[str, SourceRef]:
        """The drug's monograph sources among `ids` (what an alert or answer cites)."""
        from medinfo.services.checks import cited_sources

        return cited_sources(self.monographs, drug, ids)

    # -- clinical services (CDS Hooks) --

    @property
    def cds_feedback(self) -> FeedbackLog:
        """Clinicians' outcomes for medinfo's cards, kept in memory (and logged)."""
        if self._cds_feedback is None:
            from medinfo.services.cds.feedback import FeedbackLog

            self._cds_feedback = FeedbackLog()
        return self._cds_feedback

    @property
    def cds_token_verifier(self) -> TokenVerifier | None:
        """The CDS Hooks bearer-token verifier (MEDINFO_CDS_TRUSTED_ISSUERS, read on first use);
        None when no issuer is trusted, so tokens are not checked."""
        if not self._cds_verifier_read:
            from medinfo.config import CDS_TRUSTED_ISSUERS
            from medinfo.services.cds.bearer_tokens import TokenVerifier, read_trusted_issuers

            issuers = read_trusted_issuers(CDS_TRUSTED_ISSUERS.value())
            self._cds_verifier = TokenVerifier(issuers) if issuers else None
            self._cds_verifier_read = True
        return self._cds_verifier

    # -- reviews --

    def import_reviews(self, fmt: DatasetFormat, path: Path) -> ImportReport:
        from medinfo.services.reviews import import_reviews

        return import_reviews(self.database, fmt, path)

    def summarize_reviews(self, name: str) -> ReviewSummary:
        from medinfo.services.reviews import summarize_reviews

        return summarize_reviews(self.database, name)

    def list_reviews(self, name: str, page: int = 1) -> ReviewPage:
        from medinfo.services.reviews import list_reviews

        return list_reviews(self.database, name, page=page)

    def review_block(self, name: str, page: int = 1) -> ReviewBlock:
        """The drug page's reviews: summary, one page of reviews, the listed side effects."""
        from medinfo.services.reviews import review_block

        return review_block(self.database, name, page=page)

    def submit_review(
        self,
        name: str,
        raw: Mapping[str, object],
        *,
        client_key: str,
        limit: RateLimit | None = None,
    ) -> Review:
        """Store a pending review (held with reasons when a moderation rule fires); the client is
        stored as a hash keyed by MEDINFO_CLIENT_HASH_KEY_FILE's secret (see `client_hasher`)."""
        from medinfo.services.reviews import submit_review

        return submit_review(
            self.database,
            name,
            raw,
            client_key=client_key,
            limit=limit,
            hasher=self.client_hasher,
        )

    @property
    def client_hasher(self) -> ClientHasher:
        """Hashes review clients with the secret in MEDINFO_CLIENT_HASH_KEY_FILE (read once),
        or with a random secret of this process when the setting is empty."""
        if self._client_hasher is None:
            from medinfo.config import CLIENT_HASH_KEY_FILE
            from medinfo.services.reviews.client_hashes import hasher_from_file

            self._client_hasher = hasher_from_file(CLIENT_HASH_KEY_FILE.value())
        return self._client_hasher

    def reviews_to_moderate(self, status: ReviewStatus, limit: int = 100) -> list[Review]:
        from medinfo.services.reviews import list_for_moderation

        return list_for_moderation(self.database, status, limit=limit)

    def moderate_review(self, review_id: int, decision: ReviewStatus) -> Review:
        from medinfo.services.reviews import moderate_review

        return moderate_review(self.database, review_id, decision)

    def review_key(self) -> bytes:
        """This database's random key for signing review clients and forms."""
        from medinfo.services.reviews import review_key

        with self.database.reader() as store:
            return review_key(store)

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
    seed = _seed(app, with_knowledge_base=not empty)
    if not app.database.ensure_schema(seed=seed, upgraded=_upgraded(app)):
        with app.database.reader() as store:
            loaded = SearchIndex(store.connection).has_catalog_names()
            current = knowledge_base.holds_current(store)
        if not loaded:  # a database created before the catalog names existed
            from medinfo.services import search

            search.ensure_catalog_names(app.database)
        if not current:  # a newer release ships a newer knowledge base
            with app.database.exclusive_transaction() as store:
                knowledge_base.hold_current(store, app.pipeline.reconcile_monograph)
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


def _upgraded(app: Medinfo) -> Callable[[Store], None]:
    """After a schema upgrade (a new medinfo release), the database takes the release's
    knowledge base and every cached monograph is reconciled again: the monographs an older
    release cached lack what the new one adds."""

    def upgrade(store: Store) -> None:
        from medinfo.services.monographs import refresh_monograph

        knowledge_base.hold_current(store, app.pipeline.reconcile_monograph)
        for drug in store.sources.drugs():
            refresh_monograph(store, drug, app.pipeline.reconcile_monograph)

    return upgrade


def _seed(app: Medinfo, *, with_knowledge_base: bool) -> Callable[[Store], None]:
    """What every new database starts with: the catalog's names, then the knowledge base."""

    def seed(store: Store) -> None:
        from medinfo.services import search

        search.load_catalog_names(store)
        held = ""
        if with_knowledge_base:
            snapshot = knowledge_base.read_snapshot()
            knowledge_base.load_snapshot(store, snapshot, app.pipeline.reconcile_monograph)
            held = knowledge_base_digest()
        store.settings.put(KNOWLEDGE_BASE_SETTING, held)

    return seed

"""Ingest: read documents, extract their facts and store them, one transaction each."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from medinfo.domain.documents import Document
from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact
from medinfo.domain.sources import Reliability, Source, SourceFormat, SourceKind
from medinfo.services.monographs import refresh_monograph
from medinfo.services.pipeline import Pipeline, ReconcileMonograph
from medinfo.store.database import Database
from medinfo.store.repositories import Store

_LABEL_FORMATS = {SourceFormat.SPL_XML, SourceFormat.OPENFDA_JSON}
# Where a label (by its SPL set id) is published; one page per label across its versions.
DAILYMED_URL = "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid={set_id}"


class IngestStatus(StrEnum):
    """What ingesting one document changed."""

    ADDED = "added"
    UNCHANGED = "unchanged"
    TEXT_STORED = "text stored"  # known from the knowledge base; its text is now kept


@dataclass(frozen=True)
class PreparedDocument:
    """A document read and extracted, ready to be stored."""

    path: Path
    source: Source
    text: str
    facts: list[ExtractedFact]


@dataclass(frozen=True)
class IngestedDocument:
    """The outcome for one document."""

    path: str
    source_id: str
    drug: str
    title: str
    status: IngestStatus
    facts: int


@dataclass(frozen=True)
class IngestReport:
    """The outcome of one ingest run, one entry per document in the order given."""

    documents: list[IngestedDocument] = field(default_factory=list)

    def count(self, status: IngestStatus) -> int:
        return sum(1 for document in self.documents if document.status is status)


def source_id_of(text: str) -> tuple[str, str]:
    """A source's stable id (16 hex digits) and the full SHA-256 of its text."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return digest[:16], digest


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders replaced by the files below them, in sorted order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (p for p in sorted(path.rglob("*")) if p.is_file())
            files.extend(p for p in found if not _hidden(p.relative_to(path)))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts)


def prepare_document(
    pipeline: Pipeline,
    path: Path,
    drug: str | None = None,
    title: str | None = None,
    url: str | None = None,
    kind: SourceKind | None = None,
) -> PreparedDocument:
    """Read and extract one file; raises InputError naming the file when it cannot be used."""
    try:
        document = pipeline.read_path(path)
    except InputError as error:
        raise _naming(error, path) from error
    options = DocumentOptions(drug=drug, title=title, url=url, kind=kind)
    return prepare_read_document(pipeline, document, path, options)


def _naming(error: InputError, path: Path) -> InputError:
    message = str(error)
    if str(path) in message or path.name in message:
        return error
    return InputError(f"{path}: {message}")


@dataclass(frozen=True)
class DocumentOptions:
    """What the user says about a document: its drug, title, URL and kind (None: detect)."""

    drug: str | None = None
    title: str | None = None
    url: str | None = None
    kind: SourceKind | None = None


def prepare_read_document(
    pipeline: Pipeline, document: Document, path: Path, options: DocumentOptions
) -> PreparedDocument:
    """Extract a document already read from `path` (a file, or a record of a dump).

    A label's source URL defaults to its DailyMed page (from its SPL set id), which
    identifies later versions of the same label.
    """
    drug, title, url, kind = options.drug, options.title, options.url, options.kind
    source_id, sha256 = source_id_of(document.original)
    try:
        extraction = pipeline.extract_document(document, source_id, drug)
    except InputError as error:
        raise _naming(error, path) from error
    kind = kind or (SourceKind.LABEL if document.format in _LABEL_FORMATS else SourceKind.ARTICLE)
    if kind is SourceKind.LABEL and not url and document.metadata.get("spl_set_id"):
        url = DAILYMED_URL.format(set_id=document.metadata["spl_set_id"])
    source = Source(
        id=source_id,
        title=title or document.title or document.metadata.get("title") or path.stem,
        drug=extraction.drug.strip().lower(),
        kind=kind,
        format=document.format,
        reliability=(
            Reliability.FDA_LABEL if kind is SourceKind.LABEL else Reliability.CONSUMER_ARTICLE
        ),
        url=url or document.metadata.get("url") or None,
        publisher=document.metadata.get("publisher"),
        published=_published(document),
        sha256=sha256,
    )
    facts = list(extraction.facts)
    source = pipeline.assess_reliability(source, facts)
    return PreparedDocument(path=path, source=source, text=document.original, facts=facts)


def _published(document: Document) -> date | None:
    """The document's date, which the readers give as an ISO date (see sources.citation)."""
    day = document.metadata.get("published")
    return date.fromisoformat(day) if day else None


def store_document(
    store: Store, prepared: PreparedDocument, reconcile: ReconcileMonograph
) -> IngestedDocument:
    """Store a prepared document and re-reconcile its drug, unless it is already stored."""
    source = prepared.source
    status = IngestStatus.ADDED
    if store.sources.get(source.id) is not None:
        status = IngestStatus.UNCHANGED
        if not store.sources.has_text(source.id):
            store.sources.store_text(source.id, prepared.text)
            refresh_monograph(store, source.drug, reconcile)
            status = IngestStatus.TEXT_STORED
        source = store.sources.get(source.id) or source
    else:
        known = store.names.drugs_named(source.drug)
        if known and known[0] != source.drug:
            source = source.model_copy(update={"drug": known[0]})
        store.sources.add(source, prepared.text)
        store.facts.add_many(source.id, prepared.facts)
        refresh_monograph(store, source.drug, reconcile)
    return IngestedDocument(
        path=str(prepared.path),
        source_id=source.id,
        drug=source.drug,
        title=source.title,
        status=status,
        facts=len(prepared.facts),
    )


def ingest_paths(
    database: Database,
    pipeline: Pipeline,
    paths: Sequence[Path],
    drug: str | None = None,
    title: str | None = None,
    url: str | None = None,
    kind: SourceKind | None = None,
) -> IngestReport:
    """Ingest files (folders are expanded): each document is stored in its own transaction.

    Every file is read and extracted before anything is written, so one bad file
    leaves the database as it was.
    """
    prepared = [
        prepare_document(pipeline, path, drug=drug, title=title, url=url, kind=kind)
        for path in expand_paths(paths)
    ]
    documents = []
    for item in prepared:
        with database.transaction() as store:
            documents.append(store_document(store, item, pipeline.reconcile_monograph))
    return IngestReport(documents)

"""The document pipeline the services depend on, as plain functions passed in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from medinfo.domain.documents import Document
from medinfo.domain.facts import ExtractedFact
from medinfo.domain.monograph import Monograph
from medinfo.domain.sources import Source


class ExtractionResult(Protocol):
    """What extraction returns: the document's drug and its facts in document order."""

    @property
    def drug(self) -> str: ...

    @property
    def facts(self) -> Sequence[ExtractedFact]: ...


ReadPath = Callable[[Path], Document]
ReadRecord = Callable[[dict[str, Any], str], Document]
ReadBytes = Callable[[bytes, str], Document]
ExtractDocument = Callable[[Document, str, str | None], ExtractionResult]
AssessReliability = Callable[[Source, list[ExtractedFact]], Source]
ReconcileMonograph = Callable[[str, list[Source], list[ExtractedFact]], Monograph]


@dataclass(frozen=True)
class Pipeline:
    """Read a file (or one openFDA record of a dump), extract its facts, rate its source,
    reconcile a drug's facts."""

    read_path: ReadPath
    extract_document: ExtractDocument
    assess_reliability: AssessReliability
    reconcile_monograph: ReconcileMonograph
    read_record: ReadRecord = field(default_factory=lambda: _read_record)
    # Reads a stored source's text again (a name with the right extension hints its format).
    read_bytes: ReadBytes = field(default_factory=lambda: _read_bytes)
    # Loads the models extraction would load on first use, and imports the reconcile stage
    # (a bulk run, before forking).
    load_models: Callable[[], None] = field(default_factory=lambda: _nothing)
    # Shares what extraction reads with the other processes given the same folder (a bulk
    # run's workers), or stops sharing (None).
    share_readings: Callable[[Path | None], None] = field(default_factory=lambda: _share_nothing)


def real_pipeline() -> Pipeline:
    """The production pipeline; each stage's module is imported on its first call.

    Importing lazily keeps NLP libraries off paths that only read the database
    (`medinfo show --json` must start in well under half a second).
    """
    return Pipeline(
        read_path=_read_path,
        extract_document=_extract_document,
        assess_reliability=_assess_reliability,
        reconcile_monograph=_reconcile_monograph,
        read_record=_read_record,
        read_bytes=_read_bytes,
        load_models=_load_models,
        share_readings=_share_readings,
    )


def _nothing() -> None:
    return None


def _share_nothing(folder: Path | None) -> None:
    return None


def _share_readings(folder: Path | None) -> None:
    from medinfo.extract.adverse_reactions import share_reactions
    from medinfo.extract.repeated_blocks import share_blocks

    share_blocks(folder)
    share_reactions(folder)


def _load_models() -> None:
    import medinfo.reconcile  # noqa: F401  (imported once, before a bulk run forks)
    from medinfo.extract.models import load_models

    load_models()


def _read_path(path: Path) -> Document:
    from medinfo.sources import read_path

    return read_path(path)


def _read_bytes(data: bytes, name: str) -> Document:
    from medinfo.sources import read_document

    return read_document(data, name)


def _read_record(record: dict[str, Any], name: str) -> Document:
    from medinfo.sources import read_openfda_record

    return read_openfda_record(record, name)


def _extract_document(document: Document, source_id: str, drug: str | None) -> ExtractionResult:
    from medinfo.extract.pipeline import extract_document

    return extract_document(document, source_id, drug)


def _assess_reliability(source: Source, facts: list[ExtractedFact]) -> Source:
    from medinfo.reconcile import assess_reliability

    return assess_reliability(source, facts)


def _reconcile_monograph(drug: str, sources: list[Source], facts: list[ExtractedFact]) -> Monograph:
    from medinfo.reconcile import reconcile_monograph

    return reconcile_monograph(drug, sources, facts)

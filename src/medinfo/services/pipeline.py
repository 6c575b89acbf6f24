"""The document pipeline the services depend on, as plain functions passed in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
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
    read_record: ReadRecord = field(
        default_factory=lambda: _lazy("medinfo.sources", "read_openfda_record")
    )


def real_pipeline() -> Pipeline:
    """The production pipeline; each stage's module is imported on first call.

    Importing lazily keeps NLP libraries off paths that only read the database
    (`medinfo show --json` must start in well under half a second).
    """
    return Pipeline(
        read_path=_lazy("medinfo.sources", "read_path"),
        extract_document=_lazy("medinfo.extract.pipeline", "extract_document"),
        assess_reliability=_lazy("medinfo.reconcile", "assess_reliability"),
        reconcile_monograph=_lazy("medinfo.reconcile", "reconcile_monograph"),
    )


def _lazy(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(module), name)(*args, **kwargs)

    call.__qualname__ = f"{module}.{name}"
    return call

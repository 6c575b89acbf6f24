"""The extraction pipeline: a Document in, the main drug and its facts out."""

from __future__ import annotations

from dataclasses import dataclass, field

from medinfo.domain.documents import Document
from medinfo.domain.facts import ExtractedFact


@dataclass(frozen=True)
class Extraction:
    """What one document says: the drug it is about and its facts, in document order."""

    drug: str
    facts: list[ExtractedFact] = field(default_factory=list)


def extract_document(document: Document, source_id: str, drug: str | None = None) -> Extraction:
    """Extract every fact a document states about its main drug.

    `drug` overrides detection. Raises InputError when no drug can be identified.
    """
    raise NotImplementedError

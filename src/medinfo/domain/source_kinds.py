"""Kinds, formats and reliability levels of sources: plain enums, cheap to import."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class SourceKind(StrEnum):
    """What sort of document a source is."""

    ARTICLE = "article"
    LABEL = "label"


class SourceFormat(StrEnum):
    """The encoding a reader recognised the document in."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    SPL_XML = "spl_xml"
    OPENFDA_JSON = "openfda_json"


class Reliability(IntEnum):
    """How far a source is trusted; higher wins when sources disagree."""

    USER_GENERATED = 1
    CONSUMER_ARTICLE = 2
    PROFESSIONAL_REFERENCE = 3
    FDA_LABEL = 4

    @property
    def label(self) -> str:
        """The lower-case name used in JSON and on pages."""
        return self.name.lower()

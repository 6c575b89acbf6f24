"""Where facts come from: a source document's identity, kind and reliability."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from medinfo.domain.source_kinds import Reliability, SourceFormat, SourceKind

__all__ = ["Reliability", "Source", "SourceFormat", "SourceKind"]


class Source(BaseModel):
    """One ingested document. `id` is stable: derived from the text's hash.

    `publisher` and `published` are citation metadata the document itself gives (a site or
    labeler name, a publication or label date); None when it does not.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    drug: str
    kind: SourceKind = SourceKind.ARTICLE
    format: SourceFormat = SourceFormat.TEXT
    reliability: Reliability = Reliability.CONSUMER_ARTICLE
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    sha256: str
    reliability_reason: str = ""

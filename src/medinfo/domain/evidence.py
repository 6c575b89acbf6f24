"""Evidence: the span of a source's text that states a fact."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Evidence(BaseModel):
    """`source` is a Source id; `start`/`end` index the source's original text."""

    model_config = ConfigDict(frozen=True)

    source: str
    start: int
    end: int
    section: str = ""

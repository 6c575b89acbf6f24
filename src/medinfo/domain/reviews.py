"""Patient reviews of a drug and their moderation state."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class ReviewStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Review(BaseModel):
    id: int | None = None
    drug: str
    rating: int = Field(ge=1, le=10)
    condition: str = ""
    duration: str = ""
    side_effects: list[str] = Field(default_factory=list)
    # The side effects above (and those named in the text) folded to vocabulary terms.
    side_effect_terms: list[str] = Field(default_factory=list)
    text: str
    status: ReviewStatus = ReviewStatus.PENDING
    hold_reason: str = ""
    created_at: datetime | None = None
    attribution: str = ""

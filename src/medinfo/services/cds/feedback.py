"""CDS Hooks feedback: what clinicians did with medinfo's cards (accepted or overridden)."""

from __future__ import annotations

import logging
import threading
from collections import deque
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from medinfo.services.cds.fhir_json import HookError, parse_body

_LOG = logging.getLogger("medinfo.cds.feedback")
_MAX_FEEDBACK_BYTES = 64 * 1024


class Coding(BaseModel):
    model_config = ConfigDict(extra="allow")

    system: str | None = None
    code: str | None = None
    display: str | None = None


class OverrideReason(BaseModel):
    model_config = ConfigDict(extra="allow")

    reason: Coding | None = None
    userComment: str | None = Field(default=None, max_length=2000)  # noqa: N815 - CDS Hooks name


class AcceptedSuggestion(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str


class CardFeedback(BaseModel):
    """One card's outcome, as CDS Hooks 2.0 defines it."""

    model_config = ConfigDict(extra="allow")

    card: str = Field(min_length=1, max_length=100)
    outcome: Literal["accepted", "overridden"]
    outcomeTimestamp: datetime  # noqa: N815 - CDS Hooks name
    acceptedSuggestions: list[AcceptedSuggestion] = Field(  # noqa: N815 - CDS Hooks name
        default_factory=list
    )
    overrideReason: OverrideReason | None = None  # noqa: N815 - CDS Hooks name


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="allow")

    feedback: list[CardFeedback] = Field(min_length=1, max_length=100)


class FeedbackLog:
    """The latest outcomes per service, kept in memory and written to the log."""

    def __init__(self, keep: int = 1000) -> None:
        self._entries: deque[tuple[str, CardFeedback]] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def record(self, service_id: str, items: list[CardFeedback]) -> None:
        with self._lock:
            for item in items:
                self._entries.append((service_id, item))
                reason = item.overrideReason.reason if item.overrideReason else None
                _LOG.info(
                    "card %s on %s: %s%s",
                    item.card,
                    service_id,
                    item.outcome,
                    f" ({reason.code})" if reason is not None and reason.code else "",
                )

    def entries(self) -> list[tuple[str, CardFeedback]]:
        with self._lock:
            return list(self._entries)


def read_feedback(data: bytes) -> FeedbackRequest:
    """Parse and validate a feedback body; HookError names the field at fault."""
    raw = parse_body(data, _MAX_FEEDBACK_BYTES)
    try:
        return FeedbackRequest.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "request body"
        raise HookError(f"{where}: {first['msg']}") from None

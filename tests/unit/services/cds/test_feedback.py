"""Feedback bodies: CDS Hooks 2.0 shape validated, outcomes recorded."""

from __future__ import annotations

import json

import pytest

from medinfo.services.cds.feedback import FeedbackLog, read_feedback
from medinfo.services.cds.fhir_json import HookError

ACCEPTED = {"card": "c1", "outcome": "accepted", "outcomeTimestamp": "2026-12-03T10:00:00Z"}


def test_read_feedback_reads_outcomes_and_the_log_keeps_them() -> None:
    request = read_feedback(json.dumps({"feedback": [ACCEPTED]}).encode())
    log = FeedbackLog(keep=1)
    log.record("medinfo-order-sign", request.feedback)
    log.record("medinfo-order-sign", request.feedback)
    [(service, item)] = log.entries()
    assert (service, item.card, item.outcome) == ("medinfo-order-sign", "c1", "accepted")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"{", "not valid JSON"),
        (json.dumps({"feedback": []}).encode(), "feedback"),
        (json.dumps({"feedback": [{**ACCEPTED, "outcome": "ignored"}]}).encode(), "outcome"),
        (json.dumps({"feedback": [{"card": "c1", "outcome": "accepted"}]}).encode(), "outcomeTime"),
    ],
)
def test_read_feedback_rejects_bad_bodies_naming_the_field(body: bytes, field: str) -> None:
    with pytest.raises(HookError, match=field):
        read_feedback(body)

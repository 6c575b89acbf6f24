"""A missed-dose question's stated time until the next dose."""

from __future__ import annotations

import pytest

from medinfo.services.qa.missed_timing import hours_until_next


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        ("forgot my lunchtime dose, next one due in an hour", 1.0),
        ("missed it this morning, next one is due in about 2 hours, do i take 2?", 2.0),
        ("my next tablet's due in 30 mins", 0.5),
        ("next dose is in half an hour", 0.5),
        ("missed my dose, should i take it now?", None),
        ("took it an hour late, next week is my review", None),
    ],
)
def test_hours_until_next(question: str, hours: float | None) -> None:
    assert hours_until_next(question) == hours

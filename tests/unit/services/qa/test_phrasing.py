"""Phrasing: a draft answer cites each evidence span once, in linear time."""

from __future__ import annotations

from time import perf_counter

from medinfo.domain.answers import Citation
from medinfo.services.qa.phrasing import Draft


def test_draft_cites_each_span_once_and_in_linear_time() -> None:
    spans = [Citation(source="s", start=i, end=i + 5, section="dosing") for i in range(20_000)]
    draft = Draft()
    started = perf_counter()
    draft.add(*spans, *spans)
    elapsed = perf_counter() - started
    assert draft.citations == spans
    assert elapsed < 1.0  # list-membership dedup took minutes at this size


def test_a_time_span_is_said_in_words() -> None:
    from medinfo.services.qa.phrasing import in_words

    assert in_words("It works within few days; full effect after 6-8 weeks.") == (
        "It works within a few days; full effect after 6 to 8 weeks."
    )
    assert in_words("take 1-2 tablets") == "take 1-2 tablets"

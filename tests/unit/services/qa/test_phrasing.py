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

"""Extraction quality on the held-out-style fixtures and the seed pages stays at its level."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.bench_scripts import BENCH_MARKS, load_bench

# The overall mean reached on tests/fixtures/heldout (docs/benchmarks.md), minus a margin.
HELDOUT_FLOOR = 0.88
SEED_FLOOR = 0.9

pytestmark = BENCH_MARKS


def _bench() -> ModuleType:
    return load_bench("extraction_quality")


def test_heldout_fixtures_keep_their_mean_field_score() -> None:
    bench = _bench()
    from medinfo.services.pipeline import real_pipeline

    results = bench.score_heldout(real_pipeline())
    assert len(results) >= 9
    overall = bench.field_means(results)["mean_field_score"]
    assert overall >= HELDOUT_FLOOR, {r.drug: r.scores["mean_field_score"] for r in results}


def test_seed_pages_keep_their_dev_gold_score() -> None:
    bench = _bench()
    from medinfo.services.pipeline import real_pipeline

    seed = bench.score_seed(real_pipeline())
    if seed is None:
        pytest.skip("../shared/dev-gold or ../shared/corpus is absent")
    assert seed.scores["mean_field_score"] >= SEED_FLOOR, seed.scores

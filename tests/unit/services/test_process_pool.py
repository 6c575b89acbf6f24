"""Tests of the quiet process pool: it works as a Pool and its bookkeeping still ends."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from medinfo.services.process_pool import QuietPool

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)


def _square(number: int) -> int:
    return number * number


def test_quiet_pool_returns_every_result_in_order() -> None:
    with QuietPool(2, context=multiprocessing.get_context("fork")) as pool:
        assert pool.map(_square, range(50), chunksize=3) == [n * n for n in range(50)]


def test_quiet_pool_closes_and_joins() -> None:
    pool = QuietPool(2, context=multiprocessing.get_context("fork"))
    assert pool.map(_square, range(10)) == [n * n for n in range(10)]
    pool.close()
    joined = threading.Thread(target=pool.join, daemon=True)
    joined.start()
    joined.join(timeout=20)
    assert not joined.is_alive(), "the pool's worker handler never saw it close"

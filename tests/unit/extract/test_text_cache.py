"""Tests of the readings kept per process: bounded, least recently used first out."""

from __future__ import annotations

from medinfo.extract.text_cache import Kept


def test_kept_readings_are_bounded_and_the_least_recently_used_goes_first() -> None:
    kept: Kept[tuple[int], str] = Kept(2)
    kept.put((0,), "zero")
    kept.put((1,), "one")
    assert kept.get((0,)) == "zero"  # now the most recently used
    kept.put((2,), "two")
    assert kept.get((1,)) is None
    assert (kept.get((0,)), kept.get((2,))) == ("zero", "two")
    kept.clear()
    assert kept.get((0,)) is None

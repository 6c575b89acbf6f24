"""Tests of the readings kept per process (bounded, least recently used first out) and shared."""

from __future__ import annotations

from pathlib import Path

from medinfo.extract.text_cache import Kept, Shared


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


def test_shared_readings_are_seen_by_another_store_on_the_same_folder(tmp_path: Path) -> None:
    writer: Shared[tuple[str, int], list[str]] = Shared(tmp_path, 10)
    reader: Shared[tuple[str, int], list[str]] = Shared(tmp_path, 10)
    assert reader.get(("text", 1)) is None
    writer.put(("text", 1), ["fact"])
    assert reader.get(("text", 1)) == ["fact"]
    assert reader.get(("text", 2)) is None
    assert [path.name for path in tmp_path.iterdir() if "." in path.name] == []  # no drafts left


def test_a_shared_reading_is_given_only_for_the_key_it_was_stored_under(tmp_path: Path) -> None:
    shared: Shared[str, str] = Shared(tmp_path, 10)
    shared.put("one", "first")
    (stored,) = tmp_path.iterdir()
    stored.rename(shared._path("two"))  # as if two keys had the same digest
    assert shared.get("two") is None


def test_each_process_writes_at_most_its_share_of_readings(tmp_path: Path) -> None:
    shared: Shared[int, int] = Shared(tmp_path, 2)
    for number in range(5):
        shared.put(number, number)
    assert len(list(tmp_path.iterdir())) == 2
    assert [shared.get(number) for number in range(4)] == [0, 1, None, None]

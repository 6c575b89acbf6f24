"""Condition names from review data: typed twice, mended, never a side effect or a stray word."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from medinfo.extract.condition_names_build import condition_names, review_conditions
from medinfo.extract.terms import Term, Vocabulary, vocabulary


def _names(counts: dict[str, int]) -> list[str]:
    known = Vocabulary("known", [Term("nausea", ("feeling sick",), {})])
    return condition_names(Counter(counts), [known])


def test_a_name_typed_twice_is_kept_and_a_name_typed_once_is_not() -> None:
    assert _names({"plantar fasciitis": 2, "sore heel after running": 1}) == ["plantar fasciitis"]


def test_a_name_another_vocabulary_reads_stays_out() -> None:
    assert _names({"feeling sick": 3, "nausea": 4}) == []


def test_a_single_everyday_word_is_no_condition_but_a_disease_word_is() -> None:
    assert _names({"mood": 5, "sleep": 4, "bursitis": 2}) == ["bursitis"]


def test_a_word_cut_short_at_its_edge_is_mended_from_the_other_names() -> None:
    counts = {"panic disorde": 3, "panic disorder": 2, "social anxiety disorder": 2}
    assert "panic disorde" not in _names(counts)
    assert "panic disorder" in _names(counts)


def test_a_reason_or_procedure_is_no_condition() -> None:
    assert _names({"post surgery": 3, "hormone replacement": 2, "to quit smoking": 2}) == []


def test_review_files_are_read_with_qualifiers_dropped(tmp_path: Path) -> None:
    (tmp_path / "drugLibTrain_raw.tsv").write_text(
        "urlDrugName\tcondition\nx\tGout, acute\n", encoding="utf-8"
    )
    (tmp_path / "drugLibTest_raw.tsv").write_text("urlDrugName\tcondition\n", encoding="utf-8")
    (tmp_path / "drugsComTrain_raw_first5000.csv").write_text(
        "drugName,condition\ny,Gout\n", encoding="utf-8"
    )
    assert review_conditions(tmp_path) == Counter({"gout": 2})


def test_the_conditions_vocabulary_reads_the_generated_names_after_the_curated_ones() -> None:
    conditions = vocabulary("conditions")
    assert conditions.lookup("trichomoniasis") is not None
    assert conditions.lookup("heart") is None

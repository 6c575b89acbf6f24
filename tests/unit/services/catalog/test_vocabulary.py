"""The catalog name rules: salt words, separators and fuzzy limits as data."""

from __future__ import annotations

from medinfo.services.catalog.vocabulary import load_name_rules


def test_load_name_rules_reads_the_packaged_file() -> None:
    rules = load_name_rules()
    assert "hydrochloride" in rules.salt_words
    assert "/" in rules.combination_separators


def test_max_edits_grows_with_name_length() -> None:
    limits = load_name_rules().fuzzy
    assert limits.max_edits(4) == 0
    assert limits.max_edits(6) == 1
    assert limits.max_edits(10) == 2

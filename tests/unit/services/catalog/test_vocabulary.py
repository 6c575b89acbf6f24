"""The name rules file is validated: unknown or missing keys are reported by name."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from medinfo.domain.errors import InputError
from medinfo.services.catalog.vocabulary import RULES_FILE, load_name_rules, parse_name_rules


def _packaged() -> dict[str, Any]:
    text = resources.files("medinfo.services.catalog").joinpath(RULES_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_load_name_rules_reads_the_packaged_file() -> None:
    rules = load_name_rules()
    assert "hydrochloride" in rules.salt_words
    assert "/" in rules.combination_separators


def test_parse_name_rules_rejects_an_unknown_key() -> None:
    data = _packaged()
    data["salt_wrods"] = []
    with pytest.raises(InputError, match="unknown key 'salt_wrods'"):
        parse_name_rules(data)


def test_parse_name_rules_rejects_a_missing_nested_key() -> None:
    data = copy.deepcopy(_packaged())
    del data["fuzzy"]["phonetic_min_length"]
    with pytest.raises(InputError, match="fuzzy: missing key 'phonetic_min_length'"):
        parse_name_rules(data)


def test_parse_name_rules_rejects_a_non_list_of_words() -> None:
    data = _packaged()
    data["salt_words"] = "hydrochloride"
    with pytest.raises(InputError, match="salt_words must be a list"):
        parse_name_rules(data)


def test_max_edits_grows_with_name_length() -> None:
    limits = load_name_rules().fuzzy
    assert limits.max_edits(4) == 0
    assert limits.max_edits(6) == 1
    assert limits.max_edits(10) == 2

"""Rule files: every shipped file loads, and unknown keys are rejected with the file's name."""

from __future__ import annotations

import pytest

from medinfo.domain.errors import InputError
from medinfo.extract import rulebook
from medinfo.extract.doses import extract_doses
from medinfo.extract.faq import topic_of
from medinfo.extract.notices import read_dependence


def test_load_rules_rejects_unknown_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rulebook, "_read_rule_file", lambda name: {"topic": [], "extra": 1})
    with pytest.raises(InputError, match=r"rules/missed_dose.json: unknown keys \['extra'\]"):
        rulebook.load_rules("missed_dose", {"topic": list})


def test_load_rules_rejects_wrong_types(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rulebook, "_read_rule_file", lambda name: {"topic": "x"})
    with pytest.raises(InputError, match="'topic' must be a list"):
        rulebook.load_rules("missed_dose", {"topic": list})


def test_check_entry_rejects_unknown_entry_keys() -> None:
    with pytest.raises(InputError, match="unknown keys"):
        rulebook.check_entry("faq", {"pattern": "x", "typo": 1}, {"pattern"})


def test_shipped_rule_files_load() -> None:
    assert extract_doses([], "s") == []
    assert topic_of("can i drink beer") == "alcohol"
    assert read_dependence("plain text") is None

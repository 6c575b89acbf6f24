"""Name rules of the catalog (salt words, separators, synonym filter), loaded from names.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from medinfo.domain.errors import InputError

RULES_FILE = "names.json"
_TOP_KEYS = {
    "version",
    "salt_words",
    "generic_name_words",
    "combination_separators",
    "synonym_filter",
    "fuzzy",
}
_FILTER_KEYS = {
    "max_length",
    "drop_if_contains_digit",
    "drop_chemical_prefixes",
    "drop_characters",
}
_FUZZY_KEYS = {
    "min_query_length",
    "max_edits_by_length",
    "phonetic_min_length",
    "suggest_min_score",
}
_EDIT_KEYS = {"min_length", "max_edits"}


@dataclass(frozen=True)
class SynonymFilter:
    """Which DrugBank synonyms are too noisy to use as names people type."""

    max_length: int
    drop_if_contains_digit: bool
    drop_chemical_prefixes: tuple[str, ...]
    drop_characters: str


@dataclass(frozen=True)
class FuzzyLimits:
    """How close a misspelling must be to a known name before it is accepted."""

    min_query_length: int
    max_edits_by_length: tuple[tuple[int, int], ...]
    phonetic_min_length: int
    suggest_min_score: float

    def max_edits(self, length: int) -> int:
        """Typing errors (edits) accepted in a name of this many characters."""
        allowed = 0
        for min_length, edits in self.max_edits_by_length:
            if length >= min_length:
                allowed = edits
        return allowed if length >= self.min_query_length else 0


@dataclass(frozen=True)
class NameRules:
    """All name rules of the catalog, as reviewed data."""

    salt_words: frozenset[str]
    generic_name_words: frozenset[str]
    combination_separators: tuple[str, ...]
    synonym_filter: SynonymFilter
    fuzzy: FuzzyLimits


def _check_keys(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    missing = sorted(allowed - set(data))
    if unknown:
        raise InputError(f"{where}: unknown key {unknown[0]!r}")
    if missing:
        raise InputError(f"{where}: missing key {missing[0]!r}")


def _words(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise InputError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(value)


def _edit_limits(value: Any, where: str) -> tuple[tuple[int, int], ...]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise InputError(f"{where}: fuzzy.max_edits_by_length must be a list of objects")
    for item in value:
        _check_keys(item, _EDIT_KEYS, f"{where}: fuzzy.max_edits_by_length")
    return tuple(sorted((int(item["min_length"]), int(item["max_edits"])) for item in value))


def parse_name_rules(data: Any, where: str = RULES_FILE) -> NameRules:
    """Validate the parsed JSON of names.json; unknown or missing keys raise InputError."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object")
    _check_keys(data, _TOP_KEYS, where)
    filter_data, fuzzy_data = data["synonym_filter"], data["fuzzy"]
    if not isinstance(filter_data, dict) or not isinstance(fuzzy_data, dict):
        raise InputError(f"{where}: synonym_filter and fuzzy must be objects")
    _check_keys(filter_data, _FILTER_KEYS, f"{where}: synonym_filter")
    _check_keys(fuzzy_data, _FUZZY_KEYS, f"{where}: fuzzy")
    try:
        synonym_filter = SynonymFilter(
            max_length=int(filter_data["max_length"]),
            drop_if_contains_digit=bool(filter_data["drop_if_contains_digit"]),
            drop_chemical_prefixes=_words(filter_data, "drop_chemical_prefixes", where),
            drop_characters=str(filter_data["drop_characters"]),
        )
        fuzzy = FuzzyLimits(
            min_query_length=int(fuzzy_data["min_query_length"]),
            max_edits_by_length=_edit_limits(fuzzy_data["max_edits_by_length"], where),
            phonetic_min_length=int(fuzzy_data["phonetic_min_length"]),
            suggest_min_score=float(fuzzy_data["suggest_min_score"]),
        )
    except (TypeError, ValueError) as error:
        raise InputError(f"{where}: bad number in synonym_filter or fuzzy ({error})") from None
    return NameRules(
        salt_words=frozenset(word.lower() for word in _words(data, "salt_words", where)),
        generic_name_words=frozenset(
            word.lower() for word in _words(data, "generic_name_words", where)
        ),
        combination_separators=_words(data, "combination_separators", where),
        synonym_filter=synonym_filter,
        fuzzy=fuzzy,
    )


@cache
def load_name_rules() -> NameRules:
    """The packaged name rules (read once)."""
    text = resources.files(__package__).joinpath(RULES_FILE).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{RULES_FILE}: not valid JSON ({error.msg})") from None
    return parse_name_rules(data)

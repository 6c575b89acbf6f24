"""Rule files: JSON data in extract/rules/, loaded once and validated against their keys."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from medinfo.domain.errors import InputError

RuleFile = dict[str, Any]


@cache
def _read_rule_file(name: str) -> RuleFile:
    """The parsed JSON object of rules/<name>.json."""
    path = resources.files("medinfo.extract").joinpath(f"rules/{name}.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"rules/{name}.json: cannot be read ({error})") from error
    if not isinstance(raw, dict):
        raise InputError(f"rules/{name}.json: must hold a JSON object")
    return raw


def load_rules(name: str, keys: Mapping[str, type]) -> RuleFile:
    """rules/<name>.json, checked to hold exactly `keys` (plus "_comment"), each of its type."""
    raw = _read_rule_file(name)
    unknown = set(raw) - set(keys) - {"_comment"}
    if unknown:
        raise InputError(f"rules/{name}.json: unknown keys {sorted(unknown)}")
    missing = set(keys) - set(raw)
    if missing:
        raise InputError(f"rules/{name}.json: missing keys {sorted(missing)}")
    for key, expected in keys.items():
        if not isinstance(raw[key], expected):
            raise InputError(f"rules/{name}.json: {key!r} must be a {expected.__name__}")
    return raw


def check_entry(name: str, entry: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """Reject an entry of a rule list whose keys are not in `allowed`."""
    unknown = set(entry) - set(allowed)
    if unknown:
        raise InputError(f"rules/{name}.json: unknown keys {sorted(unknown)} in {dict(entry)!r}")


def compile_any(name: str, patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regular expression matching any of `patterns`."""
    listed = list(patterns)
    if not listed or not all(isinstance(pattern, str) for pattern in listed):
        raise InputError(f"rules/{name}.json: a pattern list must hold strings")
    try:
        return re.compile("|".join(f"(?:{pattern})" for pattern in listed), re.IGNORECASE)
    except re.error as error:
        raise InputError(f"rules/{name}.json: bad pattern ({error})") from error


def compile_groups(name: str, groups: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    """A mapping of names to pattern lists, each compiled with compile_any."""
    return {key: compile_any(name, patterns) for key, patterns in groups.items()}

"""Rule-file loading: JSON data under reconcile/rules/, checked for unknown keys."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from medinfo.domain.errors import InputError


@cache
def load_rules(name: str, package: str = "medinfo.reconcile") -> dict[str, Any]:
    """The parsed rules/<name>.json of a package; InputError when it is not a JSON object."""
    path = f"rules/{name}.json"
    where = f"{package.removeprefix('medinfo.').replace('.', '/')}/{path}"
    text = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: invalid JSON ({error.msg})") from error
    if not isinstance(data, dict):
        raise InputError(f"{where}: the top level must be an object")
    return data


def check_keys(
    entry: Mapping[str, Any],
    where: str,
    required: Iterable[str] = (),
    optional: Iterable[str] = (),
) -> None:
    """Reject an entry with unknown keys or missing required keys, naming where it is."""
    required_set = set(required)
    allowed = required_set | set(optional)
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise InputError(f"{where}: unknown keys {unknown}")
    missing = sorted(required_set - set(entry))
    if missing:
        raise InputError(f"{where}: missing keys {missing}")


def string_map(value: Any, where: str) -> dict[str, str]:
    """A JSON object of string values; InputError otherwise."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InputError(f"{where}: must map strings to strings")
    return dict(value)


def string_list(value: Any, where: str) -> list[str]:
    """A JSON array of strings; InputError otherwise."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(f"{where}: must be a list of strings")
    return list(value)

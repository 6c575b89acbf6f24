"""Validation of CDS Hooks 2.0 discovery and card responses against the JSON Schema fixture."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

_SCHEMA = Path(__file__).parent / "fixtures" / "cds_hooks" / "cds_hooks_2_0.schema.json"


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(_SCHEMA.read_text("utf-8"))
    return schema


def _validate(part: str, document: object) -> None:
    schema = _schema()
    validator = Draft202012Validator(
        {**schema[part], "$defs": schema["$defs"]}, format_checker=FormatChecker()
    )
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def assert_valid_discovery(document: object) -> None:
    _validate("discovery", document)


def assert_valid_response(document: object) -> None:
    _validate("response", document)

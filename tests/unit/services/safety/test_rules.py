"""The rules file: validated on load, unknown keys rejected, routes and bands as data."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from medinfo.domain.errors import InputError
from medinfo.services.safety.messages import parse_messages
from medinfo.services.safety.rules import load_rules, parse_rules


def _raw(name: str) -> dict[str, object]:
    path = resources.files("medinfo.services.safety").joinpath(f"rules/{name}")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_parse_rules_rejects_unknown_keys() -> None:
    with pytest.raises(InputError, match=r"safety_rules\.json"):
        parse_rules({**_raw("safety_rules.json"), "surprise": 1})


def test_parse_messages_rejects_unknown_and_missing_keys() -> None:
    raw = _raw("messages.json")
    with pytest.raises(InputError, match="unknown keys"):
        parse_messages({**raw, "NEW_CODE": "text"})
    del raw["TAPER_REQUIRED"]
    with pytest.raises(InputError, match="missing keys"):
        parse_messages(raw)


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("Oral", "oral"),
        ("by mouth", "oral"),
        (None, "oral"),
        ("IT", "intrathecal"),
        ("intrathecal pump", "intrathecal"),
        ("IV", "intravenous"),
        ("patch", "transdermal"),
    ],
)
def test_route_of_folds_synonyms(text: str | None, route: str) -> None:
    assert load_rules().route_of(text) == route


def test_renal_band_none_for_normal_function() -> None:
    rules = load_rules()
    assert rules.renal_band(60) is None
    assert rules.renal_band(None) is None
    assert rules.renal_band(59.9) is not None

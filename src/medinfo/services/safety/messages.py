"""Alert wording in medinfo's own voice: templates from rules/messages.json, filled in by checks."""

from __future__ import annotations

import json
import string
from collections.abc import Iterable
from functools import cache
from importlib import resources

from medinfo.domain.errors import InputError

_FILE = "services/safety/rules/messages.json"

MESSAGE_KEYS = frozenset(
    {
        "MAX_DAILY_DOSE_EXCEEDED",
        "MAX_DAILY_DOSE_EXCEEDED.renal",
        "times.once",
        "times.twice",
        "times.many",
        "SINGLE_DOSE_HIGH",
        "INTERACTION_ALCOHOL",
        "INTERACTION_CNS_DEPRESSANT",
        "INTERACTION_OTHER",
        "INTERACTION_OTHER.contraindicated",
        "interaction.effect",
        "interaction.which_class",
        "interaction.kind_is",
        "interaction.kind_contains",
        "interaction.which_drug",
        "RENAL_IMPAIRMENT",
        "HEPATIC_IMPAIRMENT",
        "SEIZURE_RISK",
        "condition.advice",
        "PREGNANCY",
        "pregnancy.category",
        "pregnancy.summary",
        "pregnancy.outdated",
        "BREASTFEEDING",
        "breastfeeding.summary",
        "MISSED_DOSE_TAKE_NOW",
        "MISSED_DOSE_SKIP",
        "MISSED_DOSE_SKIP.not_late",
        "missed_dose.sourced",
        "missed_dose.unsourced",
        "TAPER_REQUIRED",
        "taper.symptoms",
        "taper.step_prescriber",
        "taper.step_sources",
        "taper.step_duration",
        "taper.step_reduce",
        "taper.step_last",
    }
)


def parse_messages(raw: object) -> dict[str, str]:
    """Validate the templates: exactly MESSAGE_KEYS, each a well-formed format string."""
    if not isinstance(raw, dict):
        raise InputError(f"{_FILE}: expected an object")
    templates = {key: value for key, value in raw.items() if key != "_comment"}
    unknown = set(templates) - MESSAGE_KEYS
    missing = MESSAGE_KEYS - set(templates)
    if unknown or missing:
        raise InputError(f"{_FILE}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    for key, template in templates.items():
        if not isinstance(template, str):
            raise InputError(f"{_FILE}: {key}: expected a string")
        try:
            list(string.Formatter().parse(template))
        except ValueError as error:
            raise InputError(f"{_FILE}: {key}: {error}") from error
    return templates


@cache
def _templates() -> dict[str, str]:
    text = resources.files("medinfo.services.safety").joinpath("rules/messages.json")
    return parse_messages(json.loads(text.read_text(encoding="utf-8")))


def render(key: str, **fields: object) -> str:
    """The message `key` with its {fields} filled in."""
    return _templates()[key].format(**fields)


def format_amount(value: float) -> str:
    """A number as people write it: 30 not 30.0, 2.5 not 2.50000001."""
    rounded = round(value, 2)
    return str(int(rounded)) if float(rounded).is_integer() else f"{rounded:g}"


def join_words(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    words = list(dict.fromkeys(items))
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def with_article(label: str) -> str:
    """A label with its indefinite article: "an opioid", "a sedative"."""
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label}"


def sentence(text: str) -> str:
    """Monograph text as a sentence fragment: trimmed, without a final full stop."""
    return text.strip().rstrip(".").strip()

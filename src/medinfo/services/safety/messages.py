"""Alert wording in medinfo's own voice: knowledge/safety/messages.json, filled in by checks."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import AlertMessages


@cache
def _templates() -> dict[str, str]:
    return load(AlertMessages).templates()


def render(key: str, **fields: object) -> str:
    """The message `key` with its {fields} filled in."""
    return _templates()[key].format(**fields)


def format_amount(value: float) -> str:
    """A number as people write it: 30 not 30.0, 2.5 not 2.50000001, 0.0625 not 0.06."""
    rounded = round(value, 4)
    return str(int(rounded)) if float(rounded).is_integer() else f"{rounded:g}"


def join_words(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    words = list(dict.fromkeys(items))
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def sentence(text: str) -> str:
    """Monograph text as a sentence fragment: trimmed, without a final full stop."""
    return text.strip().rstrip(".").strip()


def times_words(times_per_day: int) -> str:
    """ "once a day", "twice a day", "3 times a day"."""
    key = {1: "times.once", 2: "times.twice"}.get(times_per_day, "times.many")
    return render(key, times=times_per_day)

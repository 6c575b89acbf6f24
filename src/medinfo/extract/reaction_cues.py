"""Cue rules for label adverse reactions (negation, seriousness, frequency), loaded from JSON."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from medinfo.domain.errors import InputError

_RULES = "rules/adverse_reactions.json"
_KEYS = {
    "_comment",
    "negation_before",
    "negation_after",
    "serious_cues",
    "serious_headings",
    "reaction_headings",
    "frequency_header",
}
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%")
_FREQUENCY_GAP = re.compile(r"[^A-Za-z;\n]{0,60}")
_PROSE_PERCENT = re.compile(
    r"[^.;:\n%]{0,50}?\bin (?:about |approximately |up to )?(\d{1,3}(?:\.\d+)?)\s*%", re.I
)
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)|\n\s*\n|\n\s*[*\u2022-]")


@dataclass(frozen=True)
class ReactionCues:
    """Compiled cue patterns; see rules/adverse_reactions.json for what each one means."""

    negation_before: re.Pattern[str]
    negation_after: re.Pattern[str]
    serious: re.Pattern[str]
    serious_headings: re.Pattern[str]
    reaction_headings: re.Pattern[str]
    frequency_header: tuple[re.Pattern[str], ...]


def _alternation(patterns: object, key: str) -> re.Pattern[str]:
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise InputError(f"{_RULES}: {key} must be a list of regular expressions")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def reaction_cues() -> ReactionCues:
    """The cue rules, validated (unknown keys raise InputError)."""
    raw = json.loads(resources.files("medinfo.extract").joinpath(_RULES).read_text())
    unknown = set(raw) - _KEYS
    if unknown:
        raise InputError(f"{_RULES}: unknown keys {sorted(unknown)}")
    return ReactionCues(
        _alternation(raw["negation_before"], "negation_before"),
        _alternation(raw["negation_after"], "negation_after"),
        _alternation(raw["serious_cues"], "serious_cues"),
        _alternation(raw["serious_headings"], "serious_headings"),
        _alternation(raw["reaction_headings"], "reaction_headings"),
        tuple(re.compile(p, re.IGNORECASE) for p in raw["frequency_header"]),
    )


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the previous to the next clause end or list break."""
    left = 0
    for boundary in _CLAUSE_END.finditer(text, max(0, start - 400), start):
        left = boundary.end()
    following = _CLAUSE_END.search(text, end)
    return left, following.start() if following else len(text)


def is_negated(text: str, start: int, end: int) -> bool:
    """True when a cue in the same clause denies the reaction at text[start:end]."""
    cues = reaction_cues()
    left, right = clause_bounds(text, start, end)
    if cues.negation_before.search(text, left, start):
        return True
    return cues.negation_after.search(text, end, right) is not None


def is_serious_context(text: str, start: int, end: int) -> bool:
    """True when the clause of the span carries a seriousness cue ('serious', 'fatal')."""
    left, right = clause_bounds(text, start, end)
    return reaction_cues().serious.search(text, left, right) is not None


def attached_frequency(text: str, end: int) -> str | None:
    """The percentage stated right after a mention: a table row ('Nausea 12% 5%' -> '12%'),
    a parenthesis ('rash (4%)') or prose ('occurred in 4% of patients')."""
    gap = _FREQUENCY_GAP.match(text, end)
    percent = _PERCENT.search(text, end, gap.end() + 8) if gap else None
    if percent is not None and "\n" not in text[end : percent.start()]:
        return f"{percent.group(1)}%"
    prose = _PROSE_PERCENT.match(text, end)
    return f"{prose.group(1)}%" if prose else None


def header_frequency(text: str, start: int) -> str | None:
    """A threshold stated before a mention in its paragraph ('(>=20%)' -> '>=20%')."""
    paragraph = text.rfind("\n\n", 0, start) + 1
    best: re.Match[str] | None = None
    for pattern in reaction_cues().frequency_header:
        for match in pattern.finditer(text, max(paragraph, start - 600), start):
            if best is None or match.start() > best.start():
                best = match
    if best is None:
        return None
    return f">={best.group('value')}%"

"""How to take it: food, time of day, swallowing whole, spacing from other products, rinsing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.named_terms import Terms, compile_each, reading_of, states_nothing
from medinfo.extract.polarity import clause_before
from medinfo.extract.reading import Polarity, Reading, Subject
from medinfo.extract.statements import Statement, block_text
from medinfo.extract.text_cache import per_text
from medinfo.knowledge.loading import any_of, load
from medinfo.knowledge.practical_rules import AdministrationRules

SPACING = "separate_from"
TIMING = "timing"
_SPACING_END = re.compile(r";|\.(?:\s|$)|,\s+and\b|\bbut\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "half an": 0.5, "half a": 0.5}


@dataclass(frozen=True)
class _Item:
    code: str
    pattern: re.Pattern[str]
    states_negation: bool
    needs_take_word: bool
    reasons: Terms
    overrides: frozenset[str]
    not_after: re.Pattern[str] | None


@dataclass(frozen=True)
class _Rules:
    take: re.Pattern[str]
    reversed_before: re.Pattern[str]
    hedged: re.Pattern[str]
    items: tuple[_Item, ...]
    spacing: tuple[re.Pattern[str], ...]
    agents: Terms
    timing: tuple[re.Pattern[str], ...]
    skip_sections: frozenset[str]
    gate: tuple[str, ...]


@cache
def _rules() -> _Rules:
    raw = load(AdministrationRules)
    items = tuple(
        _Item(
            item.code,
            any_of(item.patterns),
            item.states_negation,
            item.needs_take_word,
            Terms.of(item.reasons),
            frozenset(item.overrides),
            any_of(item.not_after) if item.not_after else None,
        )
        for item in raw.items
    )
    return _Rules(
        take=any_of(raw.take_words),
        reversed_before=any_of(raw.reversed_before),
        hedged=any_of(raw.hedged),
        items=items,
        spacing=compile_each(raw.spacing),
        agents=Terms.of(raw.spacing_agents),
        timing=compile_each(raw.timing),
        skip_sections=frozenset(raw.skip_sections),
        gate=raw.gate,
    )


def _hours(written: str | None) -> float | None:
    if not written:
        return None
    text = " ".join(written.lower().split())
    return float(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else float(text)


def _claims(reading: Reading, item: _Item, match: re.Match[str], text: str) -> bool:
    """Whether the advice matched is claimed: not in a denied, hypothetical or other-drug
    clause, and not reversed by a "do not" before it (unless the advice is itself a "do not")."""
    if item.states_negation:
        return not any(
            reading.within(kind, match.start(), match.end())
            for kind in ("hypothetical", "other_subject")
        )
    if not reading.asserted(match.start(), match.end()):
        return False
    before = clause_before(text, match.start())
    if _rules().reversed_before.search(before):
        return False
    if item.not_after is not None and item.not_after.search(before):
        return False
    return not item.needs_take_word or bool(_rules().take.search(text))


def _advice_items(text: str, reading: Reading, context: str) -> list[tuple[str, dict[str, Scalar]]]:
    found: list[tuple[str, dict[str, Scalar]]] = []
    for item in _rules().items:
        match = item.pattern.search(text)
        if match is None or not _claims(reading, item, match, text):
            continue
        attributes: dict[str, Scalar] = {}
        # the reason is often the next sentence's ("This helps prevent thrush.")
        reasons = item.reasons.found(text, reading) or item.reasons.found(context)
        if reasons:
            attributes["reasons"] = ", ".join(reasons)
        found.append((item.code, attributes))
    cancelled = {
        code for item in _rules().items if item.code in dict(found) for code in item.overrides
    }
    return [(code, attributes) for code, attributes in found if code not in cancelled]


def _spacing(text: str, reading: Reading) -> dict[str, Scalar]:
    """Hours to keep between a dose and other products, with the products named."""
    rules = _rules()
    for pattern in rules.spacing:
        match = pattern.search(text)
        if match is None or not reading.asserted(match.start(), match.end()):
            continue
        clause = _SPACING_END.split(text[match.start() :])[0]
        agents = rules.agents.found(text[: match.start()] + clause, reading)
        if not agents:
            continue
        groups = match.groupdict()
        attributes: dict[str, Scalar] = {"agents": ", ".join(agents)}
        for name in ("before", "after", "apart"):
            hours = _hours(groups.get(name))
            if hours is not None:
                attributes[f"hours_{name}"] = hours
        return attributes
    return {}


def _unit(written: str, amount: str) -> str:
    """The unit in medinfo's spelling, singular for one ("1 hour", "30 minutes")."""
    unit = "minute" if written.lower().startswith("min") else "hour"
    return unit if _hours(amount) in (0.5, 1.0) else f"{unit}s"


def _timing(text: str, reading: Reading) -> dict[str, Scalar]:
    """A time before an event ("30 to 60 minutes before breakfast")."""
    for pattern in _rules().timing:
        match = pattern.search(text)
        if match is None or not reading.asserted(match.start(), match.end()):
            continue
        if _rules().reversed_before.search(clause_before(text, match.start())):
            continue
        low, high = match["low"], match["high"]
        unit = _unit(match["unit"], high or low)
        if match.groupdict().get("lowunit"):  # "30 minutes to 4 hours"
            first = _unit(match["lowunit"], low)
            span, unit = f"{_hours(low):g} {first} to {_hours(high):g}", unit
        elif _hours(low) == 0.5 and not high:
            span, unit = "half an", "hour"
        else:
            span = f"{_hours(low):g}" + (f" to {_hours(high):g}" if high else "")
        event = " ".join(match["event"].lower().split())
        return {"before_event": event, "time_before": f"{span} {unit}"}
    return {}


@per_text
def _may_state(text: str) -> bool:
    """Whether any advice, spacing or timing pattern occurs at all (read once per text)."""
    rules = _rules()
    lowered = text.lower()
    if not any(word in lowered for word in rules.gate):
        return False
    patterns = (*(item.pattern for item in rules.items), *rules.spacing, *rules.timing)
    return any(pattern.search(text) for pattern in patterns)


def read_administration(
    text: str, names: tuple[str, ...] = (), section: str = "", context: str = ""
) -> list[tuple[str, dict[str, Scalar]]]:
    """The pieces of advice on taking the drug that one statement gives, as (code,
    attributes); a hedged or hypothetical statement, or one about another drug, gives none.
    `context` is the statement's paragraph, where the reason for a piece of advice may stand."""
    if not _may_state(text):
        return []
    reading = reading_of(text, names)
    if states_nothing(reading) or reading.subject is Subject.OTHER_DRUG:
        return []
    if reading.polarity is Polarity.CONDITIONAL:  # "if you have trouble swallowing, ..."
        return []
    if _rules().hedged.search(text) or "children" in reading.populations:
        return []
    skipped = section in _rules().skip_sections
    found = [] if skipped else _advice_items(text, reading, context)
    spacing = _spacing(text, reading)
    if spacing:
        found.append((SPACING, spacing))
    timing = _timing(text, reading) if section not in _rules().skip_sections else {}
    if timing:
        found.append((TIMING, timing))
    return found


def extract_administration(
    statements: list[Statement], source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """ADMINISTRATION facts keyed by advice code, one per statement and code."""
    facts = []
    for statement in statements:
        if statement.is_question or statement.block.kind is BlockKind.HEADING:
            continue
        if not _may_state(statement.text):
            continue
        paragraph = block_text(statement.block)
        section = statement.section.value
        for code, attributes in read_administration(statement.text, names, section, paragraph):
            facts.append(
                ExtractedFact(
                    kind=FactKind.ADMINISTRATION,
                    key=code,
                    attributes=attributes,
                    evidence=statement.evidence(source_id),
                )
            )
    return facts

"""Legal status: whether the drug is a controlled substance (its schedule) or prescription-only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.named_terms import (
    compile_each,
    names_other_drug,
    placed_facts,
    reading_of,
    states_nothing,
)
from medinfo.extract.reading import Subject
from medinfo.extract.statements import Statement
from medinfo.extract.text_cache import per_text
from medinfo.knowledge.loading import any_of, load
from medinfo.knowledge.practical_rules import LegalStatusRules


@dataclass(frozen=True)
class _Rules:
    not_controlled: re.Pattern[str]
    controlled: re.Pattern[str]
    schedule: tuple[re.Pattern[str], ...]
    schedule_names: dict[str, str]
    prescription_only: re.Pattern[str]
    without_prescription: re.Pattern[str]
    hypothetical: re.Pattern[str]
    gate: tuple[str, ...]


@cache
def _rules() -> _Rules:
    raw = load(LegalStatusRules)
    return _Rules(
        not_controlled=any_of(raw.not_controlled),
        controlled=any_of(raw.controlled),
        schedule=compile_each(raw.schedule),
        schedule_names={k.lower(): v for k, v in raw.schedule_names.items()},
        prescription_only=any_of(raw.prescription_only),
        without_prescription=any_of(raw.sold_without_prescription),
        hypothetical=any_of(raw.hypothetical),
        gate=raw.gate,
    )


def _schedule(text: str, controlled_said: bool) -> str | None:
    """The schedule as medinfo writes it ("II", "Class B"); a bare "Schedule 2" counts only
    where the statement also says "controlled" (a dosing schedule is no legal schedule)."""
    rules = _rules()
    for index, pattern in enumerate(rules.schedule):
        match = pattern.search(text)
        if match is None or (index == 0 and not controlled_said):
            continue
        written = match["schedule"].lower()
        return rules.schedule_names.get(written, match["schedule"].upper())
    return None


@per_text
def _may_state(text: str) -> bool:
    """Whether any legal-status pattern occurs at all (most statements: no; read once per text)."""
    rules = _rules()
    lowered = text.lower()
    if not any(word in lowered for word in rules.gate):
        return False
    simple = (rules.not_controlled, rules.controlled, rules.prescription_only)
    if any(p.search(text) for p in (*simple, rules.without_prescription)):
        return True
    return any(p.search(text) for p in rules.schedule)


def read_legal_status(text: str, names: tuple[str, ...] = ()) -> dict[str, Scalar]:
    """The legal-status attributes one statement gives: controlled (True/False), schedule,
    prescription_only (True/False). A hedged or hypothetical statement, or one about another
    drug or a group, gives nothing."""
    if not _may_state(text):
        return {}
    rules = _rules()
    reading = reading_of(text, names)
    if states_nothing(reading) or rules.hypothetical.search(text):
        return {}
    if reading.subject in (Subject.OTHER_DRUG, Subject.GROUP):
        return {}
    found: dict[str, Scalar] = {}
    denied = rules.not_controlled.search(text)
    said = rules.controlled.search(text)
    claim = denied or said
    if claim is not None and names_other_drug(text, claim.start(), names, reading):
        return {}
    if denied and reading.asserted(denied.start(), denied.start() + 1):
        found["controlled"] = False
    elif said and not reading.within("hypothetical", said.start(), said.end()):
        if reading.within("other_subject", said.start(), said.end()):
            return {}
        found["controlled"] = not reading.within("negated", said.start(), said.end())
    schedule = _schedule(text, said is not None and found.get("controlled") is True)
    if schedule is not None and found.get("controlled") is not False:
        found["controlled"], found["schedule"] = True, schedule
    without = rules.without_prescription.search(text)
    only = rules.prescription_only.search(text)
    if without and reading.asserted(without.start(), without.end()):
        found["prescription_only"] = False
    elif only and reading.asserted(only.start(), only.end()):
        found["prescription_only"] = True
    if found.get("controlled") is True:
        found["prescription_only"] = True
    return found


def extract_legal_status(
    statements: list[Statement], source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """LEGAL_STATUS facts, one per statement that says whether the drug is controlled or
    prescription-only."""
    return placed_facts(statements, source_id, FactKind.LEGAL_STATUS, read_legal_status, names)

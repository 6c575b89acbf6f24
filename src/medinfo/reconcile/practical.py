"""Practical facts reconciled: half-life, legal status, how to take it, overdose, monitoring."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.monograph import (
    AdministrationAdvice,
    HalfLife,
    LegalStatus,
    Monitoring,
    Overdose,
)
from medinfo.knowledge.loading import load
from medinfo.knowledge.practical_rules import AdministrationRules, PracticalVoice
from medinfo.reconcile.assembly import Assembly
from medinfo.reconcile.conflicts import status_conflict
from medinfo.reconcile.merge import parse_number
from medinfo.reconcile.voice import fill, join_terms

SPACING = "separate_from"
TIMING = "timing"


@cache
def _templates() -> dict[str, str]:
    return load(PracticalVoice).templates


@cache
def _advice_words() -> dict[str, str]:
    return {item.code: item.advice for item in load(AdministrationRules).items}


def _say(name: str, drug: str = "", **fields: str) -> str:
    return fill(_templates()[name], drug, **fields)


def _hours(value: Scalar) -> str:
    number = parse_number(value, "administration.hours")
    return f"{number:g}" if number is not None else ""


def _terms(facts: Sequence[ExtractedFact], name: str) -> list[str]:
    """The comma-separated terms of an attribute over facts (most reliable first), once each."""
    terms: dict[str, None] = {}
    for fact in facts:
        for term in str(fact.attributes.get(name) or "").split(", "):
            if term:
                terms.setdefault(term, None)
    return list(terms)


def half_life(assembly: Assembly) -> HalfLife | None:
    """The half-life the most reliable source states; a different one is a conflict."""
    before = len(assembly.conflicts)
    choice, attribution = assembly.single(FactKind.HALF_LIFE)
    if choice is None:
        return None
    low = parse_number(choice.value.get("low_hours"), "half_life.low_hours")
    high = parse_number(choice.value.get("high_hours"), "half_life.high_hours")
    written = next(
        (str(f.attributes["value"]) for f in choice.support if f.attributes.get("value")), ""
    )
    if low is None or high is None or not written:
        return None
    drug = assembly.drug
    summary = _say("half_life", drug, value=written)
    if len(assembly.conflicts) > before:
        values = [written]
        values += [str(f.attributes.get("value")) for r in choice.rivals for f in r.facts[:1]]
        summary = _say("half_life_disputed", drug, values="; ".join(dict.fromkeys(values)))
    return HalfLife(value=written, low_hours=low, high_hours=high, summary=summary, **attribution)


def legal_status(assembly: Assembly) -> LegalStatus | None:
    """Whether it is controlled (and its schedule) and prescription-only, as stated."""
    choice, attribution = assembly.single(FactKind.LEGAL_STATUS)
    if choice is None:
        return None
    controlled = choice.value.get("controlled")
    schedule = choice.value.get("schedule")
    prescription = choice.value.get("prescription_only")
    drug, parts = assembly.drug, []
    if controlled is True and isinstance(schedule, str) and schedule:
        written = (
            schedule if schedule.startswith("Class") else _say("schedule_us", schedule=schedule)
        )
        parts.append(_say("controlled_schedule", drug, schedule=written))
    elif controlled is True:
        parts.append(_say("controlled", drug))
    elif controlled is False:
        parts.append(_say("not_controlled", drug))
    if prescription is True:
        parts.append(_say("prescription_only", drug))
    elif prescription is False:
        parts.append(_say("sold_without_prescription", drug))
    return LegalStatus(
        controlled=controlled if isinstance(controlled, bool) else None,
        schedule=schedule if isinstance(schedule, str) else None,
        prescription_only=prescription if isinstance(prescription, bool) else None,
        summary=" ".join(parts),
        **attribution,
    )


def _advice(code: str, facts: Sequence[ExtractedFact]) -> tuple[str, list[str]]:
    """medinfo's wording of one piece of advice, and the products it keeps apart from."""
    agents = _terms(facts, "agents")
    if code == SPACING:
        first = facts[0].attributes
        before, after = _hours(first.get("hours_before")), _hours(first.get("hours_after"))
        apart = _hours(first.get("hours_apart"))
        named = join_terms(agents)
        if before and after:
            return _say("spacing_before_after", before=before, after=after, agents=named), agents
        if before:
            return _say("spacing_before", before=before, agents=named), agents
        return _say("spacing_apart", apart=apart or before, agents=named), agents
    if code == TIMING:  # every time the sources give before the first event named
        event = str(facts[0].attributes.get("before_event") or "")
        times = [
            str(f.attributes.get("time_before"))
            for f in facts
            if f.attributes.get("before_event") == event and f.attributes.get("time_before")
        ]
        return _say("timing", time=" or ".join(dict.fromkeys(times)), event=event), agents
    words = _advice_words().get(code, "")
    reasons = _terms(facts, "reasons")
    if reasons:
        words = f"{words} {_say('reasons', reasons=join_terms(reasons))}"
    return words, agents


def administration(assembly: Assembly) -> list[AdministrationAdvice]:
    """Each piece of advice on taking it, with the sources that give it."""
    items = []
    for group in assembly.of(FactKind.ADMINISTRATION):
        code = group.facts[0].key
        advice, agents = _advice(code, group.facts)
        if advice:
            items.append(
                AdministrationAdvice(
                    code=code, advice=advice, agents=agents, **assembly.attribution(group.facts)
                )
            )
    return items


def overdose(assembly: Assembly) -> Overdose | None:
    """The signs of an overdose and the antidotes the sources name, merged."""
    facts = [f for group in assembly.of(FactKind.OVERDOSE) for f in group.facts]
    if not facts:
        return None
    drug = assembly.drug
    signs, antidotes = _terms(facts, "signs"), _terms(facts, "antidotes")
    none = not antidotes and any(f.attributes.get("no_specific_antidote") for f in facts)
    parts = []
    if signs:
        parts.append(_say("overdose_signs", drug, signs=join_terms(signs)))
    if antidotes:
        parts.append(_say("overdose_antidote", drug, antidotes=join_terms(antidotes)))
    elif none:
        parts.append(_say("overdose_no_antidote", drug))
    return Overdose(
        signs=signs,
        antidotes=antidotes,
        no_specific_antidote=none,
        summary=" ".join(parts),
        **assembly.attribution(facts),
    )


def monitoring(assembly: Assembly) -> list[Monitoring]:
    """Tests the sources say are needed, or not routinely needed; a source on each side of
    one test is a conflict."""
    items = []
    drug = assembly.drug
    for group in assembly.of(FactKind.MONITORING):
        conflict = status_conflict(
            FactKind.MONITORING, group.key, group.facts, assembly.sources, assembly.ranks
        )
        if conflict is not None:
            assembly.conflicts.append(conflict)
        needed = group.facts[0].attributes.get("needed") is not False
        test = group.facts[0].key
        advice = (
            _say(
                "monitoring_needed_plural" if test.endswith("s") else "monitoring_needed",
                drug,
                test=test[:1].upper() + test[1:],
            )
            if needed
            else _say("monitoring_not_needed", drug, test=_unroutine(test))
        )
        items.append(
            Monitoring(test=test, needed=needed, advice=advice, **assembly.attribution(group.facts))
        )
    return items


def _unroutine(test: str) -> str:
    """A test as "routine ..." completes it: "blood tests", "INR monitoring"."""
    if test.startswith("routine "):
        return test.removeprefix("routine ")
    return f"{test} monitoring"

"""Conflicts and flags: differing single values, one-sided claims, weak or outdated claims."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.monograph import Claim, Conflict
from medinfo.domain.sources import Reliability, Source
from medinfo.reconcile.merge import COMPARISONS, Choice, Ranks, order_evidence, order_sources
from medinfo.reconcile.rulebook import check_keys, load_rules, string_list
from medinfo.reconcile.vocabulary import plain_key
from medinfo.reconcile.voice import format_value, name_sources, say

_WHERE = "reconcile/rules/conflicts.json"
OUTDATED_FLAG = "outdated"


@dataclass(frozen=True)
class SingleValued:
    """A fact kind that has one value per key; differing values are a conflict."""

    kind: FactKind
    topic: str
    label: str
    attributes: tuple[str, ...]
    compare: str = "plain"

    @property
    def dose(self) -> bool:
        """Whether the value is a dose (amount, unit...)."""
        return self.compare == "dose"


@dataclass(frozen=True)
class PresenceRule:
    """A claim to report when some sources make it and others do not."""

    topic: str
    label: str
    claim: str
    matches: tuple[tuple[FactKind, str | None], ...]


@dataclass(frozen=True)
class StatusRule:
    """A yes/no attribute of list items whose disagreement across sources is reported."""

    kind: FactKind
    attribute: str
    topic: str
    label: str
    words: dict[bool, str]


@dataclass(frozen=True)
class OutdatedRule:
    """A value known to be outdated, with the reason."""

    kind: FactKind
    attribute: str
    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True)
class ConflictRules:
    """The validated rules/conflicts.json and rules/outdated.json."""

    single_valued: dict[FactKind, SingleValued]
    presence: tuple[PresenceRule, ...]
    negation_attributes: tuple[str, ...]
    silent_value: str
    denied_value: str
    weak_level: Reliability
    weak_flag: str
    outdated: tuple[OutdatedRule, ...]
    item_status: dict[FactKind, StatusRule]


def _kind(name: Any, where: str) -> FactKind:
    try:
        return FactKind(name)
    except ValueError as error:
        raise InputError(f"{where}: unknown fact kind {name!r}") from error


def _single_valued(entry: dict[str, Any], where: str) -> SingleValued:
    check_keys(
        entry, where, required=("kind", "topic", "label", "attributes"), optional=("compare",)
    )
    attributes = tuple(string_list(entry["attributes"], f"{where}.attributes"))
    compare = entry.get("compare", "plain")
    if compare not in COMPARISONS:
        raise InputError(f"{where}.compare: unknown comparison {compare!r}")
    return SingleValued(
        _kind(entry["kind"], where), entry["topic"], entry["label"], attributes, compare
    )


def _presence(entry: dict[str, Any], where: str) -> PresenceRule:
    check_keys(entry, where, required=("topic", "label", "claim", "matches"))
    matches = []
    for index, match in enumerate(entry["matches"]):
        check_keys(match, f"{where}.matches[{index}]", required=("kind",), optional=("key",))
        key = plain_key(match["key"]) if "key" in match else None
        matches.append((_kind(match["kind"], where), key))
    return PresenceRule(entry["topic"], entry["label"], entry["claim"], tuple(matches))


def _status(entry: dict[str, Any], where: str) -> StatusRule:
    check_keys(entry, where, required=("kind", "attribute", "topic", "label", "values"))
    words = entry["values"]
    check_keys(words, f"{where}.values", required=("true", "false"))
    return StatusRule(
        _kind(entry["kind"], where),
        entry["attribute"],
        entry["topic"],
        entry["label"],
        {True: str(words["true"]), False: str(words["false"])},
    )


def _outdated(entry: dict[str, Any], where: str) -> OutdatedRule:
    check_keys(entry, where, required=("kind", "attribute", "pattern", "reason"))
    try:
        pattern = re.compile(entry["pattern"], re.IGNORECASE)
    except re.error as error:
        raise InputError(f"{where}.pattern: {error}") from error
    return OutdatedRule(_kind(entry["kind"], where), entry["attribute"], pattern, entry["reason"])


@cache
def conflict_rules() -> ConflictRules:
    """The conflict and outdated-claim rules, validated once."""
    raw = load_rules("conflicts")
    names = "single_valued presence negation_attributes silent_value denied_value weak_level"
    names += " weak_flag item_status"
    check_keys(raw, _WHERE, required=names.split(), optional=("about",))
    outdated_raw = load_rules("outdated")
    check_keys(
        outdated_raw, "reconcile/rules/outdated.json", required=("rules",), optional=("about",)
    )
    single = [
        _single_valued(e, f"{_WHERE}: single_valued[{i}]")
        for i, e in enumerate(raw["single_valued"])
    ]
    try:
        weak_level = Reliability[str(raw["weak_level"]).upper()]
    except KeyError as error:
        raise InputError(f"{_WHERE}: unknown weak_level {raw['weak_level']!r}") from error
    return ConflictRules(
        single_valued={spec.kind: spec for spec in single},
        presence=tuple(
            _presence(e, f"{_WHERE}: presence[{i}]") for i, e in enumerate(raw["presence"])
        ),
        negation_attributes=tuple(string_list(raw["negation_attributes"], f"{_WHERE}: negation")),
        silent_value=str(raw["silent_value"]),
        denied_value=str(raw["denied_value"]),
        weak_level=weak_level,
        weak_flag=str(raw["weak_flag"]),
        outdated=tuple(
            _outdated(e, f"reconcile/rules/outdated.json: rules[{i}]")
            for i, e in enumerate(outdated_raw["rules"])
        ),
        item_status={
            rule.kind: rule
            for rule in (
                _status(e, f"{_WHERE}: item_status[{i}]") for i, e in enumerate(raw["item_status"])
            )
        },
    )


def _claim(value: str, facts: Sequence[ExtractedFact], ranks: Ranks) -> Claim:
    sources = order_sources((fact.evidence.source for fact in facts), ranks)
    return Claim(value=value, sources=sources, evidence=order_evidence(facts))


def _side(
    template: str,
    claim: Claim,
    sources: Mapping[str, Source],
    value: str = "",
    place: str = "",
) -> str:
    names, several = name_sources(claim.sources, sources)
    verb = {"says": "say" if several else "says", "do": "do" if several else "does"}
    if place and template == "conflict_side":
        return say("conflict_side_placed", names=names, value=value, place=place, **verb)
    return say(template, names=names, value=value, **verb)


def _place(facts: Sequence[ExtractedFact]) -> str:
    """Where in its document a claim stands, when the facts say (a document that
    disagrees with itself marks its facts with their place)."""
    places = {fact.attributes.get("place") for fact in facts}
    if len(places) != 1:
        return ""
    place = places.pop()
    return say(f"place_{place}") if isinstance(place, str) and place else ""


def value_conflict(
    spec: SingleValued, choice: Choice, sources: Mapping[str, Source], ranks: Ranks
) -> Conflict | None:
    """A conflict when a single-valued fact's sources state values that cannot all hold."""
    if not choice.rivals:
        return None
    claims = [_claim(format_value(choice.value), choice.support, ranks)]
    claims += [_claim(format_value(rival.value), rival.facts, ranks) for rival in choice.rivals]
    places = [_place(choice.support)] + [_place(rival.facts) for rival in choice.rivals]
    sides = "; ".join(
        _side("conflict_side", c, sources, value=c.value, place=place)
        for c, place in zip(claims, places, strict=True)
    )
    winner, _ = name_sources(claims[0].sources[:1], sources)
    note = say("conflict_values", label=spec.label, sides=sides, winner=winner)
    return Conflict(topic=spec.topic, note=note, claims=claims)


def status_conflict(
    kind: FactKind,
    term: str,
    facts: Sequence[ExtractedFact],
    sources: Mapping[str, Source],
    ranks: Ranks,
) -> Conflict | None:
    """A conflict when sources give one list item different yes/no statuses (rules permitting)."""
    rule = conflict_rules().item_status.get(kind)
    if rule is None:
        return None
    stated: dict[bool, list[ExtractedFact]] = {}
    for fact in facts:
        value = fact.attributes.get(rule.attribute)
        if isinstance(value, bool):
            stated.setdefault(value, []).append(fact)
    if len(stated) < 2:
        return None
    claims = [_claim(rule.words[value], stated[value], ranks) for value in (False, True)]
    claims.sort(key=lambda claim: -ranks[claim.sources[0]])
    sides = "; ".join(_side("conflict_side", c, sources, value=c.value) for c in claims)
    note = say("conflict_status", label=rule.label.format(term=term), sides=sides)
    return Conflict(topic=rule.topic, note=note, claims=claims)


def _matches(rule: PresenceRule, fact: ExtractedFact) -> bool:
    return any(
        fact.kind is kind and (key is None or plain_key(fact.key) == key)
        for kind, key in rule.matches
    )


def presence_conflicts(
    facts: Iterable[ExtractedFact], sources: Mapping[str, Source], ranks: Ranks
) -> list[Conflict]:
    """Conflicts for claims (e.g. dependence) some sources make and others deny or omit."""
    rules = conflict_rules()
    facts = list(facts)
    conflicts = []
    for rule in rules.presence:
        made = [f for f in facts if _matches(rule, f)]
        negated = [f for f in made if any(f.attributes.get(a) for a in rules.negation_attributes)]
        claimed = [f for f in made if f not in negated]
        claimant_ids = {f.evidence.source for f in claimed}
        deniers = [f for f in negated if f.evidence.source not in claimant_ids]
        silent = order_sources(set(sources) - {f.evidence.source for f in made}, ranks)
        if not claimed or not (deniers or silent):
            continue
        claims = [_claim(rule.claim, claimed, ranks)]
        others = []
        if deniers:
            claims.append(_claim(rules.denied_value, deniers, ranks))
            others.append(_side("conflict_denied", claims[-1], sources))
        if silent:
            claims.append(Claim(value=rules.silent_value, sources=silent))
            others.append(_side("conflict_silent", claims[-1], sources))
        names, several = name_sources(claims[0].sources, sources)
        note = say(
            "conflict_presence",
            label=rule.label,
            claimants=names,
            says="say" if several else "says",
            claim=rule.claim,
            others="; ".join(others),
        )
        conflicts.append(Conflict(topic=rule.topic, note=note, claims=claims))
    return conflicts


def weak_flags(source_ids: Iterable[str], ranks: Ranks) -> list[str]:
    """["single_weak_source"] when every supporting source is of the lowest reliability."""
    rules = conflict_rules()
    ids = list(source_ids)
    if ids and all(ranks[source] <= rules.weak_level for source in ids):
        return [rules.weak_flag]
    return []


def outdated_reasons(kind: FactKind, value: Mapping[str, Scalar]) -> list[str]:
    """Why a merged value is outdated, one reason per matching rule; empty when current."""
    return [
        rule.reason
        for rule in conflict_rules().outdated
        if rule.kind is kind
        and value.get(rule.attribute) is not None
        and rule.pattern.search(str(value[rule.attribute]))
    ]

"""Conflicts and flags: differing single values, one-sided claims, weak or outdated claims."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.monograph import Claim, Conflict
from medinfo.domain.sources import Reliability, Source
from medinfo.knowledge import reconcile_rules as rules
from medinfo.knowledge.loading import load
from medinfo.reconcile.merge import COMPARISONS, Choice, Ranks, order_evidence, order_sources
from medinfo.reconcile.vocabulary import plain_key
from medinfo.reconcile.voice import format_value, name_sources, say

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
class PolarityRule:
    """A list item one place states (`kind`) and another rules out (`denial`)."""

    kind: FactKind
    denial: FactKind
    topic: str
    label: str
    words: dict[bool, str]
    same: tuple[str, ...] = ()


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
    denied_value: str
    weak_level: Reliability
    weak_flag: str
    outdated: tuple[OutdatedRule, ...]
    item_status: dict[FactKind, StatusRule]
    item_polarity: tuple[PolarityRule, ...]


@cache
def conflict_rules() -> ConflictRules:
    """The conflict and outdated-claim rules of knowledge/reconcile/, validated once."""
    raw = load(rules.ConflictRules)
    for index, entry in enumerate(raw.single_valued):
        if entry.compare not in COMPARISONS:
            raise InputError(
                f"knowledge/{raw.FILE}: single_valued.{index}.compare: unknown {entry.compare!r}"
            )
    return ConflictRules(
        single_valued={
            e.kind: SingleValued(e.kind, e.topic, e.label, e.attributes, e.compare)
            for e in raw.single_valued
        },
        presence=tuple(
            PresenceRule(
                e.topic,
                e.label,
                e.claim,
                tuple((m.kind, plain_key(m.key) if m.key else None) for m in e.matches),
            )
            for e in raw.presence
        ),
        negation_attributes=raw.negation_attributes,
        denied_value=raw.denied_value,
        weak_level=Reliability[raw.weak_level.upper()],
        weak_flag=raw.weak_flag,
        outdated=tuple(
            OutdatedRule(e.kind, e.attribute, re.compile(e.pattern, re.IGNORECASE), e.reason)
            for e in load(rules.OutdatedRules).rules
        ),
        item_status={
            e.kind: StatusRule(
                e.kind, e.attribute, e.topic, e.label, {True: e.values.true, False: e.values.false}
            )
            for e in raw.item_status
        },
        item_polarity=tuple(
            PolarityRule(
                e.kind,
                e.denial,
                e.topic,
                e.label,
                {True: e.values.true, False: e.values.false},
                e.same,
            )
            for e in raw.item_polarity
        ),
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
    named: set[str] | None = None,
) -> str:
    names, several = name_sources(claim.sources, sources, named)
    verb = {"says": "say" if several else "says", "do": "do" if several else "does"}
    if place and template == "conflict_side":
        return say("conflict_side_placed", names=names, value=value, place=place, **verb)
    return say(template, names=names, value=value, **verb)


def _shared_source(claims: Sequence[Claim]) -> bool:
    """Whether one source stands behind more than one claim (at different places)."""
    seen: set[str] = set()
    for claim in claims:
        if seen & set(claim.sources):
            return True
        seen |= set(claim.sources)
    return False


def _side_key(fact: ExtractedFact) -> tuple[str, str]:
    """Who states a claim: its source and, for a document that disagrees with itself, the
    place in it."""
    return fact.evidence.source, str(fact.attributes.get("place") or "")


def _place(facts: Sequence[ExtractedFact]) -> str:
    """Where in its document a claim stands, when the facts say (a document that
    disagrees with itself marks its facts with their place)."""
    places = {fact.attributes.get("place") for fact in facts}
    if len(places) != 1:
        return ""
    place = places.pop()
    return say(f"place_{place}") if isinstance(place, str) and place else ""


_ANECDOTE = "anecdote"  # the place of a personal account (extract/reading.py Place.ANECDOTE)


def value_conflict(
    spec: SingleValued, choice: Choice, sources: Mapping[str, Source], ranks: Ranks
) -> Conflict | None:
    """A conflict when a single-valued fact's sources state values that cannot all hold.

    A source never stands on both sides: a rival stated only by sources (and places in
    them) that also back the chosen value is that source correcting itself, not a conflict.
    A personal account of a starting dose ("GP has started me on 80 mg") is what one person
    takes, no claim about the medicine: it is no side of a conflict (a maximum someone was
    told, "my GP said the max is 300 mg", is a claim and stays one)."""
    backing = {_side_key(fact) for fact in choice.support}
    personal = spec.kind is FactKind.INITIAL_DOSE
    rivals = [
        (rival, kept)
        for rival in choice.rivals
        if (
            kept := [
                fact
                for fact in rival.facts
                if _side_key(fact) not in backing
                and not (personal and fact.attributes.get("place") == _ANECDOTE)
            ]
        )
    ]
    if not rivals:
        return None
    claims = [_claim(format_value(choice.value), choice.support, ranks)]
    claims += [_claim(format_value(rival.value), kept, ranks) for rival, kept in rivals]
    places = [_place(choice.support)] + [_place(kept) for _, kept in rivals]
    if not _shared_source(claims):  # places are named only for a document against itself
        places = [""] * len(claims)
    named: set[str] = set()  # a source is cited in full once per note
    sides = "; ".join(
        _side("conflict_side", c, sources, value=c.value, place=place, named=named)
        for c, place in zip(claims, places, strict=True)
    )
    winner, _ = name_sources(claims[0].sources[:1], sources, named)
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
    both = {f.evidence.source for f in stated.get(True, [])} & {
        f.evidence.source for f in stated.get(False, [])
    }
    # a source that says both stands on the side of its marked statement ("off-label"), the
    # more specific one, never on both sides
    stated = {
        value: kept
        for value, listed in stated.items()
        if (kept := [f for f in listed if value or f.evidence.source not in both])
    }
    if len(stated) < 2:
        return None
    claims = [_claim(rule.words[value], stated[value], ranks) for value in (False, True)]
    claims.sort(key=lambda claim: -ranks[claim.sources[0]])
    sides = "; ".join(_side("conflict_side", c, sources, value=c.value) for c in claims)
    note = say("conflict_status", label=rule.label.format(term=term), sides=sides)
    return Conflict(topic=rule.topic, note=note, claims=claims)


def _unit(fact: ExtractedFact) -> tuple[str, int]:
    return fact.evidence.source, fact.evidence.start


def _section_place(facts: Sequence[ExtractedFact]) -> str:
    """The part of its document a claim stands in, named by its section when all agree."""
    sections = {fact.evidence.section for fact in facts}
    section = sections.pop() if len(sections) == 1 else ""
    return say("place_section", section=section.replace("_", " ")) if section else ""


def polarity_conflict(
    rule: PolarityRule,
    term: str,
    stated: Sequence[ExtractedFact],
    denied: Sequence[ExtractedFact],
    sources: Mapping[str, Source],
    ranks: Ranks,
) -> Conflict | None:
    """A conflict when one source states a list item (a use, an interaction) that another
    source rules out (`rule`): both sides are named. A source that states the item and also
    rules it out is no side (its denial is qualified), nor is a statement that both states
    and denies in one sentence ("used for X, not Y")."""
    stated_units = {_unit(fact) for fact in stated}
    denied = [fact for fact in denied if _unit(fact) not in stated_units]
    # a document that states an item and rules it out elsewhere qualifies its denial ("does
    # not cure high blood pressure", "not for migraine prevention in pregnancy"): the sides
    # of a conflict are other sources
    stating = {fact.evidence.source for fact in stated}
    denying = {fact.evidence.source for fact in denied}
    stated = [fact for fact in stated if fact.evidence.source not in denying]
    denied = [fact for fact in denied if fact.evidence.source not in stating]

    def mode(fact: ExtractedFact) -> tuple[bool, ...]:
        return tuple(bool(fact.attributes.get(name)) for name in rule.same)

    # like with like: "does not treat an attack" is not against "prevents attacks"
    denied_modes = {mode(fact) for fact in denied}
    stated = [fact for fact in stated if mode(fact) in denied_modes]
    denied = [fact for fact in denied if mode(fact) in {mode(f) for f in stated}]
    if not stated or not denied:
        return None
    sides = [(True, list(stated)), (False, denied)]
    claims = [_claim(rule.words[value].format(term=term), facts, ranks) for value, facts in sides]
    places = [_section_place(facts) for _, facts in sides]
    if not _shared_source(claims):
        places = ["", ""]
    named: set[str] = set()
    text = "; ".join(
        _side("conflict_side", claim, sources, value=claim.value, place=place, named=named)
        for claim, place in zip(claims, places, strict=True)
    )
    note = say("conflict_status", label=rule.label.format(term=term), sides=text)
    return Conflict(topic=rule.topic, note=note, claims=claims)


def _matches(rule: PresenceRule, fact: ExtractedFact) -> bool:
    return any(
        fact.kind is kind and (key is None or plain_key(fact.key) == key)
        for kind, key in rule.matches
    )


def presence_conflicts(
    facts: Iterable[ExtractedFact], sources: Mapping[str, Source], ranks: Ranks
) -> list[Conflict]:
    """Conflicts for claims (e.g. dependence) some sources make and others deny or omit; only
    a denial is a side of its own."""
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
        if not deniers and not any(weak_flags([source], ranks) for source in claimant_ids):
            # a claim against silence is no disagreement; only a weak source's claim (AI or
            # crowd content) that the others leave unsaid is worth a warning (DESIGN.md)
            continue
        # silence is not a side: a source that does not mention the claim is named in the
        # note, never listed as disagreeing
        claims = [_claim(rule.claim, claimed, ranks)]
        others = []
        if deniers:
            claims.append(_claim(rules.denied_value, deniers, ranks))
            others.append(_side("conflict_denied", claims[-1], sources))
        if silent:
            others.append(_side("conflict_silent", Claim(value="", sources=silent), sources))
        names, several = name_sources(claims[0].sources, sources)
        note = say(
            "conflict_presence" if deniers else "conflict_presence_only",
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

"""The assembly state: facts of one drug merged, attributed and checked for conflicts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.monograph import Conflict, TermAttribution
from medinfo.domain.sources import Source
from medinfo.reconcile.conflicts import conflict_rules, value_conflict, weak_flags
from medinfo.reconcile.merge import (
    COMPARISONS,
    Choice,
    FactGroup,
    choose_value,
    group_facts,
    merge_rules,
    order_evidence,
    order_sources,
)


class Assembly:
    """The merged facts of one drug, with helpers that attribute them and record conflicts."""

    def __init__(self, drug: str, sources: dict[str, Source], facts: list[ExtractedFact]):
        self.drug = drug
        self.sources = sources
        self.ranks = {sid: source.reliability for sid, source in sources.items()}
        self.facts = facts
        negations = conflict_rules().negation_attributes
        positive = [f for f in facts if not any(f.attributes.get(a) for a in negations)]
        positive += self._derived_side_effects(positive)
        self.groups = group_facts(positive, self.ranks)
        self.conflicts: list[Conflict] = []
        self.term_sources: dict[str, list[TermAttribution]] = {}

    @staticmethod
    def _derived_side_effects(facts: Iterable[ExtractedFact]) -> list[ExtractedFact]:
        """Side effects implied by other kinds (a dependence claim), never from a claim that
        denies it ("not addictive"), nor from one its own source goes on to deny: in a thread
        the later word is the correction (a poster's "these are addictive", then the
        pharmacist's "it is not addictive"; or the other way round, which keeps the claim)."""
        derived = merge_rules().derived_side_effects
        denying = merge_rules().denying_claims
        facts = list(facts)
        last: dict[tuple[FactKind, str], ExtractedFact] = {}
        for fact in sorted(facts, key=lambda f: f.evidence.start):
            if fact.kind in derived:
                last[(fact.kind, fact.evidence.source)] = fact
        denied = {key for key, f in last.items() if f.attributes.get("claim") in denying[key[0]]}
        return [
            ExtractedFact(
                kind=FactKind.SIDE_EFFECT,
                key=derived[f.kind][0],
                attributes={"serious": derived[f.kind][1]},
                evidence=f.evidence,
            )
            for f in facts
            if f.kind in derived
            and f.attributes.get("claim") not in denying[f.kind]
            and (f.kind, f.evidence.source) not in denied
        ]

    def of(self, kind: FactKind) -> list[FactGroup]:
        """The merged groups of a kind, most supported first."""
        return self.groups.get(kind, [])

    def attribution(self, facts: Iterable[ExtractedFact]) -> dict[str, Any]:
        """The sources, evidence and weak-source flag of an item stated by `facts`."""
        facts = list(facts)
        sources = order_sources((f.evidence.source for f in facts), self.ranks)
        return {
            "sources": sources,
            "evidence": order_evidence(facts),
            "flags": weak_flags(sources, self.ranks),
        }

    def terms(self, kind: FactKind, field: str) -> list[str]:
        """A plain-string list, its attribution kept in term_sources[field]."""
        groups = self.of(kind)
        self.term_sources[field] = [
            TermAttribution(term=g.display, **self.attribution(g.facts)) for g in groups
        ]
        return [g.display for g in groups]

    def choose(self, kind: FactKind, facts: Sequence[ExtractedFact], label: str = "") -> Choice:
        """The value of a single-valued fact; differing values are recorded as a conflict."""
        spec = conflict_rules().single_valued[kind]
        choice = choose_value(facts, spec.attributes, self.ranks, COMPARISONS[spec.compare])
        if label:
            spec = replace(spec, label=label)
        conflict = value_conflict(spec, choice, self.sources, self.ranks)
        if conflict is not None:
            self.conflicts.append(conflict)
        return choice

    def single(self, kind: FactKind) -> tuple[Choice | None, dict[str, Any]]:
        """The chosen value of a kind over all its facts, and the attribution of its support."""
        facts = [f for group in self.of(kind) for f in group.facts]
        if not facts:
            return None, {}
        choice = self.choose(kind, facts)
        return choice, self.attribution(choice.support)

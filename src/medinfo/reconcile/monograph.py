"""The reconciled monograph: the facts of every source of a drug merged into one Monograph."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.monograph import (
    Breastfeeding,
    DoseSpec,
    Dosing,
    Indication,
    Interaction,
    Mechanism,
    MissedDose,
    Monograph,
    Onset,
    Precaution,
    Pregnancy,
    RenalAdjustment,
    SideEffect,
    SourceRef,
    Stopping,
    TermAttribution,
)
from medinfo.domain.sources import Source
from medinfo.reconcile import compose
from medinfo.reconcile.conflicts import (
    OUTDATED_FLAG,
    conflict_rules,
    outdated_reasons,
    presence_conflicts,
    value_conflict,
    weak_flags,
)
from medinfo.reconcile.faq import compose_faqs
from medinfo.reconcile.merge import (
    COMPARISONS,
    Choice,
    FactGroup,
    category_name,
    choose_value,
    group_facts,
    merge_rules,
    order_evidence,
    order_sources,
    route_order,
    sort_evidence,
    strongest_severity,
)
from medinfo.reconcile.reliability import assess_reliability
from medinfo.reconcile.voice import format_dose, format_number, say

_BAND = re.compile(r"(<=|>=|<|>|≤|≥)?\s*(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?")
_SUMMARY_USES = 4


def _number(value: Scalar, where: str) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except ValueError as error:
        raise InputError(f"fact {where}: {value!r} is not a number") from error


class _Assembly:
    """Builds one Monograph; collects conflicts and term attributions on the way."""

    def __init__(self, drug: str, sources: dict[str, Source], facts: list[ExtractedFact]):
        self.drug = drug
        self.sources = sources
        self.ranks = {sid: source.reliability for sid, source in sources.items()}
        self.facts = facts
        negations = conflict_rules().negation_attributes
        positive = [f for f in facts if not any(f.attributes.get(a) for a in negations)]
        positive += self._derived_side_effects(positive)
        self.groups = group_facts(positive, self.ranks)
        self.conflicts: list[Any] = []
        self.term_sources: dict[str, list[TermAttribution]] = {}

    @staticmethod
    def _derived_side_effects(facts: Iterable[ExtractedFact]) -> list[ExtractedFact]:
        derived = merge_rules().derived_side_effects
        return [
            ExtractedFact(
                kind=FactKind.SIDE_EFFECT,
                key=derived[f.kind][0],
                attributes={"serious": derived[f.kind][1]},
                evidence=f.evidence,
            )
            for f in facts
            if f.kind in derived
        ]

    def of(self, kind: FactKind) -> list[FactGroup]:
        return self.groups.get(kind, [])

    def attribution(self, facts: Iterable[ExtractedFact]) -> dict[str, Any]:
        facts = list(facts)
        sources = order_sources((f.evidence.source for f in facts), self.ranks)
        return {
            "sources": sources,
            "evidence": order_evidence(facts),
            "flags": weak_flags(sources, self.ranks),
        }

    def terms(self, kind: FactKind, field: str) -> list[str]:
        groups = self.of(kind)
        self.term_sources[field] = [
            TermAttribution(term=g.display, **self.attribution(g.facts)) for g in groups
        ]
        return [g.display for g in groups]

    def choose(self, kind: FactKind, facts: Sequence[ExtractedFact], label: str = "") -> Choice:
        spec = conflict_rules().single_valued[kind]
        choice = choose_value(facts, spec.attributes, self.ranks, COMPARISONS[spec.compare])
        if label:
            spec = replace(spec, label=label)
        conflict = value_conflict(spec, choice, self.sources, self.ranks)
        if conflict is not None:
            self.conflicts.append(conflict)
        return choice

    def single(self, kind: FactKind) -> tuple[Choice | None, dict[str, Any]]:
        facts = [f for group in self.of(kind) for f in group.facts]
        if not facts:
            return None, {}
        choice = self.choose(kind, facts)
        return choice, self.attribution(choice.support)

    # --- sections ---------------------------------------------------------------------

    def dose(self, kind: FactKind) -> DoseSpec | None:
        spec = conflict_rules().single_valued[kind]
        routes = sorted(
            self.of(kind), key=lambda g: (route_order(g.key), -g.best, -len(g.sources), g.key)
        )
        shown: DoseSpec | None = None
        for group in routes:
            usable = [f for f in group.facts if f.attributes.get("amount") is not None]
            if not usable:
                continue
            choice = self.choose(kind, usable, f"{spec.label} ({group.display})")
            amount = _number(choice.value.get("amount"), f"{kind.value}/{group.key}.amount")
            unit = choice.value.get("unit")
            if shown is None and amount is not None and isinstance(unit, str):
                per_day = _number(
                    choice.value.get("frequency_per_day"), f"{kind.value}.frequency_per_day"
                )
                shown = DoseSpec(
                    amount=amount,
                    unit=unit,
                    frequency_per_day=int(per_day) if per_day else None,
                    route=group.display,
                    **self.attribution(choice.support),
                )
        return shown

    def renal(self) -> list[RenalAdjustment]:
        rules = []
        for group in self.of(FactKind.RENAL_ADJUSTMENT):
            bounds: dict[str, float] = {}
            match = _BAND.search(group.key)
            if match:
                op, low, high = match.group(1) or "", float(match.group(2)), match.group(3)
                if high is not None:
                    bounds = {"egfr_at_least": low, "egfr_below": float(high)}
                else:
                    bounds = {"egfr_below" if op in ("<", "<=", "≤") else "egfr_at_least": low}
            ceiling = _number(group.attribute("max_daily_mg"), f"renal_adjustment/{group.key}")
            advice = (
                say("renal_max", max=f"{format_number(ceiling)} mg")
                if ceiling
                else say("renal_ask")
            )
            rules.append(
                RenalAdjustment(
                    max_daily_mg=ceiling, advice=advice, **bounds, **self.attribution(group.facts)
                )
            )
        return rules

    def dosing(self) -> Dosing:
        initial = self.dose(FactKind.INITIAL_DOSE)
        max_daily = self.dose(FactKind.MAX_DAILY_DOSE)
        max_single = self.dose(FactKind.MAX_SINGLE_DOSE)
        titration_facts = [f for g in self.of(FactKind.TITRATION) for f in g.facts]
        titration = None
        if titration_facts:
            group = self.of(FactKind.TITRATION)[0]
            step = _number(group.attribute("step_amount"), "titration.step_amount")
            unit = (
                group.attribute("step_unit")
                or (initial or max_daily or DoseSpec(amount=0, unit="")).unit
            )
            step_text = format_dose(step, str(unit)) if step and unit else None
            ceiling = format_dose(max_daily.amount, max_daily.unit) if max_daily else None
            titration = compose.compose_titration(step_text, group.attribute("step_days"), ceiling)
        renal = self.renal()
        parts = [p for p in (initial, max_daily, max_single) if p is not None] + renal
        sources = order_sources(
            [s for p in parts for s in p.sources] + [f.evidence.source for f in titration_facts],
            self.ranks,
        )
        evidence = sort_evidence(
            [e for p in parts for e in p.evidence] + [f.evidence for f in titration_facts]
        )
        return Dosing(
            initial=initial,
            max_daily=max_daily,
            max_single=max_single,
            titration=titration,
            renal_adjustment=renal,
            sources=sources,
            evidence=evidence,
            flags=weak_flags(sources, self.ranks),
        )

    def indications(self) -> list[Indication]:
        items = []
        for group in self.of(FactKind.INDICATION):
            top = [f for f in group.facts if self.ranks[f.evidence.source] == group.best]
            off_label = any(f.attributes.get("off_label") is True for f in top)
            items.append(
                Indication(
                    condition=group.display, off_label=off_label, **self.attribution(group.facts)
                )
            )
        return sorted(items, key=lambda item: item.off_label)

    def side_effects(self) -> list[SideEffect]:
        return [
            SideEffect(
                term=g.display,
                serious=any(v is True for v in g.values("serious")),
                frequency=str(g.attribute("frequency"))
                if g.attribute("frequency") is not None
                else None,
                **self.attribution(g.facts),
            )
            for g in self.of(FactKind.SIDE_EFFECT)
        ]

    def interactions(self) -> list[Interaction]:
        items = []
        for g in self.of(FactKind.INTERACTION):
            effects: dict[str, None] = {}
            for value in g.values("effect_terms"):
                effects.update(dict.fromkeys(compose.split_terms(value)))
            avoid = any(v is True for v in g.values("avoid"))
            items.append(
                Interaction(
                    agent=g.display,
                    effect=compose.compose_interaction(self.drug, g.display, list(effects), avoid),
                    severity=strongest_severity(g.values("severity")),
                    agent_type=str(g.attribute("agent_type") or "drug"),
                    **self.attribution(g.facts),
                )
            )
        return items

    def precautions(self) -> list[Precaution]:
        return [
            Precaution(
                condition=g.display,
                advice=compose.compose_precaution(self.drug, g.display, g.attribute("advice")),
                **self.attribution(g.facts),
            )
            for g in self.of(FactKind.PRECAUTION)
        ]

    def pregnancy(self) -> Pregnancy:
        choice, attribution = self.single(FactKind.PREGNANCY)
        if choice is None:
            return Pregnancy()
        raw = choice.value.get("category")
        category = category_name(str(raw)) if raw is not None else None
        outdated = bool(category and outdated_reasons(FactKind.PREGNANCY, {"category": category}))
        if outdated:
            attribution["flags"] = [*attribution["flags"], OUTDATED_FLAG]
        summary = compose.compose_pregnancy(self.drug, category, outdated, mentioned=True)
        return Pregnancy(
            category=category, summary=summary, outdated_category=outdated, **attribution
        )

    def breastfeeding(self) -> Breastfeeding:
        choice, attribution = self.single(FactKind.BREASTFEEDING)
        if choice is None:
            return Breastfeeding()
        known = [
            f.attributes["infant_effects_known"]
            for f in choice.support
            if "infant_effects_known" in f.attributes
        ]
        value = {**choice.value, "infant_effects_known": known[0] if known else None}
        return Breastfeeding(
            summary=compose.compose_breastfeeding(self.drug, value, True), **attribution
        )

    def missed_dose(self) -> MissedDose:
        choice, attribution = self.single(FactKind.MISSED_DOSE)
        if choice is None:
            return MissedDose()
        flags = {name: v if isinstance(v, bool) else None for name, v in choice.value.items()}
        return MissedDose(summary=compose.compose_missed_dose(flags), **flags, **attribution)

    def stopping(self) -> Stopping:
        symptoms = self.terms(FactKind.WITHDRAWAL_SYMPTOM, "withdrawal_symptoms")
        choice, _ = self.single(FactKind.STOPPING)
        symptom_facts = [f for g in self.of(FactKind.WITHDRAWAL_SYMPTOM) for f in g.facts]
        support = (choice.support if choice else []) + symptom_facts
        if not support:
            return Stopping()
        abrupt = choice.value.get("abrupt_stop_risk") if choice else None
        taper = any(bool(f.attributes.get("taper")) for f in support)
        return Stopping(
            abrupt_stop_risk=abrupt if isinstance(abrupt, bool) else None,
            summary=compose.compose_stopping(self.drug, abrupt, taper, symptoms),
            withdrawal_symptoms=symptoms,
            taper=say("stopping_taper", self.drug) if taper else None,
            **self.attribution(support),
        )

    def onset(self) -> Onset:
        before = len(self.conflicts)
        choice, attribution = self.single(FactKind.ONSET)
        if choice is None:
            return Onset()
        first, full = choice.value.get("first_effect"), choice.value.get("full_effect")
        summary = compose.compose_onset(first, full, disputed=len(self.conflicts) > before)
        return Onset(summary=summary, **attribution)

    def mechanism(self) -> Mechanism | None:
        terms = self.terms(FactKind.MECHANISM_TERM, "mechanism_terms")
        if not terms:
            return None
        facts = [f for g in self.of(FactKind.MECHANISM_TERM) for f in g.facts]
        return Mechanism(
            summary=compose.compose_mechanism(self.drug, terms),
            terms=terms,
            **self.attribution(facts),
        )

    def build(self) -> Monograph:
        brands = self.terms(FactKind.BRAND_NAME, "brand_names")
        classes = self.terms(FactKind.DRUG_CLASS, "drug_class")
        forms = self.terms(FactKind.FORM, "forms")
        indications = self.indications()
        monograph = Monograph(
            drug=self.drug,
            summary=compose.compose_summary(
                self.drug,
                classes,
                [i.condition for i in indications if not i.off_label][:_SUMMARY_USES],
                [i.condition for i in indications if i.off_label][:_SUMMARY_USES],
                brands,
            ),
            brand_names=brands,
            drug_class=classes,
            mechanism=self.mechanism(),
            indications=indications,
            forms=forms,
            dosing=self.dosing(),
            side_effects=self.side_effects(),
            interactions=self.interactions(),
            precautions=self.precautions(),
            pregnancy=self.pregnancy(),
            breastfeeding=self.breastfeeding(),
            missed_dose=self.missed_dose(),
            stopping=self.stopping(),
            onset=self.onset(),
            disclaimer_present=any(f.kind is FactKind.DISCLAIMER for f in self.facts),
            sources=[
                _source_ref(self.sources[sid]) for sid in order_sources(self.sources, self.ranks)
            ],
        )
        monograph.faq = compose_faqs(monograph, self.of(FactKind.FAQ), self.ranks)
        monograph.conflicts = self.conflicts + presence_conflicts(
            self.facts, self.sources, self.ranks
        )
        monograph.term_sources = dict(sorted(self.term_sources.items()))
        return monograph


def _source_ref(source: Source) -> SourceRef:
    return SourceRef(
        id=source.id,
        title=source.title,
        kind=source.kind.value,
        reliability=source.reliability.label,
        url=source.url,
        sha256=source.sha256,
        reliability_reason=source.reliability_reason,
    )


def reconcile_monograph(
    drug: str, sources: Sequence[Source], facts: Sequence[ExtractedFact]
) -> Monograph:
    """Merge the facts of all sources of a drug into one attributed Monograph.

    Raises InputError when a fact cites a source that is not given, or a number is malformed.
    """
    by_source: dict[str, list[ExtractedFact]] = defaultdict(list)
    for fact in facts:
        by_source[fact.evidence.source].append(fact)
    assessed = {source.id: assess_reliability(source, by_source[source.id]) for source in sources}
    unknown = sorted(set(by_source) - set(assessed))
    if unknown:
        raise InputError(f"facts: evidence cites unknown source {unknown[0]!r}")
    return _Assembly(drug, assessed, list(facts)).build()

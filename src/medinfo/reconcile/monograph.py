"""The reconciled monograph: the facts of every source of a drug merged into one Monograph."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.monograph import (
    Breastfeeding,
    DoseSpec,
    Dosing,
    MissedDose,
    Monograph,
    Onset,
    Population,
    PopulationLimit,
    Pregnancy,
    RenalAdjustment,
    SourceRef,
    Stopping,
    TopicAdvice,
)
from medinfo.domain.sources import Source
from medinfo.reconcile import compose, lists, practical
from medinfo.reconcile.assembly import Assembly
from medinfo.reconcile.conflicts import (
    OUTDATED_FLAG,
    conflict_rules,
    outdated_reasons,
    presence_conflicts,
    weak_flags,
)
from medinfo.reconcile.faq import compose_faqs
from medinfo.reconcile.merge import (
    category_name,
    egfr_bounds,
    order_sources,
    parse_number,
    route_order,
    sort_evidence,
)
from medinfo.reconcile.populations import compose_limit, with_population_maximum
from medinfo.reconcile.reliability import assess_reliability
from medinfo.reconcile.voice import format_dose, format_number, say, with_citation_titles

_SUMMARY_USES = 4

# missed-dose details read beside the flags: skip windows, a same-day rule, a late-in-the-day
# skip, a medicine taken only when needed
_MISSED_DETAILS = (
    "next_within_hours",
    "late_by_hours",
    "same_day_only",
    "late_in_day",
    "as_needed",
)


def _risk_after_weeks(facts: list[ExtractedFact]) -> float | None:
    """The shortest length of use the sources stating a stopping risk give for it; None as
    soon as one source states the risk whatever the length (the safer reading). A source
    that gives the length once ("if you have been on it for more than 3 weeks") gives it to
    its other statements of the risk ("which is why you need to stop slowly")."""
    by_source: dict[str, list[float]] = {}
    for fact in facts:
        if fact.attributes.get("abrupt_stop_risk"):
            length = fact.attributes.get("after_weeks")
            numbers = by_source.setdefault(fact.evidence.source, [])
            numbers.extend([float(length)] if isinstance(length, int | float) else [])
    if not by_source or not all(by_source.values()):
        return None
    return min(min(numbers) for numbers in by_source.values())


class _Builder(Assembly):
    """Builds one Monograph from an Assembly."""

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
            amount = parse_number(choice.value.get("amount"), f"{kind.value}/{group.key}.amount")
            unit = choice.value.get("unit")
            if shown is None and amount is not None and isinstance(unit, str):
                per_day = parse_number(
                    choice.value.get("frequency_per_day"), f"{kind.value}.frequency_per_day"
                )
                uses = {str(f.attributes.get("use") or "") for f in choice.support}
                shown = DoseSpec(
                    amount=amount,
                    unit=unit,
                    frequency_per_day=int(per_day) if per_day else None,
                    route=group.display,
                    use=uses.pop() or None if len(uses) == 1 else None,
                    **self.attribution(choice.support),
                )
        return shown

    def renal(self) -> list[RenalAdjustment]:
        rules = []
        for group in self.of(FactKind.RENAL_ADJUSTMENT):
            bounds = egfr_bounds(group.key)
            ceiling = parse_number(group.attribute("max_daily_mg"), f"renal_adjustment/{group.key}")
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

    def population_limits(self) -> list[PopulationLimit]:
        limits = []
        for group in self.of(FactKind.POPULATION_LIMIT):
            limit = compose_limit(group, self.attribution(group.facts))
            if limit is not None:
                limits.append(limit)
        limits = with_population_maximum(limits)
        return sorted(limits, key=lambda limit: (list(Population).index(limit.population),))

    def dosing(self) -> Dosing:
        initial = self.dose(FactKind.INITIAL_DOSE)
        max_daily = self.dose(FactKind.MAX_DAILY_DOSE)
        max_single = self.dose(FactKind.MAX_SINGLE_DOSE)
        titration_facts = [f for g in self.of(FactKind.TITRATION) for f in g.facts]
        titration = None
        if titration_facts:
            group = self.of(FactKind.TITRATION)[0]
            step = parse_number(group.attribute("step_amount"), "titration.step_amount")
            unit = (
                group.attribute("step_unit")
                or (initial or max_daily or DoseSpec(amount=0, unit="")).unit
            )
            step_text = format_dose(step, str(unit)) if step and unit else None
            ceiling = format_dose(max_daily.amount, max_daily.unit) if max_daily else None
            titration = compose.compose_titration(step_text, group.attribute("step_days"), ceiling)
        renal = self.renal()
        populations = self.population_limits()
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
            population_limits=populations,
            sources=sources,
            evidence=evidence,
            flags=weak_flags(sources, self.ranks),
        )

    def pregnancy(self) -> Pregnancy:
        choice, attribution = self.single(FactKind.PREGNANCY)
        if choice is None:
            return Pregnancy()
        raw = choice.value.get("category")
        category = category_name(str(raw)) if raw is not None else None
        outdated = bool(category and outdated_reasons(FactKind.PREGNANCY, {"category": category}))
        if outdated:
            attribution["flags"] = [*attribution["flags"], OUTDATED_FLAG]
        stage = next(
            (str(f.attributes["stage"]) for f in choice.support if "stage" in f.attributes), None
        )
        summary = compose.compose_pregnancy(
            self.drug,
            category,
            outdated,
            mentioned=True,
            flags=_stated_flags(choice.support),
            stage=stage,
            alternatives=_alternatives(choice.support, self.drug),
            newborn_signs=_listed(choice.support, "newborn_signs"),
        )
        flags = _stated_flags(choice.support)
        avoid = category == "X" or any(flags.get(n) is True for n in ("contraindicated", "avoid"))
        return Pregnancy(
            category=category,
            summary=summary,
            outdated_category=outdated,
            advice=topic_advice(avoid, flags.get("considered_safe") is True),
            **attribution,
        )

    def breastfeeding(self) -> Breastfeeding:
        choice, attribution = self.single(FactKind.BREASTFEEDING)
        if choice is None:
            return Breastfeeding()
        known = [_infant_effects_known(f.attributes) for f in choice.support]
        stated = [k for k in known if k is not None]
        avoid = any(f.attributes.get("avoid") is True for f in choice.support)
        signs = (str(f.attributes.get("infant_signs") or "") for f in choice.support)
        value = {
            **_stated_flags(choice.support),
            **choice.value,
            "infant_signs": ", ".join(dict.fromkeys(t for s in signs for t in s.split(", ") if t)),
            "pause_hours": next(
                (
                    f.attributes["pause_hours"]
                    for f in choice.support
                    if "pause_hours" in f.attributes
                ),
                None,
            ),
            "alternatives": ", ".join(_alternatives(choice.support, self.drug)),
            "infant_effects_known": stated[0] if stated else None,
            "avoid": avoid,
            "excretion_uncertain": any(
                "excreted_in_milk" in f.attributes and f.attributes["excreted_in_milk"] is None
                for f in choice.support
            ),
        }
        return Breastfeeding(
            summary=compose.compose_breastfeeding(self.drug, value, True),
            advice=topic_advice(
                avoid or value.get("avoid_for_some_babies") is True,
                value.get("compatible") is True,
            ),
            **attribution,
        )

    def missed_dose(self) -> MissedDose:
        choice, attribution = self.single(FactKind.MISSED_DOSE)
        if choice is None:
            return MissedDose()
        flags = {name: v if isinstance(v, bool) else None for name, v in choice.value.items()}
        details: dict[str, Scalar] = {}
        for fact in choice.support:  # most reliable first
            for name in _MISSED_DETAILS:
                if fact.attributes.get(name) is not None:
                    details.setdefault(name, fact.attributes[name])
        summary = compose.compose_missed_dose({**details, **flags})
        within, late = details.get("next_within_hours"), details.get("late_by_hours")
        return MissedDose(
            summary=summary,
            **flags,
            skip_within_hours=float(within) if isinstance(within, int | float) else None,
            skip_late_by_hours=float(late) if isinstance(late, int | float) else None,
            # "if you only remember the next day, skip it": a dose remembered late is skipped
            skip_late_in_day=True
            if details.get("late_in_day") is True or details.get("same_day_only") is True
            else None,
            **attribution,
        )

    def stopping(self) -> Stopping:
        symptoms = self.terms(FactKind.WITHDRAWAL_SYMPTOM, "withdrawal_symptoms")
        choice, _ = self.single(FactKind.STOPPING)
        symptom_facts = [f for g in self.of(FactKind.WITHDRAWAL_SYMPTOM) for f in g.facts]
        support = (choice.support if choice else []) + symptom_facts
        if not support:
            return Stopping()
        abrupt = choice.value.get("abrupt_stop_risk") if choice else None
        taper = any(bool(f.attributes.get("taper")) for f in support)
        withdrawal = bool(symptoms) or any(
            f.attributes.get("withdrawal") for g in self.of(FactKind.STOPPING) for f in g.facts
        )
        return Stopping(
            abrupt_stop_risk=abrupt if isinstance(abrupt, bool) else None,
            risk_after_weeks=_risk_after_weeks(choice.support) if choice and abrupt else None,
            summary=compose.compose_stopping(
                self.drug,
                abrupt,
                taper,
                symptoms,
                rebound=any(
                    f.attributes.get("rebound") for g in self.of(FactKind.STOPPING) for f in g.facts
                ),
                withdrawal=withdrawal,
            ),
            withdrawal_symptoms=symptoms,
            names_withdrawal=withdrawal,
            taper=say("stopping_taper", self.drug) if taper else None,
            **self.attribution(support),
        )

    def onset(self) -> Onset:
        before = len(self.conflicts)
        choice, attribution = self.single(FactKind.ONSET)
        if choice is None:
            return Onset()
        # Every stated time, the chosen one first: times that agree (overlapping spans, "few
        # days" and "3 days") and, when sources disagree, the rival times too.
        agreeing = [f.attributes for f in choice.support]
        values = [choice.value, *agreeing, *(rival.value for rival in choice.rivals)]
        first = compose.join_alternatives(v.get("first_effect") for v in values)
        full = compose.join_alternatives(v.get("full_effect") for v in values)
        # how long a dose lasts is no rival of how soon it works: any statement may give it
        others = [f for group in self.of(FactKind.ONSET) for f in group.facts]
        lasts = next(
            (f.attributes["lasts"] for f in [*choice.support, *others] if "lasts" in f.attributes),
            None,
        )
        summary = compose.compose_onset(
            first, full, disputed=len(self.conflicts) > before, lasts=lasts
        )
        return Onset(summary=summary, **attribution)

    def build(self) -> Monograph:
        brands = self.terms(FactKind.BRAND_NAME, "brand_names")
        classes = self.terms(FactKind.DRUG_CLASS, "drug_class")
        forms = self.terms(FactKind.FORM, "forms")
        indications = lists.indications(self)
        on_label = [i for i in indications if not i.off_label]
        interactions = lists.interactions(self)
        monograph = Monograph(
            drug=self.drug,
            summary=compose.compose_summary(
                self.drug,
                classes,
                compose.Uses(
                    treats=[i.condition for i in on_label if not i.prevention][:_SUMMARY_USES],
                    prevents=[i.condition for i in on_label if i.prevention][:_SUMMARY_USES],
                    off_label=[i.condition for i in indications if i.off_label][:_SUMMARY_USES],
                ),
                brands,
            ),
            brand_names=brands,
            drug_class=classes,
            mechanism=lists.mechanism(self),
            indications=indications,
            not_used_for=lists.not_used_for(self, indications),
            forms=forms,
            dosing=self.dosing(),
            side_effects=lists.side_effects(self),
            interactions=interactions,
            no_interactions=lists.no_interactions(self, interactions),
            precautions=lists.precautions(self),
            pregnancy=self.pregnancy(),
            breastfeeding=self.breastfeeding(),
            missed_dose=self.missed_dose(),
            stopping=self.stopping(),
            onset=self.onset(),
            half_life=practical.half_life(self),
            legal_status=practical.legal_status(self),
            administration=practical.administration(self),
            overdose=practical.overdose(self),
            monitoring=practical.monitoring(self),
            disclaimer_present=any(f.kind is FactKind.DISCLAIMER for f in self.facts),
            sources=[
                _source_ref(self.sources[sid]) for sid in order_sources(self.sources, self.ranks)
            ],
        )
        monograph.faq = compose_faqs(monograph, self.of(FactKind.FAQ), self.ranks)
        lists.ruled_out_conflicts(self)
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
        publisher=source.publisher,
        published=source.published,
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
    return _Builder(drug, with_citation_titles(assessed), list(facts)).build()


def topic_advice(avoid: bool, acceptable: bool) -> TopicAdvice | None:
    """The sources' reading of use in pregnancy or breastfeeding: avoid, acceptable, or
    None when they say neither, or both (then the summary says what each says)."""
    if avoid == acceptable:
        return None
    return TopicAdvice.AVOID if avoid else TopicAdvice.ACCEPTABLE


def _listed(facts: Sequence[ExtractedFact], name: str) -> list[str]:
    """The distinct terms of a comma-separated attribute over the facts, in order."""
    terms = (t.strip() for f in facts for t in str(f.attributes.get(name) or "").split(","))
    return list(dict.fromkeys(t for t in terms if t))


def _stated_flags(facts: Sequence[ExtractedFact]) -> dict[str, Scalar]:
    """The yes/no flags a topic's facts state: True when any fact says so, False when one
    denies it and none says it."""
    flags: dict[str, Scalar] = {}
    for fact in facts:
        for name, value in fact.attributes.items():
            if isinstance(value, bool) and flags.get(name) is not True:
                flags[name] = value
    return flags


def _alternatives(facts: Sequence[ExtractedFact], drug: str) -> list[str]:
    """The medicines the facts name as preferred instead, without the drug itself."""
    own = {part.strip() for part in drug.lower().replace(";", "/").split("/")}
    names = (
        name.strip()
        for fact in facts
        for name in str(fact.attributes.get("alternatives") or "").split(",")
    )
    return list(dict.fromkeys(n for n in names if n and n.lower() not in own))


def _infant_effects_known(attributes: Mapping[str, Scalar]) -> bool | None:
    """Whether a fact says the effects on a breastfed baby are known.

    Extraction states it either way: `infant_effects_known`, or `effects_unknown`.
    """
    known = attributes.get("infant_effects_known")
    if isinstance(known, bool):
        return known
    unknown = attributes.get("effects_unknown")
    return (not unknown) if isinstance(unknown, bool) else None

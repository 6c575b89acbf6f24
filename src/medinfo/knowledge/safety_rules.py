"""Model of the safety-check rules (knowledge/safety/safety_rules.json): thresholds and terms."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, PrivateAttr

from medinfo.domain.alerts import Severity
from medinfo.knowledge.loading import KnowledgeFile, Pattern, Strict
from medinfo.knowledge.names import normalize_name

Condition = Literal["renal", "hepatic", "seizure", "pregnancy", "breastfeeding"]


class RenalBand(Strict):
    """A range of eGFR (mL/min/1.73 m2): at least `egfr_at_least`, below `egfr_below`."""

    egfr_at_least: float
    egfr_below: float
    label: str
    severity: Severity

    def holds(self, egfr: float) -> bool:
        return self.egfr_at_least <= egfr < self.egfr_below


class DoseLimitRules(Strict):
    severity: Severity
    danger_when_over_times: float = Field(gt=1)


class MissedDoseRules(Strict):
    skip_when_next_dose_within_fraction_of_interval: float = Field(gt=0, lt=1)
    late_in_day_after_hours: float = Field(gt=0, lt=24)
    severity: Severity


class TaperRules(Strict):
    severity: Severity
    max_steps: int = Field(ge=1)
    step_pattern: Pattern
    duration_pattern: Pattern


class NameMatchingRules(Strict):
    fuzzy_cutoff: float = Field(ge=50, le=100)
    fuzzy_margin: float = Field(ge=0, le=50)
    ner_min_similarity: float = Field(ge=0.5, le=1)


class SafetyRules(KnowledgeFile):
    """Everything in knowledge/safety/safety_rules.json; unknown keys are rejected."""

    FILE: ClassVar[str] = "safety/safety_rules.json"
    routes: dict[str, list[str]]
    route_covers: dict[str, list[str]] = Field(default_factory=dict)
    route_when_unstated: str
    dose_limits: DoseLimitRules
    renal_bands: list[RenalBand]
    renal_no_change_down_to_egfr: float = Field(ge=0, le=60)
    condition_terms: dict[Condition, list[str]]
    condition_severity: dict[Condition, Severity]
    pregnancy_category_severity: dict[str, Severity]
    pregnancy_outdated_markers: list[str]
    interaction_severity: dict[str, Severity]
    interaction_severity_default: Severity
    cns_depressant_class: str
    alcohol_class: str
    effect_alerts: dict[str, list[str]] = Field(default_factory=dict)
    missed_dose: MissedDoseRules
    taper: TaperRules
    name_matching: NameMatchingRules
    _route_index: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        for route, names in self.routes.items():
            for name in (route, *names):
                self._route_index.setdefault(normalize_name(name), route)

    def route_of(self, text: str | None) -> str:
        """The canonical route a free-text route names; unstated means `route_when_unstated`."""
        key = normalize_name(text or "")
        if not key:
            return self.route_when_unstated
        return self._route_index.get(key, key)

    def same_route(self, stated: str | None, taken: str | None) -> bool:
        """Whether a dose stated for one route applies to a dose taken by another: the same
        route, or one covering the other ("injection" covers "subcutaneous")."""
        first, second = self.route_of(stated), self.route_of(taken)
        return (
            first == second
            or second in self.route_covers.get(first, ())
            or first in self.route_covers.get(second, ())
        )

    def renal_band(self, egfr: float | None) -> RenalBand | None:
        """The reduced-function band an eGFR falls in; None for normal function or no value."""
        if egfr is None:
            return None
        return next((band for band in self.renal_bands if band.holds(egfr)), None)

    def names_condition(self, condition: Condition, text: str) -> bool:
        """Whether a precaution's wording is about `condition` (terms match word starts)."""
        padded = f" {normalize_name(text)}"
        return any(f" {normalize_name(term)}" in padded for term in self.condition_terms[condition])

    def interaction_severity_of(self, stated: str) -> Severity:
        """The alert severity for a monograph interaction severity ("major", "contraindicated")."""
        key = stated.strip().lower()
        if key in self.interaction_severity:
            return self.interaction_severity[key]
        found = [sev for name, sev in self.interaction_severity.items() if name in key]
        return max(found, key=severity_rank) if found else self.interaction_severity_default


_RANK = {Severity.INFO: 0, Severity.CAUTION: 1, Severity.WARNING: 2, Severity.DANGER: 3}


def severity_rank(severity: Severity) -> int:
    """Order of severities, info lowest."""
    return _RANK[severity]

"""Facts as extracted from one source: a typed, normalised claim with evidence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from medinfo.domain.evidence import Evidence

Scalar = str | int | float | bool | None


class FactKind(StrEnum):
    """What a fact is about. `key` identifies the fact within its kind."""

    BRAND_NAME = "brand_name"  # key: brand as written ("Lioresal")
    DRUG_CLASS = "drug_class"  # key: normalised class ("skeletal muscle relaxant")
    MECHANISM_TERM = "mechanism_term"  # key: "gaba-b", "agonist"
    INDICATION = "indication"  # key: condition; attrs: off_label
    NOT_A_USE = "not_a_use"  # key: condition a source says the drug is not used for or won't help
    FORM = "form"  # key: "oral tablet", "oral solution", "intrathecal"
    INITIAL_DOSE = "initial_dose"  # key: route; attrs: amount, unit, frequency_per_day
    MAX_DAILY_DOSE = "max_daily_dose"  # key: route; attrs: amount, unit
    MAX_SINGLE_DOSE = "max_single_dose"  # key: route; attrs: amount, unit
    TITRATION = "titration"  # key: "titration"; attrs: summary, step_amount, step_days
    RENAL_ADJUSTMENT = "renal_adjustment"  # key: egfr band; attrs: max_daily_mg, advice
    POPULATION_LIMIT = "population_limit"  # key: population and band; attrs: doses, advice
    SIDE_EFFECT = "side_effect"  # key: term; attrs: serious, frequency
    INTERACTION = "interaction"  # key: agent; attrs: effect, severity, agent_type
    NO_INTERACTION = "no_interaction"  # key: agent said not to interact; attrs: agent_type
    PRECAUTION = "precaution"  # key: condition; attrs: advice
    PREGNANCY = "pregnancy"  # key: "pregnancy"; attrs: category, summary
    BREASTFEEDING = "breastfeeding"  # key: "breastfeeding"; attrs: summary, excreted_in_milk
    MISSED_DOSE = "missed_dose"  # key: "missed_dose"; attrs: the three flags
    STOPPING = "stopping"  # key: "stopping"; attrs: abrupt_stop_risk, taper
    WITHDRAWAL_SYMPTOM = "withdrawal_symptom"  # key: symptom term
    ONSET = "onset"  # key: "onset"; attrs: first_effect, full_effect (own-words values)
    DEPENDENCE = "dependence"  # key: "dependence"; attrs: claim ("addictive", "dependence")
    FAQ = "faq"  # key: topic; attrs: question_start/_end, answer_start/_end
    DISCLAIMER = "disclaimer"  # key: "disclaimer"
    CONTENT_NOTICE = "content_notice"  # key: "ai_or_crowd"; the source declares itself weak
    HALF_LIFE = "half_life"  # key: "half_life"; attrs: value, low_hours, high_hours
    LEGAL_STATUS = "legal_status"  # key: "legal_status"; attrs: controlled, schedule, prescription
    ADMINISTRATION = "administration"  # key: advice code ("with_food"); attrs: agents, hours
    OVERDOSE = "overdose"  # key: "overdose"; attrs: signs, antidotes (comma-separated terms)
    MONITORING = "monitoring"  # key: test ("inr", "none"); attrs: needed, routine


class ExtractedFact(BaseModel):
    """One claim from one source, with the span that states it."""

    model_config = ConfigDict(frozen=True)

    kind: FactKind
    key: str
    attributes: dict[str, Scalar] = Field(default_factory=dict)
    evidence: Evidence

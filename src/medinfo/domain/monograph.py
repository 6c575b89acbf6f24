"""The reconciled monograph of one drug: the public JSON contract of DESIGN.md."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from medinfo.domain.evidence import Evidence

DISCLAIMER = (
    "medinfo is for information only and is not medical advice. Ask a pharmacist or "
    "doctor before starting, stopping or changing any medicine."
)
UNKNOWN = "The sources do not say; ask a pharmacist or doctor."


class Attributed(BaseModel):
    """Anything shown to a user: it names the sources and spans that state it.

    `flags` marks claims to read with care: "single_weak_source" (only the least
    reliable kind of source says it) and "outdated" (a retired classification).
    """

    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)


class Mechanism(Attributed):
    summary: str
    terms: list[str] = Field(default_factory=list)


class Indication(Attributed):
    condition: str
    off_label: bool = False
    # a use stated as lowering the risk of the condition ("reduce the risk of heart attack"),
    # not as treating it
    prevention: bool = False


class NotAUse(Attributed):
    """A condition the sources say the drug is not used for or does not help."""

    condition: str


class DoseSpec(Attributed):
    amount: float
    unit: str
    frequency_per_day: int | None = None
    route: str | None = None
    # the one use a maximum is stated for, where the sources dose several uses differently
    # ("heart failure": up to 50 mg a day, another use up to 400 mg): not the drug's limit
    use: str | None = None

    @field_serializer("amount")
    def _whole_numbers_as_int(self, amount: float) -> float | int:
        return int(amount) if float(amount).is_integer() else amount


class RenalAdjustment(Attributed):
    """A dose rule for reduced kidney function; bounds are eGFR in mL/min."""

    egfr_below: float | None = None
    egfr_at_least: float | None = None
    max_daily_mg: float | None = None
    advice: str = ""


class Population(StrEnum):
    """A group of people whose dose rule differs from the usual adult one."""

    RENAL = "renal"  # reduced kidney function (creatinine clearance or eGFR band)
    HEPATIC = "hepatic"  # liver impairment
    OLDER_ADULTS = "older_adults"
    CHILDREN = "children"


class LimitAdvice(StrEnum):
    """What the sources say to do for a population, besides any number."""

    REDUCE = "reduce"  # a lower or less frequent dose, perhaps without a number
    AVOID = "avoid"  # do not use / not recommended
    CAUTION = "caution"  # use with care or closer monitoring
    BY_WEIGHT = "by_weight"  # a dose worked out from the person's weight or size, no fixed number
    NO_CHANGE = "no_change"  # explicitly: the usual dose


class PopulationLimit(Attributed):
    """A dose rule for one population, as typed values (docs/extraction.md).

    Bands are inclusive at `*_at_least` and exclusive at `*_below`: kidney function in mL/min
    (creatinine clearance or eGFR, as stated: `kidney_measure`), age in years. A dose of a
    child population may be per kilogram (unit "mg/kg"; `max_daily` per day). Each number is
    only as the source states it: `adjustment_without_number` marks a rule stated in words
    only ("a lower dose"), so a check can say it could not compare a number.
    """

    population: Population
    criterion: str = ""  # medinfo's short description of the band ("CrCl 30-50 mL/min")
    kidney_measure: str | None = None  # "crcl" | "egfr"
    kidney_at_least: float | None = None
    kidney_below: float | None = None
    on_dialysis: bool = False
    age_at_least: float | None = None
    age_below: float | None = None
    initial: DoseSpec | None = None
    max_daily: DoseSpec | None = None
    max_single: DoseSpec | None = None
    advice: LimitAdvice | None = None
    adjustment_without_number: bool = False


class Dosing(Attributed):
    initial: DoseSpec | None = None
    max_daily: DoseSpec | None = None
    max_single: DoseSpec | None = None
    titration: str | None = None
    renal_adjustment: list[RenalAdjustment] = Field(default_factory=list)
    population_limits: list[PopulationLimit] = Field(default_factory=list)


class SideEffect(Attributed):
    term: str
    serious: bool = False
    frequency: str | None = None


# The severity of an interaction every source that mentions it says does not happen.
NO_INTERACTION = "none"


class Interaction(Attributed):
    agent: str
    effect: str = ""
    severity: str = "moderate"  # or NO_INTERACTION
    agent_type: str = "drug"  # drug | class | substance


class Precaution(Attributed):
    condition: str
    advice: str = ""


class TopicAdvice(StrEnum):
    """What the sources say about use in pregnancy or while breastfeeding, read as a value: a
    check reads it instead of the summary's words."""

    AVOID = "avoid"  # must not be used, contraindicated, not recommended
    ACCEPTABLE = "acceptable"  # considered safe, compatible, fine (never a warning)


class Pregnancy(Attributed):
    category: str | None = None
    summary: str = UNKNOWN
    outdated_category: bool = False
    advice: TopicAdvice | None = None  # None: the sources say neither (or both)


class Breastfeeding(Attributed):
    summary: str = UNKNOWN
    advice: TopicAdvice | None = None  # None: the sources say neither (or both)


class MissedDose(Attributed):
    summary: str = UNKNOWN
    take_when_remembered: bool | None = None
    skip_if_next_dose_near: bool | None = None
    never_double: bool | None = None
    # when the sources time the skip: the next dose due within N hours, more than N hours
    # since the usual time, or a dose remembered late in the day ("unless it is the evening")
    skip_within_hours: float | None = None
    skip_late_by_hours: float | None = None
    skip_late_in_day: bool | None = None


class Stopping(Attributed):
    abrupt_stop_risk: bool | None = None
    summary: str = UNKNOWN
    withdrawal_symptoms: list[str] = Field(default_factory=list)
    taper: str | None = None
    # the risk holds only after this many weeks of use ("more than 3 weeks"), when every
    # source stating the risk says so; None: whatever the length of use
    risk_after_weeks: float | None = None
    # a source names the harm of stopping as withdrawal (or lists its symptoms); a warning
    # that "seizures can come back" is not called withdrawal
    names_withdrawal: bool = False


class Onset(Attributed):
    summary: str = UNKNOWN


# --- practical facts a patient asks about (qafacts5, ADR 0027) ---


class HalfLife(Attributed):
    """How long the body takes to clear half of the drug, as the sources state it."""

    value: str  # medinfo's normalised wording: "about 11 hours", "3-4 hours", "about 7 days"
    low_hours: float
    high_hours: float
    summary: str = ""


class LegalStatus(Attributed):
    """Whether the drug is a controlled substance (and its schedule) or prescription-only."""

    controlled: bool | None = None
    schedule: str | None = None  # "II", "IV" (US) or as stated
    prescription_only: bool | None = None
    summary: str = ""


class AdministrationAdvice(Attributed):
    """One piece of advice on how to take it ("with or without food", "swallow whole")."""

    code: str  # "with_food", "empty_stomach", "swallow_whole", "separate_from", ...
    advice: str  # medinfo's own words
    agents: list[str] = Field(default_factory=list)  # what to keep apart from, when stated


class Overdose(Attributed):
    """What taking too much does and how it is treated, as the sources state it."""

    signs: list[str] = Field(default_factory=list)
    antidotes: list[str] = Field(default_factory=list)
    no_specific_antidote: bool = False
    summary: str = ""


class Monitoring(Attributed):
    """A test the sources say is needed while taking it, or that none is routinely needed."""

    test: str  # "INR", "liver function", ... or "routine blood tests" when none are needed
    needed: bool = True
    advice: str = ""


class Faq(Attributed):
    question: str
    answer: str
    topic: str = "other"


class Claim(BaseModel):
    value: str
    sources: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Conflict(BaseModel):
    topic: str
    note: str
    claims: list[Claim] = Field(default_factory=list)


class SourceRef(BaseModel):
    id: str
    title: str
    kind: str
    reliability: str
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    sha256: str = ""
    reliability_reason: str = ""


class TermAttribution(Attributed):
    """Attribution of one entry of a plain-string list (brand_names, forms...)."""

    term: str


class Monograph(BaseModel):
    """Everything medinfo knows about one drug, each part with its sources."""

    drug: str
    summary: str = ""
    brand_names: list[str] = Field(default_factory=list)
    drug_class: list[str] = Field(default_factory=list)
    mechanism: Mechanism | None = None
    indications: list[Indication] = Field(default_factory=list)
    # Conditions the sources say it is not used for or does not help, unless a source states
    # the use: kept apart so that nothing reads them as uses.
    not_used_for: list[NotAUse] = Field(default_factory=list)
    forms: list[str] = Field(default_factory=list)
    dosing: Dosing = Field(default_factory=Dosing)
    side_effects: list[SideEffect] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    # Agents every source that mentions them says do not interact (severity NO_INTERACTION):
    # kept apart so that nothing reads them as interactions; the checks use them against
    # group listings ("not amlodipine" beside "other blood pressure medicines").
    no_interactions: list[Interaction] = Field(default_factory=list)
    precautions: list[Precaution] = Field(default_factory=list)
    pregnancy: Pregnancy = Field(default_factory=Pregnancy)
    breastfeeding: Breastfeeding = Field(default_factory=Breastfeeding)
    missed_dose: MissedDose = Field(default_factory=MissedDose)
    stopping: Stopping = Field(default_factory=Stopping)
    onset: Onset = Field(default_factory=Onset)
    half_life: HalfLife | None = None
    legal_status: LegalStatus | None = None
    administration: list[AdministrationAdvice] = Field(default_factory=list)
    overdose: Overdose | None = None
    monitoring: list[Monitoring] = Field(default_factory=list)
    faq: list[Faq] = Field(default_factory=list)
    disclaimer_present: bool = False
    disclaimer: str = DISCLAIMER
    conflicts: list[Conflict] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    term_sources: dict[str, list[TermAttribution]] = Field(default_factory=dict)

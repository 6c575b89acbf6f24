"""Models of the extraction rule files (knowledge/extract/*.json): cue patterns and grammar."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from medinfo.knowledge.loading import KnowledgeFile, Pattern, Patterns, Strict


class FlagRule(Strict):
    """Statements matching `patterns` set `flag` (to `polar`: True for a yes, False for a no)."""

    flag: str
    polar: bool
    patterns: Patterns


class AdverseReactionRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/adverse_reactions.json"
    negation_before: Patterns
    negation_after: Patterns
    serious_cues: Patterns
    serious_headings: Patterns
    reaction_headings: Patterns
    frequency_header: Patterns
    condition_before: Patterns
    condition_list: Patterns
    animal_study: Patterns
    common_min_percent: float = Field(gt=0, le=100)


class LabChangeWords(KnowledgeFile):
    """Words that name a laboratory change around an analyte: its direction (the MedDRA
    suffix it makes), the links and specimen words before the analyte, the measure words
    after it."""

    FILE: ClassVar[str] = "extract/lab_changes.json"
    directions: dict[Literal["increased", "decreased", "abnormal"], tuple[str, ...]]
    links: tuple[str, ...]
    specimens: tuple[str, ...]
    measures: tuple[str, ...]
    max_analyte_words: int = Field(ge=1, le=6)


class InteractionOutcome(Strict):
    say: str
    patterns: Patterns


class InteractionOutcomes(KnowledgeFile):
    """What a combination does to how the medicines work ("can make it work less well",
    "raises its levels"): outcome term -> medinfo's wording and the patterns naming it."""

    FILE: ClassVar[str] = "extract/interaction_outcomes.json"
    outcomes: dict[str, InteractionOutcome]


class OpenReactionTerms(KnowledgeFile):
    """How a reaction the vocabulary lacks is proposed from its head word: medical word
    endings, qualifier words that never start a term, and American-to-British spellings."""

    FILE: ClassVar[str] = "extract/open_reaction_terms.json"
    head_endings: Patterns
    not_heads: tuple[str, ...]
    not_modifiers: tuple[str, ...]
    british: dict[str, str]
    modifier_endings: Patterns
    max_modifiers: int = Field(ge=0, le=5)


class ReactionScorerFile(KnowledgeFile):
    """A logistic model over candidate label reactions: feature weights, the keep thresholds
    (for a term the rules accept, and for one they reject) and per preferred term / phrase
    counts (labels proposed in, labels annotated in)."""

    FILE: ClassVar[str] = "extract/reaction_scorer.json"
    source: str
    threshold: float = Field(gt=0.0, lt=1.0)
    override_threshold: float = Field(gt=0.0, lt=1.0)
    weights: dict[str, float]
    priors: dict[str, tuple[int, int]]


class DoseCueRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/dose_cues.json"
    cues: dict[str, Patterns]
    daily_context: Patterns
    single_context: Patterns
    pediatric: Patterns
    weight_based: Patterns = ()
    adult: Patterns
    special_population: Patterns
    special_headings: Patterns
    hospital_only: Patterns = ()
    routes: dict[str, Patterns]
    default_route: str
    oral_words: Patterns = ()
    skip_sections: tuple[str, ...]
    dosing_sections: tuple[str, ...]
    strength_after: Patterns
    gradual: Patterns
    initial_after: Patterns
    not_the_dose: Patterns
    unused_above: Patterns
    max_after: Patterns
    single_or_divided: Patterns
    as_needed: Patterns
    not_daily: Patterns
    per_week: Patterns = ()
    divided_as: Patterns
    person_condition: Patterns
    varies: Patterns
    anecdote: Patterns
    study_report: Patterns
    other_substance: Patterns
    general_claim: Patterns


class ScaledUnit(Strict):
    to: str
    factor: float = Field(gt=0)


class Frequency(Strict):
    pattern: Pattern
    per_day: int | None = None


class Interval(Strict):
    pattern: Pattern


class DoseGrammar(KnowledgeFile):
    FILE: ClassVar[str] = "extract/dose_grammar.json"
    scaled_units: dict[str, ScaledUnit]
    units: dict[str, Patterns]
    number_words: dict[str, int]
    range_joiners: tuple[str, ...]
    per_day: Patterns
    frequencies: tuple[Frequency, ...]
    divided: Patterns
    intervals: tuple[Interval, ...]
    counted_forms: Patterns = ()


class DetectionWeights(Strict):
    mention: float
    title: float
    first_heading: float
    first_paragraph: float


class DrugDetectionRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/drug_detection.json"
    weights: DetectionWeights
    ignore: tuple[str, ...]
    groups: Patterns
    not_medicines: Patterns
    combination_forms: Patterns
    supplement: dict[str, str] = Field(default_factory=dict)
    corrections: dict[str, str] = Field(default_factory=dict)


class DrugTwins(KnowledgeFile):
    """Names the drug dictionary files one medicine under ("alendronate" and "alendronic acid",
    "colecalciferol" and "cholecalciferol"), each to the one key its monograph has; generated
    by medinfo.extract.drug_twins_build from public data (see `source`)."""

    FILE: ClassVar[str] = "extract/drug_twins.json"
    source: str = ""
    twins: dict[str, str]
    # other generic names of a medicine ("salbutamol" for albuterol): never a brand
    generic_names: tuple[str, ...] = ()


class FaqRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/faq.json"
    topics: dict[str, Patterns]
    yes: Patterns
    no: Patterns


class MissedDoseRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/missed_dose.json"
    topic: Patterns
    flags: tuple[FlagRule, ...]
    windows: dict[Literal["next_within_hours", "late_by_hours"], Patterns]


class NegationRule(Strict):
    literal: str = Field(min_length=1)
    direction: Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE"]


class NegationRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/negation.json"
    rules: tuple[NegationRule, ...]


class NoticeRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/notices.json"
    disclaimer: Patterns
    content_notice: tuple[FlagRule, ...]
    dependence: tuple[FlagRule, ...]
    not_addictive: Patterns


class OnsetRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/onset.json"
    topic: Patterns
    first: Patterns
    full: Patterns
    not_onset_before: Patterns
    not_onset_after: Patterns
    after_stopping: Patterns
    lasts_before: Patterns
    quantities: dict[str, str]
    units: dict[str, str]


class PolarityRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/polarity.json"
    uncertainty: Patterns
    negation: Patterns
    clause_break: Patterns
    other_subject: Patterns = ()


class PregnancyRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/pregnancy.json"
    pregnancy_topic: Patterns
    breastfeeding_topic: Patterns
    category: Pattern
    pregnancy_flags: tuple[FlagRule, ...]
    breastfeeding_flags: tuple[FlagRule, ...]
    stages: dict[Literal["end", "later", "early"], Patterns]


class ReadingRules(KnowledgeFile):
    """How a statement is read before facts are taken from it (extract/reading.py)."""

    FILE: ClassVar[str] = "extract/reading.json"
    clause_break: Patterns
    negated: Patterns
    hypothetical: Patterns
    other_subject: Patterns
    compatible: Patterns
    no_concern: Patterns
    conditional: Patterns
    people_subject: Patterns
    group_subject: Patterns
    populations: dict[str, Patterns]
    advert: Patterns
    summary_label: Patterns = ()
    rebuttal: Patterns = ()
    refers_back: Patterns = ()


class PopulationAdvice(Strict):
    avoid: Patterns
    reduce: Patterns
    by_weight: Patterns
    caution: Patterns


class PopulationRules(KnowledgeFile):
    """Dose rules for populations (extract/populations.py)."""

    FILE: ClassVar[str] = "extract/populations.json"
    dosing_words: Patterns
    advice: PopulationAdvice
    age_between: Pattern
    age_below: Pattern
    age_at_least: Pattern
    dialysis: Patterns
    dose_changes: Patterns
    study_report: Patterns = ()
    kidney_grades: dict[str, tuple[float | None, float | None]] = Field(default_factory=dict)


class RenalRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/renal.json"
    measure: Patterns
    between: Pattern
    below: Pattern
    at_least: Pattern
    advice: dict[str, Patterns]


class SectionHeading(Strict):
    section: str
    patterns: Patterns


class SectionRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/sections.json"
    headings: tuple[SectionHeading, ...]


class StoppingRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/stopping.json"
    stop_verbs: Patterns
    abrupt: Patterns
    risk: Patterns
    harm: Patterns
    safe: Patterns
    taper: Patterns
    no_taper: Patterns
    rebound: Patterns = ()
    withdrawal: Patterns = ()

"""Models of the service rule files: question reading, scoring, reviews and catalog names."""

from __future__ import annotations

import string
from typing import ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator

from medinfo.domain.answers import Intent
from medinfo.knowledge.loading import KnowledgeFile, Pattern, Patterns, Strict

# --- services/: common questions and scoring ----------------------------------------------


class CommonQuestion(Strict):
    topic: str
    intent: Intent
    question: str = Field(pattern=r"\{drug\}")


class CommonQuestions(KnowledgeFile):
    FILE: ClassVar[str] = "services/common_questions.json"
    questions: tuple[CommonQuestion, ...]


class ScoringRules(KnowledgeFile):
    FILE: ClassVar[str] = "services/scoring.json"
    about: str = ""
    key_point_threshold: float = Field(gt=0, le=1)
    stem_length: int = Field(ge=1)
    stopwords: tuple[str, ...]
    phrases: dict[str, tuple[str, ...]]
    conflict_topics: dict[str, tuple[str, ...]]
    auxiliary_fields: tuple[str, ...]


# --- qa/: intents and answer vocabulary ------------------------------------------------


class FuzzyReading(Strict):
    comment: str = Field(default="", alias="_comment")
    min_token_length: int = 5
    long_token_length: int = 9
    max_edits: int = 1
    max_edits_long: int = 2
    never_correct: tuple[str, ...] = ()


class CommonWords(KnowledgeFile):
    """Everyday English words a typo reader keeps as typed (written by common_words_build)."""

    FILE: ClassVar[str] = "qa/common_words.json"
    min_length: int
    min_frequency: int
    words: tuple[str, ...]


class IntentRule(Strict):
    intent: Intent
    priority: int = 0
    cues: dict[str, float] = Field(default_factory=dict)
    patterns: dict[Pattern, float] = Field(default_factory=dict)
    # the asker's context ("take it for my back"): counts only when no other intent is cued
    context_patterns: dict[Pattern, float] = Field(default_factory=dict)
    conflicts: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


class ConcernRule(Strict):
    concern: str
    threshold: float = 1
    cues: dict[str, float] = Field(default_factory=dict)
    patterns: dict[Pattern, float] = Field(default_factory=dict)


class IntentModelFile(KnowledgeFile):
    """A softmax model over the words and word pairs of a normalised question: per feature,
    its weight for each intent it counts for; the confidence from which it overrules the cue
    rules; and the labelled question files it was fitted on."""

    FILE: ClassVar[str] = "qa/intent_model.json"
    threshold: float = Field(gt=0.0, lt=1.0)
    trained_on: tuple[str, ...] = ()
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]


class IntentRules(KnowledgeFile):
    FILE: ClassVar[str] = "qa/intents.json"
    fuzzy: FuzzyReading = FuzzyReading()
    replacements: dict[str, str] = Field(default_factory=dict)
    intents: tuple[IntentRule, ...] = ()
    concerns: tuple[ConcernRule, ...] = ()
    secondary_warnings: tuple[Intent, ...] = ()
    final_clause_bonus: float = 0
    context_yields_at: float = 2  # another intent's cue score that outweighs context patterns


class AskedDetail(Strict):
    detail: str
    asked: tuple[str, ...]
    answered: tuple[str, ...]
    intents: tuple[Intent, ...] = ()


class AskedRoute(Strict):
    words: tuple[str, ...]
    routes: tuple[str, ...]


class AnswerTerms(KnowledgeFile):
    FILE: ClassVar[str] = "qa/terms.json"
    symptoms: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    sedating_effects: tuple[str, ...] = ()
    breathing_effects: tuple[str, ...] = ()
    weight_effects: tuple[str, ...] = ()
    stopwords: tuple[str, ...] = ()
    condition_generic_words: tuple[str, ...] = ()
    question_generic_words: tuple[str, ...] = ()
    child_source_words: tuple[str, ...] = ()
    not_the_subject: tuple[str, ...] = ()
    post_pattern: Pattern | None = None
    topic_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    quotes_on_topic: tuple[str, ...] = ()
    context_words: tuple[str, ...] = ()
    general_effect_words: tuple[str, ...] = ()
    own_condition_pattern: Pattern | None = None
    may_i_take_pattern: Pattern | None = None
    began_on_it_pattern: Pattern | None = None
    word_synonyms: tuple[tuple[str, ...], ...] = ()
    use_stop_words: tuple[str, ...] = ()
    person_words: tuple[str, ...] = ()
    procedure_words: tuple[str, ...] = ()
    dose_populations: dict[str, str] = Field(default_factory=dict)
    older_age_pattern: Pattern | None = None
    older_age_source_pattern: Pattern | None = None
    label_headings: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    phrase_synonyms: tuple[tuple[str, ...], ...] = ()
    asked_details: tuple[AskedDetail, ...] = ()
    not_a_substance: tuple[str, ...] = ()
    product_words: tuple[str, ...] = ()
    class_words: tuple[str, ...] = ()
    distinct_forms: tuple[str, ...] = ()
    asked_routes: dict[str, AskedRoute] = Field(default_factory=dict)


# --- reviews/: data sets, side-effect mentions, moderation -----------------------------


class DruglibColumns(Strict):
    id: str
    drug: str
    rating: str
    condition: str
    benefits: str
    side_effects: str
    comments: str


class DrugscomColumns(Strict):
    id: str
    drug: str
    rating: str
    condition: str
    review: str
    date: str


class DruglibFormat(Strict):
    attribution: str = Field(pattern=r"\S")
    delimiter: Literal["tab", "comma"]
    columns: DruglibColumns


class DrugscomFormat(Strict):
    attribution: str = Field(pattern=r"\S")
    delimiter: Literal["tab", "comma"]
    columns: DrugscomColumns


class DatasetFormats(Strict):
    druglib: DruglibFormat
    drugscom: DrugscomFormat


class ReviewDatasets(KnowledgeFile):
    FILE: ClassVar[str] = "reviews/datasets.json"
    datasets: DatasetFormats


class MentionRules(KnowledgeFile):
    FILE: ClassVar[str] = "reviews/mentions.json"
    window_words: int = Field(ge=1, le=20)
    negation_cues: tuple[str, ...] = Field(min_length=1)


class HoldRule(Strict):
    reason: str = Field(pattern=r"^[a-z_]+$")
    label: str = Field(pattern=r"\S")
    patterns: Patterns


class Rewrite(Strict):
    """A spelling that hides a link, address or number, and what it stands for."""

    pattern: Pattern
    replacement: str


class ModerationRules(KnowledgeFile):
    FILE: ClassVar[str] = "reviews/moderation.json"
    rules: tuple[HoldRule, ...]
    rewrites: tuple[Rewrite, ...]
    number_words: dict[str, int]

    @model_validator(mode="after")
    def _reasons_differ(self) -> ModerationRules:
        reasons = [rule.reason for rule in self.rules]
        if len(set(reasons)) != len(reasons):
            raise ValueError("a reason is listed twice")
        return self


# --- catalog/: how drug names are written ----------------------------------------------


class SynonymFilter(Strict):
    max_length: int
    drop_if_contains_digit: bool
    drop_chemical_prefixes: tuple[str, ...]
    drop_characters: str


class EditLimit(Strict):
    min_length: int
    max_edits: int


class FuzzyLimits(Strict):
    min_query_length: int
    max_edits_by_length: tuple[EditLimit, ...]
    phonetic_min_length: int
    suggest_min_score: float


class CatalogNames(KnowledgeFile):
    """Salt words, generic-name words and combination separators, and fuzzy-matching limits."""

    FILE: ClassVar[str] = "catalog/names.json"
    version: int
    salt_words: tuple[str, ...]
    generic_name_words: tuple[str, ...]
    combination_separators: tuple[str, ...]
    synonym_filter: SynonymFilter
    fuzzy: FuzzyLimits


class CatalogDisplay(KnowledgeFile):
    """How catalog brand names are shown: words kept in capitals."""

    FILE: ClassVar[str] = "catalog/display.json"
    upper_case_words: tuple[str, ...]


# --- safety/: alert wording ------------------------------------------------------------


class AlertMessages(KnowledgeFile):
    """Alert templates by message key ("INTERACTION_QT", "times.once"): format strings."""

    model_config = ConfigDict(extra="allow")
    FILE: ClassVar[str] = "safety/messages.json"
    __pydantic_extra__: dict[str, str] = Field(init=False)

    @model_validator(mode="after")
    def _well_formed(self) -> AlertMessages:
        for key, template in self.templates().items():
            try:
                list(string.Formatter().parse(template))
            except ValueError as error:
                raise ValueError(f"{key}: {error}") from None
        return self

    def templates(self) -> dict[str, str]:
        """Every template by its key."""
        return dict(self.__pydantic_extra__ or {})

"""Models of the practical-fact rule files: half-life, legal status, taking it, overdose, tests."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from medinfo.knowledge.loading import KnowledgeFile, Patterns, Strict


class NamedTerm(Strict):
    """A term medinfo names in its own words, found by any of its patterns."""

    term: str
    patterns: Patterns


class HalfLifeRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/half_life.json"
    cue: Patterns
    value_after: int = Field(ge=10, le=200)  # characters after the cue a value may stand in
    value_before: Patterns  # "a 12-hour half-life": the value written right before the cue
    approximate: Patterns
    not_general: Patterns
    numbers: dict[str, str]
    units: dict[str, float]  # unit word -> hours


Gate = Annotated[tuple[str, ...], Field(min_length=1)]


class LegalStatusRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/legal_status.json"
    gate: Gate  # words one of which every pattern needs (a quick test before the patterns)
    not_controlled: Patterns
    controlled: Patterns
    schedule: Patterns  # group "schedule" holds the schedule as written
    schedule_names: dict[str, str]
    prescription_only: Patterns
    sold_without_prescription: Patterns
    hypothetical: Patterns


class AdviceItem(Strict):
    """A piece of advice on taking the medicine: its code, medinfo's wording and patterns.
    `states_negation`: the pattern itself says "do not" (its clause is not a denial)."""

    code: str
    advice: str
    patterns: Patterns
    states_negation: bool = False
    needs_take_word: bool = True
    reasons: tuple[NamedTerm, ...] = ()
    overrides: tuple[str, ...] = ()  # codes this advice cancels in the same statement
    not_after: tuple[str, ...] = ()  # patterns in the clause before that cancel it


class AdministrationRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/administration.json"
    gate: Gate
    take_words: Patterns
    reversed_before: Patterns
    hedged: Patterns
    items: tuple[AdviceItem, ...]
    spacing: Patterns  # groups before / after / apart: hours to keep between doses and agents
    spacing_agents: tuple[NamedTerm, ...]
    timing: Patterns  # groups low, high, unit, event: "30 to 60 minutes before breakfast"
    skip_sections: tuple[str, ...]


class OverdoseRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/overdose.json"
    gate: Gate
    topic: Patterns
    antidote_topic: Patterns
    signs: tuple[NamedTerm, ...]
    antidotes: tuple[NamedTerm, ...]
    no_antidote: Patterns
    skip_sections: tuple[str, ...]


class MonitoringRules(KnowledgeFile):
    FILE: ClassVar[str] = "extract/monitoring.json"
    gate: Gate
    cue_gate: Gate
    tests: tuple[NamedTerm, ...]
    needed_cues: Patterns
    none_needed: Patterns
    about_tests: Patterns  # a clause that speaks of tests without naming one
    study_report: Patterns  # what researchers did in a study, not advice
    routine_name: str
    skip_sections: tuple[str, ...]


class PracticalVoice(KnowledgeFile):
    """How the practical facts are said in medinfo's words (reconcile/practical_voice.json)."""

    FILE: ClassVar[str] = "reconcile/practical_voice.json"
    templates: dict[str, str]


class AnswerPoint(Strict):
    """Words of a how-to-take question and the advice codes that answer them."""

    words: tuple[str, ...] = Field(min_length=1)
    codes: tuple[str, ...] = Field(min_length=1)


class PracticalAnswers(KnowledgeFile):
    """Which practical facts answer a question (knowledge/qa/practical_answers.json)."""

    FILE: ClassVar[str] = "qa/practical_answers.json"
    points: tuple[AnswerPoint, ...]
    status_words: tuple[str, ...]
    prescription_words: tuple[str, ...]
    monitoring_words: tuple[str, ...]
    monitoring_intents: tuple[str, ...]

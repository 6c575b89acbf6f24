"""Models of the reconciliation rule files (knowledge/reconcile/): merging, conflicts, voice."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from medinfo.domain.facts import FactKind
from medinfo.knowledge.loading import AboutFile, Pattern, Strict

ReliabilityName = Literal[
    "user_generated", "consumer_article", "professional_reference", "fda_label"
]


class SingleValued(Strict):
    kind: FactKind
    topic: str
    label: str
    attributes: tuple[str, ...]
    compare: str = "plain"


class PresenceMatch(Strict):
    kind: FactKind
    key: str | None = None


class Presence(Strict):
    topic: str
    label: str
    claim: str
    matches: tuple[PresenceMatch, ...]


class StatusWords(Strict):
    true: str
    false: str


class ItemStatus(Strict):
    kind: FactKind
    attribute: str
    topic: str
    label: str
    values: StatusWords


class ItemPolarity(Strict):
    """A list item one place states (`kind`) and another rules out (`denial`)."""

    kind: FactKind
    denial: FactKind
    topic: str
    label: str
    values: StatusWords
    same: tuple[str, ...] = ()


class ConflictRules(AboutFile):
    FILE: ClassVar[str] = "reconcile/conflicts.json"
    single_valued: tuple[SingleValued, ...]
    presence: tuple[Presence, ...]
    negation_attributes: tuple[str, ...]
    weak_level: ReliabilityName
    weak_flag: str
    denied_value: str
    item_status: tuple[ItemStatus, ...]
    item_polarity: tuple[ItemPolarity, ...]


class FaqAnswer(Strict):
    """How a FAQ answer is composed; each `type` needs its own key (agent, terms, field, term)."""

    type: Literal[
        "interaction",
        "side_effects",
        "section",
        "serious_side_effects",
        "side_effect",
        "indication",
    ]
    template: str
    agent: str | None = None
    terms: tuple[str, ...] | None = None
    field: Literal["missed_dose", "onset", "stopping", "pregnancy", "breastfeeding"] | None = None
    term: str | None = None

    @model_validator(mode="after")
    def _has_its_key(self) -> FaqAnswer:
        needed = {
            "interaction": "agent",
            "side_effects": "terms",
            "section": "field",
            "side_effect": "term",
            "indication": "term",
        }.get(self.type)
        if needed and getattr(self, needed) is None:
            raise ValueError(f"an answer of type {self.type!r} needs {needed!r}")
        return self


class FaqTopic(Strict):
    topic: str
    aliases: tuple[str, ...]
    question: str
    answer: FaqAnswer


class FaqRules(AboutFile):
    FILE: ClassVar[str] = "reconcile/faq.json"
    topics: tuple[FaqTopic, ...]


class DerivedSideEffect(Strict):
    """A fact kind that also counts as a side effect, unless its claim denies it."""

    kind: FactKind
    term: str
    serious: bool
    denied_by: tuple[str, ...] = ()


class MergeRules(AboutFile):
    FILE: ClassVar[str] = "reconcile/merge.json"
    severity_order: tuple[str, ...]
    default_severity: str
    route_preference: tuple[str, ...]
    derived_side_effects: tuple[DerivedSideEffect, ...]
    literal_key_kinds: tuple[FactKind, ...]
    vague_counts: dict[str, tuple[float, float]]
    time_units_in_minutes: dict[str, float]

    @model_validator(mode="after")
    def _default_is_ordered(self) -> MergeRules:
        if self.default_severity not in self.severity_order:
            raise ValueError("default_severity must be one of severity_order")
        return self


class OutdatedRule(Strict):
    kind: FactKind
    attribute: str
    pattern: Pattern
    reason: str


class OutdatedRules(AboutFile):
    FILE: ClassVar[str] = "reconcile/outdated.json"
    rules: tuple[OutdatedRule, ...]


class Verdict(Strict):
    level: ReliabilityName
    reason: str


class HostLevel(Strict):
    host: str
    level: ReliabilityName


class ReliabilityRules(AboutFile):
    FILE: ClassVar[str] = "reconcile/reliability.json"
    content_notice: Verdict
    kinds: dict[str, Verdict]
    hosts: tuple[HostLevel, ...]
    host_reason: str
    default: Verdict


class SynonymRules(AboutFile):
    FILE: ClassVar[str] = "reconcile/synonyms.json"
    singular_exceptions: tuple[str, ...]
    kind_groups: dict[FactKind, str]
    groups: dict[str, dict[str, tuple[str, ...]]]

    @model_validator(mode="after")
    def _groups_exist(self) -> SynonymRules:
        # "agents" and "drug_classes" come from the medicine groups (vocab/medicine_groups.json)
        built = {"agents", "drug_classes"}
        unknown = sorted(set(self.kind_groups.values()) - set(self.groups) - built)
        if unknown:
            raise ValueError(f"kind_groups name unknown groups {unknown}")
        return self


class MechanismWord(Strict):
    role: Literal["action", "target"]
    words: str


class VoiceRules(AboutFile):
    FILE: ClassVar[str] = "reconcile/voice.json"
    templates: dict[str, str]
    reliability_words: dict[ReliabilityName, str]
    frequency_words: dict[str, str]
    attribute_words: dict[str, str]
    pregnancy_categories: dict[str, str]
    precaution_advice: dict[str, str]
    mechanism_terms: dict[str, MechanismWord] = Field(default_factory=dict)

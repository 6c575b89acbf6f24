"""Models of the term vocabularies (knowledge/vocab/*.json): preferred terms and their synonyms."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from medinfo.knowledge.loading import KnowledgeFile, Strict


class Term(Strict):
    """A preferred term and the words that mean it."""

    term: str = Field(min_length=1)
    synonyms: tuple[str, ...] = ()

    def defaults(self) -> dict[str, str | bool]:
        """The reviewable defaults a vocabulary gives the term (its keys besides term/synonyms)."""
        extra = self.model_dump(exclude={"term", "synonyms"}, exclude_none=True)
        return {key: value for key, value in extra.items() if isinstance(value, str | bool)}


class TermList(KnowledgeFile):
    """A vocabulary file: a list of terms, none listed twice (compared in lower case)."""

    terms: tuple[Term, ...]

    @model_validator(mode="after")
    def _no_term_twice(self) -> TermList:
        seen: set[str] = set()
        for entry in self.terms:
            key = entry.term.strip().lower()
            if key in seen:
                raise ValueError(f"term {key!r} is listed twice")
            seen.add(key)
        return self


class SideEffect(Term):
    serious: bool | None = None
    grave: bool | None = None  # serious in itself, even where a text does not grade it


class Condition(Term):
    symptom: bool | None = None


class Precaution(Term):
    advice: Literal["use_with_caution", "tell_doctor", "dose_adjustment", "avoid"] | None = None
    # a group of people a dosing section sets apart with a dose of its own (older adults,
    # kidney or liver impairment): such a line is a precaution for them
    population: bool | None = None


class InteractionAgent(Term):
    """An interaction agent as extraction reports it (built from the medicine groups)."""

    agent_type: Literal["drug", "class", "substance"] | None = None
    severity: Literal["major", "moderate", "minor"] | None = None


class SideEffects(TermList):
    FILE: ClassVar[str] = "vocab/side_effects.json"
    terms: tuple[SideEffect, ...]


class Conditions(TermList):
    FILE: ClassVar[str] = "vocab/conditions.json"
    terms: tuple[Condition, ...]


class ConditionNames(TermList):
    """Condition names people take medicines for, generated from patient-review data (see
    `source`) by medinfo.extract.condition_names_build; read after the curated conditions."""

    FILE: ClassVar[str] = "vocab/condition_names.json"
    source: str = ""
    terms: tuple[Condition, ...]


class Precautions(TermList):
    FILE: ClassVar[str] = "vocab/precautions.json"
    terms: tuple[Precaution, ...]


class Forms(TermList):
    FILE: ClassVar[str] = "vocab/forms.json"
    product_words: tuple[str, ...] = ()  # "XL", "Turbohaler": not part of the medicine's name


class MechanismTerms(TermList):
    FILE: ClassVar[str] = "vocab/mechanism_terms.json"


TERM_LISTS: dict[str, type[TermList]] = {
    "side_effects": SideEffects,
    "conditions": Conditions,
    "precautions": Precautions,
    "forms": Forms,
    "mechanism_terms": MechanismTerms,
}
"""Each term vocabulary by the name extraction knows it by."""


class MeddraTerm(Strict):
    """A MedDRA preferred term, its code and the words labels use for it."""

    pt: str = Field(min_length=1)
    code: int | None = None
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()


class MeddraTerms(KnowledgeFile):
    """Terms derived from annotated label sections (see `source`)."""

    FILE: ClassVar[str] = "vocab/meddra_terms.json"
    source: str = ""
    terms: tuple[MeddraTerm, ...]
    blocked: tuple[str, ...] = ()
    analytes: dict[str, tuple[str, ...]] = Field(default_factory=dict)


class MeddraCurated(MeddraTerms):
    """The hand-written part: common preferred terms, lay words, blocked headings, analytes."""

    FILE: ClassVar[str] = "vocab/meddra_curated.json"

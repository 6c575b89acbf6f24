"""Answer vocabulary: everyday symptom words and effect lists, from knowledge/qa/terms.json."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from medinfo.domain.answers import Intent
from medinfo.knowledge import service_rules as rules
from medinfo.knowledge.loading import load
from medinfo.services.qa.intents import normalise_words


@lru_cache(maxsize=4096)
def term_key(term: str) -> str:
    """A term folded for comparison: normalised words, each singular."""
    words = normalise_words(term).split()
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` as whole words (both already folded)."""
    return bool(phrase) and f" {phrase} " in f" {text} "


@dataclass(frozen=True)
class AskedDetail:
    """A detail a question may ask about, and the words with which an answer speaks of it."""

    asked: tuple[str, ...]
    answered: tuple[str, ...]
    intents: frozenset[Intent] = frozenset()  # empty: in a question of any intent


@dataclass(frozen=True)
class Vocabulary:
    """Folded term lists; every entry went through term_key."""

    symptoms: dict[str, tuple[str, ...]]
    sedating_effects: frozenset[str]
    breathing_effects: frozenset[str]
    weight_effects: frozenset[str]
    stopwords: frozenset[str]
    condition_generic_words: frozenset[str] = frozenset()
    question_generic_words: frozenset[str] = frozenset()
    child_source_words: tuple[str, ...] = ()
    not_the_subject: frozenset[str] = frozenset()
    post_pattern: str = ""
    topic_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    quotes_on_topic: frozenset[str] = frozenset()
    context_words: frozenset[str] = frozenset()
    general_effect_words: frozenset[str] = frozenset()
    own_condition_pattern: str = ""
    may_i_take_pattern: str = ""
    began_on_it_pattern: str = ""
    word_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    use_stop_words: frozenset[str] = frozenset()
    person_words: frozenset[str] = frozenset()
    procedure_words: frozenset[str] = frozenset()
    dose_populations: dict[str, str] = field(default_factory=dict)
    older_age_pattern: str = ""
    older_age_source_pattern: str = ""
    label_headings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    phrase_synonyms: tuple[tuple[str, ...], ...] = ()
    asked_details: tuple[AskedDetail, ...] = ()
    not_a_substance: frozenset[str] = frozenset()
    product_words: frozenset[str] = frozenset()
    class_words: frozenset[str] = frozenset()
    distinct_forms: tuple[str, ...] = ()
    # a route's name -> (the words a question names it with, the dose routes that are it)
    asked_routes: dict[str, tuple[tuple[str, ...], frozenset[str]]] = field(default_factory=dict)

    def symptoms_in(self, text: str) -> set[str]:
        """The symptom terms a folded question names, directly or in everyday words."""
        return {
            symptom
            for symptom, words in self.symptoms.items()
            if any(contains_phrase(text, word) for word in (symptom, *words))
        }


def _fold_all(terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(term_key(term) for term in terms)


def _phrases(phrases: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(normalise_words(phrase).split()) for phrase in phrases)


def vocabulary_from(raw: rules.AnswerTerms) -> Vocabulary:
    """The folded vocabulary of a validated terms file."""
    return Vocabulary(
        symptoms={term_key(s): _fold_all(w) for s, w in raw.symptoms.items()},
        sedating_effects=frozenset(_fold_all(raw.sedating_effects)),
        breathing_effects=frozenset(_fold_all(raw.breathing_effects)),
        weight_effects=frozenset(_fold_all(raw.weight_effects)),
        stopwords=frozenset(word.lower() for word in raw.stopwords),
        condition_generic_words=frozenset(_fold_all(raw.condition_generic_words)),
        question_generic_words=frozenset(word.lower() for word in raw.question_generic_words),
        child_source_words=tuple(word.lower() for word in raw.child_source_words),
        not_the_subject=frozenset(word.lower() for word in raw.not_the_subject),
        post_pattern=raw.post_pattern or "",
        use_stop_words=frozenset(word.lower() for word in raw.use_stop_words),
        person_words=frozenset(word.lower() for word in raw.person_words),
        procedure_words=frozenset(word.lower() for word in raw.procedure_words),
        quotes_on_topic=frozenset(raw.quotes_on_topic),
        context_words=frozenset(word.lower() for word in raw.context_words),
        general_effect_words=frozenset(word.lower() for word in raw.general_effect_words),
        own_condition_pattern=raw.own_condition_pattern or "",
        may_i_take_pattern=raw.may_i_take_pattern or "",
        began_on_it_pattern=raw.began_on_it_pattern or "",
        word_synonyms={
            word.lower(): frozenset(w.lower() for w in group)
            for group in raw.word_synonyms
            for word in group
        },
        dose_populations={term_key(k): v for k, v in raw.dose_populations.items()},
        older_age_pattern=raw.older_age_pattern or "",
        older_age_source_pattern=raw.older_age_source_pattern or "",
        topic_words={
            intent: tuple(w.lower() for w in words) for intent, words in raw.topic_words.items()
        },
        phrase_synonyms=tuple(
            tuple(" ".join(phrase.lower().split()) for phrase in group)
            for group in raw.phrase_synonyms
        ),
        asked_details=tuple(
            AskedDetail(_phrases(d.asked), _phrases(d.answered), frozenset(d.intents))
            for d in raw.asked_details
        ),
        not_a_substance=frozenset(word.lower() for word in raw.not_a_substance),
        product_words=frozenset(word.lower() for word in raw.product_words),
        class_words=frozenset(word.lower() for word in raw.class_words),
        distinct_forms=_fold_all(raw.distinct_forms),
        asked_routes={
            name: (_fold_all(route.words), frozenset(route.routes))
            for name, route in raw.asked_routes.items()
        },
        label_headings={
            " ".join(heading.lower().split()): tuple(sections)
            for heading, sections in raw.label_headings.items()
        },
    )


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary of knowledge/qa/terms.json, folded once."""
    return vocabulary_from(load(rules.AnswerTerms))

"""Composers for practical questions: precautions, controlled status, half-life, how to take it."""

from __future__ import annotations

import re
from functools import cache

from medinfo.domain.answers import Intent
from medinfo.domain.monograph import Faq, Monograph, Precaution
from medinfo.knowledge.loading import load
from medinfo.knowledge.vocabularies import Precautions
from medinfo.services.qa.passages import content_words
from medinfo.services.qa.phrasing import (
    Draft,
    join_words,
    quote,
    sentence_case,
    term_attributions,
)
from medinfo.services.qa.topic import Composer, Topic
from medinfo.services.qa.vocabulary import contains_phrase, term_key

MAX_FAQS = 2
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
FORM_WORDS = ("form", "liquid", "solution", "come as", "come in", "injection", "pump", "inhaler")


@cache
def condition_names() -> dict[str, str]:
    """Every folded precaution term and synonym -> its folded preferred term."""
    names: dict[str, str] = {}
    for entry in load(Precautions).terms:
        preferred = term_key(entry.term)
        for name in (entry.term, *entry.synonyms):
            names.setdefault(term_key(name), preferred)
    return names


def _preferred(condition: str) -> str:
    folded = term_key(condition)
    return condition_names().get(folded, folded)


def asked_conditions(folded_question: str) -> set[str]:
    """The preferred terms of the conditions a folded question names, by any synonym."""
    return {
        preferred
        for name, preferred in condition_names().items()
        if contains_phrase(folded_question, name)
    }


def precautions_about(monograph: Monograph, condition: str) -> list[Precaution]:
    """The monograph's precautions about a condition, named by any of its synonyms."""
    return [c for c in monograph.precautions if _preferred(c.condition) == condition]


def _topic_words(topic: Topic, intent: Intent) -> tuple[str, ...]:
    return topic.vocabulary.topic_words.get(intent.value, ())


def mentions_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` starting at a word boundary ("contraindicat" too)."""
    lowered = " " + " ".join(_WORD.findall(text.lower()))
    return any(f" {word}" in lowered for word in words)


def matching_faqs(monograph: Monograph, topic: Topic, words: tuple[str, ...]) -> list[Faq]:
    """FAQ facts on the intent's topic, those sharing most words with the question first."""
    asked = content_words(topic.reading.text) - content_words(monograph.drug)
    found = [faq for faq in monograph.faq if mentions_any(f"{faq.question} {faq.answer}", words)]
    found.sort(key=lambda faq: -len(asked & content_words(f"{faq.question} {faq.answer}")))
    return found[:MAX_FAQS]


def _say_faqs(draft: Draft, faqs: list[Faq]) -> None:
    for faq in faqs:
        draft.say(f"One source answers this: {quote(faq.answer)}", faq)


def _say_precaution(draft: Draft, caution: Precaution) -> None:
    line = (
        sentence_case(caution.advice)
        if caution.advice
        else f"The sources advise caution with {caution.condition}: tell your doctor or "
        "pharmacist if it applies to you."
    )
    if line not in draft.sentences:
        draft.say(line, caution)


def _finished(draft: Draft) -> Draft | None:
    return draft if draft.sentences else None


def compose_precautions(monograph: Monograph, topic: Topic) -> Draft | None:
    """The precautions about the condition asked (through its synonyms), or all of them when
    the question asks who should not take the medicine."""
    draft = Draft()
    asked = asked_conditions(topic.folded)
    named = [c for c in monograph.precautions if _preferred(c.condition) in asked]
    for caution in named:
        _say_precaution(draft, caution)
    general = mentions_any(topic.reading.text, _topic_words(topic, Intent.PRECAUTIONS))
    if not named and general and monograph.precautions:
        conditions = [c.condition for c in monograph.precautions]
        draft.say(
            f"The sources advise care with {monograph.drug} for people with "
            f"{join_words(conditions)}.",
            *monograph.precautions,
        )
    _say_faqs(draft, matching_faqs(monograph, topic, _topic_words(topic, Intent.PRECAUTIONS)))
    return _finished(draft)


def compose_controlled(monograph: Monograph, topic: Topic) -> Draft | None:
    """Controlled status, abuse and dependence, only as the facts state them: a question about
    the legal status is not answered with dependence facts."""
    words = _topic_words(topic, Intent.CONTROLLED_SUBSTANCE)
    status = topic.vocabulary.topic_words.get("controlled_status", ())
    if mentions_any(topic.reading.text, status):
        words = status
    draft = Draft()
    for caution in monograph.precautions:
        if mentions_any(f"{caution.condition} {caution.advice}", words):
            _say_precaution(draft, caution)
    effects = [e for e in monograph.side_effects if mentions_any(e.term, words)]
    if effects:
        draft.say(
            f"The sources list {join_words([e.term for e in effects])} among its effects.", *effects
        )
    _say_faqs(draft, matching_faqs(monograph, topic, words))
    return _finished(draft)


def compose_how_to_take(monograph: Monograph, topic: Topic) -> Draft | None:
    """How to take it (food, time of day, crushing, forms), from the facts on those points."""
    draft = Draft()
    if monograph.forms and mentions_any(topic.reading.text, FORM_WORDS):
        draft.say(
            f"{sentence_case(monograph.drug)[:-1]} comes as {join_words(monograph.forms)}.",
            *term_attributions(monograph, "forms", monograph.forms),
        )
    _say_faqs(draft, matching_faqs(monograph, topic, _topic_words(topic, Intent.HOW_TO_TAKE)))
    return _finished(draft)


def asks_a_point(topic: Topic, intent: Intent) -> bool:
    """Whether the question names a point of the intent's topic ("with food", "crush")."""
    return mentions_any(topic.reading.text, _topic_words(topic, intent))


def _faq_composer(intent: Intent) -> Composer:
    def compose(monograph: Monograph, topic: Topic) -> Draft | None:
        draft = Draft()
        _say_faqs(draft, matching_faqs(monograph, topic, _topic_words(topic, intent)))
        return _finished(draft)

    return compose


PRACTICAL_COMPOSERS: dict[Intent, Composer] = {
    Intent.PRECAUTIONS: compose_precautions,
    Intent.CONTROLLED_SUBSTANCE: compose_controlled,
    Intent.HOW_TO_TAKE: compose_how_to_take,
    **{
        intent: _faq_composer(intent)
        for intent in (
            Intent.HALF_LIFE,
            Intent.APPEARANCE,
            Intent.INGREDIENTS,
            Intent.DURATION,
            Intent.ALTERNATIVES,
        )
    },
}

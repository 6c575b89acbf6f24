"""Effects: answers about side effects, driving, weight and taking too much."""

from __future__ import annotations

from medinfo.domain.monograph import Faq, Monograph, SideEffect
from medinfo.services.qa.phrasing import (
    Draft,
    drug_title,
    join_words,
    note_conflicts,
    note_weak,
    sentence_case,
)
from medinfo.services.qa.practical import mentions_any
from medinfo.services.qa.topic import (
    Topic,
    faqs_about,
    list_effects,
    matching_effects,
    named_effects,
    quote_faq,
)


def _say_asked_symptoms(draft: Draft, monograph: Monograph, topic: Topic) -> None:
    name = monograph.drug
    for symptom in sorted(topic.vocabulary.symptoms_in(topic.folded)):
        found = matching_effects(monograph.side_effects, {symptom})
        for effect in found[:1]:
            kind = "serious" if effect.serious else "known"
            draft.say(f"Yes: {effect.term} is a {kind} side effect of {name}.", effect)
        if not found:
            draft.say(f"The sources do not list {symptom} as a side effect of {name}.")
    for effect in named_effects(monograph, topic, whole=True):
        kind = "serious" if effect.serious else "known"
        line = f"Yes: {effect.term} is a {kind} side effect of {name}."
        if line not in draft.sentences:
            draft.say(line, effect)


def _say_breathing(draft: Draft, serious: list[SideEffect], topic: Topic) -> None:
    if matching_effects(serious, topic.vocabulary.breathing_effects):
        draft.say("Slow or difficult breathing is an emergency: call emergency services at once.")


def compose_side_effects(monograph: Monograph, topic: Topic) -> Draft | None:
    if not monograph.side_effects:
        return None
    name, draft = monograph.drug, Draft()
    common = [e for e in monograph.side_effects if not e.serious]
    serious = [e for e in monograph.side_effects if e.serious]
    _say_asked_symptoms(draft, monograph, topic)
    list_effects(draft, f"Common side effects of {name} include", common)
    list_effects(
        draft, "Serious side effects, which need medical help right away, include", serious
    )
    _say_breathing(draft, serious, topic)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    draft.say("Tell your doctor about side effects that are severe or do not go away.")
    return draft


def compose_serious_side_effects(monograph: Monograph, topic: Topic) -> Draft | None:
    serious = [e for e in monograph.side_effects if e.serious]
    if not serious:
        return None
    name, draft = monograph.drug, Draft()
    _say_asked_symptoms(draft, monograph, topic)
    list_effects(draft, f"Serious side effects of {name} include", serious)
    draft.say("Get medical help right away if any of them happen.")
    _say_breathing(draft, serious, topic)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    return draft


def _effects_and_faqs(
    monograph: Monograph, terms: frozenset[str], faq_topic: str
) -> tuple[list[SideEffect], list[Faq]] | None:
    """The side effects among `terms` and the FAQ entries on a topic; None when neither."""
    effects = matching_effects(monograph.side_effects, terms)
    faqs = faqs_about(monograph, faq_topic)
    return (effects, faqs) if effects or faqs else None


def compose_driving(monograph: Monograph, topic: Topic) -> Draft | None:
    found = _effects_and_faqs(monograph, topic.vocabulary.sedating_effects, "driv")
    if found is None:
        return None
    (sedating, faqs), draft = found, Draft()
    if sedating:
        terms = join_words([e.term for e in sedating[:5]])
        draft.say(
            f"{drug_title(monograph)} can cause {terms}, which can make driving unsafe.", *sedating
        )
    quote_faq(draft, faqs)
    draft.say(
        f"Do not drive or use machinery until you know how {monograph.drug} affects you, "
        "and never after drinking alcohol."
    )
    return draft


def compose_weight_gain(monograph: Monograph, topic: Topic) -> Draft | None:
    found = _effects_and_faqs(monograph, topic.vocabulary.weight_effects, "weight")
    if found is None:
        return None
    (weight, faqs), draft = found, Draft()
    for effect in weight:
        kind = "serious" if effect.serious else "known"
        term = sentence_case(effect.term)[:-1]
        draft.say(f"{term} is a {kind} side effect of {monograph.drug}.", effect)
    note_weak(draft, weight, [e.term for e in weight])
    quote_faq(draft, faqs)
    draft.say("If your weight changes noticeably, talk to your doctor.")
    return draft


def compose_overdose(monograph: Monograph, topic: Topic) -> Draft | None:
    """Taking too much: only facts about an overdose (FAQ entries on it) and the listed
    effects the question names ("slow breathing"). The maximum daily dose and the general
    list of serious effects do not say what an overdose does, so they are not given; with
    nothing on the point the engine abstains after the emergency line."""
    words = topic.vocabulary.topic_words.get("overdose", ())
    faqs = [faq for faq in monograph.faq if mentions_any(f"{faq.topic} {faq.question}", words)]
    named = [e for e in named_effects(monograph, topic) if e.serious]
    if not faqs and not named:
        return None
    name, draft = monograph.drug, Draft()
    for effect in named:
        draft.say(f"Yes: {effect.term} is a serious side effect of {name}.", effect)
    _say_breathing(draft, named, topic)
    quote_faq(draft, faqs)
    return draft

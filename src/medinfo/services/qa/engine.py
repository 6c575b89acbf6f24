"""The question answering engine: a patient's question in, a cited answer or an honest no out."""

from __future__ import annotations

from medinfo.domain.answers import Answer, Citation, Intent
from medinfo.domain.errors import InputError
from medinfo.domain.monograph import DISCLAIMER, Monograph
from medinfo.services.qa.abstain import (
    EMERGENCY,
    SAFETY_LINES,
    abstain_child_dose,
    abstain_for_concern,
    abstain_uncovered,
    abstain_unknown_drug,
    blocking_concern,
    is_child_dose,
    needs_emergency_line,
    secondary_lines,
)
from medinfo.services.qa.compose import compose_answer
from medinfo.services.qa.drug_mentions import MonographLookup
from medinfo.services.qa.intents import Reading, read_question
from medinfo.services.qa.passages import Passage, PassageSearch, content_words
from medinfo.services.qa.phrasing import Draft, quote, source_titles
from medinfo.services.qa.populations import asked_population, population_draft, population_name
from medinfo.services.qa.practical import mentions_any
from medinfo.services.qa.topic import Topic
from medinfo.services.qa.uses import asked_use, is_unlisted_use, unlisted_use_draft
from medinfo.services.qa.vocabulary import load_vocabulary

MAX_QUESTION_LENGTH = 2000


def _relevant(passage: Passage, reading: Reading, drug: str) -> bool:
    """Whether a passage shares enough meaning with the question to be shown."""
    if reading.sections and passage.section in reading.sections:
        return True
    wanted = content_words(reading.text) - content_words(drug)
    shared = wanted & content_words(passage.text)
    return len(shared) >= min(2, len(wanted)) if wanted else False


def _passage_draft(
    monograph: Monograph, reading: Reading, passages: PassageSearch | None
) -> Draft | None:
    """An answer quoting the best stored passage, when one fits the question."""
    if passages is None:
        return None
    query = " ".join([reading.text, *reading.search_words])
    topic_words = load_vocabulary().topic_words.get(reading.intent.value, ())
    for passage in passages.search(monograph.drug, query, limit=3):
        if not _relevant(passage, reading, monograph.drug):
            continue
        if topic_words and not mentions_any(passage.text, topic_words):
            continue
        draft = Draft()
        title = source_titles(monograph, [passage.source])
        draft.say(
            f"medinfo has no structured fact on this, but {title} says: {quote(passage.text)}"
        )
        draft.citations.append(
            Citation(
                source=passage.source, start=passage.start, end=passage.end, section=passage.section
            )
        )
        safety = SAFETY_LINES.get(reading.intent)
        if safety:
            draft.say(safety.format(drug=monograph.drug))
        return draft
    return None


def answer_question(
    question: str,
    monographs: MonographLookup,
    drug: str | None = None,
    passages: PassageSearch | None = None,
) -> Answer:
    """Answer a patient's question from the drug's monograph, or abstain honestly.

    `drug` names the medicine when the question does not (brand or misspelled names are
    fine); otherwise the drug mentioned in the question is used. Raises InputError for an
    empty or overlong question.
    """
    if not question.strip():
        raise InputError("question: must not be empty")
    if len(question) > MAX_QUESTION_LENGTH:
        raise InputError(f"question: longer than {MAX_QUESTION_LENGTH} characters")
    key = monographs.resolve(drug) if drug else monographs.find_in_text(question)
    monograph = monographs.get(key) if key else None
    names = [monograph.drug, *monograph.brand_names] if monograph else []
    reading = read_question(question, drug_names=[*names, *([drug] if drug else [])])
    name = monograph.drug if monograph else (drug or "this medicine")
    concern = blocking_concern(reading)
    if concern is not None:
        return abstain_for_concern(reading, concern, monograph.drug if monograph else None, name)
    if monograph is None:
        return abstain_unknown_drug(reading, drug)
    if is_child_dose(reading):
        return abstain_child_dose(reading, monograph.drug, name)
    use = asked_use(reading.question) if reading.intent is Intent.INDICATION else None
    dosing = reading.intent in {Intent.DOSAGE, Intent.MAX_DOSE}
    population = asked_population(Topic.of(reading)) if dosing else None
    if population:
        draft = population_draft(monograph, population, passages)
        if draft is None:
            said = f"The sources give no dose of {name} for {population_name(population)}."
            return abstain_uncovered(reading, monograph.drug, name, said)
    elif use and is_unlisted_use(monograph, use):
        draft = unlisted_use_draft(monograph, use, passages)
        if draft is None:
            said = f"The sources do not list {use} among the uses of {monograph.drug}."
            return abstain_uncovered(reading, monograph.drug, name, said)
    else:
        draft = compose_answer(monograph, reading) or _passage_draft(monograph, reading, passages)
    if draft is None:
        return abstain_uncovered(reading, monograph.drug, name)
    opening = [EMERGENCY] if needs_emergency_line(reading) else []
    also = secondary_lines(reading, monograph.drug, draft.sentences)
    return Answer(
        question=question,
        drug=monograph.drug,
        intent=reading.intent,
        answer=" ".join([*opening, *draft.sentences, *also, DISCLAIMER]),
        answerable=True,
        citations=draft.citations,
    )

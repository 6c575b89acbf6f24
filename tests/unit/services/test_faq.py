"""Common questions: the data file is validated, and only real answers on the topic are kept."""

from __future__ import annotations

from medinfo.domain.answers import Answer, Citation, Intent
from medinfo.domain.monograph import UNKNOWN
from medinfo.services.faq import (
    CommonQuestion,
    answer_common_questions,
    load_common_questions,
)

CITED = [Citation(source="s1", start=0, end=10)]


def _asker(replies: dict[str, Answer]):  # type: ignore[no-untyped-def]
    def ask(question: str, drug: str) -> Answer:
        return replies[question]

    return ask


def _answer(
    question: str, intent: Intent, *, answerable: bool = True, text: str = "Yes."
) -> Answer:
    citations = CITED if answerable else []
    return Answer(
        question=question,
        drug="naproxen",
        intent=intent,
        answer=text,
        answerable=answerable,
        citations=citations,
    )


def test_load_common_questions_covers_the_patient_topics() -> None:
    intents = {question.intent for question in load_common_questions()}
    for topic in ("alcohol", "driving", "missed_dose", "stopping", "pregnancy", "overdose"):
        assert Intent(topic) in intents


def test_answer_common_questions_keeps_only_answers_on_the_topic() -> None:
    questions = (
        CommonQuestion("alcohol", Intent.ALCOHOL, "Beer with {drug}?"),
        CommonQuestion("driving", Intent.DRIVING, "Drive on {drug}?"),
        CommonQuestion("storage", Intent.STORAGE, "Store {drug}?"),
        CommonQuestion("weight", Intent.WEIGHT_GAIN, "Weight on {drug}?"),
    )
    replies = {
        "Beer with naproxen?": _answer("Beer with naproxen?", Intent.ALCOHOL),
        "Drive on naproxen?": _answer("Drive on naproxen?", Intent.ALCOHOL),
        "Store naproxen?": _answer("Store naproxen?", Intent.STORAGE, answerable=False),
        "Weight on naproxen?": _answer("Weight on naproxen?", Intent.WEIGHT_GAIN, text=UNKNOWN),
    }
    kept = answer_common_questions(_asker(replies), "naproxen", questions)
    assert [answer.question for answer in kept] == ["Beer with naproxen?"]

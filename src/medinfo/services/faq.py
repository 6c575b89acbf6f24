"""Common questions: what patients often ask about any medicine, answered for one drug.

The questions are reviewable data (`knowledge/services/common_questions.json`); each is
asked of the question answering engine and kept only when the engine read it as the intended
topic and the sources answer it, so a page never shows a guess or an abstention (nor an
answer quoting a fact whose value is "the sources do not say").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from medinfo.domain.answers import Answer, Intent
from medinfo.domain.monograph import UNKNOWN
from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import CommonQuestions


@dataclass(frozen=True)
class CommonQuestion:
    """A question template (`{drug}` stands for the drug) and the intent it must be read as."""

    topic: str
    intent: Intent
    question: str

    def about(self, drug: str) -> str:
        return self.question.replace("{drug}", drug)


@cache
def load_common_questions() -> tuple[CommonQuestion, ...]:
    """The shipped common questions (knowledge/services/common_questions.json, read once)."""
    return tuple(
        CommonQuestion(entry.topic, entry.intent, entry.question)
        for entry in load(CommonQuestions).questions
    )


def answer_common_questions(
    ask: Callable[[str, str], Answer],
    drug: str,
    questions: tuple[CommonQuestion, ...] | None = None,
) -> list[Answer]:
    """The common questions about `drug` that its sources answer, each with its citations.

    `ask(question, drug)` is the question answering entry point (e.g. `Answerer.ask`).
    """
    answered = []
    for common in load_common_questions() if questions is None else questions:
        answer = ask(common.about(drug), drug)
        if _answers(answer, common):
            answered.append(answer)
    return answered


def _answers(answer: Answer, common: CommonQuestion) -> bool:
    return (
        answer.answerable
        and answer.intent == common.intent
        and bool(answer.citations)
        and UNKNOWN not in answer.answer
    )

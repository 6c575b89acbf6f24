"""Common questions: what patients often ask about any medicine, answered for one drug.

The questions are data (`rules/common_questions.json`, reviewable without Python); each is
asked of the question answering engine and kept only when the engine read it as the intended
topic and the sources answer it, so a page never shows a guess or an abstention (nor an
answer quoting a fact whose value is "the sources do not say").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from medinfo.domain.answers import Answer, Intent
from medinfo.domain.errors import InputError
from medinfo.domain.monograph import UNKNOWN

QUESTIONS_FILE = Path(__file__).parent / "rules" / "common_questions.json"
_TOP_KEYS = {"_comment", "questions"}
_QUESTION_KEYS = {"topic", "intent", "question"}


@dataclass(frozen=True)
class CommonQuestion:
    """A question template (`{drug}` stands for the drug) and the intent it must be read as."""

    topic: str
    intent: Intent
    question: str

    def about(self, drug: str) -> str:
        return self.question.replace("{drug}", drug)


def parse_common_questions(raw: Any, where: str = "common_questions.json") -> list[CommonQuestion]:
    """The questions of a parsed rules file; InputError naming the field on anything unexpected."""
    if not isinstance(raw, dict) or set(raw) - _TOP_KEYS or "questions" not in raw:
        raise InputError(f"{where}: expected an object with 'questions' (and '_comment')")
    found: list[CommonQuestion] = []
    for position, entry in enumerate(raw["questions"]):
        field = f"{where}: questions[{position}]"
        if not isinstance(entry, dict) or set(entry) != _QUESTION_KEYS:
            raise InputError(f"{field}: needs exactly {', '.join(sorted(_QUESTION_KEYS))}")
        if entry["intent"] not in Intent.__members__.values():
            raise InputError(f"{field}.intent: unknown intent {entry['intent']!r}")
        if "{drug}" not in str(entry["question"]):
            raise InputError(f"{field}.question: must contain {{drug}}")
        found.append(
            CommonQuestion(str(entry["topic"]), Intent(entry["intent"]), entry["question"])
        )
    return found


@cache
def load_common_questions() -> tuple[CommonQuestion, ...]:
    """The shipped common questions (read once per process)."""
    raw = json.loads(QUESTIONS_FILE.read_text(encoding="utf-8"))
    return tuple(parse_common_questions(raw, QUESTIONS_FILE.name))


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

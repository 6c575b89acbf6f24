"""Tests for questions naming a second medicine, or something read as one."""

from __future__ import annotations

from medinfo.domain.answers import Intent
from medinfo.services.qa import InMemoryMonographs, answer_question


def test_answer_question_drug_and_a_condition_is_not_a_combination(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("zanaflex and liver disease?", lookup)
    assert answer.intent is Intent.PRECAUTIONS
    assert "interact" not in answer.answer

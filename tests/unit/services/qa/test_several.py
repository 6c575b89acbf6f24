"""Tests for questions that ask several things at once."""

from __future__ import annotations

from medinfo.services.qa import InMemoryMonographs, answer_question


def test_answer_question_answers_each_question_asked_in_one(lookup: InMemoryMonographs) -> None:
    answer = answer_question("whats the max dose of zanaflex? and can i drink beer on it", lookup)
    assert answer.answerable
    assert "36 mg" in answer.answer  # the maximum, from the first question
    assert "Avoid alcohol" in answer.answer  # the second question

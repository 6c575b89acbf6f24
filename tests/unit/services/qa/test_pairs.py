"""Tests for questions naming a second medicine, or something read as one."""

from __future__ import annotations

from medinfo.domain.answers import Intent
from medinfo.services.qa import InMemoryMonographs, InMemoryPassages, answer_question


def test_answer_question_drug_and_a_condition_is_not_a_combination(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("zanaflex and liver disease?", lookup)
    assert answer.intent is Intent.PRECAUTIONS
    assert "interact" not in answer.answer


def _sertraline_page_naming_tizanidine() -> InMemoryPassages:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st1",
        "Sertraline leaflet.\n\n"
        "Other medicines. Tizanidine: the two together may leave you more sleepy and dizzy "
        "than either alone.\n\n"
        "Storage. Keep it below 30 degrees.",
    )
    return passages


def test_a_pair_is_answered_from_the_other_drugs_source_when_the_first_says_nothing(
    lookup: InMemoryMonographs,
) -> None:
    passages = _sertraline_page_naming_tizanidine()
    answer = answer_question("zanaflex + zoloft ok together?", lookup, passages=passages)
    assert answer.answerable
    assert "more sleepy and dizzy" in answer.answer
    assert any(c.source == "st1" for c in answer.citations)
    assert "below 30 degrees" not in answer.answer


def test_a_pair_neither_drugs_sources_speak_of_is_declined(lookup: InMemoryMonographs) -> None:
    passages = InMemoryPassages()
    passages.add_text("sertraline", "st1", "Sertraline leaflet.\n\nStorage. Keep it dry.")
    answer = answer_question("zanaflex + zoloft ok together?", lookup, passages=passages)
    assert not answer.answerable
    assert "pharmacist" in answer.answer

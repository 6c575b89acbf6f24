"""Tests for questions naming a second medicine, or something read as one."""

from __future__ import annotations

import pytest

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


def _with_a_dye_interaction() -> InMemoryMonographs:
    from medinfo.domain.monograph import Interaction, Monograph, SourceRef
    from tests.unit.services.qa.conftest import ev

    monograph = Monograph(
        drug="glipizide",
        interactions=[
            Interaction(
                agent="gadolinium dye",
                effect="the dye is cleared more slowly; the tablets are paused for the scan",
                severity="major",
                agent_type="substance",
                sources=["gz1"],
                evidence=[ev("gz1", 10, "interactions")],
            )
        ],
        sources=[SourceRef(id="gz1", title="Glipizide notes", kind="article", reliability="x")],
    )
    return InMemoryMonographs([monograph])


@pytest.mark.parametrize(
    "question",
    ["having gadolinium tomorrow, glipizide user", "gadolinium tomorrow and im on glipizide"],
)
def test_a_question_naming_a_listed_substance_by_one_word_asks_about_the_pair(
    question: str,
) -> None:
    answer = answer_question(question, _with_a_dye_interaction())
    assert answer.intent is Intent.INTERACTION
    assert answer.answerable
    assert "paused for the scan" in answer.answer

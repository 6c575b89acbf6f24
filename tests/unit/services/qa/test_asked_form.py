"""Tests for a form a question asks about that none of the drug's forms is."""

from __future__ import annotations

from medinfo.domain.monograph import Monograph
from medinfo.services.qa import InMemoryMonographs, answer_question
from medinfo.services.qa.asked_form import unheld_form


def test_a_form_the_drug_does_not_come_as_is_unheld() -> None:
    tablets = Monograph(drug="naproxen", forms=["oral tablet"])
    assert unheld_form(tablets, "how do i rub in the naproxen gel") == "gel"
    assert unheld_form(tablets, "can i crush the tablet") is None


def test_a_form_held_under_a_longer_name_is_held() -> None:
    both = Monograph(drug="clotrimazole", forms=["vaginal cream", "vaginal tablet"])
    assert unheld_form(both, "how much cream do i use") is None


def test_with_no_forms_known_nothing_is_unheld() -> None:
    assert unheld_form(Monograph(drug="naproxen"), "how do i use the patch") is None


def test_a_how_to_question_about_a_form_not_held_is_declined(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("how do i use the tizanidine patch", lookup)
    assert not answer.answerable
    assert "patch" in answer.answer
    assert " mg" not in answer.answer

"""Practical questions: precautions by synonym, controlled status, how to take it."""

from medinfo.domain.answers import Intent
from medinfo.services.qa import InMemoryMonographs, answer_question
from medinfo.services.qa.practical import asked_conditions
from medinfo.services.qa.vocabulary import term_key


def test_asked_conditions_reads_synonyms() -> None:
    assert asked_conditions(term_key("i have cirrhosis")) == {"liver disease"}
    assert "kidney disease" in asked_conditions(term_key("baclofen with bad kidneys"))


def test_answer_question_precaution_through_a_synonym(lookup: InMemoryMonographs) -> None:
    answer = answer_question("i have cirrhosis is zanaflex ok for me", lookup)
    assert answer.intent is Intent.PRECAUTIONS
    assert answer.answerable
    assert "liver disease" in answer.answer
    assert answer.citations


def test_answer_question_controlled_status_without_a_fact_abstains(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("is tizanidine a controlled substance", lookup)
    assert answer.intent is Intent.CONTROLLED_SUBSTANCE
    assert not answer.answerable
    assert "muscle relaxant" not in answer.answer
    assert "pharmacist" in answer.answer


def test_answer_question_how_to_take_in_general_gives_the_schedule(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("how do i take zanaflex", lookup)
    assert answer.intent is Intent.HOW_TO_TAKE
    assert answer.answerable
    assert answer.citations


def test_answer_question_new_intents_without_facts_abstain(lookup: InMemoryMonographs) -> None:
    for question in (
        "what does a zanaflex pill look like",
        "tizanidine half life",
        "does zanaflex have lactose in it",
        "alternatives to tizanidine",
    ):
        answer = answer_question(question, lookup)
        assert not answer.answerable, question
        assert "pharmacist" in answer.answer
        assert answer.citations == []

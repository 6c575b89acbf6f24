"""Abstention: questions the sources cannot answer get an honest no with someone to ask."""

import pytest

from medinfo.services.qa import InMemoryMonographs, answer_question

UNANSWERABLE = [
    "whats zoloft going for at rite aid",
    "is there a copay card for zanaflex",
    "can i buy sertraline online from canada",
    "is it legal to carry tizanidine into the uk",
    "do i need a script for zoloft",
    "will sertraline make me fail a urine screen at work",
    "should i take zoloft for my grief",
    "do you think i need a stronger dose of sertraline",
    "should i switch from zanaflex to something else",
    "is zoloft better than prozac",
    "tizanidine vs methocarbamol for back spasms",
    "whats the difference between sertraline and lexapro",
    "how much zanaflex for my 9 yo",
    "can i give my dog some zoloft",
    "i cant sleep and feel sad all the time, is it depression",
    "what is the dose of venlafaxine",
    "can i take zoloft and tizanidine together",
    "my 6 yr old was given zoloft for anxiety, is 50mg right",
    "does my insurance cover zanaflex",
]
ANSWERABLE = [
    ("do you think i can have a beer on zanaflex", "avoid"),
    ("can i take zanaflex with my tramadol", "opioids"),
    ("what do they give tizanidine for", "spasticity"),
    ("what is the limit of mg of zanaflex", "36 mg"),
]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_answer_question_abstains_and_points_to_someone(
    lookup: InMemoryMonographs, question: str
) -> None:
    answer = answer_question(question, lookup)
    assert not answer.answerable
    assert not answer.citations
    assert any(who in answer.answer for who in ("pharmacist", "doctor", "vet"))


@pytest.mark.parametrize(("question", "key"), ANSWERABLE)
def test_answer_question_answers_near_misses_of_abstention(
    lookup: InMemoryMonographs, question: str, key: str
) -> None:
    answer = answer_question(question, lookup)
    assert answer.answerable
    assert key in answer.answer.lower()


def test_answer_question_how_to_take_without_a_fact_abstains_without_judging(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("should i take zanaflex with food", lookup)
    assert answer.intent.value == "how_to_take"
    assert not answer.answerable
    assert "pharmacist" in answer.answer
    assert "mg" not in answer.answer


def test_answer_question_judgement_keeps_the_topic_safety_line(
    lookup: InMemoryMonographs,
) -> None:
    # whether to stop is the prescriber's call; how to stop safely is what the sources say
    answer = answer_question("do you think i should stop zanaflex", lookup)
    assert "Do not stop taking tizanidine suddenly" in answer.answer
    assert "cannot judge your own case" in answer.answer
    # a judgement of the asker's own dose stays unanswered
    dose = answer_question("is 8 mg the right dose for me", lookup, drug="zanaflex")
    assert not dose.answerable
    assert "cannot judge your own case" in dose.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("forgot my zanaflex this morning should i take it or wait", "double dose"),
        ("im taking zanaflex 4mg, is that ok with ciprofloxacin", "ciprofloxacin"),
    ],
)
def test_answer_question_judgement_on_a_general_topic_gives_the_facts(
    lookup: InMemoryMonographs, question: str, said: str
) -> None:
    answer = answer_question(question, lookup)
    assert answer.answerable
    assert said in answer.answer
    assert "cannot judge your own case" in answer.answer


def test_answer_question_adds_the_precaution_for_a_named_condition(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("is zanaflex ok if i have liver problems", lookup)
    assert answer.answerable
    assert "liver disease" in answer.answer
    assert ("tz1", 900) in [(c.source, c.start) for c in answer.citations]
    # asked as a dose, the group's care advice is still said and cited, but no dose is given
    dose = answer_question("what dose of zanaflex if i have liver problems", lookup)
    assert not dose.answerable
    assert "no dose of tizanidine for people with liver disease" in dose.answer
    assert ("tz1", 900) in [(c.source, c.start) for c in dose.citations]


@pytest.mark.parametrize(
    "question",
    [
        "how much weight will i gain on zanaflex",
        "what blood pressure should i aim for on zanaflex",
        "do i really need zanaflex or can i fix it with exercise",
        "zanaflex 4 mg starting dose ok?",
    ],
)
def test_answer_question_declines_judging_the_askers_own_case(
    question: str, lookup: InMemoryMonographs
) -> None:
    answer = answer_question(question, lookup)
    assert not answer.answerable
    assert "cannot judge your own case" in answer.answer


def test_answer_question_declines_comparisons_and_saving_money(lookup: InMemoryMonographs) -> None:
    for question in (
        "zanaflex or baclofen, which one has fewer side effects",
        "what is the best muscle pill for me, zanaflex or something else",
        "can i split zanaflex to save money",
    ):
        assert not answer_question(question, lookup).answerable

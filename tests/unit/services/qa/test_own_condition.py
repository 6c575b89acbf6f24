"""The asker's own condition read as context, never as a side effect asked about."""

from __future__ import annotations

import pytest

from medinfo.services.qa.intents import read_question
from medinfo.services.qa.own_condition import asks_with_own_condition, states_own_condition


@pytest.mark.parametrize(
    "question",
    [
        "i had gout two years ago, can i start allopurinol",
        "my husband suffers from glaucoma, is it safe for him",
        "i used to get cluster headaches, should i take it",
        "ive had a stomach bleed before, is it ok",
        "diagnosed with asthma as a kid, am i allowed to use it",
    ],
)
def test_a_stated_condition_with_a_may_i_question_asks_a_precaution(question: str) -> None:
    assert asks_with_own_condition(read_question(question, drug_names=["allopurinol"]))


@pytest.mark.parametrize(
    "question",
    [
        "i have had a rash since starting it, can i keep taking it",
        "it gave me nosebleeds, is it ok",
        "i had a headache after taking it, is that a side effect",
        "ive had tremors while on it, is it safe",
    ],
)
def test_a_complaint_that_began_on_the_drug_stays_an_effect_question(question: str) -> None:
    assert not asks_with_own_condition(read_question(question))


def test_a_condition_without_a_may_i_question_is_only_stated() -> None:
    reading = read_question("i had a stroke last year and my feet swell")
    assert states_own_condition(reading)
    assert not asks_with_own_condition(reading)

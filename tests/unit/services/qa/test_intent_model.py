"""The learned intent reading: what it adds to the cue rules and what it may not overrule."""

from __future__ import annotations

from medinfo.domain.answers import Intent
from medinfo.services.qa.intent_model import IntentModel, intent_model, question_features
from medinfo.services.qa.intents import FIRM, overrules, read_question


def test_question_features_are_words_and_word_pairs() -> None:
    assert question_features("how long does it last") >= {"how", "how_long", "it_last"}


def test_a_model_guesses_the_intent_its_weights_favour() -> None:
    model = IntentModel(
        0.8,
        {"onset": 0.0, "other": 0.0},
        {"kick_in": {"onset": 3.0}, "cost": {"other": 3.0}},
    )
    guess = model.guess("when does it kick in")
    assert guess.intent is Intent.ONSET
    assert guess.confidence > 0.9
    assert model.guess("what does it cost").intent is Intent.OTHER


def test_the_shipped_model_knows_every_intent_it_may_choose() -> None:
    model = intent_model()
    assert set(model.bias) <= {intent.value for intent in Intent}
    assert 0.5 <= model.threshold < 1.0


def test_a_firm_rule_reading_is_never_overruled() -> None:
    question = "i threw up an hour after my dose, do i take another one"
    ruled = read_question(question, learned=False)
    assert ruled.score >= FIRM
    assert not overrules(ruled.score, 1.0)
    assert read_question(question).intent is ruled.intent


def test_an_intent_the_model_never_learnt_stays_with_the_rules() -> None:
    question = "will this pill make me put on weight"
    ruled = read_question(question, learned=False)
    assert ruled.intent is Intent.WEIGHT_GAIN
    assert read_question(question).intent is Intent.WEIGHT_GAIN

"""Fitting the intent model: a softmax over question words that learns from labels."""

from __future__ import annotations

from pathlib import Path

from medinfo.domain.answers import Intent
from medinfo.services.qa.intent_model_build import _group, fit, read_examples


def test_fit_learns_words_that_mark_an_intent() -> None:
    texts = ["when does it kick in", "how soon will it kick in", "what does it cost", "cost of it"]
    texts = texts * 3
    intents = ["onset", "onset", "other", "other"] * 3
    model = fit(texts, intents)
    assert model.guess("does it kick in fast").intent is Intent.ONSET
    assert model.guess("cost per box").intent is Intent.OTHER


def test_question_files_are_grouped_by_writing_round() -> None:
    assert _group("tests/fixtures/blind/holdout6/questions/holdout6_A.json") == "holdout6"
    assert _group("tests/fixtures/blind/questions/blindB.json") == "blind"
    assert _group("bench/questions_holdout.json") == "bench"


def test_read_examples_skips_files_that_are_absent(tmp_path: Path) -> None:
    assert read_examples(tmp_path) == []


def test_a_weight_gain_label_is_learnt_as_a_side_effect_question(tmp_path: Path) -> None:
    """Weight gain is the rules' own intent: the model must never learn to overrule it."""
    import json

    folder = tmp_path / "tests" / "fixtures" / "blind" / "holdout9" / "questions"
    folder.mkdir(parents=True)
    rows = [{"question": "has sertraline made me heavier", "intent": "weight_gain"}]
    (folder / "h9.json").write_text(json.dumps({"questions": rows}))
    name = "tests/fixtures/blind/holdout9/questions/h9.json"
    assert [e.intent for e in read_examples(tmp_path, (name,))] == ["side_effects"]

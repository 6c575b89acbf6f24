"""Validating a submission: every bad field is named with a message a reviewer understands."""

from __future__ import annotations

import pytest

from medinfo.services.reviews.submission import ReviewInvalidError, validate_review
from tests.reviewing import review


def problems(raw: dict[str, object]) -> dict[str, str]:
    with pytest.raises(ReviewInvalidError) as caught:
        validate_review(raw)
    return {problem.field: problem.message for problem in caught.value.problems}


def test_validate_review_accepts_a_good_review_and_trims_it() -> None:
    draft = validate_review(review(condition="  tension   headaches ", text="  " + "x" * 30))
    assert draft.condition == "tension headaches"
    assert draft.text == "x" * 30
    assert draft.rating == 7


@pytest.mark.parametrize("rating", [0, 11, -3, "ten", 7.5, True, None, ""])
def test_validate_review_rejects_ratings_outside_1_to_10(rating: object) -> None:
    assert "rating" in problems(review(rating=rating))


def test_validate_review_accepts_a_rating_typed_in_a_form() -> None:
    assert validate_review(review(rating="10")).rating == 10


def test_validate_review_enforces_length_limits_by_field() -> None:
    found = problems(review(text="too short", condition="c" * 201, duration="d" * 201))
    assert set(found) == {"text", "condition", "duration"}
    assert "20" in found["text"]
    assert "200" in found["condition"]
    assert "5000" in problems(review(text="y" * 5001))["text"]


def test_validate_review_rejects_unknown_fields_and_bad_side_effects() -> None:
    found = problems(review(email="a@b.c", side_effects="x" * 101))
    assert set(found) == {"email", "side_effects"}
    assert "side_effects" in problems(review(side_effects=[1, 2]))
    assert "side_effects" in problems(review(side_effects=[f"effect {i}" for i in range(31)]))


def test_validate_review_rejects_control_characters() -> None:
    assert "text" in problems(review(text="A fine review of the drug\x00 with a null"))

"""Moderation: only approved reviews count, and the precomputed counts follow every decision."""

from __future__ import annotations

import pytest

from medinfo.domain.reviews import ReviewStatus
from medinfo.services.reviews import (
    ModerationDisabledError,
    ReviewNotFoundError,
    admin_token_matches,
    list_reviews,
    moderate_review,
    submit_review,
    summarize_reviews,
)
from medinfo.store.database import Database
from tests.reviewing import put_monograph, review


@pytest.fixture
def drug_db(database: Database) -> Database:
    put_monograph(database, "naproxen", {"nausea": 4, "drowsiness": 1}, brands=("Aleve",))
    return database


def _submit(database: Database, number: int, **changes: object) -> int:
    stored = submit_review(database, "naproxen", review(**changes), client_key=f"c{number}")
    assert stored.id is not None
    return stored.id


def test_summary_counts_only_approved_reviews(drug_db: Database) -> None:
    first = _submit(drug_db, 1, rating=9)
    _submit(drug_db, 2, rating=2)
    assert summarize_reviews(drug_db, "naproxen").count == 0
    moderate_review(drug_db, first, ReviewStatus.APPROVED)
    summary = summarize_reviews(drug_db, "aleve")
    assert (summary.count, summary.average, summary.histogram["9"]) == (1, 9.0, 1)
    assert [r.id for r in list_reviews(drug_db, "naproxen").reviews] == [first]


def test_summary_sets_reported_side_effects_beside_the_sources(drug_db: Database) -> None:
    ids = [
        _submit(drug_db, 1, side_effects=["feeling sick"]),
        _submit(drug_db, 2, side_effects=["Nausea", "sleepy"]),
        _submit(drug_db, 3, side_effects=["ringing ears"]),
    ]
    for review_id in ids:
        moderate_review(drug_db, review_id, ReviewStatus.APPROVED)
    summary = summarize_reviews(drug_db, "naproxen")
    by_term = {item.term: item for item in summary.side_effects}
    assert by_term["nausea"].note == "reported by 2 of 3 reviewers; listed as common by 4 sources"
    assert by_term["drowsiness"].listed_by_sources == 1
    assert by_term["ringing ears"].note.endswith("not listed by the sources")
    assert summary.conditions[0].reviewers == 3


def test_rejecting_an_approved_review_takes_it_out_of_the_counts(drug_db: Database) -> None:
    review_id = _submit(drug_db, 1, rating=4)
    moderate_review(drug_db, review_id, ReviewStatus.APPROVED)
    moderate_review(drug_db, review_id, ReviewStatus.APPROVED)  # twice counts once
    assert summarize_reviews(drug_db, "naproxen").count == 1
    moderate_review(drug_db, review_id, ReviewStatus.REJECTED)
    summary = summarize_reviews(drug_db, "naproxen")
    assert (summary.count, summary.average, summary.side_effects) == (0, None, [])


def test_moderating_a_missing_review_names_it(drug_db: Database) -> None:
    with pytest.raises(ReviewNotFoundError, match="review 999"):
        moderate_review(drug_db, 999, ReviewStatus.APPROVED)


def test_admin_token_matches_only_the_configured_token() -> None:
    assert admin_token_matches("long-secret", "long-secret")
    assert not admin_token_matches("long-secret", "long-secreT")
    assert not admin_token_matches("long-secret", None)
    with pytest.raises(ModerationDisabledError, match="MEDINFO_ADMIN_TOKEN"):
        admin_token_matches("", "anything")

"""Moderation: the admin token check, the queue of held reviews, approving and rejecting."""

from __future__ import annotations

import hmac

from medinfo.domain.errors import InputError, MedinfoError
from medinfo.domain.reviews import Review, ReviewStatus
from medinfo.services.reviews.aggregates import count_deltas
from medinfo.store.database import Database
from medinfo.store.reviews import ReviewRepository

DISABLED = "review moderation is disabled: set MEDINFO_ADMIN_TOKEN to enable it"


class ModerationDisabledError(MedinfoError):
    """No admin token is configured, so nobody may moderate."""

    def __init__(self) -> None:
        super().__init__(DISABLED)


class ReviewNotFoundError(InputError):
    """No review has this id."""

    def __init__(self, review_id: int) -> None:
        self.review_id = review_id
        super().__init__(f"review {review_id}: no such review")


def admin_token_matches(configured: str, given: str | None) -> bool:
    """Whether `given` is the admin token (constant-time); ModerationDisabledError if unset."""
    if not configured:
        raise ModerationDisabledError()
    if not given:
        return False
    return hmac.compare_digest(configured.encode("utf-8"), given.encode("utf-8"))


def list_for_moderation(
    database: Database, status: ReviewStatus = ReviewStatus.PENDING, *, limit: int = 100
) -> list[Review]:
    """Reviews in one status, oldest first, with their hold reasons."""
    with database.reader() as store:
        return ReviewRepository(store.connection).list_by_status(status, limit=limit)


def moderate_review(database: Database, review_id: int, decision: ReviewStatus) -> Review:
    """Approve or reject a review; the drug's counts follow in the same transaction."""
    if decision is ReviewStatus.PENDING:
        raise InputError("decision: must be approved or rejected")
    with database.transaction() as store:
        repository = ReviewRepository(store.connection)
        review = repository.get(review_id)
        if review is None:
            raise ReviewNotFoundError(review_id)
        if review.status is decision:
            return review
        if not repository.set_status(review_id, review.status, decision, review.hold_reason):
            raise InputError(f"review {review_id}: changed by another moderator; reload")
        if decision is ReviewStatus.APPROVED:
            repository.add_to_counts(count_deltas([review], 1))
        elif review.status is ReviewStatus.APPROVED:
            repository.add_to_counts(count_deltas([review], -1))
    return review.model_copy(update={"status": decision})

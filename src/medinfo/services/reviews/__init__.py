"""Patient reviews: submission, moderation, summaries beside the sources, data-set imports."""

from __future__ import annotations

from medinfo.domain.reviews import DatasetFormat
from medinfo.services.reviews.aggregates import (
    ReviewBlock,
    ReviewPage,
    ReviewSummary,
    list_reviews,
    page_of_reviews,
    review_block,
    summarize_drug,
    summarize_reviews,
)
from medinfo.services.reviews.importers import ImportReport, import_reviews
from medinfo.services.reviews.lookup import resolve_review_drug, review_key, sign
from medinfo.services.reviews.moderation import (
    ModerationDisabledError,
    ReviewNotFoundError,
    admin_token_matches,
    list_for_moderation,
    moderate_review,
)
from medinfo.services.reviews.sessions import AdminSessions
from medinfo.services.reviews.submission import (
    FieldProblem,
    RateLimit,
    RateLimitedError,
    ReviewInvalidError,
    submit_review,
    validate_review,
)

__all__ = [
    "AdminSessions",
    "DatasetFormat",
    "FieldProblem",
    "ImportReport",
    "ModerationDisabledError",
    "RateLimit",
    "RateLimitedError",
    "ReviewBlock",
    "ReviewInvalidError",
    "ReviewNotFoundError",
    "ReviewPage",
    "ReviewSummary",
    "admin_token_matches",
    "import_reviews",
    "list_for_moderation",
    "list_reviews",
    "moderate_review",
    "page_of_reviews",
    "resolve_review_drug",
    "review_block",
    "review_key",
    "sign",
    "submit_review",
    "summarize_drug",
    "summarize_reviews",
    "validate_review",
]

"""What approved reviews add up to, read from precomputed counts and set beside the sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, Field

from medinfo.domain.monograph import Monograph, SideEffect
from medinfo.domain.reviews import Review, ReviewStatus
from medinfo.extract.terms import normalise, vocabulary
from medinfo.services.reviews.lookup import resolve_review_drug
from medinfo.services.reviews.side_effects import monograph_side_effects
from medinfo.store.database import Database
from medinfo.store.repositories import Store
from medinfo.store.reviews import CountKey, ReviewRepository

RATING, CONDITION, SIDE_EFFECT = "rating", "condition", "side_effect"
NOTICE = (
    "Reviews are personal experiences, not medical advice, and are never used for doses. "
    "Ask a pharmacist or doctor about your own treatment."
)
_TOP = 10


class ConditionCount(BaseModel):
    condition: str
    reviewers: int


class SideEffectComparison(BaseModel):
    """A side effect reviewers report, beside how many sources list it."""

    term: str
    reviewers: int
    listed_by_sources: int = 0
    listed_as: str | None = None
    sources: list[str] = Field(default_factory=list)
    note: str = ""


class ReviewSummary(BaseModel):
    """Counts over a drug's approved reviews (the JSON twin of the drug page's reviews block)."""

    drug: str
    count: int
    average: float | None
    histogram: dict[str, int]
    conditions: list[ConditionCount] = Field(default_factory=list)
    side_effects: list[SideEffectComparison] = Field(default_factory=list)
    notice: str = NOTICE


class ReviewPage(BaseModel):
    """One page of a drug's approved reviews, newest first."""

    drug: str
    page: int
    pages: int
    reviews: list[Review]


def condition_key(condition: str) -> str:
    """The conditions-vocabulary term a condition means, else its normalised words."""
    words = normalise(condition)
    term = vocabulary("conditions").lookup(words) if words else None
    return term.term if term is not None else words[:200]


def count_deltas(reviews: Iterable[Review], sign: int) -> Counter[CountKey]:
    """What adding (sign 1) or removing (sign -1) approved reviews does to the counts."""
    deltas: Counter[CountKey] = Counter()
    for review in reviews:
        deltas[(review.drug, RATING, str(review.rating))] += sign
        condition = condition_key(review.condition)
        if condition:
            deltas[(review.drug, CONDITION, condition)] += sign
        for term in review.side_effect_terms:
            deltas[(review.drug, SIDE_EFFECT, term[:200])] += sign
    return deltas


def summarize_reviews(database: Database, name: str, *, top: int = _TOP) -> ReviewSummary:
    """The summary of the approved reviews of the drug `name` refers to."""
    with database.reader() as store:
        drug = resolve_review_drug(store, name)
        return summarize_drug(store, drug, top=top)


def summarize_drug(store: Store, drug: str, *, top: int = _TOP) -> ReviewSummary:
    """The summary for a resolved drug key, in the caller's read transaction."""
    repository = ReviewRepository(store.connection)
    histogram = {str(rating): 0 for rating in range(1, 11)}
    for value, count in repository.counts(drug, RATING):
        histogram[value] = count
    total = sum(histogram.values())
    points = sum(int(rating) * count for rating, count in histogram.items())
    conditions = [
        ConditionCount(condition=value, reviewers=count)
        for value, count in repository.counts(drug, CONDITION, limit=top)
    ]
    listed = _listed_side_effects(store, drug)
    side_effects = [
        _compare(term, count, total, listed.get(term))
        for term, count in repository.counts(drug, SIDE_EFFECT, limit=top)
    ]
    return ReviewSummary(
        drug=drug,
        count=total,
        average=round(points / total, 1) if total else None,
        histogram=histogram,
        conditions=conditions,
        side_effects=side_effects,
    )


def list_reviews(database: Database, name: str, *, page: int = 1, per_page: int = 20) -> ReviewPage:
    """One page of the approved reviews of the drug `name` refers to."""
    with database.reader() as store:
        drug = resolve_review_drug(store, name)
        return page_of_reviews(store, drug, page=page, per_page=per_page)


class ReviewBlock(BaseModel):
    """What the drug page's reviews block shows: summary, one page and the listed side effects."""

    drug: str
    summary: ReviewSummary
    listing: ReviewPage
    listed_side_effects: list[str]


def review_block(database: Database, name: str, *, page: int = 1) -> ReviewBlock:
    """The reviews block of the drug `name` refers to, read in one transaction."""
    with database.reader() as store:
        drug = resolve_review_drug(store, name)
        summary = summarize_drug(store, drug)
        listing = page_of_reviews(store, drug, page=page)
        cached = store.monographs.get(drug)
    listed = [] if cached is None else Monograph.model_validate_json(cached.body).side_effects
    return ReviewBlock(
        drug=drug,
        summary=summary,
        listing=listing,
        listed_side_effects=[item.term for item in listed],
    )


def page_of_reviews(store: Store, drug: str, *, page: int = 1, per_page: int = 20) -> ReviewPage:
    """One page of a resolved drug's approved reviews, in the caller's read transaction."""
    repository = ReviewRepository(store.connection)
    total = sum(count for _, count in repository.counts(drug, RATING))
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    reviews = repository.list_for_drug(
        drug, ReviewStatus.APPROVED, limit=per_page, offset=(page - 1) * per_page
    )
    return ReviewPage(drug=drug, page=page, pages=pages, reviews=reviews)


def _listed_side_effects(store: Store, drug: str) -> dict[str, SideEffect]:
    cached = store.monographs.get(drug)
    if cached is None:
        return {}
    return monograph_side_effects(Monograph.model_validate_json(cached.body))


def _compare(
    term: str, reviewers: int, total: int, item: SideEffect | None
) -> SideEffectComparison:
    reported = f"reported by {reviewers} of {total} reviewers"
    if item is None or not item.sources:
        return SideEffectComparison(
            term=term, reviewers=reviewers, note=f"{reported}; not listed by the sources"
        )
    kind = item.frequency or ("serious" if item.serious else "common")
    count = len(item.sources)
    plural = "source" if count == 1 else "sources"
    return SideEffectComparison(
        term=term,
        reviewers=reviewers,
        listed_by_sources=count,
        listed_as=kind,
        sources=list(item.sources),
        note=f"{reported}; listed as {kind} by {count} {plural}",
    )
